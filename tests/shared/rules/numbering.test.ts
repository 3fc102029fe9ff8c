import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDuplicateNumbers, isSeqTaken, nextSeq, type NumberedRecord } from '../../../shared/rules/numbering';

const DEL = '2025-03-09T00:00:00.000Z';
const rec = (seq: number, extra: Partial<NumberedRecord> = {}): NumberedRecord & { id: string } => ({
  id: `rec-${seq}-${extra.type ?? 'committee'}-${extra.deletedAt ? 'd' : 'l'}-${Math.random().toString(36).slice(2, 8)}`,
  orgId: 'org-a',
  type: 'committee',
  year: 2025,
  seq,
  deletedAt: null,
  status: 'draft',
  ...extra,
});

describe('nextSeq', () => {
  it('starts at 1 for an empty series', () => {
    expect(nextSeq([], 'org-a', 'committee', 2025)).toBe(1);
  });

  it('is one more than the highest live number, per org, type and year', () => {
    const existing = [
      rec(1),
      rec(2),
      rec(7, { orgId: 'org-b' }),
      rec(9, { type: 'general_assembly' }),
      rec(5, { year: 2024 }),
    ];
    expect(nextSeq(existing, 'org-a', 'committee', 2025)).toBe(3);
    expect(nextSeq(existing, 'org-b', 'committee', 2025)).toBe(8);
    expect(nextSeq(existing, 'org-a', 'general_assembly', 2025)).toBe(10);
    expect(nextSeq(existing, 'org-a', 'committee', 2024)).toBe(6);
    expect(nextSeq(existing, 'org-a', 'lecture', 2025)).toBe(1);
  });

  it('a deleted draft frees its number only when it is the highest', () => {
    expect(nextSeq([rec(1), rec(2), rec(3, { deletedAt: DEL })], 'org-a', 'committee', 2025)).toBe(3);
    expect(nextSeq([rec(1), rec(2, { deletedAt: DEL }), rec(3)], 'org-a', 'committee', 2025)).toBe(4);
    expect(nextSeq([rec(1, { deletedAt: DEL })], 'org-a', 'committee', 2025)).toBe(1);
    // status omitted → treated as a draft
    expect(nextSeq([rec(1), { ...rec(2, { deletedAt: DEL }), status: undefined }], 'org-a', 'committee', 2025)).toBe(2);
  });

  it('a deleted 定稿 keeps its number reserved', () => {
    expect(nextSeq([rec(1), rec(2, { deletedAt: DEL, status: 'final' })], 'org-a', 'committee', 2025)).toBe(3);
  });

  it('property: the result is never taken and is above every reserved number', () => {
    const arb = fc.array(
      fc.record({
        seq: fc.integer({ min: 1, max: 60 }),
        deleted: fc.boolean(),
        final: fc.boolean(),
        org: fc.constantFrom('org-a', 'org-b'),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const existing = rows.map((r, i) => ({
          ...rec(r.seq, { orgId: r.org, deletedAt: r.deleted ? DEL : null, status: r.final ? 'final' : 'draft' }),
          id: `rec-${i}-xxxxxx`,
        }));
        const n = nextSeq(existing, 'org-a', 'committee', 2025);
        expect(n).toBeGreaterThanOrEqual(1);
        expect(isSeqTaken(existing, { orgId: 'org-a', type: 'committee', year: 2025, seq: n })).toBe(false);
        for (const r of existing) {
          if (r.orgId === 'org-a' && (r.deletedAt === null || r.status === 'final')) expect(r.seq).toBeLessThan(n);
        }
      }),
    );
  });
});

describe('isSeqTaken', () => {
  it('sees live records and deleted finals, not deleted drafts, and skips the record itself', () => {
    const live = rec(3);
    const existing = [live, rec(4, { deletedAt: DEL }), rec(5, { deletedAt: DEL, status: 'final' })];
    const at = (seq: number) => ({ orgId: 'org-a', type: 'committee' as const, year: 2025, seq });
    expect(isSeqTaken(existing, at(3))).toBe(true);
    expect(isSeqTaken(existing, at(3), live.id)).toBe(false);
    expect(isSeqTaken(existing, at(4))).toBe(false);
    expect(isSeqTaken(existing, at(5))).toBe(true);
    expect(isSeqTaken(existing, { ...at(3), year: 2024 })).toBe(false);
  });
});

describe('findDuplicateNumbers', () => {
  it('groups live records sharing a number in the same series', () => {
    const a = rec(3);
    const b = rec(3);
    const c = rec(3, { type: 'general_assembly' });
    const d = rec(3, { deletedAt: DEL });
    const e = rec(4);
    const f = rec(4, { orgId: 'org-b' });
    const g = rec(5);
    const h = rec(5);
    const i = rec(5);
    expect(findDuplicateNumbers([a, b, c, d, e, f, g, h, i])).toEqual([[a, b], [g, h, i]]);
    expect(findDuplicateNumbers([a, c, e, f])).toEqual([]);
  });

  it('restoring a deleted draft whose number was reused yields a duplicate', () => {
    const deleted = rec(3, { deletedAt: DEL });
    const existing = [rec(1), rec(2), deleted];
    const reused = rec(nextSeq(existing, 'org-a', 'committee', 2025));
    expect(reused.seq).toBe(3);
    const restored = { ...deleted, deletedAt: null };
    expect(findDuplicateNumbers([...existing.slice(0, 2), restored, reused])).toEqual([[restored, reused]]);
  });
});
