/**
 * Search benchmark (npm run bench): 50,000 records (mostly meetings) with Chinese text drawn from
 * a fixed character pool with Zipf-like frequencies plus common 党建 phrases, in real Chromium
 * IndexedDB. Reports numbers (console + bench-results/search.json); asserts only that results are
 * right. Target: median search latency < 50 ms for 2-, 3- and 4-character queries, common and rare.
 * Baselines: String.includes over the same texts in memory, and reading every record from IndexedDB.
 * Write overhead: bulk insert with the search middleware vs. the same database without it.
 */
import Dexie from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { openDatabase, PartyMinutesDB } from '../../renderer/db/database';
import { emptyMeetingFields } from '../../renderer/db/meetings';
import { stampMeta } from '../../renderer/db/meta';
import { search } from '../../renderer/db/search';
import { searchIndexMiddleware } from '../../renderer/db/searchIndex';
import { normaliseQuery, normaliseText, searchText, type RecordOfTable, type SearchTable } from '../../shared/search';
import type { AgendaItem, AttendanceEntry, Meeting, MeetingType, Rectification, Talk } from '../../shared/model';
import { rectification, talk } from '../fixtures/word/lifeMeetings';
import { indexPending, PENDING_GRAM, setBackgroundIndexing } from '../../renderer/db/searchIndexer';

// One thing measured at a time: search grams are derived only where this bench asks (indexPending).
setBackgroundIndexing(false);

/** Scale: 47,000 meetings by default (50,000 records); VITE_SEARCH_BENCH_MEETINGS overrides it. */
const ENV = (import.meta as { env?: Record<string, string | undefined> }).env ?? {};
const MEETINGS = Number(ENV.VITE_SEARCH_BENCH_MEETINGS ?? 47_000);
const TALKS = 2_000;
const RECTS = 1_000;
const TOTAL = MEETINGS + TALKS + RECTS;
const CHUNK = 2_500;
const ORGS = 50;
const RUNS = 21;
const OVERHEAD_N = 2_000;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20250601);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

/** 3,500 characters of U+4E00–U+9FA5 in a fixed shuffled order; rank r has weight 1/(r+8). */
const POOL = (() => {
  const all = Array.from({ length: 0x9fa5 - 0x4e00 + 1 }, (_, i) => String.fromCodePoint(0x4e00 + i));
  const r = rng(7);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, 3500);
})();
const CUM = (() => {
  const w = POOL.map((_, r) => 1 / (r + 8));
  const out: number[] = [];
  let s = 0;
  for (const x of w) out.push((s += x));
  return out.map((x) => x / s);
})();
function poolChar(): string {
  const x = rand();
  let lo = 0;
  let hi = CUM.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUM[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return POOL[lo];
}
/** Common words of the minutes (their bigrams are frequent, as in real records). */
const PHRASES = [
  '学习', '党组织', '政治纪律', '党员', '同志', '会议', '要求', '落实', '工作', '支部', '书记', '发言', '研究', '部署',
  '主题党日', '组织生活', '理论学习', '整改', '责任', '加强', '推进', '全面从严治党', '思想', '作风', '群众', '预算',
  '资金监管', '财经纪律', '服务', '效率', '上级党组织', '精神', '本职工作', '实际行动', '制度', '规矩', '党章党规',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = ['建国', '秀英', '伟', '静', '磊', '丽', '晓东', '敏', '海涛', '红', '峰', '晓燕', '俊', '建华', '晓明', '婷', '志强', '佳', '堃', '文涛'];
const name = () => pick([...SURNAMES]) + pick(GIVEN);

/** A sentence: phrases and pool characters mixed about half and half, ending in 。 */
function sentence(chars: number): string {
  let s = '';
  while (s.length < chars) s += rand() < 0.35 ? pick(PHRASES) : poolChar() + poolChar();
  return s + (rand() < 0.8 ? '。' : '，');
}
function paragraph(chars: number): string {
  let s = '';
  while (s.length < chars) s += sentence(12 + Math.floor(rand() * 20));
  return s;
}

const orgIds = Array.from({ length: ORGS }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
const TYPES: MeetingType[] = ['committee', 'theme_day', 'general_assembly', 'lecture', 'group'];
const uuid = () => crypto.randomUUID();
const NOW = '2025-06-01T00:00:00.000Z';

/** Meeting k: ~700 characters of text (title, 2 agenda items × 3 speeches, decision, summary). */
function meeting(k: number): Meeting {
  const orgId = orgIds[k % ORGS];
  const year = 2006 + (k % 20);
  const type = TYPES[k % TYPES.length];
  const date = `${year}-${String((k % 12) + 1).padStart(2, '0')}-${String((k % 28) + 1).padStart(2, '0')}`;
  const attendance: AttendanceEntry[] = Array.from({ length: 15 }, (_, i) => ({
    id: uuid(), kind: 'member', memberId: null, name: name(), title: i === 0 ? '书记' : '党员', status: 'full', standing: 'normal',
    isCommittee: i < 3, presence: 'present', reason: '',
  }));
  const agenda: AgendaItem[] = [0, 1].map(() => ({
    id: uuid(),
    title: sentence(10),
    speeches: [0, 1, 2].map(() => ({ id: uuid(), speakerId: null, speakerName: attendance[Math.floor(rand() * 15)].name, content: paragraph(90) })),
    decisions: [{ id: uuid(), text: sentence(20), owner: attendance[1].name, vote: null }],
  }));
  return {
    ...emptyMeetingFields(orgId, type, date),
    ...stampMeta(undefined, 'bench-installation', NOW, uuid()),
    seq: Math.floor(k / 100) % 99 + 1,
    place: '局机关三楼第一会议室',
    chairName: attendance[0].name,
    recorderName: attendance[1].name,
    attendance,
    agenda,
    summary: paragraph(60),
    status: 'final',
  } as Meeting;
}
function talkRecord(k: number): Talk {
  return { ...talk({ orgId: orgIds[k % ORGS], date: `${2010 + (k % 15)}-03-0${(k % 9) + 1}` }), ...stampMeta(undefined, 'bench', NOW, uuid()),
    theme: sentence(14), intervieweePoints: paragraph(150), criticism: paragraph(60) };
}
function rectRecord(k: number): Rectification {
  return { ...rectification({ orgId: orgIds[k % ORGS], raisedDate: `${2015 + (k % 10)}-05-10` }), ...stampMeta(undefined, 'bench', NOW, uuid()),
    problem: sentence(40), measures: paragraph(80) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 100) / 100;
async function timeIt<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

const results: Record<string, unknown> = { records: TOTAL, meetings: MEETINGS, talks: TALKS, rectifications: RECTS, userAgent: navigator.userAgent };

afterAll(async () => {
  console.log(`\nSearch benchmark (Chromium IndexedDB)\n${JSON.stringify(results, null, 2)}\n`);
  await commands.writeFile('bench-results/search.json', JSON.stringify({ at: new Date().toISOString(), ...results }, null, 2) + '\n');
});

async function fill(db: PartyMinutesDB, records: { table: SearchTable; rows: unknown[] }[]): Promise<number> {
  let ms = 0;
  for (const { table, rows } of records) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const slice = rows.slice(i, i + CHUNK);
      ms += (await timeIt(() => db.transaction('rw', db.table(table), () => db.table(table).bulkPut(slice))))[0];
      console.log(`filled ${table} ${i + slice.length}/${rows.length} at ${Math.round(ms / 1000)} s`);
    }
  }
  return ms;
}

describe(`search benchmark (${TOTAL} records)`, () => {
  it('write overhead of the search middleware on bulk insert', async () => {
    const rows = Array.from({ length: OVERHEAD_N }, (_, k) => meeting(k));
    const withName = `pm-bench-sw-${Date.now()}`;
    const withoutName = `pm-bench-swo-${Date.now()}`;
    const withIdx = await openDatabase(withName);
    const without = new PartyMinutesDB(withoutName);
    without.unuse({ stack: 'dbcore', name: searchIndexMiddleware.name! });
    await without.open();
    try {
      let a = 0;
      let b = 0;
      // Alternate chunks so neither side always writes first.
      for (let i = 0; i < rows.length; i += 500) {
        const slice = rows.slice(i, i + 500);
        const runA = async () => (a += (await timeIt(() => withIdx.transaction('rw', withIdx.meetings, () => withIdx.meetings.bulkPut(slice))))[0]);
        const runB = async () => (b += (await timeIt(() => without.transaction('rw', without.meetings, () => without.meetings.bulkPut(slice))))[0]);
        for (const f of (i / 500) % 2 === 0 ? [runA, runB] : [runB, runA]) await f();
      }
      expect(await withIdx.searchIndex.count()).toBe(OVERHEAD_N);
      expect(await without.searchIndex.count()).toBe(0);
      // The grams come after the write (renderer/db/searchIndexer.ts), at the app's own chunk size.
      const [indexMs, indexed] = await timeIt(() => indexPending(withIdx));
      expect(indexed).toBe(OVERHEAD_N);
      const grams = (await withIdx.searchIndex.limit(200).toArray()).map((r) => r.grams.length);
      Object.assign(results, {
        overheadRecords: OVERHEAD_N,
        insertWithSearchMs: Math.round(a),
        insertWithoutSearchMs: Math.round(b),
        insertRatioWithToWithout: round(a / b),
        deferredIndexingMs: Math.round(indexMs),
        insertPlusIndexingRatioToWithout: round((a + indexMs) / b),
        indexEntriesPerMeetingMedian: median(grams),
      });
    } finally {
      withIdx.close();
      without.close();
      await Dexie.delete(withName);
      await Dexie.delete(withoutName);
    }
  });

  it('searches all records', async () => {
    // VITE_SEARCH_BENCH_REUSE=1: query an index a previous run built (and left in the profile),
    // instead of filling and indexing again (about an hour at 50,000 records on 2 cores). The
    // records are regenerated in memory from the same seeds as the truth for the checks.
    const reuse = ENV.VITE_SEARCH_BENCH_REUSE === '1' ? (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('pm-bench-search-')).sort().pop() : undefined;
    const dbName = reuse ?? `pm-bench-search-${Date.now()}`;
    let db = await openDatabase(dbName);
    try {
      const meetings = Array.from({ length: MEETINGS }, (_, k) => meeting(k));
      const talks = Array.from({ length: TALKS }, (_, k) => talkRecord(k));
      const rects = Array.from({ length: RECTS }, (_, k) => rectRecord(k));
      if (reuse) {
        results.reusedDatabase = reuse;
        expect(await db.searchIndex.count()).toBe(TOTAL);
        results.pendingAtStart = await indexPending(db);
      } else {
        const fillMs = await fill(db, [
          { table: 'meetings', rows: meetings },
          { table: 'talks', rows: talks },
          { table: 'rectifications', rows: rects },
        ]);
        expect(await db.searchIndex.count()).toBe(TOTAL);
        results.fillAllMs = Math.round(fillMs);
        results.fillPerSec = Math.round(TOTAL / (fillMs / 1000));
        // Right after an import every record is pending: search reads them all (still exact).
        const pendingQ = '学习' + POOL[3000] + POOL[3001];
        const [pendingMs, pendingRes] = await timeIt(() => search(db, pendingQ));
        results.searchWhileAllPendingMs = Math.round(pendingMs);
        results.searchWhileAllPendingTotal = pendingRes.total;
        let lastLog = 0;
        const [indexMs, indexed] = await timeIt(() =>
          indexPending(db, {
            onProgress: (n) => {
              if (n - lastLog >= 2500) {
                lastLog = n;
                console.log(`indexed ${n}/${TOTAL} at ${Math.round(performance.now() / 1000)} s`);
              }
            },
          }),
        );
        expect(indexed).toBe(TOTAL);
        expect(await db.searchIndex.where('grams').equals(PENDING_GRAM).count()).toBe(0);
        results.deferredIndexingAllMs = Math.round(indexMs);
        results.deferredIndexingPerSec = Math.round(TOTAL / (indexMs / 1000));
      }

      // Normalised plain texts in memory: the in-memory scan baseline (and the truth for checks).
      const all: { table: SearchTable; rec: RecordOfTable[SearchTable] }[] = [
        ...meetings.map((rec) => ({ table: 'meetings' as const, rec })),
        ...talks.map((rec) => ({ table: 'talks' as const, rec })),
        ...rects.map((rec) => ({ table: 'rectifications' as const, rec })),
      ];
      const texts = all.map(({ table, rec }) => {
        const t = searchText(table, rec);
        return normaliseText(t.plain) + '\u001f' + normaliseText(t.sensitive);
      });
      results.avgTextChars = Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length);

      // Rare queries: cut from one record's own text (tail characters of the pool).
      const sample = normaliseText(searchText('meetings', meetings[Math.floor(MEETINGS / 3)]).plain);
      const rareAt = (n: number) => {
        for (let i = 0; i + n < sample.length; i++) {
          const q = sample.slice(i, i + n);
          if (/^[\u4e00-\u9fa5]+$/.test(q) && !PHRASES.some((p) => q.includes(p))) {
            const count = texts.filter((t) => t.includes(q)).length;
            if (count <= 20) return q;
          }
        }
        throw new Error('no rare query');
      };
      const queries: Record<string, string> = {
        common2: '学习',
        common3: '党组织',
        common4: '政治纪律',
        rare2: rareAt(2),
        rare3: rareAt(3),
        rare4: rareAt(4),
        mixed4: '学习' + POOL[3000] + POOL[3001],
        single: POOL[5],
        punctuationOnly: '。',
      };
      results.queries = queries;

      // Reopen: nothing warm from the fill; the first search builds the catalogue.
      db.close();
      db = await openDatabase(dbName);
      const [coldMs] = await timeIt(() => search(db, '学习'));
      results.firstSearchColdMs = Math.round(coldMs);

      const latency: Record<string, unknown> = {};
      for (const [label, q] of Object.entries(queries)) {
        const xs: number[] = [];
        let last = await search(db, q);
        for (let r = 0; r < RUNS; r++) {
          const [ms, res] = await timeIt(() => search(db, q));
          xs.push(ms);
          last = res;
        }
        // Right answers: the newest exact matches, the same as a scan (plain or sensitive).
        const truth = texts.filter((t) => t.includes(normaliseQuery(q))).length;
        if (last.totalExact) expect(last.total).toBe(truth);
        // Otherwise 约 N: the candidate count (an upper bound) or, for dense matches, a sampled estimate.
        else expect(last.total).toBeGreaterThanOrEqual(Math.floor(truth * 0.85));
        expect(last.hits.length).toBe(Math.min(50, truth));
        const inMem: number[] = [];
        for (let r = 0; r < 5; r++) inMem.push((await timeIt(() => texts.filter((t) => t.includes(q)).length))[0]);
        latency[label] = {
          query: q,
          matches: truth,
          medianMs: round(median(xs)),
          maxMs: round(Math.max(...xs)),
          inMemoryScanMedianMs: round(median(inMem)),
          ratioToInMemoryScan: round(median(xs) / median(inMem)),
        };
      }
      results.latency = latency;

      // Reading every record from IndexedDB and scanning it (what search would cost without an index).
      const scanQ = queries.rare3;
      const [idbMs, idbCount] = await timeIt(async () => {
        let count = 0;
        for (const table of ['meetings', 'talks', 'rectifications'] as const) {
          let after: string | null = null;
          for (;;) {
            const t = db.table(table);
            const page = (await (after === null ? t.orderBy(':id') : t.where(':id').above(after)).limit(5000).toArray()) as RecordOfTable[typeof table][];
            for (const rec of page) {
              const s = searchText<SearchTable>(table, rec);
              if (normaliseText(s.plain).includes(scanQ) || normaliseText(s.sensitive).includes(scanQ)) count++;
            }
            if (page.length < 5000) break;
            after = page[page.length - 1].id;
          }
        }
        return count;
      });
      expect(idbCount).toBe(texts.filter((t) => t.includes(scanQ)).length);
      const rare3 = latency.rare3 as { medianMs: number };
      const common3 = latency.common3 as { medianMs: number };
      Object.assign(results, {
        idbScanAllRecordsMs: Math.round(idbMs),
        ratioRare3ToIdbScan: round(rare3.medianMs / idbMs),
        ratioCommon3ToIdbScan: round(common3.medianMs / idbMs),
      });
    } finally {
      db.close();
      // A reused index stays for the next query-only run.
      if (!reuse) await Dexie.delete(dbName);
    }
  });
});
