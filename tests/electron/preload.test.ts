import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

import { HOST_CHANNELS } from '../../electron/channels';
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

  it('turns an error result into an Error with the Chinese message', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: false, error: '找不到该备份文件' });
    await expect(api.readBackup('x.pmx')).rejects.toThrow(new Error('找不到该备份文件'));
  });
});
