/**
 * Fields every stored record carries (design §7): identity, timestamps, revision, soft delete,
 * and the version vector that lets transfer files merge without losing or duplicating anything.
 */
import { z } from 'zod';

export const idSchema = z.string().min(8).max(64);
export const isoTimeSchema = z.string().min(10).max(40);
/** Calendar date as the secretary means it, no time zone: 2025-03-08. */
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2025-03-08');
/** Wall-clock time of day: 14:30. */
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 14:30');

/** Per installation: how many edits it has made to this record. Concurrent edits are detectable. */
export const versionVectorSchema = z.record(z.string(), z.number().int().nonnegative());
export type VersionVector = z.infer<typeof versionVectorSchema>;

export const recordMetaSchema = z.object({
  id: idSchema,
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  /** Local revision counter: +1 on every saved change. */
  rev: z.number().int().nonnegative(),
  vv: versionVectorSchema,
  /** Installation that made the last change. */
  changedBy: z.string().min(1).max(64),
  /** Soft delete: the record sits in the 回收站 and travels as a tombstone. */
  deletedAt: isoTimeSchema.nullable(),
});
export type RecordMeta = z.infer<typeof recordMetaSchema>;

/** Long free text (speeches may be pasted from other documents): generous but bounded. */
export const MAX_LONG_TEXT = 200_000;
export const longText = z.string().max(MAX_LONG_TEXT, `内容过长（超过 ${MAX_LONG_TEXT} 字），请拆分为多段`);
export const shortText = (label: string, max = 200) => z.string().max(max, `${label}不能超过 ${max} 字`);
