import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_NAME, openDatabase, PartyMinutesDB, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../renderer/db/database';
import { meetingIndexRow } from '../../../renderer/db/meetingIndex';
import { createMeeting, getMeeting } from '../../../renderer/db/meetings';
import { getInstallationId, stampMeta } from '../../../renderer/db/meta';
import { freshDb, makePeople, makeUnit } from './helpers';

describe('database', () => {
  it('has the fixed name and the v3 tables (v1 and v2 stores unchanged)', async () => {
    expect(DB_NAME).toBe('party-minutes');
    const db = await freshDb();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_V3).sort());
    for (const [k, v] of Object.entries(SCHEMA_V1)) expect(SCHEMA_V2[k as keyof typeof SCHEMA_V2]).toBe(v);
    for (const [k, v] of Object.entries(SCHEMA_V2)) expect(SCHEMA_V3[k as keyof typeof SCHEMA_V3]).toBe(v);
    expect(db.meetings.schema.indexes.map((i) => i.name).sort()).toEqual(['date', 'deletedAt', 'orgId']);
    expect(db.meetingIndex.schema.indexes.map((i) => i.name).sort()).toEqual(
      ['[live+date]', '[live+orgId+date]', '[live+orgId+type+date]', '[orgId+year+type]'].sort(),
    );
  });

  it('generates the installation id once and keeps it across reopening', async () => {
    const db = await freshDb();
    const a = await getInstallationId(db);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getInstallationId(db)).toBe(a);
    const again = new PartyMinutesDB(db.name);
    await again.open();
    expect(await getInstallationId(again)).toBe(a);
    again.close();
  });

  it('stamps meta: new record rev 1, updates bump rev and this installation in vv', () => {
    const n = stampMeta(undefined, 'inst-A', '2025-01-01T00:00:00.000Z');
    expect(n).toMatchObject({ rev: 1, vv: { 'inst-A': 1 }, changedBy: 'inst-A', deletedAt: null });
    expect(n.createdAt).toBe(n.updatedAt);
    const u = stampMeta({ ...n, vv: { 'inst-A': 1, 'inst-B': 4 } }, 'inst-B', '2025-02-01T00:00:00.000Z');
    expect(u).toMatchObject({ id: n.id, rev: 2, vv: { 'inst-A': 1, 'inst-B': 5 }, changedBy: 'inst-B', createdAt: n.createdAt });
    expect(u.updatedAt).toBe('2025-02-01T00:00:00.000Z');
  });

  it('keeps meetingIndex in step with any write to meetings (put, delete, clear)', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    const m = await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-03-05' });
    expect(await db.meetingIndex.get(m.id)).toEqual(meetingIndexRow(m));
    // A raw write outside the repositories (e.g. the transfer merge) is projected too.
    await db.meetings.put({ ...m, place: '第二会议室', deletedAt: '2025-03-06T00:00:00.000Z' });
    expect(await db.meetingIndex.get(m.id)).toMatchObject({ place: '第二会议室', live: 0 });
    await db.meetings.delete(m.id);
    expect(await db.meetingIndex.get(m.id)).toBeUndefined();
    const m2 = await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-04-05' });
    expect(await db.meetingIndex.count()).toBe(1);
    await db.meetings.clear();
    expect(await db.meetingIndex.count()).toBe(0);
    expect(await getMeeting(db, m2.id)).toBeUndefined();
  });

  it('keeps meetingIndex right when one row of a caught bulk write fails', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    const m = await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-03-05' });
    const good = { ...m, id: 'cccccccc-0000-4000-8000-000000000001', place: '新' };
    const changed = { ...m, place: '改过的地点' };
    // An invalid primary key makes that one put fail; the caller catches it and commits the rest.
    const broken = { ...m, id: { not: 'a key' } } as unknown as typeof m;
    await db.transaction('rw', db.meetings, async () => {
      await db.meetings.bulkPut([good, broken, changed]).catch(() => undefined);
    });
    const rows = await db.meetingIndex.toArray();
    const stored = await db.meetings.toArray();
    expect(rows.map((r) => r.id).sort()).toEqual(stored.map((x) => x.id).sort());
    expect(rows).toEqual(expect.arrayContaining(stored.map(meetingIndexRow)));
  });

  it('keeps the stored projection when a caught bulkAdd meets an existing id', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    const m = await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-03-05', place: '原地点' });
    const fresh = { ...m, id: 'dddddddd-0000-4000-8000-000000000001', place: '新记录' };
    // The projection rows are written alongside the meeting rows: the one for the refused
    // duplicate must not replace the projection of the record that is really stored.
    const duplicate = { ...m, place: '不应出现', deletedAt: '2025-03-06T00:00:00.000Z' };
    await db.transaction('rw', db.meetings, async () => {
      await db.meetings.bulkAdd([fresh, duplicate]).catch(() => undefined);
    });
    expect(await getMeeting(db, m.id)).toEqual(m);
    expect(await db.meetingIndex.get(m.id)).toEqual(meetingIndexRow(m));
    expect(await db.meetingIndex.get(fresh.id)).toEqual(meetingIndexRow(fresh));
    expect(await db.meetingIndex.count()).toBe(2);
  });

  it('is atomic: a failing write inside a transaction leaves nothing behind', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    const m = await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-03-05' });
    const before = await db.meetings.count();
    await expect(
      db.transaction('rw', db.meetings, db.members, async () => {
        await db.meetings.put({ ...m, id: 'aaaaaaaa-0000-4000-8000-000000000001' });
        await db.members.clear();
        throw new Error('断电');
      }),
    ).rejects.toThrow('断电');
    expect(await db.meetings.count()).toBe(before);
    expect(await db.meetingIndex.count()).toBe(before);
    expect(await db.members.count()).toBe(10);
  });

  it('openDatabase defaults to the fixed name', async () => {
    // Only checks the name without touching a real user database in this profile.
    const db = new PartyMinutesDB(DB_NAME);
    expect(db.name).toBe('party-minutes');
    expect(openDatabase.length).toBe(0);
    expect(Dexie.semVer).toMatch(/^4\.4/);
  });
});
