/**
 * Saving in slices (the preload's saveFile with a Blob), main-process side: the channels as main.ts
 * registers them (guard + zod + handlers + save streams), Electron's dialog mocked, real files.
 */
import path from 'node:path';
import { mkdtemp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() } }));
vi.mock('electron', () => electron);

import { dialog } from 'electron';
import { SAVE_STREAM_CHANNELS, type IpcResult } from '../../electron/channels';
import { registerHostHandlers, UNTRUSTED_SENDER_MESSAGE, type SenderEvent } from '../../electron/ipc';
import { createHostHandlers } from '../../electron/handlers';
import type { BackupStore } from '../../electron/backups';
import { createSaveStreams, TOO_MANY_SAVES_MESSAGE, UNKNOWN_SAVE_HANDLE_MESSAGE, type SaveStreams } from '../../electron/saveStream';
import type { SaveFileResult } from '../../shared/host';

interface Event extends SenderEvent {
  sender: object;
}
const CJK = /[\u4e00-\u9fff]/;

let dir: string;
let clock: number;
let streams: SaveStreams;
let channels: Map<string, (event: Event, ...args: unknown[]) => Promise<IpcResult<unknown>>>;

const windowA = {};
const windowB = {};
const fromA: Event = { senderFrame: { url: 'app://party-minutes/#/transfer', parent: null }, sender: windowA };
const fromB: Event = { senderFrame: { url: 'app://party-minutes/#/transfer', parent: null }, sender: windowB };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pm-save-stream-'));
  clock = 1_000_000;
  streams = createSaveStreams({ idleMs: 60_000, maxPerOwner: 2, now: () => clock, autoSweep: false });
  channels = new Map();
  const ipcMain = { handle: (ch: string, fn: (event: Event, ...args: unknown[]) => unknown) => void channels.set(ch, fn as never) };
  const handlers = createHostHandlers<Event>({
    appVersion: '0.1.0',
    platform: 'linux',
    backups: {} as BackupStore,
    saveStreams: streams,
    ownerOf: (event) => event.sender,
    dialogsFor: () => ({
      defaultDir: dir,
      showSaveDialog: (options) => dialog.showSaveDialog(options),
      showOpenDialog: (options) => dialog.showOpenDialog(options),
    }),
  });
  registerHostHandlers(ipcMain, handlers, null);
  vi.mocked(dialog.showSaveDialog).mockReset();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function chooses(name: string | null): void {
  vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce(
    name === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: path.join(dir, name) },
  );
}

async function call<T>(channel: string, event: Event, payload: unknown): Promise<IpcResult<T>> {
  return (await channels.get(channel)!(event, payload)) as IpcResult<T>;
}
async function ok<T>(channel: string, event: Event, payload: unknown): Promise<T> {
  const res = await call<T>(channel, event, payload);
  if (!res.ok) throw new Error(`${channel}: ${res.error}`);
  return res.value;
}
const begin = (event: Event = fromA, name = '党建记录') => ok<number | null>(SAVE_STREAM_CHANNELS.saveFileBegin, event, { suggestedName: name, kind: 'pmx' });
const chunk = (handle: number, bytes: Uint8Array, event: Event = fromA) => call<void>(SAVE_STREAM_CHANNELS.saveFileChunk, event, { handle, bytes });
const commit = (handle: number, event: Event = fromA) => call<SaveFileResult>(SAVE_STREAM_CHANNELS.saveFileCommit, event, { handle });
const abort = (handle: number, event: Event = fromA) => call<void>(SAVE_STREAM_CHANNELS.saveFileAbort, event, { handle });

function pattern(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

describe('save-file stream: dialog → chunks → commit', () => {
  it('writes exactly the bytes sent, under the chosen name, via a temporary file in the same folder', async () => {
    chooses('第一支部交换文件');
    const handle = await begin();
    expect(typeof handle).toBe('number');
    expect(Number.isSafeInteger(handle)).toBe(true);
    expect(vi.mocked(dialog.showSaveDialog).mock.calls[0][0].defaultPath).toBe(path.join(dir, '党建记录.pmx'));
    const parts = [pattern(4096, 1), pattern(1, 2), pattern(0, 3), pattern(70_000, 4)];
    for (const p of parts) expect(await chunk(handle!, p)).toEqual({ ok: true, value: undefined });
    // before commit only a hidden temporary file exists
    const during = await readdir(dir);
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^\.pm-[0-9a-f]{12}\.tmp$/);
    expect(await commit(handle!)).toEqual({ ok: true, value: { saved: true, fileName: '第一支部交换文件.pmx' } });
    expect(await readdir(dir)).toEqual(['第一支部交换文件.pmx']);
    const written = new Uint8Array(await readFile(path.join(dir, '第一支部交换文件.pmx')));
    const expected = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      expected.set(p, o);
      o += p.length;
    }
    expect(written).toEqual(expected);
    expect(streams.size).toBe(0);
    // the handle is spent
    expect(await commit(handle!)).toEqual({ ok: false, error: UNKNOWN_SAVE_HANDLE_MESSAGE });
  });

  it('returns null when the dialog is cancelled and creates nothing', async () => {
    chooses(null);
    expect(await begin()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
    expect(streams.size).toBe(0);
  });

  it('gives each save its own unguessable handle', async () => {
    chooses('a');
    chooses('b');
    const h1 = (await begin())!;
    const h2 = (await begin())!;
    expect(h1).not.toBe(h2);
    expect(h1).toBeGreaterThan(2 ** 16);
    await abort(h1);
    await abort(h2);
  });

  it('replaces an existing file only at commit', async () => {
    chooses('x.pmx');
    const h1 = (await begin())!;
    await chunk(h1, pattern(10, 1));
    await commit(h1);
    chooses('x.pmx');
    const h2 = (await begin())!;
    await chunk(h2, pattern(20, 2));
    expect(new Uint8Array(await readFile(path.join(dir, 'x.pmx')))).toEqual(pattern(10, 1));
    await commit(h2);
    expect(new Uint8Array(await readFile(path.join(dir, 'x.pmx')))).toEqual(pattern(20, 2));
    expect(await readdir(dir)).toEqual(['x.pmx']);
  });

  it('refuses to save over a folder before opening anything', async () => {
    await mkdir(path.join(dir, 'x.pmx'));
    chooses('x.pmx');
    const res = await call(SAVE_STREAM_CHANNELS.saveFileBegin, fromA, { suggestedName: 'x', kind: 'pmx' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toContain('文件夹');
    expect(await readdir(dir)).toEqual(['x.pmx']);
  });
});

describe('save-file stream: abort and expiry', () => {
  it('abort removes the temporary file and spends the handle', async () => {
    chooses('a');
    const handle = (await begin())!;
    await chunk(handle, pattern(1000, 1));
    expect(await readdir(dir)).toHaveLength(1);
    expect(await abort(handle)).toEqual({ ok: true, value: undefined });
    expect(await readdir(dir)).toEqual([]);
    expect(await chunk(handle, pattern(1, 1))).toEqual({ ok: false, error: UNKNOWN_SAVE_HANDLE_MESSAGE });
    // aborting again (or an unknown handle) is harmless
    expect(await abort(handle)).toEqual({ ok: true, value: undefined });
  });

  it('an idle handle expires: refused, and the sweep removes its temporary file', async () => {
    chooses('a');
    const h1 = (await begin())!;
    chooses('b');
    const h2 = (await begin())!;
    await chunk(h1, pattern(10, 1));
    clock += 59_000;
    await chunk(h1, pattern(10, 1)); // activity keeps h1 alive
    clock += 2_000; // h2 idle for 61 s
    expect(await commit(h2)).toEqual({ ok: false, error: UNKNOWN_SAVE_HANDLE_MESSAGE });
    clock += 60_000;
    await streams.sweep();
    expect(streams.size).toBe(0);
    expect(await readdir(dir)).toEqual([]);
    expect(await commit(h1)).toEqual({ ok: false, error: UNKNOWN_SAVE_HANDLE_MESSAGE });
  });

  it('removes every unfinished save of a closed window, not another window’s', async () => {
    chooses('a');
    const ha = (await begin(fromA))!;
    chooses('b');
    const hb = (await begin(fromB))!;
    await streams.abortAll(windowA);
    expect(await chunk(ha, pattern(1, 1))).toEqual({ ok: false, error: UNKNOWN_SAVE_HANDLE_MESSAGE });
    await chunk(hb, pattern(3, 1), fromB);
    expect((await commit(hb, fromB)).ok).toBe(true);
    expect(await readdir(dir)).toEqual(['b.pmx']);
  });

  it('limits open saves per window', async () => {
    chooses('a');
    chooses('b');
    await begin();
    await begin();
    const res = await call(SAVE_STREAM_CHANNELS.saveFileBegin, fromA, { suggestedName: 'c', kind: 'pmx' });
    expect(res).toEqual({ ok: false, error: TOO_MANY_SAVES_MESSAGE });
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(2);
    await streams.abortAll(windowA);
  });
});

describe('save-file stream: who may use a handle', () => {
  it('refuses an unknown handle on commit with a Chinese message', async () => {
    const res = await commit(123_456_789);
    expect(res).toEqual({ ok: false, error: UNKNOWN_SAVE_HANDLE_MESSAGE });
    expect(UNKNOWN_SAVE_HANDLE_MESSAGE).toMatch(CJK);
    expect(await chunk(123_456_789, pattern(1, 1))).toEqual({ ok: false, error: UNKNOWN_SAVE_HANDLE_MESSAGE });
  });

  it('refuses another sender’s handle and leaves that save untouched', async () => {
    chooses('a');
    const handle = (await begin(fromA))!;
    await chunk(handle, pattern(5, 1));
    expect(await chunk(handle, pattern(5, 9), fromB)).toEqual({ ok: false, error: UNKNOWN_SAVE_HANDLE_MESSAGE });
    expect(await commit(handle, fromB)).toEqual({ ok: false, error: UNKNOWN_SAVE_HANDLE_MESSAGE });
    expect(await abort(handle, fromB)).toEqual({ ok: true, value: undefined }); // ignored
    await chunk(handle, pattern(5, 2));
    expect((await commit(handle)).ok).toBe(true);
    const expected = new Uint8Array(10);
    expected.set(pattern(5, 1));
    expected.set(pattern(5, 2), 5);
    expect(new Uint8Array(await readFile(path.join(dir, 'a.pmx')))).toEqual(expected);
  });

  it('refuses untrusted frames on every stream channel before running anything', async () => {
    chooses('a');
    const handle = (await begin())!;
    const evil: Event = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: windowA };
    const sub: Event = { senderFrame: { url: 'app://party-minutes/', parent: {} }, sender: windowA };
    for (const event of [evil, sub]) {
      expect(await call(SAVE_STREAM_CHANNELS.saveFileBegin, event, { suggestedName: 'x', kind: 'pmx' })).toEqual({ ok: false, error: UNTRUSTED_SENDER_MESSAGE });
      expect(await chunk(handle, pattern(1, 1), event)).toEqual({ ok: false, error: UNTRUSTED_SENDER_MESSAGE });
      expect(await commit(handle, event)).toEqual({ ok: false, error: UNTRUSTED_SENDER_MESSAGE });
      expect(await abort(handle, event)).toEqual({ ok: false, error: UNTRUSTED_SENDER_MESSAGE });
    }
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    expect((await commit(handle)).ok).toBe(true);
    expect(await readFile(path.join(dir, 'a.pmx'))).toHaveLength(0);
  });
});

describe('save-file stream: payload validation', () => {
  it.each([
    [SAVE_STREAM_CHANNELS.saveFileBegin, { suggestedName: 'x', kind: 'exe' }],
    [SAVE_STREAM_CHANNELS.saveFileBegin, { suggestedName: 'x'.repeat(256), kind: 'pmx' }],
    [SAVE_STREAM_CHANNELS.saveFileChunk, { handle: 1, bytes: 'AAAA' }],
    [SAVE_STREAM_CHANNELS.saveFileChunk, { handle: 1, bytes: new Blob([new Uint8Array(1)]) }],
    [SAVE_STREAM_CHANNELS.saveFileChunk, { handle: 0, bytes: new Uint8Array(1) }],
    [SAVE_STREAM_CHANNELS.saveFileChunk, { handle: 1, bytes: new Uint8Array(16 * 1024 * 1024 + 1) }],
    [SAVE_STREAM_CHANNELS.saveFileCommit, { handle: 'abc' }],
    [SAVE_STREAM_CHANNELS.saveFileCommit, undefined],
    [SAVE_STREAM_CHANNELS.saveFileAbort, { handle: Infinity }],
  ])('%s refuses %o with a Chinese message, before the dialog or the disk', async (channel, payload) => {
    const res = await call(channel, fromA, payload);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(CJK);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(await readdir(dir)).toEqual([]);
  });

  it('strips unknown fields (no path can be smuggled into begin)', async () => {
    chooses('a');
    const handle = await ok<number>(SAVE_STREAM_CHANNELS.saveFileBegin, fromA, { suggestedName: 'a', kind: 'pmx', path: '/etc/passwd' });
    await abort(handle);
    expect(vi.mocked(dialog.showSaveDialog).mock.calls[0][0]).not.toHaveProperty('path');
  });
});
