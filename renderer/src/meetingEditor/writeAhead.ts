/**
 * Write-ahead copy of an unsaved draft. IndexedDB writes are asynchronous and a closing page may be
 * gone before they commit; localStorage is synchronous, so the last keystrokes are copied there when
 * the page is hidden or unloaded, and adopted on the next open if IndexedDB never got them.
 */
import { meetingSchema, type Meeting } from '../../../shared/model';

const PREFIX = 'party-minutes:unsaved-meeting:';

interface WriteAheadEntry {
  /** `rev` of the stored record the draft was based on. */
  baseRev: number;
  writtenAt: string;
  meeting: Meeting;
}

export function writeAhead(draft: Meeting, baseRev: number): void {
  const entry: WriteAheadEntry = { baseRev, writtenAt: new Date().toISOString(), meeting: draft };
  try {
    localStorage.setItem(PREFIX + draft.id, JSON.stringify(entry));
  } catch {
    // Quota or disabled storage: the IndexedDB flush still runs; nothing more can be done synchronously.
  }
}

export function clearWriteAhead(meetingId: string): void {
  try {
    localStorage.removeItem(PREFIX + meetingId);
  } catch {
    /* storage unavailable: nothing to clear */
  }
}

/**
 * The unsaved draft for this record, if the stored copy is still the one it was based on.
 * A newer stored revision means the save did land (or another edit replaced it): the copy is dropped.
 */
export function takeWriteAhead(stored: Meeting): Meeting | null {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(PREFIX + stored.id);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const entry = JSON.parse(raw) as Partial<WriteAheadEntry>;
    const parsed = meetingSchema.safeParse(entry.meeting);
    if (entry.baseRev !== stored.rev || !parsed.success || parsed.data.id !== stored.id || stored.status !== 'draft' || stored.deletedAt) {
      clearWriteAhead(stored.id);
      return null;
    }
    return parsed.data;
  } catch {
    clearWriteAhead(stored.id);
    return null;
  }
}
