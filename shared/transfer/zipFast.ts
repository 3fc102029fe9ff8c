/**
 * Fast paths for the ZIP inside a .pmx file (docs/pmx-format.md §4), used by the streaming
 * writer (renderer/transfer/archiveStream.ts) and by `readArchive`:
 *  - `crc32`: slicing-by-8 CRC-32 (ZIP entries need one; several times faster than a byte table);
 *  - `deflateRawNative` / `inflateRawNative`: the platform's zlib through CompressionStream /
 *    DecompressionStream when it exists (browsers, Node ≥ 18), else fflate in JavaScript;
 *  - `listZipEntries`: the central directory of a plain (non-ZIP64, unencrypted, stored or
 *    deflated) archive, or `null` for anything else so the caller can fall back to fflate.
 */
import { inflateSync } from 'fflate';

const TABLES = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff] ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/** CRC-32 (ISO-HDLC, as in ZIP). Pass the previous value to continue over several pieces. */
export function crc32(data: Uint8Array, previous = 0): number {
  const t = TABLES;
  let c = ~previous;
  let i = 0;
  const n = data.length;
  const end8 = n - (n % 8);
  for (; i < end8; i += 8) {
    const a = (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)) ^ c;
    c =
      t[1792 + (a & 0xff)] ^ t[1536 + ((a >>> 8) & 0xff)] ^ t[1280 + ((a >>> 16) & 0xff)] ^ t[1024 + (a >>> 24)] ^
      t[768 + data[i + 4]] ^ t[512 + data[i + 5]] ^ t[256 + data[i + 6]] ^ t[data[i + 7]];
  }
  for (; i < n; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export const hasNativeCompression = typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** Raw-inflates `data`, which must expand to exactly `size` bytes (never more is produced). */
export async function inflateRaw(data: Uint8Array, size: number): Promise<Uint8Array> {
  if (!hasNativeCompression) {
    const out = inflateSync(data, { out: new Uint8Array(size) });
    if (out.length !== size) throw new Error('inflated size differs from the declared size');
    return out;
  }
  const out = new Uint8Array(size);
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  const written = writer.write(data as Uint8Array<ArrayBuffer>).then(() => writer.close());
  written.catch(() => undefined);
  const reader = ds.readable.getReader();
  let o = 0;
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      const v = r.value as Uint8Array;
      if (o + v.length > size) throw new Error('inflated size exceeds the declared size');
      out.set(v, o);
      o += v.length;
    }
    await written;
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    throw e;
  }
  if (o !== size) throw new Error('inflated size differs from the declared size');
  return out;
}

export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  compressedSize: number;
  size: number;
  /** Offset of the entry's data in the archive. */
  offset: number;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/**
 * The entries of a plain ZIP archive in central-directory order, or `null` when the archive is
 * anything else (ZIP64, encrypted, other methods, non-ASCII names, inconsistent offsets) — the
 * caller then reads it the general way, which also produces the error messages.
 */
export function listZipEntries(zip: Uint8Array): ZipEntryInfo[] | null {
  const n = zip.length;
  if (n < 22) return null;
  let e = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 65535); i--) {
    if (zip[i] === 0x50 && u32(zip, i) === 0x06054b50 && i + 22 + u16(zip, i + 20) === n) {
      e = i;
      break;
    }
  }
  if (e < 0) return null;
  const count = u16(zip, e + 10);
  const cdSize = u32(zip, e + 12);
  let p = u32(zip, e + 16);
  if (count === 0xffff || cdSize === 0xffffffff || p === 0xffffffff || p + cdSize > e) return null;
  const out: ZipEntryInfo[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > e || u32(zip, p) !== 0x02014b50) return null;
    const flags = u16(zip, p + 8);
    const method = u16(zip, p + 10);
    const compressedSize = u32(zip, p + 20);
    const size = u32(zip, p + 24);
    const nameLen = u16(zip, p + 28);
    const extraLen = u16(zip, p + 30);
    const commentLen = u16(zip, p + 32);
    const local = u32(zip, p + 42);
    if (flags & 1 || (method !== 0 && method !== 8)) return null;
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return null;
    if (p + 46 + nameLen > e) return null;
    let name = '';
    for (let i = 0; i < nameLen; i++) {
      const c = zip[p + 46 + i];
      if (c >= 0x80) return null;
      name += String.fromCharCode(c);
    }
    if (local + 30 > n || u32(zip, local) !== 0x04034b50) return null;
    const offset = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
    if (offset + compressedSize > n) return null;
    if (method === 0 && compressedSize !== size) return null;
    out.push({ name, method: method as 0 | 8, compressedSize, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
