/**
 * Starts a 合订本 build in a Web Worker and gives back its result and a cancel. The worker is created
 * from a same-origin module URL (Vite emits it as its own chunk), which CSP script-src 'self' allows.
 * If this browser cannot start the worker, the build runs on the main thread in steps, yielding after
 * every record so the page keeps painting and the 取消 button keeps working.
 */
import { BookCancelled, type BookProgress, type LedgerBookInput } from './bookTypes';
import type { BookWorkerReply, BookWorkerRequest } from './bookWorker';

export interface BookRun {
  result: Promise<Uint8Array<ArrayBuffer>>;
  cancel(): void;
  /** 'worker' normally; 'main' when workers could not be started. */
  mode: 'worker' | 'main';
}

function startWorker(): Worker | null {
  try {
    return new Worker(new URL('./bookWorker.ts', import.meta.url), { type: 'module', name: 'ledger-book' });
  } catch {
    return null;
  }
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

export function runLedgerBook(input: LedgerBookInput, onProgress: (p: BookProgress) => void, opts: { forceMainThread?: boolean } = {}): BookRun {
  const worker = opts.forceMainThread ? null : startWorker();
  if (!worker) {
    let stop = false;
    return {
      mode: 'main',
      // Loaded only on this path: the builder and docx's layout estimate stay out of the main chunk.
      result: import('./buildBook').then(({ buildLedgerBookBytes }) => buildLedgerBookBytes(input, { onProgress, pause: nextTask, cancelled: () => stop })),
      cancel: () => {
        stop = true;
      },
    };
  }
  let rejectRun: (e: Error) => void = () => undefined;
  const result = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    rejectRun = reject;
    worker.onmessage = (ev: MessageEvent<BookWorkerReply>) => {
      const m = ev.data;
      if (m.type === 'progress') onProgress(m.progress);
      else {
        worker.terminate();
        if (m.type === 'done') resolve(m.bytes);
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      worker.terminate();
      reject(new Error(`生成合订本的后台任务出错：${ev.message || '未知错误'}。请重试；如仍失败，请减少时段内的记录后再试。`));
    };
    const req: BookWorkerRequest = { type: 'build', input };
    worker.postMessage(req);
  });
  return {
    mode: 'worker',
    result,
    cancel: () => {
      worker.terminate();
      rejectRun(new BookCancelled());
    },
  };
}
