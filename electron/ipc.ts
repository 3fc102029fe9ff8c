/**
 * IPC plumbing in the main process: every handler checks who is calling and what was sent
 * (design §2) before any host code runs, and answers with an IpcResult carrying a Chinese message.
 */
import { z } from 'zod';
import {
  backupNameSchema,
  openFileRequestSchema,
  saveFileBeginRequestSchema,
  saveFileChunkRequestSchema,
  saveFileHandleRequestSchema,
  saveFileIpcRequestSchema,
  writeBackupRequestSchema,
  type AppInfo,
  type BackupInfo,
  type HostApi,
  type OpenedFile,
  type SaveFileResult,
  type SaveStreamIpc,
} from '../shared/host';
import { IPC_CHANNELS, type IpcResult } from './channels';
import { APP_HOST, APP_SCHEME, originOf } from './security';
import { UserError } from './errors';

export { HOST_CHANNELS, IPC_CHANNELS, SAVE_STREAM_CHANNELS, type IpcResult } from './channels';
export { UserError } from './errors';


/** The parts of Electron's IpcMainInvokeEvent the checks need (easy to fake in tests). */
export interface SenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * True when the frame that sent the message shows our renderer: app://party-minutes, or the dev
 * server origin in development. Anything else (about:blank, data:, file:, other hosts) is refused.
 */
export function isTrustedSender(frameUrl: string | undefined, devOrigin?: string | null): boolean {
  if (frameUrl === undefined || frameUrl === '') return false;
  let u: URL;
  try {
    u = new URL(frameUrl);
  } catch {
    return false;
  }
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '') return true;
  return devOrigin != null && originOf(frameUrl) === devOrigin;
}

/** Everything the main process answers: the page's HostApi plus the preload's save-file stream. */
export type IpcApi = HostApi & SaveStreamIpc;

/** Payload schema per channel: exactly one argument (or none). */
export const PAYLOAD_SCHEMAS = {
  getAppInfo: z.undefined(),
  saveFile: saveFileIpcRequestSchema,
  openFile: openFileRequestSchema,
  writeBackup: writeBackupRequestSchema,
  listBackups: z.undefined(),
  readBackup: backupNameSchema,
  deleteBackup: backupNameSchema,
  saveFileBegin: saveFileBeginRequestSchema,
  saveFileChunk: saveFileChunkRequestSchema,
  saveFileCommit: saveFileHandleRequestSchema,
  saveFileAbort: saveFileHandleRequestSchema,
} as const satisfies Record<keyof IpcApi, z.ZodType>;

type Payloads = { [K in keyof typeof PAYLOAD_SCHEMAS]: z.infer<(typeof PAYLOAD_SCHEMAS)[K]> };
type Results = {
  getAppInfo: AppInfo;
  saveFile: SaveFileResult;
  openFile: OpenedFile | null;
  writeBackup: void;
  listBackups: BackupInfo[];
  readBackup: Uint8Array;
  deleteBackup: void;
  saveFileBegin: number | null;
  saveFileChunk: void;
  saveFileCommit: SaveFileResult;
  saveFileAbort: void;
};

/** The main-process implementation of each IPC function; `event` is the validated caller. */
export type HostHandlers<E extends SenderEvent = SenderEvent> = {
  [K in keyof IpcApi]: (payload: Payloads[K], event: E) => Promise<Results[K]>;
};

const CJK = /[\u4e00-\u9fff]/;

function describeZodError(channel: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue !== undefined && CJK.test(issue.message)) return issue.message;
  const where = issue === undefined || issue.path.length === 0 ? channel : `${channel}.${issue.path.join('.')}`;
  return `程序内部请求的数据格式不正确（${where}），操作未执行。请重启程序后重试；如果反复出现，请联系技术支持。`;
}

const FS_MESSAGES: Readonly<Record<string, string>> = {
  ENOSPC: '磁盘空间不足，文件未能写入。请清理磁盘或换一个位置后重试。',
  EDQUOT: '磁盘配额已满，文件未能写入。请清理磁盘或换一个位置后重试。',
  EACCES: '没有权限访问该位置。请换一个文件夹（例如“文档”）后重试。',
  EPERM: '没有权限访问该位置，或文件正被其他程序（如 WPS、Word）占用。请关闭该文件或换一个位置后重试。',
  EBUSY: '文件正被其他程序（如 WPS、Word）占用。请关闭该文件后重试。',
  EROFS: '该位置是只读的（例如光盘或写保护的 U 盘）。请换一个位置后重试。',
  ENOENT: '找不到该文件或文件夹，可能已被移动或删除。',
  ENAMETOOLONG: '文件名或路径太长。请缩短文件名或换一个较浅的文件夹后重试。',
  EISDIR: '所选的是文件夹而不是文件。请重新选择。',
  EMFILE: '系统打开的文件过多。请关闭部分程序后重试。',
  EIO: '读写磁盘时出错（可能是 U 盘或网络盘已断开）。请检查后重试。',
};

/** Chinese message for any error a handler throws; never leaks paths or stack traces. */
export function toUserMessage(err: unknown): string {
  if (err instanceof UserError) return err.message;
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  return FS_MESSAGES[code] ?? '操作失败，发生了未预料的错误。请重试；如果反复出现，请重启程序或联系技术支持。';
}

export const UNTRUSTED_SENDER_MESSAGE = '拒绝执行：请求不是来自本程序的页面。';

/**
 * Wraps one handler: the sender must be our top-level frame, the payload must match the zod schema.
 * Never throws; every failure becomes { ok: false, error: <Chinese message> }.
 */
export function guardHandler<K extends keyof IpcApi, E extends SenderEvent>(
  channel: K,
  handler: HostHandlers<E>[K],
  devOrigin: string | null,
  log: (message: string, err?: unknown) => void = () => {},
): (event: E, ...args: unknown[]) => Promise<IpcResult<Results[K]>> {
  const schema: z.ZodType = PAYLOAD_SCHEMAS[channel];
  return async (event, ...args) => {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null || !isTrustedSender(frame.url, devOrigin)) {
      log(`refused ${channel} from untrusted sender`);
      return { ok: false, error: UNTRUSTED_SENDER_MESSAGE };
    }
    if (args.length > 1) {
      return { ok: false, error: describeZodError(channel, new z.ZodError([])) };
    }
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) return { ok: false, error: describeZodError(channel, parsed.error) };
    try {
      const run = handler as (payload: unknown, event: E) => Promise<Results[K]>;
      return { ok: true, value: await run(parsed.data, event) };
    } catch (err) {
      log(`${channel} failed`, err);
      return { ok: false, error: toUserMessage(err) };
    }
  };
}

/** The part of ipcMain used here. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
}

/** Registers every IPC channel (HostApi and save-file stream) on ipcMain, each behind guardHandler. */
export function registerHostHandlers<E extends SenderEvent>(
  ipcMain: IpcMainLike<E>,
  handlers: HostHandlers<E>,
  devOrigin: string | null,
  log?: (message: string, err?: unknown) => void,
): void {
  for (const name of Object.keys(IPC_CHANNELS) as (keyof IpcApi)[]) {
    ipcMain.handle(IPC_CHANNELS[name], guardHandler(name, handlers[name], devOrigin, log));
  }
}
