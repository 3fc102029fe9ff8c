/** Shared set-up for transfer tests (fake-indexeddb and Chromium): two "machines", a fake host. */
import type { BackupInfo, HostApi, SaveFileRequest } from '../../../shared/host';
import type { PartyMinutesDB } from '../../../renderer/db/database';
import { exportRecords, prepareImport, applyImport, type ExportScope, type ImportPreview, type ImportSummary } from '../../../renderer/transfer';
import type { Resolution } from '../../../shared/transfer';

/** Fast KDF for tests (the format's minimum); real exports use the default 600,000. */
export const TEST_ITERATIONS = 10_000;
export const PASSWORD = '党支部-Test-2025';

export interface FakeHost extends HostApi {
  files: Map<string, { bytes: Uint8Array; modifiedAt: string }>;
  saved: SaveFileRequest[];
}

export function fakeHost(opts: { onDisk?: boolean; failWrites?: boolean } = {}): FakeHost {
  const files = new Map<string, { bytes: Uint8Array; modifiedAt: string }>();
  const saved: SaveFileRequest[] = [];
  return {
    files,
    saved,
    async getAppInfo() {
      return { appVersion: '0.1.0', shell: opts.onDisk === false ? 'web' : 'electron', platform: 'test', backupsOnDisk: opts.onDisk !== false };
    },
    async saveFile(req) {
      saved.push(req);
      return { saved: true, fileName: req.suggestedName };
    },
    async openFile() {
      return null;
    },
    async writeBackup(req) {
      if (opts.failWrites) throw new Error('磁盘已满');
      files.set(req.name, { bytes: req.bytes.slice(), modifiedAt: new Date().toISOString() });
    },
    async listBackups(): Promise<BackupInfo[]> {
      return [...files].map(([name, f]) => ({ name, size: f.bytes.length, modifiedAt: f.modifiedAt }));
    },
    async readBackup(name) {
      const f = files.get(name);
      if (!f) throw new Error('找不到该备份文件');
      return f.bytes.slice();
    },
    async deleteBackup(name) {
      files.delete(name);
    },
  };
}

export async function exportFile(db: PartyMinutesDB, scope: ExportScope = { kind: 'all' }, password = PASSWORD): Promise<Uint8Array> {
  const r = await exportRecords(db, { scope, password, iterations: TEST_ITERATIONS, label: { classification: '内部', note: '测试' } });
  return r.bytes;
}

export async function importFile(
  db: PartyMinutesDB,
  bytes: Uint8Array,
  decide?: (preview: ImportPreview) => Map<string, Resolution>,
  password = PASSWORD,
): Promise<{ preview: ImportPreview; summary: ImportSummary }> {
  const preview = await prepareImport(db, { name: 'test.pmx', bytes }, password);
  const summary = await applyImport(db, preview, decide ? decide(preview) : new Map());
  return { preview, summary };
}

/** Everything a secretary can see, for "unchanged" comparisons (operationLog and local excluded). */
export async function dataState(db: PartyMinutesDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of ['organisations', 'members', 'meetings', 'meetingIndex', 'talks', 'appraisals', 'rectifications', 'settings', 'purged']) {
    out[t] = (await db.table(t).toArray()).sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)));
  }
  return out;
}
