/**
 * Version vectors on records (design §7). Every local edit goes through `bumpVersion`; merging
 * transfer files (shared/transfer/merge.ts) compares vectors to tell "changed on one side" from
 * "changed on both sides" (a conflict).
 */
import type { RecordMeta, VersionVector } from './meta';

export type VectorOrder = 'equal' | 'greater' | 'less' | 'concurrent';

/** How `a` relates to `b`: 'greater' means a has seen every edit b has, and more. */
export function compareVersionVectors(a: VersionVector, b: VersionVector): VectorOrder {
  let aAhead = false;
  let bAhead = false;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key] ?? 0;
    const y = b[key] ?? 0;
    if (x > y) aAhead = true;
    else if (y > x) bAhead = true;
    if (aAhead && bAhead) return 'concurrent';
  }
  if (aAhead) return 'greater';
  if (bAhead) return 'less';
  return 'equal';
}

/** Pointwise maximum (keys sorted, zero entries dropped, so equal vectors serialise equally). */
export function mergeVersionVectors(a: VersionVector, b: VersionVector): VersionVector {
  const out: VersionVector = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const v = Math.max(a[key] ?? 0, b[key] ?? 0);
    if (v > 0) out[key] = v;
  }
  return out;
}

/** Meta for a record created now by this installation (its creation counts as its first edit). */
export function createRecordMeta(id: string, installationId: string, now: string): RecordMeta {
  return { id, createdAt: now, updatedAt: now, rev: 1, vv: { [installationId]: 1 }, changedBy: installationId, deletedAt: null };
}

/**
 * Every local change to a record (edit, soft delete, restore) goes through here:
 * rev + 1, vv[installationId] + 1, updatedAt = now, changedBy = installationId.
 * Returns a new object; the input is not modified.
 */
export function bumpVersion<T extends RecordMeta>(record: T, installationId: string, now: string): T {
  return {
    ...record,
    rev: record.rev + 1,
    vv: { ...record.vv, [installationId]: (record.vv[installationId] ?? 0) + 1 },
    updatedAt: now,
    changedBy: installationId,
  };
}
