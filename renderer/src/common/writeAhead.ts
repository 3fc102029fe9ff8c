/**
 * Write-ahead copy of an unsaved draft. IndexedDB writes are asynchronous and a closing page may be
 * gone before they commit; localStorage is synchronous, so the last keystrokes are copied there when
 * the page is hidden or unloaded, and adopted on the next open if IndexedDB never got them.
 *
 * One store for every autosaved record (meetings, 谈心谈话, 民主评议): a slot names the kind (part of
 * the key), the schema that vets a copy on its way back in, and when a stored record still takes edits.
 */
import type { z } from 'zod';
import type { RecordMeta } from '../../../shared/model';

const PREFIX = 'party-minutes:unsaved-';

export interface WriteAheadSlot<T extends RecordMeta> {
  /** Key part: `party-minutes:unsaved-<name>:<id>`. A RecordKind (TALKS, APPRAISALS) is a slot. */
  name: string;
  schema: z.ZodType<T>;
  /** Property of the stored entry that holds the draft; meeting copies have always used `meeting`. */
  field?: string;
  /** Whether the stored record still takes edits; a copy for one that does not is dropped. */
  editable?: (stored: T) => boolean;
}

interface WriteAheadEntry {
  /** `rev` of the stored record the draft was based on. */
  baseRev: number;
  /**
   * `rev` an autosave still in flight when the copy was taken will give the record. That save
   * holds an older draft than this copy: if it lands and the page dies before the next save,
   * the stored record has this rev and still lacks the last keystrokes.
   */
  landingRev?: number;
  writtenAt: string;
  [field: string]: unknown;
}

function key(slot: { name: string }, id: string): string {
  return `${PREFIX}${slot.name}:${id}`;
}

/** `landingRev`: the rev a save in flight will store (base rev + 1), when one is running. */
export function writeAhead<T extends RecordMeta>(slot: WriteAheadSlot<T>, draft: T, baseRev: number, landingRev?: number): void {
  const entry: WriteAheadEntry = { baseRev, landingRev, writtenAt: new Date().toISOString(), [slot.field ?? 'record']: draft };
  try {
    localStorage.setItem(key(slot, draft.id), JSON.stringify(entry));
  } catch {
    // Quota or disabled storage: the IndexedDB flush still runs; nothing more can be done synchronously.
  }
}

export function clearWriteAhead(slot: { name: string }, id: string): void {
  try {
    localStorage.removeItem(key(slot, id));
  } catch {
    /* storage unavailable: nothing to clear */
  }
}

/**
 * The unsaved draft for this record, if the stored copy is still the one it was based on, or the one
 * the save in flight at copy time produced (that save carried an older draft than the copy).
 * Any newer stored revision means a later save did land (or another edit replaced it): the copy is dropped.
 */
export function takeWriteAhead<T extends RecordMeta>(slot: WriteAheadSlot<T>, stored: T): T | null {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(key(slot, stored.id));
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const entry = JSON.parse(raw) as Partial<WriteAheadEntry>;
    const parsed = slot.schema.safeParse(entry[slot.field ?? 'record']);
    const editable = slot.editable ? slot.editable(stored) : true;
    const basedOnStored = entry.baseRev === stored.rev || (entry.landingRev !== undefined && entry.landingRev === stored.rev);
    if (!basedOnStored || !parsed.success || parsed.data.id !== stored.id || !editable || stored.deletedAt) {
      clearWriteAhead(slot, stored.id);
      return null;
    }
    return parsed.data;
  } catch {
    clearWriteAhead(slot, stored.id);
    return null;
  }
}
