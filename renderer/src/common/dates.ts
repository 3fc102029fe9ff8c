/** DatePicker (dayjs) ⇄ the app's YYYY-MM-DD strings, and display helpers. */
import dayjs, { type Dayjs } from 'dayjs';

export function toDayjs(date: string | undefined | null): Dayjs | undefined {
  return date ? dayjs(date, 'YYYY-MM-DD') : undefined;
}

export function fromDayjs(d: Dayjs | null | undefined): string | undefined {
  return d ? d.format('YYYY-MM-DD') : undefined;
}

export function todayString(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** 2025-03-08T06:12:00Z → 14:12:05 (local time), for "已自动保存 …". */
export function formatClock(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('HH:mm:ss') : '';
}

/** 2025-03-08T06:12:00Z → 2025-03-08 14:12 (local time). One format for every timestamp shown. */
export function formatLocalDateTime(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
}

/** Dates shown in tables: 2025-03-08 → 2025.03.08 is easy to scan; keep ISO for sorting. */
export function formatShortDate(date: string | undefined): string {
  return date ? date.replaceAll('-', '.') : '';
}
