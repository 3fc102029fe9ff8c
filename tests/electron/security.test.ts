import { describe, expect, it } from 'vitest';
import {
  allowedOrigins,
  APP_ORIGIN,
  WINDOW_CHROME,
  CONTENT_SECURITY_POLICY,
  devOriginFrom,
  isAllowedNavigation,
  isPermissionAllowed,
  originOf,
  shouldBlockRequest,
} from '../../electron/security';

describe('WINDOW_CHROME', () => {
  it('opens hidden until ready, with the product name', () => {
    expect(WINDOW_CHROME.show).toBe(false);
    expect(WINDOW_CHROME.title).toBe('党建会议记录');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the policy from design §5', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});

describe('origins', () => {
  it('originOf handles the app: scheme that Node reports as opaque', () => {
    expect(originOf('app://party-minutes/index.html#/x')).toBe(APP_ORIGIN);
    expect(originOf('http://localhost:5173/a?b')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });

  it('devOriginFrom accepts only http(s) URLs', () => {
    expect(devOriginFrom(undefined)).toBeNull();
    expect(devOriginFrom('')).toBeNull();
    expect(devOriginFrom('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    expect(devOriginFrom('file:///etc/passwd')).toBeNull();
    expect(devOriginFrom('javascript:alert(1)')).toBeNull();
  });

  it('allowedOrigins adds the dev server only in development', () => {
    expect(allowedOrigins(null)).toEqual([APP_ORIGIN]);
    expect(allowedOrigins('http://localhost:5173')).toEqual([APP_ORIGIN, 'http://localhost:5173']);
  });
});

describe('isAllowedNavigation', () => {
  const prod = allowedOrigins(null);
  it.each([
    ['app://party-minutes/', true],
    ['app://party-minutes/meetings/3?x=1#y', true],
    ['app://other-host/', false],
    ['app://party-minutes.evil.cn/', false],
    ['https://www.12371.cn/', false],
    ['http://localhost:5173/', false],
    ['file:///C:/Windows/system32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>1</script>', false],
    ['about:blank', false],
    ['', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isAllowedNavigation(url, prod)).toBe(allowed);
  });

  it('allows the dev server in development only', () => {
    expect(isAllowedNavigation('http://localhost:5173/#/x', allowedOrigins('http://localhost:5173'))).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', allowedOrigins('http://localhost:5173'))).toBe(false);
  });
});

describe('shouldBlockRequest', () => {
  it.each([
    'http://example.com/',
    'https://www.gov.cn/a.js',
    'ws://10.0.0.1/socket',
    'wss://x.cn/',
    'ftp://files.example.com/x',
    'file:///etc/passwd',
    'http://localhost:5173/',
    'app://evil/x.js',
    'not a url',
  ])('blocks %s in production', (url) => {
    expect(shouldBlockRequest(url)).toBe(true);
  });

  it.each(['app://party-minutes/index.html', 'data:image/png;base64,AAAA', 'blob:app://party-minutes/uuid', 'devtools://devtools/bundled/x.html'])(
    'lets %s through',
    (url) => {
      expect(shouldBlockRequest(url)).toBe(false);
    },
  );

  it('lets the dev server and its hot-reload socket through in development, nothing else', () => {
    const dev = 'http://localhost:5173';
    expect(shouldBlockRequest('http://localhost:5173/src/main.tsx', dev)).toBe(false);
    expect(shouldBlockRequest('ws://localhost:5173/?token=x', dev)).toBe(false);
    expect(shouldBlockRequest('https://localhost:5173/', dev)).toBe(true);
    expect(shouldBlockRequest('http://localhost:5174/', dev)).toBe(true);
    expect(shouldBlockRequest('http://127.0.0.1:5173/', dev)).toBe(true);
    expect(shouldBlockRequest('https://cdn.example.com/x.js', dev)).toBe(true);
  });
});

describe('isPermissionAllowed', () => {
  const prod = allowedOrigins(null);
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown', 'usb'])(
    'denies %s even for our origin',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://party-minutes/', prod)).toBe(false);
    },
  );

  it('allows persistent-storage for our origin only', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://party-minutes/', prod)).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'app://party-minutes', prod)).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://evil.cn/', prod)).toBe(false);
    expect(isPermissionAllowed('persistent-storage', undefined, prod)).toBe(false);
  });
});
