/**
 * Hash routes (#/meetings/abc): the app is served from a custom protocol and from vite preview,
 * and hash routes work the same in both without server rewrites.
 *
 * A query after `?` carries pre-fill values (#/talk/new?interviewer=…&interviewee=…); read it
 * with useRouteQuery(). Values are plain strings from our own links; pages validate them.
 */
import { useSyncExternalStore } from 'react';

/** Pages without an id. */
export const LIST_ROUTES = [
  'meetings',
  'organisations',
  'members',
  'recycle',
  'settings',
  'transfer',
  'dashboard',
  'talks',
  'rectifications',
  'appraisals',
  'statistics',
  'ledger',
  'search',
  'audit',
] as const;
export type ListRouteName = (typeof LIST_ROUTES)[number];

/** Pages of one record; the id `new` opens a new record pre-filled from the query. */
export const RECORD_ROUTES = ['meeting', 'talk', 'appraisal'] as const;
export type RecordRouteName = (typeof RECORD_ROUTES)[number];

export type Route = { name: ListRouteName } | { name: RecordRouteName; id: string };

/** Where a record route goes when it has no id. */
const RECORD_PARENT: Record<RecordRouteName, ListRouteName> = { meeting: 'meetings', talk: 'talks', appraisal: 'appraisals' };

function splitHash(hash: string): { path: string; query: string } {
  const h = hash.replace(/^#\/?/, '');
  const q = h.indexOf('?');
  return q < 0 ? { path: h, query: '' } : { path: h.slice(0, q), query: h.slice(q + 1) };
}

export function parseRoute(hash: string): Route {
  const parts = splitHash(hash).path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const head = parts[0] ?? '';
  if ((RECORD_ROUTES as readonly string[]).includes(head)) {
    const name = head as RecordRouteName;
    return parts[1] ? { name, id: parts[1] } : { name: RECORD_PARENT[name] };
  }
  if ((LIST_ROUTES as readonly string[]).includes(head)) return { name: head as ListRouteName };
  return { name: 'meetings' };
}

export function parseRouteQuery(hash: string): URLSearchParams {
  return new URLSearchParams(splitHash(hash).query);
}

export function routeHref(route: Route, query?: Record<string, string>): string {
  const base = 'id' in route ? `#/${route.name}/${encodeURIComponent(route.id)}` : `#/${route.name}`;
  const q = query ? new URLSearchParams(query).toString() : '';
  return q ? `${base}?${q}` : base;
}

export function navigate(route: Route, query?: Record<string, string>): void {
  window.location.hash = routeHref(route, query);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentHash(): string {
  return window.location.hash;
}

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentHash));
}

export function useRouteQuery(): URLSearchParams {
  return parseRouteQuery(useSyncExternalStore(subscribe, currentHash));
}
