/**
 * The issue shape every rule module returns (same as MeetingIssue in meetingChecks.ts): errors
 * block 定稿 / saving as complete, warnings do not. `message` is Chinese and says what to do;
 * `field` is a stable path the screen highlights.
 */
export type RuleSeverity = 'error' | 'warning';

export interface RuleIssue<C extends string = string> {
  severity: RuleSeverity;
  code: C;
  message: string;
  field: string;
}

/** A collector bound to a severity table, so each code keeps one severity. */
export function issueCollector<C extends string>(severity: Record<C, RuleSeverity>): {
  issues: RuleIssue<C>[];
  add: (code: C, field: string, message: string) => void;
} {
  const issues: RuleIssue<C>[] = [];
  return { issues, add: (code, field, message) => issues.push({ severity: severity[code], code, field, message }) };
}

/** Days between two YYYY-MM-DD dates (b − a), calendar days, time-zone free. */
export function daysBetween(a: string, b: string): number {
  const t = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/** YYYY-MM-DD plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days));
  return d.toISOString().slice(0, 10);
}

export const blank = (s: string | undefined | null): boolean => !s || s.trim() === '';
