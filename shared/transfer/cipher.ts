/**
 * Per-chunk AEAD for both profiles. Chunk i uses
 *   iv  = 11-byte big-endian i || flag   (flag 0x01 for the final chunk, else 0x00)
 *   aad = every byte of the file before the payload
 * and is stored as ciphertext || 16-byte GCM tag.
 * AES-256-GCM runs in WebCrypto; SM4-GCM uses sm-crypto-v2's GCM mode (checked against Python).
 */
import { sm4 } from 'sm-crypto-v2';
import { own, type Bytes } from './bytes';
import type { PmxCipherName } from './kdf';

export const TAG_LENGTH = 16;
export const IV_LENGTH = 12;
/** Chunk indices are 11 bytes; we stay far below 2^53 (Number) anyway. */
export const MAX_CHUNK_INDEX = Number.MAX_SAFE_INTEGER;

export function chunkIv(index: number, final: boolean): Bytes {
  if (!Number.isSafeInteger(index) || index < 0) throw new Error('chunk index out of range');
  const iv = new Uint8Array(IV_LENGTH);
  let n = index;
  for (let i = 10; i >= 0 && n > 0; i--) {
    iv[i] = n % 256;
    n = Math.floor(n / 256);
  }
  iv[11] = final ? 1 : 0;
  return iv;
}

/** Thrown by `open` when the tag does not verify (the caller turns it into a PmxError). */
export class TagMismatch extends Error {
  override readonly name = 'TagMismatch';
}

export interface ChunkCipher {
  seal(iv: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Promise<Bytes>;
  /** Returns the plaintext, or throws TagMismatch. */
  open(iv: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Promise<Bytes>;
}

export async function createChunkCipher(cipher: PmxCipherName, payloadKey: Uint8Array): Promise<ChunkCipher> {
  if (cipher === 'SM4-GCM') return sm4Gcm(payloadKey);
  return aesGcm(payloadKey);
}

async function aesGcm(rawKey: Uint8Array): Promise<ChunkCipher> {
  if (rawKey.length !== 32) throw new Error('AES-256 key must be 32 bytes');
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', own(rawKey), 'AES-GCM', false, ['encrypt', 'decrypt']);
  return {
    async seal(iv, aad, plaintext) {
      const out = await subtle.encrypt(
        { name: 'AES-GCM', iv: own(iv), additionalData: own(aad), tagLength: 128 },
        key,
        own(plaintext),
      );
      return new Uint8Array(out);
    },
    async open(iv, aad, sealed) {
      if (sealed.length < TAG_LENGTH) throw new TagMismatch('chunk shorter than a tag');
      try {
        const out = await subtle.decrypt(
          { name: 'AES-GCM', iv: own(iv), additionalData: own(aad), tagLength: 128 },
          key,
          own(sealed),
        );
        return new Uint8Array(out);
      } catch (e) {
        throw new TagMismatch('AES-GCM tag mismatch', { cause: e });
      }
    },
  };
}

function sm4Gcm(rawKey: Uint8Array): ChunkCipher {
  if (rawKey.length !== 16) throw new Error('SM4 key must be 16 bytes');
  const key = new Uint8Array(rawKey);
  return {
    async seal(iv, aad, plaintext) {
      const r = sm4.encrypt(plaintext, key, { mode: 'gcm', iv, associatedData: aad, output: 'array', outputTag: true });
      if (!r.tag || r.tag.length !== TAG_LENGTH) throw new Error('SM4-GCM produced no tag');
      const out = new Uint8Array(r.output.length + TAG_LENGTH);
      out.set(r.output, 0);
      out.set(r.tag, r.output.length);
      return out;
    },
    async open(iv, aad, sealed) {
      if (sealed.length < TAG_LENGTH) throw new TagMismatch('chunk shorter than a tag');
      const ct = sealed.subarray(0, sealed.length - TAG_LENGTH);
      // Always pass the tag: sm-crypto-v2 only verifies when one is given.
      const tag = sealed.slice(sealed.length - TAG_LENGTH);
      try {
        return own(sm4.decrypt(ct, key, { mode: 'gcm', iv, associatedData: aad, tag, output: 'array' }));
      } catch (e) {
        throw new TagMismatch('SM4-GCM tag mismatch', { cause: e });
      }
    },
  };
}
