import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

import { HOST_CHANNELS, SAVE_STREAM_CHANNELS } from '../../electron/channels';
import { HOST_GLOBAL, type HostApi } from '../../shared/host';

async function loadPreload(): Promise<HostApi> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  await import('../../electron/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, HostApi];
  expect(name).toBe(HOST_GLOBAL);
  return api;
}

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
});

describe('preload', () => {
  it('exposes exactly the named HostApi functions, no generic invoke', async () => {
    const api = await loadPreload();
    expect(Object.keys(api).sort()).toEqual(Object.keys(HOST_CHANNELS).sort());
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('sends each call on its own fixed channel with only the contract fields', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { saved: true, fileName: 'a.docx' } });
    const bytes = new Uint8Array([1, 2]);
    const req = { suggestedName: '记录', kind: 'docx' as const, bytes, path: '/etc/passwd' };
    expect(await api.saveFile(req)).toEqual({ saved: true, fileName: 'a.docx' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(HOST_CHANNELS.saveFile, { suggestedName: '记录', kind: 'docx', bytes });

    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: [] });
    await api.listBackups();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(HOST_CHANNELS.listBackups);
    await api.getAppInfo();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(HOST_CHANNELS.getAppInfo);
    await api.openFile({ kind: 'pmx' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(HOST_CHANNELS.openFile, { kind: 'pmx' });
    await api.writeBackup({ name: 'a.pmx', bytes });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(HOST_CHANNELS.writeBackup, { name: 'a.pmx', bytes });
    await api.readBackup('a.pmx');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(HOST_CHANNELS.readBackup, 'a.pmx');
    await api.deleteBackup('a.pmx');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(HOST_CHANNELS.deleteBackup, 'a.pmx');
  });

  it('streams a Blob in 4 MiB slices: begin → chunks → commit, never the saveFile channel', async () => {
    const api = await loadPreload();
    const MiB = 1024 * 1024;
    const data = new Uint8Array(9 * MiB + 5);
    for (let i = 0; i < data.length; i += 4096) data[i] = (i / 4096) & 0xff;
    const received: Uint8Array[] = [];
    electron.ipcRenderer.invoke.mockImplementation(async (channel: string, payload: { handle?: number; bytes?: Uint8Array }) => {
      if (channel === SAVE_STREAM_CHANNELS.saveFileBegin) return { ok: true, value: 77 };
      if (channel === SAVE_STREAM_CHANNELS.saveFileChunk) {
        expect(payload.handle).toBe(77);
        expect(payload.bytes).toBeInstanceOf(Uint8Array);
        received.push(payload.bytes!);
        return { ok: true, value: undefined };
      }
      if (channel === SAVE_STREAM_CHANNELS.saveFileCommit) return { ok: true, value: { saved: true, fileName: 'x.pmx' } };
      throw new Error(`unexpected ${channel}`);
    });
    const res = await api.saveFile({ suggestedName: '记录', kind: 'pmx', bytes: new Blob([data.subarray(0, MiB), data.subarray(MiB)]) });
    expect(res).toEqual({ saved: true, fileName: 'x.pmx' });
    const channels = electron.ipcRenderer.invoke.mock.calls.map((c) => c[0]);
    expect(channels).toEqual([
      SAVE_STREAM_CHANNELS.saveFileBegin,
      SAVE_STREAM_CHANNELS.saveFileChunk,
      SAVE_STREAM_CHANNELS.saveFileChunk,
      SAVE_STREAM_CHANNELS.saveFileChunk,
      SAVE_STREAM_CHANNELS.saveFileCommit,
    ]);
    expect(electron.ipcRenderer.invoke.mock.calls[0][1]).toEqual({ suggestedName: '记录', kind: 'pmx' });
    expect(electron.ipcRenderer.invoke.mock.calls[4][1]).toEqual({ handle: 77 });
    expect(received.map((b) => b.length)).toEqual([4 * MiB, 4 * MiB, MiB + 5]);
    const joined = new Uint8Array(data.length);
    let o = 0;
    for (const b of received) {
      joined.set(b, o);
      o += b.length;
    }
    // Byte-for-byte, without vitest's element-wise deep equality (50 s for 9 MiB).
    expect(Buffer.compare(joined, data)).toBe(0);
  });

  it('returns saved:false without sending data when the dialog is cancelled', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: null });
    expect(await api.saveFile({ suggestedName: 'a', kind: 'pmx', bytes: new Blob([new Uint8Array(10)]) })).toEqual({ saved: false });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });

  it('aborts the save and reports the Chinese message when a slice fails', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockImplementation(async (channel: string) => {
      if (channel === SAVE_STREAM_CHANNELS.saveFileBegin) return { ok: true, value: 5 };
      if (channel === SAVE_STREAM_CHANNELS.saveFileChunk) return { ok: false, error: '磁盘空间不足，文件未能写入。' };
      if (channel === SAVE_STREAM_CHANNELS.saveFileAbort) throw new Error('abort failed too');
      throw new Error(`unexpected ${channel}`);
    });
    await expect(api.saveFile({ suggestedName: 'a', kind: 'pmx', bytes: new Blob([new Uint8Array(10)]) })).rejects.toThrow('磁盘空间不足');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(SAVE_STREAM_CHANNELS.saveFileAbort, { handle: 5 });
  });

  it('turns an error result into an Error with the Chinese message', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: false, error: '找不到该备份文件' });
    await expect(api.readBackup('x.pmx')).rejects.toThrow(new Error('找不到该备份文件'));
  });
});
