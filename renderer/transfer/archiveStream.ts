/**
 * Streaming writer of the .pmx plaintext archive (design §6, docs/pmx-format.md §4): the same ZIP
 * layout and manifest as `buildArchive` in shared/transfer/archive.ts, read back by the same
 * `readArchive`, but produced piece by piece so memory stays bounded:
 *  - records arrive in batches (pages read from IndexedDB) and are serialised batch by batch into
 *    one JSON array per table, deflated as they go (the platform's zlib through CompressionStream
 *    when it exists, which also yields the CRC-32 natively; else fflate) and hashed at the end of
 *    the table with WebCrypto, whose digest is awaited only when the manifest is written;
 *  - attachments arrive one at a time, are hashed (WebCrypto, while the CRC-32 is computed here)
 *    and stored uncompressed (they are usually compressed already);
 *  - `manifest.json` is written last, once every hash is known (ZIP readers find entries through
 *    the central directory, so entry order does not matter).
 * Memory: one batch of records (and its JSON text) and at most two attachments at a time. A
 * table's encoded JSON is kept (ArrayBuffers — counted by performance.memory as external memory)
 * and hashed once with native WebCrypto only while it is at most `HOLD_FOR_NATIVE_HASH`; a larger
 * table is hashed as it is written (incremental SHA-256 in JavaScript), so its JSON is never held
 * whole.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { Deflate, Zip, type ZipInputFile } from 'fflate';
import { buildManifest, MANIFEST_PATH } from '../../shared/transfer/archive';
import { crc32, hasNativeCompression } from '../../shared/transfer/zipFast';
import { toHex } from '../../shared/transfer/bytes';
import { PmxError, sha256Hex, type Manifest, type ManifestSource } from '../../shared/transfer';

const TABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MTIME = new Date('2000-01-01T00:00:00Z');
/** Deflate level for data/*.json when fflate does it (no CompressionStream, or asked for). */
export const DATA_DEFLATE_LEVEL = 1;
/** Serialised JSON is handed to the compressor in pieces of about this many UTF-16 units. */
const TEXT_PIECE = 256 * 1024;

/**
 * A table's JSON up to this many bytes is kept and hashed at the end with WebCrypto (native,
 * about 10× faster than SHA-256 in JavaScript); past it, the table is hashed incrementally.
 */
export const HOLD_FOR_NATIVE_HASH = 16 * 1024 * 1024;

/** SHA-256 of a table's bytes, pushed piece by piece (see `HOLD_FOR_NATIVE_HASH`). */
export class TableHasher {
  private pieces: Uint8Array[] = [];
  private held = 0;
  private incremental: ReturnType<typeof sha256.create> | null = null;

  constructor(private readonly hold = HOLD_FOR_NATIVE_HASH) {}

  push(bytes: Uint8Array): void {
    if (this.incremental) {
      this.incremental.update(bytes);
      return;
    }
    this.pieces.push(bytes);
    this.held += bytes.length;
    if (this.held > this.hold) {
      const h = sha256.create();
      for (const p of this.pieces) h.update(p);
      this.pieces = [];
      this.held = 0;
      this.incremental = h;
    }
  }

  /** The hex digest; the hasher lets go of everything it held. */
  digest(): Promise<string> {
    if (this.incremental) {
      const hex = toHex(this.incremental.digest());
      this.incremental = null;
      return Promise.resolve(hex);
    }
    const bytes = join(this.pieces, this.held);
    this.pieces = [];
    this.held = 0;
    return sha256Hex(bytes);
  }
}

export type RowSource = readonly unknown[] | AsyncIterable<readonly unknown[]>;

export interface StreamArchiveInput {
  schemaVersion: number;
  exportedAt: string;
  source: ManifestSource;
  scope: Record<string, unknown>;
  /** table → its rows, as one array or as batches. */
  tables: Record<string, RowSource>;
  /** Attachments, one at a time; each is stored under its SHA-256. */
  attachments?: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** Called after each batch of rows / each attachment (for progress). */
  onRows?: (rows: number) => void;
  onAttachment?: (bytes: number) => void;
  /** Deflate data/*.json with fflate at this level instead of the platform's zlib. */
  deflateLevel?: number;
}

export interface StreamedArchive {
  /** The ZIP bytes, piece by piece. */
  chunks: AsyncGenerator<Uint8Array, void, undefined>;
  /** Available once `chunks` has finished. */
  manifest(): Manifest;
}

function join(pieces: readonly Uint8Array[], size: number): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of pieces) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

async function* batches(src: RowSource): AsyncGenerator<readonly unknown[]> {
  if (Array.isArray(src)) {
    for (let i = 0; i < src.length; i += 500) yield (src as readonly unknown[]).slice(i, i + 500);
    return;
  }
  for await (const b of src as AsyncIterable<readonly unknown[]>) yield b;
}

/** A ZIP entry whose (compressed) bytes we hand to fflate's Zip ourselves. */
interface Entry extends ZipInputFile {
  crc: number;
  size: number;
  ondata?: (err: Error | null, data: Uint8Array, final: boolean) => void;
}

function entry(filename: string, compression: 0 | 8): Entry {
  return { filename, compression, mtime: MTIME, crc: 0, size: 0 };
}

/** Deflates one entry: push uncompressed pieces, then `end()`; output goes to the entry. */
interface EntryWriter {
  push(data: Uint8Array): Promise<void>;
  end(): Promise<void>;
}

function fflateWriter(file: Entry, level: number): EntryWriter {
  let crc = 0;
  let size = 0;
  const d = new Deflate({ level: level as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 }, (chunk, final) => {
    if (final) {
      file.crc = crc;
      file.size = size;
    }
    file.ondata!(null, chunk, final);
  });
  return {
    async push(data) {
      crc = crc32(data, crc);
      size += data.length;
      d.push(data, false);
    },
    async end() {
      d.push(new Uint8Array(0), true);
    },
  };
}

/**
 * zlib through CompressionStream('gzip'): the gzip member is a 10-byte header (no optional fields
 * from browsers or Node), the raw deflate data, then CRC-32 and size — so the ZIP entry gets the
 * deflate data and the CRC-32 without a pass over the bytes in JavaScript.
 */
function nativeWriter(file: Entry): EntryWriter {
  const cs = new CompressionStream('gzip');
  const writer = cs.writable.getWriter();
  const reader = cs.readable.getReader();
  let headerLeft = 10;
  let tail = new Uint8Array(0);
  let size = 0;
  const pump = (async () => {
    const head: number[] = [];
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      let v = r.value as Uint8Array;
      if (headerLeft > 0) {
        const h = Math.min(headerLeft, v.length);
        for (let i = 0; i < h; i++) head.push(v[i]);
        headerLeft -= h;
        v = v.subarray(h);
        if (headerLeft === 0 && (head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8 || head[3] !== 0)) {
          throw new Error('unexpected gzip header from CompressionStream');
        }
      }
      // Hold back the last 8 bytes: they are the gzip trailer, not deflate data.
      if (tail.length + v.length <= 8) {
        const t = new Uint8Array(tail.length + v.length);
        t.set(tail);
        t.set(v, tail.length);
        tail = t;
        continue;
      }
      const all = tail.length ? join([tail, v], tail.length + v.length) : v;
      const emit = all.subarray(0, all.length - 8);
      tail = all.slice(all.length - 8);
      if (emit.length) file.ondata!(null, emit, false);
    }
    if (tail.length !== 8) throw new Error('gzip trailer missing from CompressionStream');
    const dv = new DataView(tail.buffer, tail.byteOffset, 8);
    if (dv.getUint32(4, true) !== size % 0x1_0000_0000) throw new Error('gzip size mismatch');
    file.crc = dv.getUint32(0, true);
    file.size = size;
    file.ondata!(null, new Uint8Array(0), true);
  })();
  pump.catch(() => undefined);
  return {
    async push(data) {
      size += data.length;
      await writer.write(data as Uint8Array<ArrayBuffer>);
    },
    async end() {
      await writer.close();
      await pump;
    },
  };
}

export function streamArchive(input: StreamArchiveInput): StreamedArchive {
  let result: Manifest | null = null;
  async function* run(): AsyncGenerator<Uint8Array, void, undefined> {
    let out: Uint8Array[] = [];
    let zipError: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) zipError = err;
      else if (chunk.length) out.push(chunk);
    });
    function* drain(): Generator<Uint8Array> {
      if (zipError) throw zipError;
      if (out.length === 0) return;
      const ready = out;
      out = [];
      yield* ready;
    }
    const files: Record<string, string> = {};
    const pendingHashes: Promise<void>[] = [];
    const hashLater = (path: string, digest: Promise<string>) => {
      const p = digest.then((h) => void (files[path] = h));
      p.catch(() => undefined);
      pendingHashes.push(p);
      files[path] = ''; // keeps the order of `files` (sorted tables first)
    };
    const counts: Record<string, number> = {};
    const encoder = new TextEncoder();
    const native = input.deflateLevel === undefined && hasNativeCompression;
    const level = input.deflateLevel ?? DATA_DEFLATE_LEVEL;

    for (const table of Object.keys(input.tables).sort()) {
      if (!TABLE_NAME.test(table)) throw new PmxError('bad-options', `数据表名称不合法：${table}`);
      const path = `data/${table}.json`;
      const file = entry(path, 8);
      zip.add(file);
      const writer = native ? nativeWriter(file) : fflateWriter(file, level);
      const hasher = new TableHasher();
      const push = async (text: string) => {
        const bytes = encoder.encode(text);
        hasher.push(bytes);
        await writer.push(bytes);
      };
      let n = 0;
      let text = '[';
      for await (const batch of batches(input.tables[table])) {
        if (batch.length === 0) continue;
        for (const row of batch) {
          const json = JSON.stringify(row);
          if (json === undefined) throw new PmxError('bad-options', `数据表「${table}」含有无法保存的记录`);
          text += n++ === 0 ? json : `,${json}`;
          if (text.length >= TEXT_PIECE) {
            await push(text);
            text = '';
          }
        }
        input.onRows?.(batch.length);
        yield* drain();
      }
      await push(`${text}]`);
      await writer.end();
      hashLater(path, hasher.digest());
      counts[table] = n;
      yield* drain();
    }

    if (input.attachments) {
      // The digest of attachment i runs in WebCrypto while its CRC-32 is computed here.
      const it = (Symbol.asyncIterator in input.attachments
        ? (input.attachments as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
        : (input.attachments as Iterable<Uint8Array>)[Symbol.iterator]()) as AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
      try {
        for (let r = await it.next(); !r.done; r = await it.next()) {
          const att = r.value;
          const digest = sha256Hex(att);
          digest.catch(() => undefined);
          const crc = crc32(att);
          const hash = await digest;
          const path = `attachments/${hash}`;
          if (!(path in files)) {
            const file = entry(path, 0);
            zip.add(file);
            file.crc = crc;
            file.size = att.length;
            file.ondata!(null, att, true);
            files[path] = hash;
          }
          input.onAttachment?.(att.length);
          yield* drain();
        }
      } finally {
        await it.return?.();
      }
    }

    await Promise.all(pendingHashes);
    const manifest = buildManifest(input, counts, files);
    const mf = entry(MANIFEST_PATH, 8);
    zip.add(mf);
    const mw = fflateWriter(mf, 6);
    await mw.push(encoder.encode(JSON.stringify(manifest, null, 1)));
    await mw.end();
    zip.end();
    yield* drain();
    result = manifest;
  }
  return {
    chunks: run(),
    manifest() {
      if (!result) throw new Error('manifest is available once the archive has been written');
      return result;
    },
  };
}

/** Collects a stream into one buffer (tests, backups of small databases). */
export async function collectBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const c of chunks) {
    parts.push(c);
    total += c.length;
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
