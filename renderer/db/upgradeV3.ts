/**
 * Upgrade v2 → v3: the new stores start empty; the meetings that already exist get a pending
 * search-index row here (the middleware only sees writes made after the upgrade), and the deferred
 * indexer (searchIndexer.ts) derives their grams after the database is open, so opening a large
 * database is not held up by millions of index entries.
 */
import type { Transaction } from 'dexie';
import type { Meeting } from '../../shared/model';
import { searchFacts } from '../../shared/search';
import { pendingIndexRow } from './searchIndexer';

/** Meetings read per step: bounded memory on databases with tens of thousands of records. */
const PAGE = 500;

export async function upgradeToV3(tx: Transaction): Promise<void> {
  const meetings = tx.table('meetings');
  const index = tx.table('searchIndex');
  let after: string | null = null;
  for (;;) {
    const page = (await (after === null ? meetings.orderBy(':id') : meetings.where(':id').above(after)).limit(PAGE).toArray()) as Meeting[];
    if (page.length) await index.bulkPut(page.map((m) => pendingIndexRow('meetings', m.id, searchFacts('meetings', m))));
    if (page.length < PAGE) break;
    after = page[page.length - 1].id;
  }
}
