/**
 * The one typed contract between the renderer and its host (Electron preload or plain browser).
 * The renderer sends bytes and suggested names, never file-system paths.
 * Each payload has a zod schema so the main process can validate what crosses IPC.
 */
import { z } from 'zod';

export const FILE_KINDS = ['docx', 'pmx', 'xlsx'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/**
 * The file's contents: bytes in the JS heap, or a Blob (its data lives in the browser's blob store,
 * outside the V8 heap), so a large file built from many pieces never has to be held whole.
 */
export const saveFileBytesSchema = z.union([z.instanceof(Uint8Array), z.instanceof(Blob)]);

/** File names come from user text (organisation names, titles): bounded, and sanitised again by the host. */
export const saveFileRequestSchema = z.object({
  suggestedName: z.string().min(1).max(255),
  kind: z.enum(FILE_KINDS),
  bytes: saveFileBytesSchema,
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

/**
 * What the saveFile IPC channel accepts: IPC cannot carry a Blob, so the preload sends a Blob's
 * contents in slices over the save-file stream channels below instead.
 */
export const saveFileIpcRequestSchema = saveFileRequestSchema.extend({ bytes: z.instanceof(Uint8Array) });
export type SaveFileIpcRequest = z.infer<typeof saveFileIpcRequestSchema>;

export const saveFileResultSchema = z.object({
  saved: z.boolean(),
  /** Base name only, for the confirmation message; never a path. */
  fileName: z.string().optional(),
});
export type SaveFileResult = z.infer<typeof saveFileResultSchema>;

/*
 * Saving a Blob from the desktop shell (preload → main only; not part of the page's HostApi):
 * begin (save dialog; returns an opaque handle, null when cancelled) → chunk … → commit (atomic
 * rename) or abort. Handles are random, belong to the window that opened them, and expire.
 */
/** Largest slice one save-file-chunk message may carry (the preload sends 4 MiB). */
export const SAVE_CHUNK_MAX_BYTES = 16 * 1024 * 1024;

export const saveHandleSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const saveFileBeginRequestSchema = saveFileRequestSchema.pick({ suggestedName: true, kind: true });
export type SaveFileBeginRequest = z.infer<typeof saveFileBeginRequestSchema>;

export const saveFileChunkRequestSchema = z.object({
  handle: saveHandleSchema,
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= SAVE_CHUNK_MAX_BYTES, '程序内部发送的数据块过大，保存未完成。请重试。'),
});
export type SaveFileChunkRequest = z.infer<typeof saveFileChunkRequestSchema>;

export const saveFileHandleRequestSchema = z.object({ handle: saveHandleSchema });
export type SaveFileHandleRequest = z.infer<typeof saveFileHandleRequestSchema>;

/** The preload's side of the save-file stream, one named function per channel. */
export interface SaveStreamIpc {
  /** Shows the save dialog; the handle of the opened temporary file, or null when cancelled. */
  saveFileBegin(req: SaveFileBeginRequest): Promise<number | null>;
  saveFileChunk(req: SaveFileChunkRequest): Promise<void>;
  /** Flushes the temporary file and renames it over the chosen name. */
  saveFileCommit(req: SaveFileHandleRequest): Promise<SaveFileResult>;
  /** Removes the temporary file; an unknown handle is ignored. */
  saveFileAbort(req: SaveFileHandleRequest): Promise<void>;
}

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
