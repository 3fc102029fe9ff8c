/**
 * 启动密码的规则 (domain §6.4). The published rules for classified computers are mirrored as
 * selectable presets; none of them is forced: a unit picks one (or 自定义) in 设置 → 安全.
 * The numbers are [practice] values, hence a custom policy with every number editable.
 */
import { z } from 'zod';

export const POLICY_IDS = ['basic', 'secret', 'confidential', 'custom'] as const;
export type PolicyId = (typeof POLICY_IDS)[number];

export const passwordPolicySchema = z.object({
  id: z.enum(POLICY_IDS),
  /** Minimum number of characters. */
  minLength: z.number().int().min(4, '密码长度至少 4 位').max(64, '密码长度不能超过 64 位'),
  /** How many of the four character classes (大写字母、小写字母、数字、符号) must appear. */
  minClasses: z.number().int().min(1).max(4),
  /** Days after which the password must be changed; 0 = never. */
  changeDays: z.number().int().min(0).max(3650),
});
export type PasswordPolicy = z.infer<typeof passwordPolicySchema>;

export const POLICY_PRESETS: Record<Exclude<PolicyId, 'custom'>, PasswordPolicy> = {
  basic: { id: 'basic', minLength: 8, minClasses: 2, changeDays: 0 },
  secret: { id: 'secret', minLength: 8, minClasses: 3, changeDays: 30 },
  confidential: { id: 'confidential', minLength: 10, minClasses: 3, changeDays: 7 },
};

export const POLICY_LABELS: Record<PolicyId, string> = {
  basic: '基本（至少 8 位，含两类字符）',
  secret: '秘密级参考（至少 8 位，含三类字符，每月更换）',
  confidential: '机密级参考（至少 10 位，含三类字符，每周更换）',
  custom: '自定义',
};

export const CLASS_NAMES = ['大写字母', '小写字母', '数字', '符号'] as const;

/** Which of the four classes the password uses. */
export function characterClasses(password: string): boolean[] {
  return [/[A-Z]/.test(password), /[a-z]/.test(password), /\d/.test(password), /[^A-Za-z\d]/.test(password)];
}

/** Characters as the secretary counts them (a Chinese character or an emoji is one). */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}

/** What is wrong with the password under the policy, in Chinese; empty when it is acceptable. */
export function passwordProblems(password: string, policy: PasswordPolicy): string[] {
  const problems: string[] = [];
  const length = passwordLength(password);
  if (length < policy.minLength) problems.push(`密码至少 ${policy.minLength} 位（现在 ${length} 位）`);
  const used = characterClasses(password).filter(Boolean).length;
  if (used < policy.minClasses) {
    problems.push(`密码需包含${CLASS_NAMES.join('、')}中的至少 ${policy.minClasses} 类（现在 ${used} 类）`);
  }
  if (/^\s|\s$/.test(password)) problems.push('密码首尾不能是空格');
  return problems;
}

/** The date (ISO) by which the password must be changed, or null when the policy never expires. */
export function passwordDueAt(changedAt: string, policy: PasswordPolicy): string | null {
  if (policy.changeDays <= 0) return null;
  const t = Date.parse(changedAt);
  if (Number.isNaN(t)) return null;
  return new Date(t + policy.changeDays * 86_400_000).toISOString();
}

export function passwordExpired(changedAt: string, policy: PasswordPolicy, now: Date): boolean {
  const due = passwordDueAt(changedAt, policy);
  return due !== null && now.getTime() >= Date.parse(due);
}
