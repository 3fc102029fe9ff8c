/**
 * Hardening policy for the main process (design §5), as pure functions so each rule is unit-tested.
 * Nothing here touches the network; the app never makes a request to any host.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'party-minutes';
/** The renderer's origin. IndexedDB is bound to it: never change (design §1). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** design §5, verbatim. antd injects styles at runtime, hence 'unsafe-inline' for styles only. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Window chrome only. The webPreferences are written as a literal at the `new BrowserWindow` call in
 * main.ts, where Electronegativity (CI) can read them; tests/electron/main.test.ts asserts them.
 */
export const WINDOW_CHROME = {
  title: '党建会议记录',
  width: 1280,
  height: 860,
  minWidth: 1024,
  minHeight: 680,
  show: false,
  backgroundColor: '#ffffff',
  autoHideMenuBar: false,
} as const satisfies BrowserWindowConstructorOptions;

/**
 * Origin as the browser writes it. Node's URL reports 'null' as the origin of non-special schemes
 * such as app:, so build it from protocol and host instead.
 */
export function originOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.host === '') return null;
  return `${u.protocol}//${u.host}`;
}

/** Origin of the electron-vite dev server, from ELECTRON_RENDERER_URL; null when unset or malformed. */
export function devOriginFrom(rendererUrl: string | undefined): string | null {
  if (rendererUrl === undefined || rendererUrl === '') return null;
  const origin = originOf(rendererUrl);
  if (origin === null || !/^https?:\/\//.test(origin)) return null;
  return origin;
}

/** Origins the window may show: ours, plus the dev server in development. */
export function allowedOrigins(devOrigin: string | null): string[] {
  return devOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devOrigin];
}

/** will-navigate / will-redirect: only same-origin navigations (in-app routes) go through. */
export function isAllowedNavigation(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

const BLOCKED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

/**
 * session.webRequest.onBeforeRequest: true means cancel. Network schemes are refused, and file:
 * too (the renderer is served from app:, never from disk URLs). In development the dev server's own
 * host is let through for both HTTP and its hot-reload WebSocket. Unparseable URLs are refused.
 */
export function shouldBlockRequest(url: string, devOrigin?: string | null): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return true;
  }
  if (u.protocol === `${APP_SCHEME}:`) return u.host !== APP_HOST;
  if (!BLOCKED_SCHEMES.has(u.protocol)) return false;
  if (devOrigin) {
    let dev: URL;
    try {
      dev = new URL(devOrigin);
    } catch {
      return true;
    }
    const socket = dev.protocol === 'https:' ? 'wss:' : 'ws:';
    if ((u.protocol === dev.protocol || u.protocol === socket) && u.host === dev.host) return false;
  }
  return true;
}

/**
 * Permission request and check handlers. Everything is refused, except `persistent-storage` for our
 * own origin: it only asks Chromium not to evict IndexedDB under disk pressure, which protects the
 * branch's records and grants no capability to the page.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, origins: readonly string[]): boolean {
  if (permission !== 'persistent-storage' || requestingUrl === undefined) return false;
  const origin = originOf(requestingUrl);
  return origin !== null && origins.includes(origin);
}

/**
 * Chromium network switch: no host name ever resolves, so even a request that slipped past every
 * other rule could not reach a server. Not used in development (the dev server is on localhost).
 */
export const HOST_RESOLVER_RULES = 'MAP * ~NOTFOUND';
