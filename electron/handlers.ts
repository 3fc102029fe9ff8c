/**
 * The main-process implementation of the HostApi, assembled from injected dependencies so it is
 * testable without Electron. Validation and sender checks happen before these run (ipc.ts).
 */
import type { HostHandlers, SenderEvent } from './ipc';
import type { BackupStore } from './backups';
import { openFileWithDialog, saveFileWithDialog, type DialogDeps } from './files';
import type { SaveStreams } from './saveStream';

export interface HandlerDeps<E extends SenderEvent> {
  appVersion: string;
  platform: string;
  backups: BackupStore;
  /** Dialog functions bound to the caller's window (so the dialog is modal to it). */
  dialogsFor(event: E): DialogDeps;
  /** Saves in slices (a Blob from the page). */
  saveStreams: SaveStreams;
  /** Who owns a save handle (the sending webContents' id), so another sender cannot use it. */
  ownerOf(event: E): unknown;
}

export function createHostHandlers<E extends SenderEvent>(deps: HandlerDeps<E>): HostHandlers<E> {
  return {
    getAppInfo: async () => ({ appVersion: deps.appVersion, shell: 'electron', platform: deps.platform, backupsOnDisk: true }),
    saveFile: (req, event) => saveFileWithDialog(req, deps.dialogsFor(event)),
    openFile: (req, event) => openFileWithDialog(req, deps.dialogsFor(event)),
    writeBackup: (req) => deps.backups.write(req.name, req.bytes),
    listBackups: () => deps.backups.list(),
    readBackup: (name) => deps.backups.read(name),
    deleteBackup: (name) => deps.backups.remove(name),
    saveFileBegin: (req, event) => deps.saveStreams.begin(req, deps.dialogsFor(event), deps.ownerOf(event)),
    saveFileChunk: (req, event) => deps.saveStreams.chunk(req, deps.ownerOf(event)),
    saveFileCommit: (req, event) => deps.saveStreams.commit(req, deps.ownerOf(event)),
    saveFileAbort: (req, event) => deps.saveStreams.abort(req, deps.ownerOf(event)),
  };
}
