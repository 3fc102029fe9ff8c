/**
 * Hand-made unit for the checks engine tests: one 党支部 (书记 + 2 支委 + 4 members) with a full
 * year of meetings that satisfies every calendar obligation; tests remove or change one thing.
 */
import type { Appraisal, AppraisalEntry, LifeBlock, Meeting, MeetingType, Member, Organisation, Rectification } from '../../../shared/model';
import { DEFAULT_CHECK_SETTINGS, meetingFacts, runChecks, type CheckSettings, type ChecksInput, type MeetingFacts, type TalkFacts } from '../../../shared/checks';
import { attendee, makeMeeting, makeMeta, makeOrg, ORG_ID, SECRETARY_ID, SECRETARY_NAME } from '../rules/fixtures';

export const YEAR = 2025;
export const ORG = ORG_ID;
export const C1 = 'member-委员甲';
export const C2 = 'member-委员乙';
export const MEMBER_IDS = ['member-党员1', 'member-党员2', 'member-党员3', 'member-党员4'];

export function branch(overrides: Partial<Organisation> = {}): Organisation {
  return makeOrg({
    createdAt: '2024-01-01T00:00:00.000Z',
    committee: [
      { memberId: SECRETARY_ID, role: 'secretary', from: '2024-01-01' },
      { memberId: C1, role: 'organisation', from: '2024-01-01' },
      { memberId: C2, role: 'publicity', from: '2024-01-01' },
    ],
    termStart: '2024-01-01',
    ...overrides,
  });
}

export function person(id: string, name: string, overrides: Partial<Member> = {}): Member {
  return {
    ...makeMeta({ id }),
    name,
    status: 'full',
    statusHistory: [],
    standing: 'normal',
    branchId: ORG,
    groupId: null,
    memberships: [{ branchId: ORG, groupId: null, from: '2020-01-01' }],
    isLeadingCadre: false,
    isMobile: false,
    isLostContact: false,
    ...overrides,
  };
}

export function roster(): Member[] {
  return [
    person(SECRETARY_ID, SECRETARY_NAME),
    person(C1, '委员甲'),
    person(C2, '委员乙'),
    ...MEMBER_IDS.map((id, i) => person(id, `党员${i + 1}`)),
  ];
}

/** Everyone present; the committee flag set for 支委会. */
export function fullAttendance(type: MeetingType) {
  const committee = new Set([SECRETARY_ID, C1, C2]);
  const people = roster().filter((m) => type !== 'committee' || committee.has(m.id));
  return people.map((m) => attendee(m.name, { memberId: m.id, isCommittee: committee.has(m.id) }));
}

export function meeting(type: MeetingType, date: string, overrides: Partial<Meeting> = {}): Meeting {
  return makeMeeting({
    type,
    date,
    year: Number(date.slice(0, 4)),
    createdAt: `${date}T08:00:00.000Z`,
    status: 'final',
    finalisedAt: `${date}T09:00:00.000Z`,
    chairSigned: true,
    recorderSigned: true,
    attendance: fullAttendance(type),
    lecture: type === 'lecture' ? { lecturerMemberId: SECRETARY_ID, lecturer: SECRETARY_NAME, lecturerTitle: '书记', topic: '党课', form: '讲授', outline: '' } : null,
    themeDay: type === 'theme_day' ? { theme: '主题', activityForm: '学习', alsoCounts: [], agreedItems: '', followUp: '' } : null,
    ...overrides,
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A complete year: 支委会 + 主题党日 monthly, 党员大会 + 党课 quarterly. */
export function fullYear(year = YEAR): Meeting[] {
  const out: Meeting[] = [];
  for (let m = 1; m <= 12; m++) {
    out.push(meeting('committee', `${year}-${pad(m)}-05`, { agenda: [{ id: `ag-c-${m}`, title: '研究工作', speeches: [], decisions: [{ id: `d-${m}`, text: '同意', owner: '', vote: null }] }] }));
    out.push(meeting('theme_day', `${year}-${pad(m)}-06`));
    if (m % 3 === 0) {
      out.push(meeting('general_assembly', `${year}-${pad(m)}-20`, { agenda: [{ id: `ag-g-${m}`, title: '学习', speeches: [], decisions: [{ id: `dg-${m}`, text: '同意', owner: '', vote: null }] }] }));
      out.push(meeting('lecture', `${year}-${pad(m)}-21`));
    }
  }
  return out;
}

export function lifeBlock(overrides: Partial<LifeBlock> = {}): LifeBlock {
  const participant = (memberId: string, name: string, role: 'secretary' | 'committee' | 'member') => ({
    id: `p-${memberId}`,
    memberId,
    name,
    role,
    paperReady: true,
    problems: [{ id: `pr-${memberId}`, aspect: '政治纪律', manifestation: `${name}的问题`, cause: '', direction: '', rectificationId: `r-${memberId}`, noRectificationReason: '' }],
    criticisms: [{ id: `cr-${memberId}`, criticId: null, criticName: '同志', text: '工作中有时满足于完成任务，主动谋划不够', rectificationId: null }],
    response: '',
  });
  return {
    annualYear: YEAR,
    theme: '主题',
    heldAs: 'general_assembly',
    aspects: [],
    preparation: [
      { kind: 'study', done: true, note: '', links: [] },
      { kind: 'opinions', done: true, note: '', links: [] },
    ],
    lastYearReport: '上年度整改已完成',
    committeeProblems: [],
    committeePaperReady: true,
    participants: roster().map((m) => participant(m.id, m.name, m.id === SECRETARY_ID ? 'secretary' : m.id === C1 || m.id === C2 ? 'committee' : 'member')),
    supervisorName: '',
    supervisorTitle: '',
    supervisorRemarks: '',
    enquiries: '',
    reportFiledDate: undefined,
    ...overrides,
  };
}

export function lifeMeeting(date: string, life: Partial<LifeBlock> = {}, overrides: Partial<Meeting> = {}): Meeting {
  return meeting('life_meeting', date, { life: lifeBlock(life), ...overrides });
}

let talkN = 0;
export function talk(date: string, interviewer: string, interviewee: string): TalkFacts {
  talkN++;
  return {
    id: `talk-${String(talkN).padStart(6, '0')}`,
    orgId: ORG,
    date,
    type: 'pre_meeting',
    deletedAt: null,
    lifeMeetingId: null,
    interviewer: { memberId: interviewer, name: '谈话人', post: '', politicalStatus: '' },
    interviewees: [{ memberId: interviewee, name: '谈话对象', post: '', politicalStatus: '' }],
  };
}

/** Every pairing the coverage check wants, on `date`. */
export function fullTalks(date: string): TalkFacts[] {
  const out: TalkFacts[] = [];
  for (const id of [C1, C2, ...MEMBER_IDS]) out.push(talk(date, SECRETARY_ID, id));
  out.push(talk(date, C1, C2));
  out.push(talk(date, MEMBER_IDS[0], MEMBER_IDS[1]), talk(date, MEMBER_IDS[2], MEMBER_IDS[3]));
  return out;
}

export function appraisalEntry(memberId: string, name: string, overrides: Partial<AppraisalEntry> = {}): AppraisalEntry {
  return {
    id: `ae-${memberId}`,
    memberId,
    name,
    status: 'full',
    selfAppraisal: '',
    selfDone: true,
    peerComments: [{ id: `pc-${memberId}`, fromId: null, fromName: '同志', text: '好' }],
    shouldRate: 7,
    didRate: 7,
    votes: { excellent: 0, qualified: 7, basic: 0, unqualified: 0 },
    finalGrade: 'qualified',
    gradeReason: '',
    feedbackBy: '张书记',
    feedbackDate: `${YEAR}-12-20`,
    followUp: '',
    ...overrides,
  };
}

export function appraisal(entries: AppraisalEntry[], overrides: Partial<Appraisal> = {}): Appraisal {
  return {
    ...makeMeta({ id: 'appraisal-0001' }),
    orgId: ORG,
    annualYear: YEAR,
    date: `${YEAR}-12-18`,
    meetingId: null,
    entries,
    committeeRating: [],
    classification: { level: 'none', years: null },
    status: 'final',
    ...overrides,
  };
}

export function rectification(overrides: Partial<Rectification> = {}): Rectification {
  return {
    ...makeMeta({ id: `rect-${Math.random().toString(16).slice(2, 10)}` }),
    orgId: ORG,
    annualYear: YEAR,
    listKind: 'team',
    personId: null,
    personName: '',
    source: 'self_review',
    category: '',
    problem: '理论学习不够系统',
    measures: '制定学习计划',
    target: '',
    ownerId: C1,
    ownerName: '委员甲',
    leaderName: '',
    department: '',
    raisedDate: `${YEAR}-11-01`,
    deadlineKind: 'by_date',
    deadline: `${YEAR}-12-31`,
    progress: [],
    status: 'in_progress',
    closedBy: '',
    evidence: '',
    closedWithoutEvidence: false,
    publicity: '',
    origin: { meetingId: null, participantId: null, problemId: null, criticismId: null, talkId: null },
    carriedFromId: null,
    ...overrides,
  };
}

export interface World {
  orgs?: Organisation[];
  members?: Member[];
  meetings?: Meeting[];
  facts?: MeetingFacts[];
  talks?: TalkFacts[];
  appraisals?: Appraisal[];
  rectifications?: Rectification[];
  settings?: Partial<CheckSettings>;
  unit?: ChecksInput['unit'];
  today?: string;
  year?: number;
}

export function run(w: World = {}) {
  const input: ChecksInput = {
    year: w.year ?? YEAR,
    organisations: w.orgs ?? [branch()],
    members: w.members ?? roster(),
    meetings: w.facts ?? (w.meetings ?? fullYear()).map(meetingFacts),
    talks: w.talks ?? [],
    appraisals: w.appraisals ?? [],
    rectifications: w.rectifications ?? [],
    unit: w.unit,
  };
  return runChecks(input, { ...DEFAULT_CHECK_SETTINGS, ...w.settings }, w.today ?? `${YEAR + 1}-06-30`);
}

export function cell(r: ReturnType<typeof run>, obligation: string, period: string, orgId = ORG) {
  const c = r.cells.find((x) => x.orgId === orgId && x.obligation === obligation && x.period === period);
  if (!c) throw new Error(`no cell ${orgId} ${obligation} ${period}`);
  return c;
}

export const codes = (r: ReturnType<typeof run>) => r.findings.map((f) => f.code);
