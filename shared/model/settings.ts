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
});
export type UnitSettings = z.infer<typeof unitSettingsSchema>;

export const DEFAULT_UNIT_SETTINGS: UnitSettings = {
  unitName: '',
  quorumRule: 'more_than_half',
  nonSecretMarking: '内部资料 注意保存',
  attendanceWarnPercent: 85,
  electionQuorumFraction: 0.8,
};
