/**
 * Import (issue #4 §3): header (readable without the password) → decrypt, checking every block →
 * unzip, manifest hashes, zod schema of every record → plan per table (shared/transfer/merge.ts)
 * → the secretary decides conflicts → ONE short Dexie transaction writes everything.
 *
 * All crypto and validation happen before the transaction (awaiting WebCrypto inside a Dexie
 * transaction commits it early). The transaction re-checks that the local records are still the
 * ones the preview was computed from, so nothing changed in between is overwritten. If anything
 * fails — or the window is closed — IndexedDB rolls the whole transaction back.
 */
import Dexie, { type Table } from 'dexie';
import {
  MEETING_TYPE_SHORT,
  RECTIFICATION_LIST_KIND_LABELS,
  TALK_TYPE_LABELS,
  type Appraisal,
  type Meeting,
  type Member,
  type Organisation,
  type RecordMeta,
  type Rectification,
  type Talk,
} from '../../shared/model';
import {
  applyMergePlan,
  decodePmxStream,
  isPmxError,
  planMerge,
  readArchive,
  readPmxHeader,
  sha256Hex,
  compareVersionVectors,
  type Manifest,
  type MergePlan,
  type PmxHeaderInfo,
  type Resolution,
} from '../../shared/transfer';
import { CURRENT_SCHEMA_VERSION, type OperationLogRow, type PartyMinutesDB, type PurgedRow } from '../db/database';
import { getInstallationId } from '../db/meta';
import { DbError } from '../db/validate';
import { logOperation, operationRow } from './operationLog';
import { throttleProgress, yieldToUi, type ProgressListener } from './progress';
import { RECORD_TABLES, TRANSFER_SCHEMAS, type RecordsByTable, type RecordTable } from './tables';

export interface TablePlan<T extends RecordMeta> {
  plan: MergePlan<T>;
  /** Records that were 彻底删除 here and arrive in an older (or the same) version: not brought back. */
  purgedSkipped: T[];
  /** Ids of purge markers to drop because a newer version of the record arrives (it comes back as new). */
  revivedIds: string[];
}

export type TablePlans = { [K in RecordTable]: TablePlan<RecordsByTable[K]> };

export interface ImportPreview {
  fileName: string;
  sha256: string;
  info: PmxHeaderInfo;
  manifest: Manifest;
  tables: TablePlans;
  /** Verified attachments in the file (records have no attachments yet: nothing stores them). */
  attachments: number;
}

export interface ImportCounts {
  added: number;
  changed: number;
  deleted: number;
  unchanged: number;
  conflicts: number;
  converged: number;
  skipped: number;
}

export function tableCounts(t: TablePlan<RecordMeta>): ImportCounts {
  const c = t.plan.counts;
  return { added: c.added, changed: c.changed, deleted: c.deleted, unchanged: c.unchanged, conflicts: c.conflicts, converged: c.converged, skipped: t.purgedSkipped.length };
}

export function totalCounts(preview: Pick<ImportPreview, 'tables'>): ImportCounts {
  const out: ImportCounts = { added: 0, changed: 0, deleted: 0, unchanged: 0, conflicts: 0, converged: 0, skipped: 0 };
  for (const t of RECORD_TABLES) {
    const c = tableCounts(preview.tables[t] as TablePlan<RecordMeta>);
    for (const k of Object.keys(out) as (keyof ImportCounts)[]) out[k] += c[k];
  }
  return out;
}

/** Step 1: what can be shown before the password (label, creation time, cipher). Throws PmxError. */
export function readImportHeader(bytes: Uint8Array): PmxHeaderInfo {
  return readPmxHeader(bytes);
}

const SLICE = 1024 * 1024;

/** Decrypts with progress, yielding to the UI between slices. Returns only after the whole file verified. */
async function decryptWithProgress(bytes: Uint8Array, password: string, onFraction: (f: number) => void): Promise<{ info: PmxHeaderInfo; plaintext: Uint8Array }> {
  let info: PmxHeaderInfo | undefined;
  let fed = 0;
  // Slices that follow the sealed chunks (preamble, then chunkSize + 16 bytes each) let the
  // decoder take every chunk as a view, without copying it together from two slices.
  let first = SLICE;
  let step = SLICE;
  try {
    const h = readPmxHeader(bytes);
    first = h.preambleLength;
    step = h.chunkSize + 16;
  } catch {
    /* the decoder reports the header's problem */
  }
  async function* slices(): AsyncGenerator<Uint8Array> {
    for (let o = 0; o < bytes.length; ) {
      const end = Math.min(bytes.length, o + (o === 0 ? first : step));
      const s = bytes.subarray(o, end);
      o = end;
      fed += s.length;
      onFraction(fed / Math.max(1, bytes.length));
      yield s;
      if (fed > first) await yieldToUi();
    }
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const p of decodePmxStream(slices(), password, { onHeader: (h) => void (info = h) })) {
    parts.push(p);
    total += p.length;
  }
  const plaintext = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    plaintext.set(p, o);
    o += p.length;
  }
  if (!info) throw new Error('unreachable: header not read');
  return { info, plaintext };
}

function planTable<T extends RecordMeta>(local: readonly (T | undefined)[], incoming: readonly T[], purged: readonly (PurgedRow | undefined)[]): TablePlan<T> {
  const purgedSkipped: T[] = [];
  const revivedIds: string[] = [];
  const keep: T[] = [];
  incoming.forEach((inc, i) => {
    const marker = purged[i];
    if (!local[i] && marker) {
      const order = compareVersionVectors(inc.vv, marker.vv);
      if (order === 'less' || order === 'equal') {
        purgedSkipped.push(inc);
        return;
      }
      revivedIds.push(inc.id);
    }
    keep.push(inc);
  });
  return { plan: planMerge(local.filter((r): r is T => r !== undefined), keep), purgedSkipped, revivedIds };
}

/**
 * The stored rows of `table` for `ids` (aligned with `ids`, `undefined` where absent), without one
 * IndexedDB request per id: the primary keys of the id range come first (keys only, cheap), then
 * the rows that exist are read with one ranged getAll when they sit densely in the key range,
 * else by key. Call inside a transaction that includes `table`.
 */
export async function storedRows<T>(table: Table<T, string>, ids: readonly string[], values = true): Promise<(T | true | undefined)[]> {
  const out: (T | true | undefined)[] = new Array(ids.length).fill(undefined);
  if (ids.length === 0) return out;
  let lo = ids[0];
  let hi = ids[0];
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  const keys = (await table.where(':id').between(lo, hi, true, true).primaryKeys()) as string[];
  if (keys.length === 0) return out;
  const pos = new Map<string, number>();
  ids.forEach((id, i) => pos.set(id, i));
  const present = keys.filter((k) => pos.has(k));
  if (present.length === 0) return out;
  if (!values) {
    for (const k of present) out[pos.get(k)!] = true;
    return out;
  }
  // `keys` is sorted, so present[0] / present[last] bound the rows that exist.
  const first = present[0];
  const last = present[present.length - 1];
  const span = keys.indexOf(last) - keys.indexOf(first) + 1;
  if (span <= 2 * present.length + 64) {
    const rows = await table.where(':id').between(first, last, true, true).toArray();
    for (const r of rows) {
      const i = pos.get((r as { id: string }).id);
      if (i !== undefined) out[i] = r;
    }
  } else {
    const rows = await table.bulkGet(present);
    present.forEach((k, j) => (out[pos.get(k)!] = rows[j]));
  }
  return out;
}

/** Compares the file with this computer's records (read-only). */
export async function planImport(db: PartyMinutesDB, incoming: { [K in RecordTable]: RecordsByTable[K][] }): Promise<TablePlans> {
  const out: Partial<TablePlans> = {};
  await db.transaction('r', [...RECORD_TABLES.map((t) => db.table(t)), db.purged], async () => {
    for (const t of RECORD_TABLES) {
      const rows = incoming[t] as RecordMeta[];
      const ids = rows.map((r) => r.id);
      const [local, purged] = await Promise.all([
        storedRows(db.table(t) as Table<RecordMeta, string>, ids),
        storedRows(db.purged, ids),
      ]);
      (out as Record<string, unknown>)[t] = planTable(local as (RecordMeta | undefined)[], rows, purged as (PurgedRow | undefined)[]);
    }
  });
  return out as TablePlans;
}

export interface PrepareOptions {
  onProgress?: ProgressListener;
}

/**
 * Steps 2–3: decrypt and validate everything, then plan. Throws PmxError (each rule its own
 * Chinese message) before anything is planned; never writes.
 */
export async function prepareImport(
  db: PartyMinutesDB,
  file: { name: string; bytes: Uint8Array },
  password: string,
  options: PrepareOptions = {},
): Promise<ImportPreview> {
  const progress = throttleProgress(options.onProgress);
  progress({ stage: 'decrypt', fraction: 0 });
  // The file's own hash (for the log) runs in WebCrypto alongside decryption and validation.
  const fileHash = sha256Hex(file.bytes);
  fileHash.catch(() => undefined);
  const { info, plaintext } = await decryptWithProgress(file.bytes, password, (f) => progress({ stage: 'decrypt', fraction: 0.7 * f }));
  progress({ stage: 'validate', fraction: 0.72 });
  await yieldToUi();
  const contents = await readArchive(plaintext, { currentSchemaVersion: CURRENT_SCHEMA_VERSION, schemas: TRANSFER_SCHEMAS });
  progress({ stage: 'plan', fraction: 0.9 });
  await yieldToUi();
  const sha256 = await fileHash;
  const tables = await planImport(db, contents.tables as { [K in RecordTable]: RecordsByTable[K][] });
  progress({ stage: 'done', fraction: 1 });
  return { fileName: file.name, sha256, info, manifest: contents.manifest, tables, attachments: contents.attachments.size };
}

export interface ApplyOptions {
  operator?: string;
  medium?: string;
  now?: Date;
  /** Name of the rollback snapshot written before, for the log. */
  backupName?: string;
}

export interface ImportSummary extends ImportCounts {
  keptMine: number;
  tookTheirs: number;
  written: number;
  perTable: Record<RecordTable, ImportCounts>;
  log: OperationLogRow;
}

export const STALE_PREVIEW_MESSAGE =
  '预览之后，本机的部分记录又被修改过（例如在另一个窗口中）。为避免覆盖这些修改，本次导入没有写入任何内容。请重新导入该文件。';

function sameVersion(a: RecordMeta | undefined, b: RecordMeta): boolean {
  return !!a && a.rev === b.rev && compareVersionVectors(a.vv, b.vv) === 'equal' && a.updatedAt === b.updatedAt;
}

/**
 * Step 5: writes the plan in ONE transaction. Every conflict needs a decision ('mine' / 'theirs');
 * importing the same file again writes nothing.
 */
export async function applyImport(
  db: PartyMinutesDB,
  preview: ImportPreview,
  resolutions: ReadonlyMap<string, Resolution>,
  options: ApplyOptions = {},
): Promise<ImportSummary> {
  const open = RECORD_TABLES.flatMap((t) => (preview.tables[t].plan.conflicts as { local: RecordMeta }[]).filter((c) => !resolutions.has(c.local.id)));
  if (open.length) throw new DbError(`还有 ${open.length} 条冲突没有选择“保留本机”或“采用对方”，请逐条选择或使用“全部…”按钮后再导入。`);
  const me = await getInstallationId(db);
  const now = (options.now ?? new Date()).toISOString();
  const writes = {} as Record<RecordTable, RecordMeta[]>;
  const perTable = {} as Record<RecordTable, ImportCounts>;
  let keptMine = 0;
  let tookTheirs = 0;
  for (const t of RECORD_TABLES) {
    const tp = preview.tables[t] as TablePlan<RecordMeta>;
    writes[t] = applyMergePlan(tp.plan, resolutions, me, now);
    perTable[t] = tableCounts(tp);
    for (const c of tp.plan.conflicts) {
      if (resolutions.get(c.local.id) === 'mine') keptMine++;
      else tookTheirs++;
    }
  }
  const totals = totalCounts(preview);
  const written = RECORD_TABLES.reduce((n, t) => n + writes[t].length, 0);
  const log = await operationRow(db, {
    kind: 'import',
    fileName: preview.fileName,
    fileSha256: preview.sha256,
    counts: { ...totals, keptMine, tookTheirs, written },
    result: 'ok',
    operator: options.operator,
    medium: options.medium,
    at: now,
    detail: [
      `来源：${preview.manifest.source.orgName || '未注明'}（${preview.manifest.source.installationId.slice(0, 8)}）`,
      options.backupName ? `导入前备份：${options.backupName}` : '',
    ].filter(Boolean).join('；'),
  });

  // Every record table (meetingIndex for the meetings middleware) in one transaction.
  await db.transaction('rw', [...RECORD_TABLES.map((t) => db.table(t)), db.meetingIndex, db.purged, db.operationLog], async () => {
    // The local side must still be what the preview compared against. Pairs the plan leaves
    // alone ('unchanged') are not written, so a later local edit to them cannot be overwritten.
    for (const t of RECORD_TABLES) {
      const tp = preview.tables[t] as TablePlan<RecordMeta>;
      const p = tp.plan;
      const pairs = [...p.changed, ...p.deleted, ...p.converged, ...p.conflicts];
      const addedIds = p.added.map((r) => r.id);
      const table = db.table(t) as Table<RecordMeta, string>;
      const [storedPairs, storedAdded, markers] = await Promise.all([
        storedRows(table, pairs.map((x) => x.local.id)),
        storedRows(table, addedIds, false),
        storedRows(db.purged, addedIds, false),
      ]);
      const revived = new Set(tp.revivedIds);
      const stale =
        pairs.some((x, i) => !sameVersion(storedPairs[i] as RecordMeta | undefined, x.local)) ||
        storedAdded.some((r) => r !== undefined) ||
        markers.some((m, i) => m !== undefined && !revived.has(addedIds[i]));
      if (stale) throw new DbError(STALE_PREVIEW_MESSAGE);
    }
    for (const t of RECORD_TABLES) {
      if (writes[t].length) await db.table(t).bulkPut(writes[t]);
      const revived = (preview.tables[t] as TablePlan<RecordMeta>).revivedIds;
      if (revived.length) await db.purged.bulkDelete(revived);
    }
    await db.operationLog.put(log);
  });
  return { ...totals, keptMine, tookTheirs, written, perTable, log };
}

/** Records a failed or abandoned import in the operation log (the data tables are untouched). */
export async function logImportFailure(
  db: PartyMinutesDB,
  file: { name: string; bytes?: Uint8Array },
  error: unknown,
  options: ApplyOptions = {},
): Promise<void> {
  const sha = file.bytes ? await sha256Hex(file.bytes).catch(() => '') : '';
  const code = isPmxError(error) ? `${error.code}：` : '';
  await Dexie.ignoreTransaction(() =>
    logOperation(db, {
      kind: 'import',
      fileName: file.name,
      fileSha256: sha,
      counts: {},
      result: 'failed',
      operator: options.operator,
      medium: options.medium,
      detail: code + (error instanceof Error ? error.message : String(error)),
    }),
  ).catch(() => undefined);
}

/** Human label for a record in lists and the conflict view. */
export function recordTitle(table: RecordTable, r: RecordsByTable[RecordTable], orgNames?: ReadonlyMap<string, string>): string {
  if (table === 'organisations') return (r as Organisation).name;
  if (table === 'talks') {
    // Who and when only: talk contents are sensitive and never listed.
    const t = r as Talk;
    const to = t.interviewees.map((p) => p.name).slice(0, 3).join('、') + (t.interviewees.length > 3 ? '等' : '');
    return `${TALK_TYPE_LABELS[t.type] ?? '谈心谈话'}：${t.interviewer.name}—${to}（${t.date}）`;
  }
  if (table === 'appraisals') {
    const a = r as Appraisal;
    return `${orgNames?.get(a.orgId) ?? ''} ${a.annualYear}年度民主评议党员（${a.date}）`.trim();
  }
  if (table === 'rectifications') {
    const x = r as Rectification;
    const list = x.listKind === 'team' ? RECTIFICATION_LIST_KIND_LABELS.team : x.personName || RECTIFICATION_LIST_KIND_LABELS.personal;
    const problem = x.problem.length > 30 ? `${x.problem.slice(0, 30)}…` : x.problem;
    return `${x.annualYear}年度整改（${list}）：${problem}`;
  }
  if (table === 'members') {
    const m = r as Member;
    const org = orgNames?.get(m.branchId);
    return org ? `${m.name}（${org}）` : m.name;
  }
  const m = r as Meeting;
  const org = orgNames?.get(m.orgId);
  return `${org ? `${org} ` : ''}${m.year}年第${m.seq}次${MEETING_TYPE_SHORT[m.type] ?? '会议'}（${m.date}）`;
}
