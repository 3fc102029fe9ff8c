/**
 * Automatic snapshots (issue #4 §5), in the transfer format: a .pmx encrypted with the backup
 * password, or — without one — the same archive unencrypted as a .zip (settings says so plainly).
 *
 * When: at start-up (at most once a day), before every import (a rollback point), before every
 * schema upgrade (startup.ts), before every restore, and on request. Where: the host's backups
 * folder outside the browser profile (desktop); the browser build offers them as downloads.
 * Retention after every automatic write: the newest 10 plus the newest of every month
 * (shared/transfer/retention.ts). Restore replaces the data tables in one transaction and is
 * itself preceded by a snapshot.
 */
import type Dexie from 'dexie';
import { version as appVersion } from '../../package.json';
import type { BackupInfo, HostApi } from '../../shared/host';
import { decodePmx, PmxError, readArchive, readPmxHeader, sha256Hex, PMX_MAGIC, type Manifest } from '../../shared/transfer';
import { selectBackupsToKeep } from '../../shared/transfer/retention';
import { CURRENT_SCHEMA_VERSION, type PartyMinutesDB } from '../db/database';
import { getInstallationId } from '../db/meta';
import { collectBytes, streamArchive, type RowSource } from './archiveStream';
import { encryptArchive } from './exporter';
import { atRestEncryptionOn, ENCRYPTED_BACKUP_REQUIRED, getBackupPassword, unwrapPassword, BACKUP_PASSWORD_KEY } from './backupPassword';
import { logOperation, operationRow } from './operationLog';
import { throttleProgress, type ProgressListener } from './progress';
import { BACKUP_SCHEMAS, BACKUP_TABLES, type BackupTable } from './tables';

export type BackupReason = 'startup' | 'before-import' | 'before-upgrade' | 'before-restore' | 'manual';

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  startup: '启动时自动备份',
  'before-import': '导入前自动备份',
  'before-upgrade': '软件升级前自动备份',
  'before-restore': '恢复前自动备份',
  manual: '手动备份',
};

const NAME = /^pm-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})?-(startup|before-import|before-upgrade|before-restore|manual)\.(pmx|zip)$/;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** pm-backup-20250308-060102345-startup.pmx (UTC time, so names sort by time). */
export function backupFileName(at: Date, reason: BackupReason, encrypted: boolean): string {
  const iso = at.toISOString(); // 2025-03-08T06:01:02.345Z
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}${iso.slice(20, 23)}`;
  return `pm-backup-${stamp}-${reason}.${encrypted ? 'pmx' : 'zip'}`;
}

export interface BackupEntry extends BackupInfo {
  /** ISO time the snapshot was taken (from the name). */
  at: string;
  reason: BackupReason;
  encrypted: boolean;
}

export function parseBackupName(name: string): Pick<BackupEntry, 'at' | 'reason' | 'encrypted'> | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const at = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7] ?? '000'}Z`;
  if (Number.isNaN(Date.parse(at))) return null;
  return { at, reason: m[8] as BackupReason, encrypted: m[9] === 'pmx' };
}

/** Our snapshots in the backups folder, newest first (other files there are left alone). */
export async function listBackupEntries(host: HostApi): Promise<BackupEntry[]> {
  const list = await host.listBackups();
  const out: BackupEntry[] = [];
  for (const b of list) {
    const p = parseBackupName(b.name);
    if (p) out.push({ ...b, ...p });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name < b.name ? 1 : -1));
}

/** Deletes what the retention rule does not keep. Returns the deleted names. */
export async function pruneBackups(host: HostApi): Promise<string[]> {
  const entries = await listBackupEntries(host);
  const { remove } = selectBackupsToKeep(entries.map((e) => ({ name: e.name, at: e.at })));
  const removed: string[] = [];
  for (const name of remove) {
    try {
      await host.deleteBackup(name);
      removed.push(name);
    } catch {
      /* a file that cannot be deleted now is tried again next time */
    }
  }
  return removed;
}

export interface SnapshotData {
  schemaVersion: number;
  installationId: string;
  tables: Record<BackupTable, RowSource>;
  counts: Record<string, number>;
}

async function* pages(table: Dexie.Table, size = 500): AsyncGenerator<unknown[]> {
  // Primary-key pages, so a large meetings table is never held in memory at once.
  let last: unknown = null;
  for (;;) {
    const coll = last === null ? table.orderBy(':id') : table.where(':id').above(last);
    const page = await coll.limit(size).toArray();
    if (page.length === 0) return;
    yield page;
    last = table.schema.primKey.keyPath ? (page[page.length - 1] as Record<string, unknown>)[table.schema.primKey.keyPath as string] : null;
    if (page.length < size || last === null) return;
  }
}

/** What a snapshot holds, read from any Dexie handle with these stores (current or older schema). */
export async function snapshotData(db: Dexie, schemaVersion: number, installationId: string): Promise<SnapshotData> {
  const names = new Set(db.tables.map((t) => t.name));
  const tables = {} as Record<BackupTable, RowSource>;
  const counts: Record<string, number> = {};
  for (const t of BACKUP_TABLES) {
    if (!names.has(t)) {
      tables[t] = [];
      counts[t] = 0;
      continue;
    }
    const table = db.table(t);
    counts[t] = await table.count();
    tables[t] = pages(table);
  }
  return { schemaVersion, installationId, tables, counts };
}

export interface WrittenBackup {
  name: string;
  sha256: string;
  counts: Record<string, number>;
  encrypted: boolean;
  /** False in the browser build: the file was offered as a download. */
  onDisk: boolean;
}

/** Offers a file as a download (browser build; .zip snapshots, which the web host would rename). */
function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: name.endsWith('.zip') ? 'application/zip' : 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Encodes a snapshot and hands it to the host. Does not log (callers do). */
export async function writeSnapshotFile(
  host: HostApi,
  data: SnapshotData,
  reason: BackupReason,
  password: string | null,
  options: { now?: Date; onProgress?: ProgressListener } = {},
): Promise<WrittenBackup> {
  const now = options.now ?? new Date();
  const progress = throttleProgress(options.onProgress);
  const total = Math.max(1, Object.values(data.counts).reduce((a, b) => a + b, 0));
  let done = 0;
  const input = {
    schemaVersion: data.schemaVersion,
    exportedAt: now.toISOString(),
    source: { installationId: data.installationId, appVersion, orgName: '' },
    scope: { kind: 'backup', reason },
    tables: data.tables,
    onRows: (n: number) => {
      done += n;
      progress({ stage: 'snapshot', fraction: done / total });
    },
  };
  const encrypted = password !== null;
  const bytes = encrypted
    ? (await encryptArchive(input, { password, label: { note: `党建会议记录 ${BACKUP_REASON_LABELS[reason]}` }, createdAt: now.toISOString() })).bytes
    : await collectBytes(streamArchive(input).chunks);
  const name = backupFileName(now, reason, encrypted);
  const info = await host.getAppInfo();
  if (info.backupsOnDisk) await host.writeBackup({ name, bytes });
  else if (encrypted) await host.writeBackup({ name, bytes });
  else download(bytes, name);
  progress({ stage: 'snapshot', fraction: 1 });
  return { name, sha256: await sha256Hex(bytes), counts: data.counts, encrypted, onDisk: info.backupsOnDisk };
}

/**
 * Takes a snapshot of the open database, logs it and applies retention (desktop). Throws when
 * the snapshot cannot be written (callers decide whether to go on).
 */
export async function writeSnapshot(
  db: PartyMinutesDB,
  host: HostApi,
  reason: BackupReason,
  options: { now?: Date; onProgress?: ProgressListener } = {},
): Promise<WrittenBackup> {
  const installationId = await getInstallationId(db);
  const password = await getBackupPassword(db);
  let written: WrittenBackup;
  try {
    // Never an unencrypted snapshot of fields that are encrypted at rest.
    if (password === null && (await atRestEncryptionOn(db))) throw new Error(ENCRYPTED_BACKUP_REQUIRED);
    const data = await snapshotData(db, CURRENT_SCHEMA_VERSION, installationId);
    written = await writeSnapshotFile(host, data, reason, password, options);
  } catch (e) {
    await logOperation(db, { kind: 'backup', fileName: '', fileSha256: '', counts: {}, result: 'failed', detail: `${BACKUP_REASON_LABELS[reason]}：${e instanceof Error ? e.message : String(e)}` }).catch(() => undefined);
    throw e;
  }
  await logOperation(db, {
    kind: 'backup',
    fileName: written.name,
    fileSha256: written.sha256,
    counts: written.counts,
    result: 'ok',
    detail: `${BACKUP_REASON_LABELS[reason]}${written.encrypted ? '（已加密）' : '（未加密）'}${written.onDisk ? '' : '（浏览器版：已作为下载提供）'}`,
  });
  if (written.onDisk) await pruneBackups(host).catch(() => undefined);
  return written;
}

const STARTUP_KEY = 'lastStartupBackupDay';

function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * Start-up snapshot, at most once per calendar day, only where backups go to a folder on disk
 * (the browser build cannot write silently; its page offers a download instead).
 * Returns the backup written, or null when none was due.
 */
export async function startupBackup(db: PartyMinutesDB, host: HostApi, options: { now?: Date } = {}): Promise<WrittenBackup | null> {
  const info = await host.getAppInfo();
  if (!info.backupsOnDisk) return null;
  const now = options.now ?? new Date();
  const row = await db.local.get(STARTUP_KEY);
  if (row?.value === localDay(now)) return null;
  const written = await writeSnapshot(db, host, 'startup', { now });
  await db.local.put({ key: STARTUP_KEY, value: localDay(now) });
  return written;
}

export type BackupSource = { kind: 'folder'; name: string } | { kind: 'file'; name: string; bytes: Uint8Array };

export interface RestorePreview {
  source: BackupSource;
  manifest: Manifest;
  tables: { [K in BackupTable]: unknown[] };
  sha256: string;
  encrypted: boolean;
}

export const BACKUP_NEEDS_PASSWORD = '这份备份已加密，请输入备份密码（设置备份密码时填写的密码）。';
const NOT_A_BACKUP = '这不是本软件的备份文件：请选择名称以 pm-backup- 开头的 .pmx 或 .zip 文件。';

function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

function isPmx(bytes: Uint8Array): boolean {
  return PMX_MAGIC.every((b, i) => bytes[i] === b);
}

/** Reads and fully verifies a backup (no writes). Password: the given one, else the stored one. */
export async function readBackupFile(db: PartyMinutesDB, host: HostApi, source: BackupSource, password?: string): Promise<RestorePreview> {
  const bytes = source.kind === 'file' ? source.bytes : await host.readBackup(source.name);
  let plaintext: Uint8Array;
  let encrypted: boolean;
  if (isPmx(bytes)) {
    readPmxHeader(bytes);
    const pw = password ?? (await getBackupPassword(db));
    if (!pw) throw new PmxError('wrong-password', BACKUP_NEEDS_PASSWORD);
    plaintext = (await decodePmx(bytes, pw)).plaintext;
    encrypted = true;
  } else if (isZip(bytes)) {
    plaintext = bytes;
    encrypted = false;
  } else {
    throw new Error(NOT_A_BACKUP);
  }
  const contents = await readArchive(plaintext, { currentSchemaVersion: CURRENT_SCHEMA_VERSION, schemas: BACKUP_SCHEMAS });
  if (contents.manifest.scope.kind !== 'backup') {
    throw new Error('这是一份“数据交换”导出文件，不是备份。请到“导入”中导入它（会与本机记录合并），而不是用它恢复。');
  }
  return { source, manifest: contents.manifest, tables: contents.tables as RestorePreview['tables'], sha256: await sha256Hex(bytes), encrypted };
}

/**
 * Restores a verified backup: first a snapshot of the current state (must succeed), then ONE
 * transaction replaces every record table and settings (purge markers are merged). `local`
 * (this computer's id, the backup password) and the operation log are kept.
 */
export async function restoreBackup(
  db: PartyMinutesDB,
  host: HostApi,
  preview: RestorePreview,
  options: { now?: Date; onProgress?: ProgressListener; operator?: string } = {},
): Promise<{ before: WrittenBackup }> {
  const before = await writeSnapshot(db, host, 'before-restore', { now: options.now, onProgress: options.onProgress });
  const counts: Record<string, number> = {};
  for (const t of BACKUP_TABLES) counts[t] = preview.tables[t].length;
  const log = await operationRow(db, {
    kind: 'restore',
    fileName: preview.source.name,
    fileSha256: preview.sha256,
    counts,
    result: 'ok',
    operator: options.operator,
    detail: `恢复到 ${preview.manifest.exportedAt} 的备份；恢复前的数据已备份为 ${before.name}`,
  });
  options.onProgress?.({ stage: 'write', fraction: 1 });
  await db.transaction('rw', [...BACKUP_TABLES.map((t) => db.table(t)), db.meetingIndex, db.operationLog], async () => {
    for (const t of BACKUP_TABLES) {
      const table = db.table(t);
      // Purge markers are only ever added: one made after the backup still stops a resurrection.
      if (t !== 'purged') await table.clear();
      if (preview.tables[t].length) await table.bulkPut(preview.tables[t]);
    }
    await db.operationLog.put(log);
  });
  return { before };
}

/** Logs a failed restore attempt. */
export async function logRestoreFailure(db: PartyMinutesDB, name: string, error: unknown): Promise<void> {
  await logOperation(db, { kind: 'restore', fileName: name, fileSha256: '', counts: {}, result: 'failed', detail: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
}

/** Reads the wrapped backup password from a raw (schema-less) Dexie handle; used before upgrades. */
export async function backupPasswordFromRaw(db: Dexie): Promise<string | null> {
  if (!db.tables.some((t) => t.name === 'local')) return null;
  const row = (await db.table('local').get(BACKUP_PASSWORD_KEY)) as { value?: unknown } | undefined;
  return unwrapPassword(row?.value);
}
