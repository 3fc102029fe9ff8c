/**
 * Sandboxed preload (bundled to out/preload/index.cjs, CommonJS; only `electron` is external).
 * Exposes exactly the HostApi functions, each on its own fixed channel. No generic invoke, no
 * ipcRenderer, no Node: the page gets these seven functions and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { HostApi, OpenFileRequest, SaveFileRequest, SaveFileResult, WriteBackupRequest } from '../shared/host';
import { HOST_CHANNELS, PRELOAD_GLOBAL, SAVE_STREAM_CHANNELS, type HostChannel, type IpcResult } from './channels';

async function call<T>(channel: HostChannel, ...args: unknown[]): Promise<T> {
  const result = (await ipcRenderer.invoke(channel, ...args)) as IpcResult<T>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Slice size when a Blob is streamed to the main process (IPC cannot carry a Blob). */
export const SAVE_SLICE_BYTES = 4 * 1024 * 1024;

/**
 * A Blob is never read whole: the main process first asks where to save (a handle, or null when
 * cancelled), then receives it slice by slice and renames the finished temporary file into place.
 */
async function saveBlob(req: SaveFileRequest, blob: Blob): Promise<SaveFileResult> {
  const handle = await call<number | null>(SAVE_STREAM_CHANNELS.saveFileBegin, { suggestedName: req.suggestedName, kind: req.kind });
  if (handle === null) return { saved: false };
  try {
    for (let a = 0; a < blob.size; a += SAVE_SLICE_BYTES) {
      const bytes = new Uint8Array(await blob.slice(a, Math.min(blob.size, a + SAVE_SLICE_BYTES)).arrayBuffer());
      await call<void>(SAVE_STREAM_CHANNELS.saveFileChunk, { handle, bytes });
    }
    return await call<SaveFileResult>(SAVE_STREAM_CHANNELS.saveFileCommit, { handle });
  } catch (err) {
    await ipcRenderer.invoke(SAVE_STREAM_CHANNELS.saveFileAbort, { handle }).catch(() => undefined);
    throw err;
  }
}

// Payloads are rebuilt field by field, so only the contract's fields ever cross IPC.
const host: HostApi = {
  getAppInfo: () => call(HOST_CHANNELS.getAppInfo),
  saveFile: (req: SaveFileRequest) =>
    req.bytes instanceof Uint8Array
      ? call(HOST_CHANNELS.saveFile, { suggestedName: req.suggestedName, kind: req.kind, bytes: req.bytes })
      : saveBlob(req, req.bytes),
  openFile: (req: OpenFileRequest) => call(HOST_CHANNELS.openFile, { kind: req.kind }),
  writeBackup: (req: WriteBackupRequest) => call(HOST_CHANNELS.writeBackup, { name: req.name, bytes: req.bytes }),
  listBackups: () => call(HOST_CHANNELS.listBackups),
  readBackup: (name: string) => call(HOST_CHANNELS.readBackup, name),
  deleteBackup: (name: string) => call(HOST_CHANNELS.deleteBackup, name),
};

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, host);
