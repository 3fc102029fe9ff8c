/**
 * The loaded record IS the draft: local state is the source of truth while editing, and every
 * change is written back whole through `saveMeeting`, debounced (≤ 400 ms), serialised (one save
 * at a time, always continuing from the record the last save returned) and flushed at once on
 * blur, Ctrl+S, page hide, reload or leaving the screen.
 *
 * `update(fn, 'deferred')` is for typing: the change lands in the draft ref at once (so a flush
 * always writes the latest keystroke) but React re-renders the page only after a short pause.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Meeting, RecordMeta } from '../../../shared/model';
import { DbValidationError, getMeeting, saveMeeting, type PartyMinutesDB } from '../../db';
import type { Updater } from './mutations';
import { clearWriteAhead, takeWriteAhead, writeAhead } from './writeAhead';

export const SAVE_DELAY_MS = 400;
export const PUBLISH_DELAY_MS = 250;

export type SaveState =
  | { kind: 'clean'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string; path: readonly PropertyKey[] | null };

export type LoadState = 'loading' | 'missing' | 'ready';

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

function metaOf(m: RecordMeta): RecordMeta {
  const { id, createdAt, updatedAt, rev, vv, changedBy, deletedAt } = m;
  return { id, createdAt, updatedAt, rev, vv, changedBy, deletedAt };
}

function errorMessage(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return '保存时出现未知错误，请稍后再试；如反复出现，请复制重要内容另行保存并联系信息化同事';
}

export function useMeetingDraft(db: PartyMinutesDB, meetingId: string): MeetingDraft {
  const [load, setLoad] = useState<LoadState>('loading');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [stored, setStored] = useState<Meeting | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'clean', at: null });
  /** True when this session started from an unsaved write-ahead copy. */
  const [restored, setRestored] = useState(false);
  const runSaveRef = useRef<(() => Promise<boolean>) | null>(null);

  const draftRef = useRef<Meeting | null>(null);
  const storedRef = useRef<Meeting | null>(null);
  const dirtyRef = useRef(false);
  const failedRef = useRef(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const publishTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<boolean> | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    let cancelled = false;
    getMeeting(db, meetingId)
      .then((m) => {
        if (cancelled) return;
        if (!m) {
          setLoad('missing');
          return;
        }
        // Keystrokes the last session copied synchronously but never got into IndexedDB.
        const unsaved = takeWriteAhead(m);
        const draft = unsaved ? { ...unsaved, ...metaOf(m) } : m;
        draftRef.current = draft;
        storedRef.current = m;
        setMeeting(draft);
        setStored(m);
        setSaveState({ kind: 'clean', at: m.updatedAt });
        setLoad('ready');
        if (unsaved) {
          dirtyRef.current = true;
          setRestored(true);
          void runSaveRef.current?.();
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) {
          setLoadError(errorMessage(e));
          setLoad('missing');
        }
      });
    return () => {
      cancelled = true;
      alive.current = false;
    };
  }, [db, meetingId]);

  const publish = useCallback(() => {
    if (publishTimer.current) clearTimeout(publishTimer.current);
    publishTimer.current = null;
    if (alive.current) setMeeting(draftRef.current);
  }, []);

  const editable = () => {
    const s = storedRef.current;
    return !!s && s.status === 'draft' && !s.deletedAt;
  };

  const runSave = useCallback((): Promise<boolean> => {
    if (running.current) return running.current;
    const p = (async () => {
      let ok = true;
      while (dirtyRef.current) {
        dirtyRef.current = false;
        const draft = draftRef.current;
        const base = storedRef.current;
        if (!draft || !base || !editable()) {
          ok = false;
          break;
        }
        if (alive.current) setSaveState({ kind: 'saving' });
        try {
          const saved = await saveMeeting(db, {
            ...draft,
            ...metaOf(base),
            status: base.status,
            finalisedAt: base.finalisedAt,
            reopenLog: base.reopenLog,
          });
          storedRef.current = saved;
          failedRef.current = false;
          if (!dirtyRef.current) clearWriteAhead(saved.id);
          if (alive.current) {
            setStored(saved);
            if (!dirtyRef.current) setSaveState({ kind: 'saved', at: new Date().toISOString() });
          }
        } catch (e) {
          ok = false;
          failedRef.current = true;
          const path = e instanceof DbValidationError && e.issues[0] ? e.issues[0].path : null;
          if (alive.current) setSaveState({ kind: 'error', message: errorMessage(e), path });
          break;
        }
      }
      return ok;
    })();
    // Cleared only by this promise itself, after it settles: the loop can finish synchronously
    // (nothing dirty any more), and clearing inside it would run before this assignment and leave
    // a settled promise here for ever — every later save would then silently be skipped.
    running.current = p;
    void p.finally(() => {
      if (running.current === p) running.current = null;
    });
    return p;
  }, [db]);
  runSaveRef.current = runSave;

  const flush = useCallback((): Promise<boolean> => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    if (publishTimer.current) publish();
    if (!editable()) return Promise.resolve(false);
    if (failedRef.current) dirtyRef.current = true;
    if (!dirtyRef.current && !running.current) return Promise.resolve(true);
    return runSave();
  }, [publish, runSave]);

  const update = useCallback(
    (fn: Updater, mode: 'now' | 'deferred' = 'now') => {
      const cur = draftRef.current;
      if (!cur || !editable()) return;
      const next = fn(cur);
      if (next === cur) return;
      draftRef.current = next;
      dirtyRef.current = true;
      if (mode === 'now') publish();
      else if (!publishTimer.current) publishTimer.current = setTimeout(publish, PUBLISH_DELAY_MS);
      if (alive.current) setSaveState((s) => (s.kind === 'pending' || s.kind === 'saving' ? s : { kind: 'pending' }));
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => {
        saveTimer.current = null;
        void runSave();
      }, SAVE_DELAY_MS);
    },
    [publish, runSave],
  );

  const replace = useCallback((m: Meeting) => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    if (publishTimer.current) clearTimeout(publishTimer.current);
    saveTimer.current = publishTimer.current = null;
    dirtyRef.current = false;
    failedRef.current = false;
    draftRef.current = m;
    storedRef.current = m;
    setMeeting(m);
    setStored(m);
    setSaveState({ kind: 'clean', at: m.updatedAt });
  }, []);

  // Flush whenever the page may go away or the window loses focus. When it may be unloading, the
  // draft is also copied synchronously (writeAhead.ts), because the async flush may not finish.
  useEffect(() => {
    const copyIfDirty = () => {
      const draft = draftRef.current;
      const base = storedRef.current;
      if (draft && base && editable() && (dirtyRef.current || running.current)) writeAhead(draft, base.rev);
    };
    const onHide = () => void flush();
    const onUnload = () => {
      copyIfDirty();
      void flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onUnload();
    };
    window.addEventListener('blur', onHide);
    window.addEventListener('pagehide', onUnload);
    window.addEventListener('beforeunload', onUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', onHide);
      window.removeEventListener('pagehide', onUnload);
      window.removeEventListener('beforeunload', onUnload);
      document.removeEventListener('visibilitychange', onVisibility);
      // Leaving the screen (hash change): write what is pending.
      void flush();
    };
  }, [flush]);

  const current = useCallback(() => draftRef.current, []);

  return { load, loadError, meeting, stored, saveState, restored, update, flush, replace, current };
}
