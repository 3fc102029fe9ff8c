/**
 * Reads what the statistics need for the chosen organisations and year: the light meetingIndex rows
 * (counts, per-branch attendance), the attendance lists of those meetings (per-member rates; only
 * the member lines are kept, never speeches), and the rectification items.
 */
import type { AttendanceEntry, Rectification } from '../../../shared/model';
import type { AttendanceInput, BurndownInput, MeetingCountInput, SummaryInput } from '../../../shared/stats';
import type { MeetingIndexRow, PartyMinutesDB } from '../../db';

export interface StatsData {
  year: number;
  orgIds: string[];
  meetings: MeetingIndexRow[];
  attendance: AttendanceInput[];
  rectifications: SummaryInput[];
}

const memberLine = (a: AttendanceEntry) => ({ kind: a.kind, memberId: a.memberId, name: a.name, presence: a.presence });

/** Items 已完成 / 已销号 without a closing date stop being open on the day they were last changed. */
export function rectificationForStats(r: Rectification): SummaryInput & BurndownInput {
  const finished = r.status === 'done' || r.status === 'closed';
  return {
    orgId: r.orgId,
    raisedDate: r.raisedDate,
    closedDate: r.closedDate ?? (finished ? r.updatedAt.slice(0, 10) : null),
    status: r.status,
    deadline: r.deadline,
    deletedAt: r.deletedAt ?? null,
  };
}

export async function loadStatsData(db: PartyMinutesDB, orgIds: readonly string[], year: number): Promise<StatsData> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const meetings = (
    await Promise.all(orgIds.map((id) => db.meetingIndex.where('[live+orgId+date]').between([1, id, from], [1, id, to], true, true).toArray()))
  ).flat();
  const full = await db.meetings.bulkGet(meetings.map((m) => m.id));
  const attendance: AttendanceInput[] = full.flatMap((m) =>
    m && !m.deletedAt ? [{ orgId: m.orgId, date: m.date, attendance: m.attendance.filter((a) => a.kind === 'member').map(memberLine) }] : [],
  );
  const items = await db.rectifications.where('orgId').anyOf([...orgIds]).toArray();
  // The burn-down shows the year; items raised later are not part of it, items still open from before are.
  const rectifications = items.filter((r) => !r.deletedAt && r.raisedDate <= to).map(rectificationForStats);
  return { year, orgIds: [...orgIds], meetings, attendance, rectifications };
}

export function meetingCounts(d: StatsData): MeetingCountInput[] {
  return d.meetings;
}
