import { describe, expect, it } from 'vitest';
import type { MeetingIndexRow } from '../../../renderer/db/database';
import { listMeetings, periodRange } from '../../../renderer/db/meetingList';
import { bulkImportMeetings, deleteMeeting, emptyMeetingFields, finaliseMeeting } from '../../../renderer/db/meetings';
import { MEETING_TYPES, type ClassificationLevel, type MeetingType } from '../../../shared/model';
import { freshDb, makeUnit } from './helpers';

describe('meeting list', () => {
  async function seed() {
    const db = await freshDb();
    const u = await makeUnit(db);
    const rows = [];
    let n = 0;
    for (const org of [u.b1, u.b2, u.g1]) {
      for (let y = 2024; y <= 2025; y++) {
        for (let m = 1; m <= 12; m++) {
          const types: MeetingType[] = org.level === 'group' ? ['group'] : ['committee', 'theme_day', ...(m % 3 === 0 ? (['lecture', 'general_assembly'] as const) : [])];
          for (const t of types) {
            const level: ClassificationLevel = n % 17 === 0 ? 'internal' : n % 29 === 0 ? 'secret' : 'none';
            n++;
            rows.push({
              ...emptyMeetingFields(org.id, t, `${y}-${String(m).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`),
              seq: m,
              classification: { level, years: null },
              status: n % 5 === 0 ? ('draft' as const) : ('final' as const),
              finalisedAt: n % 5 === 0 ? null : '2025-12-31T00:00:00.000Z',
            });
          }
        }
      }
    }
    const all = await bulkImportMeetings(db, rows);
    return { db, u, all };
  }

  const sortDesc = (xs: { date: string; id: string }[]) =>
    [...xs].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? 1 : -1)).map((x) => x.id);
  const ids = (rows: MeetingIndexRow[]) => rows.map((r) => r.id);

  it('period ranges', () => {
    expect(periodRange({ year: 2025 })).toEqual(['2025-01-01', '2025-12-31']);
    expect(periodRange({ year: 2025, quarter: 2 })).toEqual(['2025-04-01', '2025-06-31']);
    expect(periodRange({ year: 2025, month: 11 })).toEqual(['2025-11-01', '2025-11-31']);
  });

  it('filters by organisation + year and pages newest first (fast path agrees with brute force)', async () => {
    const { db, u, all } = await seed();
    const expected = sortDesc(all.filter((m) => m.orgId === u.b1.id && m.year === 2025));
    const p1 = await listMeetings(db, { orgId: u.b1.id, period: { year: 2025 } }, { offset: 0, limit: 10 });
    expect(p1.total).toBe(expected.length);
    expect(ids(p1.rows)).toEqual(expected.slice(0, 10));
    const p2 = await listMeetings(db, { orgId: u.b1.id, period: { year: 2025 } }, { offset: 10, limit: 10 });
    expect(ids(p2.rows)).toEqual(expected.slice(10, 20));
    expect(p1.rows[0]).not.toHaveProperty('agenda');
    expect(p1.rows[0]).not.toHaveProperty('attendance');
  });

  it('combines type, quarter, month, status, classification, descendants', async () => {
    const { db, u, all } = await seed();
    const check = async (f: Parameters<typeof listMeetings>[1], pred: (m: (typeof all)[number]) => boolean) => {
      const expected = sortDesc(all.filter(pred));
      const page = await listMeetings(db, f, { offset: 0, limit: 1000 });
      expect(page.total).toBe(expected.length);
      expect(ids(page.rows)).toEqual(expected);
    };
    const inQ = (d: string, y: number, q: number) => d.startsWith(`${y}-`) && Math.ceil(Number(d.slice(5, 7)) / 3) === q;
    await check({ orgId: u.b1.id, types: ['committee'], period: { year: 2025, quarter: 2 } }, (m) => m.orgId === u.b1.id && m.type === 'committee' && inQ(m.date, 2025, 2));
    await check({ orgId: u.b2.id, types: ['lecture', 'general_assembly'], period: { year: 2024 } }, (m) => m.orgId === u.b2.id && ['lecture', 'general_assembly'].includes(m.type) && m.year === 2024);
    await check({ period: { year: 2025, month: 3 } }, (m) => m.date.startsWith('2025-03'));
    await check({ status: 'draft' }, (m) => m.status === 'draft');
    await check({ levels: ['internal', 'secret'] }, (m) => m.classification.level !== 'none');
    await check({ types: ['theme_day'] }, (m) => m.type === 'theme_day');
    await check({ orgId: u.b2.id, includeDescendants: true, period: { year: 2025 } }, (m) => [u.b2.id, u.g1.id].includes(m.orgId) && m.year === 2025);
    await check({ orgId: u.pc.id, includeDescendants: true, status: 'final', types: [...MEETING_TYPES] }, (m) => m.status === 'final');
    await check({}, () => true);
  });

  it('hides soft-deleted meetings and follows status changes', async () => {
    const { db, u, all } = await seed();
    const draft = all.find((m) => m.status === 'draft' && m.orgId === u.b1.id)!;
    const before = await listMeetings(db, { orgId: u.b1.id });
    await deleteMeeting(db, draft.id);
    const after = await listMeetings(db, { orgId: u.b1.id });
    expect(after.total).toBe(before.total - 1);
    const bin = await listMeetings(db, { deleted: true });
    expect(ids(bin.rows)).toEqual([draft.id]);
    const other = all.find((m) => m.status === 'draft' && m.orgId === u.b1.id && m.id !== draft.id)!;
    await finaliseMeeting(db, other.id);
    const drafts = await listMeetings(db, { orgId: u.b1.id, status: 'draft' }, { offset: 0, limit: 1000 });
    expect(ids(drafts.rows)).not.toContain(other.id);
  });
});

describe('meeting list paging across organisations', () => {
  it('merges several organisations page by page like one sorted list', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const rows = [];
    for (const org of [u.b2, u.g1, u.g2]) {
      for (let i = 0; i < 40; i++) {
        const t = org.level === 'group' ? 'group' : 'committee';
        rows.push({ ...emptyMeetingFields(org.id, t, `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`), seq: i + 1 });
      }
    }
    const all = await bulkImportMeetings(db, rows);
    const expected = [...all].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? 1 : -1)).map((m) => m.id);
    const seen: string[] = [];
    for (let offset = 0; offset < 130; offset += 25) {
      const page = await listMeetings(db, { orgId: u.b2.id, includeDescendants: true }, { offset, limit: 25 });
      expect(page.total).toBe(120);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(expected);
  });
});
