/** Input and output shapes of the checks engine (engine.ts). */
import type { Appraisal, Meeting, MeetingType, Member, Organisation, RecordStatus, Rectification, Talk, UnitSettings } from '../model';
import type { WorkCalendar } from './workCalendar';

/**
 * What the calendar checks need from one meeting. Build with `meetingFacts(meeting)` from a full
 * record, or from a meetingIndex row plus the few fields the index lacks. `full` (the whole record)
 * enables the per-meeting checks 10–21 and 22–28; without it those are skipped for that meeting.
 */
export interface MeetingFacts {
  id: string;
  orgId: string;
  type: MeetingType;
  date: string;
  status: RecordStatus;
  deletedAt: string | null;
  /** ISO time the record was created (补录 check 20); unknown when built from an index row. */
  createdAt?: string;
  finalisedAt?: string | null;
  /** 主题党日 also counting as 党课 / 党员大会 … (domain §2.5). */
  alsoCounts: readonly MeetingType[];
  /** 党课: who lectured (check 5). */
  lecturerMemberId: string | null;
  lecturerName: string;
  /** 组织生活会 / 民主生活会: the 年度 (life.annualYear); null → the calendar year of the date. */
  annualYear: number | null;
  full?: Meeting;
}

/** Talks: only who, when and where; never the contents. */
export type TalkFacts = Pick<Talk, 'id' | 'orgId' | 'date' | 'type' | 'deletedAt' | 'lifeMeetingId' | 'interviewer' | 'interviewees'>;

export interface ChecksInput {
  /** The year shown (calendar year; 年度 for the annual obligations). */
  year: number;
  organisations: readonly Organisation[];
  members: readonly Member[];
  meetings: readonly MeetingFacts[];
  talks: readonly TalkFacts[];
  appraisals: readonly Appraisal[];
  rectifications: readonly Rectification[];
  /** Quorum reading, attendance threshold (单位设置); defaults when omitted. */
  unit?: UnitSettings;
  /** Restrict the grid and findings to these organisations (default: all live ones). */
  orgIds?: readonly string[];
  /**
   * Minutes east of UTC of the secretary's clock (China: 480), to turn createdAt / finalisedAt
   * (UTC ISO times) into local dates for check 20. Default 0.
   */
  tzOffsetMinutes?: number;
  /** Optional override of settings.workCalendar. */
  calendar?: WorkCalendar;
}

export type ObligationId =
  | 'committee'
  | 'general_assembly'
  | 'group'
  | 'lecture'
  | 'secretary_lecture'
  | 'theme_day'
  | 'life_meeting'
  | 'appraisal'
  | 'democratic_life';

export type CellState = 'held' | 'missing' | 'overdue' | 'upcoming' | 'not_applicable';

export const CELL_STATE_LABELS: Record<CellState, string> = {
  held: '已开展',
  missing: '本期待开展',
  overdue: '逾期未开展',
  upcoming: '未到期',
  not_applicable: '不适用',
};

export interface ObligationCell {
  orgId: string;
  obligation: ObligationId;
  /** Period key: '2025-03', '2025-Q1', '2025-H1', '2025'. */
  period: string;
  periodLabel: string;
  from: string;
  /** Last day the obligation can still be met (the period end, or the end of the annual round). */
  due: string;
  state: CellState;
  required: number;
  held: number;
  /** Records that satisfy it (meetings; appraisals for 民主评议). */
  recordIds: string[];
  recordTable: 'meetings' | 'appraisals';
  /** The §5.2 check this obligation implements. */
  checkId: number;
}

export type FindingSeverity = 'error' | 'warning' | 'info';

export type RecordTable = 'meetings' | 'talks' | 'appraisals' | 'rectifications' | 'members' | 'organisations';

export interface Finding {
  /** domain §5.2 check number (1–42). */
  checkId: number;
  /** Stable code for grouping and tests: 'CALENDAR_MISSING', 'QUORUM', 'TALK_GAP' … */
  code: string;
  severity: FindingSeverity;
  orgId: string;
  period?: string;
  recordRef?: { table: RecordTable; id: string };
  memberId?: string;
  /** Second person (talk gaps: the one the talk is still missing with). */
  otherMemberId?: string;
  /** Chinese: what is wrong and what to do. Never contains talk or criticism texts. */
  message: string;
}

export interface ChecksResult {
  year: number;
  /** Organisations in the grid (branches, groups, 机关党委 for 民主生活会), in tree order. */
  orgIds: string[];
  cells: ObligationCell[];
  findings: Finding[];
}
