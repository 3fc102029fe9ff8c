/**
 * Upgrade v2 → v3: the new stores start empty; the search index of the records that already
 * exist is filled here (the middleware only sees writes made after the upgrade). Only meetings
 * exist before v3; their text has no sensitive part yet (the `life` block is new in v3), so the
 * sensitive tokenizer installed at start-up does not matter here.
 */
import type { Transaction } from 'dexie';
import type { Meeting } from '../../shared/model';
import { searchIndexRow } from './searchIndex';

/** Meetings read per step: bounded memory on databases with tens of thousands of records. */
const PAGE = 500;

export async function upgradeToV3(tx: Transaction): Promise<void> {
  const meetings = tx.table('meetings');
  const index = tx.table('searchIndex');
  let after: string | null = null;
  for (;;) {
    const page = (await (after === null ? meetings.orderBy(':id') : meetings.where(':id').above(after)).limit(PAGE).toArray()) as Meeting[];
    if (page.length) await index.bulkPut(page.map((m) => searchIndexRow('meetings', m)));
    if (page.length < PAGE) break;
    after = page[page.length - 1].id;
  }
}
