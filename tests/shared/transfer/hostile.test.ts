/** Hostile corpus: every malformed file throws a PmxError with the right code and never returns data. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodePmx, encodePmx, readPmxHeader, type PmxCipherName } from '../../../shared/transfer';
import { PmxError } from '../../../shared/transfer/errors';
import { preKdfCases } from '../../fixtures/transfer/hostile';

const PW = 'correct horse';
const CIPHERS: PmxCipherName[] = ['AES-256-GCM', 'SM4-GCM'];

function sample(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
}

async function codeOf(file: Uint8Array, password = PW): Promise<string> {
  try {
    await decodePmx(file, password);
  } catch (e) {
    if (e instanceof PmxError) return e.code;
    throw e;
  }
  return 'NO ERROR';
}

describe.each(CIPHERS)('hostile %s', (cipher) => {
  // 3 full chunks + a short final one: regions = header, first/middle/final chunk, tags.
  const filePromise = encodePmx(sample(3 * 4096 + 1000), { password: PW, cipher, iterations: 10_000, chunkSize: 4096, label: { classification: '内部' } });

  it('pre-KDF corpus gives the documented codes (readPmxHeader and decodePmx agree)', async () => {
    const valid = await filePromise;
    for (const c of preKdfCases(valid)) {
      expect(await codeOf(c.bytes), c.name).toBe(c.code);
      let headerCode = 'NO ERROR';
      try {
        readPmxHeader(c.bytes);
      } catch (e) {
        headerCode = (e as PmxError).code;
      }
      expect(headerCode, c.name).toBe(c.code);
    }
  });

  it('wrong password is "密码错误", distinct from tampering', async () => {
    const valid = await filePromise;
    await expect(decodePmx(valid, 'correct horsf')).rejects.toMatchObject({ code: 'wrong-password' });
    await expect(decodePmx(valid, 'correct horsf')).rejects.toThrow(/^密码错误/);
  });

  it('one flipped bit anywhere makes it throw a PmxError, never return data', async () => {
    const valid = await filePromise;
    const preamble = readPmxHeader(valid).preambleLength;
    const regions = [
      [0, 12], // magic + headerLen
      [12, preamble], // header JSON
      [preamble, preamble + 4096], // first chunk ciphertext
      [preamble + 4096, preamble + 4112], // first chunk tag
      [preamble + 4112, valid.length - 1016], // middle chunks
      [valid.length - 1016, valid.length - 16], // final chunk ciphertext
      [valid.length - 16, valid.length], // final tag
    ] as const;
    for (const [from, to] of regions) {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: from, max: to - 1 }), fc.integer({ min: 0, max: 7 }), async (pos, bit) => {
          const bad = valid.slice();
          bad[pos] ^= 1 << bit;
          const code = await codeOf(bad);
          expect(code).not.toBe('NO ERROR');
          if (pos >= preamble) expect(code).toBe('tampered');
        }),
        { numRuns: 12 },
      );
    }
  });

  it('truncated anywhere: throws; at a chunk boundary it says "文件不完整"', async () => {
    const valid = await filePromise;
    const preamble = readPmxHeader(valid).preambleLength;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: valid.length - 1 }), async (len) => {
        expect(await codeOf(valid.subarray(0, len))).not.toBe('NO ERROR');
      }),
      { numRuns: 40 },
    );
    for (const k of [0, 1, 2, 3]) {
      expect(await codeOf(valid.subarray(0, preamble + k * 4112)), `after ${k} chunks`).toBe('truncated');
    }
  });

  it('extra bytes after the final chunk are refused as trailing data (short and full final chunks)', async () => {
    const valid = await filePromise;
    const full = await encodePmx(sample(2 * 4096), { password: PW, cipher, iterations: 10_000, chunkSize: 4096 });
    const empty = await encodePmx(new Uint8Array(0), { password: PW, cipher, iterations: 10_000, chunkSize: 4096 });
    for (const f of [valid, full, empty]) {
      for (const extra of [1, 15, 16, 17, 5000, 9000]) {
        const bad = new Uint8Array(f.length + extra);
        bad.set(f);
        bad.fill(0x5a, f.length);
        expect(await codeOf(bad), `+${extra}`).toBe('trailing-data');
      }
    }
  });

  it('a chunk reordered, duplicated or dropped is refused', async () => {
    const valid = await filePromise;
    const p = readPmxHeader(valid).preambleLength;
    const c = (i: number) => valid.subarray(p + i * 4112, p + (i + 1) * 4112);
    const cat = (...parts: Uint8Array[]) => {
      const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
      let o = 0;
      for (const x of parts) {
        out.set(x, o);
        o += x.length;
      }
      return out;
    };
    const last = valid.subarray(p + 3 * 4112);
    const head = valid.subarray(0, p);
    expect(await codeOf(cat(head, c(1), c(0), c(2), last))).toBe('tampered');
    expect(await codeOf(cat(head, c(0), c(0), c(2), last))).toBe('tampered');
    expect(await codeOf(cat(head, c(0), c(2), last))).toBe('tampered');
  });
});
