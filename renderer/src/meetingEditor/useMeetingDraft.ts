/**
 * The loaded record IS the draft: local state is the source of truth while editing, and every
 * change is written back whole through `saveMeeting`, debounced (≤ 400 ms), serialised (one save
 * at a time, always continuing from the record the last save returned) and flushed at once on
 * blur, Ctrl+S, page hide, reload or leaving the screen. That loop and the write-ahead copy live in
 * common/useAutosave.ts; here: the 定稿 lock (MEETING_SLOT), reopen / finalise (`replace`) and
 * deferred rendering while typing.
 *
 * `update(fn, 'deferred')` is for typing: the change lands in the draft ref at once (so a flush
 * always writes the latest keystroke) but React re-renders the page only after a short pause.
 */
import { useCallback, useRef, useState } from 'react';
import { meetingSchema, type Meeting } from '../../../shared/model';
import { getMeeting, saveMeeting, type PartyMinutesDB } from '../../db';
import { metaOf, useAutosave, type LoadState, type SaveState } from '../common/useAutosave';
import type { WriteAheadSlot } from '../common/writeAhead';
import type { Updater } from './mutations';

export { SAVE_DELAY_MS, type LoadState, type SaveState } from '../common/useAutosave';
export const PUBLISH_DELAY_MS = 250;

export interface MeetingDraft {
  load: LoadState;
  loadError: string | null;
  /** What React renders (may trail the draft by PUBLISH_DELAY_MS while typing). */
  meeting: Meeting | null;
  /** The record as last stored (status, reopenLog, rev). */
  stored: Meeting | null;
  saveState: SaveState;
  update: (fn: Updater, mode?: 'now' | 'deferred') => void;
  /** Saves everything typed so far; resolves true when it is stored (false on error / read-only). */
  flush: () => Promise<boolean>;
  /** Replace draft and stored copy after finalise / reopen (they return the new record). */
  replace: (m: Meeting) => void;
  /** Latest draft, synchronously. */
  current: () => Meeting | null;
  /** The draft was recovered from the write-ahead copy of an unsaved session. */
  restored: boolean;
}

/** 定稿 or deleted records take no edits; their write-ahead copies are dropped. */
const MEETING_SLOT: WriteAheadSlot<Meeting> = {
  name: 'meeting',
  field: 'meeting',
  schema: meetingSchema,
  editable: (m) => m.status === 'draft' && !m.deletedAt,
};

export function useMeetingDraft(db: PartyMinutesDB, meetingId: string): MeetingDraft {
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [stored, setStored] = useState<Meeting | null>(null);
  const publishTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Status, 定稿 time and reopen log belong to the stored record: finalise / reopen change them, never a draft save.
  const save = useCallback(
    (draft: Meeting, base: Meeting) =>
      saveMeeting(db, { ...draft, ...metaOf(base), status: base.status, finalisedAt: base.finalisedAt, reopenLog: base.reopenLog }),
    [db],
  );
  const read = useCallback(() => getMeeting(db, meetingId), [db, meetingId]);
  const { load, loadError, restored, saveState, alive, update: change, reset, flush, current } = useAutosave<Meeting>({
    read,
    onLoaded: (draft, m) => {
      setMeeting(draft);
      setStored(m);
    },
    save,
    slot: MEETING_SLOT,
    onSaved: setStored,
    // A flush renders the latest keystroke first (called only after this render, when publish exists).
    beforeFlush: () => {
      if (publishTimer.current) publish();
    },
  });

  const publish = useCallback(() => {
    if (publishTimer.current) clearTimeout(publishTimer.current);
    publishTimer.current = null;
    if (alive.current) setMeeting(current());
  }, [alive, current]);

  const update = useCallback(
    (fn: Updater, mode: 'now' | 'deferred' = 'now') => {
      if (!change(fn)) return;
      if (mode === 'now') publish();
      else if (!publishTimer.current) publishTimer.current = setTimeout(publish, PUBLISH_DELAY_MS);
    },
    [change, publish],
  );

  const replace = useCallback(
    (m: Meeting) => {
      if (publishTimer.current) clearTimeout(publishTimer.current);
      publishTimer.current = null;
      reset(m);
      setMeeting(m);
      setStored(m);
    },
    [reset],
  );

  return { load, loadError, meeting, stored, saveState, restored, update, flush, replace, current };
}
