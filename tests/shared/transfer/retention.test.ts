import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { selectBackupsToKeep, type RetentionItem } from '../../../shared/transfer/retention';

const DAY = 86_400_000;
const BASE = Date.UTC(2023, 0, 1);

const itemArb = fc.record({
  name: fc.stringMatching(/^[a-z0-9]{1,6}$/),
  // roughly three years of times, many sharing a month
  at: fc.integer({ min: 0, max: 3 * 365 * DAY }).map((ms) => new Date(BASE + ms).toISOString()),
});

function uniqueByName(items: RetentionItem[]): RetentionItem[] {
  const m = new Map<string, RetentionItem>();
  for (const it of items) if (!m.has(it.name)) m.set(it.name, it);
  return [...m.values()];
}

describe('selectBackupsToKeep', () => {
  it('keeps the last 10 and the newest of each month', () => {
    const items: RetentionItem[] = [];
    // 40 daily backups from 2025-01-01 to 2025-02-09, plus two in March 2024
    for (let d = 0; d < 40; d++) items.push({ name: `d${d}`, at: new Date(Date.UTC(2025, 0, 1) + d * DAY).toISOString() });
    items.push({ name: 'old1', at: '2024-03-02T08:00:00.000Z' }, { name: 'old2', at: '2024-03-20T08:00:00.000Z' });
    const r = selectBackupsToKeep(items);
    // newest 10: d39..d30 (2025-02-09 .. 2025-01-31); d30 is 2025-01-31 = newest of January
    expect(r.keep).toEqual(['d39', 'd38', 'd37', 'd36', 'd35', 'd34', 'd33', 'd32', 'd31', 'd30', 'old2']);
    expect(r.remove).toHaveLength(42 - 11);
    expect(r.remove).toContain('old1');
  });

  it('empty input, and keepLast 0 keeps only one per month', () => {
    expect(selectBackupsToKeep([])).toEqual({ keep: [], remove: [] });
    const r = selectBackupsToKeep(
      [
        { name: 'a', at: '2025-01-01T00:00:00Z' },
        { name: 'b', at: '2025-01-02T00:00:00Z' },
      ],
      { keepLast: 0 },
    );
    expect(r).toEqual({ keep: ['b'], remove: ['a'] });
  });

  it('properties: partition, last N kept, one per month kept, nothing else kept', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 80 }), fc.integer({ min: 0, max: 15 }), (raw, keepLast) => {
        const items = uniqueByName(raw);
        const { keep, remove } = selectBackupsToKeep(items, { keepLast });
        // a partition of the names
        expect(new Set([...keep, ...remove])).toEqual(new Set(items.map((i) => i.name)));
        expect(keep.length + remove.length).toBe(items.length);
        const sorted = [...items].sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
        const newest = new Set(sorted.slice(0, keepLast).map((i) => i.name));
        const monthly = new Set<string>();
        const seenMonths = new Set<string>();
        for (const it of sorted) {
          if (!seenMonths.has(it.at.slice(0, 7))) {
            seenMonths.add(it.at.slice(0, 7));
            monthly.add(it.name);
          }
        }
        for (const n of newest) expect(keep).toContain(n);
        for (const n of monthly) expect(keep).toContain(n);
        for (const n of keep) expect(newest.has(n) || monthly.has(n)).toBe(true);
        // every month that has a backup still has one
        const keptMonths = new Set(items.filter((i) => keep.includes(i.name)).map((i) => i.at.slice(0, 7)));
        expect(keptMonths).toEqual(seenMonths);
        expect(keep.length).toBeLessThanOrEqual(keepLast + seenMonths.size);
      }),
      { numRuns: 300 },
    );
  });

  it('properties: order-independent and idempotent', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 60 }), fc.integer(), (raw, seed) => {
        const items = uniqueByName(raw);
        const shuffled = [...items].sort((a, b) => ((a.name.charCodeAt(0) * seed) % 7) - ((b.name.charCodeAt(0) * seed) % 7));
        const r1 = selectBackupsToKeep(items);
        const r2 = selectBackupsToKeep(shuffled);
        expect(r2).toEqual(r1);
        // applying the rule to what was kept removes nothing more
        const kept = items.filter((i) => r1.keep.includes(i.name));
        expect(selectBackupsToKeep(kept).remove).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
