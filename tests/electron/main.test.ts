/**
 * main.ts is wiring only; with Electron mocked we check that it wires the tested policies in the
 * right order. (This does not run Electron: the binary is not installed on the build machines.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../electron/channels';

type Listener = (...args: unknown[]) => unknown;

const m = vi.hoisted(() => {
  const calls: string[] = [];
  const listeners = new Map<string, Listener>();
  const windows: { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[] = [];
  const sessionListeners = new Map<string, Listener>();
  const state = { lock: true, isPackaged: true };
  const app = {
    get isPackaged() {
      return state.isPackaged;
    },
    requestSingleInstanceLock: vi.fn(() => state.lock),
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    commandLine: { appendSwitch: vi.fn() },
    on: vi.fn((name: string, fn: Listener) => listeners.set(`app:${name}`, fn)),
    whenReady: vi.fn(() => {
      calls.push('whenReady');
      return Promise.resolve();
    }),
    getPath: vi.fn((name: string) => (name === 'documents' ? '/home/li/Documents' : '/home/li/.config/党建会议记录')),
    getVersion: vi.fn(() => '0.1.0'),
    quit: vi.fn(),
    setAppUserModelId: vi.fn(),
  };
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
    handle: vi.fn(),
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setSpellCheckerEnabled: vi.fn(),
      on: vi.fn((name: string, fn: Listener) => sessionListeners.set(name, fn)),
      webRequest: { onBeforeRequest: vi.fn() },
    },
  };
  class BrowserWindow {
    static fromWebContents = vi.fn(() => null);
    options: Record<string, unknown>;
    loadURL = vi.fn(() => Promise.resolve());
    once = vi.fn();
    on = vi.fn();
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this);
    }
  }
  const Menu = { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) };
  const ipcMain = { handle: vi.fn() };
  const dialog = { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() };
  return { calls, listeners, sessionListeners, windows, state, electron: { app, protocol, session, BrowserWindow, Menu, ipcMain, dialog } };
});
vi.mock('electron', () => m.electron);

async function loadMain(opts: { isPackaged: boolean; lock?: boolean; rendererUrl?: string }): Promise<void> {
  vi.resetModules();
  vi.clearAllMocks();
  m.calls.length = 0;
  m.listeners.clear();
  m.sessionListeners.clear();
  m.windows.length = 0;
  m.state.isPackaged = opts.isPackaged;
  m.state.lock = opts.lock ?? true;
  if (opts.rendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = opts.rendererUrl;
  await import('../../electron/main');
  await new Promise((r) => setTimeout(r, 0));
}

function fakeContents() {
  const on = new Map<string, Listener>();
  let openHandler: Listener | undefined;
  const contents = {
    on: vi.fn((name: string, fn: Listener) => on.set(name, fn)),
    setWindowOpenHandler: vi.fn((fn: Listener) => (openHandler = fn)),
  };
  return { contents, on, openHandler: () => openHandler };
}

function navEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

const savedRendererUrl = process.env.ELECTRON_RENDERER_URL;
beforeEach(() => {
  delete process.env.ELECTRON_RENDERER_URL;
});
afterAll(() => {
  if (savedRendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = savedRendererUrl;
});

describe('main (production)', () => {
  it('registers the privileged app scheme and sandbox before ready, and blocks DNS', async () => {
    await loadMain({ isPackaged: true });
    const { protocol, app } = m.electron;
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(m.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(m.calls.indexOf('whenReady'));
    expect(m.calls.indexOf('enableSandbox')).toBeLessThan(m.calls.indexOf('whenReady'));
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('host-resolver-rules', 'MAP * ~NOTFOUND');
  });

  it('serves app:, opens one hardened window at app://party-minutes/ and registers the IPC channels', async () => {
    await loadMain({ isPackaged: true, rendererUrl: 'http://evil.example/' });
    expect(m.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(m.windows).toHaveLength(1);
    const prefs = m.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(m.windows[0].options.show).toBe(false);
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    // ELECTRON_RENDERER_URL is ignored in a packaged app.
    expect(m.windows[0].loadURL).toHaveBeenCalledWith('app://party-minutes/');
    const channels = m.electron.ipcMain.handle.mock.calls.map((c) => c[0]).sort();
    expect(channels).toEqual(Object.values(IPC_CHANNELS).sort());
    expect(m.electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('denies permissions, cancels network requests and downloads', async () => {
    await loadMain({ isPackaged: true });
    const ses = m.electron.session.defaultSession;
    const request = ses.setPermissionRequestHandler.mock.calls[0][0] as Listener;
    const cb = vi.fn();
    request({}, 'media', cb, { requestingUrl: 'app://party-minutes/' });
    expect(cb).toHaveBeenCalledWith(false);
    const check = ses.setPermissionCheckHandler.mock.calls[0][0] as Listener;
    expect(check({}, 'geolocation', 'app://party-minutes', {})).toBe(false);
    expect((ses.setDevicePermissionHandler.mock.calls[0][0] as Listener)({})).toBe(false);
    const before = ses.webRequest.onBeforeRequest.mock.calls[0][0] as Listener;
    const done = vi.fn();
    before({ url: 'https://example.com/x.js' }, done);
    expect(done).toHaveBeenLastCalledWith({ cancel: true });
    before({ url: 'app://party-minutes/assets/a.js' }, done);
    expect(done).toHaveBeenLastCalledWith({ cancel: false });
    const download = { preventDefault: vi.fn() };
    m.sessionListeners.get('will-download')!(download);
    expect(download.preventDefault).toHaveBeenCalled();
  });

  it('hardens every web contents: navigation, new windows, webviews', async () => {
    await loadMain({ isPackaged: true });
    const f = fakeContents();
    m.listeners.get('app:web-contents-created')!({}, f.contents);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = navEvent('https://www.example.com/');
      f.on.get(name)!(away);
      expect(away.preventDefault).toHaveBeenCalled();
      const inApp = navEvent('app://party-minutes/#/meetings');
      f.on.get(name)!(inApp);
      expect(inApp.preventDefault).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    f.on.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(f.openHandler()!({ url: 'app://party-minutes/' })).toEqual({ action: 'deny' });
    // a closed window's unfinished saves are removed
    expect(f.on.has('destroyed')).toBe(true);
  });

  it('quits at once when another instance holds the lock', async () => {
    await loadMain({ isPackaged: true, lock: false });
    expect(m.electron.app.quit).toHaveBeenCalled();
    expect(m.windows).toHaveLength(0);
    expect(m.electron.protocol.handle).not.toHaveBeenCalled();
  });
});

describe('main (development)', () => {
  it('loads the dev server, allows only its origin, keeps DNS for localhost', async () => {
    await loadMain({ isPackaged: false, rendererUrl: 'http://localhost:5173/' });
    expect(m.windows[0].loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(m.electron.app.commandLine.appendSwitch).not.toHaveBeenCalled();
    const before = m.electron.session.defaultSession.webRequest.onBeforeRequest.mock.calls[0][0] as Listener;
    const done = vi.fn();
    before({ url: 'ws://localhost:5173/' }, done);
    expect(done).toHaveBeenLastCalledWith({ cancel: false });
    before({ url: 'https://registry.npmjs.org/' }, done);
    expect(done).toHaveBeenLastCalledWith({ cancel: true });
    const f = fakeContents();
    m.listeners.get('app:web-contents-created')!({}, f.contents);
    const nav = navEvent('http://localhost:5173/#/x');
    f.on.get('will-navigate')!(nav);
    expect(nav.preventDefault).not.toHaveBeenCalled();
  });
});

describe('electron/ sources', () => {
  const dir = path.resolve(__dirname, '../../electron');
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')] as const);

  it.each(['openExternal', 'autoUpdater', 'electron-updater', 'crashReporter', 'nodeIntegration: true', 'contextIsolation: false', 'sandbox: false', 'webSecurity: false', 'remote'])(
    'never use %s',
    (needle) => {
      for (const [file, text] of sources) {
        const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        expect(code.includes(needle), `${file} uses ${needle}`).toBe(false);
      }
    },
  );
});
