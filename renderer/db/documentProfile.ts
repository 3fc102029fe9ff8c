/**
 * The unit's Word document profile (文档格式): one validated record in `settings` under
 * 'documentProfile', defaults (GB/T 9704) from shared/model/documentProfile.ts.
 */
import { DEFAULT_DOCUMENT_PROFILE, documentProfileSchema, type DocumentProfile } from '../../shared/model/documentProfile';
import type { PartyMinutesDB } from './database';
import { parseOrThrow } from './validate';

export const DOCUMENT_PROFILE_KEY = 'documentProfile';

const LABELS: Record<string, string> = {
  orgFullNameOverride: '打印用组织全称',
  defaultLayout: '默认版式',
  fontSet: '字体方案',
  duplex: '双面打印',
  pageNumberStyle: '页码样式',
  signInBlankRows: '签到表空白行',
};

/**
 * Stored profile merged over the defaults (fields added in later versions get their default; fields
 * no longer in the schema, e.g. the old nonSecretMarking, are dropped). A damaged value never
 * blocks an export: every field that does not validate falls back to its default.
 */
export async function getDocumentProfile(db: PartyMinutesDB): Promise<DocumentProfile> {
  const row = await db.settings.get(DOCUMENT_PROFILE_KEY);
  const stored = row?.value && typeof row.value === 'object' ? (row.value as Partial<DocumentProfile>) : {};
  const r = documentProfileSchema.safeParse({ ...DEFAULT_DOCUMENT_PROFILE, ...stored });
  if (r.success) return r.data;
  const out: Record<string, unknown> = { ...DEFAULT_DOCUMENT_PROFILE };
  for (const [k, v] of Object.entries(stored)) {
    const field = documentProfileSchema.shape[k as keyof DocumentProfile];
    if (field?.safeParse(v).success) out[k] = v;
  }
  return out as DocumentProfile;
}

export async function putDocumentProfile(db: PartyMinutesDB, profile: DocumentProfile): Promise<DocumentProfile> {
  const value = parseOrThrow(documentProfileSchema, profile, '文档格式设置', LABELS);
  await db.settings.put({ key: DOCUMENT_PROFILE_KEY, value });
  return value;
}
