/**
 * Full-text search (design §8): candidates come from the index by the query's rarest gram
 * (intersected with its other grams where that is cheap), are filtered and ordered newest first by
 * the in-memory catalogue, and only then are records read and checked for the EXACT query
 * (书记 never matches 记书), page by page until `limit` hits are found.
 *
 * Snippets come from plain text only. A record whose only match is in sensitive text (talk
 * contents, criticism…) is listed with SENSITIVE_ONLY_NOTICE instead of a snippet.
 */
import {
  matchSnippets,
  normaliseQuery,
  normaliseText,
  queryPlan,
  type QueryPlan,
  searchText,
  searchTitle,
  type RecordOfTable,
  type SearchTable,
  type Segment,
} from '../../shared/search';
import type { PartyMinutesDB } from './database';
import { catalogue, catalogueByDate, newerFirst, type CatalogueEntry } from './searchCatalogue';
import { pendingSet } from './searchIndexer';
import { getSensitiveGramTokenizer, plainSensitiveTokenizer } from './searchRow';

export const SENSITIVE_ONLY_NOTICE = '（匹配内容在敏感字段中，打开记录查看）';

export interface SearchOptions {
  tables?: readonly SearchTable[];
  orgIds?: readonly string[];
  /** Meeting types, talk types, 'appraisal', rectification list kinds (see searchFacts). */
  kinds?: readonly string[];
  year?: number;
  /** Records in the recycle bin are left out unless asked for. */
  includeDeleted?: boolean;
  /** At most this many hits (default 50). */
  limit?: number;
}

export interface SearchHit {
  table: SearchTable;
  id: string;
  orgId: string;
  kind: string;
  date: string;
  title: string;
  /** Snippets around the matches in plain text; empty when the match is only in sensitive text. */
  snippets: Segment[][];
  sensitiveOnly: boolean;
}

export interface SearchResult {
  /** The query as matched (normalised). */
  query: string;
  hits: SearchHit[];
  /** Number of matching records: exact when `totalExact`, otherwise an estimate (shown as 约 N). */
  total: number;
  totalExact: boolean;
  /** Records whose search index is still being derived (they were read and checked one by one). */
  pendingRecords: number;
}

/** Grams fetched up to this many keys to estimate rarity; beyond it a gram counts as common. */
const PROBE_CAP = 500;
/** Estimated share of matching records from which they are read newest first instead of by key. */
const DENSE = 0.25;

type Keys = Set<string>;

/**
 * Keys of the records holding any of `tokens`. With `cap`, each token's list stops after cap + 1 keys
 * (in key order); `bound` is then the smallest last key of a list that was cut: below it, `keys` is
 * complete. No bound when nothing was cut.
 */
async function keysOf(db: PartyMinutesDB, tokens: string[], cap?: number): Promise<{ keys: Keys; complete: boolean; bound: string | null }> {
  const lists = await Promise.all(
    tokens.map((t) => {
      const c = db.searchIndex.where('grams').equals(t);
      return (cap ? c.limit(cap + 1) : c).primaryKeys();
    }),
  );
  const keys = new Set<string>();
  for (const l of lists) for (const k of l) keys.add(k);
  let bound: string | null = null;
  for (const l of lists) if (cap && l.length > cap && (bound === null || l[l.length - 1] < bound)) bound = l[l.length - 1];
  return { keys, complete: bound === null, bound };
}

/** One character: every record with a gram starting with it (a key range of the multiEntry index). */
async function prefixKeys(db: PartyMinutesDB, char: string): Promise<Keys> {
  // Sensitive grams can be range-scanned only when they are stored in the clear (`s:` + gram).
  const prefixes = getSensitiveGramTokenizer() === plainSensitiveTokenizer ? [char, plainSensitiveTokenizer(char)] : [char];
  const lists = await Promise.all(prefixes.map((p) => db.searchIndex.where('grams').startsWith(p).primaryKeys()));
  return new Set(lists.flat());
}

interface Candidates {
  /** Candidate keys (a superset of the matches); null: read records newest first and check each. */
  keys: Keys | null;
  /** With `keys` null: an estimate of the matches (sampled below the probes' cut-off key). */
  estimate?: number;
  /** Records whose grams are not indexed yet (searchIndexer.ts): in `keys`, checked by reading them. */
  pending: Keys;
}

/** Adds the pending records: their rows have no grams yet, so only reading them can tell. */
function withPending(keys: Keys, pending: Keys): Keys {
  for (const k of pending) keys.add(k);
  return keys;
}

/**
 * Candidates by the rarest gram. When every gram is common and a sample says at least DENSE of all
 * records match, reading the newest records and checking them finds `limit` hits sooner than
 * fetching tens of thousands of keys (measured in tests/bench/search.bench.test.ts).
 */
async function candidates(db: PartyMinutesDB, plan: QueryPlan): Promise<Candidates> {
  if (plan.kind === 'scan' || plan.kind === 'none') return { keys: null, pending: new Set() };
  const tok = getSensitiveGramTokenizer();
  const tokensOf = (g: string) => (tok ? [g, tok(g)] : [g]);
  const size = plan.kind === 'grams' ? (await catalogue(db)).size : 0;
  // Taken before the probes: a row the indexer finishes meanwhile is checked twice, never missed.
  const pending = new Set(await pendingSet(db));
  return db.transaction('r', db.searchIndex, async () => {
    if (plan.kind === 'prefix') return { keys: withPending(await prefixKeys(db, plan.char), pending), pending };
    const grams = plan.grams;
    const probes = await Promise.all(grams.map(async (g) => ({ g, ...(await keysOf(db, tokensOf(g), PROBE_CAP)) })));
    const complete = probes.filter((p) => p.complete).sort((a, b) => a.keys.size - b.keys.size);
    let base: Keys;
    if (complete.length) {
      base = complete[0].keys;
    } else {
      // Every gram is common. Counting each one walks tens of thousands of index entries (≈300 ms
      // per gram at 50,000 records), so estimate instead: below the smallest cut-off key every probe
      // is complete, and the records there are a uniform sample (keys are random ids).
      const bound = probes.reduce((b, p) => (p.bound! < b ? p.bound! : b), probes[0].bound!);
      const below = (k: string) => k <= bound;
      let sample = [...probes[0].keys].filter(below);
      for (const p of probes.slice(1)) sample = sample.filter((k) => p.keys.has(k));
      let population = 0;
      for (const k of (await catalogue(db)).keys()) if (below(k)) population++;
      const density = population ? sample.length / population : 1;
      // Dense: reading the newest records and checking them finds `limit` hits within a few hundred.
      if (density >= DENSE) return { keys: null, estimate: Math.round(density * size) + pending.size, pending };
      const rarest = probes.map((p) => [...p.keys].filter(below).length);
      base = (await keysOf(db, tokensOf(grams[rarest.indexOf(Math.min(...rarest))]))).keys;
    }
    // Intersect with the other grams we already know completely (cheap, in memory).
    for (const p of complete.slice(1)) {
      const next = new Set<string>();
      for (const k of base) if (p.keys.has(k)) next.add(k);
      base = next;
    }
    return { keys: withPending(base, pending), pending };
  });
}

function passes(e: CatalogueEntry, o: SearchOptions, sets: { tables?: Set<string>; orgs?: Set<string>; kinds?: Set<string> }): boolean {
  return (
    (o.includeDeleted || e.live === 1) &&
    (!sets.tables || sets.tables.has(e.table)) &&
    (!sets.orgs || sets.orgs.has(e.orgId)) &&
    (!sets.kinds || sets.kinds.has(e.kind)) &&
    (o.year === undefined || e.year === o.year)
  );
}

async function ordered(db: PartyMinutesDB, keys: Keys | null, o: SearchOptions): Promise<CatalogueEntry[]> {
  const sets = {
    tables: o.tables ? new Set<string>(o.tables) : undefined,
    orgs: o.orgIds ? new Set(o.orgIds) : undefined,
    kinds: o.kinds ? new Set(o.kinds) : undefined,
  };
  if (!keys || keys.size > 2000) {
    // Many candidates: one pass over the date-sorted catalogue beats sorting them.
    return (await catalogueByDate(db)).filter((e) => (!keys || keys.has(e.key)) && passes(e, o, sets));
  }
  const cat = await catalogue(db);
  const out: CatalogueEntry[] = [];
  for (const k of keys) {
    const e = cat.get(k);
    if (e && passes(e, o, sets)) out.push(e);
  }
  return out.sort(newerFirst);
}

async function loadRecords(db: PartyMinutesDB, entries: CatalogueEntry[]): Promise<Map<string, RecordOfTable[SearchTable]>> {
  const byTable = new Map<SearchTable, string[]>();
  for (const e of entries) byTable.set(e.table, [...(byTable.get(e.table) ?? []), e.id]);
  const out = new Map<string, RecordOfTable[SearchTable]>();
  await Promise.all(
    [...byTable].map(async ([table, ids]) => {
      const rows = (await db.table(table).bulkGet(ids)) as (RecordOfTable[SearchTable] | undefined)[];
      rows.forEach((r, i) => r && out.set(`${table}:${ids[i]}`, r));
    }),
  );
  return out;
}

/** Searches the records for `query` (exact substring after normalisation). */
export async function search(db: PartyMinutesDB, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const q = normaliseQuery(query);
  const plan = queryPlan(q);
  if (plan.kind === 'none') return { query: q, hits: [], total: 0, totalExact: true, pendingRecords: 0 };
  const limit = Math.max(1, options.limit ?? 50);
  const cand = await candidates(db, plan);
  const list = await ordered(db, cand.keys, options);
  const withSensitive = getSensitiveGramTokenizer() !== null;
  // One character, or a two-character word: every candidate matches (no reading needed to count).
  // Not while a listed record is pending: its row does not say whether it matches.
  const gramIsQuery =
    (plan.kind === 'prefix' || plan.kind === 'grams') && plan.exact && cand.keys !== null && !(cand.pending.size && list.some((e) => cand.pending.has(e.key)));

  const matched: { e: CatalogueEntry; rec: RecordOfTable[SearchTable]; plain: string; inPlain: boolean }[] = [];
  let checked = 0;
  let batch = limit;
  while (matched.length < limit && checked < list.length) {
    const slice = list.slice(checked, checked + batch);
    batch *= 2;
    const recs = await loadRecords(db, slice);
    for (const e of slice) {
      checked++;
      const rec = recs.get(e.key);
      if (!rec) continue;
      const text = searchText(e.table, rec);
      const inPlain = normaliseText(text.plain).includes(q);
      if (inPlain || (withSensitive && normaliseText(text.sensitive).includes(q))) {
        matched.push({ e, rec, plain: text.plain, inPlain });
        if (matched.length >= limit) break;
      }
    }
  }
  const orgIds = [...new Set(matched.map((m) => m.e.orgId))];
  const orgs = await db.organisations.bulkGet(orgIds);
  const orgName = new Map(orgIds.map((id, i) => [id, orgs[i]?.name ?? '']));
  const hits: SearchHit[] = matched.map(({ e, rec, plain, inPlain }) => ({
    table: e.table,
    id: e.id,
    orgId: e.orgId,
    kind: e.kind,
    date: e.date,
    title: searchTitle(e.table, rec, orgName.get(e.orgId) ?? ''),
    snippets: inPlain ? matchSnippets(plain, q) : [],
    sensitiveOnly: !inPlain,
  }));
  const allChecked = checked >= list.length;
  return {
    query: q,
    hits,
    total: gramIsQuery ? list.length : allChecked ? hits.length : Math.min(list.length, cand.estimate ?? Infinity),
    totalExact: gramIsQuery || allChecked,
    pendingRecords: cand.pending.size,
  };
}
