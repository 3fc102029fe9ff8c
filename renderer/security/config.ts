/**
 * Security settings of this computer, in the `local` table (never exported, never restored from a
 * backup: a password or a key must not travel to another machine).
 */
import { z } from 'zod';
import { passwordPolicySchema, POLICY_PRESETS } from '../../shared/security/passwordPolicy';
import { lockoutStateSchema, NO_LOCKOUT, type LockoutState } from '../../shared/security/lockout';
import type { PartyMinutesDB } from '../db/database';

export const SECURITY_KEYS = {
  config: 'security.config',
  password: 'security.password',
  lockout: 'security.lockout',
  dataKey: 'security.dataKey',
  auditAnchor: 'audit.anchor',
  auditHead: 'audit.head',
  auditCheckpoint: 'audit.checkpoint',
} as const;

export const securityConfigSchema = z.object({
  policy: passwordPolicySchema,
  /** Lock after this many idle minutes; 0 = never. */
  idleMinutes: z.number().int().min(0).max(480),
  /** 国密 profile: PBKDF2-HMAC-SM3, SM4-GCM, SM3 audit chain. */
  gm: z.boolean(),
  /** Audit entries are kept at least this long (≥ 6 months, 网络安全法 §21 floor). */
  auditRetentionMonths: z.number().int().min(6, '审计日志至少保留 6 个月').max(120),
});
export type SecurityConfig = z.infer<typeof securityConfigSchema>;

export const DEFAULT_SECURITY_CONFIG: SecurityConfig = {
  policy: POLICY_PRESETS.basic,
  idleMinutes: 10,
  gm: false,
  auditRetentionMonths: 12,
};

export const passwordRecordSchema = z.object({
  kdf: z.enum(['PBKDF2-HMAC-SHA256', 'PBKDF2-HMAC-SM3']),
  salt: z.string(),
  iterations: z.number().int().min(1000).max(10_000_000),
  verifier: z.string(),
  changedAt: z.string(),
});
export type PasswordRecord = z.infer<typeof passwordRecordSchema>;

export const wrappedKeySchema = z.object({
  cipher: z.enum(['A', 'S']),
  nonce: z.string(),
  wrapped: z.string(),
  since: z.string(),
});
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

async function readLocal<T>(db: PartyMinutesDB, key: string, schema: z.ZodType<T>): Promise<T | null> {
  const row = await db.local.get(key);
  if (row === undefined) return null;
  const r = schema.safeParse(row.value);
  return r.success ? r.data : null;
}

export async function getSecurityConfig(db: PartyMinutesDB): Promise<SecurityConfig> {
  return (await readLocal(db, SECURITY_KEYS.config, securityConfigSchema)) ?? DEFAULT_SECURITY_CONFIG;
}

export const getPasswordRecord = (db: PartyMinutesDB) => readLocal(db, SECURITY_KEYS.password, passwordRecordSchema);
export const getWrappedKey = (db: PartyMinutesDB) => readLocal(db, SECURITY_KEYS.dataKey, wrappedKeySchema);
export async function getLockout(db: PartyMinutesDB): Promise<LockoutState> {
  return (await readLocal(db, SECURITY_KEYS.lockout, lockoutStateSchema)) ?? NO_LOCKOUT;
}
