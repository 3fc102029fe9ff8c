/**
 * Running numbers of meetings: 2025年第3次 支委会, counted per organisation, meeting type and year.
 *
 * Policy (decided here, one place):
 * - The next number is one more than the highest number still *reserved*; numbers below it are
 *   never back-filled, so a gap left by a deleted record stays a gap.
 * - Reserved: every live record, and every deleted record that was 定稿 (status 'final'): a final
 *   record may already be printed and filed under its number, so the number is never handed out
 *   again even after the record goes to the 回收站.
 * - A deleted draft frees its number only when it is the highest: e.g. live 1, 2, deleted draft 3 →
 *   next is 3; live 1, 3, deleted draft 2 → next is 4 (2 is not reused).
 * - Restoring a deleted draft from the 回收站 after its number was reused creates a duplicate;
 *   `findDuplicateNumbers` / `isSeqTaken` find it so the editor can ask for a new number.
 */
import type { MeetingType, RecordStatus } from '../model';

export interface NumberedRecord {
  orgId: string;
  type: MeetingType;
  year: number;
  seq: number;
  deletedAt: string | null;
  /** When omitted, a deleted record is treated as a draft (its number may be freed). */
  status?: RecordStatus;
}

/** Highest number allowed by the meeting schema (seq 1..999). */
export const MAX_SEQ = 999;

function sameSeries(r: NumberedRecord, orgId: string, type: MeetingType, year: number): boolean {
  return r.orgId === orgId && r.type === type && r.year === year;
}

function reserves(r: NumberedRecord): boolean {
  return r.deletedAt === null || r.status === 'final';
}

/**
 * Next running number for (orgId, type, year). Always ≥ 1. May exceed `MAX_SEQ` only if 999
 * numbers are already used; the meeting schema then rejects it with its own message.
 */
export function nextSeq(
  existing: readonly NumberedRecord[],
  orgId: string,
  type: MeetingType,
  year: number,
): number {
  let max = 0;
  for (const r of existing) {
    if (sameSeries(r, orgId, type, year) && reserves(r) && r.seq > max) max = r.seq;
  }
  return max + 1;
}

/**
 * Is `seq` already used in that series by a live record (or a deleted 定稿)? `exceptId` leaves out
 * the record being edited.
 */
export function isSeqTaken<T extends NumberedRecord & { id: string }>(
  existing: readonly T[],
  candidate: Pick<NumberedRecord, 'orgId' | 'type' | 'year' | 'seq'>,
  exceptId?: string,
): boolean {
  return existing.some(
    (r) =>
      r.id !== exceptId &&
      sameSeries(r, candidate.orgId, candidate.type, candidate.year) &&
      r.seq === candidate.seq &&
      reserves(r),
  );
}

/**
 * Groups of live records sharing one running number in the same series (two "2025年第3次支委会").
 * Deleted records are ignored here (a tombstone clashing with a live record is harmless).
 * Each group has ≥ 2 records, in input order; groups are ordered by first appearance.
 */
export function findDuplicateNumbers<T extends NumberedRecord>(records: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of records) {
    if (r.deletedAt !== null) continue;
    const key = `${r.orgId}\u0000${r.type}\u0000${r.year}\u0000${r.seq}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
