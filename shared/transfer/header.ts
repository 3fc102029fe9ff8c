/**
 * The .pmx preamble: magic, headerLen, header JSON (design §6), and every check that can be
 * made on it without the password. All ceilings are checked here, before any key derivation.
 */
import { concatBytes, decodeUtf8Strict, fromBase64, readU32, toBase64, utf8, writeU32, type Bytes } from './bytes';
import { PmxError } from './errors';
import { KDF_FOR_CIPHER, type PmxCipherName, type PmxKdfName } from './kdf';

export const PMX_MAGIC: Bytes = new Uint8Array([0x89, 0x50, 0x4d, 0x58, 0x0d, 0x0a, 0x1a, 0x0a]);
export const PMX_FORMAT = 'party-minutes-transfer';
export const PMX_VERSION = 1;
/** Bytes before the header JSON: magic (8) + headerLen (4). */
export const PREFIX_LENGTH = 12;
export const MAX_HEADER_LENGTH = 65_536;
export const MIN_ITERATIONS = 10_000;
export const MAX_ITERATIONS = 10_000_000;
export const MIN_CHUNK_SIZE = 4096;
export const MAX_CHUNK_SIZE = 4 * 1024 * 1024;
export const DEFAULT_CHUNK_SIZE = 65_536;
export const SALT_LENGTH = 16;
export const NONCE_LENGTH = 16;
const LABEL_TEXT_MAX = 2000;

export interface PmxLabel {
  /** e.g. 内部 / 工作秘密; shown before decryption, so never put secrets here. */
  classification?: string;
  note?: string;
}

export interface PmxHeader {
  format: typeof PMX_FORMAT;
  version: 1;
  cipher: PmxCipherName;
  kdf: { name: PmxKdfName; iterations: number; salt: Bytes };
  nonce: Bytes;
  chunkSize: number;
  keyCheck: Bytes;
  createdAt: string;
  label?: PmxLabel;
}

/** What the import preview can show without the password. */
export interface PmxHeaderInfo {
  header: PmxHeader;
  label?: PmxLabel;
  createdAt: string;
  cipher: PmxCipherName;
  kdf: PmxKdfName;
  iterations: number;
  chunkSize: number;
  /** Length of magic + headerLen + header: the AAD of every chunk, and where the payload starts. */
  preambleLength: number;
}

/** Serialise the header and the full preamble (which is the AAD). */
export function buildPreamble(header: PmxHeader): { preamble: Bytes; json: string } {
  const obj: Record<string, unknown> = {
    format: header.format,
    version: header.version,
    cipher: header.cipher,
    kdf: { name: header.kdf.name, iterations: header.kdf.iterations, salt: toBase64(header.kdf.salt) },
    nonce: toBase64(header.nonce),
    chunkSize: header.chunkSize,
    keyCheck: toBase64(header.keyCheck),
    createdAt: header.createdAt,
  };
  if (header.label) obj.label = header.label;
  const json = JSON.stringify(obj);
  const bytes = utf8(json);
  if (bytes.length > MAX_HEADER_LENGTH) throw new PmxError('bad-options', '文件头超过 64 KiB：请缩短标签说明');
  return { preamble: concatBytes(PMX_MAGIC, writeU32(bytes.length), bytes), json };
}

/**
 * Check the first 12 bytes. Returns headerLen. `available` is how many bytes exist (the caller
 * passes at most 12); a stream that ends early is reported as truncated once the magic matched.
 */
export function checkPrefix(prefix: Uint8Array, endOfInput: boolean): number {
  const m = Math.min(prefix.length, PMX_MAGIC.length);
  for (let i = 0; i < m; i++) if (prefix[i] !== PMX_MAGIC[i]) throw new PmxError('not-pmx');
  if (prefix.length < PMX_MAGIC.length) {
    if (endOfInput) throw new PmxError('not-pmx', prefix.length === 0 ? '文件为空' : '文件过短');
  }
  if (prefix.length < PREFIX_LENGTH) {
    if (endOfInput) throw new PmxError('truncated', '文件头不完整');
    throw new Error('checkPrefix needs 12 bytes');
  }
  const headerLen = readU32(prefix, 8);
  if (headerLen === 0) throw new PmxError('bad-header', '文件头长度为 0');
  if (headerLen > MAX_HEADER_LENGTH) throw new PmxError('out-of-range', `文件头长度 ${headerLen} 字节，超过 64 KiB`);
  return headerLen;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function b64Field(v: unknown, length: number, what: string): Bytes {
  const bytes = typeof v === 'string' ? fromBase64(v) : null;
  if (!bytes || bytes.length !== length) throw new PmxError('bad-header', `${what} 应为 ${length} 字节的 base64`);
  return bytes;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** Parse and validate the header JSON bytes. Order: JSON → format → version → cipher/kdf → fields → ranges. */
export function parseHeader(jsonBytes: Uint8Array): PmxHeader {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeUtf8Strict(jsonBytes));
  } catch {
    throw new PmxError('bad-header', '文件头不是有效的 JSON');
  }
  if (!isObject(parsed)) throw new PmxError('bad-header', '文件头不是 JSON 对象');
  if (parsed.format !== PMX_FORMAT) throw new PmxError('bad-header', 'format 字段不是 party-minutes-transfer');
  if (parsed.version !== PMX_VERSION) {
    throw new PmxError('unsupported-version', `文件版本 ${JSON.stringify(parsed.version)}，本软件支持版本 ${PMX_VERSION}`);
  }
  const cipher = parsed.cipher;
  if (cipher !== 'AES-256-GCM' && cipher !== 'SM4-GCM') {
    throw new PmxError('unsupported-cipher', `加密算法 ${JSON.stringify(cipher)}`);
  }
  const kdf = parsed.kdf;
  if (!isObject(kdf)) throw new PmxError('bad-header', '缺少 kdf');
  if (kdf.name !== KDF_FOR_CIPHER[cipher]) {
    throw new PmxError('unsupported-cipher', `密钥派生算法 ${JSON.stringify(kdf.name)} 不能与 ${cipher} 搭配`);
  }
  const iterations = kdf.iterations;
  if (typeof iterations !== 'number' || !Number.isInteger(iterations)) throw new PmxError('bad-header', 'iterations 应为整数');
  const chunkSize = parsed.chunkSize;
  if (typeof chunkSize !== 'number' || !Number.isInteger(chunkSize)) throw new PmxError('bad-header', 'chunkSize 应为整数');
  if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new PmxError('out-of-range', `迭代次数 ${iterations}，允许 ${MIN_ITERATIONS}–${MAX_ITERATIONS}`);
  }
  if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new PmxError('out-of-range', `分块大小 ${chunkSize}，允许 ${MIN_CHUNK_SIZE}–${MAX_CHUNK_SIZE}`);
  }
  const salt = b64Field(kdf.salt, SALT_LENGTH, 'salt');
  const nonce = b64Field(parsed.nonce, NONCE_LENGTH, 'nonce');
  const keyCheck = b64Field(parsed.keyCheck, 16, 'keyCheck');
  const createdAt = parsed.createdAt;
  if (typeof createdAt !== 'string' || !ISO_UTC.test(createdAt)) throw new PmxError('bad-header', 'createdAt 应为 UTC 时间');
  let label: PmxLabel | undefined;
  if (parsed.label !== undefined) {
    if (!isObject(parsed.label)) throw new PmxError('bad-header', 'label 应为对象');
    label = {};
    for (const key of ['classification', 'note'] as const) {
      const v = parsed.label[key];
      if (v === undefined) continue;
      if (typeof v !== 'string' || v.length > LABEL_TEXT_MAX) throw new PmxError('bad-header', `label.${key} 应为不超过 ${LABEL_TEXT_MAX} 字的文本`);
      label[key] = v;
    }
  }
  return {
    format: PMX_FORMAT,
    version: 1,
    cipher,
    kdf: { name: KDF_FOR_CIPHER[cipher], iterations, salt },
    nonce,
    chunkSize,
    keyCheck,
    createdAt,
    ...(label ? { label } : {}),
  };
}

function toInfo(header: PmxHeader, headerLen: number): PmxHeaderInfo {
  return {
    header,
    ...(header.label ? { label: header.label } : {}),
    createdAt: header.createdAt,
    cipher: header.cipher,
    kdf: header.kdf.name,
    iterations: header.kdf.iterations,
    chunkSize: header.chunkSize,
    preambleLength: PREFIX_LENGTH + headerLen,
  };
}

/**
 * Read the header without the password (import preview). `bytes` may be the whole file or just
 * its beginning (at least 12 + headerLen bytes; 65,548 bytes always suffice).
 */
export function readPmxHeader(bytes: Uint8Array): PmxHeaderInfo {
  const headerLen = checkPrefix(bytes.subarray(0, PREFIX_LENGTH), bytes.length < PREFIX_LENGTH);
  if (bytes.length < PREFIX_LENGTH + headerLen) throw new PmxError('truncated', '文件头不完整');
  return toInfo(parseHeader(bytes.subarray(PREFIX_LENGTH, PREFIX_LENGTH + headerLen)), headerLen);
}

export function headerInfo(header: PmxHeader, headerLen: number): PmxHeaderInfo {
  return toInfo(header, headerLen);
}
