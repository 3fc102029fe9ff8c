/**
 * Write-ahead copy of an unsaved 谈心谈话 / 民主评议 draft (same idea as the meeting editor's
 * writeAhead.ts): IndexedDB writes are asynchronous and a closing page may be gone before they
 * commit; localStorage is synchronous, so the last keystrokes are copied there when the page is
 * hidden or unloaded and adopted on the next open if IndexedDB never got them.
 */
import type { RecordMeta } from '../../../shared/model';
import type { RecordKind } from '../../db';

const PREFIX = 'party-minutes:unsaved-';

interface Entry {
  /** `rev` of the stored record the draft was based on. */
  baseRev: number;
  writtenAt: string;
  record: unknown;
}

function key(kind: { name: string }, id: string): string {
  return `${PREFIX}${kind.name}:${id}`;
}

export function writeAheadRecord<T extends RecordMeta, F>(kind: RecordKind<T, F>, draft: T, baseRev: number): void {
  const entry: Entry = { baseRev, writtenAt: new Date().toISOString(), record: draft };
  try {
    localStorage.setItem(key(kind, draft.id), JSON.stringify(entry));
  } catch {
    // Quota or disabled storage: the IndexedDB flush still runs; nothing more can be done synchronously.
  }
}

export function clearWriteAheadRecord(kind: { name: string }, id: string): void {
  try {
    localStorage.removeItem(key(kind, id));
  } catch {
    /* storage unavailable: nothing to clear */
  }
}

/**
 * The unsaved draft for this record if the stored copy is still the one it was based on (a newer
 * stored revision means the save did land or another edit replaced it: the copy is dropped).
 */
export function takeWriteAheadRecord<T extends RecordMeta, F>(kind: RecordKind<T, F>, stored: T): T | null {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(key(kind, stored.id));
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const entry = JSON.parse(raw) as Partial<Entry>;
    const parsed = kind.schema.safeParse(entry.record);
    if (entry.baseRev !== stored.rev || !parsed.success || parsed.data.id !== stored.id || stored.deletedAt) {
      clearWriteAheadRecord(kind, stored.id);
      return null;
    }
    return parsed.data;
  } catch {
    clearWriteAheadRecord(kind, stored.id);
    return null;
  }
}
