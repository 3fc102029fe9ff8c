/** Progress reporting and keeping the UI responsive during long exports, imports and backups. */

export type ProgressStage =
  | 'collect' // reading records from the database
  | 'encrypt' // packing and encrypting
  | 'decrypt' // decrypting and checking every block
  | 'validate' // checking the manifest, hashes and every record
  | 'plan' // comparing with the records on this computer
  | 'snapshot' // writing a backup (rollback point)
  | 'write' // the one database transaction
  | 'done';

export const STAGE_LABELS: Record<ProgressStage, string> = {
  collect: '正在读取本机记录',
  encrypt: '正在打包并加密',
  decrypt: '正在解密并逐块校验',
  validate: '正在核对清单和每条记录',
  plan: '正在与本机记录比对',
  snapshot: '正在备份本机数据',
  write: '正在写入数据库',
  done: '完成',
};

export interface Progress {
  stage: ProgressStage;
  /** 0 .. 1 within the whole operation. */
  fraction: number;
}

export type ProgressListener = (p: Progress) => void;

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/**
 * Lets the browser paint and handle input (a macrotask without setTimeout's 4 ms clamp).
 * Never call it inside a Dexie transaction.
 */
export function yieldToUi(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(0);
  });
}

/** Calls `listener` at most every `ms` milliseconds (and always for fraction 1). */
export function throttleProgress(listener: ProgressListener | undefined, ms = 80): ProgressListener {
  let last = 0;
  let lastStage: ProgressStage | null = null;
  return (p) => {
    if (!listener) return;
    const now = Date.now();
    if (p.fraction >= 1 || p.stage !== lastStage || now - last >= ms) {
      last = now;
      lastStage = p.stage;
      listener({ stage: p.stage, fraction: Math.max(0, Math.min(1, p.fraction)) });
    }
  };
}
