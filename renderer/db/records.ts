/**
 * One repository for the record tables added in schema v3 (谈心谈话, 民主评议, 整改台账): create,
 * save (autosave-safe: stale copies refused, unchanged content is a no-op), soft delete, restore.
 * Meetings keep their own repository (meetings.ts) because of running numbers and 定稿.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import {
  appraisalSchema,
  rectificationSchema,
  talkSchema,
  type Appraisal,
  type AppraisalFields,
  type RecordMeta,
  type Rectification,
  type RectificationFields,
  type Talk,
  type TalkFields,
} from '../../shared/model';
import type { PartyMinutesDB } from './database';
import { sameJson } from './meetings';
import { getInstallationId, nowIso, stampMeta, type WriteOptions } from './meta';
import { DbError, parseOrThrow } from './validate';

export interface RecordKind<T extends RecordMeta, F> {
  /** Table name, also used in transfer files and the recycle bin. */
  name: 'talks' | 'appraisals' | 'rectifications';
  /** What the secretary calls it, for messages: 谈心谈话记录. */
  what: string;
  table: (db: PartyMinutesDB) => Table<T, string>;
  schema: z.ZodType<T>;
  /** Type-level link between fields and record. */
  readonly _fields?: F;
}

export const TALKS: RecordKind<Talk, TalkFields> = { name: 'talks', what: '谈心谈话记录', table: (db) => db.talks, schema: talkSchema };
export const APPRAISALS: RecordKind<Appraisal, AppraisalFields> = {
  name: 'appraisals',
  what: '民主评议记录',
  table: (db) => db.appraisals,
  schema: appraisalSchema,
};
export const RECTIFICATIONS: RecordKind<Rectification, RectificationFields> = {
  name: 'rectifications',
  what: '整改事项',
  table: (db) => db.rectifications,
  schema: rectificationSchema,
};

const META_KEYS: ReadonlySet<string> = new Set<keyof RecordMeta>(['id', 'createdAt', 'updatedAt', 'rev', 'vv', 'changedBy', 'deletedAt']);

function metaOf(m: RecordMeta): RecordMeta {
  const { id, createdAt, updatedAt, rev, vv, changedBy, deletedAt } = m;
  return { id, createdAt, updatedAt, rev, vv, changedBy, deletedAt };
}

/** New record from complete fields (validated; a Chinese message says what to fix). */
export async function createRecord<T extends RecordMeta, F>(db: PartyMinutesDB, kind: RecordKind<T, F>, fields: F, opts?: WriteOptions & { id?: string }): Promise<T> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  const row = parseOrThrow(kind.schema, { ...fields, ...stampMeta(undefined, me, now, opts?.id) }, kind.what) as T;
  await db.transaction('rw', kind.table(db), async () => {
    await kind.table(db).add(row);
  });
  return row;
}

async function live<T extends RecordMeta>(table: Table<T, string>, id: string, what: string): Promise<T> {
  const r = await table.get(id);
  if (!r) throw new DbError(`找不到该${what}，可能已被彻底删除`);
  if (r.deletedAt) throw new DbError(`该${what}在回收站中，请先恢复后再修改`);
  return r;
}

/**
 * Autosave: validates and writes the edited record. Unchanged content returns the stored row
 * (no revision bump); a copy older than the stored one (edited elsewhere, imported) is refused.
 */
export async function saveRecord<T extends RecordMeta, F>(db: PartyMinutesDB, kind: RecordKind<T, F>, record: T, opts?: WriteOptions): Promise<T> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  const table = kind.table(db);
  return db.transaction('rw', table, async () => {
    const prev = await live(table, record.id, kind.what);
    if (record.rev !== prev.rev) {
      throw new DbError(`该${kind.what}已在别处修改（另一个窗口或导入），为避免覆盖，请关闭后重新打开再编辑`);
    }
    const candidate = parseOrThrow(kind.schema, { ...record, ...metaOf(prev) }, kind.what) as T;
    if (sameJson(candidate, prev, META_KEYS)) return prev;
    const next = { ...candidate, ...stampMeta(prev, me, now) } as T;
    await table.put(next);
    return next;
  });
}

/** Read-modify-write in one transaction (progress entries, 销号): `change` gets the stored record. */
export async function updateRecord<T extends RecordMeta, F>(
  db: PartyMinutesDB,
  kind: RecordKind<T, F>,
  id: string,
  change: (prev: T) => T,
  opts?: WriteOptions,
): Promise<T> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  const table = kind.table(db);
  return db.transaction('rw', table, async () => {
    const prev = await live(table, id, kind.what);
    const candidate = parseOrThrow(kind.schema, { ...change(prev), ...metaOf(prev) }, kind.what) as T;
    if (sameJson(candidate, prev, META_KEYS)) return prev;
    const next = { ...candidate, ...stampMeta(prev, me, now) } as T;
    await table.put(next);
    return next;
  });
}

/** Soft delete (回收站); undo with restoreRecordOf. */
export async function deleteRecordOf<T extends RecordMeta, F>(db: PartyMinutesDB, kind: RecordKind<T, F>, id: string, opts?: WriteOptions): Promise<void> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  const table = kind.table(db);
  await db.transaction('rw', table, async () => {
    const prev = await live(table, id, kind.what);
    await table.put({ ...prev, ...stampMeta(prev, me, now), deletedAt: now });
  });
}

export async function restoreRecordOf<T extends RecordMeta, F>(db: PartyMinutesDB, kind: RecordKind<T, F>, id: string, opts?: WriteOptions): Promise<void> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  const table = kind.table(db);
  await db.transaction('rw', table, async () => {
    const prev = await table.get(id);
    if (!prev) throw new DbError(`找不到该${kind.what}，可能已被彻底删除`);
    if (!prev.deletedAt) return;
    await table.put({ ...prev, ...stampMeta(prev, me, now), deletedAt: null });
  });
}

/** Live records of an organisation (or all when orgId is omitted). */
export async function listRecords<T extends RecordMeta & { orgId: string }, F>(db: PartyMinutesDB, kind: RecordKind<T, F>, orgId?: string): Promise<T[]> {
  const table = kind.table(db);
  const rows = orgId ? await table.where('orgId').equals(orgId).toArray() : await table.toArray();
  return rows.filter((r) => !r.deletedAt);
}
