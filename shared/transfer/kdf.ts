/**
 * Key derivation for both profiles (design §6):
 *   K          = PBKDF2-HMAC-H(NFC(password) as UTF-8, salt, iterations, keyLength)
 *   payloadKey = HKDF-H(ikm = K, salt = nonce, info = "party-minutes/v1/payload", keyLength)
 *   keyCheck   = first 16 bytes of HMAC-H(K, "party-minutes/v1/key-check")
 * H is SHA-256 (keyLength 32, WebCrypto) or SM3 (keyLength 16, ./sm3.ts).
 */
import { own, utf8, type Bytes } from './bytes';
import { hkdfSm3, hmacSm3, pbkdf2HmacSm3 } from './sm3';

export type PmxCipherName = 'AES-256-GCM' | 'SM4-GCM';
export type PmxKdfName = 'PBKDF2-HMAC-SHA256' | 'PBKDF2-HMAC-SM3';

export const KDF_FOR_CIPHER: Record<PmxCipherName, PmxKdfName> = {
  'AES-256-GCM': 'PBKDF2-HMAC-SHA256',
  'SM4-GCM': 'PBKDF2-HMAC-SM3',
};
export const KEY_LENGTH: Record<PmxCipherName, number> = { 'AES-256-GCM': 32, 'SM4-GCM': 16 };

export const PAYLOAD_INFO = 'party-minutes/v1/payload';
export const KEY_CHECK_INFO = 'party-minutes/v1/key-check';
export const KEY_CHECK_LENGTH = 16;

export interface DerivedKeys {
  /** Raw payload key: 32 bytes (AES-256) or 16 bytes (SM4). */
  payloadKey: Bytes;
  keyCheck: Bytes;
}

/** Passwords are NFC-normalised and encoded as UTF-8 (design §6). */
export function passwordBytes(password: string): Bytes {
  return utf8(password.normalize('NFC'));
}

const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available');
  return s;
};

/** PBKDF2 step alone (K). Exported for tests and for the documentation's test vectors. */
export async function deriveMasterKey(
  cipher: PmxCipherName,
  password: string,
  salt: Uint8Array,
  iterations: number,
): Promise<Bytes> {
  const pw = passwordBytes(password);
  if (cipher === 'SM4-GCM') {
    // Yield to the event loop now and then so a UI thread can still paint a progress indicator.
    return pbkdf2HmacSm3(pw, salt, iterations, 16, {
      progressEvery: 50_000,
      onProgress: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
    });
  }
  const base = await subtle().importKey('raw', pw, 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: own(salt), iterations }, base, 256);
  return new Uint8Array(bits);
}

export async function deriveKeys(
  cipher: PmxCipherName,
  password: string,
  salt: Uint8Array,
  iterations: number,
  nonce: Uint8Array,
): Promise<DerivedKeys> {
  const k = await deriveMasterKey(cipher, password, salt, iterations);
  return keysFromMaster(cipher, k, nonce);
}

export async function keysFromMaster(cipher: PmxCipherName, k: Uint8Array, nonce: Uint8Array): Promise<DerivedKeys> {
  if (cipher === 'SM4-GCM') {
    return {
      payloadKey: hkdfSm3(k, nonce, utf8(PAYLOAD_INFO), 16),
      keyCheck: hmacSm3(k, utf8(KEY_CHECK_INFO)).slice(0, KEY_CHECK_LENGTH),
    };
  }
  const s = subtle();
  const hkdfKey = await s.importKey('raw', own(k), 'HKDF', false, ['deriveBits']);
  const payload = await s.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: own(nonce), info: utf8(PAYLOAD_INFO) },
    hkdfKey,
    256,
  );
  const macKey = await s.importKey('raw', own(k), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const check = await s.sign('HMAC', macKey, utf8(KEY_CHECK_INFO));
  return {
    payloadKey: new Uint8Array(payload),
    keyCheck: new Uint8Array(check).slice(0, KEY_CHECK_LENGTH),
  };
}
