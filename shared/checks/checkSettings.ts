/**
 * Settings of the compliance checks (domain §5.2: all thresholds configurable, defaults from §2).
 * Every value domain.md tags [practice] or [uncertain] is here; [central] minimums (支委会 monthly,
 * 党员大会 quarterly, secretary's yearly 党课, 主题党日 monthly, annual 组织生活会) are code.
 * Values the meeting, talk and rectification screens also use stay in the unit settings (单位设置)
 * and are read from there: quorum reading, low-attendance percentage, 民主生活会 attendance
 * fraction (check 13), report deadline days (check 28), talk window (check 24) and stale days of
 * rectification items (check 35). Stored under the settings key `checks`.
 */
import { z } from 'zod';
import { EMPTY_WORK_CALENDAR, workCalendarSchema } from './workCalendar';

export const CHECK_SETTINGS_KEY = 'checks';

/** How often a branch holds 党课 [practice/uncertain, domain §2.0]. */
export const LECTURE_FREQUENCIES = ['quarterly', 'twice_a_year', 'per_semester', 'yearly'] as const;
export type LectureFrequency = (typeof LECTURE_FREQUENCIES)[number];
export const LECTURE_FREQUENCY_LABELS: Record<LectureFrequency, string> = {
  quarterly: '每季度至少 1 次（默认）',
  twice_a_year: '每年至少 2 次',
  per_semester: '每半年至少 2 次',
  yearly: '每年至少 1 次',
};
/** The period and count each frequency means. */
export const LECTURE_RULES: Record<LectureFrequency, { period: 'quarter' | 'half' | 'year'; count: number }> = {
  quarterly: { period: 'quarter', count: 1 },
  twice_a_year: { period: 'year', count: 2 },
  per_semester: { period: 'half', count: 2 },
  yearly: { period: 'year', count: 1 },
};

const days = (max: number) => z.number().int().min(0).max(max);

export const checkSettingsSchema = z.object({
  lectureFrequency: z.enum(LECTURE_FREQUENCIES),
  /** 主题党日 "relatively fixed day": warn when outside day-of-month from..to; off = any day. */
  themeDayWindowEnabled: z.boolean(),
  themeDayFromDay: z.number().int().min(1).max(31),
  themeDayToDay: z.number().int().min(1).max(31),
  /** Check 20: written up more than N working days after the meeting → 补录 [practice: 3 days]. */
  writeUpLatencyWorkingDays: days(60),
  /** Check 15: months of organisation life missed in a row (党章 §9: 6). */
  consecutiveAbsenceMonths: z.number().int().min(1).max(24),
  /** Check 15: absent (缺席 or 请假) this many times in a year → reminder. */
  absenceCountWarn: z.number().int().min(1).max(100),
  /** The annual round may run into the next year: 年度 Y may be held until this month of Y+1. */
  annualRoundLastMonth: z.number().int().min(0).max(12),
  /** Check 40: branch committee term in years (机关: 3). */
  committeeTermYears: z.number().int().min(1).max(10),
  /** Check 40: remind this many days before the term ends. */
  termReminderDays: days(366),
  /** Check 38: probation in months (1 year; extensions are recorded on the member). */
  probationMonths: z.number().int().min(1).max(36),
  /** Check 38: remind this many days before probation ends. */
  probationReminderDays: days(180),
  /** Check 38: months as 积极分子 before eligible as 发展对象 (≥ 1 year). */
  activistMonths: z.number().int().min(1).max(60),
  /** Check 8: whether 民主生活会 is expected from 机关党委-level organisations. */
  democraticLifeRequired: z.boolean(),
  /** Check 30: 优秀 at most this fraction of graded members [practice: 1/3]. */
  excellentMaxFraction: z.number().min(0.05).max(1),
  /** Checks 41–42: gentle hints on criticism quality (similar texts, praise dressed as criticism). */
  showQualityHints: z.boolean(),
  /** 工作日历 (weekends are built in). */
  workCalendar: workCalendarSchema,
});
export type CheckSettings = z.infer<typeof checkSettingsSchema>;

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  lectureFrequency: 'quarterly',
  themeDayWindowEnabled: false,
  themeDayFromDay: 1,
  themeDayToDay: 7,
  writeUpLatencyWorkingDays: 3,
  consecutiveAbsenceMonths: 6,
  absenceCountWarn: 4,
  annualRoundLastMonth: 3,
  committeeTermYears: 3,
  termReminderDays: 90,
  probationMonths: 12,
  probationReminderDays: 30,
  activistMonths: 12,
  democraticLifeRequired: true,
  excellentMaxFraction: 1 / 3,
  showQualityHints: true,
  workCalendar: EMPTY_WORK_CALENDAR,
};

/**
 * Stored value merged over the defaults, field by field: a damaged or older value never blocks
 * the dashboard (fields added later get their default).
 */
export function readCheckSettings(stored: unknown): CheckSettings {
  const obj = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const merged = { ...DEFAULT_CHECK_SETTINGS, ...obj };
  const r = checkSettingsSchema.safeParse(merged);
  if (r.success) return r.data;
  const out: Record<string, unknown> = { ...DEFAULT_CHECK_SETTINGS };
  for (const [k, v] of Object.entries(obj)) {
    const field = checkSettingsSchema.shape[k as keyof CheckSettings];
    if (field?.safeParse(v).success) out[k] = v;
  }
  return out as CheckSettings;
}
