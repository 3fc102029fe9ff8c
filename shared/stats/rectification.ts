/**
 * 整改 statistics: the burn-down of open items over time and the summary a higher level asks for.
 * An item is open on day d when it was raised on or before d and not closed by d (closedDate ≤ d).
 * 逾期 is computed against `today`, never stored (domain §5.2 check 33).
 */
import type { RectificationStatus } from '../model/enums';

export interface BurndownInput {
  orgId: string;
  raisedDate: string;
  /**
   * The day the item stopped being open. Callers pass closedDate, or for 已完成 / 已销号 items recorded
   * without one the day they were last changed, so such items do not stay open forever.
   */
  closedDate?: string | null;
  deletedAt?: string | null;
}

export interface BurndownPoint {
  /** yyyy-mm-dd: the last day of the period. */
  date: string;
  /** Open at the end of the period. */
  open: number;
  raised: number;
  closed: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** Month ends of a year (or up to `until`, e.g. today, for the current year). */
export function monthEnds(year: number, until?: string): string[] {
  const ends: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const end = lastDayOfMonth(year, m);
    if (until && `${year}-${pad(m)}-01` > until) break;
    ends.push(until && end > until ? until : end);
  }
  return ends;
}

/**
 * Open items at each period end; `raised` / `closed` are those raised / closed within the period
 * (after the previous end; the first period starts on the 1st of its month).
 */
export function rectificationBurndown(items: readonly BurndownInput[], periodEnds: readonly string[]): BurndownPoint[] {
  const live = items.filter((i) => !i.deletedAt);
  const closedBy = (i: BurndownInput, d: string) => !!i.closedDate && i.closedDate <= d;
  return periodEnds.map((end, k) => {
    // A period runs from the day after the previous end; the first one from the 1st of its month.
    const inPeriod = (d: string) => d <= end && (k > 0 ? d > periodEnds[k - 1] : d >= `${end.slice(0, 7)}-01`);
    let open = 0;
    let raised = 0;
    let closed = 0;
    for (const i of live) {
      if (i.raisedDate <= end && !closedBy(i, end)) open++;
      if (inPeriod(i.raisedDate)) raised++;
      if (i.closedDate && inPeriod(i.closedDate)) closed++;
    }
    return { date: end, open, raised, closed };
  });
}

export interface SummaryInput extends BurndownInput {
  status: RectificationStatus;
  deadline?: string;
}

export interface RectificationSummaryRow {
  orgId: string;
  total: number;
  notStarted: number;
  inProgress: number;
  done: number;
  closed: number;
  /** Deadline before today and not 已完成 / 已销号. */
  overdue: number;
  /** (已完成 + 已销号) / total; null without items. */
  completion: number | null;
}

export function isOverdue(i: Pick<SummaryInput, 'status' | 'deadline'>, today: string): boolean {
  return !!i.deadline && i.deadline < today && i.status !== 'done' && i.status !== 'closed';
}

/** 统计表 three: one row per organisation (zeros included). */
export function rectificationSummary(items: readonly SummaryInput[], orgIds: readonly string[], today: string): RectificationSummaryRow[] {
  const by = new Map<string, RectificationSummaryRow>(
    orgIds.map((orgId) => [orgId, { orgId, total: 0, notStarted: 0, inProgress: 0, done: 0, closed: 0, overdue: 0, completion: null }]),
  );
  for (const i of items) {
    const row = by.get(i.orgId);
    if (!row || i.deletedAt) continue;
    row.total++;
    if (i.status === 'not_started') row.notStarted++;
    else if (i.status === 'in_progress') row.inProgress++;
    else if (i.status === 'done') row.done++;
    else row.closed++;
    if (isOverdue(i, today)) row.overdue++;
  }
  return [...by.values()].map((r) => ({ ...r, completion: r.total ? (r.done + r.closed) / r.total : null }));
}
