/** A plain strength hint for transfer and backup passwords (no rules enforced beyond length). */

export interface PasswordStrength {
  /** 0 (empty) .. 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: '' | '弱' | '较弱' | '中' | '强';
  advice: string;
}

export const MIN_TRANSFER_PASSWORD_LENGTH = 8;

export function passwordStrength(pw: string): PasswordStrength {
  if (!pw) return { score: 0, label: '', advice: `至少 ${MIN_TRANSFER_PASSWORD_LENGTH} 位，建议混合字母、数字和符号` };
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  const distinct = new Set(pw).size;
  const len = [...pw].length;
  if (len < MIN_TRANSFER_PASSWORD_LENGTH || distinct < 4) {
    return { score: 1, label: '弱', advice: `太短或太简单：至少 ${MIN_TRANSFER_PASSWORD_LENGTH} 位，并混合字母、数字和符号` };
  }
  if (kinds <= 1 && len < 14) return { score: 2, label: '较弱', advice: '只用了一类字符：请加入数字、大小写字母或符号' };
  if (len >= 12 && kinds >= 3) return { score: 4, label: '强', advice: '请把密码通过电话或当面告知对方，不要和 U 盘放在一起' };
  return { score: 3, label: '中', advice: '可以使用；更长（12 位以上）并混合三类字符会更安全' };
}
