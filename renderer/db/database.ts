/**
 * The one IndexedDB database of the app (design §1: the name `party-minutes` never changes).
 *
 * SCHEMA VERSIONS ARE APPEND-ONLY. Never edit a version that has shipped: the schema of every
 * past version stays in this file verbatim. To change the schema, add `SCHEMA_V2` (complete
 * store list), register it with `db.version(2).stores(SCHEMA_V2).upgrade(tx => …)`, and extend
 * `tests/renderer/db/schema-fixture.test.ts` so it opens a v1 database filled from
 * `tests/fixtures/db/v1.json` with the new code and reads everything back.
 *
 * Soft-deleted rows (deletedAt set) stay in their tables as tombstones (回收站, transfer files).
 *
 * `meetingIndex` is a derived, lightweight projection of `meetings` (no speech bodies) for the
 * virtualised meeting list and counts. It is maintained by a DBCore middleware
 * (`meetingIndexMiddleware`), so ANY write to `meetings` (repositories, transfer merge, raw
 * `db.meetings.put`) updates it in the same IndexedDB transaction. Never write it directly.
 */
import Dexie, { type Table } from 'dexie';
import type { ClassificationLevel, Meeting, MeetingType, Member, Organisation, RecordStatus } from '../../shared/model';
import { meetingIndexMiddleware } from './meetingIndex';

export const DB_NAME = 'party-minutes';

/**
 * Schema version 1 — SHIPPED FORM, DO NOT EDIT (add SCHEMA_V2 instead).
 * `meetings` is lean on purpose (big rows; every index costs on each autosave and import): list,
 * count, running-number and recycle-bin queries go through the small `meetingIndex` rows.
 */
export const SCHEMA_V1 = {
  organisations: 'id, parentId, level, deletedAt',
  members: 'id, branchId, groupId, name, status, deletedAt',
  meetings: 'id, orgId, date, deletedAt',
  meetingIndex: 'id, [live+orgId+date], [live+orgId+type+date], [live+date], [orgId+year+type]',
  settings: 'key',
  local: 'key',
} as const;

/**
 * Schema version 2 (issue #4, transfer and backups): adds
 *  - `operationLog`: one row per export, import, backup and restore (who, when, file hash, counts,
 *    result), for the audit log;
 *  - `purged`: a minimal marker (table, id, version vector) left by 彻底删除 so that a transfer
 *    file carrying an older copy of the record cannot bring it back.
 * Every v1 store is unchanged; the upgrade has nothing to migrate.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  operationLog: 'id, at, kind',
  purged: 'id',
} as const;

/** The data schema version this code writes (Dexie version; `schemaVersion` in .pmx manifests). */
export const CURRENT_SCHEMA_VERSION = 2;

export type OperationKind = 'export' | 'import' | 'backup' | 'restore';

/** One export / import / backup / restore (renderer/transfer/operationLog.ts writes them). */
export interface OperationLogRow {
  id: string;
  /** ISO 8601 time the operation finished (or failed). */
  at: string;
  kind: OperationKind;
  /** Installation that did it (the `local` installationId). */
  installationId: string;
  /** Who did it, as typed by the secretary (经办人), when given. */
  operator?: string;
  /** Label of the medium (U盘编号), when given. */
  medium?: string;
  /** File name (base name only, never a path). */
  fileName: string;
  /** SHA-256 (hex) of the file written or read; empty when the file could not be read. */
  fileSha256: string;
  /** Records per table (export, backup, restore) or per outcome (import: added / changed / …). */
  counts: Record<string, number>;
  result: 'ok' | 'failed' | 'cancelled';
  /** Error code and message when failed; the reason of a backup (startup / before-import / …). */
  detail?: string;
}

/** Left behind by 彻底删除 (purge): no content, only what merging needs. */
export interface PurgedRow {
  id: string;
  table: 'organisations' | 'members' | 'meetings';
  vv: Record<string, number>;
  purgedAt: string;
}

/** Lightweight list row derived from a meeting (see meetingIndex.ts). */
export interface MeetingIndexRow {
  id: string;
  /** 1 = live, 0 = in the recycle bin (numbers so it can lead a compound index). */
  live: 0 | 1;
  orgId: string;
  type: MeetingType;
  year: number;
  seq: number;
  date: string;
  startTime: string | null;
  place: string;
  chairName: string;
  recorderName: string;
  status: RecordStatus;
  level: ClassificationLevel;
  /** 应到 / 实到 (member lines only). */
  expected: number;
  present: number;
  /** Members absent or on leave without a reason recorded. */
  absentWithoutReason: number;
  /** Agenda titles (at most 10, each at most 100 characters). */
  topics: string[];
  updatedAt: string;
  deletedAt: string | null;
}

export interface KeyValueRow {
  key: string;
  value: unknown;
}

export class PartyMinutesDB extends Dexie {
  organisations!: Table<Organisation, string>;
  members!: Table<Member, string>;
  meetings!: Table<Meeting, string>;
  meetingIndex!: Table<MeetingIndexRow, string>;
  settings!: Table<KeyValueRow, string>;
  local!: Table<KeyValueRow, string>;
  operationLog!: Table<OperationLogRow, string>;
  purged!: Table<PurgedRow, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // v2 only adds two empty stores; nothing to migrate. A snapshot of the v1 data is written
    // before the upgrade by renderer/transfer/startup.ts (openDatabaseWithBackups).
    this.version(2).stores(SCHEMA_V2).upgrade(() => undefined);
    this.use(meetingIndexMiddleware);
  }
}

/** Opens (creating or upgrading) the database. Tests pass an isolated name. */
export async function openDatabase(name: string = DB_NAME): Promise<PartyMinutesDB> {
  const db = new PartyMinutesDB(name);
  await db.open();
  return db;
}
