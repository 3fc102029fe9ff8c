import path from 'node:path';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAppProtocolHandler, mimeTypeFor, resolveAppPath } from '../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

const ROOT = '/opt/party-minutes/resources/app.asar/out/renderer';

describe('resolveAppPath', () => {
  it.each([
    ['app://party-minutes/', 'index.html'],
    ['app://party-minutes', 'index.html'],
    ['app://party-minutes/index.html', 'index.html'],
    ['app://party-minutes/assets/index-AbC123.js', 'assets/index-AbC123.js'],
    ['app://party-minutes/assets/a.css?v=1#x', 'assets/a.css'],
    ['app://party-minutes/meetings/42', 'index.html'],
    ['app://party-minutes/meetings/', 'index.html'],
    ['app://party-minutes/fonts/%E4%BB%BF%E5%AE%8B.woff2', 'fonts/仿宋.woff2'],
  ])('%s -> %s', (url, rel) => {
    expect(resolveAppPath(url, ROOT)).toBe(path.join(ROOT, rel));
  });

  it.each([
    'app://other/index.html',
    'app://party-minutes.evil/index.html',
    'app://user:pw@party-minutes/index.html',
    'http://party-minutes/index.html',
    'file:///etc/passwd',
    'app://party-minutes/../../etc/passwd',
    'app://party-minutes/assets/../../../etc/passwd',
    'app://party-minutes/%2e%2e/%2e%2e/etc/passwd',
    'app://party-minutes/%2E%2E/secret.txt',
    'app://party-minutes/.%2e/secret.txt',
    'app://party-minutes/..%2fsecret.txt',
    'app://party-minutes/assets%2f..%2f..%2fsecret.txt',
    'app://party-minutes/..\\..\\Windows\\win.ini',
    'app://party-minutes/%5c..%5cwin.ini',
    'app://party-minutes/a%00.js',
    'app://party-minutes/C:/Windows/win.ini',
    'app://party-minutes/C%3A/Windows/win.ini',
    'app://party-minutes//etc/passwd',
    'app://party-minutes/%2Fetc/passwd',
    'app://party-minutes/./index.html',
    'app://party-minutes/%E0%A4%A.js',
    'app://party-minutes/a%0a.js',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, ROOT)).toBeNull();
  });

  it('refuses a relative root', () => {
    expect(resolveAppPath('app://party-minutes/', 'out/renderer')).toBeNull();
  });

  it('maps into a Windows root with path.win32 and still refuses traversal', () => {
    const winRoot = 'C:\\Program Files\\党建会议记录\\resources\\app.asar\\out\\renderer';
    expect(resolveAppPath('app://party-minutes/assets/x.js', winRoot, path.win32)).toBe(`${winRoot}\\assets\\x.js`);
    expect(resolveAppPath('app://party-minutes/D:/x.js', winRoot, path.win32)).toBeNull();
    expect(resolveAppPath('app://party-minutes/..%5c..%5cx.js', winRoot, path.win32)).toBeNull();
  });

  it('never leaves the root, whatever the path (property)', () => {
    const seg = fc.string({ unit: fc.constantFrom('.', '/', '\\', '%', '2', 'e', 'E', 'f', '5', 'c', 'a', ':', '0', '?', '#'), maxLength: 30 });
    fc.assert(
      fc.property(seg, (tail) => {
        const out = resolveAppPath(`app://party-minutes/${tail}`, ROOT);
        if (out !== null) expect(out.startsWith(ROOT + path.sep)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['a.svg', 'image/svg+xml'],
    ['a.wasm', 'application/wasm'],
    ['a.bin', 'application/octet-stream'],
  ])('%s -> %s', (file, mime) => {
    expect(mimeTypeFor(file)).toBe(mime);
  });
});

describe('createAppProtocolHandler', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'pm-proto-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>党建会议记录</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), 'secret');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), { force: true });
  });

  it('serves files with their type, the CSP header and nosniff', async () => {
    const handler = createAppProtocolHandler(root);
    const res = await handler(new Request('app://party-minutes/assets/app.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers client-side routes with index.html', async () => {
    const res = await createAppProtocolHandler(root)(new Request('app://party-minutes/meetings/7'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('党建会议记录');
  });

  it('404s missing files and refused paths, with the CSP header too', async () => {
    const handler = createAppProtocolHandler(root);
    const missing = await handler(new Request('app://party-minutes/assets/missing.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const escape = await handler(new Request(`app://party-minutes/%2e%2e/${path.basename(root)}-secret.txt`));
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('secret');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const handler = createAppProtocolHandler(root);
    const head = await handler(new Request('app://party-minutes/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handler(new Request('app://party-minutes/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it('uses the injected reader (fs reads inside app.asar in a packaged app)', async () => {
    const seen: string[] = [];
    const handler = createAppProtocolHandler('/virtual/root', async (p) => {
      seen.push(p);
      return new TextEncoder().encode('ok');
    });
    const res = await handler(new Request('app://party-minutes/a.css'));
    expect(await res.text()).toBe('ok');
    expect(seen).toEqual([path.join('/virtual/root', 'a.css')]);
  });
});
