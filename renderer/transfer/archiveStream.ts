/**
 * Streaming writer of the .pmx plaintext archive (design §6, docs/pmx-format.md §4): the same ZIP
 * layout and manifest as `buildArchive` in shared/transfer/archive.ts, read back by the same
 * `readArchive`, but produced piece by piece so memory stays bounded:
 *  - records arrive in batches (pages read from IndexedDB) and are serialised batch by batch into
 *    one JSON array per table, deflated as they go and hashed at the end of the table;
 *  - attachments arrive one at a time, are hashed (WebCrypto) and stored uncompressed;
 *  - `manifest.json` is written last, once every hash is known (ZIP readers find entries through
 *    the central directory, so entry order does not matter).
 * JS heap: one batch of records and one attachment at a time. Each table's encoded JSON is also
 * kept as bytes (ArrayBuffers, outside the JS heap) until its hash is taken with WebCrypto.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MANIFEST_PATH } from '../../shared/transfer/archive';
import { manifestSchema, PmxError, sha256Hex, type Manifest, type ManifestSource } from '../../shared/transfer';

const TABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MTIME = new Date('2000-01-01T00:00:00Z');
/** Deflate level for data/*.json. 1 packs JSON nearly as well as 6 at several times the speed. */
export const DATA_DEFLATE_LEVEL = 1;

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
    yield src as readonly unknown[];
    return;
  }
  for await (const b of src as AsyncIterable<readonly unknown[]>) yield b;
}

export function streamArchive(input: StreamArchiveInput): StreamedArchive {
  let result: Manifest | null = null;
  async function* run(): AsyncGenerator<Uint8Array, void, undefined> {
    const out: Uint8Array[] = [];
    let zipError: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) zipError = err;
      else if (chunk.length) out.push(chunk);
    });
    function* drain(): Generator<Uint8Array> {
      if (zipError) throw zipError;
      while (out.length) yield out.shift()!;
    }
    const files: Record<string, string> = {};
    const counts: Record<string, number> = {};
    const encoder = new TextEncoder();
    const level = (input.deflateLevel ?? DATA_DEFLATE_LEVEL) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

    for (const table of Object.keys(input.tables).sort()) {
      if (!TABLE_NAME.test(table)) throw new PmxError('bad-options', `数据表名称不合法：${table}`);
      const path = `data/${table}.json`;
      const file = new ZipDeflate(path, { level });
      file.mtime = MTIME;
      zip.add(file);
      // The table's bytes are kept (as ArrayBuffers, outside the JS heap) and hashed once with
      // native WebCrypto: about 12× faster than an incremental SHA-256 in JavaScript.
      const pieces: Uint8Array[] = [];
      let size = 0;
      const push = (text: string, final: boolean) => {
        const bytes = encoder.encode(text);
        pieces.push(bytes);
        size += bytes.length;
        file.push(bytes, final);
      };
      let n = 0;
      push('[', false);
      for await (const batch of batches(input.tables[table])) {
        if (batch.length === 0) continue;
        let text = '';
        for (const row of batch) {
          const json = JSON.stringify(row);
          if (json === undefined) throw new PmxError('bad-options', `数据表「${table}」含有无法保存的记录`);
          text += (n++ === 0 ? '' : ',') + json;
        }
        push(text, false);
        input.onRows?.(batch.length);
        yield* drain();
      }
      push(']', true);
      files[path] = await sha256Hex(join(pieces, size));
      pieces.length = 0;
      counts[table] = n;
      yield* drain();
    }

    if (input.attachments) {
      for await (const att of input.attachments as AsyncIterable<Uint8Array>) {
        const digest = await sha256Hex(att);
        const path = `attachments/${digest}`;
        if (!(path in files)) {
          const file = new ZipPassThrough(path);
          file.mtime = MTIME;
          zip.add(file);
          file.push(att, true);
          files[path] = digest;
        }
        input.onAttachment?.(att.length);
        yield* drain();
      }
    }

    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      schemaVersion: input.schemaVersion,
      exportedAt: input.exportedAt,
      source: input.source,
      scope: input.scope,
      counts,
      files,
    };
    const checked = manifestSchema.safeParse(manifest);
    if (!checked.success) throw new PmxError('bad-options', `清单内容不合法：${checked.error.issues[0]?.message ?? ''}`);
    const mf = new ZipDeflate(MANIFEST_PATH, { level: 6 });
    mf.mtime = MTIME;
    zip.add(mf);
    mf.push(encoder.encode(JSON.stringify(manifest, null, 1)), true);
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
