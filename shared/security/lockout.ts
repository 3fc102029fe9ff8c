/**
 * Lock after failed attempts (等保 登录失败处理, domain §6.4–6.5): after `threshold` wrong
 * passwords in a row the lock screen refuses input for `baseSeconds`; every further `threshold`
 * failures double the wait, up to `maxSeconds`. The state is stored (local table), so reloading
 * the window does not reset the counter or the wait.
 */
import { z } from 'zod';

export const lockoutStateSchema = z.object({
  failures: z.number().int().min(0),
  /** ISO time before which no attempt is accepted; null = none. */
  until: z.string().nullable(),
});
export type LockoutState = z.infer<typeof lockoutStateSchema>;

export interface LockoutRule {
  threshold: number;
  baseSeconds: number;
  maxSeconds: number;
}

export const DEFAULT_LOCKOUT: LockoutRule = { threshold: 5, baseSeconds: 30, maxSeconds: 3600 };

export const NO_LOCKOUT: LockoutState = { failures: 0, until: null };

/** Seconds to wait after the `failures`-th consecutive failure (0 = none). */
export function lockoutSeconds(failures: number, rule: LockoutRule = DEFAULT_LOCKOUT): number {
  if (failures < rule.threshold || failures % rule.threshold !== 0) return 0;
  const round = failures / rule.threshold - 1;
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** Math.min(round, 30));
}

export function afterFailure(state: LockoutState, now: Date, rule: LockoutRule = DEFAULT_LOCKOUT): LockoutState {
  const failures = state.failures + 1;
  const wait = lockoutSeconds(failures, rule);
  return { failures, until: wait > 0 ? new Date(now.getTime() + wait * 1000).toISOString() : state.until };
}

/** Milliseconds left before another attempt is accepted (0 = may try now). */
export function waitLeft(state: LockoutState, now: Date): number {
  if (!state.until) return 0;
  return Math.max(0, Date.parse(state.until) - now.getTime());
}
