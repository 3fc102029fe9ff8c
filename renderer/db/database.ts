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
import type {
  Appraisal,
  ClassificationLevel,
  Meeting,
  MeetingType,
  Member,
  Organisation,
  RecordStatus,
  Rectification,
  Talk,
} from '../../shared/model';
import type { AuditEntry } from '../../shared/security/auditChain';
import type { GridFacts } from '../../shared/checks/engine';
import { meetingIndexMiddleware } from './meetingIndex';
import { searchIndexMiddleware } from './searchIndex';
import { registerIndexer, scheduleIndexing, unregisterIndexer } from './searchIndexer';
import { upgradeToV3 } from './upgradeV3';
import { atRestMiddleware } from '../security/atRestMiddleware';
import { auditMiddleware } from '../security/auditLog';
import { keyringOf } from '../security/keyring';

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

/**
 * Schema version 3 (issues #5–#7): adds
 *  - `talks` (谈心谈话), `appraisals` (民主评议党员), `rectifications` (整改台账): record tables with
 *    RecordMeta, merged and transferred like meetings;
 *  - `searchIndex`: one row per searchable record with the distinct character bigrams of its text
 *    (design §8): a pending row written by a DBCore middleware in the record's transaction, its
 *    grams filled shortly after by the deferred indexer (searchIndexer.ts);
 *  - `auditLog`: the append-only, hash-chained 审计日志 (domain §6.5), keyed by its sequence number.
 * The 组织生活会 / 民主生活会 are meetings (new types) with an optional `life` block, so the v2
 * `meetings` rows need no migration; the upgrade only fills `searchIndex` for existing records.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  talks: 'id, orgId, date, lifeMeetingId, deletedAt',
  appraisals: 'id, orgId, annualYear, meetingId, deletedAt',
  rectifications: 'id, orgId, annualYear, [orgId+annualYear], deletedAt',
  searchIndex: 'key, *grams, [table+orgId], year',
  auditLog: 'seq, at, kind',
} as const;

/** The data schema version this code writes (Dexie version; `schemaVersion` in .pmx manifests). */
export const CURRENT_SCHEMA_VERSION = 3;

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
  /** A record table (renderer/transfer/tables.ts RECORD_TABLES). */
  table: 'organisations' | 'members' | 'meetings' | 'talks' | 'appraisals' | 'rectifications';
  vv: Record<string, number>;
  purgedAt: string;
}

/** Tables whose rows carry RecordMeta and whose text is searchable. */
export type SearchableTable = 'meetings' | 'talks' | 'appraisals' | 'rectifications';

/**
 * One row per searchable record (renderer/db/searchIndex.ts maintains it; never write it directly).
 * `grams` are the distinct word bigrams and END grams of the record's plain text (docs/search.md);
 * sensitive text (talk contents, criticism) adds grams only through the sensitive tokenizer:
 * `s:` + gram without a password, keyed tokens while encryption is on and unlocked.
 */
export interface SearchIndexRow {
  /** `${table}:${id}` */
  key: string;
  table: SearchableTable;
  recordId: string;
  orgId: string;
  /** Calendar year of the record's date (filters). */
  year: number;
  /** Meeting type, talk type…, for the type filter. */
  kind: string;
  live: 0 | 1;
  /** Distinct grams; just [PENDING_GRAM] while the row waits for the indexer (searchIndexer.ts). */
  grams: string[];
  /** Stamp of the write that left the row pending; absent once indexed. */
  pending?: string;
}

/** One entry of the append-only, hash-chained audit log: the shape is shared/security/auditChain.ts. */
export type AuditLogRow = AuditEntry;

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
  /**
   * What the 工作台 grid needs beyond the above (主题党日 also counting as…, 党课 lecturer, 生活会
   * 年度), for those types only; rows written before it existed lack it and the full record is read.
   */
  grid?: GridFacts;
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
  talks!: Table<Talk, string>;
  appraisals!: Table<Appraisal, string>;
  rectifications!: Table<Rectification, string>;
  searchIndex!: Table<SearchIndexRow, string>;
  auditLog!: Table<AuditLogRow, number>;

  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // v2 only adds two empty stores; nothing to migrate. A snapshot of the v1 data is written
    // before the upgrade by renderer/transfer/startup.ts (openDatabaseWithBackups).
    this.version(2).stores(SCHEMA_V2).upgrade(() => undefined);
    // v3 adds stores; the search index of existing records is filled by upgradeToV3.
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    this.use(meetingIndexMiddleware);
    // 审计日志 in the same transaction as every record write (renderer/security/auditLog.ts), and
    // 敏感数据加密 innermost (level -10) so every other layer sees plaintext.
    this.use(auditMiddleware);
    this.use(atRestMiddleware(keyringOf(this)));
    this.use(searchIndexMiddleware);
    // The deferred search indexer works through an open instance; rows left pending by a crash are indexed on open.
    this.on('ready', () => {
      registerIndexer(this);
      scheduleIndexing(this.name);
    });
  }

  override close(options?: { disableAutoOpen: boolean }): void {
    unregisterIndexer(this);
    super.close(options);
  }
}

/** Opens (creating or upgrading) the database. Tests pass an isolated name. */
export async function openDatabase(name: string = DB_NAME): Promise<PartyMinutesDB> {
  const db = new PartyMinutesDB(name);
  await db.open();
  return db;
}
