/**
 * Autosaved draft of one 谈心谈话 / 民主评议 record, the same contract as the meeting editor's
 * useMeetingDraft: local state is the source of truth while editing; every change is written back
 * whole through `saveRecord`, debounced (≤ 400 ms), serialised (one save at a time, always
 * continuing from the record the last save returned) and flushed at once on blur, page hide,
 * reload or leaving the screen. When the page may be unloading the draft is also copied
 * synchronously to localStorage (recordWriteAhead.ts), so a crash loses nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordMeta } from '../../../shared/model';
import { DbValidationError, saveRecord, type PartyMinutesDB, type RecordKind } from '../../db';
import { clearWriteAheadRecord, takeWriteAheadRecord, writeAheadRecord } from './recordWriteAhead';
import type { SaveState } from '../meetingEditor/useMeetingDraft';

export type { SaveState };
export const RECORD_SAVE_DELAY_MS = 400;

export type RecordLoad = 'loading' | 'missing' | 'ready';

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

function metaOf(m: RecordMeta): RecordMeta {
  const { id, createdAt, updatedAt, rev, vv, changedBy, deletedAt } = m;
  return { id, createdAt, updatedAt, rev, vv, changedBy, deletedAt };
}

function errorMessage(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return '保存时出现未知错误，请稍后再试；如反复出现，请复制重要内容另行保存并联系信息化同事';
}

export function useRecordDraft<T extends RecordMeta, F>(db: PartyMinutesDB, kind: RecordKind<T, F>, id: string): RecordDraft<T> {
  const [load, setLoad] = useState<RecordLoad>('loading');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [record, setRecord] = useState<T | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'clean', at: null });
  const [restored, setRestored] = useState(false);

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
    let cancelled = false;
    Promise.resolve(kind.table(db).get(id))
      .then((r) => {
        if (cancelled) return;
        if (!r || r.deletedAt) {
          setLoad('missing');
          return;
        }
        const unsaved = takeWriteAheadRecord(kind, r);
        const draft = unsaved ? ({ ...unsaved, ...metaOf(r) } as T) : r;
        draftRef.current = draft;
        storedRef.current = r;
        setRecord(draft);
        setSaveState({ kind: 'clean', at: r.updatedAt });
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
  }, [db, kind, id]);

  const runSave = useCallback((): Promise<boolean> => {
    if (running.current) return running.current;
    const p = (async () => {
      let ok = true;
      while (dirtyRef.current) {
        dirtyRef.current = false;
        const draft = draftRef.current;
        const base = storedRef.current;
        if (!draft || !base) {
          ok = false;
          break;
        }
        if (alive.current) setSaveState({ kind: 'saving' });
        try {
          const saved = await saveRecord(db, kind, { ...draft, ...metaOf(base) } as T);
          storedRef.current = saved;
          failedRef.current = false;
          if (!dirtyRef.current) clearWriteAheadRecord(kind, saved.id);
          if (alive.current && !dirtyRef.current) setSaveState({ kind: 'saved', at: new Date().toISOString() });
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
    // Cleared only by this promise itself once settled (see useMeetingDraft for why).
    running.current = p;
    void p.finally(() => {
      if (running.current === p) running.current = null;
    });
    return p;
  }, [db, kind]);
  runSaveRef.current = runSave;

  const flush = useCallback((): Promise<boolean> => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    if (!storedRef.current) return Promise.resolve(false);
    if (failedRef.current) dirtyRef.current = true;
    if (!dirtyRef.current && !running.current) return Promise.resolve(true);
    return runSave();
  }, [runSave]);

  const update = useCallback(
    (fn: (prev: T) => T) => {
      const cur = draftRef.current;
      if (!cur) return;
      const next = fn(cur);
      if (next === cur) return;
      draftRef.current = next;
      dirtyRef.current = true;
      if (alive.current) {
        setRecord(next);
        setSaveState((s) => (s.kind === 'pending' || s.kind === 'saving' ? s : { kind: 'pending' }));
      }
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => {
        saveTimer.current = null;
        void runSave();
      }, RECORD_SAVE_DELAY_MS);
    },
    [runSave],
  );

  useEffect(() => {
    const copyIfDirty = () => {
      const draft = draftRef.current;
      const base = storedRef.current;
      if (draft && base && (dirtyRef.current || running.current)) writeAheadRecord(kind, draft, base.rev);
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
    window.addEventListener('keydown', onKey);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', onHide);
      window.removeEventListener('pagehide', onUnload);
      window.removeEventListener('beforeunload', onUnload);
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', onVisibility);
      // Leaving the screen (hash change): copy and write what is pending.
      copyIfDirty();
      void flush();
    };
  }, [flush, kind]);

  const current = useCallback(() => draftRef.current, []);
  return { load, loadError, record, saveState, restored, update, flush, current };
}
