/** zod issues → antd form field errors (first message per field, Chinese). */
import { z } from 'zod';

const zhCN = z.locales.zhCN().localeError;

export interface FieldError {
  name: string;
  errors: string[];
}

export function issuesToFields(issues: readonly z.core.$ZodIssue[], known?: readonly string[]): FieldError[] {
  const seen = new Map<string, string>();
  for (const i of issues) {
    const key = String(i.path[0] ?? '');
    if (!key || (known && !known.includes(key)) || seen.has(key)) continue;
    seen.set(key, i.message);
  }
  return [...seen].map(([name, msg]) => ({ name, errors: [msg] }));
}

/** Validates with Chinese messages; returns field errors (empty when valid). */
export function validateFields<S extends z.ZodType>(schema: S, value: unknown): FieldError[] {
  const r = schema.safeParse(value, { error: zhCN });
  return r.success ? [] : issuesToFields(r.error.issues);
}
