import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decodePmx,
  decodePmxStream,
  encodePmx,
  encodePmxStream,
  PmxError,
  readPmxHeader,
  type PmxCipherName,
} from '../../../shared/transfer';
import { deriveKeys } from '../../../shared/transfer/kdf';
import { headerJson } from '../../fixtures/transfer/hostile';

const FAST = { iterations: 10_000, chunkSize: 4096 } as const;
const CIPHERS: PmxCipherName[] = ['AES-256-GCM', 'SM4-GCM'];

function bytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 131 + seed * 7 + (i >> 8)) & 255;
  return out;
}

async function collect(gen: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const p of gen) out.push(p);
  return out;
}

function join(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Split bytes at the given cut points (pieces of any size, including empty ones). */
function split(data: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(data.subarray(prev, p));
    prev = p;
  }
  out.push(data.subarray(prev));
  return out;
}

describe.each(CIPHERS)('%s', (cipher) => {
  it('round-trips sizes around chunk boundaries; file length follows the layout', async () => {
    for (const n of [0, 1, 15, 16, 4095, 4096, 4097, 8192, 8193, 20_000]) {
      const pt = bytes(n, n);
      const file = await encodePmx(pt, { password: '口令 Secret-1', cipher, ...FAST });
      const info = readPmxHeader(file);
      const chunks = Math.max(1, Math.ceil(n / 4096));
      expect(file.length).toBe(info.preambleLength + n + 16 * chunks);
      const { plaintext } = await decodePmx(file, '口令 Secret-1');
      expect(plaintext).toEqual(pt);
    }
  });

  it('streams: any split of the plaintext and of the file gives the same result', async () => {
    const pt = bytes(13_000, 3);
    const reference = await encodePmx(pt, { password: 'pw', cipher, ...FAST, salt: new Uint8Array(16), nonce: new Uint8Array(16).fill(1), createdAt: '2025-03-08T06:00:00.000Z' });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 8 }), async (cutsIn, cutsOut) => {
        const parts = await collect(encodePmxStream(split(pt, cutsIn), { password: 'pw', cipher, ...FAST, salt: new Uint8Array(16), nonce: new Uint8Array(16).fill(1), createdAt: '2025-03-08T06:00:00.000Z' }));
        const file = join(parts);
        expect(file).toEqual(reference);
        // The encoder never holds more than a chunk plus a tag per yield.
        for (const p of parts.slice(1)) expect(p.length).toBeLessThanOrEqual(4096 + 16);
        async function* slowly() {
          for (const piece of split(file, cutsOut)) yield piece;
        }
        const out = await collect(decodePmxStream(slowly(), 'pw'));
        expect(join(out)).toEqual(pt);
        for (const p of out) expect(p.length).toBeLessThanOrEqual(4096);
      }),
      { numRuns: 15 },
    );
  });

  it('reads the header and label without the password', async () => {
    const file = await encodePmx(bytes(10), { password: 'x', cipher, ...FAST, label: { classification: '内部', note: '第一支部 2025 年 3 月' }, createdAt: '2025-03-08T06:00:00.000Z' });
    const info = readPmxHeader(file.subarray(0, 2000));
    expect(info.label).toEqual({ classification: '内部', note: '第一支部 2025 年 3 月' });
    expect(info.createdAt).toBe('2025-03-08T06:00:00.000Z');
    expect(info.cipher).toBe(cipher);
    expect(info.kdf).toBe(cipher === 'SM4-GCM' ? 'PBKDF2-HMAC-SM3' : 'PBKDF2-HMAC-SHA256');
    expect(info.iterations).toBe(10_000);
    expect(info.chunkSize).toBe(4096);
    const h = headerJson(file);
    expect(Object.keys(h)).toEqual(['format', 'version', 'cipher', 'kdf', 'nonce', 'chunkSize', 'keyCheck', 'createdAt', 'label']);
  });

  it('NFC-normalises passwords (composed and decomposed é are the same password)', async () => {
    const composed = 'caf\u00e9-党支部';
    const decomposed = 'cafe\u0301-党支部';
    const file = await encodePmx(bytes(100), { password: composed, cipher, ...FAST });
    expect((await decodePmx(file, decomposed)).plaintext).toEqual(bytes(100));
    await expect(decodePmx(file, 'cafe-党支部')).rejects.toMatchObject({ code: 'wrong-password' });
  });

  it('keys differ per profile: K is 32 bytes for AES and 16 for SM4', async () => {
    const k = await deriveKeys(cipher, 'pw', new Uint8Array(16), 10_000, new Uint8Array(16));
    expect(k.payloadKey.length).toBe(cipher === 'SM4-GCM' ? 16 : 32);
    expect(k.keyCheck.length).toBe(16);
  });
});

describe('encoder options', () => {
  it('refuses empty passwords and out-of-range parameters', async () => {
    for (const o of [{ password: '' }, { password: 'x', iterations: 9_999 }, { password: 'x', chunkSize: 1024 }, { password: 'x', salt: new Uint8Array(3) }]) {
      await expect(encodePmx(new Uint8Array(1), { ...FAST, ...o })).rejects.toBeInstanceOf(PmxError);
    }
  });

  it('uses random salt and nonce: the same input never gives the same file', async () => {
    const a = await encodePmx(bytes(10), { password: 'x', ...FAST });
    const b = await encodePmx(bytes(10), { password: 'x', ...FAST });
    expect(headerJson(a).nonce).not.toBe(headerJson(b).nonce);
    expect((headerJson(a).kdf as { salt: string }).salt).not.toBe((headerJson(b).kdf as { salt: string }).salt);
  });
});

describe('documented test vectors (docs/pmx-format.md)', () => {
  it('key derivation for both profiles', async () => {
    const { deriveMasterKey, keysFromMaster } = await import('../../../shared/transfer/kdf');
    const { toHex, fromHex } = await import('../../../shared/transfer/bytes');
    const salt = fromHex('000102030405060708090a0b0c0d0e0f');
    const nonce = fromHex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff');
    const expected = {
      'AES-256-GCM': ['88c8f21484b33bff006fb9488d3c80e2aa025e806485e52f95854440a3bdc579', 'e8c8e36dcfaf0baafb476950c59de961a6a2d543c19b5549b8edfc0ab4a09982', '5c10ff5e8b824eceb64126386dea09c1'],
      'SM4-GCM': ['4559ed4df72231000e8d8c3b40dcf189', '6be72a2089185ae8800bed8e50996281', '5964cc64996160f3c4583d4d72540cd3'],
    } as const;
    for (const cipher of CIPHERS) {
      const k = await deriveMasterKey(cipher, '党支部-2025', salt, 10_000);
      const keys = await keysFromMaster(cipher, k, nonce);
      expect([toHex(k), toHex(keys.payloadKey), toHex(keys.keyCheck)]).toEqual(expected[cipher]);
    }
  });

  it('defaults: AES 600,000; SM4 at least 100,000', async () => {
    const { DEFAULT_ITERATIONS } = await import('../../../shared/transfer/pmx');
    expect(DEFAULT_ITERATIONS['AES-256-GCM']).toBe(600_000);
    expect(DEFAULT_ITERATIONS['SM4-GCM']).toBeGreaterThanOrEqual(100_000);
  });
});

describe('inputs', () => {
  it('decodes from a ReadableStream (what File.stream() gives in the renderer)', async () => {
    const pt = bytes(9000, 5);
    const file = await encodePmx(pt, { password: 'pw', ...FAST });
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let o = 0; o < file.length; o += 1000) c.enqueue(file.slice(o, o + 1000));
        c.close();
      },
    });
    expect((await decodePmx(stream, 'pw')).plaintext).toEqual(pt);
  });
});
