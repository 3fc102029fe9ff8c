/**
 * Checks on a 组织生活会 / 民主生活会 (a meeting with a `life` block; domain §2.6, §2.9, §3.3,
 * §5.2 items 13, 22–28). checkMeeting (meetingChecks.ts) appends them, so the editor's 检查结果,
 * 定稿 and Word export see them with the ordinary checks.
 *
 * Fields: 'life.theme' | 'life.preparation.<kind>' | 'life.committeePaperReady' | 'life.lastYearReport'
 * | 'life.participants' | 'life.participants.<pid>' | 'life.participants.<pid>.paperReady'
 * | 'life.participants.<pid>.problems.<problemId>' | 'life.participants.<pid>.criticisms.<criticismId>'
 * | 'life.committeeProblems.<problemId>' | 'life.reportFiledDate' | 'life.talks' | 'attendance'.
 *
 * Checks that only make sense once the meeting has taken place (item 27, 28) run when
 * `ctx.today` is given and is after the meeting date.
 */
import { LIFE_PREP_KINDS, LIFE_PREP_LABELS, type LifeBlock, type LifeParticipant, type LifeProblem, type Meeting } from '../model';
import { countAttendance } from './attendance';
import { addDays, blank, type RuleSeverity } from './issues';
import type { MeetingCheckContext, MeetingIssue } from './meetingChecks';

export const LIFE_ISSUE_SEVERITY = {
  LIFE_THEME_MISSING: 'error',
  LIFE_CRITIC_ABSENT: 'error',
  LIFE_SELF_CRITICISED: 'error',
  LIFE_QUORUM_NOT_MET: 'error',
  LIFE_REPORT_BEFORE_MEETING: 'error',
  LIFE_NO_PARTICIPANTS: 'warning',
  LIFE_PREP_NOT_DONE: 'warning',
  LIFE_PREP_DATE_MISSING: 'warning',
  LIFE_PREP_LINK_MISSING: 'warning',
  LIFE_TALK_GAPS: 'warning',
  LIFE_COMMITTEE_PAPER_MISSING: 'warning',
  LIFE_PAPERS_MISSING: 'warning',
  LIFE_LAST_YEAR_REPORT_MISSING: 'warning',
  LIFE_NO_SELF_CRITICISM: 'warning',
  LIFE_NO_CRITICISM_RECEIVED: 'warning',
  LIFE_PROBLEM_NOT_RECTIFIED: 'warning',
  LIFE_REPORT_OVERDUE: 'warning',
} as const satisfies Record<string, RuleSeverity>;
export type LifeIssueCode = keyof typeof LIFE_ISSUE_SEVERITY;

/** Context the life checks read (a subset of MeetingCheckContext). */
export type LifeCheckContext = Pick<MeetingCheckContext, 'settings' | 'today' | 'talkCoverage'>;

/** Preparation kinds that are proved by a linked record (a study meeting, talks…); papers are ticked per person. */
const LINKED_PREP = new Set<string>(['study', 'opinions', 'talks']);

type Add = (code: LifeIssueCode, field: string, message: string) => void;

export function checkLifeMeeting(m: Meeting, ctx: LifeCheckContext): MeetingIssue[] {
  const life = m.life;
  if (!life) return [];
  const issues: MeetingIssue[] = [];
  const add: Add = (code, field, message) => issues.push({ severity: LIFE_ISSUE_SEVERITY[code], code, field, message });
  const what = m.type === 'democratic_life' ? '民主生活会' : '组织生活会';
  const held = !!ctx.today && ctx.today > m.date;

  if (blank(life.theme)) add('LIFE_THEME_MISSING', 'life.theme', `未填写${what}主题，请按上级通知填写本年度主题`);
  if (life.participants.length === 0) {
    add('LIFE_NO_PARTICIPANTS', 'life.participants', '批评与自我批评中还没有发言人，请从出席人员生成发言人名单');
  }
  checkPreparation(life, m.type === 'democratic_life', add);
  if (ctx.talkCoverage && !ctx.talkCoverage.summary.complete) {
    const n = ctx.talkCoverage.gaps.length;
    add('LIFE_TALK_GAPS', 'life.talks', `会前谈心谈话还有 ${n} 处未覆盖（见谈心谈话覆盖表），请在会前补谈并记录`);
  }
  checkCriticism(m, life, add);
  if (m.type === 'democratic_life') checkQuorum(m, ctx, add);
  if (held) checkAfterMeeting(life, add);
  checkReport(m, life, ctx, held, what, add);
  return issues;
}

function checkPreparation(life: LifeBlock, team: boolean, add: Add): void {
  for (const kind of LIFE_PREP_KINDS) {
    const item = life.preparation.find((p) => p.kind === kind);
    const label = LIFE_PREP_LABELS[kind];
    const field = `life.preparation.${kind}`;
    if (!item || !item.done) {
      add('LIFE_PREP_NOT_DONE', field, `会前准备“${label}”尚未完成，请完成后在会前准备中勾选并注明日期`);
      continue;
    }
    if (!item.date) add('LIFE_PREP_DATE_MISSING', field, `会前准备“${label}”未填写日期，请补填`);
    if (LINKED_PREP.has(kind) && item.links.length === 0 && blank(item.note)) {
      add('LIFE_PREP_LINK_MISSING', field, `会前准备“${label}”没有关联记录，请关联相应的会议或谈话记录，或在说明中写明开展情况`);
    }
  }
  if (!life.committeePaperReady) {
    add(
      'LIFE_COMMITTEE_PAPER_MISSING',
      'life.committeePaperReady',
      `${team ? '领导班子' : '支部班子'}对照检查材料尚未完成，请由${team ? '主要负责同志' : '书记'}牵头起草`,
    );
  }
  const missing = life.participants.filter((p) => !p.paperReady);
  if (missing.length) {
    const names = missing.slice(0, 5).map((p) => p.name).join('、') + (missing.length > 5 ? ` 等 ${missing.length} 人` : '');
    add('LIFE_PAPERS_MISSING', missing.length === 1 ? `life.participants.${missing[0].id}.paperReady` : 'life.participants', `${names}的对照检查材料或发言提纲尚未准备，请督促会前完成`);
  }
  if (blank(life.lastYearReport)) {
    add('LIFE_LAST_YEAR_REPORT_MISSING', 'life.lastYearReport', '未填写上年度整改落实情况通报，可从整改台账生成后修改');
  }
}

/** 出席 status of a critic by id, else by name; undefined when not on the attendance list. */
function criticPresence(m: Meeting, criticId: string | null, criticName: string): string | undefined {
  const lines = m.attendance.filter((e) => (criticId ? e.memberId === criticId : e.name.trim() === criticName.trim()));
  if (lines.length === 0) return undefined;
  return lines.some((e) => e.presence === 'present') ? 'present' : lines[0].presence;
}

function checkCriticism(m: Meeting, life: LifeBlock, add: Add): void {
  for (const p of life.participants) {
    for (const c of p.criticisms) {
      const field = `life.participants.${p.id}.criticisms.${c.id}`;
      const self = (c.criticId !== null && c.criticId === p.memberId) || (!blank(c.criticName) && c.criticName.trim() === p.name.trim());
      if (self) {
        add('LIFE_SELF_CRITICISED', field, `${p.name}收到的批评意见中，批评人是其本人。本人的问题请记入“自我批评”，此处请改为实际提出批评的同志`);
        continue;
      }
      if (blank(c.criticName) && c.criticId === null) continue;
      const presence = criticPresence(m, c.criticId, c.criticName);
      if (presence !== undefined && presence !== 'present') {
        add(
          'LIFE_CRITIC_ABSENT',
          field,
          `批评人“${c.criticName.trim()}”在出席情况中未出席，不能在会上提出批评。请核对出席情况或批评人`,
        );
      }
    }
  }
}

function checkQuorum(m: Meeting, ctx: LifeCheckContext, add: Add): void {
  const c = countAttendance(m.attendance);
  if (c.expected === 0) return;
  const fraction = ctx.settings.democraticLifeQuorumFraction;
  const min = Math.ceil(fraction * c.expected - 1e-9);
  if (c.present < min) {
    const share = Math.abs(fraction - 2 / 3) < 1e-9 ? '三分之二' : `${Math.round(fraction * 1000) / 10}%`;
    add(
      'LIFE_QUORUM_NOT_MET',
      'attendance',
      `到会 ${c.present} 人，未达到应到 ${c.expected} 人的${share}（至少需 ${min} 人），民主生活会不符合到会人数要求。请核对出席情况，人数不足时应另行召开`,
    );
  }
}

function problemUnlinked(p: LifeProblem): boolean {
  return !blank(p.manifestation) && p.rectificationId === null && blank(p.noRectificationReason);
}

function checkAfterMeeting(life: LifeBlock, add: Add): void {
  for (const p of life.participants) checkParticipantAfter(p, add);
  for (const pr of life.committeeProblems) {
    if (problemUnlinked(pr)) {
      add(
        'LIFE_PROBLEM_NOT_RECTIFIED',
        `life.committeeProblems.${pr.id}`,
        '班子查摆的问题尚未列入整改台账，请生成整改事项，或填写不列整改的理由',
      );
    }
  }
}

function checkParticipantAfter(p: LifeParticipant, add: Add): void {
  const field = `life.participants.${p.id}`;
  if (!p.problems.some((x) => !blank(x.manifestation))) {
    add('LIFE_NO_SELF_CRITICISM', field, `${p.name}没有自我批评（查摆问题）记录，请补记其查摆的问题`);
  }
  if (!p.criticisms.some((c) => !blank(c.text))) {
    add('LIFE_NO_CRITICISM_RECEIVED', field, `${p.name}没有收到批评意见的记录，请补记其他同志对其提出的批评`);
  }
  for (const pr of p.problems) {
    if (problemUnlinked(pr)) {
      add(
        'LIFE_PROBLEM_NOT_RECTIFIED',
        `${field}.problems.${pr.id}`,
        `${p.name}查摆的问题尚未列入整改台账，请生成整改事项，或填写不列整改的理由`,
      );
    }
  }
  for (const c of p.criticisms) {
    if (!blank(c.text) && c.rectificationId === null && blank(c.noRectificationReason)) {
      add(
        'LIFE_PROBLEM_NOT_RECTIFIED',
        `${field}.criticisms.${c.id}`,
        `${p.name}收到的批评意见尚未列入整改台账，请生成整改事项，或填写不列整改的理由`,
      );
    }
  }
}

function checkReport(m: Meeting, life: LifeBlock, ctx: LifeCheckContext, held: boolean, what: string, add: Add): void {
  if (life.reportFiledDate) {
    if (life.reportFiledDate < m.date) {
      add('LIFE_REPORT_BEFORE_MEETING', 'life.reportFiledDate', `报送上级的日期 ${life.reportFiledDate} 早于会议日期 ${m.date}，请核对`);
    }
    return;
  }
  if (!held || !ctx.today) return;
  const days = ctx.settings.lifeReportDeadlineDays;
  const due = addDays(m.date, days);
  if (ctx.today > due) {
    add(
      'LIFE_REPORT_OVERDUE',
      'life.reportFiledDate',
      `会后 ${days} 天内应向上级党组织报送${what}情况（截止 ${due}），目前尚未记录报送日期。已报送的请填写报送日期`,
    );
  }
}
