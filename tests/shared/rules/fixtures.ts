/**
 * Tiny factories for valid domain records in tests. Every builder returns a record that passes its
 * zod schema (see fixtures.test.ts); override only what a test is about.
 *
 *   const org = makeOrg();                                   // branch, 书记 = SECRETARY_ID
 *   const m = makeMeeting({ attendance: [secretaryEntry(), attendee('李四'), absentee('王五', '公出')] });
 *   const issues = checkMeeting(m, makeCtx({ org }));
 *
 * Ids are deterministic ("id-00000001", …) within a test file; call `resetIds()` in `beforeEach`
 * if a test compares ids.
 */
import {
  DEFAULT_UNIT_SETTINGS,
  emptyVote,
  type AgendaItem,
  type AttendanceEntry,
  type Decision,
  type Meeting,
  type Organisation,
  type RecordMeta,
  type UnitSettings,
  type Vote,
} from '../../../shared/model';
import type { MeetingCheckContext } from '../../../shared/rules/meetingChecks';

let counter = 0;

/** A fresh id that satisfies idSchema (8+ chars). */
export function newId(): string {
  counter++;
  return `id-${String(counter).padStart(8, '0')}`;
}

export function resetIds(): void {
  counter = 0;
}

export const SECRETARY_ID = 'member-secretary';
export const SECRETARY_NAME = '张书记';
export const ORG_ID = 'org-branch-0001';
export const MEETING_DATE = '2025-03-08';

export function makeMeta(overrides: Partial<RecordMeta> = {}): RecordMeta {
  return {
    id: newId(),
    createdAt: '2025-03-08T08:00:00.000Z',
    updatedAt: '2025-03-08T08:00:00.000Z',
    rev: 1,
    vv: { 'install-a': 1 },
    changedBy: 'install-a',
    deletedAt: null,
    ...overrides,
  };
}

/** A 党支部 whose 书记 is SECRETARY_ID. Pass `level: 'group'` for a 党小组 (the seat is then 组长). */
export function makeOrg(overrides: Partial<Organisation> = {}): Organisation {
  return {
    ...makeMeta({ id: ORG_ID }),
    parentId: null,
    level: 'branch',
    name: '第一党支部',
    fullName: '中共某某局机关第一党支部委员会',
    order: 0,
    committee: [{ memberId: SECRETARY_ID, role: 'secretary', from: '2024-01-01' }],
    ...overrides,
  };
}

export function makeSettings(overrides: Partial<UnitSettings> = {}): UnitSettings {
  return { ...DEFAULT_UNIT_SETTINGS, ...overrides };
}

export function makeCtx(overrides: Partial<MeetingCheckContext> = {}): MeetingCheckContext {
  return { org: makeOrg(), settings: makeSettings(), ...overrides };
}

/** A present full member (正式党员, 正常). */
export function attendee(name: string, overrides: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return {
    id: newId(),
    kind: 'member',
    memberId: `member-${name}`,
    name,
    title: '',
    status: 'full',
    standing: 'normal',
    isCommittee: false,
    presence: 'present',
    reason: '',
    ...overrides,
  };
}

/** An absent full member with a reason (pass '' to test the missing-reason rule). */
export function absentee(name: string, reason = '公出', overrides: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return attendee(name, { presence: 'absent', reason, ...overrides });
}

/** A present 预备党员 (no vote). */
export function probationary(name: string, overrides: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return attendee(name, { status: 'probationary', ...overrides });
}

/** A 列席 guest (never counted). */
export function guest(name: string, title = '上级党组织督导人员'): AttendanceEntry {
  return attendee(name, { kind: 'guest', memberId: null, title, status: null, standing: null });
}

/** The secretary, present, on the committee. */
export function secretaryEntry(overrides: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return attendee(SECRETARY_NAME, { memberId: SECRETARY_ID, title: '书记', isCommittee: true, ...overrides });
}

/** `n` present full members named 党员1…党员n. */
export function fullMembers(n: number, overrides: Partial<AttendanceEntry> = {}): AttendanceEntry[] {
  return Array.from({ length: n }, (_, i) => attendee(`党员${i + 1}`, overrides));
}

export function makeVote(overrides: Partial<Vote> = {}): Vote {
  return { ...emptyVote(), ...overrides };
}

export function makeDecision(vote: Vote | null = null, overrides: Partial<Decision> = {}): Decision {
  return { id: newId(), text: '同意', owner: '', vote, ...overrides };
}

export function makeAgendaItem(title = '传达学习上级文件精神', decisions: Decision[] = []): AgendaItem {
  return { id: newId(), title, speeches: [], decisions };
}

/** An agenda with one item holding one decision with `vote`: the usual shape for vote tests. */
export function agendaWithVote(vote: Vote, title = '表决'): AgendaItem[] {
  return [makeAgendaItem(title, [makeDecision(vote)])];
}

/**
 * A valid 党员大会 draft that passes every check: chaired by the secretary, 5 full members
 * present (secretary included), one agenda item, no vote.
 */
export function makeMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    ...makeMeta(),
    orgId: ORG_ID,
    type: 'general_assembly',
    year: 2025,
    seq: 1,
    date: MEETING_DATE,
    startTime: '14:00',
    endTime: '16:00',
    place: '机关三楼会议室',
    chairId: SECRETARY_ID,
    chairName: SECRETARY_NAME,
    chairTitle: '书记',
    delegation: '',
    convenerId: SECRETARY_ID,
    convenerName: SECRETARY_NAME,
    recorderId: 'member-记录员',
    recorderName: '记录员',
    attendance: [secretaryEntry(), ...fullMembers(4)],
    agenda: [makeAgendaItem()],
    summary: '',
    classification: { level: 'internal', years: null },
    recordingMethod: 'summary',
    lecture: null,
    themeDay: null,
    status: 'draft',
    finalisedAt: null,
    reopenLog: [],
    chairSigned: false,
    recorderSigned: false,
    ...overrides,
  };
}
