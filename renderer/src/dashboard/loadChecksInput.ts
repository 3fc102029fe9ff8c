/**
 * Loads what the checks engine needs for one year, cheaply:
 *  - the grid comes from `meetingIndex` rows (small; their `grid` facts carry 主题党日 alsoCounts,
 *    党课 lecturer, 生活会 年度) — full records only for rows written before those facts existed;
 *  - `detail: 'all'` also reads the full records of the year for the per-meeting checks
 *    (quorum, reasons, signatures, 补录, absences), in one bulkGet.
 * The window reaches back half a year (absence streaks cross New Year) and into the next year's
 * first months (the annual round of 组织生活会 runs into them).
 */
import type { ChecksInput, MeetingFacts } from '../../../shared/checks';
import { GRID_FACT_TYPES, meetingFacts, meetingFactsFromRow } from '../../../shared/checks/engine';
import { getCheckSettings } from '../../db/checkSettings';
import type { MeetingIndexRow, PartyMinutesDB } from '../../db/database';
import { getSettings } from '../../db/settings';
import type { CheckSettings } from '../../../shared/checks/checkSettings';
import type { UnitSettings } from '../../../shared/model';

export interface DashboardData {
  input: ChecksInput;
  settings: CheckSettings;
  unit: UnitSettings;
  /** Index rows by meeting id, for record lists in the grid. */
  rows: Map<string, MeetingIndexRow>;
  detail: 'grid' | 'all';
}

export async function loadChecksInput(db: PartyMinutesDB, year: number, detail: 'grid' | 'all', today: string): Promise<DashboardData> {
  const from = `${year - 1}-07-01`;
  const to = `${year + 1}-06-30`;
  const talkFrom = [`${year - 1}-01-01`, `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`].sort()[0];
  const [organisations, members, rowList, talks, appraisals, rectifications, settings, unit] = await Promise.all([
    db.organisations.toArray(),
    db.members.toArray(),
    db.meetingIndex.where('[live+date]').between([1, from], [1, to], true, true).toArray(),
    db.talks.where('date').aboveOrEqual(talkFrom).toArray(),
    db.appraisals.where('annualYear').equals(year).toArray(),
    db.rectifications.toArray(),
    getCheckSettings(db),
    getSettings(db),
  ]);
  const wantFull = rowList.filter((r) => detail === 'all' || (GRID_FACT_TYPES.has(r.type) && !r.grid)).map((r) => r.id);
  const full = await db.meetings.bulkGet(wantFull);
  const fullById = new Map(full.filter((m) => !!m).map((m) => [m!.id, m!]));
  const meetings: MeetingFacts[] = rowList.map((r) => {
    const m = fullById.get(r.id);
    return m ? meetingFacts(m) : meetingFactsFromRow(r, r.grid);
  });
  return {
    input: {
      year,
      organisations,
      members,
      meetings,
      talks: talks.map((t) => ({ id: t.id, orgId: t.orgId, date: t.date, type: t.type, deletedAt: t.deletedAt, lifeMeetingId: t.lifeMeetingId, interviewer: t.interviewer, interviewees: t.interviewees })),
      appraisals,
      rectifications,
      unit,
      tzOffsetMinutes: -new Date().getTimezoneOffset(),
    },
    settings,
    unit,
    rows: new Map(rowList.map((r) => [r.id, r])),
    detail,
  };
}
