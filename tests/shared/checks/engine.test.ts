import { describe, expect, it } from 'vitest';
import { meetingFacts, meetingFactsFromRow, type Finding } from '../../../shared/checks';
import { DEFAULT_UNIT_SETTINGS, emptyVote } from '../../../shared/model';
import { absentee, attendee, SECRETARY_ID } from '../rules/fixtures';
import {
  appraisal,
  appraisalEntry,
  branch,
  C1,
  C2,
  cell,
  codes,
  fullAttendance,
  fullTalks,
  fullYear,
  lifeMeeting,
  meeting,
  MEMBER_IDS,
  ORG,
  person,
  rectification,
  roster,
  run,
  talk,

} from './world';

const only = (r: ReturnType<typeof run>, code: string): Finding[] => r.findings.filter((f) => f.code === code);

describe('calendar and frequency (checks 1–9)', () => {
  it('a complete year has every routine cell held and no calendar finding for it', () => {
    const r = run();
    const routine = r.cells.filter((c) => !['life_meeting', 'appraisal'].includes(c.obligation));
    expect(routine.every((c) => c.state === 'held')).toBe(true);
    expect(only(r, 'CALENDAR_MISSING').map((f) => f.checkId).sort()).toEqual([7, 7]); // 组织生活会 + 民主评议 not recorded
  });

  it('check 1: a year with no 支委会 in March shows March overdue with a finding that says what to do', () => {
    const r = run({ meetings: fullYear().filter((m) => !(m.type === 'committee' && m.date.startsWith('2025-03'))) });
    expect(cell(r, 'committee', '2025-03').state).toBe('overdue');
    expect(cell(r, 'committee', '2025-02').state).toBe('held');
    const f = only(r, 'CALENDAR_MISSING').find((x) => x.checkId === 1)!;
    expect(f.period).toBe('2025-03');
    expect(f.message).toContain('2025年3月没有支委会记录');
    expect(f.message).toContain('补录');
  });

  it('check 1: 支委会 is not required from a branch without a committee', () => {
    const r = run({ orgs: [branch({ committee: [{ memberId: SECRETARY_ID, role: 'secretary', from: '2024-01-01' }] })], meetings: fullYear().filter((m) => m.type !== 'committee') });
    expect(cell(r, 'committee', '2025-03').state).toBe('not_applicable');
    expect(only(r, 'CALENDAR_MISSING').some((f) => f.checkId === 1)).toBe(false);
  });

  it('states follow today: the current month is 本期待开展, future months 未到期', () => {
    const r = run({ meetings: fullYear().filter((m) => m.date < '2025-06-01'), today: '2025-06-15' });
    expect(cell(r, 'committee', '2025-05').state).toBe('held');
    expect(cell(r, 'committee', '2025-06').state).toBe('missing');
    expect(cell(r, 'committee', '2025-07').state).toBe('upcoming');
    expect(only(r, 'CALENDAR_MISSING').filter((f) => f.checkId === 1)).toEqual([]);
  });

  it('check 2: 党员大会 is quarterly', () => {
    const r = run({ meetings: fullYear().filter((m) => !(m.type === 'general_assembly' && m.date.startsWith('2025-06'))) });
    expect(cell(r, 'general_assembly', '2025-Q2').state).toBe('overdue');
    expect(cell(r, 'general_assembly', '2025-Q3').state).toBe('held');
  });

  it('check 3: 党小组会 monthly per 党小组', () => {
    const group = branch({ id: 'org-group-0001', level: 'group', parentId: ORG, name: '第一党小组', committee: [] });
    const members = roster().map((m, i) => (i >= 3 ? { ...m, groupId: group.id, memberships: [{ branchId: ORG, groupId: group.id, from: '2020-01-01' }] } : m));
    const groupMeetings = [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => meeting('group', `2025-${String(m).padStart(2, '0')}-10`, { orgId: group.id }));
    const r = run({ orgs: [branch(), group], members, meetings: [...fullYear(), ...groupMeetings] });
    expect(cell(r, 'group', '2025-03', group.id).state).toBe('overdue');
    expect(cell(r, 'group', '2025-04', group.id).state).toBe('held');
    expect(r.cells.some((c) => c.orgId === ORG && c.obligation === 'group')).toBe(false);
  });

  it('check 4: 党课 only in Q1 and Q4 — quarterly setting: Q2 and Q3 missing; twice-a-year setting: OK', () => {
    const meetings = fullYear().filter((m) => !(m.type === 'lecture' && (m.date.startsWith('2025-06') || m.date.startsWith('2025-09'))));
    const quarterly = run({ meetings });
    expect(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].map((q) => cell(quarterly, 'lecture', q).state)).toEqual(['held', 'overdue', 'overdue', 'held']);
    const twice = run({ meetings, settings: { lectureFrequency: 'twice_a_year' } });
    expect(cell(twice, 'lecture', '2025')).toMatchObject({ state: 'held', held: 2, required: 2 });
    expect(only(twice, 'CALENDAR_MISSING').some((f) => f.checkId === 4)).toBe(false);
    const perSemester = run({ meetings, settings: { lectureFrequency: 'per_semester' } });
    expect(cell(perSemester, 'lecture', '2025-H1')).toMatchObject({ state: 'overdue', held: 1, required: 2 });
  });

  it('check 5: the 书记 must give a 党课 in the year', () => {
    const other = fullYear().map((m) => (m.type === 'lecture' ? { ...m, lecture: { ...m.lecture!, lecturerMemberId: C1, lecturer: '委员甲' } } : m));
    const r = run({ meetings: other });
    expect(cell(r, 'secretary_lecture', '2025').state).toBe('overdue');
    expect(cell(r, 'lecture', '2025-Q1').state).toBe('held');
    expect(only(r, 'CALENDAR_MISSING').find((f) => f.checkId === 5)!.message).toContain('书记本人讲党课');
    // By name only (lecturer typed, not picked from the roster) still counts.
    const byName = run({ meetings: fullYear().map((m) => (m.type === 'lecture' ? { ...m, lecture: { ...m.lecture!, lecturerMemberId: null } } : m)) });
    expect(cell(byName, 'secretary_lecture', '2025').state).toBe('held');
  });

  it('check 6: 主题党日 monthly, and a drift warning outside the configured days', () => {
    const r = run({ meetings: fullYear().filter((m) => !(m.type === 'theme_day' && m.date.startsWith('2025-08'))) });
    expect(cell(r, 'theme_day', '2025-08').state).toBe('overdue');
    expect(only(r, 'THEME_DAY_DRIFT')).toEqual([]);
    const window = run({ settings: { themeDayWindowEnabled: true, themeDayFromDay: 1, themeDayToDay: 5 } });
    expect(only(window, 'THEME_DAY_DRIFT')).toHaveLength(12); // all on the 6th
    expect(only(run({ settings: { themeDayWindowEnabled: true, themeDayFromDay: 1, themeDayToDay: 7 } }), 'THEME_DAY_DRIFT')).toEqual([]);
  });

  it('check 7: a January 组织生活会 of 年度 2025 counts for 2025, not for 2026', () => {
    const jan = lifeMeeting('2026-01-15', { annualYear: 2025, reportFiledDate: '2026-01-20' });
    const r2025 = run({ meetings: [...fullYear(), jan], talks: fullTalks('2025-12-20') });
    expect(cell(r2025, 'life_meeting', '2025')).toMatchObject({ state: 'held', recordIds: [jan.id] });
    const r2026 = run({ year: 2026, meetings: [...fullYear(2026), jan], today: '2026-06-30' });
    expect(cell(r2026, 'life_meeting', '2026').state).toBe('missing');
  });

  it('a record dated after today is listed as planned but not yet held', () => {
    const planned = lifeMeeting('2025-12-20', { annualYear: 2025 }, { status: 'draft', finalisedAt: null });
    const r = run({ meetings: [...fullYear(), planned], today: '2025-12-10' });
    expect(cell(r, 'life_meeting', '2025')).toMatchObject({ state: 'missing', held: 0, recordIds: [planned.id] });
  });

  it('check 7: the annual round may run until the configured month of the next year', () => {
    const inRound = run({ today: '2026-02-15' });
    expect(cell(inRound, 'life_meeting', '2025').state).toBe('missing');
    const after = run({ today: '2026-04-01' });
    expect(cell(after, 'life_meeting', '2025').state).toBe('overdue');
    expect(cell(run({ today: '2026-04-01', settings: { annualRoundLastMonth: 4 } }), 'life_meeting', '2025').state).toBe('missing');
  });

  it('check 7: 民主评议 is held by an appraisal record of the 年度', () => {
    const r = run({ appraisals: [appraisal(roster().map((m) => appraisalEntry(m.id, m.name)))] });
    expect(cell(r, 'appraisal', '2025')).toMatchObject({ state: 'held', recordTable: 'appraisals', recordIds: ['appraisal-0001'] });
  });

  it('check 8: 民主生活会 for 机关党委 when required by the settings', () => {
    const pc = branch({ id: 'org-pc-000001', level: 'party_committee', name: '机关党委', committee: [] });
    const r = run({ orgs: [pc, branch({ parentId: pc.id })] });
    expect(cell(r, 'democratic_life', '2025', pc.id).state).toBe('overdue');
    const off = run({ orgs: [pc, branch({ parentId: pc.id })], settings: { democraticLifeRequired: false } });
    expect(off.cells.some((c) => c.orgId === pc.id)).toBe(false);
    expect(off.orgIds).toEqual([pc.id, ORG]);
  });

  it('check 9: a 主题党日 that also counts as 党课 and 党员大会 fills each obligation once', () => {
    const meetings = fullYear()
      .filter((m) => !(m.date.startsWith('2025-06') && (m.type === 'lecture' || m.type === 'general_assembly')))
      .map((m) => (m.type === 'theme_day' && m.date.startsWith('2025-06') ? { ...m, themeDay: { ...m.themeDay!, alsoCounts: ['lecture' as const, 'general_assembly' as const] } } : m));
    const r = run({ meetings });
    const td = meetings.find((m) => m.type === 'theme_day' && m.date.startsWith('2025-06'))!;
    expect(cell(r, 'lecture', '2025-Q2')).toMatchObject({ state: 'held', recordIds: [td.id] });
    expect(cell(r, 'general_assembly', '2025-Q2')).toMatchObject({ state: 'held', recordIds: [td.id] });
    expect(cell(r, 'theme_day', '2025-06')).toMatchObject({ state: 'held', held: 1 });
  });

  it('deleted meetings do not count; an organisation founded mid-year owes nothing before', () => {
    const r = run({ meetings: fullYear().map((m) => (m.type === 'committee' && m.date.startsWith('2025-04') ? { ...m, deletedAt: '2025-05-01T00:00:00Z' } : m)) });
    expect(cell(r, 'committee', '2025-04').state).toBe('overdue');
    const late = run({ orgs: [branch({ createdAt: '2025-07-01T00:00:00Z', termStart: undefined })], meetings: fullYear().filter((m) => m.date >= '2025-07-01') });
    expect(cell(late, 'committee', '2025-03').state).toBe('not_applicable');
    expect(cell(late, 'committee', '2025-07').state).toBe('held');
  });

  it('index rows without full records still fill the grid and skip per-meeting checks', () => {
    const rows = fullYear().map((m) => meetingFactsFromRow({ id: m.id, orgId: m.orgId, type: m.type, date: m.date, status: m.status, deletedAt: null }, { lecturerMemberId: m.lecture?.lecturerMemberId ?? null }));
    const r = run({ facts: rows });
    expect(cell(r, 'committee', '2025-03').state).toBe('held');
    expect(cell(r, 'secretary_lecture', '2025').state).toBe('held');
  });
});

describe('attendance and quorum (checks 10–16)', () => {
  const vote = { ...emptyVote('general'), yes: 2 };
  // 4 voting-right members should attend, exactly 2 present.
  const halfAssembly = () =>
    meeting('general_assembly', '2025-03-20', {
      attendance: [attendee('甲', { memberId: SECRETARY_ID }), attendee('乙', { memberId: MEMBER_IDS[0] }), absentee('丙', '公出', { memberId: MEMBER_IDS[1] }), absentee('丁', '病假', { memberId: MEMBER_IDS[2] })],
      agenda: [{ id: 'ag-half', title: '表决', speeches: [], decisions: [{ id: 'dec-half', text: '同意', owner: '', vote }] }],
    });
  const withHalf = () => fullYear().map((m) => (m.type === 'general_assembly' && m.date === '2025-03-20' ? halfAssembly() : m));

  it('check 10: quorum exactly half — error under 超过半数, none under 半数及以上', () => {
    const strict = run({ meetings: withHalf() });
    const q = only(strict, 'ASSEMBLY_QUORUM_NOT_MET');
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ checkId: 10, severity: 'error', recordRef: { table: 'meetings' } });
    expect(q[0].message).toMatch(/^第一党支部2025年3月20日党员大会：/);
    const lenient = run({ meetings: withHalf(), unit: { ...DEFAULT_UNIT(), quorumRule: 'half_or_more' } });
    expect(only(lenient, 'ASSEMBLY_QUORUM_NOT_MET')).toEqual([]);
    // Passing always needs more than half of N_vr: 2 of 4 does not pass under either reading.
    expect(only(lenient, 'VOTE_NOT_PASSED')).toHaveLength(1);
  });

  it('check 11: 支委会 quorum', () => {
    const c = meeting('committee', '2025-03-05', {
      attendance: fullAttendance('committee').map((a, i) => (i > 0 ? { ...a, presence: 'absent' as const, reason: '公出' } : a)),
    });
    const r = run({ meetings: fullYear().map((m) => (m.type === 'committee' && m.date === '2025-03-05' ? c : m)) });
    expect(only(r, 'COMMITTEE_QUORUM_NOT_MET')[0]?.checkId).toBe(11);
  });

  it('check 12: 换届 election needs more than 4/5', () => {
    const e = meeting('general_assembly', '2025-06-20', {
      attendance: [...fullAttendance('general_assembly').slice(0, 5), ...fullAttendance('general_assembly').slice(5).map((a) => ({ ...a, presence: 'absent' as const, reason: '公出' }))],
      agenda: [{ id: 'ag-e', title: '选举', speeches: [], decisions: [{ id: 'de', text: '选举', owner: '', vote: { ...emptyVote('election'), yes: 5 } }] }],
    });
    const r = run({ meetings: [...fullYear().filter((m) => m.date !== '2025-06-20'), e] });
    expect(only(r, 'ELECTION_QUORUM_NOT_MET')[0]?.checkId).toBe(12);
    expect(only(run(), 'ELECTION_QUORUM_NOT_MET')).toEqual([]);
  });

  it('check 13: 民主生活会 attendance at least 2/3', () => {
    const pc = branch({ id: 'org-pc-000001', level: 'party_committee', name: '机关党委', committee: [] });
    const att = fullAttendance('general_assembly').map((a, i) => (i >= 4 ? { ...a, presence: 'absent' as const, reason: '公出' } : a)); // 4 of 7
    const dl = meeting('democratic_life', '2025-12-10', { orgId: pc.id, attendance: att, life: null });
    const r = run({ orgs: [pc, branch()], meetings: [...fullYear(), dl] });
    expect(only(r, 'DEMOCRATIC_LIFE_ATTENDANCE')[0]?.checkId).toBe(13);
    const ok = meeting('democratic_life', '2025-12-10', { orgId: pc.id, life: null });
    expect(only(run({ orgs: [pc, branch()], meetings: [...fullYear(), ok] }), 'DEMOCRATIC_LIFE_ATTENDANCE')).toEqual([]);
    expect(cell(run({ orgs: [pc, branch()], meetings: [...fullYear(), ok] }), 'democratic_life', '2025', pc.id).state).toBe('held');
  });

  it('check 14: votes above the voting members present', () => {
    const m = meeting('general_assembly', '2025-09-20', { agenda: [{ id: 'ag-v', title: '表决', speeches: [], decisions: [{ id: 'dv', text: '同意', owner: '', vote: { ...emptyVote('general'), yes: 9 } }] }] });
    const r = run({ meetings: [...fullYear().filter((x) => x.date !== '2025-09-20'), m] });
    expect(only(r, 'VOTE_EXCEEDS_PRESENT')[0]?.checkId).toBe(14);
  });

  it('check 15: low attendance, 6 consecutive months absent, absent N times a year', () => {
    const absentMonths = fullYear().map((m) =>
      m.date >= '2025-03-01' && m.date < '2025-09-01' ? { ...m, attendance: m.attendance.map((a) => (a.memberId === MEMBER_IDS[3] ? { ...a, presence: 'leave' as const, reason: '病假' } : a)) } : m,
    );
    const r = run({ meetings: absentMonths });
    const months = only(r, 'ABSENT_MONTHS');
    expect(months).toHaveLength(1);
    expect(months[0]).toMatchObject({ checkId: 15, memberId: MEMBER_IDS[3] });
    expect(months[0].message).toContain('2025年3月至2025年8月连续 6 个月');
    expect(only(r, 'ABSENT_OFTEN').map((f) => f.memberId)).toEqual([MEMBER_IDS[3]]);
    const five = run({ meetings: absentMonths.map((m) => (m.date.startsWith('2025-08') ? fullYear().find((x) => x.date === m.date && x.type === m.type) ?? m : m)) });
    expect(only(five, 'ABSENT_MONTHS')).toEqual([]);
    const low = meeting('theme_day', '2025-04-06', { attendance: fullAttendance('theme_day').map((a, i) => (i >= 5 ? { ...a, presence: 'absent' as const, reason: '公出' } : a)) });
    expect(only(run({ meetings: fullYear().map((m) => (m.type === 'theme_day' && m.date === '2025-04-06' ? low : m)) }), 'LOW_ATTENDANCE')[0]?.checkId).toBe(15);
  });

  it('check 16: an absentee without a reason names the member', () => {
    const m = meeting('theme_day', '2025-04-06', { attendance: fullAttendance('theme_day').map((a) => (a.memberId === MEMBER_IDS[0] ? { ...a, presence: 'absent' as const, reason: '' } : a)) });
    const r = run({ meetings: fullYear().map((x) => (x.type === 'theme_day' && x.date === '2025-04-06' ? m : x)) });
    const f = only(r, 'ABSENCE_REASON_MISSING');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ checkId: 16, memberId: MEMBER_IDS[0] });
    expect(only(run(), 'ABSENCE_REASON_MISSING')).toEqual([]);
  });
});

describe('completeness and signatures (checks 17–21)', () => {
  const replace = (date: string, type: string, patch: Parameters<typeof meeting>[2]) =>
    fullYear().map((m) => (m.date === date && m.type === type ? meeting(m.type, m.date, { ...patch, id: m.id }) : m));

  it('check 17: missing place', () => {
    expect(only(run({ meetings: replace('2025-05-05', 'committee', { place: '' }) }), 'REQUIRED_PLACE')[0]?.checkId).toBe(17);
  });
  it('check 18: a 支委会 with no decisions gets a gentle hint', () => {
    const r = run({ meetings: replace('2025-05-05', 'committee', {}) });
    expect(only(r, 'NO_DECISIONS')).toMatchObject([{ checkId: 18, severity: 'info' }]);
    expect(only(run(), 'NO_DECISIONS')).toEqual([]);
  });
  it('check 19: a 定稿 record without signatures', () => {
    const r = run({ meetings: replace('2025-05-05', 'committee', { chairSigned: false, agenda: fullYear()[0].agenda }) });
    expect(only(r, 'SIGNATURE_MISSING')[0].message).toContain('主持人尚未签字');
  });
  it('check 20: a make-up working day turns 3 working days into 4 (补录)', () => {
    // Wed 2026-09-23 meeting, written up Mon 09-28: Thu, Fri, Mon = 3 → on time; Sunday 09-27 worked → 4 → 补录.
    const m = meeting('committee', '2026-09-23', { createdAt: '2026-09-28T02:00:00.000Z', agenda: fullYear()[0].agenda });
    const base = { year: 2026, meetings: [...fullYear(2026).filter((x) => !(x.type === 'committee' && x.date.startsWith('2026-09'))), m], today: '2027-06-30' };
    expect(only(run(base), 'LATE_ENTRY')).toEqual([]);
    const late = only(run({ ...base, settings: { workCalendar: { holidays: [], workdays: ['2026-09-27'] } } }), 'LATE_ENTRY');
    expect(late).toHaveLength(1);
    expect(late[0].message).toContain('晚于会议 4 个工作日');
  });
  it('check 20: a draft still open after the latency', () => {
    const r = run({ meetings: replace('2025-05-05', 'committee', { status: 'draft', finalisedAt: null, agenda: fullYear()[0].agenda }) });
    expect(only(r, 'NOT_FINALISED')[0]?.checkId).toBe(20);
  });
  it('check 21: the chair is not the secretary and no delegation is recorded', () => {
    const r = run({ meetings: replace('2025-05-05', 'committee', { chairId: C1, chairName: '委员甲', agenda: fullYear()[0].agenda }) });
    expect(only(r, 'CHAIR_NOT_SECRETARY')[0]?.checkId).toBe(21);
    const delegated = run({ meetings: replace('2025-05-05', 'committee', { chairId: C1, chairName: '委员甲', delegation: '书记公出，委托组织委员主持', agenda: fullYear()[0].agenda }) });
    expect(only(delegated, 'CHAIR_NOT_SECRETARY')).toEqual([]);
  });
});

describe('组织生活会 readiness (checks 22–28, 41–42)', () => {
  const withLife = (life: Parameters<typeof lifeMeeting>[1], date = '2025-12-15') => [...fullYear(), lifeMeeting(date, life)];

  it('a well-prepared meeting with all talks raises nothing', () => {
    const r = run({ meetings: withLife({ reportFiledDate: '2025-12-20' }), talks: fullTalks('2025-11-20') });
    expect(r.findings.filter((f) => f.checkId >= 22 && f.checkId <= 28)).toEqual([]);
  });
  it('checks 22 and 23: study and opinion gathering not recorded', () => {
    const r = run({ meetings: withLife({ preparation: [], reportFiledDate: '2025-12-20' }), talks: fullTalks('2025-11-20') });
    expect(codes(r)).toEqual(expect.arrayContaining(['PREP_STUDY', 'PREP_OPINIONS']));
  });
  it('check 24: talk gaps before the meeting, with both people', () => {
    const talks = fullTalks('2025-11-20').filter((t) => t.interviewees[0].memberId !== MEMBER_IDS[2]);
    const r = run({ meetings: withLife({ reportFiledDate: '2025-12-20' }), talks });
    const gaps = only(r, 'TALK_GAP');
    expect(gaps.map((g) => [g.memberId, g.otherMemberId])).toEqual([[SECRETARY_ID, MEMBER_IDS[2]]]);
    // 党员3 still talked with 党员4; without that talk both lack a talk with a fellow member.
    const peerless = run({ meetings: withLife({ reportFiledDate: '2025-12-20' }), talks: fullTalks('2025-11-20').filter((t) => t.interviewer.memberId !== MEMBER_IDS[2]) });
    expect(only(peerless, 'TALK_GAP').map((g) => [g.memberId, g.otherMemberId])).toEqual([[MEMBER_IDS[2], undefined], [MEMBER_IDS[3], undefined]]);
    expect(gaps[0].message).toContain('书记张书记');
    // Talks older than the window do not count.
    const old = run({ meetings: withLife({ reportFiledDate: '2025-12-20' }), talks: fullTalks('2025-09-01') });
    expect(only(old, 'TALK_GAP').length).toBe(6 + 1 + 4);
    // A planned (future, draft) meeting: talks held so far count; no meeting yet → no gap list.
    const planned = lifeMeeting('2025-12-15', {}, { status: 'draft', finalisedAt: null });
    const before = run({ meetings: [...fullYear(), planned], talks: [talk('2025-11-01', SECRETARY_ID, C1)], today: '2025-11-10' });
    expect(only(before, 'TALK_GAP').some((g) => g.otherMemberId === C1)).toBe(false);
    expect(only(before, 'TALK_GAP').some((g) => g.otherMemberId === C2)).toBe(true);
    expect(only(run({ meetings: fullYear(), today: '2025-11-10' }), 'TALK_GAP')).toEqual([]);
  });
  it('check 25: papers not ready', () => {
    const life = { committeePaperReady: false, reportFiledDate: '2025-12-20' };
    const r = run({ meetings: withLife(life), talks: fullTalks('2025-11-20') });
    expect(only(r, 'PAPER_COMMITTEE')).toHaveLength(1);
  });
  it('check 26: open items of last year need the report', () => {
    const last = rectification({ annualYear: 2024, raisedDate: '2024-12-20', deadline: '2026-12-31', progress: [{ id: 'pg-1', date: '2025-11-01', text: '推进中' }] });
    const r = run({ meetings: withLife({ lastYearReport: '', reportFiledDate: '2025-12-20' }), talks: fullTalks('2025-11-20'), rectifications: [last], today: '2025-12-31' });
    expect(only(r, 'LAST_YEAR_REPORT')[0].message).toContain('1 项未完成');
    const written = run({ meetings: withLife({ reportFiledDate: '2025-12-20' }), talks: fullTalks('2025-11-20'), rectifications: [last], today: '2025-12-31' });
    expect(only(written, 'LAST_YEAR_REPORT')).toEqual([]);
  });
  it('check 27: every participant has self-criticism, criticism, and problems link to rectification', () => {
    const base = withLife({ reportFiledDate: '2025-12-20' });
    const life = base[base.length - 1].life!;
    life.participants[3] = { ...life.participants[3], criticisms: [] };
    life.participants[4] = { ...life.participants[4], problems: [{ ...life.participants[4].problems[0], rectificationId: null }] };
    const r = run({ meetings: base, talks: fullTalks('2025-11-20') });
    expect(only(r, 'NO_CRITICISM').map((f) => f.memberId)).toEqual([MEMBER_IDS[0]]);
    expect(only(r, 'PROBLEM_NO_RECTIFICATION').map((f) => f.memberId)).toEqual([MEMBER_IDS[1]]);
  });
  it('check 28: the report to the higher organisation is due within the configured days', () => {
    const r = run({ meetings: withLife({}), talks: fullTalks('2025-11-20') });
    expect(only(r, 'REPORT_OVERDUE')[0].message).toContain('2025年12月30日');
    expect(only(run({ meetings: withLife({}), talks: fullTalks('2025-11-20'), today: '2025-12-20' }), 'REPORT_DUE')).toHaveLength(1);
  });
  it('checks 41–42: gentle hints on praise dressed as criticism and copied self-criticism', () => {
    const base = withLife({ reportFiledDate: '2025-12-20' });
    const life = base[base.length - 1].life!;
    life.participants[0].criticisms[0].text = '工作太拼了，不注意身体';
    const copied = '理论学习不够系统深入，满足于读原文，学用结合不够，联系实际工作思考不深，主动谋划不够';
    life.participants[5].problems[0].manifestation = copied;
    life.participants[6].problems[0].manifestation = copied;
    const r = run({ meetings: base, talks: fullTalks('2025-11-20') });
    expect(only(r, 'PRAISE_AS_CRITICISM')).toMatchObject([{ checkId: 42, severity: 'info', memberId: SECRETARY_ID }]);
    expect(only(r, 'PRAISE_AS_CRITICISM')[0].message).not.toContain('工作太拼了');
    expect(only(r, 'SIMILAR_SELF_CRITICISM')).toHaveLength(1);
    expect(only(run({ meetings: base, talks: fullTalks('2025-11-20'), settings: { showQualityHints: false } }), 'PRAISE_AS_CRITICISM')).toEqual([]);
  });
});

describe('民主评议 (checks 29–32)', () => {
  const entries = () => roster().map((m) => appraisalEntry(m.id, m.name));
  it('a complete appraisal raises nothing', () => {
    expect(run({ appraisals: [appraisal(entries())] }).findings.filter((f) => f.checkId >= 29 && f.checkId <= 32)).toEqual([]);
  });
  it('check 29: missing parts; a graded 预备党员 is an error', () => {
    const e = entries();
    e[1] = { ...e[1], selfDone: false };
    e[2] = { ...e[2], finalGrade: null };
    e[3] = { ...e[3], status: 'probationary' };
    const r = run({ appraisals: [appraisal(e)] });
    expect(codes(r)).toEqual(expect.arrayContaining(['NO_SELF_APPRAISAL', 'NO_FINAL_GRADE', 'PROBATIONARY_GRADED']));
    expect(only(r, 'PROBATIONARY_GRADED')[0].severity).toBe('error');
  });
  it('check 30: more than 1/3 优秀, and a grade against the majority without a reason', () => {
    const e = entries().map((x, i) => (i < 3 ? { ...x, finalGrade: 'excellent' as const, votes: { excellent: 7, qualified: 0, basic: 0, unqualified: 0 } } : x));
    expect(only(run({ appraisals: [appraisal(e)] }), 'TOO_MANY_EXCELLENT')).toHaveLength(1);
    const two = entries().map((x, i) => (i < 2 ? { ...x, finalGrade: 'excellent' as const, votes: { excellent: 7, qualified: 0, basic: 0, unqualified: 0 } } : x));
    expect(only(run({ appraisals: [appraisal(two)] }), 'TOO_MANY_EXCELLENT')).toEqual([]);
    const against = entries();
    against[0] = { ...against[0], finalGrade: 'basic' };
    expect(only(run({ appraisals: [appraisal(against)] }), 'GRADE_REASON_MISSING')).toHaveLength(1);
  });
  it('checks 31 and 32: follow-up of 基本合格 and feedback', () => {
    const e = entries();
    e[0] = { ...e[0], finalGrade: 'basic', votes: { excellent: 0, qualified: 0, basic: 7, unqualified: 0 }, feedbackDate: undefined };
    const r = run({ appraisals: [appraisal(e)] });
    expect(only(r, 'NO_FOLLOW_UP')).toHaveLength(1);
    expect(only(r, 'NO_FEEDBACK')).toHaveLength(1);
  });
});

describe('整改台账 (checks 33–37)', () => {
  const today = '2026-03-01';
  it('check 33: overdue only when open and past the deadline', () => {
    const r = run({ rectifications: [rectification({ deadline: '2026-01-31' }), rectification({ deadline: '2026-01-31', status: 'done' }), rectification({ deadlineKind: 'ongoing', deadline: undefined })], today });
    expect(only(r, 'RECTIFICATION_OVERDUE')).toHaveLength(1);
    expect(only(r, 'RECTIFICATION_OVERDUE')[0].severity).toBe('error');
  });
  it('check 34: no owner, no deadline', () => {
    const r = run({ rectifications: [rectification({ ownerName: '', ownerId: null }), rectification({ deadline: undefined })], today });
    expect(codes(r)).toEqual(expect.arrayContaining(['NO_OWNER', 'NO_DEADLINE']));
  });
  it('check 35: stale without progress', () => {
    const stale = rectification({ raisedDate: '2025-06-01', deadline: '2026-12-31' });
    const fresh = rectification({ raisedDate: '2025-06-01', deadline: '2026-12-31', progress: [{ id: 'pg-2', date: '2026-02-01', text: '已开展' }] });
    const r = run({ rectifications: [stale, fresh], today });
    expect(only(r, 'RECTIFICATION_STALE').map((f) => f.recordRef?.id)).toEqual([stale.id]);
  });
  it('check 36: closed without evidence or approver', () => {
    const r = run({ rectifications: [rectification({ status: 'closed', evidence: '', closedBy: '张书记' }), rectification({ status: 'closed', evidence: '学习笔记', closedBy: '张书记' })], today });
    expect(only(r, 'CLOSED_WITHOUT_EVIDENCE')).toHaveLength(1);
  });
  it('check 37: open items of an earlier 年度 carry over unless already carried', () => {
    const old = rectification({ annualYear: 2024, deadline: '2026-12-31' });
    expect(only(run({ rectifications: [old], today }), 'CARRY_OVER')).toHaveLength(1);
    const carried = rectification({ carriedFromId: old.id, deadline: '2026-12-31' });
    expect(only(run({ rectifications: [old, carried], today }), 'CARRY_OVER')).toEqual([]);
  });
});

describe('roster and pipeline (checks 38–40)', () => {
  it('check 38: 转正 due and overdue, activists eligible', () => {
    const members = [
      ...roster(),
      person('member-预备1', '预备甲', { status: 'probationary', joinDate: '2025-07-10', statusHistory: [{ status: 'probationary', from: '2025-07-10' }] }),
      person('member-预备2', '预备乙', { status: 'probationary', joinDate: '2024-05-10', statusHistory: [{ status: 'probationary', from: '2024-05-10' }] }),
      person('member-积极1', '积极甲', { status: 'activist', activistDate: '2024-03-01' }),
      person('member-积极2', '积极乙', { status: 'activist', activistDate: '2025-12-01' }),
    ];
    const r = run({ members, today: '2026-06-20' });
    expect(only(r, 'PROBATION_DUE').map((f) => f.memberId)).toEqual(['member-预备1']);
    expect(only(r, 'PROBATION_DUE')[0].message).toContain('2026年7月10日');
    expect(only(r, 'PROBATION_OVERDUE').map((f) => f.memberId)).toEqual(['member-预备2']);
    expect(only(r, 'ACTIVIST_ELIGIBLE').map((f) => f.memberId)).toEqual(['member-积极1']);
  });
  it('check 39: 流动党员 without contact, members outside any 小组', () => {
    const group = branch({ id: 'org-group-0001', level: 'group', parentId: ORG, name: '第一党小组', committee: [] });
    const members = roster().map((m, i) => (i === 6 ? { ...m, isMobile: true } : i < 3 ? { ...m, groupId: group.id } : m));
    const r = run({ orgs: [branch(), group], members, talks: [talk('2026-05-01', SECRETARY_ID, MEMBER_IDS[0])] });
    expect(only(r, 'MOBILE_NO_REPORT').map((f) => f.memberId)).toEqual([MEMBER_IDS[3]]);
    expect(only(r, 'NO_GROUP').length).toBe(4);
    const contacted = run({ orgs: [branch(), group], members, talks: [talk('2026-05-01', SECRETARY_ID, MEMBER_IDS[3])] });
    expect(only(contacted, 'MOBILE_NO_REPORT')).toEqual([]);
  });
  it('check 40: term expiring / expired; committee needed from 7 full members', () => {
    expect(only(run({ today: '2026-11-15' }), 'TERM_EXPIRING')[0].message).toContain('2026年12月31日');
    expect(only(run({ today: '2027-01-15' }), 'TERM_EXPIRED')).toHaveLength(1);
    expect(only(run({ orgs: [branch({ committee: [{ memberId: SECRETARY_ID, role: 'secretary', from: '2024-01-01' }] })] }), 'COMMITTEE_REQUIRED')).toHaveLength(1);
    expect(only(run(), 'COMMITTEE_REQUIRED')).toEqual([]);
  });
});

describe('output', () => {
  it('every finding has a Chinese message and a known organisation', () => {
    const r = run({ meetings: fullYear().slice(3), rectifications: [rectification({ deadline: '2025-01-01' })] });
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.orgIds).toContain(f.orgId);
    }
  });
  it('meetingFacts keeps what the calendar needs from a full record', () => {
    const m = lifeMeeting('2026-01-10', { annualYear: 2025 });
    expect(meetingFacts(m)).toMatchObject({ annualYear: 2025, type: 'life_meeting', full: m });
  });
});

function DEFAULT_UNIT() {
  return DEFAULT_UNIT_SETTINGS;
}
