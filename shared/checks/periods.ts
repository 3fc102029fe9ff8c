/**
 * Periods of the compliance calendar: month '2025-03', quarter '2025-Q1', half '2025-H1', year
 * (or 年度) '2025'. Keys sort in time order within one kind.
 */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  kind: PeriodKind;
  key: string;
  /** First and last calendar day. */
  from: string;
  to: string;
  /** 2025年3月 / 2025年第一季度 / 2025年上半年 / 2025年度 */
  label: string;
  /** Short label for grid headers: 3月 / 一季度 / 上半年 / 全年 */
  short: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const CN = ['一', '二', '三', '四'];

function lastDay(y: number, m: number): string {
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function periodKeyOf(kind: PeriodKind, date: string): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  switch (kind) {
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'half':
      return `${y}-H${m <= 6 ? 1 : 2}`;
    case 'year':
      return y;
  }
}

export function periodsOfYear(kind: PeriodKind, year: number): Period[] {
  const y = year;
  switch (kind) {
    case 'month':
      return Array.from({ length: 12 }, (_, i) => ({
        kind,
        key: `${y}-${pad(i + 1)}`,
        from: `${y}-${pad(i + 1)}-01`,
        to: lastDay(y, i + 1),
        label: `${y}年${i + 1}月`,
        short: `${i + 1}月`,
      }));
    case 'quarter':
      return Array.from({ length: 4 }, (_, i) => ({
        kind,
        key: `${y}-Q${i + 1}`,
        from: `${y}-${pad(i * 3 + 1)}-01`,
        to: lastDay(y, i * 3 + 3),
        label: `${y}年第${CN[i]}季度`,
        short: `${CN[i]}季度`,
      }));
    case 'half':
      return [
        { kind, key: `${y}-H1`, from: `${y}-01-01`, to: `${y}-06-30`, label: `${y}年上半年`, short: '上半年' },
        { kind, key: `${y}-H2`, from: `${y}-07-01`, to: `${y}-12-31`, label: `${y}年下半年`, short: '下半年' },
      ];
    case 'year':
      return [{ kind, key: String(y), from: `${y}-01-01`, to: `${y}-12-31`, label: `${y}年度`, short: '全年' }];
  }
}

/** 2025-03-08 → 2025年3月8日 */
export function cnDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
