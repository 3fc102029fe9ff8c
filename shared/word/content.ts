/**
 * What a record says on paper, independent of layout: both the 公文 layout and the table layout
 * render this, so the two can never disagree about facts, numbers or which sections exist.
 * Empty optional sections are left out here, once.
 */
import type { AttendanceEntry, Decision, Meeting, Vote } from '../model';
import {
  MEETING_TYPE_LABELS,
  MEMBER_STATUS_LABELS,
  PRESENCE_LABELS,
  VOTE_KIND_LABELS,
  VOTE_METHOD_LABELS,
} from '../model';
import type { DocumentProfile } from '../model/documentProfile';
import { DEFAULT_UNIT_SETTINGS } from '../model/settings';
import { classificationMarking, formatChineseDate, formatMeetingTime, formatRunningNumber, isNationalSecret, meetingTitle } from '../format';
import { countAttendance, describeAttendance, type AttendanceCounts } from '../rules/attendance';
import { describeVote } from '../rules/quorum';
import { lifeInfoLines, lifeSections } from './lifeContent';
import { oneLine, paragraphsOf } from './text';

/** The organisation fields the builders need. */
export interface OrgForWord {
  fullName: string;
  name?: string;
}

export type Block =
  /** Heading levels of GB/T 9704 §7.3: 一、 黑体 / （一） 楷体 / 1. 仿宋 / （1） 仿宋. */
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  /** A body paragraph, optionally opened by a 黑体 label ("表决情况："). */
  | { kind: 'para'; label?: string; text: string };

export interface InfoLine {
  label: string;
  value: string;
}

export interface Section {
  /** 会议议题 / 会议内容 / 会议决定 / 主持人小结 … */
  label: string;
  blocks: Block[];
}

export interface MinutesContent {
  title: string;
  /** The title split where a line break reads well (organisation name | rest) when it is long. */
  titleLines: string[];
  /** Marking text; `secret` means a ★ national-secret marking (second line, 黑体). */
  marking: { text: string; secret: boolean } | null;
  /** 支部委员会会议（2025年第3次） */
  meetingName: string;
  time: string;
  place: string;
  chair: string;
  convener: string;
  recorder: string;
  /** 15 人（其中正式党员 13 人） */
  expected: string;
  /** 14 人（其中正式党员 12 人） */
  present: string;
  /** 张三（公出）、李四（病假）, or 无 */
  absent: string;
  /** 列席人员; empty when there were none. */
  guests: string;
  /** Meeting-type fields shown with the facts: 主讲人, 题目, 授课形式, 主题, 活动形式, 同时计为. */
  typeInfo: InfoLine[];
  agendaTitles: string[];
  /** 内容提要 (党课). */
  outline: Section | null;
  /** 会议内容: agenda items as headings, speeches as "张三：……". */
  proceedings: Section | null;
  /** 会议决定: decisions with their 表决情况 (公文 layout). */
  decisions: Section | null;
  /** Decisions alone and votes alone (table layout cells 会议决议 | 表决情况). */
  decisionLines: Block[];
  voteLines: Block[];
  /** 议定事项 / 落实情况 (主题党日). */
  themeSections: Section[];
  summary: Section | null;
  /** 组织生活会 / 民主生活会: 会前准备情况 … 谈话函询情况说明 (lifeContent.ts); empty for other types. */
  lifeSections: Section[];
  counts: AttendanceCounts;
}

export const CHINESE_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 25 → 二十五, 100 → 一百 (for 一、二、 numbering). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n];
  if (n < 20) return `十${CHINESE_NUMERALS[n % 10]}`;
  if (n < 100) return `${CHINESE_NUMERALS[Math.floor(n / 10)]}十${n % 10 ? CHINESE_NUMERALS[n % 10] : ''}`;
  return String(n);
}

export function resolvedOrgName(org: OrgForWord, profile: DocumentProfile): string {
  return oneLine(profile.orgFullNameOverride) || oneLine(org.fullName);
}

/** 2号 小标宋 fits about 20 characters on a 156 mm line. */
const TITLE_LINE_CHARS = 20;

export function minutesTitle(meeting: Meeting, org: OrgForWord, profile: DocumentProfile): string {
  return meetingTitle(resolvedOrgName(org, profile), meeting.type, meeting.year, meeting.seq);
}

/** Break a long title after the organisation name, never inside a word (domain §4.5). */
export function splitTitle(title: string, orgName: string): string[] {
  if ([...title].length <= TITLE_LINE_CHARS || !orgName || !title.startsWith(orgName) || title === orgName) return [title];
  return [orgName, title.slice(orgName.length)];
}

/**
 * 应到 / 实到 halves of describeAttendance (shared/rules/attendance.ts), so the wording stays the one
 * the editor shows. Falls back to the whole sentence if its shape ever changes.
 */
export function attendanceHalves(c: AttendanceCounts): { expected: string; present: string } {
  const full = describeAttendance(c);
  const cut = full.indexOf('，实到 ');
  if (!full.startsWith('应到 ') || cut < 0) return { expected: full, present: '' };
  return { expected: full.slice(3, cut), present: full.slice(cut + 4) };
}

function absentText(absent: readonly AttendanceEntry[]): string {
  if (absent.length === 0) return '无';
  return absent
    .map((e) => {
      const reason = oneLine(e.reason) || PRESENCE_LABELS[e.presence];
      return `${oneLine(e.name)}（${reason}）`;
    })
    .join('、');
}

function guestText(guests: readonly AttendanceEntry[]): string {
  return guests
    .map((e) => {
      const title = oneLine(e.title);
      return title ? `${oneLine(e.name)}（${title}）` : oneLine(e.name);
    })
    .filter((s) => s.length > 0)
    .join('、');
}

/** 职务/身份 for lists: the recorded title, else the member status. */
export function roleOf(e: AttendanceEntry): string {
  return oneLine(e.title) || (e.status ? MEMBER_STATUS_LABELS[e.status] : '');
}

/**
 * 表决情况: method and subject, then the arithmetic. For the 党员大会 the arithmetic and the result
 * come from `describeVote` (shared/rules/quorum.ts), so the minutes and the editor's checks agree;
 * for 支委会 the committee numbers and the tally; otherwise the tally alone.
 */
export function voteText(vote: Vote, counts: AttendanceCounts, meeting: Pick<Meeting, 'type'>): string {
  const subject = oneLine(vote.subjectName);
  const kind = vote.kind === 'general' ? '' : `${VOTE_KIND_LABELS[vote.kind]}${subject ? `（${subject}）` : ''}，`;
  const head = `${kind}采取${VOTE_METHOD_LABELS[vote.method]}方式；`;
  if (meeting.type === 'general_assembly') return head + describeVote(vote, counts);
  const tally = `赞成 ${vote.yes} 票，反对 ${vote.no} 票，弃权 ${vote.abstain} 票`;
  const written = vote.writtenYes + vote.writtenNo + vote.writtenAbstain;
  const writtenText =
    written > 0
      ? `；另收到书面意见 ${written} 份，其中赞成 ${vote.writtenYes} 份，反对 ${vote.writtenNo} 份，弃权 ${vote.writtenAbstain} 份`
      : '';
  if (meeting.type === 'committee') {
    return `${head}应到支部委员 ${counts.committeeExpected} 人，实到 ${counts.committeePresent} 人；${tally}${writtenText}。`;
  }
  return `${head}${tally}${writtenText}。`;
}

function decisionText(d: Decision): string {
  const extras: string[] = [];
  if (oneLine(d.owner)) extras.push(`责任人：${oneLine(d.owner)}`);
  if (d.deadline) extras.push(`完成时限：${formatChineseDate(d.deadline)}`);
  const text = paragraphsOf(d.text).join('');
  return extras.length ? `${text}（${extras.join('；')}）` : text;
}

function sectionOf(label: string, text: string): Section | null {
  const paras = paragraphsOf(text);
  return paras.length ? { label, blocks: paras.map((p) => ({ kind: 'para', text: p })) } : null;
}

/**
 * `nonSecretMarking` is the unit's marking for 内部 records (UnitSettings.nonSecretMarking); callers
 * pass it explicitly. Omitted, the default marking applies.
 */
export function buildMinutesContent(
  meeting: Meeting,
  org: OrgForWord,
  profile: DocumentProfile,
  nonSecretMarking: string = DEFAULT_UNIT_SETTINGS.nonSecretMarking,
): MinutesContent {
  const orgName = resolvedOrgName(org, profile);
  const title = meetingTitle(orgName, meeting.type, meeting.year, meeting.seq);
  const counts = countAttendance(meeting.attendance);
  const halves = attendanceHalves(counts);

  const markingText = oneLine(classificationMarking(meeting.classification, oneLine(nonSecretMarking)));
  const marking = markingText ? { text: markingText, secret: isNationalSecret(meeting.classification) } : null;

  const chairName = oneLine(meeting.chairName);
  const chairTitle = oneLine(meeting.chairTitle);
  const delegation = oneLine(meeting.delegation);
  let chair = chairTitle ? `${chairName}（${chairTitle}）` : chairName;
  if (delegation) chair += `，${delegation}`;
  const convenerName = oneLine(meeting.convenerName);
  const convener = convenerName && convenerName !== chairName ? convenerName : '';

  const typeInfo: InfoLine[] = [];
  const lecture = meeting.type === 'lecture' ? meeting.lecture : null;
  if (lecture) {
    const lecturer = oneLine(lecture.lecturer);
    const lt = oneLine(lecture.lecturerTitle);
    if (lecturer) typeInfo.push({ label: '主讲人', value: lt ? `${lecturer}（${lt}）` : lecturer });
    if (oneLine(lecture.topic)) typeInfo.push({ label: '题目', value: oneLine(lecture.topic) });
    if (oneLine(lecture.form)) typeInfo.push({ label: '授课形式', value: oneLine(lecture.form) });
  }
  const themeDay = meeting.type === 'theme_day' ? meeting.themeDay : null;
  if (themeDay) {
    if (oneLine(themeDay.theme)) typeInfo.push({ label: '主题', value: oneLine(themeDay.theme) });
    if (oneLine(themeDay.activityForm)) typeInfo.push({ label: '活动形式', value: oneLine(themeDay.activityForm) });
    const also = themeDay.alsoCounts.filter((t) => t !== 'theme_day').map((t) => MEETING_TYPE_LABELS[t]);
    if (also.length) typeInfo.push({ label: '同时计为', value: also.join('、') });
  }

  typeInfo.push(...lifeInfoLines(meeting));

  const agendaTitles = meeting.agenda.map((a) => oneLine(a.title)).filter((t) => t.length > 0);

  // 会议内容: each agenda item with anything recorded becomes a 一、 heading with its speeches.
  const proceedingsBlocks: Block[] = [];
  let itemNo = 0;
  for (const item of meeting.agenda) {
    const speeches = item.speeches.filter((s) => paragraphsOf(s.content).length > 0);
    const t = oneLine(item.title);
    if (!t && speeches.length === 0) continue;
    itemNo++;
    if (t) proceedingsBlocks.push({ kind: 'heading', level: 1, text: `${chineseNumber(itemNo)}、${t}` });
    for (const s of speeches) {
      const paras = paragraphsOf(s.content);
      const speaker = oneLine(s.speakerName);
      paras.forEach((p, i) => proceedingsBlocks.push({ kind: 'para', text: i === 0 && speaker ? `${speaker}：${p}` : p }));
    }
  }
  // Headings with nothing under them are still useful when speeches exist elsewhere; drop the
  // section only when no speech was recorded at all.
  const hasSpeech = proceedingsBlocks.some((b) => b.kind === 'para');

  // 会议决定: grouped by agenda item when more than one item has decisions.
  const itemsWithDecisions = meeting.agenda.filter((a) => a.decisions.some((d) => paragraphsOf(d.text).length > 0));
  const decisionBlocks: Block[] = [];
  const decisionLines: Block[] = [];
  const voteLines: Block[] = [];
  let decisionNo = 0;
  itemsWithDecisions.forEach((item, i) => {
    if (itemsWithDecisions.length > 1 && oneLine(item.title)) {
      decisionBlocks.push({ kind: 'heading', level: 2, text: `（${chineseNumber(i + 1)}）${oneLine(item.title)}` });
    }
    for (const d of item.decisions) {
      if (paragraphsOf(d.text).length === 0) continue;
      decisionNo++;
      const line = `${decisionNo}. ${decisionText(d)}`;
      decisionBlocks.push({ kind: 'para', text: line });
      decisionLines.push({ kind: 'para', text: line });
      if (d.vote) {
        const v = voteText(d.vote, counts, meeting);
        decisionBlocks.push({ kind: 'para', label: '表决情况：', text: v });
        voteLines.push({ kind: 'para', text: `${decisionNo}. ${v}` });
      }
    }
  });

  const themeSections: Section[] = [];
  if (themeDay) {
    const agreed = sectionOf('议定事项', themeDay.agreedItems);
    const follow = sectionOf('落实情况', themeDay.followUp);
    if (agreed) themeSections.push(agreed);
    if (follow) themeSections.push(follow);
  }

  return {
    title,
    titleLines: splitTitle(title, orgName),
    marking,
    meetingName: `${MEETING_TYPE_LABELS[meeting.type]}（${formatRunningNumber(meeting.year, meeting.seq)}）`,
    time: formatMeetingTime(meeting.date, meeting.startTime, meeting.endTime),
    place: oneLine(meeting.place),
    chair,
    convener,
    recorder: oneLine(meeting.recorderName),
    expected: halves.expected,
    present: halves.present,
    absent: absentText(counts.absent),
    guests: guestText(counts.guests),
    typeInfo,
    agendaTitles,
    outline: lecture ? sectionOf('内容提要', lecture.outline) : null,
    proceedings: hasSpeech ? { label: '会议内容', blocks: proceedingsBlocks } : null,
    decisions: decisionBlocks.length ? { label: '会议决定', blocks: decisionBlocks } : null,
    decisionLines,
    voteLines,
    themeSections,
    summary: sectionOf('主持人小结', meeting.summary),
    lifeSections: lifeSections(meeting),
    counts,
  };
}
