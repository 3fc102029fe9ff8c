/**
 * Sandboxed preload (bundled to out/preload/index.cjs, CommonJS; only `electron` is external).
 * Exposes exactly the HostApi functions, each on its own fixed channel. No generic invoke, no
 * ipcRenderer, no Node: the page gets these seven functions and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { HostApi, OpenFileRequest, SaveFileRequest, WriteBackupRequest } from '../shared/host';
import { HOST_CHANNELS, PRELOAD_GLOBAL, type HostChannel, type IpcResult } from './channels';

async function call<T>(channel: HostChannel, ...args: unknown[]): Promise<T> {
  const result = (await ipcRenderer.invoke(channel, ...args)) as IpcResult<T>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

// Payloads are rebuilt field by field, so only the contract's fields ever cross IPC.
const host: HostApi = {
  getAppInfo: () => call(HOST_CHANNELS.getAppInfo),
  saveFile: (req: SaveFileRequest) =>
    call(HOST_CHANNELS.saveFile, { suggestedName: req.suggestedName, kind: req.kind, bytes: req.bytes }),
  openFile: (req: OpenFileRequest) => call(HOST_CHANNELS.openFile, { kind: req.kind }),
  writeBackup: (req: WriteBackupRequest) => call(HOST_CHANNELS.writeBackup, { name: req.name, bytes: req.bytes }),
  listBackups: () => call(HOST_CHANNELS.listBackups),
  readBackup: (name: string) => call(HOST_CHANNELS.readBackup, name),
  deleteBackup: (name: string) => call(HOST_CHANNELS.deleteBackup, name),
};

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, host);
