import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hkdf, sm3 as smv2 } from 'sm-crypto-v2';
import { hkdfSm3, hmacSm3, pbkdf2HmacSm3, sm3 } from '../../../shared/transfer/sm3';
import { toHex, utf8 } from '../../../shared/transfer/bytes';
import { pyText } from '../../fixtures/transfer/python';

describe('SM3 / HMAC-SM3 / HKDF-SM3 / PBKDF2-HMAC-SM3', () => {
  it('matches the GB/T 32905 test vectors', () => {
    expect(toHex(sm3(utf8('abc')))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(toHex(sm3(utf8('abcd'.repeat(16))))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('agrees with sm-crypto-v2 on SM3 and HMAC-SM3 for any input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 150 }), (data, key) => {
        expect(toHex(sm3(data))).toBe(smv2(data));
        if (key.length > 0) expect(toHex(hmacSm3(key, data))).toBe(smv2(data, { key, mode: 'hmac' }));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with sm-crypto-v2 on HKDF-SM3', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.uint8Array({ maxLength: 32 }), fc.uint8Array({ maxLength: 40 }), fc.integer({ min: 1, max: 100 }),
        (ikm, salt, info, len) => {
          expect(toHex(hkdfSm3(ikm, salt, info, len))).toBe(toHex(hkdf(ikm, salt.length ? salt : new Uint8Array(32), info, len)));
        }),
      { numRuns: 50 },
    );
  });

  it('PBKDF2-HMAC-SM3 matches Python cryptography (short and >64-byte passwords, 16 and 40 bytes)', async () => {
    const salt = '000102030405060708090a0b0c0d0e0f';
    for (const [password, length] of [['口令-password-1', 16], ['p'.repeat(100), 40]] as const) {
      const ours = await pbkdf2HmacSm3(utf8(password.normalize('NFC')), Uint8Array.from(Buffer.from(salt, 'hex')), 12_345, length);
      const theirs = pyText(['pbkdf2', '--hash', 'SM3', '--password', password, '--salt-hex', salt, '--iterations', '12345', '--length', String(length)]);
      expect(toHex(ours)).toBe(theirs);
    }
  });
});
