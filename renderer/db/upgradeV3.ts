/**
 * Upgrade v2 → v3: the new stores start empty; the search index of the records that already
 * exist is filled here (the middleware only sees writes made after the upgrade).
 */
import type { Transaction } from 'dexie';

export async function upgradeToV3(tx: Transaction): Promise<void> {
  // Filled by the search work (issue #6): build searchIndex rows for every existing meeting.
  void tx;
}
