/**
 * Main process: wiring only. Every rule lives in a small tested module (security, protocol, ipc,
 * backups, files, menu). No auto-update, no telemetry, no crash upload, no shell.openExternal.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import {
  allowedOrigins,
  APP_ORIGIN,
  APP_SCHEME,
  WINDOW_CHROME,
  devOriginFrom,
  HOST_RESOLVER_RULES,
  isAllowedNavigation,
  isPermissionAllowed,
  shouldBlockRequest,
} from './security';
import { createAppProtocolHandler } from './protocol';
import { registerHostHandlers } from './ipc';
import { backupsDirFor, createBackupStore } from './backups';
import { createHostHandlers } from './handlers';
import { createSaveStreams } from './saveStream';
import { buildMenuTemplate } from './menu';
import { bundlePaths } from './paths';

const mainDir = path.dirname(fileURLToPath(import.meta.url));
const { rendererRoot, preload } = bundlePaths(mainDir);
const isDev = !app.isPackaged;
// A packaged app never honours ELECTRON_RENDERER_URL: an environment variable must not be able to
// point the window (and its preload) at another site.
const devUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;
const devOrigin = devOriginFrom(devUrl);
const origins = allowedOrigins(devOrigin);

const log = (message: string, err?: unknown): void => {
  console.error(`[party-minutes] ${message}`, err ?? '');
};

// Must happen before `ready`.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
// A hardening switch, not a loosening one: every host name resolves to nothing (no network, ever).
if (devOrigin === null) app.commandLine.appendSwitch('host-resolver-rules', HOST_RESOLVER_RULES); // eng-disable CUSTOM_ARGUMENTS_JS_CHECK

let mainWindow: BrowserWindow | null = null;
/** Saves in slices (saveFile with a Blob); a closed window's unfinished saves are removed. */
const saveStreams = createSaveStreams();

function harden(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url, origins)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, origins)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, origins)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('destroyed', () => void saveStreams.abortAll(contents.id));
}

function createWindow(): void {
  // Hardened per design §5; a literal so Electronegativity checks exactly what is passed.
  const win = new BrowserWindow({
    ...WINDOW_CHROME,
    webPreferences: {
      // The preload is the one sanctioned bridge: named HostApi functions only, no generic invoke.
      preload, // eng-disable PRELOAD_JS_CHECK
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click must not open links in new windows (window.open is denied anyway).
      disableBlinkFeatures: 'Auxclick',
      devTools: isDev,
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(devUrl !== undefined && devOrigin !== null ? devUrl : `${APP_ORIGIN}/`).catch((err: unknown) => log('load failed', err));
}

function documentsDir(): string | null {
  try {
    return app.getPath('documents');
  } catch {
    return null;
  }
}

function start(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, origins)),
  );
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, origins));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: shouldBlockRequest(details.url, devOrigin) }));
  // Files leave the app only through the save dialog; a page-initiated download is refused.
  ses.on('will-download', (event) => event.preventDefault());
  ses.setSpellCheckerEnabled(false);

  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isDev, isMac: process.platform === 'darwin' })));

  const documents = documentsDir();
  const backups = createBackupStore(backupsDirFor({ documents, userData: app.getPath('userData') }));
  const handlers = createHostHandlers<IpcMainInvokeEvent>({
    appVersion: app.getVersion(),
    platform: process.platform,
    backups,
    saveStreams,
    ownerOf: (event) => event.sender.id,
    dialogsFor: (event) => {
      const win = BrowserWindow.fromWebContents(event.sender);
      return {
        defaultDir: documents,
        showSaveDialog: (options) => (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)),
        showOpenDialog: (options) => (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)),
      };
    },
  });
  registerHostHandlers(ipcMain, handlers, devOrigin, log);

  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId('cn.partyminutes.desktop');
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch((err: unknown) => {
    log('start failed', err);
    app.quit();
  });
}
