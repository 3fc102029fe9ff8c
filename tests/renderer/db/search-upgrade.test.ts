/**
 * Upgrade v2 → v3 queues the search index of the meetings that already exist (upgradeToV3: pending
 * rows, grams derived after opening by the deferred indexer), from a
 * database written with nothing but the v1 and v2 store definitions (no app code, no middleware).
 * The v1 fixture rows are reused: v2 changed no v1 store.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import fixture from '../../fixtures/db/v1.json';
import { openDatabase, SCHEMA_V1, SCHEMA_V2, type PartyMinutesDB } from '../../../renderer/db/database';
import { search } from '../../../renderer/db/search';
import { meetingIndexRow } from '../../../renderer/db/meetingIndex';
import { indexPending, PENDING_GRAM, searchIndexRow } from '../../../renderer/db/searchIndex';
import type { Meeting } from '../../../shared/model';

const rows = fixture.tables as unknown as Record<string, Record<string, unknown>[]>;
const name = `pm-v2-search-${Math.random().toString(36).slice(2)}`;
let db: PartyMinutesDB | undefined;

afterEach(async () => {
  db?.close();
  await Dexie.delete(name);
});

/** Many meetings: the upgrade pages through them (500 per step). */
function copies(n: number): Record<string, unknown>[] {
  const base = rows.meetings[0] as unknown as Meeting;
  return Array.from({ length: n }, (_, i) => ({ ...base, id: `9a9a9a9a-0000-4000-8000-${String(i).padStart(12, '0')}`, summary: `第${i}号会议小结。` }));
}

async function writeRawV2(extra: Record<string, unknown>[]): Promise<void> {
  const raw = new Dexie(name);
  raw.version(1).stores(SCHEMA_V1);
  raw.version(2).stores(SCHEMA_V2);
  await raw.open();
  await raw.transaction('rw', raw.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await raw.table(table).bulkAdd(list);
    // As v2 stores them: each meeting with its list row (the v1/v2 middleware wrote both).
    await raw.table('meetings').bulkAdd(extra);
    await raw.table('meetingIndex').bulkAdd(extra.map((m) => meetingIndexRow(m as unknown as Meeting)));
  });
  expect(raw.verno).toBe(2);
  raw.close();
}

describe('schema v2 → v3: search index', () => {
  it('indexes every existing meeting, live and deleted, and search works at once', async () => {
    const extra = copies(1203);
    await writeRawV2(extra);
    db = await openDatabase(name);
    expect(db.verno).toBe(3);
    const meetings = [...rows.meetings, ...extra] as unknown as Meeting[];
    expect(await db.searchIndex.count()).toBe(meetings.length);
    expect((await db.searchIndex.get(`meetings:${meetings[1].id}`))?.live).toBe(0);

    // Opened with pending rows (the background indexer starts after a pause): search reads those
    // records and is exact all the same.
    expect(await db.searchIndex.where('grams').equals(PENDING_GRAM).count()).toBeGreaterThan(0);
    expect((await search(db, '第1202号')).hits.map((h) => h.id)).toEqual([extra[1202].id]);
    expect((await search(db, '苏堃同志作小结')).hits.map((h) => h.id)).toEqual([meetings[0].id]);

    await indexPending(db);
    expect(await db.searchIndex.where('grams').equals(PENDING_GRAM).count()).toBe(0);
    const stored = await db.searchIndex.get(`meetings:${meetings[0].id}`);
    expect(stored).toEqual(searchIndexRow('meetings', meetings[0]));
    const r = await search(db, '主题党日活动');
    // Nearly every record matches: the total is read off a sample (约 N), within a few per cent.
    const truth = 1 + extra.length;
    expect(Math.abs(r.total - truth)).toBeLessThanOrEqual(r.totalExact ? 0 : truth * 0.05);
    expect(r.hits).toHaveLength(50);
    expect(r.hits[0].snippets.flat().find((s) => s.hit)?.text).toBe('主题党日活动');
    expect((await search(db, '第1202号')).hits.map((h) => h.id)).toEqual([extra[1202].id]);
    expect((await search(db, '苏堃同志作小结')).hits.map((h) => h.id)).toEqual([meetings[0].id]);
  });
});
