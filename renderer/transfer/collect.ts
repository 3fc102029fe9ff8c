/**
 * What an export contains (issue #4 §2): everything, chosen organisations with their
 * descendants, or a date range. Tombstones (records in the 回收站) are always included, so
 * deletions travel too. Meetings are read page by page so a large export never holds every
 * meeting in memory at once.
 */
import type { Appraisal, Meeting, Member, Organisation, Rectification, Talk } from '../../shared/model';
import type { PartyMinutesDB } from '../db/database';
import type { RowSource } from './archiveStream';
import type { RecordTable } from './tables';

export type ExportScope =
  | { kind: 'all' }
  /** The chosen organisations and all their descendants (their parents travel too, for placement). */
  | { kind: 'orgs'; orgIds: string[] }
  /** Meetings held from .. to (inclusive, YYYY-MM-DD); the organisation tree and roster travel whole. */
  | { kind: 'dates'; from: string; to: string };

export interface CollectedRecords {
  counts: Record<RecordTable, number>;
  tables: Record<RecordTable, RowSource>;
  /** Travels in the manifest as `scope`. */
  scope: Record<string, unknown>;
}

/** Meetings read from IndexedDB per page. */
export const MEETING_PAGE = 100;

/** The organisations of the scope: chosen + descendants (tombstones included) + their ancestors. */
export function orgsInScope(all: readonly Organisation[], chosen: readonly string[]): { inScope: Set<string>; withAncestors: Set<string> } {
  const byId = new Map(all.map((o) => [o.id, o]));
  const kids = new Map<string, string[]>();
  for (const o of all) if (o.parentId) kids.set(o.parentId, [...(kids.get(o.parentId) ?? []), o.id]);
  const inScope = new Set<string>();
  const stack = chosen.filter((id) => byId.has(id));
  while (stack.length) {
    const cur = stack.pop()!;
    if (inScope.has(cur)) continue;
    inScope.add(cur);
    stack.push(...(kids.get(cur) ?? []));
  }
  const withAncestors = new Set(inScope);
  for (const id of inScope) {
    let p = byId.get(id)?.parentId ?? null;
    for (let guard = 0; p && guard < 100 && !withAncestors.has(p); guard++) {
      withAncestors.add(p);
      p = byId.get(p)?.parentId ?? null;
    }
  }
  return { inScope, withAncestors };
}

function memberInOrgs(m: Member, orgs: Set<string>): boolean {
  if (orgs.has(m.branchId) || (m.groupId !== null && orgs.has(m.groupId))) return true;
  return m.memberships.some((p) => orgs.has(p.branchId) || (p.groupId !== null && orgs.has(p.groupId)));
}

/** First position in sorted `xs` whose value is ≥ `x` (or > `x` when `after`). */
function bound(xs: readonly string[], x: string, after: boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x || (after && xs[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `ids` sorted; `allIds` every meeting id, sorted. A page whose ids sit densely in the key range
 * is read with ONE ranged getAll (a full export: every page); a sparse one by key.
 */
async function* meetingPages(db: PartyMinutesDB, ids: string[], allIds: readonly string[]): AsyncGenerator<Meeting[]> {
  // The next page is requested before the current one is handed on, so IndexedDB reads overlap
  // with serialising and compressing.
  const fetch = (i: number): Promise<Meeting[]> | null => {
    if (i >= ids.length) return null;
    const page = ids.slice(i, i + MEETING_PAGE);
    const lo = page[0];
    const hi = page[page.length - 1];
    const span = bound(allIds, hi, true) - bound(allIds, lo, false);
    let p: Promise<Meeting[]>;
    if (span <= page.length + (page.length >> 1) + 16) {
      p = db.meetings.where(':id').between(lo, hi, true, true).toArray().then((rows) => {
        const wanted = new Set(page);
        return rows.filter((m) => wanted.has(m.id));
      });
    } else {
      p = db.meetings.bulkGet(page).then((rows) => rows.filter((m): m is Meeting => m !== undefined));
    }
    p.catch(() => undefined); // an abandoned export must not leave an unhandled rejection
    return p;
  };
  let next = fetch(0);
  for (let i = 0; next; i += MEETING_PAGE) {
    const page = await next;
    next = fetch(i + MEETING_PAGE);
    yield page;
  }
}

/**
 * The record tables other than meetings are small (a few thousand rows at most): read whole.
 * Meetings go page by page through their index rows.
 */
export async function collectRecords(db: PartyMinutesDB, scope: ExportScope): Promise<CollectedRecords> {
  const [orgs, members, index, talks, appraisals, rectifications] = await db.transaction(
    'r',
    [db.organisations, db.members, db.meetingIndex, db.talks, db.appraisals, db.rectifications],
    () =>
      Promise.all([
        db.organisations.toArray(),
        db.members.toArray(),
        db.meetingIndex.toArray(),
        db.talks.toArray(),
        db.appraisals.toArray(),
        db.rectifications.toArray(),
      ]),
  );
  let orgRows: Organisation[] = orgs;
  let memberRows: Member[] = members;
  let talkRows: Talk[] = talks;
  let appraisalRows: Appraisal[] = appraisals;
  let rectificationRows: Rectification[] = rectifications;
  let meetingIds: string[];
  let scopeJson: Record<string, unknown>;
  if (scope.kind === 'all') {
    meetingIds = index.map((r) => r.id);
    scopeJson = { kind: 'all' };
  } else if (scope.kind === 'orgs') {
    const { inScope, withAncestors } = orgsInScope(orgs, scope.orgIds);
    orgRows = orgs.filter((o) => withAncestors.has(o.id));
    memberRows = members.filter((m) => memberInOrgs(m, inScope));
    meetingIds = index.filter((r) => inScope.has(r.orgId)).map((r) => r.id);
    talkRows = talks.filter((r) => inScope.has(r.orgId));
    appraisalRows = appraisals.filter((r) => inScope.has(r.orgId));
    rectificationRows = rectifications.filter((r) => inScope.has(r.orgId));
    scopeJson = { kind: 'orgs', orgIds: [...scope.orgIds], names: orgs.filter((o) => scope.orgIds.includes(o.id)).map((o) => o.name) };
  } else {
    if (!(scope.from <= scope.to)) throw new Error('日期范围不正确：开始日期不能晚于结束日期');
    const inRange = (d: string) => d >= scope.from && d <= scope.to;
    meetingIds = index.filter((r) => inRange(r.date)).map((r) => r.id);
    talkRows = talks.filter((r) => inRange(r.date));
    appraisalRows = appraisals.filter((r) => inRange(r.date));
    // An item belongs to the range it was raised in.
    rectificationRows = rectifications.filter((r) => inRange(r.raisedDate));
    scopeJson = { kind: 'dates', from: scope.from, to: scope.to };
  }
  meetingIds.sort();
  const allIds = index.map((r) => r.id).sort();
  return {
    counts: {
      organisations: orgRows.length,
      members: memberRows.length,
      meetings: meetingIds.length,
      talks: talkRows.length,
      appraisals: appraisalRows.length,
      rectifications: rectificationRows.length,
    },
    tables: {
      organisations: orgRows,
      members: memberRows,
      meetings: meetingPages(db, meetingIds, allIds),
      talks: talkRows,
      appraisals: appraisalRows,
      rectifications: rectificationRows,
    },
    scope: scopeJson,
  };
}

/** A sentence for the preview and the log: 全部记录 / 第一党支部等 2 个组织及其下级 / 2025-01-01 至 2025-03-31. */
export function describeScope(scope: Record<string, unknown>): string {
  if (scope.kind === 'all') return '全部记录';
  if (scope.kind === 'orgs') {
    const names = Array.isArray(scope.names) ? (scope.names as unknown[]).filter((n) => typeof n === 'string') : [];
    return names.length ? `${names.slice(0, 3).join('、')}${names.length > 3 ? ` 等 ${names.length} 个组织` : ''}及其下级组织` : '选定的组织及其下级组织';
  }
  if (scope.kind === 'dates' && typeof scope.from === 'string' && typeof scope.to === 'string') return `${scope.from} 至 ${scope.to} 的会议、谈话、评议和整改记录（含组织和花名册）`;
  if (scope.kind === 'backup') return '本机数据库完整备份';
  return '未说明';
}
