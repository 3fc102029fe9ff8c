/**
 * The autosave core shared by the meeting editor (useMeetingDraft) and the 谈心谈话 / 民主评议
 * editors (useRecordDraft). Local state is the source of truth while editing; every change is
 * written back whole through `save`, debounced (≤ 400 ms), serialised (one save at a time, always
 * continuing from the record the last save returned) and flushed at once on blur, page hide, reload
 * or leaving the screen. When the page may be unloading the draft is also copied synchronously to
 * localStorage (writeAhead.ts), because the async flush may not finish.
 *
 * It also loads the record, adopting an unsaved write-ahead copy. What a record kind adds (the
 * meeting editor's 定稿 lock, reopen, deferred rendering while typing) stays in its own hook; the
 * slot's `editable` tells this core when a stored record takes no edits.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { RecordMeta } from '../../../shared/model';
import { DbValidationError } from '../../db';
import { clearWriteAhead, takeWriteAhead, writeAhead, type WriteAheadSlot } from './writeAhead';

export const SAVE_DELAY_MS = 400;

export type SaveState =
  | { kind: 'clean'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string; path: readonly PropertyKey[] | null };

export function metaOf(m: RecordMeta): RecordMeta {
  const { id, createdAt, updatedAt, rev, vv, changedBy, deletedAt } = m;
  return { id, createdAt, updatedAt, rev, vv, changedBy, deletedAt };
}

export function saveErrorText(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return '保存时出现未知错误，请稍后再试；如反复出现，请复制重要内容另行保存并联系信息化同事';
}

export type LoadState = 'loading' | 'missing' | 'ready';

export interface AutosaveOptions<T extends RecordMeta> {
  /**
   * Reads the record to edit; null / undefined when it is missing. Memoise it on what names the
   * record (db, id): a new function loads again.
   */
  read: () => Promise<T | null | undefined>;
  /**
   * The record was read: `draft` is what to render (the stored record, or the unsaved copy of an
   * earlier session on top of it, which is then saved at once).
   */
  onLoaded: (draft: T, stored: T) => void;
  /**
   * Stores `draft` on top of `base` (the record the last save returned) and resolves with the new
   * stored record. Memoise it: a new function means a new store (db / kind), as for any hook dep.
   */
  save: (draft: T, base: T) => Promise<T>;
  /** Write-ahead key, schema and the "still takes edits" rule. */
  slot: WriteAheadSlot<T>;
  /** After every successful save while the screen is mounted. */
  onSaved?: (saved: T) => void;
  /** First thing a flush does (the meeting editor renders a deferred keystroke). */
  beforeFlush?: () => void;
  /** Ctrl+S (⌘S) flushes; the meeting editor binds its own shortcut. */
  saveOnCtrlS?: boolean;
  /** Leaving the screen also writes the write-ahead copy, not only a page unload. */
  copyOnLeave?: boolean;
}

export interface Autosave<T> {
  load: LoadState;
  loadError: string | null;
  /** The draft was recovered from the write-ahead copy of an unsaved session. */
  restored: boolean;
  saveState: SaveState;
  /** False once the screen is unmounted: no more React state updates. */
  alive: RefObject<boolean>;
  /** Applies `fn` to the draft and schedules a save; returns the new draft, or null when nothing changed. */
  update: (fn: (prev: T) => T) => T | null;
  /** Forget pending work and take `m` as both draft and stored copy. */
  reset: (m: T) => void;
  /** Saves everything so far; resolves true when it is stored (false on error / read-only). */
  flush: () => Promise<boolean>;
  /** Latest draft, synchronously. */
  current: () => T | null;
}

export function useAutosave<T extends RecordMeta>(options: AutosaveOptions<T>): Autosave<T> {
  const { save, read } = options;
  const opts = useRef(options);
  opts.current = options;
  const [load, setLoad] = useState<LoadState>('loading');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'clean', at: null });

  const draftRef = useRef<T | null>(null);
  const storedRef = useRef<T | null>(null);
  const dirtyRef = useRef(false);
  const failedRef = useRef(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<boolean> | null>(null);
  const alive = useRef(true);
  const runSaveRef = useRef<(() => Promise<boolean>) | null>(null);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const editable = () => {
    const s = storedRef.current;
    const rule = opts.current.slot.editable;
    return !!s && (rule ? rule(s) : true);
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
          const saved = await save(draft, base);
          storedRef.current = saved;
          failedRef.current = false;
          if (!dirtyRef.current) clearWriteAhead(opts.current.slot, saved.id);
          if (alive.current) {
            opts.current.onSaved?.(saved);
            if (!dirtyRef.current) setSaveState({ kind: 'saved', at: new Date().toISOString() });
          }
        } catch (e) {
          ok = false;
          failedRef.current = true;
          const path = e instanceof DbValidationError && e.issues[0] ? e.issues[0].path : null;
          if (alive.current) setSaveState({ kind: 'error', message: saveErrorText(e), path });
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
  }, [save]);
  runSaveRef.current = runSave;

  const flush = useCallback((): Promise<boolean> => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    opts.current.beforeFlush?.();
    if (!editable()) return Promise.resolve(false);
    if (failedRef.current) dirtyRef.current = true;
    if (!dirtyRef.current && !running.current) return Promise.resolve(true);
    return runSave();
  }, [runSave]);

  const update = useCallback(
    (fn: (prev: T) => T): T | null => {
      const cur = draftRef.current;
      if (!cur || !editable()) return null;
      const next = fn(cur);
      if (next === cur) return null;
      draftRef.current = next;
      dirtyRef.current = true;
      if (alive.current) setSaveState((s) => (s.kind === 'pending' || s.kind === 'saving' ? s : { kind: 'pending' }));
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => {
        saveTimer.current = null;
        void runSave();
      }, SAVE_DELAY_MS);
      return next;
    },
    [runSave],
  );

  const reset = useCallback((m: T) => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    dirtyRef.current = false;
    failedRef.current = false;
    draftRef.current = m;
    storedRef.current = m;
    setSaveState({ kind: 'clean', at: m.updatedAt });
  }, []);

  useEffect(() => {
    let cancelled = false;
    read()
      .then((stored) => {
        if (cancelled) return;
        if (!stored) {
          setLoad('missing');
          return;
        }
        // Keystrokes the last session copied synchronously but never got into IndexedDB.
        const unsaved = takeWriteAhead(opts.current.slot, stored);
        const draft: T = unsaved ? { ...unsaved, ...metaOf(stored) } : stored;
        draftRef.current = draft;
        storedRef.current = stored;
        opts.current.onLoaded(draft, stored);
        setSaveState({ kind: 'clean', at: stored.updatedAt });
        setLoad('ready');
        if (unsaved) {
          dirtyRef.current = true;
          setRestored(true);
          void runSaveRef.current?.();
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) {
          setLoadError(saveErrorText(e));
          setLoad('missing');
        }
      });
    return () => {
      cancelled = true;
    };
  }, [read]);

  // Flush whenever the page may go away or the window loses focus. When it may be unloading, the
  // draft is also copied synchronously (writeAhead.ts), because the async flush may not finish.
  useEffect(() => {
    const { saveOnCtrlS, copyOnLeave } = opts.current;
    const copyIfDirty = () => {
      const draft = draftRef.current;
      const base = storedRef.current;
      // A save in flight stores an older draft as base.rev + 1 (stampMeta); the copy must survive it.
      if (draft && base && editable() && (dirtyRef.current || running.current))
        writeAhead(opts.current.slot, draft, base.rev, running.current ? base.rev + 1 : undefined);
    };
    const onHide = () => void flush();
    const onUnload = () => {
      copyIfDirty();
      void flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onUnload();
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void flush();
      }
    };
    window.addEventListener('blur', onHide);
    window.addEventListener('pagehide', onUnload);
    window.addEventListener('beforeunload', onUnload);
    if (saveOnCtrlS) window.addEventListener('keydown', onKey);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', onHide);
      window.removeEventListener('pagehide', onUnload);
      window.removeEventListener('beforeunload', onUnload);
      if (saveOnCtrlS) window.removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', onVisibility);
      // Leaving the screen (hash change): write what is pending.
      if (copyOnLeave) copyIfDirty();
      void flush();
    };
  }, [flush]);

  const current = useCallback(() => draftRef.current, []);

  return { load, loadError, restored, saveState, alive, update, reset, flush, current };
}
