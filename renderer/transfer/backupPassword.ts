/**
 * The backup password (备份密码) protects the automatic snapshots written to the backups folder.
 *
 * Automatic backups run unattended (at start-up, before an upgrade), so the password must be
 * available without asking. It is kept in the `local` table (never exported, never in transfer
 * files or backups), encrypted with AES-GCM under a non-extractable WebCrypto key that is stored
 * beside it. Honest limits, also said in the settings text: this keeps the password out of plain
 * text and out of any file the app writes, but anyone who can use this computer's account can
 * read the local database anyway. What the password protects is the backup files themselves —
 * copied off the machine, left in the Documents folder, or handed to IT.
 */
import type { PartyMinutesDB } from '../db/database';

export const BACKUP_PASSWORD_KEY = 'backupPassword';

/**
 * While 敏感数据加密 is on (renderer/security keeps the wrapped data key under this `local` key),
 * backups must stay encrypted too: no unencrypted snapshot of talk contents or ID numbers.
 */
const DATA_KEY_ROW = 'security.dataKey';
export const ENCRYPTED_BACKUP_REQUIRED =
  '已开启敏感数据加密，备份也必须加密：请先在“数据交换与备份”中设置备份密码（至少 8 位），再进行备份';

export async function atRestEncryptionOn(db: PartyMinutesDB): Promise<boolean> {
  return (await db.local.get(DATA_KEY_ROW)) !== undefined;
}
export const MIN_BACKUP_PASSWORD_LENGTH = 8;

export interface WrappedPassword {
  /** Non-extractable AES-GCM key (structured-cloned into IndexedDB). */
  key: CryptoKey;
  iv: Uint8Array;
  data: Uint8Array;
}

function isWrapped(v: unknown): v is WrappedPassword {
  if (!v || typeof v !== 'object') return false;
  const w = v as Partial<WrappedPassword>;
  return typeof CryptoKey !== 'undefined' && w.key instanceof CryptoKey && w.iv instanceof Uint8Array && w.data instanceof Uint8Array;
}

export async function wrapPassword(password: string): Promise<WrappedPassword> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(password)));
  return { key, iv, data };
}

/** The password from a stored value; null when none is set or it cannot be read. */
export async function unwrapPassword(value: unknown): Promise<string | null> {
  if (!isWrapped(value)) return null;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(value.iv) }, value.key, new Uint8Array(value.data));
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

export async function getBackupPassword(db: PartyMinutesDB): Promise<string | null> {
  const row = await db.local.get(BACKUP_PASSWORD_KEY);
  return unwrapPassword(row?.value);
}

export async function hasBackupPassword(db: PartyMinutesDB): Promise<boolean> {
  return (await getBackupPassword(db)) !== null;
}

/** Sets (or with null, removes) the backup password. */
export async function setBackupPassword(db: PartyMinutesDB, password: string | null): Promise<void> {
  if (password === null) {
    if (await atRestEncryptionOn(db)) throw new Error('已开启敏感数据加密，备份必须加密，不能取消备份密码。如需取消，请先在“设置 → 安全”中关闭敏感数据加密');
    await db.local.delete(BACKUP_PASSWORD_KEY);
    return;
  }
  if (password.length < MIN_BACKUP_PASSWORD_LENGTH) throw new Error(`备份密码至少 ${MIN_BACKUP_PASSWORD_LENGTH} 位`);
  const wrapped = await wrapPassword(password);
  await db.local.put({ key: BACKUP_PASSWORD_KEY, value: wrapped });
}
