/**
 * Autosaved draft of one 谈心谈话 / 民主评议 record, the same contract as the meeting editor's
 * useMeetingDraft (both run on common/useAutosave.ts): local state is the source of truth while
 * editing; every change is written back whole through `saveRecord`, debounced (≤ 400 ms),
 * serialised and flushed at once on blur, Ctrl+S, page hide, reload or leaving the screen, with a
 * synchronous write-ahead copy in localStorage so a crash loses nothing.
 */
import { useCallback, useState } from 'react';
import type { RecordMeta } from '../../../shared/model';
import { saveRecord, type PartyMinutesDB, type RecordKind } from '../../db';
import { metaOf, useAutosave, type LoadState, type SaveState } from '../common/useAutosave';

export type { SaveState };

export type RecordLoad = LoadState;

export interface RecordDraft<T> {
  load: RecordLoad;
  loadError: string | null;
  record: T | null;
  saveState: SaveState;
  /** The draft was recovered from the write-ahead copy of an unsaved session. */
  restored: boolean;
  update: (fn: (prev: T) => T) => void;
  /** Saves everything so far; resolves true when it is stored. */
  flush: () => Promise<boolean>;
  current: () => T | null;
}

export function useRecordDraft<T extends RecordMeta, F>(db: PartyMinutesDB, kind: RecordKind<T, F>, id: string): RecordDraft<T> {
  const [record, setRecord] = useState<T | null>(null);

  const save = useCallback((draft: T, base: T) => saveRecord(db, kind, { ...draft, ...metaOf(base) }), [db, kind]);
  // A deleted record is not edited here (the recycle bin restores it first).
  const read = useCallback(
    () => Promise.resolve(kind.table(db).get(id)).then((r) => (r && !r.deletedAt ? r : null)),
    [db, kind, id],
  );
  const { load, loadError, restored, saveState, alive, update: change, flush, current } = useAutosave<T>({
    read,
    onLoaded: (draft) => setRecord(draft),
    save,
    slot: kind,
    saveOnCtrlS: true,
    copyOnLeave: true,
  });

  const update = useCallback(
    (fn: (prev: T) => T) => {
      const next = change(fn);
      if (next && alive.current) setRecord(next);
    },
    [alive, change],
  );

  return { load, loadError, record, saveState, restored, update, flush, current };
}
