import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AttendanceEntry, Meeting } from '../../../shared/model';
import {
  MEETING_ISSUE_SEVERITY,
  canFinalise,
  checkMeeting,
  type MeetingCheckContext,
  type MeetingIssue,
  type MeetingIssueCode,
} from '../../../shared/rules/meetingChecks';
import {
  absentee,
  agendaWithVote,
  attendee,
  fullMembers,
  guest,
  makeAgendaItem,
  makeCtx,
  makeDecision,
  makeMeeting,
  makeOrg,
  makeSettings,
  makeVote,
  probationary,
  secretaryEntry,
  SECRETARY_ID,
  SECRETARY_NAME,
} from './fixtures';

const codes = (issues: MeetingIssue[]) => issues.map((i) => i.code);
const run = (m: Meeting, ctx: MeetingCheckContext = makeCtx()) => checkMeeting(m, ctx);
const only = (m: Meeting, code: MeetingIssueCode, ctx?: MeetingCheckContext) =>
  run(m, ctx).filter((i) => i.code === code);

describe('checkMeeting: baseline', () => {
  it('the fixture meeting has no issues and can be finalised', () => {
    const issues = run(makeMeeting());
    expect(issues).toEqual([]);
    expect(canFinalise(issues)).toBe(true);
  });

  it('every issue carries the severity of its code', () => {
    const m = makeMeeting({ place: '', endTime: '13:00', attendance: [secretaryEntry(), absentee('甲', '')] });
    const issues = run(m);
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i.severity).toBe(MEETING_ISSUE_SEVERITY[i.code]);
  });

  it('canFinalise: errors block, warnings do not', () => {
    const w: MeetingIssue = { severity: 'warning', code: 'LOW_ATTENDANCE', message: '', field: 'attendance' };
    const e: MeetingIssue = { severity: 'error', code: 'REQUIRED_PLACE', message: '', field: 'place' };
    expect(canFinalise([])).toBe(true);
    expect(canFinalise([w])).toBe(true);
    expect(canFinalise([w, e])).toBe(false);
  });
});

describe('required header fields', () => {
  it.each([
    ['date', 'REQUIRED_DATE', 'date'],
    ['place', 'REQUIRED_PLACE', 'place'],
    ['chairName', 'REQUIRED_CHAIR', 'chairName'],
    ['recorderName', 'REQUIRED_RECORDER', 'recorderName'],
  ] as const)('missing %s → %s', (key, code, field) => {
    const issues = only(makeMeeting({ [key]: '  ' }), code);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', field });
    expect(issues[0].message).toMatch(/请/);
  });

  it('no agenda item → REQUIRED_AGENDA; an untitled item → AGENDA_TITLE_MISSING on that item', () => {
    expect(only(makeMeeting({ agenda: [] }), 'REQUIRED_AGENDA')).toHaveLength(1);
    const item = makeAgendaItem('');
    const issues = only(makeMeeting({ agenda: [makeAgendaItem(), item] }), 'AGENDA_TITLE_MISSING');
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', field: `agenda.${item.id}.title`, message: expect.stringContaining('第 2 项议题') }),
    ]);
  });

  it('no attendee → REQUIRED_ATTENDEE (empty list, or nobody present)', () => {
    expect(only(makeMeeting({ attendance: [] }), 'REQUIRED_ATTENDEE')[0].message).toContain('花名册');
    expect(only(makeMeeting({ attendance: [absentee('甲', '公出')] }), 'REQUIRED_ATTENDEE')).toHaveLength(1);
    expect(only(makeMeeting({ attendance: [guest('督导')] }), 'REQUIRED_ATTENDEE')).toHaveLength(1);
  });
});

describe('time', () => {
  it('end before start → END_NOT_AFTER_START on endTime', () => {
    const issues = only(makeMeeting({ startTime: '14:00', endTime: '09:30' }), 'END_NOT_AFTER_START');
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', field: 'endTime' })]);
  });

  it('equal times are an error too; missing times are not checked here', () => {
    expect(only(makeMeeting({ startTime: '14:00', endTime: '14:00' }), 'END_NOT_AFTER_START')).toHaveLength(1);
    expect(only(makeMeeting({ startTime: '14:00', endTime: undefined }), 'END_NOT_AFTER_START')).toHaveLength(0);
    expect(only(makeMeeting({ startTime: '09:05', endTime: '10:00' }), 'END_NOT_AFTER_START')).toHaveLength(0);
  });
});

describe('attendance list', () => {
  it('absentee without reason → error naming the person and the field of that line', () => {
    const zs = absentee('张三', '');
    const issues = only(makeMeeting({ attendance: [secretaryEntry(), ...fullMembers(6), zs] }), 'ABSENCE_REASON_MISSING');
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'ABSENCE_REASON_MISSING',
        field: `attendance.${zs.id}.reason`,
        message: '缺席人员“张三”未填写缺席原因，请在出席情况中补充（如公出、病假、事假）',
      },
    ]);
  });

  it('leave without reason says 请假; whitespace is no reason; guests need none', () => {
    const m = makeMeeting({
      attendance: [secretaryEntry(), ...fullMembers(8), absentee('李四', ' ', { presence: 'leave' }), guest('王督导')],
    });
    const issues = only(m, 'ABSENCE_REASON_MISSING');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('请假人员“李四”未填写请假原因');
  });

  it('absentees with reasons are fine', () => {
    const m = makeMeeting({ attendance: [secretaryEntry(), ...fullMembers(8), absentee('李四', '病假')] });
    expect(run(m)).toEqual([]);
  });

  it('the same member listed twice → ATTENDANCE_DUPLICATE on the second line', () => {
    const a = attendee('甲');
    const again = absentee('甲', '公出', { memberId: a.memberId });
    const issues = only(makeMeeting({ attendance: [secretaryEntry(), ...fullMembers(3), a, again] }), 'ATTENDANCE_DUPLICATE');
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', field: `attendance.${again.id}` })]);
  });

  it('two lines with the same name and no roster link → ATTENDANCE_SAME_NAME warning; two roster members of the same name are fine', () => {
    const typed = attendee('甲', { memberId: null });
    const m1 = makeMeeting({ attendance: [secretaryEntry(), ...fullMembers(3), attendee('甲'), typed] });
    expect(only(m1, 'ATTENDANCE_SAME_NAME')).toEqual([
      expect.objectContaining({ severity: 'warning', field: `attendance.${typed.id}` }),
    ]);
    const m2 = makeMeeting({
      attendance: [secretaryEntry(), ...fullMembers(3), attendee('甲', { memberId: 'member-a1' }), attendee('甲', { memberId: 'member-a2' })],
    });
    expect(run(m2)).toEqual([]);
  });

  it('an activist or a transferred-out member listed as member → ATTENDEE_NOT_PARTY_MEMBER warning', () => {
    const act = attendee('积极分子甲', { status: 'activist' });
    const gone = attendee('乙', { standing: 'transferred_out' });
    const issues = only(makeMeeting({ attendance: [secretaryEntry(), ...fullMembers(5), act, gone] }), 'ATTENDEE_NOT_PARTY_MEMBER');
    expect(issues.map((i) => i.field)).toEqual([`attendance.${act.id}`, `attendance.${gone.id}`]);
    expect(issues[0].message).toContain('列席');
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('low attendance → LOW_ATTENDANCE warning below settings.attendanceWarnPercent', () => {
    // 6 of 8 = 75% < 85%
    const m = makeMeeting({ attendance: [secretaryEntry(), ...fullMembers(5), absentee('甲'), absentee('乙')] });
    const issues = only(m, 'LOW_ATTENDANCE');
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', field: 'attendance' })]);
    expect(issues[0].message).toContain('75%');
    expect(canFinalise(run(m))).toBe(true);
    expect(only(m, 'LOW_ATTENDANCE', makeCtx({ settings: makeSettings({ attendanceWarnPercent: 75 }) }))).toHaveLength(0);
  });

  it('exactly at the threshold is not low', () => {
    // 17 of 20 = 85%
    const att = [secretaryEntry(), ...fullMembers(16), absentee('甲'), absentee('乙'), absentee('丙')];
    expect(only(makeMeeting({ attendance: att }), 'LOW_ATTENDANCE')).toHaveLength(0);
  });
});

describe('quorum: 党员大会 with a vote', () => {
  /** `present` full members present of `expected`, plus one vote with `yes` votes. */
  const assembly = (present: number, expected: number, yes = present) =>
    makeMeeting({
      attendance: [
        secretaryEntry(),
        ...fullMembers(present - 1),
        ...Array.from({ length: expected - present }, (_, i) => absentee(`缺${i}`, '公出')),
      ],
      agenda: agendaWithVote(makeVote({ yes })),
    });

  it('exactly half present: error under more_than_half, fine under half_or_more', () => {
    const m = assembly(5, 10);
    const strict = only(m, 'ASSEMBLY_QUORUM_NOT_MET');
    expect(strict).toEqual([expect.objectContaining({ severity: 'error', field: 'attendance' })]);
    expect(strict[0].message).toContain('至少需 6 人');
    const lax = makeCtx({ settings: makeSettings({ quorumRule: 'half_or_more' }) });
    expect(only(m, 'ASSEMBLY_QUORUM_NOT_MET', lax)).toHaveLength(0);
  });

  it('more than half present: no quorum error', () => {
    expect(only(assembly(6, 10), 'ASSEMBLY_QUORUM_NOT_MET')).toHaveLength(0);
  });

  it('without a vote the quorum is not checked (low attendance still warns)', () => {
    const m = makeMeeting({ attendance: [secretaryEntry(), ...fullMembers(1), absentee('甲'), absentee('乙'), absentee('丙')] });
    expect(codes(run(m))).toEqual(['LOW_ATTENDANCE']);
  });

  it('quorum counts voting-right members only: present 预备党员 do not make the quorum', () => {
    const m = makeMeeting({
      attendance: [
        secretaryEntry(),
        attendee('甲'),
        probationary('预1'),
        probationary('预2'),
        probationary('预3'),
        absentee('乙'),
        absentee('丙'),
      ],
      agenda: agendaWithVote(makeVote({ yes: 2 })),
    });
    // voting-right: 4 expected, 2 present → exactly half
    expect(only(m, 'ASSEMBLY_QUORUM_NOT_MET')).toHaveLength(1);
  });

  it('a 主题党日 that also counts as 党员大会 follows the same quorum rule', () => {
    const m = makeMeeting({
      type: 'theme_day',
      themeDay: { theme: '学习党章', activityForm: '学习', alsoCounts: ['general_assembly'], agreedItems: '', followUp: '' },
      attendance: [secretaryEntry(), attendee('甲'), absentee('乙'), absentee('丙')],
      agenda: agendaWithVote(makeVote({ yes: 2 })),
    });
    expect(only(m, 'ASSEMBLY_QUORUM_NOT_MET')).toHaveLength(1);
    expect(only(makeMeeting({ ...m, themeDay: { ...m.themeDay!, alsoCounts: [] } }), 'ASSEMBLY_QUORUM_NOT_MET')).toHaveLength(0);
  });
});

describe('quorum: 支委会', () => {
  const committee = (present: number, absent: number, extra: AttendanceEntry[] = []) =>
    makeMeeting({
      type: 'committee',
      attendance: [
        secretaryEntry(),
        ...Array.from({ length: present - 1 }, (_, i) => attendee(`委员${i}`, { isCommittee: true })),
        ...Array.from({ length: absent }, (_, i) => absentee(`缺席委员${i}`, '公出', { isCommittee: true })),
        ...extra,
      ],
    });

  it('3 members, 1 absent (2 of 3) → quorum met', () => {
    expect(only(committee(2, 1), 'COMMITTEE_QUORUM_NOT_MET')).toHaveLength(0);
  });

  it('4 members, 2 absent → not met by default, met under half_or_more', () => {
    const m = committee(2, 2);
    const issues = only(m, 'COMMITTEE_QUORUM_NOT_MET');
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', field: 'attendance' })]);
    expect(issues[0].message).toContain('到会支委 2 人，未超过支委会成员 4 人的半数（至少需 3 人）');
    const lax = makeCtx({ settings: makeSettings({ quorumRule: 'half_or_more' }) });
    expect(only(m, 'COMMITTEE_QUORUM_NOT_MET', lax)).toHaveLength(0);
  });

  it('counts committee members only, not others sitting in', () => {
    const m = committee(1, 2, [attendee('列席党员1'), attendee('列席党员2'), attendee('列席党员3')]);
    expect(only(m, 'COMMITTEE_QUORUM_NOT_MET')).toHaveLength(1);
  });

  it('a 支委会 with no line marked as committee → COMMITTEE_NO_MEMBERS', () => {
    const m = makeMeeting({ type: 'committee', attendance: [secretaryEntry({ isCommittee: false }), attendee('甲')] });
    expect(codes(run(m))).toContain('COMMITTEE_NO_MEMBERS');
    expect(codes(run(m))).not.toContain('COMMITTEE_QUORUM_NOT_MET');
  });

  it('is checked even without a vote; other meeting types are not', () => {
    expect(only(committee(1, 2), 'COMMITTEE_QUORUM_NOT_MET')).toHaveLength(1);
    const group = makeMeeting({ type: 'group', attendance: [secretaryEntry(), absentee('甲'), absentee('乙')] });
    expect(codes(run(group, makeCtx({ org: makeOrg({ level: 'group' }) })))).not.toContain('COMMITTEE_QUORUM_NOT_MET');
  });

  it('votes in a 支委会 are counted among committee members', () => {
    // 3 committee members present + 3 ordinary members sitting in: 5 yes exceeds the 3 committee voters.
    const m = committee(3, 0, fullMembers(3));
    const withVote = { ...m, agenda: agendaWithVote(makeVote({ yes: 5 })) };
    const issues = only(withVote, 'VOTE_EXCEEDS_PRESENT');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('支委');
    expect(run({ ...m, agenda: agendaWithVote(makeVote({ yes: 3 })) })).toEqual([]);
  });
});

describe('quorum: 换届选举', () => {
  const election = (present: number, expected: number) =>
    makeMeeting({
      attendance: [
        secretaryEntry(),
        ...fullMembers(present - 1),
        ...Array.from({ length: expected - present }, (_, i) => absentee(`缺${i}`, '公出')),
      ],
      agenda: agendaWithVote(makeVote({ kind: 'election', method: 'secret_ballot', yes: present })),
    });

  it('8 of 10 does not exceed 4/5 → error; 9 of 10 is fine', () => {
    const issues = only(election(8, 10), 'ELECTION_QUORUM_NOT_MET');
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', field: 'attendance' })]);
    expect(issues[0].message).toContain('五分之四');
    expect(issues[0].message).toContain('至少需 9 人');
    expect(only(election(9, 10), 'ELECTION_QUORUM_NOT_MET')).toHaveLength(0);
  });

  it('uses settings.electionQuorumFraction', () => {
    const ctx = makeCtx({ settings: makeSettings({ electionQuorumFraction: 0.75 }) });
    expect(only(election(8, 10), 'ELECTION_QUORUM_NOT_MET', ctx)).toHaveLength(0);
  });

  it('an election vote alone does not also raise the ordinary quorum error', () => {
    expect(codes(run(election(5, 10)))).not.toContain('ASSEMBLY_QUORUM_NOT_MET');
  });
});

describe('votes', () => {
  it('a 预备党员 counted as voting: ballots exceed voting-right present → error naming the non-voters', () => {
    const m = makeMeeting({
      attendance: [secretaryEntry(), ...fullMembers(4), probationary('预备甲')],
      agenda: agendaWithVote(makeVote({ kind: 'admission', yes: 6, subjectName: '赵六' })),
    });
    const issues = only(m, 'VOTE_EXCEEDS_PRESENT');
    const item = m.agenda[0];
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', field: `agenda.${item.id}.decisions.${item.decisions[0].id}.vote` }),
    ]);
    expect(issues[0].message).toContain('合计 6 票，超过实到会有表决权的党员 5 人');
    expect(issues[0].message).toContain('预备党员');
    expect(issues[0].message).toContain('接收预备党员：赵六');
  });

  it('a member under 留党察看 is not a voter either', () => {
    const m = makeMeeting({
      attendance: [secretaryEntry(), ...fullMembers(4), attendee('丙', { standing: 'probation_sanction' })],
      agenda: agendaWithVote(makeVote({ yes: 5, abstain: 1 })),
    });
    expect(only(m, 'VOTE_EXCEEDS_PRESENT')).toHaveLength(1);
  });

  it('counts equal to voting-right present are fine', () => {
    const m = makeMeeting({ agenda: agendaWithVote(makeVote({ yes: 3, no: 1, abstain: 1 })) });
    expect(run(m)).toEqual([]);
  });

  it('zero voting-right members: any ballot count is an error; an empty vote is fine', () => {
    const att = [probationary('预1', { memberId: SECRETARY_ID, name: SECRETARY_NAME }), probationary('预2')];
    const withCounts = makeMeeting({ attendance: att, agenda: agendaWithVote(makeVote({ yes: 1 })) });
    expect(only(withCounts, 'VOTE_NO_VOTERS')).toEqual([expect.objectContaining({ severity: 'error' })]);
    // the no-voter error stands alone: no quorum / exceed / not-passed noise
    expect(codes(run(withCounts)).filter((c) => c.startsWith('VOTE_') || c.includes('QUORUM'))).toEqual(['VOTE_NO_VOTERS']);
    const writtenOnly = makeMeeting({ attendance: att, agenda: agendaWithVote(makeVote({ kind: 'admission', writtenYes: 1 })) });
    expect(only(writtenOnly, 'VOTE_NO_VOTERS')).toHaveLength(1);
    const empty = makeMeeting({ attendance: att, agenda: agendaWithVote(makeVote()) });
    expect(run(empty)).toEqual([]);
  });

  it('a vote with no subject (attributed to nobody) is fine', () => {
    const m = makeMeeting({ agenda: agendaWithVote(makeVote({ yes: 5, subjectName: '' })) });
    expect(run(m)).toEqual([]);
  });

  it('a vote with no counts while voters are present → VOTE_EMPTY warning', () => {
    const issues = only(makeMeeting({ agenda: agendaWithVote(makeVote()) }), 'VOTE_EMPTY');
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  it('written opinions may not exceed voting-right absentees', () => {
    // 14 should attend, 12 present, 2 absent with reasons
    const att = [secretaryEntry(), ...fullMembers(11), absentee('甲', '公出'), absentee('乙', '病假')];
    const ok = makeMeeting({ attendance: att, agenda: agendaWithVote(makeVote({ kind: 'admission', yes: 12, writtenYes: 2 })) });
    expect(run(ok)).toEqual([]);
    const bad = makeMeeting({ attendance: att, agenda: agendaWithVote(makeVote({ kind: 'admission', yes: 12, writtenYes: 2, writtenNo: 1 })) });
    const issues = only(bad, 'VOTE_WRITTEN_EXCEEDS_ABSENT');
    expect(issues).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(issues[0].message).toContain('书面意见 3 份，超过未到会的有表决权的党员 2 人');
  });

  it('written opinions on a non-admission vote → VOTE_WRITTEN_NOT_COUNTED warning', () => {
    const att = [secretaryEntry(), ...fullMembers(7), absentee('甲', '公出')];
    const m = makeMeeting({ attendance: att, agenda: agendaWithVote(makeVote({ kind: 'general', yes: 8, writtenYes: 1 })) });
    expect(codes(run(m))).toEqual(['VOTE_WRITTEN_NOT_COUNTED']);
  });

  it('pass needs yes > N_vr/2 of those who should attend → VOTE_NOT_PASSED warning otherwise', () => {
    // 10 should attend, 6 present, 5 yes: majority of those present, not of N_vr.
    const att = [secretaryEntry(), ...fullMembers(5), ...['甲', '乙', '丙', '丁'].map((n) => absentee(n, '公出'))];
    const m = makeMeeting({ attendance: att, agenda: agendaWithVote(makeVote({ yes: 5, no: 1 })) });
    const issues = only(m, 'VOTE_NOT_PASSED');
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(issues[0].message).toContain('至少需 6 票');
    // admission: written yes from absent members count
    const adm = makeMeeting({ attendance: att, agenda: agendaWithVote(makeVote({ kind: 'admission', yes: 5, no: 1, writtenYes: 1 })) });
    expect(only(adm, 'VOTE_NOT_PASSED')).toHaveLength(0);
  });

  it('reports each vote at its own path', () => {
    const d1 = makeDecision(makeVote({ yes: 9 }));
    const d2 = makeDecision(makeVote({ yes: 2 }));
    const item = makeAgendaItem('议题', [d1, d2]);
    const issues = run(makeMeeting({ agenda: [item] }));
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['VOTE_EXCEEDS_PRESENT', `agenda.${item.id}.decisions.${d1.id}.vote`],
      ['VOTE_NOT_PASSED', `agenda.${item.id}.decisions.${d2.id}.vote`],
    ]);
  });

  it('property: in-room ballots ≤ voting-right present never raises VOTE_EXCEEDS_PRESENT, more always does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.nat({ max: 4 }),
        fc.nat({ max: 4 }),
        fc.nat({ max: 30 }),
        fc.nat({ max: 30 }),
        (fullPresent, probs, absent, yes, no) => {
          const m = makeMeeting({
            attendance: [
              secretaryEntry(),
              ...fullMembers(fullPresent - 1),
              ...Array.from({ length: probs }, (_, i) => probationary(`预${i}`)),
              ...Array.from({ length: absent }, (_, i) => absentee(`缺${i}`)),
            ],
            agenda: agendaWithVote(makeVote({ yes, no })),
          });
          const has = codes(run(m)).includes('VOTE_EXCEEDS_PRESENT');
          expect(has).toBe(yes + no > fullPresent);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('chair', () => {
  it('chair is the secretary (by id) → fine', () => {
    expect(only(makeMeeting(), 'CHAIR_NOT_SECRETARY')).toHaveLength(0);
  });

  it('chair not the secretary and no delegation → error on chairName', () => {
    const m = makeMeeting({ chairId: 'member-党员1', chairName: '党员1' });
    const issues = only(m, 'CHAIR_NOT_SECRETARY');
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', field: 'chairName' })]);
    expect(issues[0].message).toContain('主持人“党员1”不是本支部书记');
    expect(issues[0].message).toContain('委托说明');
    expect(issues[0].message).toContain(SECRETARY_NAME);
  });

  it('a recorded delegation makes it fine', () => {
    const m = makeMeeting({ chairId: 'member-党员1', chairName: '党员1', delegation: '书记张书记公出，委托副书记党员1主持' });
    expect(run(m)).toEqual([]);
  });

  it('a chair typed by name (no id) matches the secretary by name, via attendance or ctx.members', () => {
    expect(only(makeMeeting({ chairId: null }), 'CHAIR_NOT_SECRETARY')).toHaveLength(0);
    const noSecretaryLine = makeMeeting({ chairId: null, attendance: fullMembers(5) });
    expect(only(noSecretaryLine, 'CHAIR_NOT_SECRETARY')).toHaveLength(1);
    const ctx = makeCtx({ members: [{ id: SECRETARY_ID, name: SECRETARY_NAME }] });
    expect(only(noSecretaryLine, 'CHAIR_NOT_SECRETARY', ctx)).toHaveLength(0);
  });

  it('uses the seat held on the meeting date', () => {
    const org = makeOrg({
      committee: [
        { memberId: 'member-old', role: 'secretary', from: '2020-01-01', to: '2024-12-31' },
        { memberId: SECRETARY_ID, role: 'secretary', from: '2025-01-01' },
        { memberId: 'member-党员1', role: 'deputy_secretary', from: '2025-01-01' },
      ],
    });
    expect(only(makeMeeting(), 'CHAIR_NOT_SECRETARY', makeCtx({ org }))).toHaveLength(0);
    const old = makeMeeting({ chairId: 'member-old', chairName: '老书记' });
    expect(only(old, 'CHAIR_NOT_SECRETARY', makeCtx({ org }))).toHaveLength(1);
    const deputy = makeMeeting({ chairId: 'member-党员1', chairName: '党员1' });
    expect(only(deputy, 'CHAIR_NOT_SECRETARY', makeCtx({ org }))).toHaveLength(1);
  });

  it('党小组: the 组长 (secretary seat of the group) must chair', () => {
    const org = makeOrg({ level: 'group' });
    const m = makeMeeting({ type: 'group', chairId: 'member-党员1', chairName: '党员1' });
    const issues = only(m, 'CHAIR_NOT_SECRETARY', makeCtx({ org }));
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('不是本党小组组长');
  });

  it('no secretary registered → CHAIR_SECRETARY_UNKNOWN warning, not an error', () => {
    const org = makeOrg({ committee: [] });
    const issues = run(makeMeeting(), makeCtx({ org }));
    expect(codes(issues)).toEqual(['CHAIR_SECRETARY_UNKNOWN']);
    expect(canFinalise(issues)).toBe(true);
  });

  it('党课 and 主题党日 are not subject to the chair rule', () => {
    const lecture = makeMeeting({
      type: 'lecture',
      chairId: 'member-党员1',
      chairName: '党员1',
      lecture: { lecturerMemberId: SECRETARY_ID, lecturer: SECRETARY_NAME, lecturerTitle: '书记', topic: '学习党章', form: '讲授', outline: '' },
    });
    expect(run(lecture)).toEqual([]);
  });
});

describe('type-specific fields', () => {
  it('党课 needs 主讲人 and 题目', () => {
    const none = makeMeeting({ type: 'lecture', lecture: null });
    expect(codes(run(none))).toEqual(['LECTURE_LECTURER_MISSING', 'LECTURE_TOPIC_MISSING']);
    const partial = makeMeeting({
      type: 'lecture',
      lecture: { lecturerMemberId: null, lecturer: '王教授', lecturerTitle: '', topic: ' ', form: '讲授', outline: '' },
    });
    expect(run(partial)).toEqual([expect.objectContaining({ code: 'LECTURE_TOPIC_MISSING', field: 'lecture.topic', severity: 'error' })]);
  });

  it('主题党日 needs 主题', () => {
    const none = makeMeeting({ type: 'theme_day', themeDay: null });
    expect(run(none)).toEqual([expect.objectContaining({ code: 'THEME_DAY_THEME_MISSING', field: 'themeDay.theme', severity: 'error' })]);
    const ok = makeMeeting({
      type: 'theme_day',
      themeDay: { theme: '志愿服务进社区', activityForm: '志愿服务', alsoCounts: [], agreedItems: '', followUp: '' },
    });
    expect(run(ok)).toEqual([]);
  });
});

describe('classification', () => {
  it('★ levels give a warning with the printed marking; an empty period is fine (statutory maximum)', () => {
    const issues = run(makeMeeting({ classification: { level: 'confidential', years: null } }));
    expect(issues).toEqual([expect.objectContaining({ code: 'CLASSIFIED_NATIONAL_SECRET', severity: 'warning', field: 'classification' })]);
    expect(issues[0].message).toContain('机密★20年');
    expect(canFinalise(issues)).toBe(true);
    expect(run(makeMeeting({ classification: { level: 'secret', years: 5 } }))[0].message).toContain('秘密★5年');
  });

  it('内部 and 无 give nothing', () => {
    expect(run(makeMeeting({ classification: { level: 'none', years: null } }))).toEqual([]);
    expect(run(makeMeeting({ classification: { level: 'internal', years: null } }))).toEqual([]);
  });
});

describe('running number', () => {
  it('ctx.otherMeetings: a live record with the same number → SEQ_DUPLICATE; itself and deleted drafts are ignored', () => {
    const m = makeMeeting({ seq: 3 });
    const same = { id: 'other-meeting-1', orgId: m.orgId, type: m.type, year: m.year, seq: 3, deletedAt: null };
    expect(only(m, 'SEQ_DUPLICATE', makeCtx({ otherMeetings: [same] }))).toEqual([
      expect.objectContaining({ severity: 'error', field: 'seq' }),
    ]);
    expect(only(m, 'SEQ_DUPLICATE', makeCtx({ otherMeetings: [m] }))).toHaveLength(0);
    const deleted = { ...same, deletedAt: '2025-03-09T00:00:00Z', status: 'draft' as const };
    expect(only(m, 'SEQ_DUPLICATE', makeCtx({ otherMeetings: [deleted] }))).toHaveLength(0);
    expect(only(m, 'SEQ_DUPLICATE', makeCtx({ otherMeetings: [{ ...same, type: 'committee' }] }))).toHaveLength(0);
  });
});
