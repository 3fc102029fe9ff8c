import { z } from 'zod';

/**
 * Unit-level settings. Everything domain.md tags [practice] or [uncertain] lives here, not in code.
 */
export const QUORUM_RULES = ['more_than_half', 'half_or_more'] as const;
export type QuorumRule = (typeof QUORUM_RULES)[number];
export const QUORUM_RULE_LABELS: Record<QuorumRule, string> = {
  more_than_half: '超过半数（默认，较严格）',
  half_or_more: '半数及以上',
};

export const unitSettingsSchema = z.object({
  unitName: z.string().max(120),
  /** Reading of 半数以上 for quorum (domain §2.0 note). Pass always needs more than half. */
  quorumRule: z.enum(QUORUM_RULES),
  /** Marking printed on non-secret records (domain §4.7). */
  nonSecretMarking: z.string().max(40),
  /** Low-attendance warning threshold, percent. */
  attendanceWarnPercent: z.number().min(0).max(100),
  /** Election meetings: voting-right present must exceed this fraction of should-attend. */
  electionQuorumFraction: z.number().min(0.5).max(1),
  /** 民主生活会: present must reach this fraction of should-attend (domain §5.2 item 13) [uncertain]. */
  democraticLifeQuorumFraction: z.number().min(0.5).max(1),
  /** 组织生活会 / 民主生活会 report to the higher level within this many days (§2.6, §2.9) [uncertain]. */
  lifeReportDeadlineDays: z.number().int().min(1).max(365),
  /** 谈心谈话 coverage window before a 组织生活会, days (§5.2 item 24) [practice]. */
  talkWindowDays: z.number().int().min(1).max(366),
  /** 整改事项 with no progress entry for this many days are flagged (§5.2 item 35) [practice]. */
  rectificationStaleDays: z.number().int().min(7).max(730),
  /** 民主评议: 优秀 normally no more than this share of graded members (§2.7, §5.2 item 30) [practice]. */
  excellentMaxFraction: z.number().min(0.05).max(1),
});
export type UnitSettings = z.infer<typeof unitSettingsSchema>;

export const DEFAULT_UNIT_SETTINGS: UnitSettings = {
  unitName: '',
  quorumRule: 'more_than_half',
  nonSecretMarking: '内部资料 注意保存',
  attendanceWarnPercent: 85,
  electionQuorumFraction: 0.8,
  democraticLifeQuorumFraction: 2 / 3,
  lifeReportDeadlineDays: 15,
  talkWindowDays: 60,
  rectificationStaleDays: 90,
  excellentMaxFraction: 1 / 3,
};

/**
 * 检视方面 per 年度 (domain §2.6 step 5; the annual notice changes them) [practice]. Stored as the
 * `lifeAspects` settings row: { "2025": ["政治纪律", …] }; a year without an entry uses the defaults.
 */
export const lifeAspectsSchema = z.record(
  z.string().regex(/^\d{4}$/, '年度应为四位数字'),
  z.array(z.string().trim().min(1, '方面不能为空').max(60, '方面不能超过 60 字')).max(30, '每年最多 30 个方面'),
);
export type LifeAspects = z.infer<typeof lifeAspectsSchema>;

/** 2025: the six disciplines (党纪学习教育); other years the common five aspects. */
export function defaultLifeAspects(year: number): string[] {
  if (year === 2025) return ['政治纪律', '组织纪律', '廉洁纪律', '群众纪律', '工作纪律', '生活纪律'];
  return ['理论学习', '政治素质', '能力本领', '担当作为', '纪律作风'];
}

/** The aspects for `year`: the stored list when there is one, else the defaults. */
export function lifeAspectsFor(stored: LifeAspects | undefined, year: number): string[] {
  const own = stored?.[String(year)];
  return own && own.length ? [...own] : defaultLifeAspects(year);
}
