/**
 * The app: protocol serves the built renderer folder at app://party-minutes (design §1, §5).
 * resolveAppPath is the only place a URL becomes a file path: it maps strictly into rootDir.
 */
import nodePath from 'node:path';
import { readFile as fsReadFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[nodePath.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

type PathApi = Pick<typeof nodePath, 'resolve' | 'sep' | 'isAbsolute'>;

/** Any of these anywhere in the raw URL path means the request is refused outright, not repaired. */
const RAW_REJECT = /\\|%5c|%00|%2e%2e|%2f|\.\.|\u0000/i;

const BAD_SEGMENT_CHARS = /[\u0000-\u001f\u007f\\/:*?"<>|]/;

/**
 * Maps `app://party-minutes/<path>` to an absolute file inside rootDir, or null when refused:
 * another scheme or host, `..` (plain or percent-encoded), backslashes, NUL or control characters,
 * drive letters / absolute paths, empty segments. Paths without an extension are client-side routes
 * and get index.html (SPA fallback). Query and fragment are ignored.
 * pathApi is node:path by default; tests pass path.win32 to check Windows behaviour too.
 */
export function resolveAppPath(requestUrl: string, rootDir: string, pathApi: PathApi = nodePath): string | null {
  if (!pathApi.isAbsolute(rootDir)) return null;
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  // Check the raw text before URL parsing normalises anything away.
  if (!requestUrl.toLowerCase().startsWith(`${prefix}/`) && requestUrl.toLowerCase() !== prefix) return null;
  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0];
  if (RAW_REJECT.test(rawPath)) return null;
  // '.' and '..' segments, also half-encoded ('.%2e', '%2E.'), which URL parsing would silently resolve.
  if (/(^|\/)\.(\/|$)/.test(rawPath.replace(/%2e/gi, '.')) || rawPath.replace(/%2e/gi, '.').includes('..')) return null;

  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return null;

  const encoded = url.pathname === '' ? [] : url.pathname.split('/').slice(1);
  if (encoded.length > 0 && encoded[encoded.length - 1] === '') encoded.pop(); // trailing slash
  const segments: string[] = [];
  for (const seg of encoded) {
    let s: string;
    try {
      s = decodeURIComponent(seg);
    } catch {
      return null;
    }
    if (s === '' || s === '.' || s === '..' || BAD_SEGMENT_CHARS.test(s)) return null;
    segments.push(s);
  }

  const last = segments[segments.length - 1];
  const isRoute = last === undefined || nodePath.posix.extname(last) === '';
  const relative = isRoute ? ['index.html'] : segments;

  const root = pathApi.resolve(rootDir);
  const file = pathApi.resolve(root, ...relative);
  const rootWithSep = root.endsWith(pathApi.sep) ? root : root + pathApi.sep;
  if (!file.startsWith(rootWithSep)) return null;
  return file;
}

export type ReadFileFn = (path: string) => Promise<Uint8Array>;

function baseHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: baseHeaders('text/plain; charset=utf-8') });
}

/**
 * The protocol.handle('app', …) handler. Reads with fs (which also reads inside app.asar in a
 * packaged app) and answers with the CSP header on every response. GET and HEAD only.
 */
export function createAppProtocolHandler(rootDir: string, readFile: ReadFileFn = fsReadFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const file = resolveAppPath(request.url, rootDir);
    if (file === null) return textResponse(404, 'Not Found');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return textResponse(404, 'Not Found');
    }
    const headers = baseHeaders(mimeTypeFor(file));
    headers.set('Content-Length', String(body.byteLength));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
