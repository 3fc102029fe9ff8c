/**
 * 敏感数据加密 at rest: which fields are sensitive, and how one field value is sealed.
 *
 * Each sensitive field value (a string, or an array such as talk issues) is replaced in the stored
 * row by an envelope `{ $pmEnc: 1, c, n, d }`: the JSON of the value sealed with
 *   'A'  AES-256-GCM (@noble/ciphers), key = the 32-byte data key, or
 *   'S'  SM4-GCM (sm-crypto-v2, 国密 profile), key = HKDF-SM3(data key, info SM4_INFO, 16 bytes);
 * a random 12-byte nonce, AAD = "table|record id|field path" (an envelope moved to another record or
 * field does not open). Both are synchronous, so they run inside Dexie middleware without
 * committing the transaction early. Every envelope names its cipher: changing the profile later
 * never makes old rows unreadable.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { sm4 } from 'sm-crypto-v2';
import { decodeUtf8Strict, fromBase64, own, randomBytes, toBase64, utf8, type Bytes } from '../transfer/bytes';
import { hkdfSm3 } from '../transfer/sm3';

export type FieldCipher = 'A' | 'S';

export interface Envelope {
  $pmEnc: 1;
  c: FieldCipher;
  n: string;
  d: string;
}

export const SM4_INFO = 'party-minutes/at-rest/sm4';
export const DATA_KEY_LENGTH = 32;

/** Field paths per table; '*' walks every element of an array. */
export const SENSITIVE_PATHS: Record<string, readonly (readonly string[])[]> = {
  // TALK_SENSITIVE_FIELDS in shared/model/talk.ts
  talks: [['interviewerPoints'], ['intervieweePoints'], ['issues'], ['criticism'], ['attitude']],
  // 组织生活会 / 民主生活会: 对照检查, 批评意见, 表态
  meetings: [
    ['life', 'participants', '*', 'problems'],
    ['life', 'participants', '*', 'criticisms'],
    ['life', 'participants', '*', 'response'],
    ['life', 'committeeProblems'],
  ],
  // 民主评议: 自我评价, 互评意见
  appraisals: [
    ['entries', '*', 'selfAppraisal'],
    ['entries', '*', 'peerComments'],
  ],
  members: [['idNumber']],
};

export const SENSITIVE_TABLES = Object.keys(SENSITIVE_PATHS);

export function isEnvelope(v: unknown): v is Envelope {
  return typeof v === 'object' && v !== null && (v as { $pmEnc?: unknown }).$pmEnc === 1 && typeof (v as Envelope).d === 'string';
}

/** The per-profile field key (cache it: HKDF-SM3 is not free). */
export function fieldKey(dataKey: Uint8Array, cipher: FieldCipher): Bytes {
  if (dataKey.length !== DATA_KEY_LENGTH) throw new Error('data key must be 32 bytes');
  return cipher === 'S' ? hkdfSm3(dataKey, new Uint8Array(0), utf8(SM4_INFO), 16) : new Uint8Array(dataKey);
}

export function sealBytes(cipher: FieldCipher, key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): { nonce: Bytes; sealed: Bytes } {
  const nonce = randomBytes(12);
  if (cipher === 'A') return { nonce, sealed: own(gcm(key, nonce, aad).encrypt(plaintext)) };
  const r = sm4.encrypt(plaintext, key, { mode: 'gcm', iv: nonce, associatedData: aad, output: 'array', outputTag: true });
  if (!r.tag) throw new Error('SM4-GCM produced no tag');
  const out = new Uint8Array(r.output.length + r.tag.length);
  out.set(r.output, 0);
  out.set(r.tag, r.output.length);
  return { nonce, sealed: out };
}

/** Throws when the tag does not verify (wrong key, or the stored bytes were changed). */
export function openBytes(cipher: FieldCipher, key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Bytes {
  if (cipher === 'A') return own(gcm(key, nonce, aad).decrypt(sealed));
  if (sealed.length < 16) throw new Error('sealed value too short');
  const tag = sealed.slice(sealed.length - 16);
  return new Uint8Array(sm4.decrypt(sealed.subarray(0, sealed.length - 16), key, { mode: 'gcm', iv: nonce, associatedData: aad, tag, output: 'array' }));
}

export function sealValue(value: unknown, cipher: FieldCipher, key: Uint8Array, aad: string): Envelope {
  const { nonce, sealed } = sealBytes(cipher, key, utf8(JSON.stringify(value)), utf8(aad));
  return { $pmEnc: 1, c: cipher, n: toBase64(nonce), d: toBase64(sealed) };
}

export function openValue(env: Envelope, key: Uint8Array, aad: string): unknown {
  const nonce = fromBase64(env.n);
  const sealed = fromBase64(env.d);
  if (!nonce || !sealed) throw new Error('envelope is not base64');
  return JSON.parse(decodeUtf8Strict(openBytes(env.c, key, nonce, sealed, utf8(aad))));
}

/**
 * Returns `row` with every sensitive value passed through `fn` (copy-on-write: the input object is
 * never changed, callers keep their plaintext). `fn` gets the value and its AAD string.
 */
export function mapSensitive<T>(table: string, row: T, fn: (value: unknown, aad: string) => unknown): T {
  const paths = SENSITIVE_PATHS[table];
  if (!paths || typeof row !== 'object' || row === null) return row;
  const id = String((row as { id?: unknown }).id ?? '');
  let out: unknown = row;
  for (const path of paths) out = mapPath(out, path, 0, (v) => fn(v, `${table}|${id}|${path.join('.')}`));
  return out as T;
}

function mapPath(node: unknown, path: readonly string[], i: number, fn: (v: unknown) => unknown): unknown {
  if (i === path.length) return node === undefined ? undefined : fn(node);
  if (node === null || typeof node !== 'object') return node;
  const seg = path[i];
  if (seg === '*') {
    if (!Array.isArray(node)) return node;
    let changed = false;
    const next = node.map((el: unknown) => {
      const m = mapPath(el, path, i + 1, fn);
      if (m !== el) changed = true;
      return m;
    });
    return changed ? next : node;
  }
  const obj = node as Record<string, unknown>;
  if (!(seg in obj) || obj[seg] === undefined) return node;
  const m = mapPath(obj[seg], path, i + 1, fn);
  return m === obj[seg] ? node : { ...obj, [seg]: m };
}

/** Does the stored row hold any envelope (or any plaintext sensitive value)? For migrations. */
export function sensitiveState(table: string, row: unknown): { sealed: number; plain: number } {
  const s = { sealed: 0, plain: 0 };
  mapSensitive(table, row, (v) => {
    if (isEnvelope(v)) s.sealed++;
    else s.plain++;
    return v;
  });
  return s;
}

/** Wrapping of the data key by a key derived from the password (always AES-256-GCM / SM4-GCM). */
export function wrapKey(cipher: FieldCipher, kek: Uint8Array, dataKey: Uint8Array): { nonce: string; wrapped: string } {
  const { nonce, sealed } = sealBytes(cipher, kek, dataKey, utf8('party-minutes/at-rest/data-key'));
  return { nonce: toBase64(nonce), wrapped: toBase64(sealed) };
}

export function unwrapKey(cipher: FieldCipher, kek: Uint8Array, w: { nonce: string; wrapped: string }): Bytes {
  const nonce = fromBase64(w.nonce);
  const sealed = fromBase64(w.wrapped);
  if (!nonce || !sealed) throw new Error('wrapped key is not base64');
  return openBytes(cipher, kek, nonce, sealed, utf8('party-minutes/at-rest/data-key'));
}
