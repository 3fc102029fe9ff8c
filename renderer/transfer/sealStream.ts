/**
 * The export's .pmx encoder: byte for byte the format of `encodePmxStream` (design §6,
 * docs/pmx-format.md §3 — same preamble, same chunking, same IVs and AAD), but pipelined for
 * throughput:
 *  - the key derivation (PBKDF2, in WebCrypto) starts at once and runs while the first chunk of
 *    plaintext is being produced;
 *  - up to `IN_FLIGHT` chunks are sealed at the same time: WebCrypto works on its own thread, so
 *    AES-GCM of one chunk overlaps with serialising and compressing the next;
 *  - a chunk that lies inside one plaintext piece is sealed from a view, without copying.
 * Output order is the file order. Tests compare it with `decodePmx` (tests/renderer/transfer).
 */
import type { Bytes } from '../../shared/transfer/bytes';
import { chunkIv } from '../../shared/transfer/cipher';
import { checkEncodeOptions, prepareEncode, type PmxEncodeOptions } from '../../shared/transfer/pmx';

/** Chunks being sealed at once (each at most 4 MiB; ArrayBuffers, outside the JS heap). */
const IN_FLIGHT = 4;

export async function* sealPmxStream(
  plaintext: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: PmxEncodeOptions,
): AsyncGenerator<Bytes, void, undefined> {
  // Options are checked synchronously (bad options throw before anything is consumed); the key
  // derivation runs while the first chunks are read.
  const { chunkSize } = checkEncodeOptions(options);
  const setup = prepareEncode(options);
  setup.catch(() => undefined);
  let ready: Awaited<typeof setup> | null = null;

  const inFlight: Promise<Bytes>[] = [];
  let index = 0;
  // Buffered plaintext not yet sealed: views into the pieces received.
  let queue: Uint8Array[] = [];
  let queued = 0;

  const takeChunk = (n: number): Uint8Array => {
    const head = queue[0];
    if (head.length >= n) {
      const out = head.subarray(0, n);
      if (head.length === n) queue.shift();
      else queue[0] = head.subarray(n);
      queued -= n;
      return out;
    }
    const out = new Uint8Array(n);
    let o = 0;
    while (o < n) {
      const p = queue[0];
      const t = Math.min(p.length, n - o);
      out.set(t === p.length ? p : p.subarray(0, t), o);
      o += t;
      if (t === p.length) queue.shift();
      else queue[0] = p.subarray(t);
    }
    queued -= n;
    return out;
  };
  const seal = (data: Uint8Array, final: boolean) => {
    const p = ready!.aead.seal(chunkIv(index++, final), ready!.preamble, data);
    p.catch(() => undefined);
    inFlight.push(p);
  };

  try {
    for await (const piece of plaintext) {
      if (piece.length === 0) continue;
      queue.push(piece);
      queued += piece.length;
      // A chunk is sealed as a middle chunk only once more data is known to follow it.
      while (queued > chunkSize) {
        if (!ready) {
          ready = await setup;
          yield ready.preamble;
        }
        seal(takeChunk(chunkSize), false);
        while (inFlight.length >= IN_FLIGHT) yield await inFlight.shift()!;
      }
    }
    if (!ready) {
      ready = await setup;
      yield ready.preamble;
    }
    seal(queued ? takeChunk(queued) : new Uint8Array(0), true);
    queue = [];
    while (inFlight.length) yield await inFlight.shift()!;
  } finally {
    // An abandoned or failed export must not leave unhandled rejections behind.
    for (const p of inFlight) p.catch(() => undefined);
  }
}
