/**
 * Pure merge of incoming records into local ones, per table (design §7), by version vectors.
 *
 * For each incoming record, by id:
 *   added      no local record with that id (tombstones too: the deletion must stick)
 *   changed    incoming vector dominates and the record is not newly deleted  -> take incoming
 *   deleted    incoming vector dominates and incoming has deletedAt, local not -> take incoming
 *   unchanged  vectors equal, or local dominates                               -> nothing
 *   conflicts  vectors concurrent and the content differs                      -> user decides
 *   converged  vectors concurrent but nothing the user could choose between (same content, or
 *              deleted on both sides): written automatically with the merged vector, so it never
 *              shows up as a conflict later. Deterministic, so import order does not matter.
 * Local records absent from the file are left alone: absence never deletes.
 */
import {
  bumpVersion,
  compareVersionVectors,
  createRecordMeta,
  mergeVersionVectors,
} from '../model/versioning';
import type { RecordMeta } from '../model/meta';
import { PmxError } from './errors';

export { bumpVersion, compareVersionVectors, createRecordMeta, mergeVersionVectors };

export interface MergePair<T> {
  local: T;
  incoming: T;
}

export interface MergePlan<T extends RecordMeta> {
  added: T[];
  changed: MergePair<T>[];
  deleted: MergePair<T>[];
  unchanged: MergePair<T>[];
  conflicts: MergePair<T>[];
  converged: (MergePair<T> & { merged: T })[];
  counts: { added: number; changed: number; deleted: number; unchanged: number; conflicts: number; converged: number };
}

export type Resolution = 'mine' | 'theirs';

/** Fields that describe the history, not the content the user sees. */
const META_ONLY = new Set(['rev', 'vv', 'updatedAt', 'changedBy']);

/** Canonical JSON (sorted keys, undefined dropped) of the user-visible content, deletedAt included. */
export function contentKey(record: RecordMeta): string {
  return canonical(record, true);
}

function canonical(value: unknown, top = false): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined && !(top && META_ONLY.has(k)))
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
}

/** Deterministic winner between two concurrent versions that need no user decision. */
function pickConverged<T extends RecordMeta>(a: T, b: T): T {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  if (a.changedBy !== b.changedBy) return a.changedBy > b.changedBy ? a : b;
  return canonical(a) >= canonical(b) ? a : b;
}

/** Local rev only ever grows. */
function withRev<T extends RecordMeta>(record: T, local: T | undefined): T {
  const rev = Math.max(record.rev, local ? local.rev + 1 : 0);
  return rev === record.rev ? record : { ...record, rev };
}

export function planMerge<T extends RecordMeta>(local: readonly T[], incoming: readonly T[]): MergePlan<T> {
  const byId = new Map<string, T>();
  for (const r of local) byId.set(r.id, r);
  const plan: MergePlan<T> = {
    added: [], changed: [], deleted: [], unchanged: [], conflicts: [], converged: [],
    counts: { added: 0, changed: 0, deleted: 0, unchanged: 0, conflicts: 0, converged: 0 },
  };
  const seen = new Set<string>();
  for (const inc of incoming) {
    if (seen.has(inc.id)) throw new PmxError('invalid-record', `导入的记录编号重复：${inc.id}`);
    seen.add(inc.id);
    const loc = byId.get(inc.id);
    if (!loc) {
      plan.added.push(inc);
      continue;
    }
    const order = compareVersionVectors(inc.vv, loc.vv);
    if (order === 'greater') {
      if (inc.deletedAt !== null && loc.deletedAt === null) plan.deleted.push({ local: loc, incoming: inc });
      else plan.changed.push({ local: loc, incoming: inc });
    } else if (order === 'equal' || order === 'less') {
      plan.unchanged.push({ local: loc, incoming: inc });
    } else {
      const bothDeleted = inc.deletedAt !== null && loc.deletedAt !== null;
      if (bothDeleted || contentKey(inc) === contentKey(loc)) {
        const winner = pickConverged(loc, inc);
        const merged = withRev({ ...winner, vv: mergeVersionVectors(loc.vv, inc.vv) }, loc);
        plan.converged.push({ local: loc, incoming: inc, merged });
      } else {
        plan.conflicts.push({ local: loc, incoming: inc });
      }
    }
  }
  plan.counts = {
    added: plan.added.length,
    changed: plan.changed.length,
    deleted: plan.deleted.length,
    unchanged: plan.unchanged.length,
    conflicts: plan.conflicts.length,
    converged: plan.converged.length,
  };
  return plan;
}

/**
 * The records to write (put) for a plan. Conflicts take the chosen side's content with
 * vv = pointwise max of both sides, then +1 for this installation (so the decision propagates
 * and dominates both versions elsewhere), updatedAt = now, changedBy = installationId.
 * Conflicts without a resolution are not written (the local record stays; the conflict will
 * show again on the next import).
 */
export function applyMergePlan<T extends RecordMeta>(
  plan: MergePlan<T>,
  resolutions: ReadonlyMap<string, Resolution>,
  installationId: string,
  now: string,
): T[] {
  const out: T[] = [];
  for (const r of plan.added) out.push(r);
  for (const { local, incoming } of plan.changed) out.push(withRev(incoming, local));
  for (const { local, incoming } of plan.deleted) out.push(withRev(incoming, local));
  for (const { merged } of plan.converged) out.push(merged);
  for (const { local, incoming } of plan.conflicts) {
    const choice = resolutions.get(local.id);
    if (choice !== 'mine' && choice !== 'theirs') continue;
    const chosen = choice === 'mine' ? local : incoming;
    const base: T = { ...chosen, vv: mergeVersionVectors(local.vv, incoming.vv), rev: Math.max(local.rev, incoming.rev) };
    out.push(bumpVersion(base, installationId, now));
  }
  return out;
}
