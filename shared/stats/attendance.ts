/**
 * Attendance rates (domain §5.2 check 15): per member from the member lines of each meeting's
 * attendance list, and per organisation. 应到 = member lines (guests never count); 请假 is an excused
 * absence, 缺席 an unexcused one, the two words the sign-in sheet and the minutes use.
 */
import type { AttendanceEntry } from '../model';

export interface AttendanceInput {
  orgId: string;
  date: string;
  deletedAt?: string | null;
  attendance: readonly Pick<AttendanceEntry, 'kind' | 'memberId' | 'name' | 'presence'>[];
}

export interface MemberAttendance {
  /** memberId, or `name:张三` for lines typed by hand without a roster link. */
  key: string;
  memberId: string | null;
  name: string;
  expected: number;
  present: number;
  /** 请假 */
  excused: number;
  /** 缺席 */
  unexcused: number;
  /** present / expected, 0–1; null when the member was never expected. */
  rate: number | null;
}

const rateOf = (present: number, expected: number) => (expected > 0 ? present / expected : null);

export function memberKey(line: { memberId: string | null; name: string }): string {
  return line.memberId ?? `name:${line.name.trim()}`;
}

/** One row per member who was expected at least once, sorted by rate (lowest first), then name. */
export function attendanceRates(meetings: readonly AttendanceInput[]): MemberAttendance[] {
  const by = new Map<string, MemberAttendance>();
  for (const m of meetings) {
    if (m.deletedAt) continue;
    for (const line of m.attendance) {
      if (line.kind !== 'member') continue;
      const key = memberKey(line);
      let row = by.get(key);
      if (!row) {
        row = { key, memberId: line.memberId, name: line.name.trim(), expected: 0, present: 0, excused: 0, unexcused: 0, rate: null };
        by.set(key, row);
      }
      // The latest spelling of the name wins (lines snapshot the name on the meeting date).
      row.name = line.name.trim() || row.name;
      row.expected++;
      if (line.presence === 'present') row.present++;
      else if (line.presence === 'leave') row.excused++;
      else row.unexcused++;
    }
  }
  const rows = [...by.values()].map((r) => ({ ...r, rate: rateOf(r.present, r.expected) }));
  return rows.sort((a, b) => (a.rate ?? 1) - (b.rate ?? 1) || a.name.localeCompare(b.name, 'zh-CN'));
}

export interface OrgAttendance {
  orgId: string;
  meetings: number;
  expected: number;
  present: number;
  excused: number;
  unexcused: number;
  rate: number | null;
}

/** Per organisation: all member lines of its meetings added up (a weighted rate, not a mean of means). */
export function attendanceByOrg(meetings: readonly AttendanceInput[], orgIds: readonly string[]): OrgAttendance[] {
  const by = new Map<string, OrgAttendance>(
    orgIds.map((orgId) => [orgId, { orgId, meetings: 0, expected: 0, present: 0, excused: 0, unexcused: 0, rate: null }]),
  );
  for (const m of meetings) {
    const row = by.get(m.orgId);
    if (!row || m.deletedAt) continue;
    row.meetings++;
    for (const line of m.attendance) {
      if (line.kind !== 'member') continue;
      row.expected++;
      if (line.presence === 'present') row.present++;
      else if (line.presence === 'leave') row.excused++;
      else row.unexcused++;
    }
  }
  return [...by.values()].map((r) => ({ ...r, rate: rateOf(r.present, r.expected) }));
}
