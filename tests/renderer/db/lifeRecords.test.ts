/**
 * Repositories of issue #5: life-meeting defaults, 整改台账 (from a life meeting, progress, 销号,
 * reopen, carry-over), talks and appraisals, and the recycle bin for the new tables.
 * Runs on fake-indexeddb and in real Chromium.
 */
import { describe, expect, it } from 'vitest';
import { createMeeting, emptyMeetingFields, finaliseMeeting, getMeeting, lifeAnnualYear, saveMeeting } from '../../../renderer/db/meetings';
import {
  addProgress,
  carryOver,
  closeItem,
  createRectification,
  createRectificationFromLife,
  emptyRectificationFields,
  listRectifications,
  reopenItem,
} from '../../../renderer/db/rectifications';
import { createAppraisal, getAppraisalFor } from '../../../renderer/db/appraisals';
import { listTalks, listTalksForLifeMeeting, newTalkFields } from '../../../renderer/db/talks';
import { createRecord, deleteRecordOf, RECTIFICATIONS, TALKS } from '../../../renderer/db/records';
import { listRecycleBin, purgeRecord, restoreRecord } from '../../../renderer/db/recycleBin';
import { getLifeAspects, putLifeAspects } from '../../../renderer/db/settings';
import type { Meeting } from '../../../shared/model';
import { at, freshDb, makePeople, makeUnit } from './helpers';

async function lifeWithProblem(db: Awaited<ReturnType<typeof freshDb>>) {
  const u = await makeUnit(db);
  const p = await makePeople(db, u);
  const m = await createMeeting(db, { orgId: u.b1.id, type: 'life_meeting', date: '2026-01-15' });
  const li = m.life!.participants.find((x) => x.memberId === p.li.id)!;
  const problemId = 'problem-0000001';
  const criticismId = 'criticism-00001';
  const withProblem: Meeting = {
    ...m,
    life: {
      ...m.life!,
      participants: m.life!.participants.map((x) =>
        x.id !== li.id
          ? x
          : {
              ...x,
              problems: [{ id: problemId, aspect: '理论学习', manifestation: '学习不够系统，满足于读原文', cause: '', direction: '制定个人学习计划', rectificationId: null, noRectificationReason: '' }],
              criticisms: [{ id: criticismId, criticId: p.zhang.id, criticName: '张建国', text: '下基层调研少', rectificationId: null }],
            },
      ),
    },
  };
  const saved = await saveMeeting(db, withProblem);
  return { u, p, m: saved, li, problemId, criticismId };
}

describe('life meetings', () => {
  it('a new 组织生活会 gets its 年度, the aspects of that year, the four preparation items and speakers 书记 → 支委 → 党员', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    await putLifeAspects(db, 2025, ['政治纪律', '组织纪律']);
    const m = await createMeeting(db, { orgId: u.b1.id, type: 'life_meeting', date: '2026-02-10' });
    expect(m.life).toMatchObject({ annualYear: 2025, aspects: ['政治纪律', '组织纪律'], heldAs: 'general_assembly' });
    expect(m.life!.preparation.map((x) => x.kind)).toEqual(['study', 'opinions', 'talks', 'papers']);
    // 积极分子 朱红 is not a speaker; 书记 and 组织委员 lead.
    expect(m.life!.participants.map((x) => `${x.role}:${x.name}`)).toEqual(['secretary:张建国', 'committee:李秀英', 'member:陈静', 'member:王伟']);
    expect(m.life!.participants[0].memberId).toBe(p.zhang.id);
    // A December round belongs to its own year; defaults when the year has no list.
    expect(lifeAnnualYear('2025-12-20')).toBe(2025);
    expect(emptyMeetingFields(u.b1.id, 'life_meeting', '2026-05-01').life?.aspects).toEqual(await getLifeAspects(db, 2026));
    expect(emptyMeetingFields(u.b1.id, 'committee', '2026-05-01').life).toBeNull();
  });

  it('民主生活会 may be held by the 机关党委 team; a 组织生活会 not at the party committee, and at a 党小组 only as 党小组会', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    const d = await createMeeting(db, { orgId: u.pc.id, type: 'democratic_life', date: '2025-12-20' });
    expect(d.life?.heldAs).toBeNull();
    await expect(createMeeting(db, { orgId: u.pc.id, type: 'life_meeting', date: '2025-12-20' })).rejects.toThrow('组织生活会以党支部为单位召开');
    await expect(createMeeting(db, { orgId: u.g1.id, type: 'democratic_life', date: '2025-12-20' })).rejects.toThrow('民主生活会由领导班子召开');
    const g = await createMeeting(db, { orgId: u.g1.id, type: 'life_meeting', date: '2025-12-20' });
    expect(g.life?.heldAs).toBe('group');
    expect(g.attendance.map((a) => a.name).sort()).toEqual(['罗婷', '郭建华', '王伟'].sort());
  });
});

describe('整改台账', () => {
  it('from a life problem: ONE write creates the item and links it back; a second attempt is refused', async () => {
    const db = await freshDb();
    const { m, li, problemId, p } = await lifeWithProblem(db);
    const item = await createRectificationFromLife(db, m.id, { participantId: li.id, problemId });
    expect(item).toMatchObject({
      listKind: 'personal',
      personId: p.li.id,
      personName: '李秀英',
      source: 'self_review',
      category: '理论学习',
      problem: '学习不够系统，满足于读原文',
      measures: '制定个人学习计划',
      annualYear: 2025,
      raisedDate: '2026-01-15',
      origin: { meetingId: m.id, participantId: li.id, problemId, criticismId: null },
    });
    const stored = await getMeeting(db, m.id);
    expect(stored!.life!.participants.find((x) => x.id === li.id)!.problems[0].rectificationId).toBe(item.id);
    expect(stored!.rev).toBe(m.rev + 1);
    await expect(createRectificationFromLife(db, m.id, { participantId: li.id, problemId })).rejects.toThrow('已经列入整改台账');
    expect(await db.rectifications.count()).toBe(1);
  });

  it('from a criticism: source 相互批评; a 定稿 meeting is refused and nothing is written', async () => {
    const db = await freshDb();
    const { m, li, criticismId } = await lifeWithProblem(db);
    const item = await createRectificationFromLife(db, m.id, { participantId: li.id, criticismId });
    expect(item).toMatchObject({ source: 'criticism', problem: '下基层调研少', category: '' });
    await finaliseMeeting(db, m.id);
    const before = await getMeeting(db, m.id);
    await expect(createRectificationFromLife(db, m.id, { participantId: li.id, problemId: 'problem-0000001' })).rejects.toThrow('已定稿');
    expect(await db.rectifications.count()).toBe(1);
    expect(await getMeeting(db, m.id)).toEqual(before);
  });

  it('progress moves 未开始 to 推进中; 销号 without evidence is allowed and recorded; approver is required; reopen keeps history', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const it0 = await createRectification(db, { ...emptyRectificationFields(u.b1.id, 2025, '2025-12-20'), problem: '三会一课质量不高', deadline: '2026-03-31' });
    const p1 = await addProgress(db, it0.id, { date: '2026-01-10', text: '修订支部学习制度' });
    expect(p1.status).toBe('in_progress');
    expect(p1.progress).toHaveLength(1);
    await expect(addProgress(db, it0.id, { date: '2026-01-11', text: '  ' })).rejects.toThrow('请填写进展情况');
    await expect(closeItem(db, it0.id, { date: '2026-02-01', approver: ' ', evidence: '' })).rejects.toThrow('销号审核人');
    const closed = await closeItem(db, it0.id, { date: '2026-02-01', approver: '机关党委 刘明', evidence: '' });
    expect(closed).toMatchObject({ status: 'closed', closedBy: '机关党委 刘明', closedDate: '2026-02-01', closedWithoutEvidence: true });
    await expect(addProgress(db, it0.id, { date: '2026-02-02', text: '补充' })).rejects.toThrow('已销号');
    const reopened = await reopenItem(db, it0.id, '上级检查发现未落实', at('2026-02-10T02:00:00.000Z'));
    expect(reopened).toMatchObject({ status: 'in_progress', closedBy: '', closedWithoutEvidence: false });
    expect(reopened.closedDate).toBeUndefined();
    expect(reopened.progress.at(-1)!.text).toBe('重新打开（原于 2026-02-01 经 机关党委 刘明 审核销号）：上级检查发现未落实');
  });

  it('carry-over copies open items into next year once (idempotent), and lists filter by year, person and list', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    const base = emptyRectificationFields(u.b1.id, 2025, '2025-12-20');
    const open = await createRectification(db, { ...base, problem: '调研少', listKind: 'personal', personId: p.li.id, personName: '李秀英', ownerId: p.li.id, ownerName: '李秀英', deadline: '2026-01-31' });
    const done = await createRectification(db, { ...base, problem: '已完成的', status: 'done' });
    await createRectification(db, { ...base, orgId: u.b2.id, problem: '别的支部' });
    const first = await carryOver(db, u.b1.id, 2025);
    expect(first.created).toHaveLength(1);
    expect(first.created[0]).toMatchObject({ annualYear: 2026, source: 'carried_over', carriedFromId: open.id, problem: '调研少', progress: [] });
    const again = await carryOver(db, u.b1.id, 2025);
    expect(again).toMatchObject({ created: [], alreadyCarried: 1 });
    expect((await listRectifications(db, { orgId: u.b1.id, annualYear: 2026 })).map((r) => r.carriedFromId)).toEqual([open.id]);
    expect((await listRectifications(db, { orgId: u.b1.id, annualYear: 2025 })).map((r) => r.id).sort()).toEqual([open.id, done.id].sort());
    expect((await listRectifications(db, { personId: p.li.id })).length).toBe(2);
    expect((await listRectifications(db, { orgId: u.b1.id, listKind: 'team' })).map((r) => r.id)).toEqual([done.id]);
  });
});

describe('talks and appraisals', () => {
  it('newTalkFields pre-fills posts and 政治面貌; lists by window and by life meeting', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    const org = (await db.organisations.get(u.b1.id))!;
    const f = newTalkFields(org, p.zhang, p.chen, '2025-11-01');
    expect(f.interviewer).toMatchObject({ name: '张建国', post: '书记', politicalStatus: '中共党员' });
    expect(f.interviewees[0]).toMatchObject({ name: '陈静', politicalStatus: '中共预备党员' });
    expect(f.form).toBe('individual');
    const t1 = await createRecord(db, TALKS, f);
    const t2 = await createRecord(db, TALKS, { ...newTalkFields(org, p.zhang, [p.li, p.wang1], '2025-12-01'), lifeMeetingId: 'meeting-life-0001' });
    await createRecord(db, TALKS, newTalkFields(org, p.li, p.wang1, '2024-06-01'));
    expect((await listTalks(db, { orgId: u.b1.id, from: '2025-01-01', to: '2025-12-31' })).map((t) => t.id)).toEqual([t1.id, t2.id]);
    expect((await listTalksForLifeMeeting(db, 'meeting-life-0001')).map((t) => t.id)).toEqual([t2.id]);
    await deleteRecordOf(db, TALKS, t1.id);
    expect((await listTalks(db, { from: '2025-01-01', to: '2025-12-31' })).map((t) => t.id)).toEqual([t2.id]);
  });

  it('createAppraisal lists the Party members on the roster (预备党员 included, ungraded); one per org and year', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    const a = await createAppraisal(db, u.b1.id, 2025, '2026-01-20');
    expect(a.entries.map((e) => `${e.name}:${e.status}`).sort()).toEqual(['张建国:full', '李秀英:full', '王伟:full', '陈静:probationary'].sort());
    expect(a.entries.every((e) => e.finalGrade === null && e.shouldRate === 0)).toBe(true);
    expect((await getAppraisalFor(db, u.b1.id, 2025))?.id).toBe(a.id);
    await expect(createAppraisal(db, u.b1.id, 2025, '2026-01-21')).rejects.toThrow('已有民主评议记录');
  });
});

describe('recycle bin for the new tables', () => {
  it('lists (who and when only), restores and purges talks and rectification items', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    const org = (await db.organisations.get(u.b2.id))!;
    const talk = await createRecord(db, TALKS, { ...newTalkFields(org, p.guo, p.luo, '2025-05-01'), intervieweePoints: '家里老人生病' });
    const item = await createRectification(db, { ...emptyRectificationFields(u.b2.id, 2025, '2025-05-01'), problem: '学习记录不全' });
    await deleteRecordOf(db, TALKS, talk.id);
    await deleteRecordOf(db, RECTIFICATIONS, item.id);
    const bin = await listRecycleBin(db);
    expect(bin.map((i) => i.table).sort()).toEqual(['rectifications', 'talks']);
    const t = bin.find((i) => i.table === 'talks')!;
    expect(t.label).toBe('日常谈心：郭建华—罗婷');
    expect(JSON.stringify(bin)).not.toContain('老人'); // talk contents never listed
    expect(bin.find((i) => i.table === 'rectifications')!.label).toBe('整改事项：学习记录不全');

    await restoreRecord(db, 'talks', talk.id);
    expect((await db.talks.get(talk.id))?.deletedAt).toBeNull();
    await purgeRecord(db, 'rectifications', item.id);
    expect(await db.rectifications.get(item.id)).toBeUndefined();
    expect(await db.purged.get(item.id)).toMatchObject({ table: 'rectifications' });
  });
});
