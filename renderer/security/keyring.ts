/**
 * In-memory security state of one open database: is the app locked, is encryption at rest on,
 * and the data key while unlocked. Never persisted; the middleware reads it synchronously.
 *
 * The data key stays in memory while the idle lock is shown: the hidden screens may still finish
 * an autosave that was under way. The lock screen is a screen lock, not a memory wipe (documented
 * in docs/security.md); the key is gone when the window closes.
 */
import type Dexie from 'dexie';
import { fieldKey, type FieldCipher } from '../../shared/security/fieldCrypto';

export class LockedError extends Error {
  override readonly name = 'LockedError';
  constructor() {
    super('软件已锁定，请先输入启动密码解锁');
  }
}

export interface Keyring {
  /** Settings read from the `local` table (false until initSecurity ran). */
  loaded: boolean;
  passwordSet: boolean;
  /** 敏感数据加密 is on (rows may hold envelopes; new writes are sealed). */
  encryption: boolean;
  /** The lock screen is showing. */
  locked: boolean;
  /** Cipher for new envelopes ('S' under the 国密 profile). */
  cipher: FieldCipher;
  dataKey: Uint8Array | null;
  keys: Partial<Record<FieldCipher, Uint8Array>>;
  listeners: Set<() => void>;
}

const rings = new WeakMap<object, Keyring>();

export function keyringOf(db: Dexie | object): Keyring {
  let r = rings.get(db);
  if (!r) {
    r = { loaded: false, passwordSet: false, encryption: false, locked: false, cipher: 'A', dataKey: null, keys: {}, listeners: new Set() };
    rings.set(db, r);
  }
  return r;
}

export function keyFor(ring: Keyring, cipher: FieldCipher): Uint8Array {
  if (!ring.dataKey) throw new LockedError();
  let k = ring.keys[cipher];
  if (!k) {
    k = fieldKey(ring.dataKey, cipher);
    ring.keys[cipher] = k;
  }
  return k;
}

export function setDataKey(ring: Keyring, key: Uint8Array | null): void {
  ring.dataKey = key;
  ring.keys = {};
}

export function notify(ring: Keyring): void {
  for (const fn of [...ring.listeners]) fn();
}

export function subscribe(ring: Keyring, fn: () => void): () => void {
  ring.listeners.add(fn);
  return () => ring.listeners.delete(fn);
}
