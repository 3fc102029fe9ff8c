/**
 * In-memory catalogue of the searchable records: key → table, organisation, date, year, kind, live.
 * Search filters and orders candidate keys with it instead of reading index rows (each carries
 * hundreds of grams). Built once per opened database from the small `meetingIndex` rows and the
 * (small) talk / appraisal / rectification tables, then patched by the search middleware when a
 * write COMMITS (an aborted transaction changes nothing). Keyed by database name: every Dexie
 * instance of that database in this window patches the same catalogue. Writes from another window
 * are not seen until the database is reopened (the desktop app has one window).
 */
import type { DBCoreTransaction } from 'dexie';
import { searchFacts, type SearchFacts, type SearchTable } from '../../shared/search';
import type { PartyMinutesDB } from './database';

export interface CatalogueEntry extends SearchFacts {
  key: string;
  table: SearchTable;
  id: string;
}

export type CatalogueOp = { put: CatalogueEntry } | { remove: string } | { reset: true };

interface State {
  entries: Map<string, CatalogueEntry> | null;
  /** Entries by date, newest first (rebuilt lazily after changes). */
  sorted: CatalogueEntry[] | null;
  /** Bumped on every committed change: a build that overlapped a change starts again. */
  gen: number;
  building: Promise<Map<string, CatalogueEntry>> | null;
}

const states = new Map<string, State>();

function state(name: string): State {
  let s = states.get(name);
  if (!s) states.set(name, (s = { entries: null, sorted: null, gen: 0, building: null }));
  return s;
}

export function resetCatalogue(name: string): void {
  const s = state(name);
  s.entries = null;
  s.sorted = null;
  s.gen++;
}

function apply(name: string, ops: CatalogueOp[]): void {
  const s = state(name);
  s.gen++;
  s.sorted = null;
  if (!s.entries) return;
  for (const op of ops) {
    if ('reset' in op) {
      s.entries = null;
      return;
    }
    if ('put' in op) s.entries.set(op.put.key, op.put);
    else s.entries.delete(op.remove);
  }
}

const pending = new WeakMap<object, CatalogueOp[]>();

/** Queues catalogue changes until `trans` commits. */
export function catalogueOnCommit(name: string, trans: DBCoreTransaction, ops: CatalogueOp[]): void {
  const t = trans as unknown as Partial<Pick<IDBTransaction, 'addEventListener'>>;
  if (typeof t.addEventListener !== 'function') {
    resetCatalogue(name);
    return;
  }
  const queued = pending.get(trans);
  if (queued) {
    queued.push(...ops);
    return;
  }
  const list = [...ops];
  pending.set(trans, list);
  // Dexie's own completion handler runs first, so code awaiting the write may resume before this
  // listener; a search is still safe because it reads the catalogue only after its own IndexedDB
  // requests, which complete in a later task than this event.
  t.addEventListener('complete', () => apply(name, list));
  // Aborted: nothing was written, but be safe about what the catalogue believes.
  t.addEventListener('abort', () => state(name).gen++);
}

async function build(db: PartyMinutesDB): Promise<Map<string, CatalogueEntry>> {
  const entries = new Map<string, CatalogueEntry>();
  await db.transaction('r', [db.meetingIndex, db.talks, db.appraisals, db.rectifications], async () => {
    const [meetings, talks, appraisals, rects] = await Promise.all([
      db.meetingIndex.toArray(),
      db.talks.toArray(),
      db.appraisals.toArray(),
      db.rectifications.toArray(),
    ]);
    for (const m of meetings) {
      const key = `meetings:${m.id}`;
      entries.set(key, { key, table: 'meetings', id: m.id, orgId: m.orgId, date: m.date, year: Number(m.date.slice(0, 4)), kind: m.type, live: m.live });
    }
    const add = <T extends SearchTable>(table: T, r: Parameters<typeof searchFacts<T>>[1]) => {
      const key = `${table}:${r.id}`;
      entries.set(key, { key, table, id: r.id, ...searchFacts(table, r) });
    };
    for (const r of talks) add('talks', r);
    for (const r of appraisals) add('appraisals', r);
    for (const r of rects) add('rectifications', r);
  });
  return entries;
}

/** The catalogue of `db` (built on first use). */
export async function catalogue(db: PartyMinutesDB): Promise<Map<string, CatalogueEntry>> {
  const s = state(db.name);
  if (s.entries) return s.entries;
  if (!s.building) {
    s.building = (async () => {
      for (let attempt = 0; ; attempt++) {
        const gen = s.gen;
        const entries = await build(db);
        // A write committed while we read: read again (the patches had nothing to patch).
        if (gen === s.gen || attempt >= 3) {
          s.entries = entries;
          s.sorted = null;
          return entries;
        }
      }
    })().finally(() => {
      s.building = null;
    });
  }
  return s.building;
}

export function newerFirst(a: CatalogueEntry, b: CatalogueEntry): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** All entries, newest first. */
export async function catalogueByDate(db: PartyMinutesDB): Promise<CatalogueEntry[]> {
  const entries = await catalogue(db);
  const s = state(db.name);
  if (s.sorted && s.entries === entries) return s.sorted;
  const sorted = [...entries.values()].sort(newerFirst);
  if (s.entries === entries) s.sorted = sorted;
  return sorted;
}
