import { describe, expect, it } from 'vitest';
import {
  bulkImportMeetings,
  copyFromLast,
  createMeeting,
  deleteMeeting,
  emptyMeetingFields,
  FINAL_LOCKED_MESSAGE,
  finaliseMeeting,
  getMeeting,
  nextRunningNumber,
  reopenMeeting,
  saveMeeting,
  sameJson,
  sameMeetingContent,
} from '../../../renderer/db/meetings';
import { getInstallationId } from '../../../renderer/db/meta';
import { restoreRecord } from '../../../renderer/db/recycleBin';
import type { Meeting } from '../../../shared/model';
import { at, freshDb, makePeople, makeUnit } from './helpers';

const speech = (content: string, speakerName = '张建国') => ({ id: crypto.randomUUID(), speakerId: null, speakerName, content });

describe('meetings', () => {
  it('creates drafts with running numbers per org + type + year', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    const a = await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-01-06' });
    const b = await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-02-06' });
    const c = await createMeeting(db, { orgId: u.b1.id, type: 'theme_day', date: '2025-02-16' });
    const d = await createMeeting(db, { orgId: u.b2.id, type: 'committee', date: '2025-02-06', attendance: [] });
    const e = await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2026-01-06' });
    expect([a.seq, b.seq, c.seq, d.seq, e.seq]).toEqual([1, 2, 1, 1, 1]);
    expect([a.year, e.year]).toEqual([2025, 2026]);
    expect(a).toMatchObject({ status: 'draft', rev: 1, finalisedAt: null, reopenLog: [], lecture: null });
    expect(a.changedBy).toBe(await getInstallationId(db));
    expect(a.attendance.map((x) => x.name)).toEqual(['张建国', '李秀英']);
    expect(c.themeDay).not.toBeNull();
    expect(d.attendance).toEqual([]);
    // A meeting in the recycle bin keeps its number (no duplicates after restore).
    await deleteMeeting(db, b.id);
    expect(await nextRunningNumber(db, u.b1.id, 'committee', 2025)).toBe(3);
    await expect(createMeeting(db, { orgId: u.g1.id, type: 'committee', date: '2025-03-01' })).rejects.toThrow('该类会议只能在党支部下记录');
    await expect(createMeeting(db, { orgId: u.b1.id, type: 'group', date: '2025-03-01' })).rejects.toThrow('党小组会只能在党小组下记录');
    await expect(createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025/03/01' })).rejects.toThrow('日期格式应为 2025-03-08');
  });

  it('saves cheaply: validates, bumps meta, skips unchanged, refuses stale copies', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    const m = await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-03-05' }, at('2025-03-05T01:00:00Z'));
    const s1 = await saveMeeting(db, { ...m, place: '三楼第一会议室' }, at('2025-03-05T02:00:00Z'));
    expect(s1).toMatchObject({ place: '三楼第一会议室', rev: 2, updatedAt: '2025-03-05T02:00:00.000Z' });
    expect(Object.values(s1.vv)).toEqual([2]);
    // Same content again (keys in another order): no write, no bump.
    const reordered = Object.fromEntries(Object.entries(s1).reverse()) as Meeting;
    expect(await saveMeeting(db, reordered)).toEqual(s1);
    expect((await getMeeting(db, m.id))?.rev).toBe(2);
    // Stale copy (edited from rev 1 after rev 2 was saved) is refused, nothing lost.
    await expect(saveMeeting(db, { ...m, place: '别处' })).rejects.toThrow('该会议记录已在别处修改');
    // Invalid → Chinese message, nothing written.
    await expect(saveMeeting(db, { ...s1, startTime: '25:00' })).rejects.toThrow('会议记录未能保存：开始时间：时间格式应为 14:30');
    await expect(
      saveMeeting(db, { ...s1, attendance: [{ ...s1.attendance[0], name: '' }] }),
    ).rejects.toThrow('会议记录未能保存：出席情况 › 第 1 项：请填写姓名');
    expect((await getMeeting(db, m.id))?.rev).toBe(2);
    // Status cannot be changed through save.
    const s2 = await saveMeeting(db, { ...s1, status: 'final', summary: '小结' });
    expect(s2.status).toBe('draft');
  });

  it('compares content structurally for the unchanged check (key order, undefined keys, nested ids)', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x', d: undefined }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
    expect(sameJson({ a: '同意' }, { a: '同意。' })).toBe(false);
    const base = { id: 'x', rev: 1, updatedAt: 'a', attendance: [{ id: 'line-1', name: '张' }] } as unknown as Meeting;
    // Meta is ignored at the top level only: a changed line id is a change.
    expect(sameMeetingContent(base, { ...base, rev: 2, updatedAt: 'b' })).toBe(true);
    expect(sameMeetingContent(base, { ...base, attendance: [{ id: 'line-2', name: '张' }] } as unknown as Meeting)).toBe(false);
  });

  it('stores a 50,000-character speech and rare characters exactly', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    const m = await createMeeting(db, { orgId: u.b1.id, type: 'general_assembly', date: '2025-03-20' });
    const unit = '同志们，要坚持学用结合。苏堃、王𬍛发言：𠮷「」——…\n';
    const long = unit.repeat(Math.ceil(50_000 / unit.length)).slice(0, 50_000);
    expect(long.length).toBe(50_000);
    const saved = await saveMeeting(db, {
      ...m,
      agenda: [{ id: crypto.randomUUID(), title: '讨论接收苏堃同志为预备党员', speeches: [speech(long, '王𬍛')], decisions: [] }],
    });
    const back = await getMeeting(db, saved.id);
    expect(back?.agenda[0].speeches[0].content).toBe(long);
    expect(back?.agenda[0].speeches[0].speakerName).toBe('王𬍛');
    expect(back?.agenda[0].title).toBe('讨论接收苏堃同志为预备党员');
    expect(await db.meetingIndex.get(saved.id)).toMatchObject({ topics: ['讨论接收苏堃同志为预备党员'] });
    expect(JSON.stringify(await db.meetingIndex.get(saved.id)).length).toBeLessThan(2000);
  });

  it('finalise locks; reopen needs a reason and is logged', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    const m = await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-03-05' });
    const f = await finaliseMeeting(db, m.id, at('2025-03-06T09:00:00Z'));
    expect(f).toMatchObject({ status: 'final', finalisedAt: '2025-03-06T09:00:00.000Z', rev: 2 });
    expect((await db.meetingIndex.get(m.id))?.status).toBe('final');
    await expect(saveMeeting(db, { ...f, place: '改' })).rejects.toThrow(FINAL_LOCKED_MESSAGE);
    await expect(finaliseMeeting(db, m.id)).rejects.toThrow('该会议记录已经定稿');
    await expect(deleteMeeting(db, m.id)).rejects.toThrow('已定稿的会议记录不能删除');
    await expect(reopenMeeting(db, m.id, '   ')).rejects.toThrow('请填写重新打开的原因');
    const r = await reopenMeeting(db, m.id, '更正发言记录中的错字', at('2025-03-07T09:00:00Z'));
    expect(r).toMatchObject({ status: 'draft', finalisedAt: null, rev: 3 });
    expect(r.reopenLog).toEqual([{ at: '2025-03-07T09:00:00.000Z', reason: '更正发言记录中的错字', by: await getInstallationId(db) }]);
    const edited = await saveMeeting(db, { ...r, place: '党员活动室' });
    await finaliseMeeting(db, m.id);
    const r2 = await reopenMeeting(db, m.id, '补充表决情况');
    expect(r2.reopenLog.map((x) => x.reason)).toEqual(['更正发言记录中的错字', '补充表决情况']);
    expect(r2.place).toBe(edited.place);
    await expect(reopenMeeting(db, m.id, '再次')).rejects.toThrow('无需重新打开');
  });

  it('copyFromLast copies people, place and agenda titles from the latest live meeting of that type', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    expect(await copyFromLast(db, u.b1.id, 'committee')).toBeNull();
    const older = await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-02-05', place: '旧会议室' });
    const last = await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-03-05', place: '三楼第一会议室' });
    await createMeeting(db, { orgId: u.b1.id, type: 'theme_day', date: '2025-03-20', place: '基地' });
    const att = last.attendance.map((a, i) => (i === 1 ? { ...a, presence: 'leave' as const, reason: '公出' } : a));
    att.push({ id: crypto.randomUUID(), kind: 'guest', memberId: null, name: '赵督导', title: '机关党委组织委员', status: null, standing: null, isCommittee: false, presence: 'absent', reason: '另有公务' });
    await saveMeeting(db, {
      ...last,
      attendance: att,
      agenda: [
        { id: crypto.randomUUID(), title: '研究本月主题党日活动安排', speeches: [speech('内容')], decisions: [{ id: crypto.randomUUID(), text: '按计划开展', owner: '李秀英', vote: null }] },
        { id: crypto.randomUUID(), title: '通报党费收缴情况', speeches: [], decisions: [] },
      ],
    });
    const pre = await copyFromLast(db, u.b1.id, 'committee');
    expect(pre?.sourceId).toBe(last.id);
    expect(pre?.place).toBe('三楼第一会议室');
    expect(pre?.attendance.map((a) => [a.name, a.presence, a.reason])).toEqual([
      ['张建国', 'present', ''],
      ['李秀英', 'present', ''],
      ['赵督导', 'present', ''],
    ]);
    expect(pre?.attendance.map((a) => a.id)).not.toContain(att[0].id);
    expect(pre?.agenda.map((a) => [a.title, a.speeches.length, a.decisions.length])).toEqual([
      ['研究本月主题党日活动安排', 0, 0],
      ['通报党费收缴情况', 0, 0],
    ]);
    expect((await copyFromLast(db, u.b1.id, 'committee', { before: '2025-03-05' }))?.sourceId).toBe(older.id);
    // Deleted meetings are skipped; restored ones count again.
    await deleteMeeting(db, last.id);
    expect((await copyFromLast(db, u.b1.id, 'committee'))?.sourceId).toBe(older.id);
    await restoreRecord(db, 'meetings', last.id);
    expect((await copyFromLast(db, u.b1.id, 'committee'))?.sourceId).toBe(last.id);
  });

  it('bulk import validates everything first and writes all or nothing', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const rows = Array.from({ length: 30 }, (_, i) => ({
      ...emptyMeetingFields(u.b1.id, 'theme_day', `2025-${String((i % 12) + 1).padStart(2, '0')}-15`),
      seq: i + 1,
    }));
    const bad = rows.map((r, i) => (i === 17 ? { ...r, place: 'x'.repeat(121) } : r));
    await expect(bulkImportMeetings(db, bad)).rejects.toThrow('第 18 条会议记录未能保存：地点不能超过 120 字');
    expect(await db.meetings.count()).toBe(0);
    const done = await bulkImportMeetings(db, rows);
    expect(done).toHaveLength(30);
    expect(await db.meetings.count()).toBe(30);
    expect(await db.meetingIndex.count()).toBe(30);
    // A duplicate id aborts the batch instead of overwriting.
    const dup = [{ ...rows[0], id: 'bbbbbbbb-0000-4000-8000-000000000001' }, { ...rows[1], id: done[0].id }];
    await expect(bulkImportMeetings(db, dup)).rejects.toThrow();
    expect(await db.meetings.count()).toBe(30);
    expect(await getMeeting(db, 'bbbbbbbb-0000-4000-8000-000000000001')).toBeUndefined();
  });
});
