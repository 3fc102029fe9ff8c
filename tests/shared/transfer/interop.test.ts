/**
 * Interoperability with the independent Python implementation (tests/fixtures/transfer/pmx.py,
 * Python `cryptography` / OpenSSL): both directions, both profiles.
 */
import { describe, expect, it } from 'vitest';
import { decodePmx, encodePmx, PmxError, readPmxHeader, type PmxCipherName } from '../../../shared/transfer';
import { deriveMasterKey, keysFromMaster } from '../../../shared/transfer/kdf';
import { toHex } from '../../../shared/transfer/bytes';
import { pyDecrypt, pyEncrypt, pyJson } from '../../fixtures/transfer/python';

const CIPHERS: PmxCipherName[] = ['AES-256-GCM', 'SM4-GCM'];
const PASSWORD = 'Ｐａｓｓ 党支部-2025 cafe\u0301';

function sample(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 7919 + (i >>> 10)) & 255;
  return out;
}

describe.each(CIPHERS)('interop %s', (cipher) => {
  it('key derivation (K, payloadKey, keyCheck) equals Python', async () => {
    const salt = Uint8Array.from({ length: 16 }, (_, i) => i * 3);
    const nonce = Uint8Array.from({ length: 16 }, (_, i) => 255 - i);
    const k = await deriveMasterKey(cipher, PASSWORD, salt, 10_000);
    const keys = await keysFromMaster(cipher, k, nonce);
    const py = pyJson(['kdf', '--cipher', cipher, '--password', PASSWORD, '--salt-hex', toHex(salt), '--nonce-hex', toHex(nonce), '--iterations', '10000']);
    expect({ k: toHex(k), payloadKey: toHex(keys.payloadKey), keyCheck: toHex(keys.keyCheck) }).toEqual(py);
  });

  for (const [n, chunkSize] of [[0, 4096], [1, 4096], [4096, 4096], [10_000, 4096], [200_003, 65_536]] as const) {
    it(`TypeScript writes, Python reads (${n} bytes, chunks of ${chunkSize})`, async () => {
      const pt = sample(n);
      const file = await encodePmx(pt, { password: PASSWORD, cipher, iterations: 10_000, chunkSize, label: { classification: '内部', note: '说明' } });
      expect(pyDecrypt(file, PASSWORD)).toEqual(pt);
      expect(pyDecrypt(file, 'wrong')).toEqual({ fail: 'wrong-password' });
    });

    it(`Python writes, TypeScript reads (${n} bytes, chunks of ${chunkSize})`, async () => {
      const pt = sample(n);
      const file = pyEncrypt(pt, { password: PASSWORD, cipher, iterations: 10_000, chunkSize, label: { classification: '工作秘密', note: '来自 Python' } });
      expect(readPmxHeader(file).label).toEqual({ classification: '工作秘密', note: '来自 Python' });
      const { plaintext } = await decodePmx(file, PASSWORD);
      expect(plaintext).toEqual(pt);
    });
  }

  it('Python-written files: tampering and truncation are refused by TypeScript', async () => {
    const file = pyEncrypt(sample(9000), { password: PASSWORD, cipher, iterations: 10_000, chunkSize: 4096 });
    const flipped = file.slice();
    flipped[file.length - 100] ^= 1;
    await expect(decodePmx(flipped, PASSWORD)).rejects.toMatchObject({ code: 'tampered' });
    const preamble = readPmxHeader(file).preambleLength;
    await expect(decodePmx(file.subarray(0, preamble + 4112), PASSWORD)).rejects.toMatchObject({ code: 'truncated' });
    await expect(decodePmx(file, 'nope')).rejects.toBeInstanceOf(PmxError);
  });
});

describe('interop at the real default', () => {
  it('AES-256-GCM with 600,000 iterations: TS → Python and Python → TS', async () => {
    const pt = sample(5000);
    const file = await encodePmx(pt, { password: PASSWORD });
    expect(readPmxHeader(file).iterations).toBe(600_000);
    expect(pyDecrypt(file, PASSWORD)).toEqual(pt);
    const back = pyEncrypt(pt, { password: PASSWORD, cipher: 'AES-256-GCM', iterations: 600_000, chunkSize: 65_536 });
    expect((await decodePmx(back, PASSWORD)).plaintext).toEqual(pt);
  });
});
