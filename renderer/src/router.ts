/**
 * Hash routes (#/meetings/abc): the app is served from a custom protocol and from vite preview,
 * and hash routes work the same in both without server rewrites.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'meetings' }
  | { name: 'meeting'; id: string }
  | { name: 'organisations' }
  | { name: 'members' }
  | { name: 'recycle' }
  | { name: 'settings' }
  | { name: 'transfer' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'meeting':
      return parts[1] ? { name: 'meeting', id: parts[1] } : { name: 'meetings' };
    case 'organisations':
    case 'members':
    case 'recycle':
    case 'settings':
    case 'transfer':
      return { name: parts[0] };
    default:
      return { name: 'meetings' };
  }
}

export function routeHref(route: Route): string {
  return route.name === 'meeting' ? `#/meeting/${encodeURIComponent(route.id)}` : `#/${route.name}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
