/**
 * How facts are written in Chinese on screen and on paper (domain §4.7, §4.8).
 * One place, so the editor, lists and Word files always agree.
 */
import {
  CLASSIFICATION_LABELS,
  MAX_SECRECY_YEARS,
  MEETING_TYPE_LABELS,
  NATIONAL_SECRET_LEVELS,
  type Classification,
  type MeetingType,
} from './model';

/** 2025-03-08 → 2025年3月8日 (no zero padding, GB/T 9704 §7.3.5). */
export function formatChineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 14:05 → 14时05分 */
export function formatChineseTime(hhmm: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  return `${Number(m[1])}时${m[2]}分`;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
export function weekdayOf(isoDate: string): string {
  const [y, mo, d] = isoDate.split('-').map(Number);
  return WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
}

/** 2025年3月8日（星期六）14时00分至16时30分 */
export function formatMeetingTime(date: string, start?: string, end?: string): string {
  let s = `${formatChineseDate(date)}（${weekdayOf(date)}）`;
  if (start) s += formatChineseTime(start);
  if (start && end) s += `至${formatChineseTime(end)}`;
  return s;
}

/** 2025年第3次 */
export function formatRunningNumber(year: number, seq: number): string {
  return `${year}年第${seq}次`;
}

/** Title of the minutes: 中共××党支部2025年第3次支部委员会会议记录 */
export function meetingTitle(orgFullName: string, type: MeetingType, year: number, seq: number): string {
  const label = MEETING_TYPE_LABELS[type];
  const noun = type === 'lecture' || type === 'theme_day' ? `${label}活动记录` : `${label}记录`;
  return `${orgFullName}${formatRunningNumber(year, seq)}${noun}`;
}

export function isNationalSecret(c: Classification): boolean {
  return NATIONAL_SECRET_LEVELS.includes(c.level);
}

/**
 * The marking printed on the page: 机密★10年 for national secrets (★ only there, domain §4.7);
 * the unit's configured marking for 内部; nothing for unmarked records.
 */
export function classificationMarking(c: Classification, nonSecretMarking: string): string {
  if (isNationalSecret(c)) {
    const years = c.years ?? MAX_SECRECY_YEARS[c.level];
    return `${CLASSIFICATION_LABELS[c.level]}★${years}年`;
  }
  if (c.level === 'internal') return nonSecretMarking || '内部';
  return '';
}

/** Short label for lists and tags: 内部 / 秘密★10年 / '' */
export function classificationShort(c: Classification): string {
  if (isNationalSecret(c)) return classificationMarking(c, '');
  return c.level === 'internal' ? '内部' : '';
}

/** 110101199003071234 → 110101********1234: ID numbers are masked wherever they are listed. */
export function maskIdNumber(id: string | undefined): string {
  if (!id) return '';
  if (id.length < 8) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** Year of birth from the birth date, to tell apart two members of the same name. */
export function birthYear(birthDate: string | undefined): string {
  return birthDate ? `${birthDate.slice(0, 4)}年生` : '';
}
