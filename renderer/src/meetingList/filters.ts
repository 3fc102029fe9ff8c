/** The meeting list's filter state (what the secretary picked) → MeetingListFilter for listMeetings. */
import type { MeetingListFilter } from '../../db';
import type { ClassificationLevel, MeetingType, RecordStatus } from '../../../shared/model';
import type { OrgIndex } from '../common/useOrganisations';

export interface ListFilterState {
  orgId?: string;
  includeSub: boolean;
  types: MeetingType[];
  year?: number;
  /** 'all' | 'q1'…'q4' | 'm1'…'m12' */
  period: string;
  status?: RecordStatus;
  levels: ClassificationLevel[];
}

export const EMPTY_FILTER: ListFilterState = { includeSub: true, types: [], period: 'all', levels: [] };

export function isFiltered(f: ListFilterState): boolean {
  return !!(f.orgId || f.types.length || f.year || f.status || f.levels.length);
}

export function toListFilter(f: ListFilterState, orgs: OrgIndex | undefined): MeetingListFilter {
  const out: MeetingListFilter = {};
  if (f.orgId) {
    const org = orgs?.byId.get(f.orgId);
    const roots = orgs?.childrenOf.get(null) ?? [];
    const hasChildren = (orgs?.childrenOf.get(f.orgId) ?? []).length > 0;
    // The one top-level organisation with everything under it = no organisation filter (fast path).
    const wholeTree = f.includeSub && org && !org.parentId && roots.length === 1;
    if (!wholeTree) {
      out.orgId = f.orgId;
      out.includeDescendants = f.includeSub && hasChildren;
    }
  }
  if (f.types.length) out.types = f.types;
  if (f.year) {
    const q = /^q([1-4])$/.exec(f.period);
    const m = /^m(\d{1,2})$/.exec(f.period);
    out.period = { year: f.year, quarter: q ? (Number(q[1]) as 1 | 2 | 3 | 4) : undefined, month: m ? Number(m[1]) : undefined };
  }
  if (f.status) out.status = f.status;
  if (f.levels.length) out.levels = f.levels;
  return out;
}

/**
 * Whether listMeetings can page this filter straight off one index (cheap per page). Otherwise
 * it reads every matching row for each page, so the list loads them once and pages in memory.
 */
export function isIndexPageable(f: MeetingListFilter): boolean {
  return !f.includeDescendants && (f.types?.length ?? 0) <= 1 && !f.status && !(f.levels?.length);
}
