import { describe, expect, it } from 'vitest';
import { LIFE_PREP_KINDS, meetingSchema, type LifeBlock, type LifeParticipant, type Meeting } from '../../../shared/model';
import { checkMeeting } from '../../../shared/rules/meetingChecks';
import { checkLifeMeeting } from '../../../shared/rules/lifeMeeting';
import { absentee, attendee, makeCtx, makeMeeting, makeSettings, newId, secretaryEntry, SECRETARY_ID, SECRETARY_NAME } from './fixtures';

const DATE = '2025-03-08';

function participant(name: string, memberId: string, over: Partial<LifeParticipant> = {}): LifeParticipant {
  return {
    id: newId(),
    memberId,
    name,
    role: 'member',
    paperReady: true,
    problems: [{ id: newId(), aspect: '理论学习', manifestation: `${name}学习不够系统`, cause: '', direction: '', rectificationId: 'rect-00000001', noRectificationReason: '' }],
    criticisms: [{ id: newId(), criticId: SECRETARY_ID, criticName: SECRETARY_NAME, text: '调研不够深入', rectificationId: 'rect-00000002' }],
    response: '诚恳接受',
    ...over,
  };
}

/** A complete, well-prepared 组织生活会 held on DATE with 书记 + 李四 + 王五 present. */
function lifeMeeting(over: Partial<LifeBlock> = {}, m: Partial<Meeting> = {}): Meeting {
  const li = participant('李四', 'member-李四', { criticisms: [{ id: newId(), criticId: 'member-王五', criticName: '王五', text: '担当不够', rectificationId: 'rect-00000003' }] });
  const wang = participant('王五', 'member-王五');
  const sec = participant(SECRETARY_NAME, SECRETARY_ID, {
    role: 'secretary',
    criticisms: [{ id: newId(), criticId: 'member-李四', criticName: '李四', text: '开会多调研少', rectificationId: null, noRectificationReason: '已在班子问题中整改' }],
  });
  const life: LifeBlock = {
    annualYear: 2024,
    theme: '深入学习贯彻党的二十届三中全会精神',
    heldAs: 'general_assembly',
    aspects: ['理论学习', '政治素质'],
    preparation: LIFE_PREP_KINDS.map((kind) => ({ kind, done: true, date: '2025-02-20', note: '', links: kind === 'papers' ? [] : [{ table: 'meetings' as const, id: 'meeting-prep-0001' }] })),
    lastYearReport: '上年度整改事项共 3 项：已销号 3 项。',
    committeeProblems: [],
    committeePaperReady: true,
    participants: [sec, li, wang],
    supervisorName: '',
    supervisorTitle: '',
    supervisorRemarks: '',
    enquiries: '',
    reportFiledDate: '2025-03-12',
    ...over,
  };
  return meetingSchema.parse(
    makeMeeting({ type: 'life_meeting', date: DATE, attendance: [secretaryEntry(), attendee('李四'), attendee('王五')], life, ...m }),
  );
}
const codes = (m: Meeting, today = '2025-04-30', settings = makeSettings()) =>
  checkLifeMeeting(m, { settings, today }).map((i) => `${i.severity}:${i.code}`);

describe('组织生活会 checks', () => {
  it('a complete meeting has no life issues, and checkMeeting includes the life checks', () => {
    expect(codes(lifeMeeting())).toEqual([]);
    const bad = lifeMeeting({ theme: '' });
    expect(checkMeeting(bad, makeCtx()).map((i) => i.code)).toContain('LIFE_THEME_MISSING');
  });

  it('a critic who did not attend is an error', () => {
    const m = lifeMeeting({}, { attendance: [secretaryEntry(), attendee('李四'), absentee('王五', '病假')] });
    const issues = checkLifeMeeting(m, { settings: makeSettings(), today: '2025-04-30' });
    const absent = issues.filter((i) => i.code === 'LIFE_CRITIC_ABSENT');
    expect(absent).toHaveLength(1);
    expect(absent[0].severity).toBe('error');
    expect(absent[0].message).toContain('批评人“王五”在出席情况中未出席');
    expect(absent[0].field).toMatch(/^life\.participants\.[^.]+\.criticisms\.[^.]+$/);
  });

  it('criticising oneself is an error', () => {
    const m = lifeMeeting();
    const li = m.life!.participants[1];
    li.criticisms = [{ id: newId(), criticId: 'member-李四', criticName: '李四', text: '我学习不够', rectificationId: null }];
    expect(codes(m)).toContain('error:LIFE_SELF_CRITICISED');
  });

  it('after the meeting: no self-criticism, no criticism received, unlinked problems are warnings', () => {
    const m = lifeMeeting();
    const wang = m.life!.participants[2];
    wang.problems = [];
    wang.criticisms = [];
    m.life!.participants[1].problems[0].rectificationId = null;
    const c = codes(m);
    expect(c).toContain('warning:LIFE_NO_SELF_CRITICISM');
    expect(c).toContain('warning:LIFE_NO_CRITICISM_RECEIVED');
    expect(c).toContain('warning:LIFE_PROBLEM_NOT_RECTIFIED');
    // Before (or on) the meeting day these are not asked for yet.
    expect(codes(m, DATE)).toEqual([]);
  });

  it('a problem with a reason for no rectification is fine', () => {
    const m = lifeMeeting();
    const p = m.life!.participants[1].problems[0];
    p.rectificationId = null;
    p.noRectificationReason = '已当场整改';
    expect(codes(m)).toEqual([]);
  });

  it('preparation items not done, without a date or without links are warnings', () => {
    const prep = LIFE_PREP_KINDS.map((kind) => ({ kind, done: kind !== 'opinions', date: kind === 'study' ? undefined : '2025-02-20', note: '', links: [] }));
    const issues = checkLifeMeeting(lifeMeeting({ preparation: prep }), { settings: makeSettings(), today: '2025-04-30' });
    expect(issues.map((i) => `${i.code}@${i.field}`).sort()).toEqual(
      [
        'LIFE_PREP_DATE_MISSING@life.preparation.study',
        'LIFE_PREP_LINK_MISSING@life.preparation.study',
        'LIFE_PREP_NOT_DONE@life.preparation.opinions',
        'LIFE_PREP_LINK_MISSING@life.preparation.talks',
      ].sort(),
    );
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('the report to the higher level: overdue after the configured days; a date before the meeting is an error', () => {
    const m = lifeMeeting({ reportFiledDate: undefined });
    expect(codes(m, '2025-03-23')).toEqual([]); // day 15
    const late = checkLifeMeeting(m, { settings: makeSettings(), today: '2025-03-24' });
    expect(late.map((i) => i.code)).toEqual(['LIFE_REPORT_OVERDUE']);
    expect(late[0].message).toContain('截止 2025-03-23');
    expect(codes(m, '2025-03-24', makeSettings({ lifeReportDeadlineDays: 30 }))).toEqual([]);
    expect(codes(lifeMeeting({ reportFiledDate: '2025-03-01' }))).toEqual(['error:LIFE_REPORT_BEFORE_MEETING']);
  });
});

describe('民主生活会 quorum', () => {
  const team = (present: number, absent: number) => [
    ...Array.from({ length: present }, (_, i) => attendee(`成员${i + 1}`)),
    ...Array.from({ length: absent }, (_, i) => absentee(`缺席${i + 1}`, '公出')),
  ];
  it('present below two thirds of should-attend is an error; exactly two thirds is fine', () => {
    const m = (p: number, a: number) => lifeMeeting({ heldAs: null, participants: [] }, { type: 'democratic_life', attendance: team(p, a) });
    expect(codes(m(6, 3))).not.toContain('error:LIFE_QUORUM_NOT_MET');
    const issues = checkLifeMeeting(m(5, 4), { settings: makeSettings(), today: '2025-04-30' }).filter((i) => i.code === 'LIFE_QUORUM_NOT_MET');
    expect(issues[0].message).toContain('到会 5 人，未达到应到 9 人的三分之二（至少需 6 人）');
    expect(codes(m(5, 4), '2025-04-30', makeSettings({ democraticLifeQuorumFraction: 0.5 }))).not.toContain('error:LIFE_QUORUM_NOT_MET');
  });
});
