/**
 * Meeting counts for the 统计 screen and the 统计表 a higher level asks for (domain §5.1: produce the
 * tallies instead of asking the secretary to retype them). Pure: input is the light list row
 * (meetingIndex) or a whole meeting; each record counts once, under its own type.
 */
import { MEETING_TYPES, type MeetingType } from '../model/enums';

export interface MeetingCountInput {
  orgId: string;
  type: MeetingType;
  /** yyyy-mm-dd */
  date: string;
  deletedAt?: string | null;
}

export type TypeCounts = Record<MeetingType, number>;

export function zeroCounts(): TypeCounts {
  return Object.fromEntries(MEETING_TYPES.map((t) => [t, 0])) as TypeCounts;
}

const yearOf = (date: string) => Number(date.slice(0, 4));
const monthOf = (date: string) => Number(date.slice(5, 7));
/** 1–4 */
export const quarterOf = (date: string) => Math.floor((monthOf(date) - 1) / 3) + 1;

function live<T extends MeetingCountInput>(rows: readonly T[], year: number, orgIds?: ReadonlySet<string>): T[] {
  return rows.filter((r) => !r.deletedAt && yearOf(r.date) === year && (!orgIds || orgIds.has(r.orgId)));
}

export interface MonthCounts {
  /** 1–12 */
  month: number;
  counts: TypeCounts;
  total: number;
}

/** Twelve rows (January first), one count per type, for the stacked bars; recycled records do not count. */
export function meetingsPerMonth(rows: readonly MeetingCountInput[], year: number, orgIds?: ReadonlySet<string>): MonthCounts[] {
  const months: MonthCounts[] = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, counts: zeroCounts(), total: 0 }));
  for (const r of live(rows, year, orgIds)) {
    const m = months[monthOf(r.date) - 1];
    if (!m) continue;
    m.counts[r.type]++;
    m.total++;
  }
  return months;
}

export interface QuarterRow {
  orgId: string;
  type: MeetingType;
  /** Counts for 一季度 … 四季度. */
  quarters: [number, number, number, number];
  total: number;
}

/**
 * 统计表 one: meetings per type per organisation per quarter. Every requested organisation gets a
 * row for every type in `types`, zeros included, so a missing meeting shows as 0 rather than vanishing.
 */
export function meetingsPerQuarter(
  rows: readonly MeetingCountInput[],
  year: number,
  orgIds: readonly string[],
  types: readonly MeetingType[] = MEETING_TYPES,
): QuarterRow[] {
  const out = new Map<string, QuarterRow>();
  for (const orgId of orgIds) {
    for (const type of types) out.set(`${orgId}|${type}`, { orgId, type, quarters: [0, 0, 0, 0], total: 0 });
  }
  for (const r of live(rows, year, new Set(orgIds))) {
    const row = out.get(`${r.orgId}|${r.type}`);
    if (!row) continue;
    row.quarters[quarterOf(r.date) - 1]++;
    row.total++;
  }
  return [...out.values()];
}
