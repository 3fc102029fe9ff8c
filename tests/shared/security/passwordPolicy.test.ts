import { describe, expect, it } from 'vitest';
import { passwordExpired, passwordProblems, POLICY_PRESETS, type PasswordPolicy } from '../../../shared/security/passwordPolicy';
import { afterFailure, lockoutSeconds, NO_LOCKOUT, waitLeft } from '../../../shared/security/lockout';

describe('密码规则', () => {
  it('基本: 8 characters of two classes', () => {
    expect(passwordProblems('abcd1234', POLICY_PRESETS.basic)).toEqual([]);
    expect(passwordProblems('abcdefgh', POLICY_PRESETS.basic)).toEqual([expect.stringContaining('至少 2 类（现在 1 类）')]);
    expect(passwordProblems('ab12', POLICY_PRESETS.basic)).toEqual([expect.stringContaining('至少 8 位（现在 4 位）')]);
  });

  it('秘密级参考 needs three classes; 机密级参考 ten characters', () => {
    expect(passwordProblems('abcd1234', POLICY_PRESETS.secret)).toHaveLength(1);
    expect(passwordProblems('Abcd1234', POLICY_PRESETS.secret)).toEqual([]);
    expect(passwordProblems('Abcd1234', POLICY_PRESETS.confidential)).toEqual([expect.stringContaining('至少 10 位')]);
    expect(passwordProblems('Abcd1234!x', POLICY_PRESETS.confidential)).toEqual([]);
    // Chinese characters count one each and as 符号.
    expect(passwordProblems('党建Abcd1234', POLICY_PRESETS.confidential)).toEqual([]);
  });

  it('custom rules and change intervals', () => {
    const custom: PasswordPolicy = { id: 'custom', minLength: 12, minClasses: 4, changeDays: 90 };
    expect(passwordProblems('Abcdefgh12!x', custom)).toEqual([]);
    expect(passwordProblems('Abcdefgh1234', custom)).toHaveLength(1);
    const changed = '2025-01-01T00:00:00.000Z';
    expect(passwordExpired(changed, POLICY_PRESETS.confidential, new Date('2025-01-07T23:00:00Z'))).toBe(false);
    expect(passwordExpired(changed, POLICY_PRESETS.confidential, new Date('2025-01-08T00:00:00Z'))).toBe(true);
    expect(passwordExpired(changed, POLICY_PRESETS.secret, new Date('2025-01-30T00:00:00Z'))).toBe(false);
    expect(passwordExpired(changed, POLICY_PRESETS.secret, new Date('2025-01-31T00:00:00Z'))).toBe(true);
    expect(passwordExpired(changed, POLICY_PRESETS.basic, new Date('2035-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('连续输错后的等待', () => {
  it('5 failures → 30 s, 10 → 60 s, 15 → 120 s, capped at one hour', () => {
    expect([1, 4, 5, 6, 9, 10, 15, 20].map((n) => lockoutSeconds(n))).toEqual([0, 0, 30, 0, 0, 60, 120, 240]);
    expect(lockoutSeconds(100)).toBe(3600);
  });

  it('the wait runs from the fifth failure', () => {
    const t = new Date('2025-01-01T00:00:00Z');
    let s = NO_LOCKOUT;
    for (let i = 0; i < 5; i++) s = afterFailure(s, t);
    expect(waitLeft(s, t)).toBe(30_000);
    expect(waitLeft(s, new Date(t.getTime() + 29_000))).toBe(1000);
    expect(waitLeft(s, new Date(t.getTime() + 30_000))).toBe(0);
  });
});
