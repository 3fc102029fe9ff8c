/**
 * Full-text search over the database (design §8): the index follows every kind of write in the
 * same transaction (a pending row, grams filled by the deferred indexer), matches are exact before
 * and after indexing, filters work, and sensitive text never reaches a snippet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting, deleteMeeting, getMeeting, saveMeeting } from '../../../renderer/db/meetings';
import { APPRAISALS, createRecord, deleteRecordOf, RECTIFICATIONS, restoreRecordOf, TALKS } from '../../../renderer/db/records';
import { restoreRecord } from '../../../renderer/db/recycleBin';
import { search, SENSITIVE_ONLY_NOTICE } from '../../../renderer/db/search';
import { indexPending, PENDING_GRAM, plainSensitiveTokenizer, rebuildSearchIndex, searchIndexRow, setSensitiveGramTokenizer } from '../../../renderer/db/searchIndex';
import type { PartyMinutesDB } from '../../../renderer/db/database';
import type { Meeting, Talk } from '../../../shared/model';
import { appraisal, rectification, talk } from '../../fixtures/word/lifeMeetings';
import { freshDb, makeUnit, type Unit } from './helpers';

afterEach(() => setSensitiveGramTokenizer(plainSensitiveTokenizer));

const keyed = (g: string) => 'k:' + [...g].map((c) => (c.codePointAt(0)! * 7919 + 13).toString(36)).join('.');

async function meeting(db: PartyMinutesDB, u: Unit, summary: string, o: Partial<Parameters<typeof createMeeting>[1]> = {}): Promise<Meeting> {
  return createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-03-02', place: '三楼会议室', summary, ...o });
}

const ids = async (db: PartyMinutesDB, q: string, o?: Parameters<typeof search>[2]) => (await search(db, q, o)).hits.map((h) => h.id);

function talkFields(orgId: string, o: Partial<Talk> = {}) {
  const { id: _id, createdAt: _c, updatedAt: _u, rev: _r, vv: _v, changedBy: _b, deletedAt: _d, ...fields } = talk({ orgId, ...o });
  return fields;
}

describe('search index maintenance', () => {
  it('follows create, edit, soft delete, restore and hard delete of a meeting', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const m = await meeting(db, u, '会议研究了预算执行情况。');
    expect(await ids(db, '预算执行')).toEqual([m.id]);
    const row = await db.searchIndex.get(`meetings:${m.id}`);
    expect(row).toMatchObject({ table: 'meetings', recordId: m.id, orgId: u.b1.id, year: 2025, kind: 'committee', live: 1 });

    await saveMeeting(db, { ...(await getMeeting(db, m.id))!, summary: '会议部署了主题教育。' });
    expect(await ids(db, '预算执行')).toEqual([]);
    expect(await ids(db, '主题教育')).toEqual([m.id]);

    await deleteMeeting(db, m.id);
    expect(await ids(db, '主题教育')).toEqual([]);
    expect(await ids(db, '主题教育', { includeDeleted: true })).toEqual([m.id]);
    expect((await db.searchIndex.get(`meetings:${m.id}`))?.live).toBe(0);

    await restoreRecord(db, 'meetings', m.id);
    expect(await ids(db, '主题教育')).toEqual([m.id]);

    await db.meetings.delete(m.id);
    expect(await db.searchIndex.get(`meetings:${m.id}`)).toBeUndefined();
    expect(await ids(db, '主题教育', { includeDeleted: true })).toEqual([]);
  });

  it('follows a transfer-style bulkPut over several tables, clear(), and an aborted write', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const t1 = talk({ id: 'talk-transfer-0001', orgId: u.b1.id, theme: '交流岗位调整后的思想情况' });
    const r1 = rectification({ id: 'rect-transfer-0001', orgId: u.b1.id, problem: '理论学习的系统性不够' });
    await db.transaction('rw', [db.talks, db.rectifications], async () => {
      await db.talks.bulkPut([t1]);
      await db.rectifications.bulkPut([r1]);
    });
    expect(await ids(db, '岗位调整')).toEqual([t1.id]);
    expect(await ids(db, '系统性')).toEqual([r1.id]);
    expect(await db.searchIndex.count()).toBe(2);

    // A write that fails leaves neither the record nor its index row behind.
    await expect(
      db.transaction('rw', db.talks, async () => {
        await db.talks.put({ ...t1, id: 'talk-aborted-0001', theme: '不应留下的主题' });
        throw new Error('中途失败');
      }),
    ).rejects.toThrow('中途失败');
    expect(await db.searchIndex.get('talks:talk-aborted-0001')).toBeUndefined();
    expect(await ids(db, '不应留下')).toEqual([]);

    await db.talks.clear();
    expect(await db.searchIndex.get(`talks:${t1.id}`)).toBeUndefined();
    expect(await db.searchIndex.get(`rectifications:${r1.id}`)).toBeDefined();
    expect(await ids(db, '岗位调整')).toEqual([]);
    expect(await ids(db, '系统性')).toEqual([r1.id]);
  });

  it('soft delete and restore of talks through the repository', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const t = await createRecord(db, TALKS, talkFields(u.b1.id, { theme: '政治生日谈心' }));
    expect(await ids(db, '政治生日')).toEqual([t.id]);
    await deleteRecordOf(db, TALKS, t.id);
    expect(await ids(db, '政治生日')).toEqual([]);
    await restoreRecordOf(db, TALKS, t.id);
    expect(await ids(db, '政治生日')).toEqual([t.id]);
  });
});

describe('deferred indexing', () => {
  it('a write leaves a pending row; search is exact before and after the indexer fills the grams', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const a = await meeting(db, u, '书记讲党课，强调政治纪律。');
    const b = await meeting(db, u, '记书一词不应被找到。', { date: '2025-04-02' });
    expect((await db.searchIndex.get(`meetings:${a.id}`))?.grams).toEqual([PENDING_GRAM]);
    const before = await search(db, '书记');
    expect(before.hits.map((h) => h.id)).toEqual([a.id]);

    expect(await indexPending(db)).toBe(2);
    const row = await db.searchIndex.get(`meetings:${a.id}`);
    expect(row).toEqual(searchIndexRow('meetings', (await getMeeting(db, a.id))!));
    expect(row?.grams).not.toContain(PENDING_GRAM);
    const after = await search(db, '书记');
    expect(after.hits.map((h) => h.id)).toEqual([a.id]);
    expect(after).toMatchObject({ total: 1, totalExact: true });
    expect(await ids(db, '记书')).toEqual([b.id]);
    expect(await indexPending(db)).toBe(0);
  });

  it('a record written again while the indexer reads it stays pending and ends up with its newest text', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const m = await meeting(db, u, '原来的小结：预算执行情况。');
    // The indexer reads the record; before it writes the grams, the secretary's autosave lands.
    const tableOf = db.table.bind(db);
    let raced = false;
    db.table = ((name: string) => {
      const table = tableOf(name);
      if (name !== 'meetings' || raced) return table;
      return Object.assign(Object.create(table) as typeof table, {
        bulkGet: async (keys: string[]) => {
          const rows = await table.bulkGet(keys);
          raced = true;
          await saveMeeting(db, { ...(await getMeeting(db, m.id))!, summary: '改过的小结：主题教育。' });
          return rows;
        },
      });
    }) as typeof db.table;
    await indexPending(db);
    const row = await db.searchIndex.get(`meetings:${m.id}`);
    expect(raced).toBe(true);
    expect(row?.grams).toContain('主题');
    expect(row?.grams).not.toContain('预算');
    expect(await ids(db, '预算执行')).toEqual([]);
    expect(await ids(db, '主题教育')).toEqual([m.id]);
  });

  it('indexes on its own shortly after a write commits', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const m = await meeting(db, u, '自动建立索引。');
    for (let i = 0; i < 100 && (await db.searchIndex.get(`meetings:${m.id}`))?.pending; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await db.searchIndex.get(`meetings:${m.id}`))?.grams).toContain('索引');
  });
});

describe('search results', () => {
  it('are exact: 书记 never matches 记书, one character works, newest first', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const a = await meeting(db, u, '支部书记讲话。', { date: '2025-01-05' });
    const b = await meeting(db, u, '先记书面意见。', { date: '2025-02-05' });
    const c = await meeting(db, u, '书记和委员都发言。', { date: '2025-03-05' });
    expect(await ids(db, '书记')).toEqual([c.id, a.id]);
    expect(await ids(db, '记书')).toEqual([b.id]);
    expect(await ids(db, '支部书记讲')).toEqual([a.id]);
    expect(await ids(db, '支部书记讲了')).toEqual([]);
    expect(await ids(db, '面')).toEqual([b.id]);
    expect(await ids(db, '讲')).toEqual([a.id]);
    // A character before punctuation, and a query of punctuation only (read and checked).
    expect(await ids(db, '言')).toEqual([c.id]);
    expect(await ids(db, '言。')).toEqual([c.id]);
    expect(await ids(db, '。')).toEqual([c.id, b.id, a.id]);
    expect(await ids(db, '')).toEqual([]);
    const r = await search(db, '书记');
    expect(r.total).toBe(2);
    expect(r.totalExact).toBe(true);
    expect(r.hits[0].title).toBe('第一党支部 2025年第3次支委会');
    expect(r.hits[0].snippets[0]).toEqual([
      { text: '书记', hit: true },
      { text: '和委员都发言。', hit: false },
    ]);
  });

  it('filter by organisation, type, table and year; limit', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const m1 = await meeting(db, u, '学习党章。');
    const m2 = await meeting(db, u, '学习党章。', { orgId: u.b2.id, type: 'general_assembly', date: '2024-06-01' });
    const r1 = await createRecord(db, RECTIFICATIONS, (({ id: _i, createdAt: _c, updatedAt: _u, rev: _r, vv: _v, changedBy: _b, deletedAt: _d, ...f }) => f)(rectification({ orgId: u.b1.id, problem: '学习党章不够深入', raisedDate: '2025-04-01', annualYear: 2025 })));
    expect(await ids(db, '学习党章')).toEqual([r1.id, m1.id, m2.id]);
    expect(await ids(db, '学习党章', { orgIds: [u.b2.id] })).toEqual([m2.id]);
    expect(await ids(db, '学习党章', { kinds: ['committee'] })).toEqual([m1.id]);
    expect(await ids(db, '学习党章', { tables: ['rectifications'] })).toEqual([r1.id]);
    expect(await ids(db, '学习党章', { year: 2024 })).toEqual([m2.id]);
    expect(await ids(db, '学习党章', { limit: 1 })).toEqual([r1.id]);
  });

  it('never put talk contents or criticism in a snippet', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const t = await createRecord(
      db,
      TALKS,
      talkFields(u.b1.id, { theme: '交流工作思路', intervieweePoints: '反映了工作思路不够清晰的问题', criticism: '对工作思路提出批评' }),
    );
    const base = appraisal({ orgId: u.b1.id });
    const entries = base.entries.map((e, i) => (i === 0 ? { ...e, selfAppraisal: '本人对照党员标准，在担当作为上有差距' } : e));
    const a = await createRecord(db, APPRAISALS, (({ id: _i, createdAt: _c, updatedAt: _u, rev: _r, vv: _v, changedBy: _b, deletedAt: _d, ...f }) => f)({ ...base, entries }));
    const r = await search(db, '工作思路');
    expect(r.hits.map((h) => h.id)).toEqual([t.id]);
    const shown = r.hits.flatMap((h) => h.snippets.flat().map((s) => s.text)).join('');
    expect(shown).toContain('工作思路');
    expect(shown).not.toContain('不够清晰');
    expect(shown).not.toContain('批评');

    // Only in a sensitive field: listed, with the notice instead of a snippet.
    const only = await search(db, '不够清晰');
    expect(only.hits).toHaveLength(1);
    expect(only.hits[0]).toMatchObject({ id: t.id, sensitiveOnly: true, snippets: [] });
    expect(SENSITIVE_ONLY_NOTICE).toContain('敏感字段');

    const selfHits = await search(db, '担当作为');
    expect(selfHits.hits).toHaveLength(1);
    expect(selfHits.hits[0]).toMatchObject({ id: a.id, table: 'appraisals', sensitiveOnly: true, snippets: [] });
    // The appraisal is found by a member's name, with that name as the snippet.
    const byName = await search(db, a.entries[0].name);
    expect(byName.hits.find((h) => h.id === a.id)?.snippets[0]).toEqual([{ text: a.entries[0].name, hit: true }]);
  });

  it('sensitive text: plain-prefixed by default, keyed tokens after rebuild, not searchable without a tokenizer', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const t = await createRecord(db, TALKS, talkFields(u.b1.id, { attitude: '虚心接受同志们的意见' }));
    const grams = async () => (await db.searchIndex.get(`talks:${t.id}`))!.grams;
    await indexPending(db);
    expect(await grams()).toContain('s:虚心');
    expect(await grams()).not.toContain('虚心');

    setSensitiveGramTokenizer(keyed);
    expect(await rebuildSearchIndex(db)).toBe(1);
    expect((await grams()).some((g) => g.startsWith('s:'))).toBe(false);
    expect(await grams()).toContain(keyed('虚心'));
    expect(await ids(db, '虚心接受')).toEqual([t.id]);

    setSensitiveGramTokenizer(null);
    expect(await ids(db, '虚心接受')).toEqual([]);
    expect(await ids(db, t.interviewer.name)).toEqual([t.id]);
    // Locked: a new write stays pending (nothing indexed without its sensitive grams) until unlocked.
    const t2 = await createRecord(db, TALKS, talkFields(u.b1.id, { attitude: '坚决整改落实到位' }));
    expect(await indexPending(db)).toBe(0);
    expect((await db.searchIndex.get(`talks:${t2.id}`))!.grams).toEqual([PENDING_GRAM]);
    expect(await ids(db, t2.interviewer.name)).toContain(t2.id);
    setSensitiveGramTokenizer(keyed);
    expect(await indexPending(db)).toBe(1);
    expect((await db.searchIndex.get(`talks:${t2.id}`))!.grams).toContain(keyed('整改'));
  });
});
