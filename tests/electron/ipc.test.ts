import { describe, expect, it, vi } from 'vitest';
import {
  guardHandler,
  HOST_CHANNELS,
  IPC_CHANNELS,
  SAVE_STREAM_CHANNELS,
  isTrustedSender,
  PAYLOAD_SCHEMAS,
  registerHostHandlers,
  toUserMessage,
  UNTRUSTED_SENDER_MESSAGE,
  UserError,
  type HostHandlers,
  type SenderEvent,
} from '../../electron/ipc';
import { PRELOAD_GLOBAL } from '../../electron/channels';
import { HOST_GLOBAL } from '../../shared/host';

const appEvent: SenderEvent = { senderFrame: { url: 'app://party-minutes/#/meetings', parent: null } };
const CJK = /[\u4e00-\u9fff]/;

function fakeHandlers(): HostHandlers {
  return {
    getAppInfo: vi.fn(async () => ({ appVersion: '0.1.0', shell: 'electron' as const, platform: 'linux', backupsOnDisk: true })),
    saveFile: vi.fn(async () => ({ saved: true, fileName: 'a.docx' })),
    openFile: vi.fn(async () => null),
    writeBackup: vi.fn(async () => {}),
    listBackups: vi.fn(async () => []),
    readBackup: vi.fn(async () => new Uint8Array([1])),
    deleteBackup: vi.fn(async () => {}),
    saveFileBegin: vi.fn(async () => 123456789),
    saveFileChunk: vi.fn(async () => {}),
    saveFileCommit: vi.fn(async () => ({ saved: true, fileName: 'a.pmx' })),
    saveFileAbort: vi.fn(async () => {}),
  };
}

describe('channels', () => {
  it('has one distinct fixed channel per HostApi function', () => {
    const names = Object.keys(HOST_CHANNELS).sort();
    expect(names).toEqual(['deleteBackup', 'getAppInfo', 'listBackups', 'openFile', 'readBackup', 'saveFile', 'writeBackup']);
    expect(new Set(Object.values(HOST_CHANNELS)).size).toBe(names.length);
  });

  it('adds the save-file stream channels (preload only), all distinct and each with a schema', () => {
    expect(Object.values(SAVE_STREAM_CHANNELS).sort()).toEqual([
      'party-minutes:save-file-abort',
      'party-minutes:save-file-begin',
      'party-minutes:save-file-chunk',
      'party-minutes:save-file-commit',
    ]);
    const all = Object.keys(IPC_CHANNELS).sort();
    expect(all).toEqual([...Object.keys(HOST_CHANNELS), ...Object.keys(SAVE_STREAM_CHANNELS)].sort());
    expect(new Set(Object.values(IPC_CHANNELS)).size).toBe(all.length);
    expect(Object.keys(PAYLOAD_SCHEMAS).sort()).toEqual(all);
  });

  it('exposes the preload under HOST_GLOBAL', () => {
    expect(PRELOAD_GLOBAL).toBe(HOST_GLOBAL);
  });
});

describe('isTrustedSender', () => {
  it.each([
    ['app://party-minutes/', true],
    ['app://party-minutes/index.html#/x', true],
    ['app://party-minutes.evil/', false],
    ['app://evil/', false],
    ['app://u:p@party-minutes/', false],
    ['about:blank', false],
    ['data:text/html,x', false],
    ['file:///C:/a.html', false],
    ['https://party-minutes/', false],
    ['http://localhost:5173/', false],
    ['', false],
    [undefined, false],
  ])('%s -> %s (production)', (url, trusted) => {
    expect(isTrustedSender(url)).toBe(trusted);
  });

  it('trusts the dev server origin only when given', () => {
    expect(isTrustedSender('http://localhost:5173/#/a', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', null)).toBe(false);
  });
});

describe('guardHandler', () => {
  it('runs the handler for a valid payload from our top frame', async () => {
    const h = fakeHandlers();
    const bytes = new Uint8Array([1, 2, 3]);
    const res = await guardHandler('saveFile', h.saveFile, null)(appEvent, { suggestedName: '记录', kind: 'docx', bytes });
    expect(res).toEqual({ ok: true, value: { saved: true, fileName: 'a.docx' } });
    expect(h.saveFile).toHaveBeenCalledWith({ suggestedName: '记录', kind: 'docx', bytes }, appEvent);
  });

  it('strips fields that are not in the contract', async () => {
    const h = fakeHandlers();
    await guardHandler('openFile', h.openFile, null)(appEvent, { kind: 'pmx', path: '/etc/passwd' });
    expect(h.openFile).toHaveBeenCalledWith({ kind: 'pmx' }, appEvent);
  });

  it.each([
    [{ senderFrame: null }],
    [{ senderFrame: { url: 'https://evil.cn/', parent: null } }],
    [{ senderFrame: { url: 'app://party-minutes/', parent: {} } }],
  ])('refuses untrusted senders without running the handler (%j)', async (event) => {
    const h = fakeHandlers();
    const res = await guardHandler('listBackups', h.listBackups, null)(event as SenderEvent);
    expect(res).toEqual({ ok: false, error: UNTRUSTED_SENDER_MESSAGE });
    expect(h.listBackups).not.toHaveBeenCalled();
  });

  it.each([
    ['saveFile', [{ suggestedName: '', kind: 'docx', bytes: new Uint8Array() }]],
    ['saveFile', [{ suggestedName: 'a', kind: 'exe', bytes: new Uint8Array() }]],
    ['saveFile', [{ suggestedName: 'a', kind: 'docx', bytes: [1, 2, 3] }]],
    ['saveFile', [{ suggestedName: 'a', kind: 'docx', bytes: new Blob([new Uint8Array([1])]) }]],
    ['saveFileBegin', [{ suggestedName: '', kind: 'pmx' }]],
    ['saveFileBegin', [{ suggestedName: 'a', kind: 'exe' }]],
    ['saveFileChunk', [{ handle: 1, bytes: [1, 2] }]],
    ['saveFileChunk', [{ handle: 1, bytes: new Blob([new Uint8Array([1])]) }]],
    ['saveFileChunk', [{ handle: '1', bytes: new Uint8Array(1) }]],
    ['saveFileChunk', [{ handle: 1.5, bytes: new Uint8Array(1) }]],
    ['saveFileChunk', [{ handle: -1, bytes: new Uint8Array(1) }]],
    ['saveFileChunk', [{ handle: 1, bytes: new Uint8Array(16 * 1024 * 1024 + 1) }]],
    ['saveFileCommit', [{}]],
    ['saveFileCommit', [{ handle: Number.MAX_SAFE_INTEGER + 2 }]],
    ['saveFileAbort', ['1']],
    ['openFile', [{}]],
    ['openFile', ['pmx']],
    ['writeBackup', [{ name: '../x.pmx', bytes: new Uint8Array() }]],
    ['readBackup', ['../../etc/passwd']],
    ['readBackup', ['C:\\x.pmx']],
    ['deleteBackup', ['备份.pmx']],
    ['deleteBackup', [42]],
    ['getAppInfo', ['x']],
    ['listBackups', [undefined, 'extra']],
  ] as const)('refuses an invalid %s payload with a Chinese message', async (channel, args) => {
    const h = fakeHandlers();
    const res = await guardHandler(channel, h[channel], null)(appEvent, ...args);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(CJK);
    expect(h[channel]).not.toHaveBeenCalled();
  });

  it('uses the schema’s own Chinese message when it has one', async () => {
    const h = fakeHandlers();
    const res = await guardHandler('readBackup', h.readBackup, null)(appEvent, '../x.pmx');
    expect(res).toEqual({ ok: false, error: '备份文件名不合法' });
  });

  it('turns handler errors into Chinese messages, never paths or stacks', async () => {
    const log = vi.fn();
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write /home/u/x'), { code: 'ENOSPC' });
    const res = await guardHandler('writeBackup', async () => { throw enospc; }, null, log)(appEvent, { name: 'a.pmx', bytes: new Uint8Array() });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error).toContain('磁盘空间不足');
      expect(res.error).not.toContain('/home');
    }
    expect(log).toHaveBeenCalled();
    const user = await guardHandler('readBackup', async () => { throw new UserError('找不到该备份文件'); }, null)(appEvent, 'a.pmx');
    expect(user).toEqual({ ok: false, error: '找不到该备份文件' });
  });
});

describe('toUserMessage', () => {
  it('maps unknown errors to a generic Chinese message', () => {
    expect(toUserMessage(new Error('boom at /secret/path'))).toMatch(/^操作失败/);
    expect(toUserMessage('x')).toMatch(CJK);
    expect(toUserMessage(Object.assign(new Error(), { code: 'EBUSY' }))).toContain('占用');
  });
});

describe('registerHostHandlers', () => {
  it('registers every channel behind the guard', async () => {
    const registered = new Map<string, (event: SenderEvent, ...args: unknown[]) => unknown>();
    const ipcMain = { handle: vi.fn((ch: string, fn: (event: SenderEvent, ...args: unknown[]) => unknown) => void registered.set(ch, fn)) };
    const h = fakeHandlers();
    registerHostHandlers(ipcMain, h, null);
    expect([...registered.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    expect(await registered.get(SAVE_STREAM_CHANNELS.saveFileCommit)!({ senderFrame: { url: 'https://x/', parent: null } }, { handle: 1 })).toEqual({
      ok: false,
      error: UNTRUSTED_SENDER_MESSAGE,
    });
    expect(h.saveFileCommit).not.toHaveBeenCalled();
    expect(await registered.get(HOST_CHANNELS.listBackups)!(appEvent)).toEqual({ ok: true, value: [] });
    expect(await registered.get(HOST_CHANNELS.listBackups)!({ senderFrame: { url: 'https://x/', parent: null } })).toEqual({
      ok: false,
      error: UNTRUSTED_SENDER_MESSAGE,
    });
  });
});
