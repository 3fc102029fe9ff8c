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

  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Future: this.version(2).stores(SCHEMA_V2).upgrade(async (tx) => { … });
    this.use(meetingIndexMiddleware);
  }
}

/** Opens (creating or upgrading) the database. Tests pass an isolated name. */
export async function openDatabase(name: string = DB_NAME): Promise<PartyMinutesDB> {
  const db = new PartyMinutesDB(name);
  await db.open();
  return db;
}
