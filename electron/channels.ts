/**
 * Fixed IPC channel names, one per HostApi function. Kept free of runtime imports so the sandboxed
 * preload bundle stays tiny (no zod): the names are checked against the contract by the compiler.
 */
import type { HOST_GLOBAL, HostApi, SaveStreamIpc } from '../shared/host';

export const HOST_CHANNELS = {
  getAppInfo: 'party-minutes:getAppInfo',
  saveFile: 'party-minutes:saveFile',
  openFile: 'party-minutes:openFile',
  writeBackup: 'party-minutes:writeBackup',
  listBackups: 'party-minutes:listBackups',
  readBackup: 'party-minutes:readBackup',
  deleteBackup: 'party-minutes:deleteBackup',
} as const satisfies Record<keyof HostApi, string>;

/** Channels the preload uses inside saveFile to stream a Blob to disk (never exposed to the page). */
export const SAVE_STREAM_CHANNELS = {
  saveFileBegin: 'party-minutes:save-file-begin',
  saveFileChunk: 'party-minutes:save-file-chunk',
  saveFileCommit: 'party-minutes:save-file-commit',
  saveFileAbort: 'party-minutes:save-file-abort',
} as const satisfies Record<keyof SaveStreamIpc, string>;

/** Every channel the main process answers. */
export const IPC_CHANNELS = { ...HOST_CHANNELS, ...SAVE_STREAM_CHANNELS } as const;

export type HostChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** Same value as HOST_GLOBAL in shared/host.ts (the type annotation makes a mismatch a compile error). */
export const PRELOAD_GLOBAL: typeof HOST_GLOBAL = 'partyMinutesHost';

/**
 * What every handler returns over IPC. Errors travel as data so the renderer sees the plain Chinese
 * message (a thrown error would arrive as "Error invoking remote method '…': Error: …").
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };
