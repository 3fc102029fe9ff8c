/**
 * The meeting list (virtualised): filters + total + one page of lightweight rows from the
 * `meetingIndex` projection (never the records with their speeches). Sorted by date, newest first
 * (ties: id descending, the same order IndexedDB gives for equal index keys).
 */
import type { ClassificationLevel, MeetingType, RecordStatus } from '../../shared/model';
import type { MeetingIndexRow, PartyMinutesDB } from './database';
import { descendantIds } from './organisations';

export interface MeetingPeriod {
  year: number;
  /** 1–4; ignored when month is given. */
  quarter?: 1 | 2 | 3 | 4;
  /** 1–12 */
  month?: number;
}

export interface MeetingListFilter {
  /** Holding organisation; omitted = all. */
  orgId?: string;
  /** Also meetings of every live descendant (e.g. a branch and its 党小组). */
  includeDescendants?: boolean;
  /** Omitted or empty = all types. */
  types?: readonly MeetingType[];
  /** By meeting date. */
  period?: MeetingPeriod;
  status?: RecordStatus;
  /** Omitted or empty = all classification levels. */
  levels?: readonly ClassificationLevel[];
  /** Recycle bin instead of live records. */
  deleted?: boolean;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

export interface MeetingListPage {
  /** Number of rows matching the filter (for the virtual list's height). */
  total: number;
  rows: MeetingIndexRow[];
}

export type MeetingListRow = MeetingIndexRow;

const pad = (n: number) => String(n).padStart(2, '0');

/** Inclusive date bounds of a period as YYYY-MM-DD strings. */
export function periodRange(p?: MeetingPeriod): [string, string] {
  if (!p) return ['', '\uffff'];
  if (p.month) return [`${p.year}-${pad(p.month)}-01`, `${p.year}-${pad(p.month)}-31`];
  if (p.quarter) return [`${p.year}-${pad(p.quarter * 3 - 2)}-01`, `${p.year}-${pad(p.quarter * 3)}-31`];
  return [`${p.year}-01-01`, `${p.year}-12-31`];
}

function newestFirst(a: MeetingIndexRow, b: MeetingIndexRow): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export async function listMeetings(
  db: PartyMinutesDB,
  filter: MeetingListFilter = {},
  page: PageRequest = { offset: 0, limit: 50 },
): Promise<MeetingListPage> {
  const live = filter.deleted ? 0 : 1;
  const [from, to] = periodRange(filter.period);
  const orgIds = filter.orgId ? (filter.includeDescendants ? await descendantIds(db, filter.orgId) : [filter.orgId]) : null;
  const types = filter.types?.length ? filter.types : null;
  // A single type is served by an index only together with an organisation.
  const oneType = filter.orgId && types?.length === 1 ? types[0] : null;
  const levels = filter.levels?.length ? filter.levels : null;
  const residual = (r: MeetingIndexRow) =>
    (!types || oneType !== null || types.includes(r.type)) &&
    (!filter.status || r.status === filter.status) &&
    (!levels || levels.includes(r.level));
  const hasResidual = (types && oneType === null) || filter.status || levels;

  const range = (orgId: string | null) => {
    const t = db.meetingIndex;
    if (orgId && oneType) return t.where('[live+orgId+type+date]').between([live, orgId, oneType, from], [live, orgId, oneType, to], true, true);
    if (orgId) return t.where('[live+orgId+date]').between([live, orgId, from], [live, orgId, to], true, true);
    return t.where('[live+date]').between([live, from], [live, to], true, true);
  };

  const offset = Math.max(0, page.offset);
  const limit = Math.max(0, page.limit);
  return db.transaction('r', db.meetingIndex, async () => {
    if (!hasResidual) {
      if (orgIds === null || orgIds.length === 1) {
        // One index range: count and page straight off the index.
        const coll = () => range(orgIds ? orgIds[0] : null);
        const [total, rows] = await Promise.all([coll().count(), coll().reverse().offset(offset).limit(limit).toArray()]);
        return { total, rows };
      }
      // Several organisations: add up index counts; merge each one's newest offset+limit rows.
      const [counts, parts] = await Promise.all([
        Promise.all(orgIds.map((id) => range(id).count())),
        Promise.all(orgIds.map((id) => range(id).reverse().limit(offset + limit).toArray())),
      ]);
      const total = counts.reduce((a, b) => a + b, 0);
      return { total, rows: parts.flat().sort(newestFirst).slice(offset, offset + limit) };
    }
    // Residual filters (several types, status, classification): filter the light rows in memory.
    const parts = await Promise.all((orgIds ?? [null]).map((id) => range(id).toArray()));
    const all = parts.flat().filter(residual).sort(newestFirst);
    return { total: all.length, rows: all.slice(offset, offset + limit) };
  });
}
