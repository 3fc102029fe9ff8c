/**
 * Telling "bytes after the final chunk" apart from "corrupted chunk".
 *
 * A reader splits the payload into pieces of chunkSize + 16 bytes, so a short final chunk that
 * is followed by extra bytes would look like one damaged piece. When a piece fails to verify,
 * this module checks every shorter length L: is S[0..L) a final chunk with its tag at S[L..L+16)?
 * GCM's tag is GHASH_H(aad, C) xor E_K(J0), and GHASH can be extended block by block, so all
 * candidates together cost about two GF(2^128) multiplications each — no decryption, and only
 * on the failure path. A match (probability 2^-128 per candidate by chance) proves the file is a
 * valid .pmx with trailing data.
 */
import { sm4 } from 'sm-crypto-v2';
import { own } from './bytes';
import type { PmxCipherName } from './kdf';

/** Do not search pieces larger than this (1 MiB chunks); bigger ones are reported as damaged. */
const MAX_SEARCH = 1024 * 1024 + 16;

async function encryptBlock(cipher: PmxCipherName, key: Uint8Array, block: Uint8Array): Promise<Uint8Array> {
  if (cipher === 'SM4-GCM') {
    return sm4.encrypt(block, key, { padding: 'none', output: 'array' });
  }
  // AES-CTR over 16 zero bytes with counter block `block` gives E_K(block).
  const subtle = globalThis.crypto.subtle;
  const k = await subtle.importKey('raw', own(key), 'AES-CTR', false, ['encrypt']);
  const out = await subtle.encrypt({ name: 'AES-CTR', counter: own(block), length: 32 }, k, new Uint8Array(16));
  return new Uint8Array(out);
}

/** Multiplication by a fixed H in GF(2^128) (GCM bit order), via a table of H·x^i. */
class GMul {
  private readonly table = new Uint32Array(128 * 4);

  constructor(h: Uint8Array) {
    let v0 = words(h, 0), v1 = words(h, 4), v2 = words(h, 8), v3 = words(h, 12);
    for (let i = 0; i < 128; i++) {
      this.table[4 * i] = v0; this.table[4 * i + 1] = v1; this.table[4 * i + 2] = v2; this.table[4 * i + 3] = v3;
      const lsb = v3 & 1;
      v3 = (v3 >>> 1) | (v2 << 31);
      v2 = (v2 >>> 1) | (v1 << 31);
      v1 = (v1 >>> 1) | (v0 << 31);
      v0 = v0 >>> 1;
      if (lsb) v0 ^= 0xe1000000;
    }
  }

  /** x := x · H, in place (x is 4 big-endian words). */
  mul(x: Uint32Array): void {
    let z0 = 0, z1 = 0, z2 = 0, z3 = 0;
    const t = this.table;
    for (let w = 0; w < 4; w++) {
      const word = x[w];
      if (word === 0) continue;
      for (let b = 0; b < 32; b++) {
        if ((word >>> (31 - b)) & 1) {
          const i = 4 * (32 * w + b);
          z0 ^= t[i]; z1 ^= t[i + 1]; z2 ^= t[i + 2]; z3 ^= t[i + 3];
        }
      }
    }
    x[0] = z0; x[1] = z1; x[2] = z2; x[3] = z3;
  }
}

function words(b: Uint8Array, o: number): number {
  return ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
}

/** Absorb `data` (zero-padded to whole blocks) into the GHASH state. */
function absorb(g: GMul, state: Uint32Array, data: Uint8Array, from: number, to: number): void {
  const block = new Uint8Array(16);
  for (let o = from; o < to; o += 16) {
    const end = Math.min(o + 16, to);
    if (end - o === 16) {
      state[0] ^= words(data, o); state[1] ^= words(data, o + 4);
      state[2] ^= words(data, o + 8); state[3] ^= words(data, o + 12);
    } else {
      block.fill(0);
      block.set(data.subarray(o, end));
      state[0] ^= words(block, 0); state[1] ^= words(block, 4);
      state[2] ^= words(block, 8); state[3] ^= words(block, 12);
    }
    g.mul(state);
  }
}

/**
 * True when some L < sealed.length - 16 makes sealed[0..L) || sealed[L..L+16) a valid final chunk
 * (iv = finalIv), i.e. the piece is a final chunk followed by extra bytes.
 */
export async function findTrailingFinalChunk(
  cipher: PmxCipherName,
  payloadKey: Uint8Array,
  finalIv: Uint8Array,
  aad: Uint8Array,
  sealed: Uint8Array,
): Promise<boolean> {
  if (sealed.length <= 16 || sealed.length > MAX_SEARCH) return false;
  const h = await encryptBlock(cipher, payloadKey, new Uint8Array(16));
  const j0 = new Uint8Array(16);
  j0.set(finalIv);
  j0[15] = 1;
  const ej0 = await encryptBlock(cipher, payloadKey, j0);
  const g = new GMul(h);
  const state = new Uint32Array(4);
  absorb(g, state, aad, 0, aad.length);
  const aadBits = aad.length * 8;
  const y = new Uint32Array(4);
  const partial = new Uint8Array(16);
  const last = sealed.length - 16; // exclusive: L = last is the ordinary interpretation
  const e0 = words(ej0, 0), e1 = words(ej0, 4), e2 = words(ej0, 8), e3 = words(ej0, 12);
  for (let L = 0; L < last; L++) {
    const r = L % 16;
    if (r === 0 && L > 0) absorb(g, state, sealed, L - 16, L); // state now covers L bytes
    y.set(state);
    if (r !== 0) {
      partial.fill(0);
      partial.set(sealed.subarray(L - r, L));
      y[0] ^= words(partial, 0); y[1] ^= words(partial, 4); y[2] ^= words(partial, 8); y[3] ^= words(partial, 12);
      g.mul(y);
    }
    const cBits = L * 8;
    y[0] ^= Math.floor(aadBits / 0x100000000) >>> 0; y[1] ^= aadBits >>> 0;
    y[2] ^= Math.floor(cBits / 0x100000000) >>> 0; y[3] ^= cBits >>> 0;
    g.mul(y);
    if (
      ((y[0] ^ e0) >>> 0) === words(sealed, L) &&
      ((y[1] ^ e1) >>> 0) === words(sealed, L + 4) &&
      ((y[2] ^ e2) >>> 0) === words(sealed, L + 8) &&
      ((y[3] ^ e3) >>> 0) === words(sealed, L + 12)
    ) {
      return true;
    }
  }
  return false;
}
