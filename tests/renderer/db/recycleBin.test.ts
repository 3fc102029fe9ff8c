import { describe, expect, it } from 'vitest';
import { listMeetings } from '../../../renderer/db/meetingList';
import { createMeeting, deleteMeeting, getMeeting } from '../../../renderer/db/meetings';
import { deleteMember, getMember, listMembers } from '../../../renderer/db/members';
import { deleteOrganisation, getOrganisation, setCommittee } from '../../../renderer/db/organisations';
import { listRecycleBin, purgeRecord, restoreRecord } from '../../../renderer/db/recycleBin';
import { at, freshDb, makePeople, makeUnit } from './helpers';

describe('recycle bin', () => {
  it('soft delete → list → restore → delete → purge, for every table', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    const m = await createMeeting(db, { orgId: u.b1.id, type: 'theme_day', date: '2025-03-15' });
    expect(await listRecycleBin(db)).toEqual([]);

    await deleteMeeting(db, m.id, at('2025-04-01T00:00:00Z'));
    await deleteMember(db, p.xie.id, at('2025-04-02T00:00:00Z'));
    await deleteMember(db, p.he.id, at('2025-04-03T00:00:00Z'));
    await deleteOrganisation(db, u.g2.id, at('2025-04-04T00:00:00Z'));
    const bin = await listRecycleBin(db);
    expect(bin.map((i) => [i.table, i.label])).toEqual([
      ['organisations', '第二党小组'],
      ['members', '何俊'],
      ['members', '谢春花'],
      ['meetings', '第一党支部 2025年第1次主题党日'],
    ]);
    // Tombstones stay in their tables.
    expect((await getMeeting(db, m.id))?.deletedAt).toBe('2025-04-01T00:00:00.000Z');
    expect((await listMembers(db)).map((x) => x.id)).not.toContain(p.he.id);

    // A member cannot come back before their 党小组.
    await expect(restoreRecord(db, 'members', p.he.id)).rejects.toThrow('所在党小组（第二党小组）也在回收站中，请先恢复所在党小组');
    await restoreRecord(db, 'organisations', u.g2.id);
    await restoreRecord(db, 'members', p.he.id, at('2025-05-01T00:00:00Z'));
    const he = await getMember(db, p.he.id);
    expect(he).toMatchObject({ deletedAt: null, rev: 3, updatedAt: '2025-05-01T00:00:00.000Z' });
    await restoreRecord(db, 'meetings', m.id);
    expect((await listMeetings(db, { orgId: u.b1.id })).total).toBe(1);
    await expect(restoreRecord(db, 'meetings', m.id)).rejects.toThrow('回收站中没有这条记录');

    // Purge: only from the recycle bin, then gone for good.
    await expect(purgeRecord(db, 'meetings', m.id)).rejects.toThrow('只能彻底删除回收站中的记录');
    await deleteMeeting(db, m.id);
    await purgeRecord(db, 'meetings', m.id);
    expect(await getMeeting(db, m.id)).toBeUndefined();
    expect(await db.meetingIndex.get(m.id)).toBeUndefined();
    await purgeRecord(db, 'members', p.xie.id);
    expect(await getMember(db, p.xie.id)).toBeUndefined();
    expect((await listRecycleBin(db)).map((i) => i.id)).toEqual([]);
    await expect(purgeRecord(db, 'members', p.xie.id)).rejects.toThrow('回收站中没有这条记录');
  });

  it('a record whose organisation was purged cannot be restored', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    await setCommittee(db, u.b1.id, []);
    for (const k of ['zhang', 'li', 'wang1', 'chen', 'zhu']) await deleteMember(db, p[k].id);
    await deleteOrganisation(db, u.b1.id);
    await purgeRecord(db, 'organisations', u.b1.id);
    expect(await getOrganisation(db, u.b1.id)).toBeUndefined();
    await expect(restoreRecord(db, 'members', p.zhang.id)).rejects.toThrow('所在党支部已被彻底删除，无法恢复该记录');
  });
});
