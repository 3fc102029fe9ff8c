/**
 * Saving a large file in slices (the preload's saveFile with a Blob): the page never holds the whole
 * file, so neither does IPC. begin → save dialog and a temporary file beside the target; chunk →
 * appended in order; commit → flushed and renamed over the target (atomic, like atomic.ts); abort or
 * expiry → the temporary file is removed. Handles are random, belong to the sender that opened
 * them, and expire after a period without activity.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { SaveFileBeginRequest, SaveFileChunkRequest, SaveFileHandleRequest, SaveFileResult } from '../shared/host';
import { FILE_KIND_INFO } from '../shared/filename';
import { tempPathFor } from './atomic';
import { UserError } from './errors';
import { chooseSaveTarget, type DialogDeps } from './files';

export const UNKNOWN_SAVE_HANDLE_MESSAGE = '保存未完成：该保存操作不存在或已超时。请重新导出并保存。';
export const TOO_MANY_SAVES_MESSAGE = '同时进行的保存操作过多。请等待其他保存完成后重试。';

/** A file this app could not open again is not written at all. */
export function tooLargeToSaveMessage(kind: SaveFileBeginRequest['kind']): string {
  const gib = Math.round(FILE_KIND_INFO[kind].maxOpenBytes / 1024 ** 3);
  const limit = gib >= 1 ? `${gib} GiB` : `${Math.round(FILE_KIND_INFO[kind].maxOpenBytes / 1024 ** 2)} MiB`;
  return `文件太大（超过 ${limit}），无法保存。请缩小导出范围（例如按组织分别导出）后重试。`;
}

type FileHandle = Awaited<ReturnType<typeof open>>;

interface Session {
  owner: unknown;
  kind: SaveFileBeginRequest['kind'];
  target: string;
  tmp: string;
  file: FileHandle;
  written: number;
  expiresAt: number;
  /** Operations on one handle run one after another, in arrival order. */
  queue: Promise<unknown>;
}

export interface SaveStreamOptions {
  /** Time without activity after which a handle expires and its temporary file is removed. */
  idleMs?: number;
  /** Open saves per sender (each holds a file descriptor). */
  maxPerOwner?: number;
  now?: () => number;
  /** Starts the periodic clean-up; tests call sweep() themselves. */
  autoSweep?: boolean;
}

export interface SaveStreams {
  begin(req: SaveFileBeginRequest, dialogs: DialogDeps, owner: unknown): Promise<number | null>;
  chunk(req: SaveFileChunkRequest, owner: unknown): Promise<void>;
  commit(req: SaveFileHandleRequest, owner: unknown): Promise<SaveFileResult>;
  abort(req: SaveFileHandleRequest, owner: unknown): Promise<void>;
  /** Aborts every save of one sender (its window closed). */
  abortAll(owner: unknown): Promise<void>;
  /** Removes expired saves. */
  sweep(): Promise<void>;
  /** Number of open saves (tests). */
  readonly size: number;
}

/** A random handle: 48 bits, a safe integer, never 0. */
function newHandle(taken: Map<number, unknown>): number {
  for (;;) {
    const h = randomBytes(6).readUIntBE(0, 6);
    if (h !== 0 && !taken.has(h)) return h;
  }
}

export function createSaveStreams(options: SaveStreamOptions = {}): SaveStreams {
  const idleMs = options.idleMs ?? 2 * 60_000;
  const maxPerOwner = options.maxPerOwner ?? 4;
  const now = options.now ?? Date.now;
  const sessions = new Map<number, Session>();

  async function discard(handle: number, s: Session): Promise<void> {
    if (sessions.get(handle) === s) sessions.delete(handle);
    await s.file.close().catch(() => {});
    await unlink(s.tmp).catch(() => {});
  }

  /** The live session of this handle for this sender; anything else is refused the same way. */
  function lookup(handle: number, owner: unknown): Session {
    const s = sessions.get(handle);
    if (s === undefined || s.owner !== owner) throw new UserError(UNKNOWN_SAVE_HANDLE_MESSAGE);
    if (now() >= s.expiresAt) {
      void enqueue(s, () => discard(handle, s));
      throw new UserError(UNKNOWN_SAVE_HANDLE_MESSAGE);
    }
    return s;
  }

  function enqueue<T>(s: Session, op: () => Promise<T>): Promise<T> {
    const run = s.queue.then(op, op);
    s.queue = run.catch(() => {});
    return run;
  }

  async function sweep(): Promise<void> {
    const t = now();
    await Promise.all([...sessions].filter(([, s]) => t >= s.expiresAt).map(([h, s]) => enqueue(s, () => discard(h, s))));
  }

  if (options.autoSweep ?? true) {
    const timer = setInterval(() => void sweep(), Math.max(1000, Math.floor(idleMs / 4)));
    timer.unref?.();
  }

  return {
    get size() {
      return sessions.size;
    },

    async begin(req, dialogs, owner) {
      const open_ = [...sessions.values()].filter((s) => s.owner === owner).length;
      if (open_ >= maxPerOwner) throw new UserError(TOO_MANY_SAVES_MESSAGE);
      const target = await chooseSaveTarget(req, dialogs);
      if (target === null) return null;
      const tmp = tempPathFor(target);
      const file = await open(tmp, 'wx', 0o600);
      const handle = newHandle(sessions);
      sessions.set(handle, { owner, kind: req.kind, target, tmp, file, written: 0, expiresAt: now() + idleMs, queue: Promise.resolve() });
      return handle;
    },

    async chunk(req, owner) {
      const s = lookup(req.handle, owner);
      await enqueue(s, async () => {
        if (sessions.get(req.handle) !== s) throw new UserError(UNKNOWN_SAVE_HANDLE_MESSAGE);
        if (s.written + req.bytes.byteLength > FILE_KIND_INFO[s.kind].maxOpenBytes) {
          await discard(req.handle, s);
          throw new UserError(tooLargeToSaveMessage(s.kind));
        }
        try {
          // write() may write less than asked; loop until the slice is on disk.
          for (let o = 0; o < req.bytes.byteLength; ) {
            const { bytesWritten } = await s.file.write(req.bytes, o, req.bytes.byteLength - o, s.written + o);
            o += bytesWritten;
          }
        } catch (err) {
          await discard(req.handle, s);
          throw err;
        }
        s.written += req.bytes.byteLength;
        s.expiresAt = now() + idleMs;
      });
    },

    async commit(req, owner) {
      const s = lookup(req.handle, owner);
      return enqueue(s, async () => {
        if (sessions.get(req.handle) !== s) throw new UserError(UNKNOWN_SAVE_HANDLE_MESSAGE);
        sessions.delete(req.handle);
        try {
          await s.file.sync();
          await s.file.close();
          await rename(s.tmp, s.target);
        } catch (err) {
          await discard(req.handle, s);
          throw err;
        }
        return { saved: true, fileName: path.basename(s.target) };
      });
    },

    async abort(req, owner) {
      const s = sessions.get(req.handle);
      if (s === undefined || s.owner !== owner) return;
      await enqueue(s, () => discard(req.handle, s));
    },

    async abortAll(owner) {
      await Promise.all([...sessions].filter(([, s]) => s.owner === owner).map(([h, s]) => enqueue(s, () => discard(h, s))));
    },

    sweep,
  };
}
