import { describe, expect, it, vi } from 'vitest';
import { createHostHandlers } from '../../electron/handlers';
import type { BackupStore } from '../../electron/backups';
import type { SenderEvent } from '../../electron/ipc';
import { bundlePaths } from '../../electron/paths';

const event: SenderEvent = { senderFrame: { url: 'app://party-minutes/', parent: null } };

describe('createHostHandlers', () => {
  it('reports the desktop shell and routes backups to the store', async () => {
    const backups: BackupStore = {
      dir: '/b',
      write: vi.fn(async () => {}),
      list: vi.fn(async () => []),
      read: vi.fn(async () => new Uint8Array([7])),
      remove: vi.fn(async () => {}),
    };
    const dialogsFor = vi.fn(() => ({
      defaultDir: null,
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    }));
    const saveStreams = {
      begin: vi.fn(async () => 42),
      chunk: vi.fn(async () => {}),
      commit: vi.fn(async () => ({ saved: true, fileName: 'a.pmx' })),
      abort: vi.fn(async () => {}),
      abortAll: vi.fn(async () => {}),
      sweep: vi.fn(async () => {}),
      size: 0,
    };
    const owner = {};
    const h = createHostHandlers({ appVersion: '0.1.0', platform: 'win32', backups, dialogsFor, saveStreams, ownerOf: () => owner });
    expect(await h.getAppInfo(undefined, event)).toEqual({ appVersion: '0.1.0', shell: 'electron', platform: 'win32', backupsOnDisk: true });
    await h.writeBackup({ name: 'a.pmx', bytes: new Uint8Array([1]) }, event);
    expect(backups.write).toHaveBeenCalledWith('a.pmx', new Uint8Array([1]));
    expect(await h.readBackup('a.pmx', event)).toEqual(new Uint8Array([7]));
    await h.deleteBackup('a.pmx', event);
    expect(backups.remove).toHaveBeenCalledWith('a.pmx');
    expect(await h.listBackups(undefined, event)).toEqual([]);
    expect(await h.saveFile({ suggestedName: 'x', kind: 'docx', bytes: new Uint8Array() }, event)).toEqual({ saved: false });
    expect(await h.openFile({ kind: 'pmx' }, event)).toBeNull();
    expect(dialogsFor).toHaveBeenCalledWith(event);
    // the save-file stream goes to the store with the caller as owner
    expect(await h.saveFileBegin({ suggestedName: 'x', kind: 'pmx' }, event)).toBe(42);
    expect(saveStreams.begin).toHaveBeenCalledWith({ suggestedName: 'x', kind: 'pmx' }, dialogsFor.mock.results.at(-1)!.value, owner);
    await h.saveFileChunk({ handle: 42, bytes: new Uint8Array([1]) }, event);
    expect(saveStreams.chunk).toHaveBeenCalledWith({ handle: 42, bytes: new Uint8Array([1]) }, owner);
    expect(await h.saveFileCommit({ handle: 42 }, event)).toEqual({ saved: true, fileName: 'a.pmx' });
    expect(saveStreams.commit).toHaveBeenCalledWith({ handle: 42 }, owner);
    await h.saveFileAbort({ handle: 42 }, event);
    expect(saveStreams.abort).toHaveBeenCalledWith({ handle: 42 }, owner);
  });
});

describe('bundlePaths', () => {
  it('finds the renderer and preload beside the main bundle', () => {
    expect(bundlePaths('/app/resources/app.asar/out/main')).toEqual({
      rendererRoot: '/app/resources/app.asar/out/renderer',
      preload: '/app/resources/app.asar/out/preload/index.cjs',
    });
  });
});
