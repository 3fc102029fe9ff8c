/**
 * `.pmx` transfer files, version 1 (design §6): encode and decode, streaming chunk by chunk so
 * memory stays bounded by about two chunks, plus whole-buffer helpers.
 *
 * Decoding yields plaintext chunk by chunk, each already authenticated; the file as a whole is
 * only valid once the generator has finished without throwing (truncation and trailing data are
 * detected at the end). Callers must not act on the data before that — `decodePmx` does this.
 */
import { concatBytes, equalBytes, randomBytes, type Bytes } from './bytes';
import { createChunkCipher, chunkIv, TagMismatch, TAG_LENGTH, type ChunkCipher } from './cipher';
import { PmxError } from './errors';
import {
  buildPreamble,
  checkPrefix,
  DEFAULT_CHUNK_SIZE,
  headerInfo,
  MAX_CHUNK_SIZE,
  MAX_ITERATIONS,
  MIN_CHUNK_SIZE,
  MIN_ITERATIONS,
  NONCE_LENGTH,
  parseHeader,
  PMX_FORMAT,
  PREFIX_LENGTH,
  SALT_LENGTH,
  type PmxHeader,
  type PmxHeaderInfo,
  type PmxLabel,
} from './header';
import { deriveKeys, KDF_FOR_CIPHER, type PmxCipherName } from './kdf';
import { findTrailingFinalChunk } from './trailing';

/**
 * Default PBKDF2 iterations. AES: 600,000 (design §6, OWASP 2023 for PBKDF2-HMAC-SHA256).
 * SM4: 160,000 — the count of our PBKDF2-HMAC-SM3 that takes about as long as 600,000
 * PBKDF2-HMAC-SHA256 iterations in WebCrypto (measured 157k–168k on Node 20, ≈100 ms;
 * tests/fixtures/transfer/bench-pmx.ts, docs/pmx-format.md "Key derivation").
 */
export const DEFAULT_ITERATIONS: Record<PmxCipherName, number> = {
  'AES-256-GCM': 600_000,
  'SM4-GCM': 160_000,
};

export type PmxInput =
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>
  | { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; releaseLock?(): void } };

export interface PmxEncodeOptions {
  password: string;
  cipher?: PmxCipherName;
  iterations?: number;
  chunkSize?: number;
  label?: PmxLabel;
  /** ISO 8601 UTC; defaults to now. */
  createdAt?: string;
  /** Fixed salt / nonce, for test vectors only. Normally random. */
  salt?: Uint8Array;
  nonce?: Uint8Array;
}

export interface PmxDecodeOptions {
  /** Called once the header has been read and checked, before the key derivation starts. */
  onHeader?: (info: PmxHeaderInfo) => void | Promise<void>;
}

/** Validates encode options and fills the defaults (shared with the pipelined encoder in the renderer). */
export function checkEncodeOptions(o: PmxEncodeOptions): Required<Pick<PmxEncodeOptions, 'cipher' | 'iterations' | 'chunkSize'>> {
  const cipher = o.cipher ?? 'AES-256-GCM';
  if (cipher !== 'AES-256-GCM' && cipher !== 'SM4-GCM') throw new PmxError('bad-options', `不支持的加密算法 ${String(cipher)}`);
  const iterations = o.iterations ?? DEFAULT_ITERATIONS[cipher];
  const chunkSize = o.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (typeof o.password !== 'string' || o.password.length === 0) throw new PmxError('bad-options', '传输密码不能为空');
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new PmxError('bad-options', `迭代次数应在 ${MIN_ITERATIONS}–${MAX_ITERATIONS} 之间`);
  }
  if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new PmxError('bad-options', `分块大小应在 ${MIN_CHUNK_SIZE}–${MAX_CHUNK_SIZE} 之间`);
  }
  if (o.salt && o.salt.length !== SALT_LENGTH) throw new PmxError('bad-options', 'salt 应为 16 字节');
  if (o.nonce && o.nonce.length !== NONCE_LENGTH) throw new PmxError('bad-options', 'nonce 应为 16 字节');
  return { cipher, iterations, chunkSize };
}

/**
 * Everything before the first chunk: checked options, fresh salt and nonce, derived keys, the header
 * bytes (the AAD of every chunk) and the chunk cipher. Shared by both encoders.
 */
export async function prepareEncode(options: PmxEncodeOptions): Promise<{ preamble: Bytes; aead: ChunkCipher; chunkSize: number }> {
  const { cipher, iterations, chunkSize } = checkEncodeOptions(options);
  const salt = options.salt ? new Uint8Array(options.salt) : randomBytes(SALT_LENGTH);
  const nonce = options.nonce ? new Uint8Array(options.nonce) : randomBytes(NONCE_LENGTH);
  const createdAt = options.createdAt ?? new Date().toISOString();
  const keys = await deriveKeys(cipher, options.password, salt, iterations, nonce);
  const header: PmxHeader = {
    format: PMX_FORMAT,
    version: 1,
    cipher,
    kdf: { name: KDF_FOR_CIPHER[cipher], iterations, salt },
    nonce,
    chunkSize,
    keyCheck: keys.keyCheck,
    createdAt,
    ...(options.label ? { label: options.label } : {}),
  };
  const { preamble } = buildPreamble(header);
  return { preamble, aead: await createChunkCipher(cipher, keys.payloadKey), chunkSize };
}

/** Encode: yields the preamble, then one sealed chunk at a time. */
export async function* encodePmxStream(
  plaintext: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: PmxEncodeOptions,
): AsyncGenerator<Bytes, void, undefined> {
  const { preamble, aead, chunkSize } = await prepareEncode(options);
  yield preamble;

  let pending = new Uint8Array(chunkSize);
  let filled = 0;
  let index = 0;
  for await (const piece of plaintext) {
    let offset = 0;
    while (offset < piece.length) {
      if (filled === chunkSize) {
        // More data follows, so the buffered chunk is not the final one.
        yield await aead.seal(chunkIv(index++, false), preamble, pending);
        pending = new Uint8Array(chunkSize);
        filled = 0;
      }
      const take = Math.min(chunkSize - filled, piece.length - offset);
      pending.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
    }
  }
  yield await aead.seal(chunkIv(index, true), preamble, pending.subarray(0, filled));
}

/** Pull-based byte queue over any input; takes exactly what is asked for. */
class ByteQueue {
  private pieces: Uint8Array[] = [];
  private buffered = 0;
  private eof = false;
  private readonly next: () => Promise<IteratorResult<Uint8Array>>;
  private readonly close: () => Promise<void>;

  constructor(input: PmxInput) {
    if ('getReader' in input && typeof input.getReader === 'function') {
      const reader = input.getReader();
      this.next = async () => {
        const r = await reader.read();
        return r.done ? { done: true, value: undefined } : { done: false, value: r.value ?? new Uint8Array(0) };
      };
      this.close = async () => reader.releaseLock?.();
    } else if (Symbol.asyncIterator in input) {
      const it = (input as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
      this.next = () => it.next();
      this.close = async () => void (await it.return?.());
    } else {
      const it = (input as Iterable<Uint8Array>)[Symbol.iterator]();
      this.next = async () => it.next();
      this.close = async () => void it.return?.();
    }
  }

  get length(): number {
    return this.buffered;
  }

  get ended(): boolean {
    return this.eof;
  }

  /** Buffer at least `n` bytes, or everything up to the end of the input. */
  async fill(n: number): Promise<void> {
    while (this.buffered < n && !this.eof) {
      const r = await this.next();
      if (r.done) {
        this.eof = true;
        break;
      }
      if (!(r.value instanceof Uint8Array)) throw new TypeError('PmxInput must yield Uint8Array pieces');
      if (r.value.length > 0) {
        this.pieces.push(r.value);
        this.buffered += r.value.length;
      }
    }
  }

  peek(n: number): Uint8Array {
    return this.read(n, false);
  }

  take(n: number): Uint8Array {
    return this.read(n, true);
  }

  private read(n: number, consume: boolean): Uint8Array {
    n = Math.min(n, this.buffered);
    let out: Uint8Array;
    if (this.pieces.length > 0 && this.pieces[0].length >= n) {
      out = this.pieces[0].subarray(0, n);
    } else {
      out = new Uint8Array(n);
      let o = 0;
      for (const p of this.pieces) {
        if (o >= n) break;
        const t = Math.min(p.length, n - o);
        out.set(p.subarray(0, t), o);
        o += t;
      }
    }
    if (consume) {
      let left = n;
      while (left > 0) {
        const p = this.pieces[0];
        if (p.length <= left) {
          this.pieces.shift();
          left -= p.length;
        } else {
          this.pieces[0] = p.subarray(left);
          left = 0;
        }
      }
      this.buffered -= n;
    }
    return out;
  }

  async dispose(): Promise<void> {
    try {
      await this.close();
    } catch {
      /* closing a finished source may throw; nothing to do */
    }
  }
}

async function tryOpen(aead: ChunkCipher, iv: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Promise<Bytes | null> {
  try {
    return await aead.open(iv, aad, sealed);
  } catch (e) {
    if (e instanceof TagMismatch) return null;
    throw e;
  }
}

/** Decode: yields authenticated plaintext chunks; throws PmxError on any rule of design §6. */
export async function* decodePmxStream(
  input: PmxInput,
  password: string,
  options: PmxDecodeOptions = {},
): AsyncGenerator<Bytes, void, undefined> {
  const q = new ByteQueue(input);
  try {
    await q.fill(PREFIX_LENGTH);
    const headerLen = checkPrefix(q.peek(PREFIX_LENGTH), q.length < PREFIX_LENGTH);
    await q.fill(PREFIX_LENGTH + headerLen);
    if (q.length < PREFIX_LENGTH + headerLen) throw new PmxError('truncated', '文件头不完整');
    const preamble = new Uint8Array(q.take(PREFIX_LENGTH + headerLen));
    const header = parseHeader(preamble.subarray(PREFIX_LENGTH));
    await options.onHeader?.(headerInfo(header, headerLen));

    const keys = await deriveKeys(header.cipher, password, header.kdf.salt, header.kdf.iterations, header.nonce);
    if (!equalBytes(keys.keyCheck, header.keyCheck)) throw new PmxError('wrong-password');
    const aead = await createChunkCipher(header.cipher, keys.payloadKey);

    const sealedSize = header.chunkSize + TAG_LENGTH;
    for (let index = 0; ; index++) {
      // One byte of look-ahead tells whether this is the last piece of the file.
      await q.fill(sealedSize + 1);
      if (q.length === 0) throw new PmxError('truncated', `在第 ${index + 1} 块之前结束，缺少结束块`);
      if (q.length > sealedSize) {
        const sealed = q.take(sealedSize);
        const plain = await tryOpen(aead, chunkIv(index, false), preamble, sealed);
        if (plain) {
          yield plain;
          continue;
        }
        // Not a middle chunk: a final chunk followed by extra bytes?
        if (await tryOpen(aead, chunkIv(index, true), preamble, sealed)) throw new PmxError('trailing-data');
        if (await findTrailingFinalChunk(header.cipher, keys.payloadKey, chunkIv(index, true), preamble, sealed)) {
          throw new PmxError('trailing-data');
        }
        throw new PmxError('tampered', `第 ${index + 1} 块校验失败`);
      }
      const sealed = q.take(q.length);
      if (sealed.length < TAG_LENGTH) throw new PmxError('truncated', `第 ${index + 1} 块不完整`);
      const plain = await tryOpen(aead, chunkIv(index, true), preamble, sealed);
      if (plain) {
        yield plain;
        return;
      }
      if (sealed.length === sealedSize && (await tryOpen(aead, chunkIv(index, false), preamble, sealed))) {
        throw new PmxError('truncated', `第 ${index + 1} 块之后缺少结束块`);
      }
      if (await findTrailingFinalChunk(header.cipher, keys.payloadKey, chunkIv(index, true), preamble, sealed)) {
        throw new PmxError('trailing-data');
      }
      throw new PmxError('tampered', `第 ${index + 1} 块校验失败`);
    }
  } finally {
    await q.dispose();
  }
}

/** Whole-buffer encode. */
export async function encodePmx(plaintext: Uint8Array, options: PmxEncodeOptions): Promise<Bytes> {
  const parts: Uint8Array[] = [];
  for await (const part of encodePmxStream([plaintext], options)) parts.push(part);
  return concatBytes(...parts);
}

/** Whole-buffer decode: returns only after the entire file has been authenticated. */
export async function decodePmx(
  file: Uint8Array | PmxInput,
  password: string,
  options: PmxDecodeOptions = {},
): Promise<{ info: PmxHeaderInfo; plaintext: Bytes }> {
  let info: PmxHeaderInfo | undefined;
  const parts: Uint8Array[] = [];
  const input: PmxInput = file instanceof Uint8Array ? [file] : file;
  for await (const part of decodePmxStream(input, password, {
    onHeader: async (h) => {
      info = h;
      await options.onHeader?.(h);
    },
  })) {
    parts.push(part);
  }
  if (!info) throw new Error('unreachable: header not read');
  return { info, plaintext: concatBytes(...parts) };
}
