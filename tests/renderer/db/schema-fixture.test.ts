/**
 * Schema upgrade mechanism: a database written with schema version 1 (fixture rows exactly as
 * v1 stores them) must open with the current code and read back unchanged. When SCHEMA_V2 is
 * added, keep this test and add expectations for what upgrade() produces.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import fixture from '../../fixtures/db/v1.json';
import { CURRENT_SCHEMA_VERSION, openDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, type PartyMinutesDB } from '../../../renderer/db/database';
import { createRectification, emptyRectificationFields, listRectifications } from '../../../renderer/db/rectifications';
import { listMeetings } from '../../../renderer/db/meetingList';
import { meetingIndexRow } from '../../../renderer/db/meetingIndex';
import { getMeeting, saveMeeting, reopenMeeting } from '../../../renderer/db/meetings';
import { getInstallationId } from '../../../renderer/db/meta';
import { rosterOn } from '../../../renderer/db/members';
import { organisationTree } from '../../../renderer/db/organisations';
import { listRecycleBin } from '../../../renderer/db/recycleBin';
import { getSettings } from '../../../renderer/db/settings';
import { meetingSchema, memberSchema, organisationSchema, type Meeting } from '../../../shared/model';

type Tables = Record<keyof typeof SCHEMA_V1, Record<string, unknown>[]>;
const rows = fixture.tables as unknown as Tables;
const name = `pm-v1-fixture-${Math.random().toString(36).slice(2)}`;
let db: PartyMinutesDB | undefined;

afterEach(async () => {
  db?.close();
  await Dexie.delete(name);
});

/** Writes the fixture with nothing but the v1 store definitions (no app code, no middleware). */
async function writeRawV1(): Promise<void> {
  const raw = new Dexie(name);
  raw.version(1).stores(SCHEMA_V1);
  await raw.open();
  await raw.transaction('rw', raw.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await raw.table(table).bulkAdd(list);
  });
  expect(raw.verno).toBe(1);
  raw.close();
}

describe('schema version 1 fixture', () => {
  it('fixture rows are valid records of the current model', () => {
    expect(fixture.schemaVersion).toBe(1);
    for (const o of rows.organisations) organisationSchema.parse(o);
    for (const m of rows.members) memberSchema.parse(m);
    for (const m of rows.meetings) meetingSchema.parse(m);
    // v1 rows predate the optional `grid` facts (the 工作台 reads those records in full instead).
    expect(rows.meetingIndex).toEqual(
      rows.meetings.map((m) => {
        const { grid: _grid, ...row } = meetingIndexRow(m as Meeting);
        return row;
      }),
    );
  });

  it('a v1 database opens with the current code and reads back exactly', async () => {
    await writeRawV1();
    db = await openDatabase(name);
    // Upgraded to v3: the v1 stores as they were, plus the new (empty) stores.
    expect(db.verno).toBe(3);
    expect(await db.operationLog.count()).toBe(0);
    expect(await db.purged.count()).toBe(0);
    for (const [table, list] of Object.entries(rows)) {
      const key = table === 'settings' || table === 'local' ? 'key' : 'id';
      const stored = await db.table(table).toArray();
      const sortBy = (xs: Record<string, unknown>[]) => [...xs].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
      expect(sortBy(stored), table).toEqual(sortBy(list));
    }
    // Through the repositories, as the app uses it.
    expect(await getInstallationId(db)).toBe('5f0c1c9a-1b7e-4c4e-8f3a-9a2b7d6e0001');
    expect((await getSettings(db)).attendanceWarnPercent).toBe(90);
    const tree = await organisationTree(db);
    expect(tree[0].children[0].children[0].org.name).toBe('第一党小组');
    const page = await listMeetings(db, { orgId: '0b6f1f0e-6d4c-4a53-9d2e-1f0a4c7e2a02', period: { year: 2025 } });
    expect(page.total).toBe(1);
    expect(page.rows[0].chairName).toBe('苏堃');
    expect((await listRecycleBin(db)).map((i) => i.id)).toEqual(['3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c02']);
    const roster = await rosterOn(db, '0b6f1f0e-6d4c-4a53-9d2e-1f0a4c7e2a02', '2025-03-01');
    expect(roster.map((r) => r.member.name).sort()).toEqual(['王𬍛', '苏堃'].sort());
    expect((await rosterOn(db, '0b6f1f0e-6d4c-4a53-9d2e-1f0a4c7e2a02', '2025-01-15')).map((r) => r.member.name)).toEqual(['苏堃']);
    // And it keeps working: reopen + edit a v1 record.
    const id = '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c01';
    const reopened = await reopenMeeting(db, id, '补充会议小结');
    const saved = await saveMeeting(db, { ...reopened, summary: '苏堃同志作小结，要求抓好落实。' });
    expect(saved.rev).toBe(5);
    expect((await getMeeting(db, id))?.reopenLog).toHaveLength(2);
    expect((await db.meetingIndex.get(id))?.status).toBe('draft');
    // v2 stores work on an upgraded database.
    await db.operationLog.put({
      id: 'log-1', at: '2025-04-01T00:00:00.000Z', kind: 'backup', installationId: 'x', fileName: 'a.zip', fileSha256: '', counts: {}, result: 'ok',
    });
    expect(await db.operationLog.where('kind').equals('backup').count()).toBe(1);
  });

  it('the schema upgrade keeps every v1 store definition verbatim', () => {
    for (const [k, v] of Object.entries(SCHEMA_V1)) expect(SCHEMA_V2[k as keyof typeof SCHEMA_V2]).toBe(v);
    for (const [k, v] of Object.entries(SCHEMA_V2)) expect(SCHEMA_V3[k as keyof typeof SCHEMA_V3]).toBe(v);
    expect(CURRENT_SCHEMA_VERSION).toBe(3);
  });
});

describe('schema version 2 → 3', () => {
  const log = { id: 'log-v2', at: '2025-04-01T00:00:00.000Z', kind: 'export', installationId: 'x', fileName: 'a.pmx', fileSha256: '', counts: { meetings: 2 }, result: 'ok' };
  const marker = { id: 'purged-member-0001', table: 'members', vv: { x: 3 }, purgedAt: '2025-04-02T00:00:00.000Z' };

  /** A v2 database as v2 stored it: the v1 fixture plus an operation log row and a purge marker. */
  async function writeRawV2(): Promise<void> {
    const raw = new Dexie(name);
    raw.version(1).stores(SCHEMA_V1);
    raw.version(2).stores(SCHEMA_V2);
    await raw.open();
    await raw.transaction('rw', raw.tables, async () => {
      for (const [table, list] of Object.entries(rows)) await raw.table(table).bulkAdd(list);
      await raw.table('operationLog').add(log);
      await raw.table('purged').add(marker);
    });
    expect(raw.verno).toBe(2);
    raw.close();
  }

  it('opens with the current code: every v2 row as it was, the new tables empty and usable', async () => {
    await writeRawV2();
    db = await openDatabase(name);
    expect(db.verno).toBe(3);
    for (const [table, list] of Object.entries(rows)) {
      const key = table === 'settings' || table === 'local' ? 'key' : 'id';
      const stored = await db.table(table).toArray();
      const sortBy = (xs: Record<string, unknown>[]) => [...xs].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
      expect(sortBy(stored), table).toEqual(sortBy(list));
    }
    expect(await db.operationLog.toArray()).toEqual([log]);
    expect(await db.purged.toArray()).toEqual([marker]);
    expect(await db.talks.count()).toBe(0);
    expect(await db.appraisals.count()).toBe(0);
    expect(await db.rectifications.count()).toBe(0);
    // Settings stored by v2 lack the v3 keys: they read as the defaults, the stored ones stay.
    const s = await getSettings(db);
    expect(s.attendanceWarnPercent).toBe(90);
    expect(s.democraticLifeQuorumFraction).toBeCloseTo(2 / 3);
    expect(s.rectificationStaleDays).toBe(90);
    // The new tables work on the upgraded database, and a v2 meeting is still a meeting without a life block.
    const orgId = '0b6f1f0e-6d4c-4a53-9d2e-1f0a4c7e2a02';
    const item = await createRectification(db, { ...emptyRectificationFields(orgId, 2025, '2025-04-01'), problem: '理论学习不够深入' });
    expect((await listRectifications(db, { orgId, annualYear: 2025 })).map((r) => r.id)).toEqual([item.id]);
    expect((await getMeeting(db, '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c01'))?.life ?? null).toBeNull();
    await Dexie.delete(name);
  });
});
