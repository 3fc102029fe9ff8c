/**
 * Database benchmark (npm run bench): 50,000 realistic meetings in real Chromium IndexedDB.
 * Reports numbers (console + bench-results/db.json); asserts only that the data is right.
 * Targets: repository bulk import ≤ 1.5× raw bulkPut; list page + total < 100 ms; one meeting < 30 ms.
 * Autosave: median saveMeeting (one real change per save) on a typical and a very large record.
 */
import Dexie from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { openDatabase, SCHEMA_V1, type PartyMinutesDB } from '../../renderer/db/database';
import { indexPending, setBackgroundIndexing } from '../../renderer/db/searchIndexer';
import { listMeetings } from '../../renderer/db/meetingList';
import { bulkImportMeetings, createMeeting, emptyMeetingFields, getMeeting, saveMeeting, type BulkMeetingInput } from '../../renderer/db/meetings';
import { createOrganisation } from '../../renderer/db/organisations';
import { stampMeta } from '../../renderer/db/meta';
import type { AgendaItem, AttendanceEntry, Meeting, MeetingType } from '../../shared/model';

// One thing measured at a time: search grams are derived only where this bench asks (indexPending).
setBackgroundIndexing(false);

const TOTAL = 50_000;
const CHUNK = 5_000;
const ORGS = 50;
const YEARS = 20; // 2006–2025: ORGS × YEARS × 50 = 50,000
const PER_ORG_YEAR = TOTAL / (ORGS * YEARS);
const RUNS = 21;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = ['建国', '秀英', '伟', '静', '磊', '丽', '晓东', '敏', '海涛', '红', '峰', '晓燕', '俊', '建华', '晓明', '婷', '志强', '佳', '堃', '文涛'];
const SENTENCES = [
  '要把学习成果转化为做好本职工作的实际行动，在预算编制、资金监管等工作中严格执行财经纪律。',
  '结合本处室工作，今后将在提高办文办事效率、改进服务方式上下功夫。',
  '要严守政治纪律和政治规矩，不折不扣落实上级党组织的各项部署。',
  '对照党章党规，自己在理论学习的系统性上还有差距，今后将制定个人学习计划并抓好落实。',
];
const TYPES: MeetingType[] = ['committee', 'theme_day', 'general_assembly', 'lecture'];

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
const rand = rng(20250101);
const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rand() * xs.length)] as T;
const uuid = () => crypto.randomUUID();
const orgIds = Array.from({ length: ORGS }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

/** Meeting number k (0-based): org = k mod ORGS cycle, 50 per org-year, realistic body (~4 KB). */
function meetingInput(k: number): BulkMeetingInput {
  const org = orgIds[Math.floor(k / (YEARS * PER_ORG_YEAR))];
  const within = k % (YEARS * PER_ORG_YEAR);
  const year = 2006 + Math.floor(within / PER_ORG_YEAR);
  const n = within % PER_ORG_YEAR;
  const type = TYPES[n % TYPES.length];
  const date = `${year}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
  const attendance: AttendanceEntry[] = Array.from({ length: 15 }, (_, i) => ({
    id: uuid(),
    kind: 'member',
    memberId: uuid(),
    name: pick<string>(SURNAMES) + pick(GIVEN),
    title: i === 0 ? '书记' : '一级主任科员',
    status: i === 14 ? 'probationary' : 'full',
    standing: 'normal',
    isCommittee: i < 3,
    presence: i === 13 ? 'leave' : 'present',
    reason: i === 13 ? '公出' : '',
  }));
  const agenda: AgendaItem[] = [0, 1].map((j) => ({
    id: uuid(),
    title: j === 0 ? '学习上级党组织近期会议精神' : '研究本月主题党日活动安排',
    speeches: [0, 1, 2].map(() => ({ id: uuid(), speakerId: null, speakerName: attendance[Math.floor(rand() * 15)].name, content: pick(SENTENCES) + pick(SENTENCES) })),
    decisions: [{ id: uuid(), text: '按照会议讨论意见抓好落实。', owner: attendance[1].name, vote: null }],
  }));
  return {
    ...emptyMeetingFields(org, type, date),
    id: uuid(),
    seq: Math.floor(n / TYPES.length) + 1,
    startTime: '09:00',
    endTime: '10:30',
    place: '局机关三楼第一会议室',
    chairName: attendance[0].name,
    chairTitle: '支部书记',
    recorderName: attendance[1].name,
    attendance,
    agenda,
    summary: pick(SENTENCES),
    status: rand() < 0.9 ? 'final' : 'draft',
    finalisedAt: null,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const round = (x: number) => Math.round(x * 10) / 10;

async function timeIt<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

/** A record as the editor saves it: 200 attendees and six 50,000-character speeches (~300,000 characters). */
function largeRecord(base: Meeting): Meeting {
  const attendance: AttendanceEntry[] = Array.from({ length: 200 }, (_, i) => ({
    id: uuid(),
    kind: 'member',
    memberId: uuid(),
    name: pick<string>(SURNAMES) + pick(GIVEN),
    title: '一级主任科员',
    status: 'full',
    standing: 'normal',
    isCommittee: i < 5,
    presence: i % 20 === 0 ? 'leave' : 'present',
    reason: i % 20 === 0 ? '公出' : '',
  }));
  // Built sentence by sentence, like pasted or typed text (not one repeated flat string).
  const speech = () => {
    let s = '';
    while (s.length < 50_000) s += pick(SENTENCES);
    return s.slice(0, 50_000);
  };
  const agenda: AgendaItem[] = [0, 1, 2].map((j) => ({
    id: uuid(),
    title: `议题${j + 1}`,
    speeches: [0, 1].map((k) => ({ id: uuid(), speakerId: null, speakerName: attendance[j * 2 + k].name, content: speech() })),
    decisions: [{ id: uuid(), text: '按照会议讨论意见抓好落实。', owner: attendance[1].name, vote: null }],
  }));
  return { ...base, attendance, agenda, summary: pick(SENTENCES) };
}

const results: Record<string, number | string> = { meetings: TOTAL, chunk: CHUNK, userAgent: navigator.userAgent };

afterAll(async () => {
  const table = Object.entries(results)
    .map(([k, v]) => `${k.padEnd(40)} ${v}`)
    .join('\n');
  console.log(`\nDB benchmark (Chromium IndexedDB)\n${table}\n`);
  console.log(JSON.stringify(results));
  await commands.writeFile('bench-results/db.json', JSON.stringify({ at: new Date().toISOString(), ...results }, null, 2) + '\n');
});

describe('database benchmark (50,000 meetings)', () => {
  it('autosaves a typical and a very large record', async () => {
    const name = `pm-bench-save-${Date.now()}`;
    const db = await openDatabase(name);
    try {
      const pc = await createOrganisation(db, { parentId: null, level: 'party_committee', name: '机关党委', fullName: '中共××市财政局机关委员会' });
      const branch = await createOrganisation(db, { parentId: pc.id, level: 'branch', name: '第一党支部', fullName: '中共××市财政局机关第一支部委员会' });
      // Typical: the benchmark's ordinary record (15 attendees, 2 agenda items, ~5.7 KB).
      const t = meetingInput(0);
      const typicalBase = await createMeeting(db, { orgId: branch.id, type: 'committee', date: t.date, attendance: [] });
      const { place, startTime, endTime, chairName, chairTitle, recorderName, attendance, agenda, summary } = t;
      const typical0 = await saveMeeting(db, { ...typicalBase, place, startTime, endTime, chairName, chairTitle, recorderName, attendance, agenda, summary });
      const large0 = await saveMeeting(db, largeRecord(await createMeeting(db, { orgId: branch.id, type: 'general_assembly', date: '2025-03-20', attendance: [] })));
      results.largeRecordChars = JSON.stringify(large0).length;
      // Each save makes one real change, as the editor does: a presence click or a keystroke.
      const timeSaves = async (start: Meeting, edit: (m: Meeting, r: number) => Meeting) => {
        let cur = start;
        const xs: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          const next = edit(cur, r);
          const [ms, saved] = await timeIt(() => saveMeeting(db, next));
          xs.push(ms);
          expect(saved.rev).toBe(cur.rev + 1);
          cur = saved;
        }
        const [unchangedMs, same] = await timeIt(() => saveMeeting(db, { ...cur }));
        expect(same.rev).toBe(cur.rev);
        return { median: median(xs), max: Math.max(...xs), unchanged: unchangedMs };
      };
      const presence = (m: Meeting, r: number): Meeting => ({
        ...m,
        attendance: m.attendance.map((a, i) => (i === 1 + (r % (m.attendance.length - 1)) ? { ...a, presence: a.presence === 'present' ? 'absent' : 'present', reason: '' } : a)),
      });
      const keystroke = (m: Meeting, r: number): Meeting => ({
        ...m,
        agenda: m.agenda.map((a, j) =>
          j === m.agenda.length - 1 ? { ...a, speeches: a.speeches.map((s, k) => (k === a.speeches.length - 1 ? { ...s, content: s.content + '改'.repeat(r % 2) } : s)) } : a,
        ),
        summary: m.summary + '。',
      });
      const tp = await timeSaves(typical0, presence);
      const tk = await timeSaves((await getMeeting(db, typical0.id))!, keystroke);
      const lp = await timeSaves(large0, presence);
      const lk = await timeSaves((await getMeeting(db, large0.id))!, keystroke);
      // The search grams are derived after saves (renderer/db/searchIndexer.ts: once typing pauses,
      // at most every 5 s while it goes on). Cost of indexing the large record, and of the next
      // keystroke save, which replaces its gram row with a pending one.
      const indexXs: number[] = [];
      const saveAfterIndexXs: number[] = [];
      let cur = (await getMeeting(db, large0.id))!;
      for (let r = 0; r < 7; r++) {
        indexXs.push((await timeIt(() => indexPending(db)))[0]);
        const [ms, saved] = await timeIt(() => saveMeeting(db, keystroke(cur, r)));
        saveAfterIndexXs.push(ms);
        cur = saved;
      }
      await indexPending(db);
      results.largeRecordGrams = (await db.searchIndex.get(`meetings:${large0.id}`))!.grams.length;
      Object.assign(results, {
        indexLargeRecordMedianMs: round(median(indexXs)),
        saveLargeKeystrokeAfterIndexedMedianMs: round(median(saveAfterIndexXs)),
        saveTypicalPresenceMedianMs: round(tp.median),
        saveTypicalKeystrokeMedianMs: round(tk.median),
        saveTypicalUnchangedMs: round(tp.unchanged),
        saveLargePresenceMedianMs: round(lp.median),
        saveLargePresenceMaxMs: round(lp.max),
        saveLargeKeystrokeMedianMs: round(lk.median),
        saveLargeKeystrokeMaxMs: round(lk.max),
        saveLargeUnchangedMs: round(lk.unchanged),
      });
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });

  it('imports, lists and loads', async () => {
    const names = { repo: `pm-bench-repo-${Date.now()}`, raw: `pm-bench-raw-${Date.now()}`, rawIdx: `pm-bench-rawidx-${Date.now()}` };
    let db: PartyMinutesDB | undefined;
    const raw = new Dexie(names.raw);
    raw.version(1).stores(SCHEMA_V1);
    let rawIdx: PartyMinutesDB | undefined;
    try {
      db = await openDatabase(names.repo);
      rawIdx = await openDatabase(names.rawIdx);
      await raw.open();
      let repoMs = 0;
      let rawMs = 0;
      let rawIdxMs = 0;
      let bytes = 0;
      for (let c = 0; c < TOTAL / CHUNK; c++) {
        const inputs = Array.from({ length: CHUNK }, (_, i) => meetingInput(c * CHUNK + i));
        const now = new Date().toISOString();
        // The same rows, already stamped, for the raw comparison (not timed).
        const stamped: Meeting[] = inputs.map(({ id, ...f }) => ({ ...f, ...stampMeta(undefined, 'bench-installation', now, id) }));
        if (c === 0) bytes = JSON.stringify(stamped[0]).length;
        // Alternate the order so neither side always writes first.
        const runRepo = async () => (repoMs += (await timeIt(() => bulkImportMeetings(db!, inputs)))[0]);
        const runRaw = async () => (rawMs += (await timeIt(() => raw.transaction('rw', raw.table('meetings'), () => raw.table('meetings').bulkPut(stamped))))[0]);
        const runRawIdx = async () =>
          (rawIdxMs += (await timeIt(() => rawIdx!.transaction('rw', rawIdx!.meetings, () => rawIdx!.meetings.bulkPut(stamped))))[0]);
        const order = c % 2 === 0 ? [runRepo, runRaw, runRawIdx] : [runRawIdx, runRaw, runRepo];
        for (const f of order) await f();
      }
      expect(await db.meetings.count()).toBe(TOTAL);
      expect(await db.meetingIndex.count()).toBe(TOTAL);
      expect(await raw.table('meetings').count()).toBe(TOTAL);
      Object.assign(results, {
        recordBytesJson: bytes,
        importRepoMs: Math.round(repoMs),
        importRepoPerSec: Math.round(TOTAL / (repoMs / 1000)),
        importRawBulkPutMs: Math.round(rawMs),
        importRawBulkPutWithProjectionMs: Math.round(rawIdxMs),
        ratioRepoToRawBulkPut: Math.round((repoMs / rawMs) * 100) / 100,
        ratioRepoToRawWithProjection: Math.round((repoMs / rawIdxMs) * 100) / 100,
      });
      raw.close();
      await Dexie.delete(names.raw);
      rawIdx.close();
      await Dexie.delete(names.rawIdx);

      // Reopen so nothing is warm from the import.
      db.close();
      db = await openDatabase(names.repo);

      const list: number[] = [];
      const listDesc: number[] = [];
      const listDraftAll: number[] = [];
      const load: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const org = orgIds[Math.floor(rand() * ORGS)];
        const year = 2006 + Math.floor(rand() * YEARS);
        const [ms, page] = await timeIt(() => listMeetings(db!, { orgId: org, period: { year } }, { offset: 0, limit: 50 }));
        list.push(ms);
        expect(page.total).toBe(PER_ORG_YEAR);
        expect(page.rows).toHaveLength(50);
        expect(page.rows.every((x) => x.orgId === org && x.year === year)).toBe(true);
        expect(page.rows.map((x) => x.date)).toEqual([...page.rows.map((x) => x.date)].sort().reverse());

        const [ms2, page2] = await timeIt(() => listMeetings(db!, { orgId: orgIds[0] === org ? orgIds[1] : orgIds[0] }, { offset: 0, limit: 50 }));
        listDesc.push(ms2);
        expect(page2.total).toBe(YEARS * PER_ORG_YEAR);

        const id = page.rows[r % 50].id;
        const [ms3, m] = await timeIt(() => getMeeting(db!, id));
        load.push(ms3);
        expect(m?.id).toBe(id);
        expect(m?.attendance).toHaveLength(15);
      }
      // Heavier query types: all 50 organisations at once (first page), and a status filter over everything.
      const allOrgs: number[] = [];
      for (let r = 0; r < 5; r++) {
        const [ms, page] = await timeIt(() => listMeetings(db!, {}, { offset: 0, limit: 50 }));
        allOrgs.push(ms);
        expect(page.total).toBe(TOTAL);
        const [ms4, drafts] = await timeIt(() => listMeetings(db!, { status: 'draft' }, { offset: 0, limit: 50 }));
        listDraftAll.push(ms4);
        expect(drafts.rows.every((x) => x.status === 'draft')).toBe(true);
      }
      Object.assign(results, {
        listOrgYearFirstPageMedianMs: round(median(list)),
        listOrgYearFirstPageMaxMs: round(Math.max(...list)),
        listOrgAllYearsFirstPageMedianMs: round(median(listDesc)),
        listEverythingFirstPageMedianMs: round(median(allOrgs)),
        listStatusFilterOverAllMedianMs: round(median(listDraftAll)),
        loadOneMeetingMedianMs: round(median(load)),
        loadOneMeetingMaxMs: round(Math.max(...load)),
        runs: RUNS,
      });
    } finally {
      db?.close();
      raw.close();
      rawIdx?.close();
      await Promise.all(Object.values(names).map((n) => Dexie.delete(n)));
    }
  });
});
