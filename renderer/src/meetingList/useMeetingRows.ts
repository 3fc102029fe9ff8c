/**
 * Rows for the virtualised meeting list: the total and the first page come from a live query
 * (any change to matching meetings refreshes the list); further pages are fetched on demand as
 * the secretary scrolls. Filters that listMeetings cannot page off an index are loaded once.
 */
import { useCallback, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listMeetings, type MeetingListFilter, type MeetingListRow } from '../../db';
import { useDb } from '../dbContext';
import { isIndexPageable } from './filters';

export const PAGE_SIZE = 100;

interface Head {
  total: number;
  /** Whole result (non-pageable filters) or the first page. */
  rows: MeetingListRow[];
  all: boolean;
  stamp: number;
}

interface PageCache {
  stamp: number;
  map: Map<number, MeetingListRow[]>;
  loading: Set<number>;
}

let stampCounter = 0;

export function useMeetingRows(filter: MeetingListFilter) {
  const db = useDb();
  const key = JSON.stringify(filter);
  const [error, setError] = useState<unknown>(null);
  const head = useLiveQuery(async (): Promise<Head> => {
    const all = !isIndexPageable(filter);
    const r = await listMeetings(db, filter, { offset: 0, limit: all ? Number.MAX_SAFE_INTEGER : PAGE_SIZE });
    return { total: r.total, rows: r.rows, all, stamp: ++stampCounter };
    // `key` stands for `filter` (a new object on every render).
  }, [db, key]);

  /** Pages fetched for one version of the head (a live refresh starts afresh). */
  const pages = useRef<PageCache>({ stamp: 0, map: new Map(), loading: new Set() });
  const [, setVersion] = useState(0);

  const getRow = useCallback(
    (index: number): MeetingListRow | undefined => {
      if (!head) return undefined;
      if (head.all || index < PAGE_SIZE) return head.rows[index];
      const cache = pages.current;
      return cache.stamp === head.stamp ? cache.map.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] : undefined;
    },
    [head],
  );

  const ensureRange = useCallback(
    (start: number, end: number) => {
      if (!head || head.all) return;
      if (pages.current.stamp !== head.stamp) pages.current = { stamp: head.stamp, map: new Map(), loading: new Set() };
      const cache = pages.current;
      for (let p = Math.max(1, Math.floor(start / PAGE_SIZE)); p <= Math.floor(end / PAGE_SIZE); p++) {
        if (p * PAGE_SIZE >= head.total || cache.map.has(p) || cache.loading.has(p)) continue;
        cache.loading.add(p);
        listMeetings(db, filter, { offset: p * PAGE_SIZE, limit: PAGE_SIZE })
          .then((r) => {
            if (pages.current !== cache) return;
            cache.map.set(p, r.rows);
            setVersion((v) => v + 1);
          })
          .catch(setError)
          .finally(() => cache.loading.delete(p));
      }
    },
    // `key` stands for `filter`.
    [db, head, key],
  );

  return { total: head?.total, loaded: !!head, getRow, ensureRange, error };
}
