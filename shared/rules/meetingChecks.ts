/**
 * Checks on one meeting record, run live in the editor and before 定稿 (domain §5.2 items 10–21).
 *
 * `checkMeeting` returns issues; errors block 定稿 (`canFinalise`), warnings do not. Every message
 * is Chinese and says what to fix; `field` is a stable path the editor highlights:
 *   'date' | 'place' | 'chairName' | 'recorderName' | 'endTime' | 'seq' | 'classification'
 *   'agenda' | 'agenda.<itemId>.title' | 'agenda.<itemId>.decisions.<decisionId>.vote'
 *   'attendance' | 'attendance.<entryId>' | 'attendance.<entryId>.reason'
 *   'lecture.lecturer' | 'lecture.topic' | 'themeDay.theme'
 *
 * Counts always come from `countAttendance` (never typed twice); quorum and pass arithmetic from
 * rules/quorum.ts.
 */
import {
  MEMBER_STATUS_LABELS,
  NATIONAL_SECRET_LEVELS,
  PARTY_MEMBER_STATUSES,
  PARTY_STANDING_LABELS,
  PRESENCE_LABELS,
  VOTE_KIND_LABELS,
  type AttendanceEntry,
  type Meeting,
  type MeetingType,
  type Member,
  type Organisation,
  type PartyStanding,
  type QuorumRule,
  type UnitSettings,
  type Vote,
} from '../model';
import { classificationMarking } from '../format';
import { countAttendance, hasVotingRight, type AttendanceCounts } from './attendance';
import {
  countsWrittenOpinions,
  electionQuorumMet,
  electionQuorumMinimum,
  fractionToRatio,
  passMinimum,
  quorumMet,
  quorumMinimum,
  tallyVote,
  votePasses,
} from './quorum';
import { isSeqTaken, type NumberedRecord } from './numbering';
import { checkLifeMeeting, LIFE_ISSUE_SEVERITY } from './lifeMeeting';
import type { TalkCoverage } from './talkCoverage';

export type IssueSeverity = 'error' | 'warning';

/** Every issue code with its severity. One code per rule. */
export const MEETING_ISSUE_SEVERITY = {
  // §5.2 item 17: required header fields
  REQUIRED_DATE: 'error',
  REQUIRED_PLACE: 'error',
  REQUIRED_CHAIR: 'error',
  REQUIRED_RECORDER: 'error',
  REQUIRED_AGENDA: 'error',
  AGENDA_TITLE_MISSING: 'error',
  REQUIRED_ATTENDEE: 'error',
  // time
  END_NOT_AFTER_START: 'error',
  // §5.2 item 16: attendance list
  ABSENCE_REASON_MISSING: 'error',
  /** The same member listed twice: 应到 − 实到 no longer equals the absentees. */
  ATTENDANCE_DUPLICATE: 'error',
  ATTENDANCE_SAME_NAME: 'warning',
  ATTENDEE_NOT_PARTY_MEMBER: 'warning',
  // §5.2 item 15
  LOW_ATTENDANCE: 'warning',
  // §5.2 items 10–12: quorum
  ASSEMBLY_QUORUM_NOT_MET: 'error',
  COMMITTEE_NO_MEMBERS: 'error',
  COMMITTEE_QUORUM_NOT_MET: 'error',
  ELECTION_QUORUM_NOT_MET: 'error',
  // §5.2 items 10, 14, 18: votes
  VOTE_NO_VOTERS: 'error',
  VOTE_EXCEEDS_PRESENT: 'error',
  VOTE_WRITTEN_EXCEEDS_ABSENT: 'error',
  VOTE_WRITTEN_NOT_COUNTED: 'warning',
  VOTE_EMPTY: 'warning',
  VOTE_NOT_PASSED: 'warning',
  // §5.2 item 21: chair
  CHAIR_NOT_SECRETARY: 'error',
  CHAIR_SECRETARY_UNKNOWN: 'warning',
  // §3.1 extra fields by type
  LECTURE_LECTURER_MISSING: 'error',
  LECTURE_TOPIC_MISSING: 'error',
  THEME_DAY_THEME_MISSING: 'error',
  // §4.7 / §6.1: ★ marking (the period may be empty: the statutory maximum applies, no issue)
  CLASSIFIED_NATIONAL_SECRET: 'warning',
  // running number (only when ctx.otherMeetings is given)
  SEQ_DUPLICATE: 'error',
  // 组织生活会 / 民主生活会 (rules/lifeMeeting.ts, §5.2 items 13, 22–28)
  ...LIFE_ISSUE_SEVERITY,
} as const satisfies Record<string, IssueSeverity>;

export type MeetingIssueCode = keyof typeof MEETING_ISSUE_SEVERITY;

export interface MeetingIssue {
  severity: IssueSeverity;
  code: MeetingIssueCode;
  /** Chinese, says exactly what to fix. */
  message: string;
  /** Stable path for the editor to highlight (see the file comment). */
  field: string;
}

export interface MeetingCheckContext {
  /** The meeting's own organisation (meeting.orgId); its committee seats give the 书记 / 组长. */
  org: Organisation;
  settings: UnitSettings;
  /**
   * Optional roster (id, name): lets the chair check match a chair typed by name only
   * (chairId null) against the secretary's name when the secretary is not in the attendance list.
   */
  members?: readonly Pick<Member, 'id' | 'name'>[];
  /**
   * Optional: other meeting records (any organisation, the meeting itself may be included; it is
   * skipped by id) for the duplicate running-number check. Omit to skip that check.
   */
  otherMeetings?: readonly (NumberedRecord & { id: string })[];
  /** Today (YYYY-MM-DD): enables the after-the-meeting checks of 组织生活会 / 民主生活会 (items 27, 28). */
  today?: string;
  /** 谈心谈话 coverage before a 组织生活会 (rules/talkCoverage.ts), when the caller computed it (item 24). */
  talkCoverage?: TalkCoverage;
}

/** Meeting types whose chair must be the 书记 (组长 for 党小组) or a delegation recorded (§2.0). */
export const CHAIR_CHECK_TYPES: readonly MeetingType[] = ['general_assembly', 'committee', 'group'];

/** Standings whose holders should no longer be on an attendance list as members. */
const INACTIVE_STANDINGS: readonly PartyStanding[] = ['suspended', 'transferred_out', 'expelled', 'deceased'];

export function canFinalise(issues: readonly MeetingIssue[]): boolean {
  return !issues.some((i) => i.severity === 'error');
}

export function checkMeeting(meeting: Meeting, ctx: MeetingCheckContext): MeetingIssue[] {
  const issues: MeetingIssue[] = [];
  const add = (code: MeetingIssueCode, field: string, message: string) =>
    issues.push({ severity: MEETING_ISSUE_SEVERITY[code], code, message, field });

  checkHeader(meeting, add);
  const counts = countAttendance(meeting.attendance);
  checkAttendanceList(meeting, counts, ctx.settings, add);
  checkQuorum(meeting, counts, ctx.settings, add);
  checkVotes(meeting, add);
  checkChair(meeting, ctx, add);
  checkTypeFields(meeting, add);
  checkClassification(meeting, ctx.settings, add);
  if (meeting.life) issues.push(...checkLifeMeeting(meeting, ctx));
  if (ctx.otherMeetings && isSeqTaken(ctx.otherMeetings, meeting, meeting.id)) {
    add(
      'SEQ_DUPLICATE',
      'seq',
      `${meeting.year}年第${meeting.seq}次的编号已被本组织同类型的另一份记录使用，请改用其他编号`,
    );
  }
  return issues;
}

type Add = (code: MeetingIssueCode, field: string, message: string) => void;

const blank = (s: string | undefined | null) => !s || s.trim() === '';

function checkHeader(m: Meeting, add: Add): void {
  if (blank(m.date)) add('REQUIRED_DATE', 'date', '未填写会议日期，请在会议信息中填写');
  if (blank(m.place)) add('REQUIRED_PLACE', 'place', '未填写会议地点，请在会议信息中填写');
  if (blank(m.chairName)) add('REQUIRED_CHAIR', 'chairName', '未填写主持人，请在会议信息中填写');
  if (blank(m.recorderName)) add('REQUIRED_RECORDER', 'recorderName', '未填写记录人，请在会议信息中填写');
  if (m.agenda.length === 0) {
    add('REQUIRED_AGENDA', 'agenda', '没有会议议题，请至少添加一项议题（可用“插入议程模板”）');
  }
  m.agenda.forEach((item, i) => {
    if (blank(item.title)) {
      add('AGENDA_TITLE_MISSING', `agenda.${item.id}.title`, `第 ${i + 1} 项议题未填写标题，请补充或删除该议题`);
    }
  });
  if (m.startTime && m.endTime && m.endTime <= m.startTime) {
    add(
      'END_NOT_AFTER_START',
      'endTime',
      `结束时间 ${m.endTime} 不晚于开始时间 ${m.startTime}，请核对会议起止时间`,
    );
  }
}

function checkAttendanceList(m: Meeting, c: AttendanceCounts, settings: UnitSettings, add: Add): void {
  if (c.present === 0) {
    add(
      'REQUIRED_ATTENDEE',
      'attendance',
      c.expected === 0
        ? '出席情况中还没有参会党员，请从花名册添加应到会人员'
        : '出席情况中没有标为“出席”的人员，请核对出席情况',
    );
  }

  for (const e of c.absent) {
    if (blank(e.reason)) {
      const label = PRESENCE_LABELS[e.presence];
      add(
        'ABSENCE_REASON_MISSING',
        `attendance.${e.id}.reason`,
        `${label}人员“${e.name}”未填写${label}原因，请在出席情况中补充（如公出、病假、事假）`,
      );
    }
  }

  // 应到 − 实到 must equal the absentees listed; a person listed twice breaks both counts.
  const byMemberId = new Map<string, AttendanceEntry>();
  const byName = new Map<string, AttendanceEntry>();
  for (const e of m.attendance) {
    if (e.kind !== 'member') continue;
    if (e.memberId) {
      const first = byMemberId.get(e.memberId);
      if (first) {
        add(
          'ATTENDANCE_DUPLICATE',
          `attendance.${e.id}`,
          `“${e.name}”在出席情况中重复列出，应到、实到和缺席人数因此对不上，请删除重复的一行`,
        );
        continue;
      }
      byMemberId.set(e.memberId, e);
    }
    const name = e.name.trim();
    const sameName = byName.get(name);
    if (sameName && (sameName.memberId === null || e.memberId === null)) {
      add(
        'ATTENDANCE_SAME_NAME',
        `attendance.${e.id}`,
        `出席情况中有两行“${name}”。如为同一人，请删除重复的一行；如为同名党员，请从花名册选择以便区分`,
      );
    } else if (!sameName) {
      byName.set(name, e);
    }

    if (e.status && !PARTY_MEMBER_STATUSES.includes(e.status)) {
      add(
        'ATTENDEE_NOT_PARTY_MEMBER',
        `attendance.${e.id}`,
        `“${e.name}”是${MEMBER_STATUS_LABELS[e.status]}，不是党员，不应计入应到人数，请改列为列席人员`,
      );
    } else if (e.standing && INACTIVE_STANDINGS.includes(e.standing)) {
      add(
        'ATTENDEE_NOT_PARTY_MEMBER',
        `attendance.${e.id}`,
        `“${e.name}”的党籍状态为“${PARTY_STANDING_LABELS[e.standing]}”，不应计入应到人数，请核对花名册或从出席情况中移除`,
      );
    }
  }

  const pct = settings.attendanceWarnPercent;
  if (c.expected > 0 && c.present * 100 < pct * c.expected) {
    const actual = Math.floor((c.present * 1000) / c.expected) / 10;
    add(
      'LOW_ATTENDANCE',
      'attendance',
      `出席率 ${actual}%（应到 ${c.expected} 人，实到 ${c.present} 人），低于本单位要求的 ${pct}%，请核对出席情况`,
    );
  }
}

function ruleWord(rule: QuorumRule): string {
  return rule === 'half_or_more' ? '未达到' : '未超过';
}

function fractionWord(fraction: number): string {
  const { num, den } = fractionToRatio(fraction);
  const cn = ['', '', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  if (den <= 10 && num < den && num >= 1) return `${cn[den]}分之${num === 1 ? '一' : cn[num]}`;
  return `${Math.round(fraction * 1000) / 10}%`;
}

function allVotes(m: Meeting): { vote: Vote; field: string; label: string }[] {
  const out: { vote: Vote; field: string; label: string }[] = [];
  m.agenda.forEach((item, i) => {
    item.decisions.forEach((d) => {
      if (!d.vote) return;
      const subject = d.vote.subjectName.trim();
      const about = subject ? `（${VOTE_KIND_LABELS[d.vote.kind]}：${subject}）` : '';
      const title = item.title.trim() ? `“${item.title.trim()}”` : '';
      out.push({
        vote: d.vote,
        field: `agenda.${item.id}.decisions.${d.id}.vote`,
        label: `第 ${i + 1} 项议题${title}的表决${about}`,
      });
    });
  });
  return out;
}

/** A 主题党日 may contain a 党员大会 (domain §2.5); its votes then follow the 党员大会 rules. */
export function votesAsAssembly(m: Pick<Meeting, 'type' | 'themeDay'>): boolean {
  return m.type === 'general_assembly' || (m.type === 'theme_day' && !!m.themeDay?.alsoCounts.includes('general_assembly'));
}

function checkQuorum(m: Meeting, c: AttendanceCounts, settings: UnitSettings, add: Add): void {
  const rule = settings.quorumRule;

  if (m.type === 'committee') {
    if (c.committeeExpected === 0) {
      add(
        'COMMITTEE_NO_MEMBERS',
        'attendance',
        '出席情况中没有标记为支委的人员，无法核对支委会到会人数，请在出席情况中勾选支委会成员',
      );
    } else if (!quorumMet(c.committeePresent, c.committeeExpected, rule)) {
      add(
        'COMMITTEE_QUORUM_NOT_MET',
        'attendance',
        `到会支委 ${c.committeePresent} 人，${ruleWord(rule)}支委会成员 ${c.committeeExpected} 人的半数` +
          `（至少需 ${quorumMinimum(c.committeeExpected, rule)} 人），会议不符合到会人数要求。` +
          '请核对出席情况中的支委标记和出席状态',
      );
    }
  }

  const votes = allVotes(m).map((v) => v.vote);
  if (votes.length === 0 || !votesAsAssembly(m) || c.votingExpected === 0) return;

  if (votes.some((v) => v.kind !== 'election') && !quorumMet(c.votingPresent, c.votingExpected, rule)) {
    add(
      'ASSEMBLY_QUORUM_NOT_MET',
      'attendance',
      `到会有表决权的党员 ${c.votingPresent} 人，${ruleWord(rule)}应到会有表决权党员 ${c.votingExpected} 人的半数` +
        `（至少需 ${quorumMinimum(c.votingExpected, rule)} 人），不能进行表决。` +
        '请核对出席情况；如确实人数不足，应另行召开党员大会表决',
    );
  }

  const fraction = settings.electionQuorumFraction;
  if (votes.some((v) => v.kind === 'election') && !electionQuorumMet(c.votingPresent, c.votingExpected, fraction)) {
    add(
      'ELECTION_QUORUM_NOT_MET',
      'attendance',
      `到会有选举权的党员 ${c.votingPresent} 人，未超过应到会有选举权党员 ${c.votingExpected} 人的${fractionWord(fraction)}` +
        `（至少需 ${electionQuorumMinimum(c.votingExpected, fraction)} 人），选举无效。` +
        '请核对出席情况；如确实人数不足，应另行召开选举大会',
    );
  }
}

function checkVotes(m: Meeting, add: Add): void {
  // A 支委会 votes among its committee members; every other meeting among all member lines.
  const committee = m.type === 'committee';
  const c = countAttendance(committee ? m.attendance.filter((e) => e.isCommittee) : m.attendance);
  const who = committee ? '有表决权的支委' : '有表决权的党员';
  const nonVotingPresent = m.attendance.filter(
    (e) => e.kind === 'member' && e.presence === 'present' && !hasVotingRight(e) && (!committee || e.isCommittee),
  ).length;

  for (const { vote, field, label } of allVotes(m)) {
    const t = tallyVote(vote);
    const anyCount = t.inRoom + t.writtenRecorded > 0;

    if (c.votingExpected === 0) {
      if (anyCount) {
        add(
          'VOTE_NO_VOTERS',
          field,
          `${label}记录了票数，但出席情况中没有${who}（预备党员和受留党察看处分的党员没有表决权）。` +
            '请核对出席情况中每人的党员类型，或删除票数',
        );
      }
      continue;
    }
    if (!anyCount) {
      add('VOTE_EMPTY', field, `${label}尚未填写赞成、反对、弃权票数，请补充`);
      continue;
    }

    if (t.inRoom > c.votingPresent) {
      const note =
        nonVotingPresent > 0
          ? `本次到会人员中有 ${nonVotingPresent} 人没有表决权（预备党员、受留党察看处分的党员等），其表态不能计入票数。`
          : '';
      add(
        'VOTE_EXCEEDS_PRESENT',
        field,
        `${label}的赞成、反对、弃权票合计 ${t.inRoom} 票，超过实到会${who} ${c.votingPresent} 人。${note}请核对票数`,
      );
    }

    const votingAbsent = c.votingExpected - c.votingPresent;
    if (t.writtenRecorded > votingAbsent) {
      add(
        'VOTE_WRITTEN_EXCEEDS_ABSENT',
        field,
        `${label}记录书面意见 ${t.writtenRecorded} 份，超过未到会的${who} ${votingAbsent} 人。` +
          '书面意见只能由因故未到会的有表决权党员在会前提交，请核对',
      );
    } else if (t.writtenRecorded > 0 && !countsWrittenOpinions(vote.kind)) {
      add(
        'VOTE_WRITTEN_NOT_COUNTED',
        field,
        `${label}属于“${VOTE_KIND_LABELS[vote.kind]}”，书面意见只在接收预备党员的表决中计入票数，` +
          `本次记录的 ${t.writtenRecorded} 份书面意见不计入表决结果`,
      );
    }

    if (!votePasses(vote, c.votingExpected)) {
      add(
        'VOTE_NOT_PASSED',
        field,
        `${label}：赞成 ${t.yes} 票，未超过应到会${who} ${c.votingExpected} 人的半数（至少需 ${passMinimum(c.votingExpected)} 票），` +
          '表决未通过。请确认决定内容与表决结果一致',
      );
    }
  }
}

/** Member ids holding the 'secretary' seat (书记; 组长 for a 党小组) on the meeting date. */
export function secretaryIdsOn(org: Organisation, date: string): string[] {
  return org.committee
    .filter((s) => s.role === 'secretary')
    .filter((s) => (date ? (!s.from || s.from <= date) && (!s.to || s.to >= date) : !s.to))
    .map((s) => s.memberId);
}

function checkChair(m: Meeting, ctx: MeetingCheckContext, add: Add): void {
  if (!CHAIR_CHECK_TYPES.includes(m.type) || blank(m.chairName)) return;
  const post = ctx.org.level === 'group' ? '组长' : '书记';
  const orgWord = ctx.org.level === 'group' ? '本党小组' : '本支部';
  const ids = secretaryIdsOn(ctx.org, m.date);
  if (ids.length === 0) {
    add(
      'CHAIR_SECRETARY_UNKNOWN',
      'chairName',
      `${orgWord}在会议日期没有登记${post}，无法核对主持人，请在组织管理中登记${post}`,
    );
    return;
  }
  if (m.chairId && ids.includes(m.chairId)) return;

  const names = new Set<string>();
  for (const e of m.attendance) if (e.memberId && ids.includes(e.memberId)) names.add(e.name.trim());
  for (const mem of ctx.members ?? []) if (ids.includes(mem.id)) names.add(mem.name.trim());
  if (!m.chairId && names.has(m.chairName.trim())) return;
  if (!blank(m.delegation)) return;

  const secretaryName = [...names][0];
  const example = secretaryName
    ? `（如：${post}${secretaryName}公出，委托××主持）`
    : '';
  add(
    'CHAIR_NOT_SECRETARY',
    'chairName',
    `主持人“${m.chairName.trim()}”不是${orgWord}${post}。${post}因故不能主持时，可委托` +
      `${ctx.org.level === 'group' ? '其他党员' : '副书记或支委'}主持，请在“委托说明”中写明委托情况${example}`,
  );
}

function checkTypeFields(m: Meeting, add: Add): void {
  if (m.type === 'lecture') {
    if (blank(m.lecture?.lecturer)) add('LECTURE_LECTURER_MISSING', 'lecture.lecturer', '党课未填写主讲人，请在党课信息中填写');
    if (blank(m.lecture?.topic)) add('LECTURE_TOPIC_MISSING', 'lecture.topic', '党课未填写题目，请在党课信息中填写');
  }
  if (m.type === 'theme_day' && blank(m.themeDay?.theme)) {
    add('THEME_DAY_THEME_MISSING', 'themeDay.theme', '主题党日未填写主题，请在主题党日信息中填写');
  }
}

function checkClassification(m: Meeting, settings: UnitSettings, add: Add): void {
  if (!NATIONAL_SECRET_LEVELS.includes(m.classification.level)) return;
  add(
    'CLASSIFIED_NATIONAL_SECRET',
    'classification',
    `本记录标为国家秘密（${classificationMarking(m.classification, settings.nonSecretMarking)}）。` +
      '国家秘密只能在经批准的涉密计算机上处理，导出、拷贝和打印须按本单位涉密载体管理规定办理；' +
      '如只是内部工作材料，请将密级改为“内部”',
  );
}
