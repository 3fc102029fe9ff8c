/**
 * The main-process implementation of the HostApi, assembled from injected dependencies so it is
 * testable without Electron. Validation and sender checks happen before these run (ipc.ts).
 */
import type { HostHandlers, SenderEvent } from './ipc';
import type { BackupStore } from './backups';
import { openFileWithDialog, saveFileWithDialog, type DialogDeps } from './files';

export interface HandlerDeps<E extends SenderEvent> {
  appVersion: string;
  platform: string;
  backups: BackupStore;
  /** Dialog functions bound to the caller's window (so the dialog is modal to it). */
  dialogsFor(event: E): DialogDeps;
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
  };
}
