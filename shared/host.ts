/**
 * The one typed contract between the renderer and its host (Electron preload or plain browser).
 * The renderer sends bytes and suggested names, never file-system paths.
 * Each payload has a zod schema so the main process can validate what crosses IPC.
 */
import { z } from 'zod';

export const FILE_KINDS = ['docx', 'pmx', 'xlsx'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** File names come from user text (organisation names, titles): bounded, and sanitised again by the host. */
export const saveFileRequestSchema = z.object({
  suggestedName: z.string().min(1).max(255),
  kind: z.enum(FILE_KINDS),
  bytes: z.instanceof(Uint8Array),
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

export const saveFileResultSchema = z.object({
  saved: z.boolean(),
  /** Base name only, for the confirmation message; never a path. */
  fileName: z.string().optional(),
});
export type SaveFileResult = z.infer<typeof saveFileResultSchema>;

export const openFileRequestSchema = z.object({ kind: z.enum(FILE_KINDS) });
export type OpenFileRequest = z.infer<typeof openFileRequestSchema>;

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/** Encrypted snapshots are `.pmx`; without a backup password they are the plain archive, `.zip`. */
export const backupNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,120}\.(pmx|zip)$/, '备份文件名不合法');

export const writeBackupRequestSchema = z.object({
  name: backupNameSchema,
  bytes: z.instanceof(Uint8Array),
});
export type WriteBackupRequest = z.infer<typeof writeBackupRequestSchema>;

export interface BackupInfo {
  name: string;
  size: number;
  /** ISO 8601 time the file was last written. */
  modifiedAt: string;
}

export interface AppInfo {
  appVersion: string;
  /** 'electron' when running in the desktop shell, 'web' in a plain browser. */
  shell: 'electron' | 'web';
  platform: string;
  /** True when backups go to a folder outside the browser profile. */
  backupsOnDisk: boolean;
}

export interface HostApi {
  getAppInfo(): Promise<AppInfo>;
  /** Asks the user where to save (desktop) or triggers a download (browser). */
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  /** Asks the user for one file; null when cancelled. */
  openFile(req: OpenFileRequest): Promise<OpenedFile | null>;
  /** Writes an automatic snapshot into the backups folder (desktop) or offers it as a download (browser). */
  writeBackup(req: WriteBackupRequest): Promise<void>;
  listBackups(): Promise<BackupInfo[]>;
  readBackup(name: string): Promise<Uint8Array>;
  deleteBackup(name: string): Promise<void>;
}

/** Name under which the preload exposes the HostApi on `window`. */
export const HOST_GLOBAL = 'partyMinutesHost' as const;
