/**
 * Web Worker that builds a 台账合订本 off the main thread, so the window never freezes on a year of
 * records. Protocol: the page posts {type:'build', input}; the worker posts progress per record, then
 * {type:'done', bytes} (the buffer is transferred, not copied) or {type:'error', message}. Cancelling
 * is the page terminating the worker.
 */
import { buildLedgerBookBytes, type BookProgress, type LedgerBookInput } from './buildBook';

export type BookWorkerRequest = { type: 'build'; input: LedgerBookInput };
export type BookWorkerReply =
  | { type: 'progress'; progress: BookProgress }
  | { type: 'done'; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'error'; message: string };

const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<BookWorkerRequest>) => void) | null;
  postMessage(msg: BookWorkerReply, transfer?: Transferable[]): void;
};

scope.onmessage = (ev) => {
  if (ev.data?.type !== 'build') return;
  buildLedgerBookBytes(ev.data.input, { onProgress: (progress) => scope.postMessage({ type: 'progress', progress }) }).then(
    (bytes) => scope.postMessage({ type: 'done', bytes }, [bytes.buffer]),
    (e: unknown) => scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) }),
  );
};
