/**
 * SM3 (GB/T 32905-2016), HMAC-SM3, HKDF-SM3 and PBKDF2-HMAC-SM3.
 *
 * Written for PBKDF2 speed: the compression function works on 32-bit words in place, and
 * PBKDF2 precomputes the HMAC inner/outer states once, so each iteration costs exactly two
 * compressions and no allocation. Checked against sm-crypto-v2 and Python `cryptography`
 * (tests/shared/transfer/sm3.test.ts).
 */
import { concatBytes, type Bytes } from './bytes';

const IV = new Uint32Array([
  0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e,
]);

/** T_j rotated left by j mod 32, precomputed. */
const TJ = new Int32Array(64);
for (let j = 0; j < 64; j++) {
  const t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
  const r = j % 32;
  TJ[j] = r === 0 ? t : (t << r) | (t >>> (32 - r));
}

const W = new Int32Array(68);

/** One SM3 compression: `state` (8 words) is updated with the 16-word block `block`. */
export function sm3Compress(state: Uint32Array, block: Uint32Array | Int32Array): void {
  for (let j = 0; j < 16; j++) W[j] = block[j];
  for (let j = 16; j < 68; j++) {
    const x = W[j - 16] ^ W[j - 9] ^ ((W[j - 3] << 15) | (W[j - 3] >>> 17));
    W[j] = x ^ ((x << 15) | (x >>> 17)) ^ ((x << 23) | (x >>> 9)) ^ ((W[j - 13] << 7) | (W[j - 13] >>> 25)) ^ W[j - 6];
  }
  let a = state[0] | 0, b = state[1] | 0, c = state[2] | 0, d = state[3] | 0;
  let e = state[4] | 0, f = state[5] | 0, g = state[6] | 0, h = state[7] | 0;
  for (let j = 0; j < 64; j++) {
    const a12 = (a << 12) | (a >>> 20);
    const s = (a12 + e + TJ[j]) | 0;
    const ss1 = (s << 7) | (s >>> 25);
    const ss2 = ss1 ^ a12;
    let ff: number, gg: number;
    if (j < 16) {
      ff = a ^ b ^ c;
      gg = e ^ f ^ g;
    } else {
      ff = (a & b) | (a & c) | (b & c);
      gg = (e & f) | (~e & g);
    }
    const tt1 = (ff + d + ss2 + (W[j] ^ W[j + 4])) | 0;
    const tt2 = (gg + h + ss1 + W[j]) | 0;
    d = c;
    c = (b << 9) | (b >>> 23);
    b = a;
    a = tt1;
    h = g;
    g = (f << 19) | (f >>> 13);
    f = e;
    e = tt2 ^ ((tt2 << 9) | (tt2 >>> 23)) ^ ((tt2 << 17) | (tt2 >>> 15));
  }
  state[0] ^= a; state[1] ^= b; state[2] ^= c; state[3] ^= d;
  state[4] ^= e; state[5] ^= f; state[6] ^= g; state[7] ^= h;
}

/** Incremental SM3 hasher. */
export class Sm3 {
  private readonly state = new Uint32Array(IV);
  private readonly buffer = new Uint8Array(64);
  private readonly words = new Uint32Array(16);
  private buffered = 0;
  private length = 0;

  /** Start from an intermediate state after `processedBytes` (a multiple of 64) bytes. */
  static fromState(state: Uint32Array, processedBytes: number): Sm3 {
    const h = new Sm3();
    h.state.set(state);
    h.length = processedBytes;
    return h;
  }

  update(data: Uint8Array): this {
    let i = 0;
    this.length += data.length;
    while (i < data.length) {
      const take = Math.min(64 - this.buffered, data.length - i);
      this.buffer.set(data.subarray(i, i + take), this.buffered);
      this.buffered += take;
      i += take;
      if (this.buffered === 64) {
        this.compressBuffer();
        this.buffered = 0;
      }
    }
    return this;
  }

  private compressBuffer(): void {
    const buf = this.buffer;
    for (let j = 0; j < 16; j++) {
      this.words[j] = (buf[4 * j] << 24) | (buf[4 * j + 1] << 16) | (buf[4 * j + 2] << 8) | buf[4 * j + 3];
    }
    sm3Compress(this.state, this.words);
  }

  /** The intermediate chaining state (only meaningful at a 64-byte boundary). */
  chainingState(): Uint32Array {
    return new Uint32Array(this.state);
  }

  digest(): Bytes {
    const bitLength = this.length * 8;
    this.buffer[this.buffered++] = 0x80;
    if (this.buffered > 56) {
      this.buffer.fill(0, this.buffered);
      this.compressBuffer();
      this.buffered = 0;
    }
    this.buffer.fill(0, this.buffered);
    const high = Math.floor(bitLength / 0x100000000);
    const low = bitLength >>> 0;
    this.buffer[56] = high >>> 24; this.buffer[57] = (high >>> 16) & 0xff;
    this.buffer[58] = (high >>> 8) & 0xff; this.buffer[59] = high & 0xff;
    this.buffer[60] = low >>> 24; this.buffer[61] = (low >>> 16) & 0xff;
    this.buffer[62] = (low >>> 8) & 0xff; this.buffer[63] = low & 0xff;
    this.compressBuffer();
    return wordsToBytes(this.state);
  }
}

function wordsToBytes(words: Uint32Array): Bytes {
  const out = new Uint8Array(words.length * 4);
  for (let i = 0; i < words.length; i++) {
    out[4 * i] = words[i] >>> 24;
    out[4 * i + 1] = (words[i] >>> 16) & 0xff;
    out[4 * i + 2] = (words[i] >>> 8) & 0xff;
    out[4 * i + 3] = words[i] & 0xff;
  }
  return out;
}

export function sm3(data: Uint8Array): Bytes {
  return new Sm3().update(data).digest();
}

/** HMAC-SM3 key schedule: the chaining states after the ipad and opad blocks. */
class HmacSm3Key {
  readonly inner: Uint32Array;
  readonly outer: Uint32Array;

  constructor(key: Uint8Array) {
    const k = new Uint8Array(64);
    k.set(key.length > 64 ? sm3(key) : key);
    const pad = new Uint8Array(64);
    for (let i = 0; i < 64; i++) pad[i] = k[i] ^ 0x36;
    this.inner = new Sm3().update(pad).chainingState();
    for (let i = 0; i < 64; i++) pad[i] = k[i] ^ 0x5c;
    this.outer = new Sm3().update(pad).chainingState();
  }

  mac(message: Uint8Array): Bytes {
    const innerDigest = Sm3.fromState(this.inner, 64).update(message).digest();
    return Sm3.fromState(this.outer, 64).update(innerDigest).digest();
  }
}

export function hmacSm3(key: Uint8Array, message: Uint8Array): Bytes {
  return new HmacSm3Key(key).mac(message);
}

/** HKDF (RFC 5869) with HMAC-SM3. */
export function hkdfSm3(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Bytes {
  if (length > 255 * 32) throw new Error('HKDF-SM3 output too long');
  const prk = hmacSm3(salt.length > 0 ? salt : new Uint8Array(32), ikm);
  const key = new HmacSm3Key(prk);
  const out = new Uint8Array(length);
  let t: Uint8Array = new Uint8Array(0);
  for (let i = 1, offset = 0; offset < length; i++) {
    t = key.mac(concatBytes(t, info, new Uint8Array([i])));
    out.set(t.subarray(0, Math.min(32, length - offset)), offset);
    offset += 32;
  }
  return out;
}

/**
 * PBKDF2 (RFC 8018) with HMAC-SM3. Each iteration is two compressions on precomputed states.
 * `onProgress` may return a promise (e.g. to yield to the event loop); it is awaited every
 * `progressEvery` iterations.
 */
export async function pbkdf2HmacSm3(
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  length: number,
  options: { progressEvery?: number; onProgress?: (done: number) => unknown } = {},
): Promise<Bytes> {
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error('iterations must be a positive integer');
  const key = new HmacSm3Key(password);
  const progressEvery = options.progressEvery ?? 20_000;
  const out = new Uint8Array(length);
  // One 32-byte message + padding, as one block; the length field counts the 64-byte key block.
  const block = new Uint32Array(16);
  block[8] = 0x80000000;
  block[15] = (64 + 32) * 8;
  const st = new Uint32Array(8);
  const acc = new Uint32Array(8);
  let done = 0;
  for (let blockIndex = 1, offset = 0; offset < length; blockIndex++, offset += 32) {
    const u1 = key.mac(concatBytes(salt, new Uint8Array([blockIndex >>> 24, (blockIndex >>> 16) & 0xff, (blockIndex >>> 8) & 0xff, blockIndex & 0xff])));
    for (let j = 0; j < 8; j++) {
      const w = (u1[4 * j] << 24) | (u1[4 * j + 1] << 16) | (u1[4 * j + 2] << 8) | u1[4 * j + 3];
      block[j] = w;
      acc[j] = w;
    }
    for (let i = 1; i < iterations; i++) {
      st.set(key.inner);
      sm3Compress(st, block);
      for (let j = 0; j < 8; j++) block[j] = st[j];
      st.set(key.outer);
      sm3Compress(st, block);
      for (let j = 0; j < 8; j++) {
        block[j] = st[j];
        acc[j] ^= st[j];
      }
      if (options.onProgress && ++done % progressEvery === 0) await options.onProgress(done);
    }
    out.set(wordsToBytes(acc).subarray(0, Math.min(32, length - offset)), offset);
  }
  return out;
}
