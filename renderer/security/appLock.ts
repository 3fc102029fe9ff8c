/**
 * 启动密码, 锁定 and 敏感数据加密 (domain §6.4, §6.6, §6.7).
 *
 * One PBKDF2 run per unlock: M = PBKDF2-HMAC-H(NFC(password), salt, iterations, 32) with
 * H = SHA-256 (WebCrypto) or SM3 (国密 profile, shared/transfer/sm3), then
 *   verifier = HMAC-H(M, "party-minutes/app-lock/verifier")      stored, compared at unlock
 *   KEK      = HMAC-H(M, "party-minutes/app-lock/kek")            never stored
 * (KEK is 32 bytes for AES-256-GCM, its first 16 bytes for SM4-GCM). The random 32-byte data key
 * that seals sensitive fields is stored only wrapped by the KEK: changing the password rewraps
 * the key and never touches the data.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { deriveMasterKey } from '../../shared/transfer/kdf';
import { equalBytes, fromBase64, randomBytes, toBase64, utf8 } from '../../shared/transfer/bytes';
import { hmacSm3 } from '../../shared/transfer/sm3';
import { DATA_KEY_LENGTH, SENSITIVE_TABLES, unwrapKey, wrapKey, type FieldCipher } from '../../shared/security/fieldCrypto';
import { afterFailure, NO_LOCKOUT, waitLeft } from '../../shared/security/lockout';
import { passwordExpired, passwordProblems, POLICY_LABELS } from '../../shared/security/passwordPolicy';
import type { PartyMinutesDB } from '../db/database';
import { audit, auditQuietly, quietCurrentTransaction } from './auditLog';
import {
  getLockout, getPasswordRecord, getSecurityConfig, getWrappedKey, securityConfigSchema, SECURITY_KEYS,
  type PasswordRecord, type SecurityConfig, type WrappedKey,
} from './config';
import { keyringOf, notify as notifyRing, setDataKey, type Keyring } from './keyring';
import { applySearchTokenizer } from './searchTokens';
import { hasBackupPassword, MIN_BACKUP_PASSWORD_LENGTH, setBackupPassword } from '../transfer/backupPassword';

/** Every change of the keyring also sets how sensitive search grams are tokenised. */
function notify(ring: Keyring): void {
  applySearchTokenizer(ring);
  notifyRing(ring);
}

export { keyringOf, subscribe, LockedError } from './keyring';

/** PBKDF2 iterations for new passwords. SM3 runs in JavaScript, hence fewer. */
export const KDF_ITERATIONS = { 'PBKDF2-HMAC-SHA256': 310_000, 'PBKDF2-HMAC-SM3': 100_000 } as const;
let iterationOverride: number | null = null;
/** Tests only: cheaper key derivation. */
export function setKdfIterationsForTests(n: number | null): void {
  iterationOverride = n;
}

export class SecurityError extends Error {
  override readonly name = 'SecurityError';
}

interface Secrets {
  verifier: Uint8Array;
  kek: Uint8Array;
  cipher: FieldCipher;
}

async function deriveSecrets(rec: Pick<PasswordRecord, 'kdf' | 'salt' | 'iterations'>, password: string): Promise<Secrets> {
  const salt = fromBase64(rec.salt);
  if (!salt) throw new SecurityError('密码记录已损坏');
  const sm = rec.kdf === 'PBKDF2-HMAC-SM3';
  const m = await deriveMasterKey(sm ? 'SM4-GCM' : 'AES-256-GCM', password, salt, rec.iterations);
  // SM3 profile: deriveMasterKey gives 16 bytes, enough for HMAC-SM3 keys.
  const mac = (info: string) => (sm ? hmacSm3(m, utf8(info)) : hmac(sha256, m, utf8(info)));
  const kek = mac('party-minutes/app-lock/kek');
  return { verifier: mac('party-minutes/app-lock/verifier'), kek: sm ? kek.slice(0, 16) : kek, cipher: sm ? 'S' : 'A' };
}

async function newPasswordRecord(password: string, gm: boolean, now: Date): Promise<{ rec: PasswordRecord; secrets: Secrets }> {
  const kdf = gm ? 'PBKDF2-HMAC-SM3' : 'PBKDF2-HMAC-SHA256';
  const base = { kdf, salt: toBase64(randomBytes(16)), iterations: iterationOverride ?? KDF_ITERATIONS[kdf] } as const;
  const secrets = await deriveSecrets(base, password);
  return { rec: { ...base, verifier: toBase64(secrets.verifier), changedAt: now.toISOString() }, secrets };
}

async function verify(rec: PasswordRecord, password: string): Promise<Secrets | null> {
  const s = await deriveSecrets(rec, password);
  const stored = fromBase64(rec.verifier);
  return stored && equalBytes(stored, s.verifier) ? s : null;
}

export interface SecurityStatus {
  passwordSet: boolean;
  encryption: boolean;
  locked: boolean;
  config: SecurityConfig;
  passwordChangedAt: string | null;
}

/** Reads the stored settings into the keyring (once per open database) and logs the start. */
export async function initSecurity(db: PartyMinutesDB): Promise<Keyring> {
  const ring = keyringOf(db);
  if (ring.loaded) return ring;
  const [cfg, rec, wrapped] = await Promise.all([getSecurityConfig(db), getPasswordRecord(db), getWrappedKey(db)]);
  ring.passwordSet = rec !== null;
  ring.encryption = wrapped !== null;
  ring.locked = rec !== null;
  ring.cipher = cfg.gm ? 'S' : 'A';
  ring.loaded = true;
  await auditQuietly(db, { kind: 'app.start', detail: rec ? '已设置启动密码' : '未设置启动密码' });
  notify(ring);
  return ring;
}

export async function securityStatus(db: PartyMinutesDB): Promise<SecurityStatus> {
  const ring = await initSecurity(db);
  const [config, rec] = await Promise.all([getSecurityConfig(db), getPasswordRecord(db)]);
  return { passwordSet: ring.passwordSet, encryption: ring.encryption, locked: ring.locked, config, passwordChangedAt: rec?.changedAt ?? null };
}

export async function saveSecurityConfig(db: PartyMinutesDB, next: SecurityConfig): Promise<void> {
  const cfg = securityConfigSchema.parse(next);
  await db.local.put({ key: SECURITY_KEYS.config, value: cfg });
  const ring = keyringOf(db);
  ring.cipher = cfg.gm ? 'S' : 'A';
  notify(ring); // the lock gate re-reads the idle minutes
  await audit(db, { kind: 'settings.change', target: '安全设置', detail: `密码规则：${POLICY_LABELS[cfg.policy.id].split('（')[0]}，${cfg.idleMinutes} 分钟无操作锁定，${cfg.gm ? '国密' : '通用'}算法，审计日志保留 ${cfg.auditRetentionMonths} 个月` });
}

export type UnlockResult =
  | { ok: true; mustChange: boolean }
  | { ok: false; reason: 'wrong' | 'wait'; failures: number; waitMs: number };

async function registerFailure(db: PartyMinutesDB, now: Date): Promise<{ failures: number; waitMs: number }> {
  const state = afterFailure(await getLockout(db), now);
  await db.local.put({ key: SECURITY_KEYS.lockout, value: state });
  return { failures: state.failures, waitMs: waitLeft(state, now) };
}

/** Checks the password with the failed-attempt delay; on success unlocks and loads the data key. */
export async function unlock(db: PartyMinutesDB, password: string, now = new Date()): Promise<UnlockResult> {
  const ring = await initSecurity(db);
  const lockout = await getLockout(db);
  const wait = waitLeft(lockout, now);
  if (wait > 0) return { ok: false, reason: 'wait', failures: lockout.failures, waitMs: wait };
  const rec = await getPasswordRecord(db);
  if (!rec) {
    ring.locked = false;
    notify(ring);
    return { ok: true, mustChange: false };
  }
  const secrets = await verify(rec, password);
  if (!secrets) {
    const f = await registerFailure(db, now);
    await auditQuietly(db, { kind: 'app.unlock', ok: false, detail: `密码错误（连续第 ${f.failures} 次）` });
    return { ok: false, reason: 'wrong', ...f };
  }
  const wrapped = await getWrappedKey(db);
  if (wrapped) setDataKey(ring, unwrapKey(wrapped.cipher, secrets.kek, wrapped));
  await db.local.put({ key: SECURITY_KEYS.lockout, value: NO_LOCKOUT });
  ring.locked = false;
  await auditQuietly(db, { kind: 'app.unlock' });
  notify(ring);
  return { ok: true, mustChange: passwordExpired(rec.changedAt, (await getSecurityConfig(db)).policy, now) };
}

export async function lock(db: PartyMinutesDB, reason: '手动锁定' | '长时间无操作'): Promise<void> {
  const ring = keyringOf(db);
  if (!ring.passwordSet || ring.locked) return;
  ring.locked = true;
  notify(ring);
  await auditQuietly(db, { kind: 'app.lock', detail: reason });
}

function checkPolicy(password: string, config: SecurityConfig): void {
  const problems = passwordProblems(password, config.policy);
  if (problems.length) throw new SecurityError(problems.join('；'));
}

export async function setPassword(db: PartyMinutesDB, password: string, now = new Date()): Promise<void> {
  const ring = await initSecurity(db);
  if (await getPasswordRecord(db)) throw new SecurityError('已设置启动密码，请使用“修改密码”');
  const config = await getSecurityConfig(db);
  checkPolicy(password, config);
  const { rec } = await newPasswordRecord(password, config.gm, now);
  await db.local.put({ key: SECURITY_KEYS.password, value: rec });
  ring.passwordSet = true;
  await audit(db, { kind: 'password.set', detail: rec.kdf });
  notify(ring);
}

async function requireCurrent(db: PartyMinutesDB, current: string, now: Date): Promise<{ rec: PasswordRecord; secrets: Secrets }> {
  const lockout = await getLockout(db);
  const wait = waitLeft(lockout, now);
  if (wait > 0) throw new SecurityError(`密码错误次数过多，请 ${Math.ceil(wait / 1000)} 秒后再试`);
  const rec = await getPasswordRecord(db);
  if (!rec) throw new SecurityError('尚未设置启动密码');
  const secrets = await verify(rec, current);
  if (!secrets) {
    const f = await registerFailure(db, now);
    throw new SecurityError(f.waitMs > 0 ? `当前密码不正确，已连续错误 ${f.failures} 次，请 ${Math.ceil(f.waitMs / 1000)} 秒后再试` : '当前密码不正确');
  }
  await db.local.put({ key: SECURITY_KEYS.lockout, value: NO_LOCKOUT });
  return { rec, secrets };
}

/** New password; the data key (if any) is rewrapped, no row is re-encrypted. */
export async function changePassword(db: PartyMinutesDB, current: string, next: string, now = new Date()): Promise<void> {
  const ring = await initSecurity(db);
  const { secrets } = await requireCurrent(db, current, now).catch(async (e: unknown) => {
    await auditQuietly(db, { kind: 'password.change', ok: false, detail: e instanceof Error ? e.message : String(e) });
    throw e;
  });
  const config = await getSecurityConfig(db);
  checkPolicy(next, config);
  const { rec, secrets: fresh } = await newPasswordRecord(next, config.gm, now);
  const wrapped = await getWrappedKey(db);
  let rewrapped: WrappedKey | null = null;
  if (wrapped) {
    const dk = unwrapKey(wrapped.cipher, secrets.kek, wrapped);
    rewrapped = { ...wrapKey(fresh.cipher, fresh.kek, dk), cipher: fresh.cipher, since: wrapped.since };
  }
  await db.transaction('rw', db.local, async () => {
    await db.local.put({ key: SECURITY_KEYS.password, value: rec });
    if (rewrapped) await db.local.put({ key: SECURITY_KEYS.dataKey, value: rewrapped });
  });
  await audit(db, { kind: 'password.change', detail: rewrapped ? `${rec.kdf}；数据密钥已重新包装` : rec.kdf });
  notify(ring);
}

export async function removePassword(db: PartyMinutesDB, current: string, now = new Date()): Promise<void> {
  const ring = await initSecurity(db);
  if (ring.encryption) throw new SecurityError('请先关闭“敏感数据加密”，再取消启动密码');
  await requireCurrent(db, current, now);
  await db.local.delete(SECURITY_KEYS.password);
  ring.passwordSet = false;
  ring.locked = false;
  await audit(db, { kind: 'password.remove' });
  notify(ring);
}

export interface MigrationProgress {
  table: string;
  done: number;
  total: number;
}

const BATCH = 100;

/** Re-puts every row of the sensitive tables (the middleware seals or opens them). */
async function rewriteSensitiveRows(db: PartyMinutesDB, onProgress?: (p: MigrationProgress) => void): Promise<number> {
  let written = 0;
  for (const name of SENSITIVE_TABLES) {
    const table = db.table(name);
    const keys = (await table.toCollection().primaryKeys()) as string[];
    onProgress?.({ table: name, done: 0, total: keys.length });
    for (let i = 0; i < keys.length; i += BATCH) {
      const slice = keys.slice(i, i + BATCH);
      await db.transaction('rw', table, async () => {
        quietCurrentTransaction();
        const rows = (await table.bulkGet(slice)).filter((r) => r !== undefined);
        await table.bulkPut(rows);
      });
      written += slice.length;
      onProgress?.({ table: name, done: Math.min(i + BATCH, keys.length), total: keys.length });
    }
  }
  return written;
}

export async function enableEncryption(db: PartyMinutesDB, password: string, onProgress?: (p: MigrationProgress) => void, now = new Date()): Promise<number> {
  const ring = await initSecurity(db);
  if (ring.encryption) return 0;
  const { secrets } = await requireCurrent(db, password, now);
  // Backups must stay encrypted once the fields are: without a backup password, the start-up
  // password becomes the backup password (said in the settings card).
  if (!(await hasBackupPassword(db))) {
    if (password.length < MIN_BACKUP_PASSWORD_LENGTH) {
      throw new Error(`开启敏感数据加密后备份也必须加密：请先在“数据交换与备份”中设置至少 ${MIN_BACKUP_PASSWORD_LENGTH} 位的备份密码`);
    }
    await setBackupPassword(db, password);
  }
  const dk = randomBytes(DATA_KEY_LENGTH);
  const wrapped: WrappedKey = { ...wrapKey(secrets.cipher, secrets.kek, dk), cipher: secrets.cipher, since: now.toISOString() };
  await db.local.put({ key: SECURITY_KEYS.dataKey, value: wrapped });
  setDataKey(ring, dk);
  ring.encryption = true;
  notify(ring); // keyed search tokens from now on; the rewrite below re-derives every index row
  const n = await rewriteSensitiveRows(db, onProgress);
  await audit(db, { kind: 'encryption.on', detail: `${n} 条记录已加密保存（${ring.cipher === 'S' ? 'SM4-GCM' : 'AES-256-GCM'}）` });
  return n;
}

export async function disableEncryption(db: PartyMinutesDB, password: string, onProgress?: (p: MigrationProgress) => void, now = new Date()): Promise<number> {
  const ring = await initSecurity(db);
  if (!ring.encryption) return 0;
  const { secrets } = await requireCurrent(db, password, now);
  const wrapped = await getWrappedKey(db);
  if (wrapped && !ring.dataKey) setDataKey(ring, unwrapKey(wrapped.cipher, secrets.kek, wrapped));
  ring.encryption = false; // new writes plain; reads still open envelopes with the key
  notify(ring);
  const n = await rewriteSensitiveRows(db, onProgress);
  await db.local.delete(SECURITY_KEYS.dataKey);
  setDataKey(ring, null);
  await audit(db, { kind: 'encryption.off', detail: `${n} 条记录已恢复为不加密保存` });
  notify(ring);
  return n;
}
