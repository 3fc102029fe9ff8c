/**
 * 工作台 benchmark (npm run bench): the checks engine on 100 branches × one year of generated
 * records (≈ 5,700 full meetings with attendance, talks, appraisals, rectification items), and the
 * dashboard's data load from real Chromium IndexedDB. Reports medians (console +
 * bench-results/dashboard.json); target: runChecks < 500 ms. Asserts only that the data is right.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import Dexie from 'dexie';
import { DEFAULT_CHECK_SETTINGS, meetingFacts, runChecks, type ChecksInput } from '../../shared/checks';
import {
  DEFAULT_UNIT_SETTINGS,
  type Appraisal,
  type AttendanceEntry,
  type Meeting,
  type MeetingType,
  type Member,
  type Organisation,
  type Rectification,
  type Talk,
} from '../../shared/model';
import { openDatabase } from '../../renderer/db/database';
import { emptyMeetingFields } from '../../renderer/db/meetings';
import { newTalkFields } from '../../renderer/db/talks';
import { loadChecksInput } from '../../renderer/src/dashboard/loadChecksInput';
import { setBackgroundIndexing } from '../../renderer/db/searchIndexer';

// One thing measured at a time: search grams are derived only where this bench asks (indexPending).
setBackgroundIndexing(false);

const BRANCHES = 100;
const PER_BRANCH = 15;
const YEAR = 2025;
const TODAY = '2026-02-15';
const RUNS = 15;

const pad = (n: number) => String(n).padStart(2, '0');
let n = 0;
const id = (p: string) => `${p}-${String(++n).padStart(10, '0')}`;
const meta = (at: string) => ({ id: id('r'), createdAt: `${at}T02:00:00.000Z`, updatedAt: `${at}T02:00:00.000Z`, rev: 1, vv: { bench: 1 }, changedBy: 'bench', deletedAt: null });

function generate() {
  const orgs: Organisation[] = [];
  const members: Member[] = [];
  const meetings: Meeting[] = [];
  const talks: Talk[] = [];
  const appraisals: Appraisal[] = [];
  const rects: Rectification[] = [];
  const pc: Organisation = { ...meta('2020-01-01'), parentId: null, level: 'party_committee', name: '机关党委', fullName: '机关委员会', order: 0, committee: [] };
  orgs.push(pc);
  for (let b = 0; b < BRANCHES; b++) {
    const branch: Organisation = { ...meta('2020-01-01'), parentId: pc.id, level: 'branch', name: `第${b + 1}党支部`, fullName: `第${b + 1}支部委员会`, order: b, committee: [], termStart: '2024-06-01' };
    const groups: Organisation[] = [0, 1].map((g) => ({ ...meta('2020-01-01'), parentId: branch.id, level: 'group', name: `第${g + 1}党小组`, fullName: `第${g + 1}党小组`, order: g, committee: [] }));
    orgs.push(branch, ...groups);
    const people: Member[] = Array.from({ length: PER_BRANCH }, (_, i) => ({
      ...meta('2020-01-01'),
      name: `党员${b}-${i}`,
      status: i === PER_BRANCH - 1 ? 'probationary' : 'full',
      statusHistory: [],
      standing: 'normal',
      joinDate: i === PER_BRANCH - 1 ? '2025-03-01' : '2010-01-01',
      branchId: branch.id,
      groupId: groups[i % 2].id,
      memberships: [{ branchId: branch.id, groupId: groups[i % 2].id, from: '2015-01-01' }],
      isLeadingCadre: false,
      isMobile: i === 7,
      isLostContact: false,
    }));
    members.push(...people);
    branch.committee = people.slice(0, 5).map((p, k) => ({ memberId: p.id, role: (['secretary', 'deputy_secretary', 'organisation', 'publicity', 'discipline'] as const)[k], from: '2024-06-01' }));
    groups.forEach((g, k) => (g.committee = [{ memberId: people[5 + k].id, role: 'secretary', from: '2024-06-01' }]));
    const att = (type: MeetingType, who: Member[], absent: number): AttendanceEntry[] =>
      who.map((p, i) => ({
        id: id('a'),
        kind: 'member',
        memberId: p.id,
        name: p.name,
        title: '',
        status: p.status,
        standing: 'normal',
        isCommittee: type === 'committee',
        presence: i === absent ? 'leave' : 'present',
        reason: i === absent ? '公出' : '',
      }));
    const meeting = (orgId: string, type: MeetingType, date: string, who: Member[], k: number): Meeting => {
      const m: Meeting = {
        ...emptyMeetingFields(orgId, type, date),
        ...meta(date),
        year: YEAR,
        seq: k + 1,
        place: '会议室',
        chairId: people[0].id,
        chairName: people[0].name,
        recorderId: people[2].id,
        recorderName: people[2].name,
        attendance: att(type, who, k % who.length),
        agenda: [{ id: id('ag'), title: '学习', speeches: [{ id: id('s'), speakerId: null, speakerName: '', content: '学习体会'.repeat(100) }], decisions: [{ id: id('d'), text: '同意', owner: '', vote: null }] }],
        status: 'final',
        finalisedAt: `${date}T05:00:00.000Z`,
        chairSigned: true,
        recorderSigned: true,
      };
      if (type === 'lecture') m.lecture = { lecturerMemberId: people[0].id, lecturer: people[0].name, lecturerTitle: '', topic: '党课', form: '讲授', outline: '' };
      if (type === 'theme_day') m.themeDay = { theme: '主题', activityForm: '学习', alsoCounts: [], agreedItems: '', followUp: '' };
      return m;
    };
    for (let mo = 1; mo <= 12; mo++) {
      if (!(b % 10 === 3 && mo === 5)) meetings.push(meeting(branch.id, 'committee', `${YEAR}-${pad(mo)}-05`, people.slice(0, 5), mo));
      meetings.push(meeting(branch.id, 'theme_day', `${YEAR}-${pad(mo)}-06`, people, mo));
      groups.forEach((g, k) => meetings.push(meeting(g.id, 'group', `${YEAR}-${pad(mo)}-1${k}`, people.filter((_, i) => i % 2 === k), mo)));
      if (mo % 3 === 0) {
        meetings.push(meeting(branch.id, 'general_assembly', `${YEAR}-${pad(mo)}-20`, people, mo));
        if (!(b % 7 === 2 && mo === 6)) meetings.push(meeting(branch.id, 'lecture', `${YEAR}-${pad(mo)}-21`, people, mo));
      }
    }
    const life = meeting(branch.id, 'life_meeting', `${YEAR}-12-18`, people, 1);
    life.life = {
      annualYear: YEAR,
      theme: '年度组织生活会',
      heldAs: 'general_assembly',
      aspects: [],
      preparation: [],
      lastYearReport: '',
      committeeProblems: [],
      committeePaperReady: true,
      participants: people.map((p) => ({ id: id('p'), memberId: p.id, name: p.name, role: 'member', paperReady: true, problems: [], criticisms: [], response: '' })),
      supervisorName: '',
      supervisorTitle: '',
      supervisorRemarks: '',
      enquiries: '',
    };
    meetings.push(life);
    for (let i = 1; i < PER_BRANCH - 1; i++) {
      // The app's own pre-fill (parties from the roster), as a 会前谈心 for this life meeting.
      talks.push({
        ...meta('2025-11-20'),
        ...newTalkFields(branch, people[0], people[i], '2025-11-20'),
        type: 'pre_meeting',
        lifeMeetingId: life.id,
        classification: { level: 'none', years: null },
        status: 'final',
      });
    }
    appraisals.push({
      ...meta('2025-12-18'),
      orgId: branch.id,
      annualYear: YEAR,
      date: '2025-12-18',
      meetingId: life.id,
      entries: people.map((p) => ({
        id: id('e'),
        memberId: p.id,
        name: p.name,
        status: p.status,
        selfAppraisal: '',
        selfDone: true,
        peerComments: [],
        shouldRate: PER_BRANCH,
        didRate: PER_BRANCH,
        votes: { excellent: 0, qualified: PER_BRANCH, basic: 0, unqualified: 0 },
        finalGrade: p.status === 'full' ? 'qualified' : null,
        gradeReason: '',
        feedbackBy: '',
        followUp: '',
      })),
      committeeRating: [],
      classification: { level: 'none', years: null },
      status: 'final',
    });
    for (let k = 0; k < 5; k++) {
      rects.push({
        ...meta('2025-12-20'),
        orgId: branch.id,
        annualYear: YEAR,
        listKind: 'team',
        personId: null,
        personName: '',
        source: 'self_review',
        category: '',
        problem: `问题${k}`,
        measures: '',
        target: '',
        ownerId: people[0].id,
        ownerName: people[0].name,
        leaderName: '',
        department: '',
        raisedDate: '2025-12-20',
        deadlineKind: 'by_date',
        deadline: k === 0 ? '2026-01-31' : '2026-06-30',
        progress: [],
        status: 'in_progress',
        closedBy: '',
        evidence: '',
        closedWithoutEvidence: false,
        publicity: '',
        origin: { meetingId: null, participantId: null, problemId: null, criticismId: null, talkId: null },
        carriedFromId: null,
      });
    }
  }
  return { orgs, members, meetings, talks, appraisals, rects };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const results: Record<string, unknown> = {};

describe('工作台 benchmark', () => {
  const data = generate();
  const input: ChecksInput = {
    year: YEAR,
    organisations: data.orgs,
    members: data.members,
    meetings: data.meetings.map(meetingFacts),
    talks: data.talks,
    appraisals: data.appraisals,
    rectifications: data.rects,
    unit: DEFAULT_UNIT_SETTINGS,
  };

  it('runChecks: 100 branches × one year', () => {
    const times: number[] = [];
    let r = runChecks(input, DEFAULT_CHECK_SETTINGS, TODAY);
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      r = runChecks(input, DEFAULT_CHECK_SETTINGS, TODAY);
      times.push(performance.now() - t0);
    }
    // The planted gaps are found: 10 branches without May 支委会, 14 without a Q2 党课.
    const overdue = r.cells.filter((c) => c.state === 'overdue');
    expect(overdue.filter((c) => c.obligation === 'committee' && c.period === '2025-05')).toHaveLength(10);
    expect(overdue.filter((c) => c.obligation === 'lecture' && c.period === '2025-Q2')).toHaveLength(14);
    expect(r.findings.filter((f) => f.code === 'RECTIFICATION_OVERDUE')).toHaveLength(BRANCHES);
    results.runChecks = {
      branches: BRANCHES,
      meetings: data.meetings.length,
      members: data.members.length,
      talks: data.talks.length,
      cells: r.cells.length,
      findings: r.findings.length,
      medianMs: Math.round(median(times) * 10) / 10,
      minMs: Math.round(Math.min(...times) * 10) / 10,
      maxMs: Math.round(Math.max(...times) * 10) / 10,
      runs: RUNS,
    };
    console.log('runChecks', results.runChecks);
  });

  const LOAD_RUNS = 11;
  it('dashboard data load from IndexedDB (grid pass and complete pass) + runChecks', async () => {
    const name = `pm-bench-dashboard-${Date.now()}`;
    const db = await openDatabase(name);
    try {
      await db.transaction('rw', [db.organisations, db.members, db.meetings, db.talks, db.appraisals, db.rectifications], async () => {
        await db.organisations.bulkPut(data.orgs);
        await db.members.bulkPut(data.members);
        await db.meetings.bulkPut(data.meetings);
        await db.talks.bulkPut(data.talks);
        await db.appraisals.bulkPut(data.appraisals);
        await db.rectifications.bulkPut(data.rects);
      });
      const grid: number[] = [];
      const all: number[] = [];
      let loaded = await loadChecksInput(db, YEAR, 'all', TODAY);
      for (let i = 0; i < LOAD_RUNS; i++) {
        let t0 = performance.now();
        const g = await loadChecksInput(db, YEAR, 'grid', TODAY);
        runChecks(g.input, g.settings, TODAY);
        grid.push(performance.now() - t0);
        t0 = performance.now();
        loaded = await loadChecksInput(db, YEAR, 'all', TODAY);
        runChecks(loaded.input, loaded.settings, TODAY);
        all.push(performance.now() - t0);
      }
      expect(loaded.input.meetings.length).toBe(data.meetings.length);
      results.load = {
        gridPassMedianMs: Math.round(median(grid)),
        completePassMedianMs: Math.round(median(all)),
        runs: LOAD_RUNS,
      };
      console.log('load', results.load);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });

  afterAll(async () => {
    await commands.writeFile('bench-results/dashboard.json', JSON.stringify({ at: new Date().toISOString(), ...results }, null, 2) + '\n');
  });
});
