import { describe, expect, it } from 'vitest';
import { fillDemoData } from '../../../renderer/db/demo';
import { listMeetings } from '../../../renderer/db/meetingList';
import { getMeeting } from '../../../renderer/db/meetings';
import { listMembers, rosterOn } from '../../../renderer/db/members';
import { organisationTree } from '../../../renderer/db/organisations';
import { countAttendance } from '../../../shared/rules/attendance';
import { getSettings } from '../../../renderer/db/settings';
import { freshDb } from './helpers';

const NOW = new Date('2026-01-15T08:00:00.000Z');

describe('demo data', () => {
  it('builds a realistic unit with a year of meetings and planted gaps', async () => {
    const db = await freshDb();
    const s = await fillDemoData(db, { now: NOW });
    // The sidebar shows the unit's name: the demo fills it when none was typed.
    expect((await getSettings(db)).unitName).toBe('××市财政局');
    expect(s.organisations).toBe(6);
    expect(s.members).toBe(42);
    expect(s.meetings).toBeGreaterThan(110);
    expect(s.drafts).toBeGreaterThan(0);
    expect(s.drafts).toBeLessThan(s.meetings / 5);

    const tree = await organisationTree(db);
    expect(tree[0].org.fullName).toBe('中共××市财政局机关委员会');
    expect(tree[0].children).toHaveLength(3);
    expect(tree[0].children[1].children).toHaveLength(2);

    const members = await listMembers(db);
    const names = members.map((m) => m.name);
    expect(names).toContain('苏堃');
    expect(names.filter((n) => n === '王伟')).toHaveLength(2);
    expect(new Set(members.filter((m) => m.name === '王伟').map((m) => m.department)).size).toBe(2);
    const statuses = new Set(members.map((m) => m.status));
    for (const st of ['full', 'probationary', 'candidate', 'activist']) expect(statuses).toContain(st);
    expect(members.filter((m) => m.standing === 'probation_sanction')).toHaveLength(1);
    expect(members.filter((m) => m.isMobile)).toHaveLength(1);
    expect(members.filter((m) => m.isLeadingCadre).length).toBeGreaterThanOrEqual(3);

    // Every month has a 支委会 in every branch, except the planted gap.
    const all = await listMeetings(db, {}, { offset: 0, limit: 10_000 });
    const committees = all.rows.filter((r) => r.type === 'committee');
    for (const bid of s.branchIds) {
      const months = new Set(committees.filter((r) => r.orgId === bid).map((r) => r.date.slice(0, 7)));
      const gap = bid === s.gaps.missingCommitteeMonth.branchId;
      expect(months.size).toBe(gap ? 11 : 12);
      if (gap) expect(months).not.toContain(s.gaps.missingCommitteeMonth.month);
    }
    expect(all.rows.filter((r) => r.level === 'internal')).toHaveLength(1);
    expect(all.rows.filter((r) => r.level === 'secret')).toHaveLength(1);
    const gapMeeting = await getMeeting(db, s.gaps.absentWithoutReasonMeetingId);
    expect(gapMeeting?.status).toBe('draft');
    expect(gapMeeting?.attendance.some((a) => a.kind === 'member' && a.presence !== 'present' && !a.reason)).toBe(true);
    expect(all.rows.filter((r) => r.absentWithoutReason > 0).map((r) => r.id)).toEqual([s.gaps.absentWithoutReasonMeetingId]);

    // One admission vote and one 转正 vote with consistent numbers.
    const assemblies = await Promise.all(all.rows.filter((r) => r.type === 'general_assembly').map((r) => getMeeting(db, r.id)));
    const votes = assemblies.flatMap((m) => m!.agenda.flatMap((a) => a.decisions.map((d) => ({ m: m!, v: d.vote })))).filter((x) => x.v);
    expect(votes.map((x) => x.v!.kind).sort()).toEqual(['admission', 'confirmation']);
    for (const { m, v } of votes) {
      const c = countAttendance(m.attendance);
      expect(v!.yes).toBe(c.votingPresent);
      expect(v!.yes + v!.writtenYes).toBe(c.votingExpected);
    }
    const admission = votes.find((x) => x.v!.kind === 'admission')!;
    expect(admission.m.attendance.find((a) => a.name === admission.v!.subjectName)?.kind).toBe('guest');

    // The member who moved mid-year is on the right roster at each date.
    const moved = members.find((m) => m.memberships.length === 2)!;
    const [p1, p2] = moved.memberships;
    expect((await rosterOn(db, p1.branchId, p1.to!)).map((r) => r.member.id)).toContain(moved.id);
    expect((await rosterOn(db, p2.branchId, p1.to!)).map((r) => r.member.id)).not.toContain(moved.id);
    expect((await rosterOn(db, p2.branchId, p2.from)).map((r) => r.member.id)).toContain(moved.id);
  });

  it('is deterministic for a seed and refuses a non-empty database', async () => {
    const a = await freshDb();
    const b = await freshDb();
    const sa = await fillDemoData(a, { now: NOW, seed: 7 });
    const sb = await fillDemoData(b, { now: NOW, seed: 7 });
    expect(sb).toEqual(sa);
    const strip = <T extends { changedBy: string; vv: object }>(x: T) => ({ ...x, changedBy: '', vv: {} });
    expect((await b.meetings.toArray()).map(strip)).toEqual((await a.meetings.toArray()).map(strip));
    expect((await b.members.toArray()).map(strip)).toEqual((await a.members.toArray()).map(strip));
    await expect(fillDemoData(a, { now: NOW })).rejects.toThrow('数据库中已有数据');
    expect(await a.meetings.count()).toBe(sa.meetings);
  });
});

describe('demo data consistency', () => {
  it('nobody speaks at a meeting they did not attend', async () => {
    const db = await freshDb();
    await fillDemoData(db, { now: NOW, seed: 11 });
    for (const m of await db.meetings.toArray()) {
      const away = new Set(m.attendance.filter((a) => a.presence !== 'present').map((a) => a.memberId));
      for (const item of m.agenda) for (const sp of item.speeches) expect(away.has(sp.speakerId), `${m.date} ${sp.speakerName}`).toBe(false);
    }
  });
});
