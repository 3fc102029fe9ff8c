/**
 * 工作日历: weekends, statutory holidays and make-up working days (调休上班), entered or imported
 * by the unit — the app never fetches a calendar from the network (domain §6.2).
 *
 * Dates are the secretary's calendar dates ('2026-10-01'), no time zone. Arithmetic runs on day
 * numbers (days since 1970-01-01 in UTC) so daylight saving or the machine's zone never matter.
 *
 * Import format (one entry per line; blank lines and lines starting with # are ignored):
 *   2026-10-01 休                  a holiday
 *   2026-10-01~2026-10-07 休       a range (also ～ 至 —), at most 366 days
 *   2026-10-10 班                  a make-up working day (调休上班)
 *   2026-10-10,班                  the same as CSV (a header line starting with 日期 is skipped)
 * Words accepted: 休 / 假 / 休息 / 放假 / 节假日 → holiday; 班 / 上班 / 补班 / 工作日 → working day.
 * Dates may also be written 2026/10/1, 2026.10.1 or 2026年10月1日.
 */
import { z } from 'zod';
import { dateSchema } from '../model';

export const workCalendarSchema = z.object({
  /** Statutory holidays and other days off that fall on weekdays (weekends need not be listed). */
  holidays: z.array(dateSchema).max(5000),
  /** Weekend days that are working days (调休上班). */
  workdays: z.array(dateSchema).max(2000),
});
export type WorkCalendar = z.infer<typeof workCalendarSchema>;

export const EMPTY_WORK_CALENDAR: WorkCalendar = { holidays: [], workdays: [] };

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date. */
export function dayNumber(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/** A real calendar date (rejects 2026-02-30). */
export function isRealDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && fromDayNumber(dayNumber(date)) === date;
}

/** Sets for fast look-ups; build once per run. */
export interface CompiledCalendar {
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
}

export function compileCalendar(cal: WorkCalendar): CompiledCalendar {
  return { holidays: new Set(cal.holidays.map(dayNumber)), workdays: new Set(cal.workdays.map(dayNumber)) };
}

function compiled(cal: WorkCalendar | CompiledCalendar): CompiledCalendar {
  return cal.holidays instanceof Set ? (cal as CompiledCalendar) : compileCalendar(cal as WorkCalendar);
}

/** 1970-01-01 was a Thursday: (n + 4) mod 7 gives 0 = Sunday … 6 = Saturday. */
function weekday(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

function isWorkingDayN(c: CompiledCalendar, n: number): boolean {
  if (c.workdays.has(n)) return true;
  if (c.holidays.has(n)) return false;
  const wd = weekday(n);
  return wd !== 0 && wd !== 6;
}

export function isWorkingDay(cal: WorkCalendar | CompiledCalendar, date: string): boolean {
  return isWorkingDayN(compiled(cal), dayNumber(date));
}

/**
 * The date `n` working days after `date` (n ≥ 0; n = 0 returns `date` itself). "Within 3 working
 * days of the meeting" ends on addWorkingDays(meetingDate, 3).
 */
export function addWorkingDays(cal: WorkCalendar | CompiledCalendar, date: string, n: number): string {
  const c = compiled(cal);
  let d = dayNumber(date);
  let left = Math.max(0, Math.floor(n));
  while (left > 0) {
    d++;
    if (isWorkingDayN(c, d)) left--;
  }
  return fromDayNumber(d);
}

/**
 * Working days d with from < d ≤ to (so a record written the next working day is 1 day late).
 * Negative when `to` is before `from`. Runs in O(days / 7 + listed days), not per day, so long
 * spans cost nothing.
 */
export function workingDaysBetween(cal: WorkCalendar | CompiledCalendar, from: string, to: string): number {
  const c = compiled(cal);
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b === a) return 0;
  if (b < a) return -workingDaysBetween(c, to, from);
  // Weekdays in (a, b]: count by whole weeks plus the remainder.
  let count = 0;
  const span = b - a;
  const weeks = Math.floor(span / 7);
  count += weeks * 5;
  for (let d = a + weeks * 7 + 1; d <= b; d++) {
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6) count++;
  }
  for (const h of c.holidays) {
    if (h > a && h <= b && !c.workdays.has(h)) {
      const wd = weekday(h);
      if (wd !== 0 && wd !== 6) count--;
    }
  }
  for (const w of c.workdays) {
    if (w > a && w <= b) {
      const wd = weekday(w);
      if (wd === 0 || wd === 6) count++;
    }
  }
  return count;
}

// ---------------------------------------------------------------- import / export text

export interface CalendarParseError {
  /** 1-based line number. */
  line: number;
  text: string;
  message: string;
}

export interface CalendarParseResult {
  calendar: WorkCalendar;
  errors: CalendarParseError[];
  /** Lines that produced entries. */
  accepted: number;
}

const HOLIDAY_WORDS = ['休', '假', '休息', '放假', '节假日'];
const WORKDAY_WORDS = ['班', '上班', '补班', '工作日'];
const MAX_RANGE_DAYS = 366;

/** 2026-10-01, 2026/10/1, 2026.10.1, 2026年10月1日 → '2026-10-01' or null. */
export function normaliseDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isRealDate(date) ? date : null;
}

/**
 * Parses the import text. Bad lines are reported with their number and what to do; good lines
 * are kept (nothing typed is lost: the caller shows the errors next to the text).
 * A date listed both as 休 and 班 is an error on the later line.
 */
export function parseWorkCalendarText(text: string): CalendarParseResult {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  const errors: CalendarParseError[] = [];
  let accepted = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const err = (message: string) => errors.push({ line: i + 1, text: raw.slice(0, 200), message: `第 ${i + 1} 行：${message}` });
    if (!line || line.startsWith('#')) return;
    if (/^日期/.test(line)) return; // CSV header
    const parts = line.split(/[\s,，\t;；]+/).filter(Boolean);
    if (parts.length !== 2) {
      err('格式应为“日期 休”或“日期 班”，如 2026-10-01 休，或 2026-10-01~2026-10-07 休');
      return;
    }
    const [when, kindWord] = parts;
    const kind = HOLIDAY_WORDS.includes(kindWord) ? 'holiday' : WORKDAY_WORDS.includes(kindWord) ? 'workday' : null;
    if (!kind) {
      err(`“${kindWord.slice(0, 10)}”无法识别，请写“休”（放假）或“班”（调休上班）`);
      return;
    }
    const range = when.split(/[~～至—]/);
    if (range.length > 2) {
      err('日期范围只能写一个起止，如 2026-10-01~2026-10-07');
      return;
    }
    const from = normaliseDate(range[0]);
    const to = range.length === 2 ? normaliseDate(range[1]) : from;
    if (!from || !to) {
      err(`“${when.slice(0, 30)}”不是有效日期，请写成 2026-10-01 的形式`);
      return;
    }
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (b < a) {
      err('结束日期早于开始日期，请检查起止顺序');
      return;
    }
    if (b - a + 1 > MAX_RANGE_DAYS) {
      err(`日期范围超过 ${MAX_RANGE_DAYS} 天，请分段填写`);
      return;
    }
    const target = kind === 'holiday' ? holidays : workdays;
    const other = kind === 'holiday' ? workdays : holidays;
    for (let d = a; d <= b; d++) {
      const date = fromDayNumber(d);
      if (other.has(date)) {
        err(`${date} 已在前面登记为“${kind === 'holiday' ? '班' : '休'}”，同一天不能既放假又上班，请删除其中一行`);
        return;
      }
    }
    for (let d = a; d <= b; d++) target.add(fromDayNumber(d));
    accepted++;
  });
  return {
    calendar: { holidays: [...holidays].sort(), workdays: [...workdays].sort() },
    errors,
    accepted,
  };
}

/** The calendar as import text (ranges folded), so edit = export → change → import. */
export function formatWorkCalendarText(cal: WorkCalendar): string {
  const fold = (dates: readonly string[], word: string) => {
    const ns = [...new Set(dates.map(dayNumber))].sort((x, y) => x - y);
    const out: string[] = [];
    for (let i = 0; i < ns.length; ) {
      let j = i;
      while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
      out.push(i === j ? `${fromDayNumber(ns[i])} ${word}` : `${fromDayNumber(ns[i])}~${fromDayNumber(ns[j])} ${word}`);
      i = j + 1;
    }
    return out;
  };
  return [...fold(cal.holidays, '休'), ...fold(cal.workdays, '班')]
    .sort((x, y) => x.slice(0, 10).localeCompare(y.slice(0, 10)))
    .join('\n');
}

/** Adds `extra` to `base`; a date in both lists of the result keeps `extra`'s meaning. */
export function mergeWorkCalendars(base: WorkCalendar, extra: WorkCalendar): WorkCalendar {
  const holidays = new Set(base.holidays);
  const workdays = new Set(base.workdays);
  for (const d of extra.holidays) {
    holidays.add(d);
    workdays.delete(d);
  }
  for (const d of extra.workdays) {
    workdays.add(d);
    holidays.delete(d);
  }
  return { holidays: [...holidays].sort(), workdays: [...workdays].sort() };
}
