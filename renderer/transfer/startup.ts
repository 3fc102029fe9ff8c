/**
 * Start-up hook for the lead's DatabaseProvider: `openDatabaseWithBackups()` instead of
 * `openDatabase()`.
 *  1. Before a schema upgrade: if a database exists with an older schema version, snapshot it
 *     (opened raw, without the new schema, so nothing is upgraded yet), then open normally.
 *  2. After opening: the daily start-up snapshot, in the background.
 * Neither step ever stops the app from opening; what happened is kept for the 数据交换 page
 * (`startupReport()`).
 */
import Dexie from 'dexie';
import type { HostApi } from '../../shared/host';
import { CURRENT_SCHEMA_VERSION, DB_NAME, openDatabase, type PartyMinutesDB } from '../db/database';
import { getHost } from '../host';
import { backupPasswordFromRaw, snapshotData, startupBackup, writeSnapshotFile, type WrittenBackup } from './backups';
import { logOperation } from './operationLog';

export interface StartupReport {
  /** Snapshot written before a schema upgrade (or the error that prevented it). */
  upgrade: { from: number; to: number; backup?: WrittenBackup; error?: string } | null;
  /** Today's start-up snapshot; undefined while it is still running. */
  daily?: { backup: WrittenBackup | null; error?: string };
}

let report: StartupReport = { upgrade: null };
const listeners = new Set<() => void>();

export function startupReport(): StartupReport {
  return report;
}

export function onStartupReport(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function setReport(r: StartupReport): void {
  report = r;
  for (const fn of listeners) fn();
}

/** The Dexie schema version of an existing database, or 0 when there is none. Creates nothing. */
export function existingSchemaVersion(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let created = false;
    const req = indexedDB.open(name);
    req.onupgradeneeded = () => {
      // It did not exist: abort, so that probing leaves nothing behind.
      created = true;
      req.transaction?.abort();
    };
    req.onsuccess = () => {
      const v = req.result.version;
      req.result.close();
      resolve(created ? 0 : Math.floor(v / 10));
    };
    req.onerror = (e) => {
      if (created) {
        e.preventDefault();
        resolve(0);
      } else reject(req.error ?? new Error('无法读取数据库版本'));
    };
    req.onblocked = () => undefined;
  });
}

/**
 * Snapshot of an older-schema database before it is upgraded. Returns null when no upgrade is
 * pending. Throws when the snapshot cannot be written.
 */
export async function snapshotBeforeUpgrade(name: string, host: HostApi, options: { now?: Date } = {}): Promise<{ from: number; backup: WrittenBackup } | null> {
  const from = await existingSchemaVersion(name);
  if (from === 0 || from >= CURRENT_SCHEMA_VERSION) return null;
  const raw = new Dexie(name); // no schema: opens the existing version as it is
  await raw.open();
  try {
    const local = raw.tables.some((t) => t.name === 'local') ? ((await raw.table('local').get('installationId')) as { value?: unknown } | undefined) : undefined;
    const installationId = typeof local?.value === 'string' && local.value ? local.value : 'unknown';
    const data = await snapshotData(raw, from, installationId);
    const password = await backupPasswordFromRaw(raw);
    // Every page is read inside writeSnapshotFile, before the raw handle closes below.
    const backup = await writeSnapshotFile(host, data, 'before-upgrade', password, options);
    return { from, backup };
  } finally {
    raw.close();
  }
}

/**
 * Opens the database the safe way. Call it where `openDatabase(name)` is called today.
 * A failed pre-upgrade snapshot is reported, logged and does not stop the app (the v1→v2 upgrade
 * only adds empty tables).
 */
export async function openDatabaseWithBackups(name: string = DB_NAME, host: HostApi = getHost()): Promise<PartyMinutesDB> {
  let upgrade: StartupReport['upgrade'] = null;
  try {
    const r = await snapshotBeforeUpgrade(name, host);
    if (r) upgrade = { from: r.from, to: CURRENT_SCHEMA_VERSION, backup: r.backup };
  } catch (e) {
    upgrade = { from: -1, to: CURRENT_SCHEMA_VERSION, error: e instanceof Error ? e.message : String(e) };
  }
  const db = await openDatabase(name);
  setReport({ upgrade });
  if (upgrade?.backup) {
    const b = upgrade.backup;
    await logOperation(db, {
      kind: 'backup', fileName: b.name, fileSha256: b.sha256, counts: b.counts, result: 'ok',
      detail: `软件升级前自动备份（数据版本 ${upgrade.from} → ${upgrade.to}）${b.encrypted ? '（已加密）' : '（未加密）'}`,
    }).catch(() => undefined);
  } else if (upgrade?.error) {
    await logOperation(db, { kind: 'backup', fileName: '', fileSha256: '', counts: {}, result: 'failed', detail: `软件升级前自动备份失败：${upgrade.error}` }).catch(() => undefined);
  }
  // Daily snapshot in the background: the app is usable meanwhile.
  void startupBackup(db, host).then(
    (backup) => setReport({ ...report, daily: { backup } }),
    (e: unknown) => setReport({ ...report, daily: { backup: null, error: e instanceof Error ? e.message : String(e) } }),
  );
  return db;
}
