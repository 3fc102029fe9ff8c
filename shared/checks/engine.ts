/**
 * The checks engine (domain §5.2 checks 1–42): one pure function from records, settings and
 * "today" to (a) the obligation grid organisation × obligation × period and (b) findings, each
 * a Chinese message that says what to do.
 *
 * Fast by construction: records are indexed once by organisation / obligation / period (one pass
 * each); no check compares every record with every other one. 100 branches × one year runs in
 * well under 500 ms (tests/bench/dashboard.bench.test.ts).
 *
 * Calendar rules:
 *  - 支委会 monthly, only for branches with a committee (≥ 3 seats in the month);
 *  - 党员大会 quarterly; 党小组会 monthly per 党小组; 主题党日 monthly (+ drift, check 6);
 *  - 党课 per settings.lectureFrequency; the 书记's own 党课 yearly (check 5);
 *  - 组织生活会, 民主评议 yearly by 年度 (a January meeting of 年度 2025 counts for 2025), due by the
 *    end of settings.annualRoundLastMonth of the next year; 民主生活会 yearly for 机关党委-level
 *    organisations when settings.democraticLifeRequired;
 *  - a 主题党日 counts also for each type in themeDay.alsoCounts (check 9), once per obligation.
 */
import {
  DEFAULT_UNIT_SETTINGS,
  MEETING_TYPE_SHORT,
  PARTY_MEMBER_STATUSES,
  type Appraisal,
  type AppraisalGrade,
  type Meeting,
  type MeetingType,
  type Member,
  type Organisation,
  type Rectification,
  type UnitSettings,
} from '../model';
import { countAttendance } from '../rules/attendance';
import { fractionToRatio } from '../rules/quorum';
import { checkMeeting, secretaryIdsOn, type MeetingIssueCode } from '../rules/meetingChecks';
import { LECTURE_RULES, type CheckSettings } from './checkSettings';
import { cnDate, periodKeyOf, periodsOfYear, type Period, type PeriodKind } from './periods';
import { partyMembersOn, seatsDuring, seatsOn } from './roster';
import { findTalkGaps } from './talkGaps';
import type { CellState, ChecksInput, ChecksResult, Finding, MeetingFacts, ObligationCell, ObligationId } from './types';
import { addDays, compileCalendar, workingDaysBetween, type CompiledCalendar } from './workCalendar';

export const OBLIGATION_LABELS: Record<ObligationId, string> = {
  committee: '支委会',
  general_assembly: '党员大会',
  group: '党小组会',
  lecture: '党课',
  secretary_lecture: '书记讲党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  appraisal: '民主评议',
  democratic_life: '民主生活会',
};

/** Order of the grid rows and the check each obligation implements. */
export const OBLIGATIONS: readonly { id: ObligationId; checkId: number }[] = [
  { id: 'committee', checkId: 1 },
  { id: 'general_assembly', checkId: 2 },
  { id: 'group', checkId: 3 },
  { id: 'lecture', checkId: 4 },
  { id: 'secretary_lecture', checkId: 5 },
  { id: 'theme_day', checkId: 6 },
  { id: 'life_meeting', checkId: 7 },
  { id: 'appraisal', checkId: 7 },
  { id: 'democratic_life', checkId: 8 },
];

/** Which part of the dashboard a check belongs to. */
export type CheckCategory = 'calendar' | 'attendance' | 'completeness' | 'life' | 'appraisal' | 'rectification' | 'roster' | 'quality';
export function checkCategory(checkId: number): CheckCategory {
  if (checkId <= 9) return 'calendar';
  if (checkId <= 16) return 'attendance';
  if (checkId <= 21) return 'completeness';
  if (checkId <= 28) return 'life';
  if (checkId <= 32) return 'appraisal';
  if (checkId <= 37) return 'rectification';
  if (checkId <= 40) return 'roster';
  return 'quality';
}

/** Facts from a full meeting record. */
export type GridFacts = Pick<MeetingFacts, 'alsoCounts' | 'lecturerMemberId' | 'lecturerName' | 'annualYear'>;

/** The facts the obligation grid takes from a meeting's body (the list row has the rest). */
export function gridFacts(m: Meeting): GridFacts {
  return {
    alsoCounts: m.themeDay?.alsoCounts ?? [],
    lecturerMemberId: m.lecture?.lecturerMemberId ?? null,
    lecturerName: m.lecture?.lecturer ?? '',
    annualYear: m.life?.annualYear ?? null,
  };
}

/** Meeting types whose grid cells depend on GridFacts (主题党日 alsoCounts, 党课 lecturer, 生活会 年度). */
export const GRID_FACT_TYPES: ReadonlySet<MeetingType> = new Set(['theme_day', 'lecture', 'life_meeting', 'democratic_life']);

export function meetingFacts(m: Meeting): MeetingFacts {
  return {
    id: m.id,
    orgId: m.orgId,
    type: m.type,
    date: m.date,
    status: m.status,
    deletedAt: m.deletedAt,
    createdAt: m.createdAt,
    finalisedAt: m.finalisedAt,
    ...gridFacts(m),
    full: m,
  };
}

/** Facts from a meetingIndex-like row (no alsoCounts / lecturer / 年度 known; pass them if you have them). */
export function meetingFactsFromRow(
  row: { id: string; orgId: string; type: MeetingType; date: string; status: MeetingFacts['status']; deletedAt: string | null },
  extra: Partial<MeetingFacts> = {},
): MeetingFacts {
  return { alsoCounts: [], lecturerMemberId: null, lecturerName: '', annualYear: null, ...row, ...extra };
}

const MEETING_OBLIGATION: Partial<Record<MeetingType, ObligationId>> = {
  committee: 'committee',
  general_assembly: 'general_assembly',
  group: 'group',
  lecture: 'lecture',
  theme_day: 'theme_day',
  life_meeting: 'life_meeting',
  democratic_life: 'democratic_life',
};

const ANNUAL: ReadonlySet<ObligationId> = new Set(['life_meeting', 'appraisal', 'democratic_life']);

interface Ctx {
  input: ChecksInput;
  s: CheckSettings;
  unit: UnitSettings;
  today: string;
  cal: CompiledCalendar;
  orgById: Map<string, Organisation>;
  memberById: Map<string, Member>;
  orgLabel: (id: string) => string;
  findings: Finding[];
}

/** Local calendar date of an ISO UTC time. */
function localDate(isoTime: string, offsetMinutes: number): string {
  const t = Date.parse(isoTime);
  if (Number.isNaN(t)) return isoTime.slice(0, 10);
  return new Date(t + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

export function runChecks(input: ChecksInput, settings: CheckSettings, today: string): ChecksResult {
  const orgById = new Map(input.organisations.filter((o) => !o.deletedAt).map((o) => [o.id, o]));
  const memberById = new Map(input.members.map((m) => [m.id, m]));
  const ctx: Ctx = {
    input,
    s: settings,
    unit: input.unit ?? DEFAULT_UNIT_SETTINGS,
    today,
    cal: compileCalendar(input.calendar ?? settings.workCalendar),
    orgById,
    memberById,
    orgLabel: (id) => orgById.get(id)?.name ?? '（已删除的组织）',
    findings: [],
  };
  const wanted = input.orgIds ? new Set(input.orgIds.filter((id) => orgById.has(id))) : new Set(orgById.keys());
  const orgs = [...wanted].map((id) => orgById.get(id)!).sort(treeOrder(orgById));

  const meetings = input.meetings.filter((m) => !m.deletedAt && wanted.has(m.orgId));
  const cells = calendarGrid(ctx, orgs, meetings);
  for (const m of meetings) if (m.full && m.date.startsWith(String(input.year))) meetingChecks(ctx, m, m.full);
  themeDayDrift(ctx, meetings);
  absenceChecks(ctx, orgs, meetings);
  lifeMeetingChecks(ctx, orgs, meetings);
  appraisalChecks(ctx, input.appraisals.filter((a) => !a.deletedAt && wanted.has(a.orgId) && a.annualYear === input.year));
  rectificationChecks(ctx, input.rectifications.filter((r) => !r.deletedAt && wanted.has(r.orgId)));
  rosterChecks(ctx, orgs);
  return { year: input.year, orgIds: orgs.map((o) => o.id), cells, findings: ctx.findings };
}

/** Parents before children, siblings by `order`. */
function treeOrder(byId: Map<string, Organisation>) {
  const path = new Map<string, string>();
  const key = (o: Organisation): string => {
    const k = path.get(o.id);
    if (k !== undefined) return k;
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    const own = `${String(o.order + 1000).padStart(6, '0')}${o.id}`;
    const v = parent && parent.id !== o.id ? `${key(parent)}/${own}` : own;
    path.set(o.id, v);
    return v;
  };
  return (a: Organisation, b: Organisation) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

// ---------------------------------------------------------------- calendar (checks 1–9)

function obligationPeriodKind(id: ObligationId, s: CheckSettings): PeriodKind {
  switch (id) {
    case 'committee':
    case 'group':
    case 'theme_day':
      return 'month';
    case 'general_assembly':
      return 'quarter';
    case 'lecture':
      return LECTURE_RULES[s.lectureFrequency].period;
    default:
      return 'year';
  }
}

function applicableObligations(org: Organisation, s: CheckSettings): ObligationId[] {
  if (org.level === 'group') return ['group'];
  if (org.level === 'branch') return ['committee', 'general_assembly', 'lecture', 'secretary_lecture', 'theme_day', 'life_meeting', 'appraisal'];
  if (org.level === 'party_committee' && s.democraticLifeRequired) return ['democratic_life'];
  return [];
}

/** The day an organisation's obligations start: its earliest known date. */
function orgStart(org: Organisation, firstMeeting: string | undefined): string {
  let d = org.createdAt.slice(0, 10);
  if (org.termStart && org.termStart < d) d = org.termStart;
  if (firstMeeting && firstMeeting < d) d = firstMeeting;
  return d;
}

function calendarGrid(ctx: Ctx, orgs: Organisation[], meetings: readonly MeetingFacts[]): ObligationCell[] {
  const { s, input, today } = ctx;
  const year = input.year;
  // One pass: records per org|obligation|period.
  const held = new Map<string, string[]>();
  const push = (k: string, id: string) => {
    const a = held.get(k);
    if (a) {
      if (!a.includes(id)) a.push(id);
    } else held.set(k, [id]);
  };
  const firstByOrg = new Map<string, string>();
  const dateOf = new Map<string, string>();
  for (const m of meetings) {
    dateOf.set(m.id, m.date);
    const f = firstByOrg.get(m.orgId);
    if (!f || m.date < f) firstByOrg.set(m.orgId, m.date);
    const obligations = new Set<ObligationId>();
    const own = MEETING_OBLIGATION[m.type];
    if (own) obligations.add(own);
    if (m.type === 'theme_day') for (const t of m.alsoCounts) if (MEETING_OBLIGATION[t]) obligations.add(MEETING_OBLIGATION[t]!);
    if (obligations.has('lecture') && isSecretaryLecture(ctx, m)) obligations.add('secretary_lecture');
    for (const o of obligations) {
      const key = ANNUAL.has(o) ? String(m.annualYear ?? Number(m.date.slice(0, 4))) : periodKeyOf(obligationPeriodKind(o, s), m.date);
      push(`${m.orgId}|${o}|${key}`, m.id);
    }
  }
  for (const a of input.appraisals) {
    if (a.deletedAt) continue;
    dateOf.set(a.id, a.date);
    push(`${a.orgId}|appraisal|${a.annualYear}`, a.id);
  }

  const groupsOf = new Map<string, number>();
  for (const m of input.members) if (!m.deletedAt && m.groupId) groupsOf.set(m.groupId, (groupsOf.get(m.groupId) ?? 0) + 1);

  const cells: ObligationCell[] = [];
  const periodCache = new Map<PeriodKind, Period[]>();
  const periods = (k: PeriodKind) => {
    let p = periodCache.get(k);
    if (!p) periodCache.set(k, (p = periodsOfYear(k, year)));
    return p;
  };
  const roundEnd = s.annualRoundLastMonth === 0 ? `${year}-12-31` : new Date(Date.UTC(year + 1, s.annualRoundLastMonth, 0)).toISOString().slice(0, 10);

  for (const org of orgs) {
    const start = orgStart(org, firstByOrg.get(org.id));
    for (const { id: ob, checkId } of OBLIGATIONS) {
      if (!applicableObligations(org, s).includes(ob)) continue;
      const kind = obligationPeriodKind(ob, s);
      const required = ob === 'lecture' ? LECTURE_RULES[s.lectureFrequency].count : 1;
      for (const p of periods(kind)) {
        const ids = held.get(`${org.id}|${ob}|${p.key}`) ?? [];
        // A record dated after today is a plan (e.g. a draft prepared ahead): listed, not yet held.
        const heldCount = ids.filter((id) => (dateOf.get(id) ?? '') <= today).length;
        const due = ANNUAL.has(ob) ? roundEnd : p.to;
        let state: CellState;
        let notApplicable = p.to < start;
        if (ob === 'committee' && !notApplicable) notApplicable = seatsDuring(org, p.from, p.to).length < 3;
        if (ob === 'group' && !notApplicable) notApplicable = !groupsOf.get(org.id) && ids.length === 0;
        if (heldCount >= required) state = 'held';
        else if (notApplicable) state = 'not_applicable';
        else if (today < p.from) state = 'upcoming';
        else if (today > due) state = 'overdue';
        else state = 'missing';
        cells.push({
          orgId: org.id,
          obligation: ob,
          period: p.key,
          periodLabel: p.label,
          from: p.from,
          due,
          state,
          required,
          held: heldCount,
          recordIds: ids,
          recordTable: ob === 'appraisal' ? 'appraisals' : 'meetings',
          checkId,
        });
        if (state === 'overdue') {
          ctx.findings.push({
            checkId,
            code: 'CALENDAR_MISSING',
            severity: 'warning',
            orgId: org.id,
            period: p.key,
            message: calendarMessage(ctx, org, ob, p, heldCount, required),
          });
        }
      }
    }
  }
  return cells;
}

function calendarMessage(ctx: Ctx, org: Organisation, ob: ObligationId, p: Period, heldCount: number, required: number): string {
  const name = org.name;
  const what = OBLIGATION_LABELS[ob];
  const count = required > 1 ? `（要求 ${required} 次，已记录 ${heldCount} 次）` : '';
  if (ob === 'secretary_lecture') {
    return `${name}${p.label}没有书记本人讲党课的记录。支部书记每年至少讲 1 次党课；如已讲授，请在党课记录中把主讲人选为书记`;
  }
  if (ob === 'appraisal') return `${name}${p.label}民主评议党员尚未记录。请开展民主评议并在“民主评议”中登记`;
  if (ANNUAL.has(ob)) return `${name}${p.label}${what}尚未记录。年度${what}最迟应在次年${ctx.s.annualRoundLastMonth || 12}月底前召开；如已召开，请补录并注明所属年度`;
  return `${name}${p.label}没有${what}记录${count}。如已召开，请补录；如未召开，请在下一期尽早安排`;
}

function isSecretaryLecture(ctx: Ctx, m: MeetingFacts): boolean {
  const org = ctx.orgById.get(m.orgId);
  if (!org) return false;
  const ids = secretaryIdsOn(org, m.date);
  if (m.lecturerMemberId) return ids.includes(m.lecturerMemberId);
  const name = m.lecturerName.trim();
  return !!name && ids.some((id) => ctx.memberById.get(id)?.name.trim() === name);
}

function themeDayDrift(ctx: Ctx, meetings: readonly MeetingFacts[]): void {
  const { s } = ctx;
  if (!s.themeDayWindowEnabled) return;
  for (const m of meetings) {
    if (m.type !== 'theme_day' || !m.date.startsWith(String(ctx.input.year))) continue;
    const day = Number(m.date.slice(8, 10));
    if (day < s.themeDayFromDay || day > s.themeDayToDay) {
      ctx.findings.push({
        checkId: 6,
        code: 'THEME_DAY_DRIFT',
        severity: 'info',
        orgId: m.orgId,
        period: m.date.slice(0, 7),
        recordRef: { table: 'meetings', id: m.id },
        message: `${ctx.orgLabel(m.orgId)}${cnDate(m.date)}的主题党日不在本单位确定的每月 ${s.themeDayFromDay}–${s.themeDayToDay} 日内。主题党日应相对固定，如确需调整请在记录中说明原因`,
      });
    }
  }
}

// ---------------------------------------------------------------- one meeting (checks 10–21)

const ISSUE_CHECK: Partial<Record<MeetingIssueCode, number>> = {
  ASSEMBLY_QUORUM_NOT_MET: 10,
  VOTE_NOT_PASSED: 10,
  COMMITTEE_NO_MEMBERS: 11,
  COMMITTEE_QUORUM_NOT_MET: 11,
  ELECTION_QUORUM_NOT_MET: 12,
  VOTE_NO_VOTERS: 14,
  VOTE_EXCEEDS_PRESENT: 14,
  VOTE_WRITTEN_EXCEEDS_ABSENT: 14,
  VOTE_WRITTEN_NOT_COUNTED: 14,
  VOTE_EMPTY: 18,
  LOW_ATTENDANCE: 15,
  ABSENCE_REASON_MISSING: 16,
  ATTENDANCE_DUPLICATE: 16,
  ATTENDANCE_SAME_NAME: 16,
  ATTENDEE_NOT_PARTY_MEMBER: 16,
  REQUIRED_ATTENDEE: 16,
  REQUIRED_DATE: 17,
  REQUIRED_PLACE: 17,
  REQUIRED_CHAIR: 17,
  REQUIRED_RECORDER: 17,
  REQUIRED_AGENDA: 17,
  AGENDA_TITLE_MISSING: 17,
  END_NOT_AFTER_START: 17,
  LECTURE_LECTURER_MISSING: 17,
  LECTURE_TOPIC_MISSING: 17,
  THEME_DAY_THEME_MISSING: 17,
  SEQ_DUPLICATE: 17,
  CHAIR_NOT_SECRETARY: 21,
  CHAIR_SECRETARY_UNKNOWN: 21,
};

function meetingTitle(ctx: Ctx, m: Pick<Meeting, 'orgId' | 'type' | 'date'>): string {
  return `${ctx.orgLabel(m.orgId)}${cnDate(m.date)}${MEETING_TYPE_SHORT[m.type]}`;
}

function meetingChecks(ctx: Ctx, facts: MeetingFacts, m: Meeting): void {
  const org = ctx.orgById.get(m.orgId);
  if (!org) return;
  const unit = ctx.unit;
  const title = meetingTitle(ctx, m);
  const ref = { table: 'meetings' as const, id: m.id };
  const add = (checkId: number, code: string, severity: Finding['severity'], message: string, memberId?: string) =>
    ctx.findings.push({ checkId, code, severity, orgId: m.orgId, period: m.date.slice(0, 7), recordRef: ref, memberId, message: `${title}：${message}` });

  for (const issue of checkMeeting(m, { org, settings: unit })) {
    const checkId = ISSUE_CHECK[issue.code];
    if (!checkId) continue;
    const memberId = issue.field.startsWith('attendance.') ? m.attendance.find((a) => issue.field.startsWith(`attendance.${a.id}`))?.memberId ?? undefined : undefined;
    // One meeting's low attendance is the editor's warning; across a year it is a hint (the
    // members absent often or for months get their own findings below).
    add(checkId, issue.code, issue.code === 'LOW_ATTENDANCE' ? 'info' : issue.severity, issue.message, memberId);
  }

  // 13: 民主生活会 attendance.
  if (m.type === 'democratic_life') {
    const c = countAttendance(m.attendance);
    const { num, den } = fractionToRatio(ctx.unit.democraticLifeQuorumFraction);
    if (c.expected > 0 && c.present * den < num * c.expected) {
      add(13, 'DEMOCRATIC_LIFE_ATTENDANCE', 'warning', `到会 ${c.present} 人，不足应到 ${c.expected} 人的 ${Math.round(ctx.unit.democraticLifeQuorumFraction * 1000) / 10}%。民主生活会应保证班子成员到会，请核对出席情况或另行补开`);
    }
  }
  // 18: decisions of 支委会 / 党员大会.
  if ((m.type === 'committee' || m.type === 'general_assembly') && m.agenda.length > 0 && m.agenda.every((a) => a.decisions.length === 0)) {
    add(18, 'NO_DECISIONS', 'info', '没有记录任何决定事项。支委会、党员大会研究的事项应记录决定（含责任人和时限），如确无决定可忽略本提示');
  }
  // 19: signatures of 定稿 records.
  if (m.status === 'final' && (!m.chairSigned || !m.recorderSigned)) {
    const who = [!m.chairSigned ? '主持人' : '', !m.recorderSigned ? '记录人' : ''].filter(Boolean).join('、');
    add(19, 'SIGNATURE_MISSING', 'warning', `${who}尚未签字。请打印后由${who}签字，并在记录中勾选“已签字”`);
  }
  // 20: 补录 and records still not 定稿.
  const n = ctx.s.writeUpLatencyWorkingDays;
  const tz = ctx.input.tzOffsetMinutes ?? 0;
  if (facts.createdAt) {
    const created = localDate(facts.createdAt, tz);
    const late = workingDaysBetween(ctx.cal, m.date, created);
    if (late > n) {
      add(20, 'LATE_ENTRY', 'info', `记录于 ${cnDate(created)} 录入，晚于会议 ${late} 个工作日，标记为补录（要求 ${n} 个工作日内）。补录的记录照常有效，标记不会隐藏`);
    }
  }
  if (m.status === 'draft' && m.date <= ctx.today) {
    const open = workingDaysBetween(ctx.cal, m.date, ctx.today);
    if (open > n) add(20, 'NOT_FINALISED', 'warning', `会后已过 ${open} 个工作日仍是草稿。请核对后定稿（要求 ${n} 个工作日内完成记录）`);
  }
}

// ---------------------------------------------------------------- absences (check 15, members)

function absenceChecks(ctx: Ctx, orgs: Organisation[], meetings: readonly MeetingFacts[]): void {
  const { s, input } = ctx;
  const wantedBranches = new Set(orgs.filter((o) => o.level === 'branch').map((o) => o.id));
  // member → month → 'present' | 'absent'; and absences per member in the year.
  const months = new Map<string, Map<string, boolean>>();
  const absentCount = new Map<string, { n: number; orgId: string }>();
  const yearStr = String(input.year);
  for (const f of meetings) {
    const m = f.full;
    if (!m || f.date > ctx.today) continue;
    const month = f.date.slice(0, 7);
    for (const a of m.attendance) {
      if (a.kind !== 'member' || !a.memberId) continue;
      let mm = months.get(a.memberId);
      if (!mm) months.set(a.memberId, (mm = new Map()));
      const here = a.presence === 'present';
      mm.set(month, (mm.get(month) ?? false) || here);
      if (!here && f.date.startsWith(yearStr)) {
        const c = absentCount.get(a.memberId) ?? { n: 0, orgId: m.orgId };
        c.n++;
        absentCount.set(a.memberId, c);
      }
    }
  }
  for (const [memberId, mm] of months) {
    const member = ctx.memberById.get(memberId);
    if (!member || member.deletedAt || !wantedBranches.has(member.branchId)) continue;
    if (!PARTY_MEMBER_STATUSES.includes(member.status) || !['normal', 'probation_sanction'].includes(member.standing)) continue;
    // Consecutive months, counting only months in which the member was on some attendance list.
    const keys = [...mm.keys()].sort();
    let run = 0;
    let runStart = '';
    let best = 0;
    let bestStart = '';
    let bestEnd = '';
    for (const k of keys) {
      if (mm.get(k)) {
        run = 0;
        continue;
      }
      if (run === 0) runStart = k;
      run++;
      if (run > best) {
        best = run;
        bestStart = runStart;
        bestEnd = k;
      }
    }
    if (best >= s.consecutiveAbsenceMonths && bestEnd >= `${yearStr}-01`) {
      ctx.findings.push({
        checkId: 15,
        code: 'ABSENT_MONTHS',
        severity: 'warning',
        orgId: member.branchId,
        memberId,
        message: `${member.name}（${ctx.orgLabel(member.branchId)}）自${monthLabel(bestStart)}至${monthLabel(bestEnd)}连续 ${best} 个月未参加组织生活。按党章第九条，无正当理由连续 6 个月不参加党的组织生活视为自行脱党，请尽快谈话了解情况并记录`,
      });
    }
    const c = absentCount.get(memberId);
    if (c && c.n >= s.absenceCountWarn) {
      ctx.findings.push({
        checkId: 15,
        code: 'ABSENT_OFTEN',
        severity: 'info',
        orgId: member.branchId,
        memberId,
        message: `${member.name}（${ctx.orgLabel(member.branchId)}）${yearStr}年缺席或请假 ${c.n} 次。请了解原因，必要时谈心谈话`,
      });
    }
  }
}

function monthLabel(key: string): string {
  return `${Number(key.slice(0, 4))}年${Number(key.slice(5, 7))}月`;
}

// ---------------------------------------------------------------- 组织生活会 (checks 22–28, 41–42)

const PRAISE_AS_CRITICISM = ['太拼', '注意身体', '不注意休息', '注意休息', '工作太投入', '过于认真', '要求太高', '太严格', '加班太多', '不顾家'];

function lifeMeetingChecks(ctx: Ctx, orgs: Organisation[], meetings: readonly MeetingFacts[]): void {
  const { s, input, today } = ctx;
  const year = input.year;
  const byOrg = new Map<string, MeetingFacts[]>();
  for (const m of meetings) {
    if (m.type !== 'life_meeting' && m.type !== 'democratic_life') continue;
    if ((m.annualYear ?? Number(m.date.slice(0, 4))) !== year) continue;
    const a = byOrg.get(m.orgId) ?? [];
    a.push(m);
    byOrg.set(m.orgId, a);
  }
  const talksByOrg = new Map<string, ChecksInput['talks'][number][]>();
  for (const t of input.talks) {
    if (t.deletedAt) continue;
    const a = talksByOrg.get(t.orgId) ?? [];
    a.push(t);
    talksByOrg.set(t.orgId, a);
  }
  const openLastYear = new Map<string, number>();
  for (const r of input.rectifications) {
    if (!r.deletedAt && r.annualYear === year - 1 && r.status !== 'done' && r.status !== 'closed') openLastYear.set(r.orgId, (openLastYear.get(r.orgId) ?? 0) + 1);
  }

  for (const org of orgs) {
    if (org.level !== 'branch' && org.level !== 'party_committee') continue;
    const list = (byOrg.get(org.id) ?? []).sort((a, b) => a.date.localeCompare(b.date));
    // 24: talk coverage before the 组织生活会 of this 年度, once it is scheduled (a record exists,
    // often a draft prepared ahead); before that the grid already says it is still to be held.
    if (org.level === 'branch') {
      const meeting = list.find((m) => m.type === 'life_meeting');
      const ref = meeting?.date;
      if (meeting && ref) {
        const from = addDays(ref, -ctx.unit.talkWindowDays);
        const gaps = findTalkGaps(org, input.members, talksByOrg.get(org.id) ?? [], from, ref);
        const when = `${cnDate(meeting.date)}组织生活会前 ${ctx.unit.talkWindowDays} 天内`;
        for (const g of gaps) {
          const a = ctx.memberById.get(g.memberId)?.name ?? '';
          const b = g.otherMemberId ? ctx.memberById.get(g.otherMemberId)?.name ?? '' : '';
          const message =
            g.kind === 'secretary'
              ? `${org.name}：书记${a}${when}尚未与${b}谈心谈话。组织生活会前书记应与每名支委、党员谈心谈话`
              : g.kind === 'committee'
                ? `${org.name}：支委${a}与${b}${when}尚未相互谈心谈话。支委之间应相互谈`
                : `${org.name}：党员${a}${when}没有与其他党员谈心谈话的记录。倡导党员之间相互谈`;
          ctx.findings.push({
            checkId: 24,
            code: 'TALK_GAP',
            severity: 'warning',
            orgId: org.id,
            period: String(year),
            recordRef: { table: 'meetings', id: meeting.id },
            memberId: g.memberId,
            otherMemberId: g.otherMemberId,
            message,
          });
        }
      }
    }
    for (const f of list) {
      const m = f.full;
      if (!m?.life) continue;
      const life = m.life;
      const title = meetingTitle(ctx, m);
      const ref = { table: 'meetings' as const, id: m.id };
      const add = (checkId: number, code: string, severity: Finding['severity'], message: string, memberId?: string) =>
        ctx.findings.push({ checkId, code, severity, orgId: m.orgId, period: String(year), recordRef: ref, memberId, message: `${title}：${message}` });
      const prep = (kind: 'study' | 'opinions') => life.preparation.find((p) => p.kind === kind);
      const study = prep('study');
      if (!study || (!study.done && study.links.length === 0)) add(22, 'PREP_STUDY', 'warning', '会前学习尚未记录。请组织会前学习，并在“会前准备”中登记或关联学习记录');
      const opinions = prep('opinions');
      if (!opinions || (!opinions.done && opinions.links.length === 0)) add(23, 'PREP_OPINIONS', 'warning', '征求意见尚未记录。请通过座谈、谈话或征求意见表广泛征求意见，并在“会前准备”中登记');
      // 25: papers.
      if (!life.committeePaperReady) add(25, 'PAPER_COMMITTEE', 'warning', `${m.type === 'democratic_life' ? '领导班子' : '支部班子'}对照检查材料尚未完成，请书记牵头起草`);
      for (const p of life.participants) {
        if (p.paperReady) continue;
        const doc = p.role === 'member' ? '发言提纲' : '对照检查材料';
        add(25, 'PAPER_PERSONAL', 'warning', `${p.name}的${doc}尚未准备，请提醒本人在会前完成`, p.memberId ?? undefined);
      }
      // 26: last year's rectification report.
      const open = openLastYear.get(m.orgId) ?? 0;
      if (open > 0 && !life.lastYearReport.trim()) add(26, 'LAST_YEAR_REPORT', 'warning', `上年度整改事项还有 ${open} 项未完成，会上应通报上年度整改落实情况，请在“上年度整改落实情况”中说明`);
      // 27: after the meeting.
      if (m.date <= today) {
        for (const p of life.participants) {
          if (p.problems.length === 0) add(27, 'NO_SELF_CRITICISM', 'warning', `${p.name}没有记录自我批评（查摆问题），请补充`, p.memberId ?? undefined);
          if (p.criticisms.length === 0) add(27, 'NO_CRITICISM', 'warning', `${p.name}没有收到批评意见的记录。每名同志都应接受批评，请核对会议记录`, p.memberId ?? undefined);
          const loose = p.problems.filter((x) => !x.rectificationId && !x.noRectificationReason.trim()).length;
          if (loose > 0) add(27, 'PROBLEM_NO_RECTIFICATION', 'warning', `${p.name}查摆的 ${loose} 个问题没有对应整改事项，请列入整改清单或写明不列入的理由`, p.memberId ?? undefined);
        }
        const looseCommittee = life.committeeProblems.filter((x) => !x.rectificationId && !x.noRectificationReason.trim()).length;
        if (looseCommittee > 0) add(27, 'PROBLEM_NO_RECTIFICATION', 'warning', `班子查摆的 ${looseCommittee} 个问题没有对应整改事项，请列入整改清单或写明不列入的理由`);
        // 28: report to the higher organisation.
        const days = ctx.unit.lifeReportDeadlineDays;
        const deadline = addDays(m.date, days);
        if (!life.reportFiledDate) {
          if (today > deadline) add(28, 'REPORT_OVERDUE', 'warning', `会后 ${days} 天内应向上级党组织报送情况报告（截止 ${cnDate(deadline)}），尚未登记报送日期。请报送后在记录中填写报送日期`);
          else add(28, 'REPORT_DUE', 'info', `请在 ${cnDate(deadline)} 前向上级党组织报送情况报告，报送后在记录中填写报送日期`);
        } else if (life.reportFiledDate > deadline) {
          add(28, 'REPORT_LATE', 'info', `情况报告于 ${cnDate(life.reportFiledDate)} 报送，晚于 ${days} 天的要求`);
        }
      }
      if (s.showQualityHints) qualityHints(ctx, m, add);
    }
  }
}

/** Checks 41–42: gentle hints. Messages name people only, never quote the texts. */
function qualityHints(ctx: Ctx, m: Meeting, add: (checkId: number, code: string, severity: Finding['severity'], message: string, memberId?: string) => void): void {
  const life = m.life!;
  for (const p of life.participants) {
    for (const c of p.criticisms) {
      if (PRAISE_AS_CRITICISM.some((w) => c.text.includes(w))) {
        add(42, 'PRAISE_AS_CRITICISM', 'info', `${c.criticName || '有同志'}对${p.name}提的批评意见读起来更像表扬（如“太拼、不注意身体”）。批评应指向具体问题，可请提出人再斟酌`, p.memberId ?? undefined);
        break;
      }
    }
  }
  // 41: near-identical self-criticism between two participants (character bigram overlap).
  const sigs = life.participants.map((p) => ({ p, grams: bigrams(p.problems.map((x) => x.manifestation).join('')) })).filter((x) => x.grams.size >= 20);
  if (sigs.length > 60) return; // pairwise is fine for a branch; skip pathological sizes.
  for (let i = 0; i < sigs.length; i++) {
    for (let j = i + 1; j < sigs.length; j++) {
      if (jaccard(sigs[i].grams, sigs[j].grams) >= 0.8) {
        add(41, 'SIMILAR_SELF_CRITICISM', 'info', `${sigs[i].p.name}与${sigs[j].p.name}的查摆问题内容高度相似。自我批评应结合本人实际，可提醒两位同志各自修改`);
      }
    }
  }
}

function bigrams(text: string): Set<string> {
  const t = text.replace(/\s+/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

// ---------------------------------------------------------------- 民主评议 (checks 29–32)

function majorityGrade(v: Appraisal['entries'][number]['votes']): AppraisalGrade | null {
  const order: AppraisalGrade[] = ['excellent', 'qualified', 'basic', 'unqualified'];
  let best: AppraisalGrade | null = null;
  let bestN = 0;
  let tie = false;
  for (const g of order) {
    if (v[g] > bestN) {
      best = g;
      bestN = v[g];
      tie = false;
    } else if (v[g] === bestN && bestN > 0) tie = true;
  }
  return tie ? null : best;
}

function appraisalChecks(ctx: Ctx, appraisals: readonly Appraisal[]): void {
  for (const a of appraisals) {
    const title = `${ctx.orgLabel(a.orgId)}${a.annualYear}年度民主评议`;
    const ref = { table: 'appraisals' as const, id: a.id };
    const add = (checkId: number, code: string, severity: Finding['severity'], message: string, memberId?: string | null) =>
      ctx.findings.push({ checkId, code, severity, orgId: a.orgId, period: String(a.annualYear), recordRef: ref, memberId: memberId ?? undefined, message: `${title}：${message}` });
    let graded = 0;
    let excellent = 0;
    for (const e of a.entries) {
      const probationary = e.status === 'probationary';
      if (!probationary && e.status !== 'full') continue;
      if (!e.selfDone) add(29, 'NO_SELF_APPRAISAL', 'warning', `${e.name}尚未完成个人自评`, e.memberId);
      if (e.peerComments.length === 0) add(29, 'NO_PEER_APPRAISAL', 'warning', `${e.name}没有党员互评记录`, e.memberId);
      const votes = e.votes.excellent + e.votes.qualified + e.votes.basic + e.votes.unqualified;
      if (votes === 0) add(29, 'NO_TALLY', 'warning', `${e.name}没有民主测评票数`, e.memberId);
      if (probationary) {
        if (e.finalGrade) add(29, 'PROBATIONARY_GRADED', 'error', `${e.name}是预备党员，参加评议但不确定等次，请清除其评定等次`, e.memberId);
      } else if (!e.finalGrade) {
        add(29, 'NO_FINAL_GRADE', 'warning', `${e.name}尚未评定等次，请由支委会或党员大会评定`, e.memberId);
      } else {
        graded++;
        if (e.finalGrade === 'excellent') excellent++;
        const majority = majorityGrade(e.votes);
        if (majority && majority !== e.finalGrade && !e.gradeReason.trim()) {
          add(30, 'GRADE_REASON_MISSING', 'warning', `${e.name}的评定等次与测评多数票不一致，请写明评定理由`, e.memberId);
        }
        if ((e.finalGrade === 'basic' || e.finalGrade === 'unqualified') && !e.followUp.trim()) {
          add(31, 'NO_FOLLOW_UP', 'warning', `${e.name}评为${e.finalGrade === 'basic' ? '基本合格' : '不合格'}，请记录处置措施（指出差距、帮扶计划或组织处置）`, e.memberId);
        }
        if (!e.feedbackDate) add(32, 'NO_FEEDBACK', 'info', `尚未记录向${e.name}反馈评议结果，请反馈后填写反馈时间和反馈人`, e.memberId);
      }
    }
    const { num, den } = fractionToRatio(ctx.s.excellentMaxFraction);
    if (graded > 0 && excellent * den > num * graded) {
      add(30, 'TOO_MANY_EXCELLENT', 'warning', `评为优秀 ${excellent} 人，超过参加评定人数 ${graded} 人的 ${Math.round(ctx.s.excellentMaxFraction * 1000) / 10}%，请核实`);
    }
  }
}

// ---------------------------------------------------------------- 整改台账 (checks 33–37)

export function isRectificationOpen(r: Pick<Rectification, 'status'>): boolean {
  return r.status !== 'done' && r.status !== 'closed';
}

/** 逾期 (check 33): computed, never stored. */
export function isRectificationOverdue(r: Pick<Rectification, 'status' | 'deadline' | 'deadlineKind'>, today: string): boolean {
  return isRectificationOpen(r) && r.deadlineKind !== 'ongoing' && !!r.deadline && r.deadline < today;
}

function rectificationChecks(ctx: Ctx, items: readonly Rectification[]): void {
  const { today, input } = ctx;
  const carried = new Set(items.map((r) => r.carriedFromId).filter((x): x is string => !!x));
  const staleFrom = addDays(today, -ctx.unit.rectificationStaleDays);
  for (const r of items) {
    const short = r.problem.length > 24 ? `${r.problem.slice(0, 24)}…` : r.problem;
    const title = `${ctx.orgLabel(r.orgId)}整改事项“${short}”`;
    const add = (checkId: number, code: string, severity: Finding['severity'], message: string) =>
      ctx.findings.push({ checkId, code, severity, orgId: r.orgId, period: String(r.annualYear), recordRef: { table: 'rectifications', id: r.id }, memberId: r.ownerId ?? undefined, message: `${title}：${message}` });
    const open = isRectificationOpen(r);
    if (isRectificationOverdue(r, today)) add(33, 'RECTIFICATION_OVERDUE', 'error', `已超过完成时限（${cnDate(r.deadline!)}）仍未完成。请督促责任人${r.ownerName ? `${r.ownerName}` : ''}抓紧整改，或经研究后调整时限并记录原因`);
    if (open && !r.ownerName.trim()) add(34, 'NO_OWNER', 'warning', '没有责任人，请明确责任人');
    if (open && r.deadlineKind === 'by_date' && !r.deadline) add(34, 'NO_DEADLINE', 'warning', '限期整改但没有完成时限，请填写完成时限');
    if (open && r.raisedDate < staleFrom) {
      const last = r.progress.reduce((acc, p) => (p.date > acc ? p.date : acc), '');
      if (!last || last < staleFrom) {
        add(35, 'RECTIFICATION_STALE', 'warning', `${last ? `最近一次进展是 ${cnDate(last)}` : '一直没有进展记录'}，已超过 ${ctx.unit.rectificationStaleDays} 天。请了解整改情况并登记进展`);
      }
    }
    if (r.status === 'closed' && (!r.evidence.trim() || !r.closedBy.trim())) {
      add(36, 'CLOSED_WITHOUT_EVIDENCE', 'warning', `已销号但${!r.evidence.trim() ? '没有佐证材料' : ''}${!r.evidence.trim() && !r.closedBy.trim() ? '、' : ''}${!r.closedBy.trim() ? '没有销号审核人' : ''}，请补充`);
    }
    if (open && r.annualYear < input.year && !carried.has(r.id)) {
      add(37, 'CARRY_OVER', 'info', `是${r.annualYear}年度未完成事项，应在${input.year}年度组织生活会上通报进展，并转入本年度整改台账`);
    }
  }
}

// ---------------------------------------------------------------- roster and pipeline (checks 38–40)

function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const ny = y + Math.floor(m / 12);
  const nm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${ny}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function rosterChecks(ctx: Ctx, orgs: Organisation[]): void {
  const { today, s, input } = ctx;
  const branches = orgs.filter((o) => o.level === 'branch');
  const branchSet = new Set(branches.map((b) => b.id));
  const groupsOfBranch = new Map<string, number>();
  for (const o of ctx.orgById.values()) if (o.level === 'group' && o.parentId) groupsOfBranch.set(o.parentId, (groupsOfBranch.get(o.parentId) ?? 0) + 1);
  // Contact of mobile members in the last year: a talk with them.
  const contacted = new Set<string>();
  const yearAgo = addMonths(today, -12);
  for (const t of input.talks) {
    if (t.deletedAt || t.date < yearAgo || t.date > today) continue;
    if (t.interviewer.memberId) contacted.add(t.interviewer.memberId);
    for (const p of t.interviewees) if (p.memberId) contacted.add(p.memberId);
  }

  for (const m of input.members) {
    if (m.deletedAt || !branchSet.has(m.branchId) || !['normal', 'probation_sanction'].includes(m.standing)) continue;
    const add = (checkId: number, code: string, severity: Finding['severity'], message: string) =>
      ctx.findings.push({ checkId, code, severity, orgId: m.branchId, recordRef: { table: 'members', id: m.id }, memberId: m.id, message });
    const where = ctx.orgLabel(m.branchId);
    if (m.status === 'probationary') {
      const from = [...m.statusHistory].filter((x) => x.status === 'probationary').sort((a, b) => b.from.localeCompare(a.from))[0]?.from ?? m.joinDate;
      if (from) {
        const due = addMonths(from, s.probationMonths);
        if (due < today) add(38, 'PROBATION_OVERDUE', 'warning', `预备党员${m.name}（${where}）预备期已于 ${cnDate(due)} 届满。请及时召开支部党员大会讨论转正（延长预备期的，请在花名册中登记）`);
        else if (due <= addDays(today, s.probationReminderDays)) add(38, 'PROBATION_DUE', 'info', `预备党员${m.name}（${where}）预备期将于 ${cnDate(due)} 届满。请提前安排转正谈话和支委会审查，届满时召开党员大会讨论转正`);
      }
    }
    if (m.status === 'activist' && m.activistDate) {
      const eligible = addMonths(m.activistDate, s.activistMonths);
      if (eligible <= today) add(38, 'ACTIVIST_ELIGIBLE', 'info', `入党积极分子${m.name}（${where}）培养考察已满 ${Math.round(s.activistMonths / 12 * 10) / 10} 年，可经支委会研究列为发展对象`);
    }
    if (m.isMobile && PARTY_MEMBER_STATUSES.includes(m.status) && !contacted.has(m.id)) {
      add(39, 'MOBILE_NO_REPORT', 'info', `流动党员${m.name}（${where}）近一年没有谈话或联系记录。流动党员每年至少向党支部报告一次，请联系本人并记录`);
    }
    if (groupsOfBranch.get(m.branchId) && !m.groupId && PARTY_MEMBER_STATUSES.includes(m.status)) {
      add(39, 'NO_GROUP', 'warning', `${m.name}（${where}）还没有编入党小组。本支部设有党小组，请在花名册中分配`);
    }
  }

  for (const b of branches) {
    const add = (code: string, severity: Finding['severity'], message: string) =>
      ctx.findings.push({ checkId: 40, code, severity, orgId: b.id, recordRef: { table: 'organisations', id: b.id }, message });
    const seats = seatsOn(b, today);
    const full = partyMembersOn(input.members, b, today).filter((x) => x.status === 'full').length;
    if (!seats.some((x) => x.role === 'secretary')) add('NO_SECRETARY', 'warning', `${b.name}没有登记在任书记，请在组织架构中登记`);
    const termEnd = b.termEnd ?? (b.termStart ? addDays(addMonths(b.termStart, s.committeeTermYears * 12), -1) : undefined);
    if (termEnd) {
      if (termEnd < today) add('TERM_EXPIRED', 'warning', `${b.name}支部委员会任期已于 ${cnDate(termEnd)} 届满，应按期换届（推迟换届须经上级党组织批准）`);
      else if (termEnd <= addDays(today, s.termReminderDays)) add('TERM_EXPIRING', 'info', `${b.name}支部委员会任期将于 ${cnDate(termEnd)} 届满，请提前向上级党组织请示换届`);
    }
    if (full >= 7 && seats.length < 3) add('COMMITTEE_REQUIRED', 'warning', `${b.name}有正式党员 ${full} 人，按规定应设立支部委员会（3–5 人），目前登记的支委 ${seats.length} 人`);
  }
}
