/**
 * 整改台账 rules (domain §3.5, §5.2 items 33–37): the computed 逾期 status, the checks on one
 * item, the ledger tallies, and the facts of the 上年度整改落实情况通报.
 *
 * Nothing here writes prose for the secretary: `carryOverReport` returns facts and a text block
 * made only of those facts (counts, the items' own fields) for the secretary to edit.
 */
import {
  DEADLINE_KIND_LABELS,
  RECTIFICATION_LIST_KIND_LABELS,
  RECTIFICATION_STATUS_LABELS,
  type DeadlineKind,
  type Rectification,
  type RectificationFields,
  type RectificationListKind,
  type RectificationStatus,
} from '../model';
import { blank, daysBetween, issueCollector, type RuleIssue } from './issues';

/** Stored status, or 逾期 computed from the deadline. */
export type EffectiveStatus = RectificationStatus | 'overdue';
export const EFFECTIVE_STATUSES: readonly EffectiveStatus[] = ['not_started', 'in_progress', 'overdue', 'done', 'closed'];

/** The fields the rules read (a stored item or a form draft). */
export type RectificationLike = Pick<
  RectificationFields,
  | 'listKind'
  | 'personName'
  | 'problem'
  | 'measures'
  | 'ownerName'
  | 'raisedDate'
  | 'deadlineKind'
  | 'deadline'
  | 'progress'
  | 'status'
  | 'closedDate'
  | 'closedBy'
  | 'evidence'
  | 'closedWithoutEvidence'
>;

/** 已完成 / 已销号 items are finished; everything else is open. */
export function isOpen(item: Pick<RectificationFields, 'status'>): boolean {
  return item.status !== 'done' && item.status !== 'closed';
}

/** Check 33: a deadline before today and the item still open. No deadline → never overdue. */
export function isOverdue(item: Pick<RectificationFields, 'status' | 'deadline'>, today: string): boolean {
  return isOpen(item) && !!item.deadline && item.deadline < today;
}

export function effectiveStatus(item: Pick<RectificationFields, 'status' | 'deadline'>, today: string): EffectiveStatus {
  return isOverdue(item, today) ? 'overdue' : item.status;
}

/** Date of the latest progress entry, if any. */
export function lastProgressDate(item: Pick<RectificationFields, 'progress'>): string | null {
  let last: string | null = null;
  for (const p of item.progress) if (last === null || p.date > last) last = p.date;
  return last;
}

/** 时限 as printed: 限期整改（2025-06-30）/ 立行立改 / 长期坚持. */
export function deadlineText(item: Pick<RectificationFields, 'deadlineKind' | 'deadline'>): string {
  const kind = DEADLINE_KIND_LABELS[item.deadlineKind];
  return item.deadline ? `${kind}（${item.deadline}前）` : kind;
}

export const RECTIFICATION_ISSUE_SEVERITY = {
  PROBLEM_MISSING: 'error',
  DEADLINE_MISSING: 'error',
  DEADLINE_BEFORE_RAISED: 'error',
  CLOSED_WITHOUT_APPROVER: 'error',
  CLOSED_WITHOUT_DATE: 'error',
  CLOSED_BEFORE_RAISED: 'error',
  OWNER_MISSING: 'warning',
  PERSON_MISSING: 'warning',
  MEASURES_MISSING: 'warning',
  OVERDUE: 'warning',
  CLOSED_WITHOUT_EVIDENCE: 'warning',
  NO_RECENT_PROGRESS: 'warning',
} as const;
export type RectificationIssueCode = keyof typeof RECTIFICATION_ISSUE_SEVERITY;
export type RectificationIssue = RuleIssue<RectificationIssueCode>;

export interface RectificationCheckOptions {
  /** YYYY-MM-DD, the secretary's today. */
  today: string;
  /** Settings `rectificationStaleDays` (check 35). */
  staleDays: number;
}

/**
 * Checks on one item (items 33–36). Fields: 'problem' | 'measures' | 'ownerName' | 'personName'
 * | 'deadline' | 'closedBy' | 'closedDate' | 'evidence' | 'progress'.
 */
export function checkRectification(item: RectificationLike, opts: RectificationCheckOptions): RectificationIssue[] {
  const { issues, add } = issueCollector(RECTIFICATION_ISSUE_SEVERITY);
  if (blank(item.problem)) add('PROBLEM_MISSING', 'problem', '未填写问题表现，请写明具体问题（一个问题一条）');
  if (blank(item.measures)) add('MEASURES_MISSING', 'measures', '未填写整改措施，请写明针对该问题的具体措施');
  if (blank(item.ownerName)) add('OWNER_MISSING', 'ownerName', '未填写责任人，请指定负责整改的同志');
  if (item.listKind === 'personal' && blank(item.personName)) {
    add('PERSON_MISSING', 'personName', '个人整改清单未填写所属党员，请选择该清单所属的同志');
  }
  if (item.deadlineKind === 'by_date' && !item.deadline) {
    add('DEADLINE_MISSING', 'deadline', '限期整改事项未填写完成时限，请填写完成日期；如需立即整改，请改选“立行立改”');
  }
  if (item.deadline && item.deadline < item.raisedDate) {
    add('DEADLINE_BEFORE_RAISED', 'deadline', `完成时限 ${item.deadline} 早于问题提出日期 ${item.raisedDate}，请核对日期`);
  }
  if (isOverdue(item, opts.today)) {
    add(
      'OVERDUE',
      'deadline',
      `已超过完成时限 ${item.deadline}（逾期 ${daysBetween(item.deadline!, opts.today)} 天）仍未完成，请督促整改并记录进展，或按程序调整时限`,
    );
  }
  if (item.status === 'closed') {
    if (blank(item.closedBy)) add('CLOSED_WITHOUT_APPROVER', 'closedBy', '已销号但未填写销号审核人，请补填审核销号的同志');
    if (!item.closedDate) add('CLOSED_WITHOUT_DATE', 'closedDate', '已销号但未填写销号时间，请补填');
    else if (item.closedDate < item.raisedDate) {
      add('CLOSED_BEFORE_RAISED', 'closedDate', `销号时间 ${item.closedDate} 早于问题提出日期 ${item.raisedDate}，请核对日期`);
    }
    if (blank(item.evidence)) {
      add('CLOSED_WITHOUT_EVIDENCE', 'evidence', '该事项在没有佐证材料的情况下销号（已记录）。请补充佐证材料，如整改报告、制度文件、会议记录编号');
    }
  }
  if (isOpen(item)) {
    const last = lastProgressDate(item) ?? item.raisedDate;
    const idle = daysBetween(last, opts.today);
    if (daysBetween(item.raisedDate, opts.today) > opts.staleDays && idle > opts.staleDays) {
      add(
        'NO_RECENT_PROGRESS',
        'progress',
        `已有 ${idle} 天没有整改进展记录（超过 ${opts.staleDays} 天），请了解整改情况并补记进展`,
      );
    }
  }
  return issues;
}

export interface LedgerSummary {
  total: number;
  byStatus: Record<EffectiveStatus, number>;
  /** 已完成 + 已销号. */
  finished: number;
  /** 销号率: closed / total (0 when empty). */
  closedRate: number;
  /** 完成率: (done + closed) / total (0 when empty). */
  finishedRate: number;
}

/** Tallies of a ledger (live items only: callers pass what they list). */
export function ledgerSummary(items: readonly Pick<RectificationFields, 'status' | 'deadline'>[], today: string): LedgerSummary {
  const byStatus: Record<EffectiveStatus, number> = { not_started: 0, in_progress: 0, overdue: 0, done: 0, closed: 0 };
  for (const it of items) byStatus[effectiveStatus(it, today)]++;
  const total = items.length;
  const finished = byStatus.done + byStatus.closed;
  return {
    total,
    byStatus,
    finished,
    closedRate: total ? byStatus.closed / total : 0,
    finishedRate: total ? finished / total : 0,
  };
}

/** 45.5% (one decimal, rounded down so 99.96% never shows as 100%). */
export function percentText(rate: number): string {
  return `${Math.floor(rate * 1000 + 1e-9) / 10}%`;
}

export interface OpenItemFact {
  id: string;
  listKind: RectificationListKind;
  personName: string;
  category: string;
  problem: string;
  ownerName: string;
  deadlineKind: DeadlineKind;
  deadline: string | null;
  status: EffectiveStatus;
  lastProgress: { date: string; text: string } | null;
}

export interface CarryOverReport {
  total: number;
  closed: number;
  /** 已完成 (not yet 销号). */
  done: number;
  /** 推进中, overdue ones included. */
  inProgress: number;
  notStarted: number;
  /** Open items past their deadline. */
  overdue: number;
  /** Every item not 已完成 / 已销号, in ledger order. */
  open: OpenItemFact[];
  /** Facts only, one line per open item: the secretary edits it into the 通报. */
  text: string;
}

/** Ledger order: 支部班子 before 个人, then person, raised date, creation. */
export function ledgerOrder<T extends Pick<Rectification, 'listKind' | 'personName' | 'raisedDate' | 'createdAt' | 'id'>>(items: readonly T[]): T[] {
  const coll = new Intl.Collator('zh-CN');
  const rank = (k: RectificationListKind) => (k === 'team' ? 0 : 1);
  return [...items].sort(
    (a, b) =>
      rank(a.listKind) - rank(b.listKind) ||
      coll.compare(a.personName, b.personName) ||
      a.raisedDate.localeCompare(b.raisedDate) ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Check 37 / §2.6 step 6.1: facts for 上年度整改落实情况通报 from last year's items (live ones;
 * the caller filters by organisation and 年度).
 */
export function carryOverReport(items: readonly Rectification[], today: string): CarryOverReport {
  const live = ledgerOrder(items.filter((i) => !i.deletedAt));
  let closed = 0;
  let done = 0;
  let inProgress = 0;
  let notStarted = 0;
  let overdue = 0;
  const open: OpenItemFact[] = [];
  for (const it of live) {
    if (it.status === 'closed') closed++;
    else if (it.status === 'done') done++;
    else if (it.status === 'in_progress') inProgress++;
    else notStarted++;
    if (isOverdue(it, today)) overdue++;
    if (!isOpen(it)) continue;
    const lastDate = lastProgressDate(it);
    const last = lastDate ? it.progress.filter((p) => p.date === lastDate).at(-1)! : null;
    open.push({
      id: it.id,
      listKind: it.listKind,
      personName: it.personName,
      category: it.category,
      problem: it.problem,
      ownerName: it.ownerName,
      deadlineKind: it.deadlineKind,
      deadline: it.deadline ?? null,
      status: effectiveStatus(it, today),
      lastProgress: last ? { date: last.date, text: last.text } : null,
    });
  }
  const total = live.length;
  const lines: string[] = [];
  lines.push(
    `上年度整改事项共 ${total} 项：已销号 ${closed} 项，已完成待销号 ${done} 项，推进中 ${inProgress} 项，未开始 ${notStarted} 项` +
      (overdue ? `；其中逾期未完成 ${overdue} 项。` : '。'),
  );
  if (open.length) {
    lines.push('尚未完成的事项：');
    open.forEach((o, i) => {
      const who = o.listKind === 'team' ? RECTIFICATION_LIST_KIND_LABELS.team : o.personName || RECTIFICATION_LIST_KIND_LABELS.personal;
      const bits = [
        `清单：${who}`,
        o.ownerName ? `责任人：${o.ownerName}` : '责任人：未填写',
        `时限：${deadlineText({ deadlineKind: o.deadlineKind, deadline: o.deadline ?? undefined })}`,
        `状态：${RECTIFICATION_STATUS_LABELS[o.status]}`,
        o.lastProgress ? `最近进展（${o.lastProgress.date}）：${o.lastProgress.text}` : '暂无进展记录',
      ];
      lines.push(`${i + 1}. ${o.category ? `【${o.category}】` : ''}${o.problem}（${bits.join('；')}）`);
    });
  }
  return { total, closed, done, inProgress, notStarted, overdue, open, text: lines.join('\n') };
}
