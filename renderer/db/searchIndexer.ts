/**
 * Deferred search indexing. A record write stores only a small PENDING row in `searchIndex` (in the
 * record's own transaction, so nothing is missed even if the app dies); this indexer turns pending
 * rows into full gram rows shortly after, in small transactions, off the writer's path. Importing
 * 10,000 meetings no longer writes ~6 million multiEntry index entries inside the import
 * transaction, and an autosave every 400 ms no longer rewrites hundreds of grams each time.
 *
 * Search stays exact meanwhile: renderer/db/search.ts adds every pending record to the candidates
 * and checks its text like any other candidate.
 *
 * A pending row carries a `pending` stamp; the indexer reads a chunk of pending rows, then the
 * records, derives the gram rows outside any write lock, and finally replaces only the rows whose
 * stamp is unchanged (a record written again meanwhile stays pending for the next round).
 */
import type { DBCoreTransaction } from 'dexie';
import type { RecordOfTable, SearchFacts, SearchTable } from '../../shared/search';
import type { PartyMinutesDB, SearchIndexRow } from './database';
import { getSensitiveGramTokenizer, onTokenizerChange, searchIndexRow } from './searchRow';

/** The gram that marks a pending row (no real gram starts with U+0000: grams are letters and digits). */
export const PENDING_GRAM = '\u0000pending';

/** Records per indexing transaction: a short write lock, so autosave never waits long. */
const CHUNK = 40;
/** Quiet time after the last write before indexing starts, and the longest it is put off while writes keep coming. */
const IDLE_MS = 800;
const MAX_WAIT_MS = 5000;

let stampSeq = 0;

/** The row written with a record: the facts the filters need, no grams yet. */
export function pendingIndexRow(table: SearchTable, id: string, facts: SearchFacts): SearchIndexRow {
  stampSeq = (stampSeq + 1) % Number.MAX_SAFE_INTEGER;
  return {
    key: `${table}:${id}`,
    table,
    recordId: id,
    orgId: facts.orgId,
    year: facts.year,
    kind: facts.kind,
    live: facts.live,
    grams: [PENDING_GRAM],
    pending: `${Date.now().toString(36)}.${stampSeq.toString(36)}.${Math.random().toString(36).slice(2, 8)}`,
  };
}

/** Keys of the rows still waiting for their grams (call inside a transaction that includes searchIndex for a consistent view). */
export function pendingKeys(db: PartyMinutesDB): Promise<string[]> {
  return db.searchIndex.where('grams').equals(PENDING_GRAM).primaryKeys();
}

// --- the pending keys, in memory ---
// Scanning the PENDING entries of the index costs a pass over every entry the indexer has already
// removed (LevelDB keeps them as tombstones until compaction): ~300 ms at 50,000 records. Search
// asks on every query, so the set is kept here: built by one scan per opened database, then patched
// when writes and indexing COMMIT (as searchCatalogue.ts does; one window per database).

interface PendingState {
  keys: Set<string> | null;
  /** While the set is being built: the changes committed meanwhile, applied on top of the scan. */
  log: { add: readonly string[]; remove: readonly string[] }[] | null;
  building: Promise<Set<string>> | null;
}
const pendingStates = new Map<string, PendingState>();

function pendingState(name: string): PendingState {
  let s = pendingStates.get(name);
  if (!s) pendingStates.set(name, (s = { keys: null, log: null, building: null }));
  return s;
}

/** Forget the set (database reopened, or a whole table cleared): the next search scans once. */
export function resetPending(name: string): void {
  const s = pendingState(name);
  s.keys = null;
  s.log = null;
  s.building = null;
}

function patchPending(name: string, add: readonly string[], remove: readonly string[]): void {
  const s = pendingState(name);
  s.log?.push({ add, remove });
  if (!s.keys) return;
  for (const k of remove) s.keys.delete(k);
  for (const k of add) s.keys.add(k);
}

/** The keys of the records whose grams are not derived yet (a live set: do not modify). */
export async function pendingSet(db: PartyMinutesDB): Promise<ReadonlySet<string>> {
  const s = pendingState(db.name);
  if (s.keys) return s.keys;
  if (!s.building) {
    const log: NonNullable<PendingState['log']> = [];
    s.log = log;
    // `s.log === log` until a reset: a reset meanwhile makes this build stale.
    const settle = (keys: Set<string> | null) => {
      if (s.log !== log) return;
      s.keys = keys;
      s.log = null;
      s.building = null;
    };
    s.building = (async () => {
      const keys = new Set(await pendingKeys(db));
      // Replaying what committed during the scan is right whether the scan saw it or not.
      for (const { add, remove } of log) {
        for (const k of remove) keys.delete(k);
        for (const k of add) keys.add(k);
      }
      settle(keys);
      return keys;
    })().catch((e: unknown) => {
      settle(null);
      throw e;
    });
  }
  return s.building;
}

/** Patch the pending set when `trans` commits. */
function onCommit(name: string, trans: unknown, fn: () => void): void {
  const t = trans as Partial<Pick<IDBTransaction, 'addEventListener'>>;
  if (typeof t.addEventListener !== 'function') {
    resetPending(name);
    return;
  }
  t.addEventListener('complete', fn);
}

// --- which Dexie instances can index a database (several may be open on one name in tests) ---

const instances = new Map<string, Set<PartyMinutesDB>>();

export function registerIndexer(db: PartyMinutesDB): void {
  let set = instances.get(db.name);
  if (!set) instances.set(db.name, (set = new Set()));
  set.add(db);
}

export function unregisterIndexer(db: PartyMinutesDB): void {
  const set = instances.get(db.name);
  set?.delete(db);
  if (set && !set.size) instances.delete(db.name);
}

function openInstance(name: string): PartyMinutesDB | undefined {
  for (const db of instances.get(name) ?? []) if (db.isOpen()) return db;
  return undefined;
}

// --- scheduling ---

interface Schedule {
  timer: ReturnType<typeof setTimeout> | null;
  firstAsk: number | null;
  running: Promise<number> | null;
  again: boolean;
}
const schedules = new Map<string, Schedule>();

/** Indexing waits while sensitive text cannot be tokenised (encryption on, key locked). */
const canIndex = () => getSensitiveGramTokenizer() !== null;

let background = true;

/**
 * Benchmarks that measure one thing at a time switch the background indexer off and call
 * indexPending themselves (its cost is reported on its own). The app never does.
 */
export function setBackgroundIndexing(on: boolean): void {
  background = on;
}

/** Index `name`'s pending rows soon (debounced; runs once the writes pause or after MAX_WAIT_MS). */
export function scheduleIndexing(name: string, delay = IDLE_MS): void {
  if (!background) return;
  let s = schedules.get(name);
  if (!s) schedules.set(name, (s = { timer: null, firstAsk: null, running: null, again: false }));
  const sched = s;
  if (sched.running) {
    sched.again = true;
    return;
  }
  const now = Date.now();
  sched.firstAsk ??= now;
  if (sched.timer) clearTimeout(sched.timer);
  const wait = Math.max(0, Math.min(delay, sched.firstAsk + MAX_WAIT_MS - now));
  sched.timer = setTimeout(() => {
    sched.timer = null;
    sched.firstAsk = null;
    const db = openInstance(name);
    if (!db || !canIndex()) return;
    // Someone is already indexing this database (an explicit indexPending): try again after it.
    if (active.get(name)) return scheduleIndexing(name);
    // One round: what is pending now. Rows written meanwhile asked for the next run themselves
    // (`again`), so a record being typed into is re-indexed after the next pause, not in a loop.
    sched.running = runIndexing(db, { rounds: 1 }).catch(() => 0); // closed or deleted meanwhile: the rows stay pending for the next open
    void sched.running.finally(() => {
      sched.running = null;
      if (sched.again) {
        sched.again = false;
        scheduleIndexing(name);
      }
    });
  }, wait);
}

// Unlocking installs a tokenizer: what waited for it is indexed now.
onTokenizerChange(() => {
  for (const name of instances.keys()) scheduleIndexing(name, 0);
});

const queued = new WeakMap<object, { added: string[]; removed: string[] }>();

/**
 * The search middleware wrote pending rows (`added`) or removed index rows (`removed`) in `trans`:
 * when it commits, patch the pending set and schedule indexing (one listener per transaction).
 */
export function indexAfterCommit(name: string, trans: DBCoreTransaction, change: { added?: readonly string[]; removed?: readonly string[] }): void {
  let q = queued.get(trans);
  if (!q) {
    const list = (q = { added: [], removed: [] });
    queued.set(trans, list);
    onCommit(name, trans, () => {
      patchPending(name, list.added, list.removed);
      if (list.added.length) scheduleIndexing(name);
    });
  }
  q.added.push(...(change.added ?? []));
  q.removed.push(...(change.removed ?? []));
}

// --- the work ---

export interface IndexPendingOptions {
  /** Records done so far (of those pending when it started, plus any written meanwhile). */
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
  chunk?: number;
}

/**
 * Derives the grams of every pending row, `chunk` records per transaction, yielding to the page
 * between chunks. Resolves with the number of rows indexed once none is pending (or when aborted,
 * or when the sensitive tokenizer is missing: those rows wait for the key to be unlocked).
 */
export function indexPending(db: PartyMinutesDB, options: IndexPendingOptions = {}): Promise<number> {
  return runIndexing(db, options);
}

async function runIndexing(db: PartyMinutesDB, options: IndexPendingOptions & { rounds?: number }): Promise<number> {
  active.set(db.name, (active.get(db.name) ?? 0) + 1);
  try {
    return await drain(db, options);
  } finally {
    active.set(db.name, active.get(db.name)! - 1);
  }
}

/** Databases being indexed right now (by name), so the scheduler does not double the work. */
const active = new Map<string, number>();

async function drain(db: PartyMinutesDB, { onProgress, signal, chunk = CHUNK, rounds = Infinity }: IndexPendingOptions & { rounds?: number }): Promise<number> {
  let done = 0;
  for (let round = 0; round < rounds; round++) {
    if (signal?.aborted || !canIndex()) return done;
    // One scan of the pending entries per round: scanning them again for every chunk would step
    // over the growing run of entries already deleted from the index (LevelDB tombstones).
    const keys = await pendingKeys(db);
    if (!keys.length) return done;
    for (let i = 0; i < keys.length; i += chunk) {
      if (signal?.aborted || !canIndex()) return done;
      done += await indexChunk(db, keys.slice(i, i + chunk));
      onProgress?.(done);
      // Let input and rendering in between chunks.
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  return done;
}

/** Derives the grams of the rows of `keys` still pending; returns how many rows it replaced. */
async function indexChunk(db: PartyMinutesDB, keys: string[]): Promise<number> {
  const pending = (await db.searchIndex.bulkGet(keys)).filter((r): r is SearchIndexRow => r?.pending !== undefined);
  if (!pending.length) return 0;
  // Read the records outside the write transaction: they are big, and nobody should wait on it.
  const byTable = new Map<SearchTable, SearchIndexRow[]>();
  for (const p of pending) byTable.set(p.table, [...(byTable.get(p.table) ?? []), p]);
  const fresh = new Map<string, SearchIndexRow | null>();
  for (const [table, rows] of byTable) {
    const records = await db.table(table).bulkGet(rows.map((r) => r.recordId));
    rows.forEach((r, i) => {
      const rec = records[i] as RecordOfTable[SearchTable] | undefined;
      fresh.set(r.key, rec ? searchIndexRow(table, rec) : null);
    });
  }
  const stamps = new Map(pending.map((p) => [p.key, p.pending]));
  const done: string[] = [];
  const n = await db.transaction('rw', db.searchIndex, async (tx) => {
    onCommit(db.name, tx.idbtrans, () => patchPending(db.name, [], done));
    const now = await db.searchIndex.bulkGet([...stamps.keys()]);
    const put: SearchIndexRow[] = [];
    const gone: string[] = [];
    for (const row of now) {
      // Written again since we read it (new stamp) or already done: left for the next run.
      if (!row || row.pending === undefined || row.pending !== stamps.get(row.key)) continue;
      const next = fresh.get(row.key);
      if (next) put.push(next);
      else gone.push(row.key);
    }
    if (put.length) await db.searchIndex.bulkPut(put);
    if (gone.length) await db.searchIndex.bulkDelete(gone);
    done.push(...put.map((r) => r.key), ...gone);
    return put.length + gone.length;
  });
  return n;
}
