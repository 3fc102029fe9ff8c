/**
 * 台账合订本 rendered by LibreOffice (design §4): the contents page lists every record (meetings, two
 * talks, a 测评汇总表, a 整改台账) with the page it starts on, page numbers run on without a restart
 * after the unnumbered cover and sit below the text block on landscape pages too, every record is
 * there in date order, and the appendix comes last.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_PROFILE as P } from '../../../shared/model/documentProfile';
import { ledgerPageEstimator } from '../../../shared/word/bookPages';
import { appraisalEntry, rectificationEntries, talkEntry } from '../../../shared/word/bookRecords';
import { buildLedgerBook, entryHeading, meetingEntry, sortEntries, type BookEntry } from '../../../shared/word/ledgerBook';
import { toDocxBytes } from '../../../shared/word';
import { classified, committeeMeeting, generalAssemblyMeeting, lectureMeeting, longSpeechMeeting, ORG, themeDayMeeting } from '../../fixtures/word/meetings';
import { appraisal, rectification, talk } from '../../fixtures/word/lifeMeetings';
import { convertToPdf, pdfLayoutText, pdfLines, renderPng, TMP, type PdfPage } from '../../tools/word';

const DIR = join(TMP, 'ledger-book');
const PNG = join(TMP, 'shots', 'ledger-book');
const PT = 1 / 20;
const TEXT_BOTTOM = (16838 - 1984) * PT;
/** Bottom of the landscape 版心: the sheet turned, the 26 mm margin at the bottom. */
const LANDSCAPE_TEXT_BOTTOM = (11906 - 1474) * PT;

let pages: PdfPage[] = [];
let text: string[] = [];
let entries: BookEntry[] = [];

const flat = (s: string) => s.replace(/\s/g, '');

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  mkdirSync(PNG, { recursive: true });
  const opts = { profile: P, draft: false, layout: 'gongwen' as const };
  const meetings = [
    { ...themeDayMeeting(), date: '2025-05-20', seq: 5 },
    { ...classified(committeeMeeting(), 'confidential', 10), date: '2025-01-10', seq: 1 },
    { ...longSpeechMeeting(3), date: '2025-03-15', seq: 1 },
    { ...lectureMeeting(), date: '2025-02-12', seq: 1 },
    { ...generalAssemblyMeeting(), date: '2025-03-15', seq: 2 },
  ];
  entries = meetings.map((m) => meetingEntry(m, ORG, opts));
  entries.push(meetingEntry({ ...committeeMeeting(), date: '2025-06-30', seq: 6 }, ORG, { ...opts, layout: 'table' }));
  // Two talks (one on a day with two meetings: it comes first, as the meetings are numbered), the
  // 测评汇总表 of the 2024年度 民主评议 held in January (landscape, between portrait records) and the
  // 2024年度 整改台账 worked on in 2025 (landscape, dated at the period end). The 2025年度 items were
  // raised in 2026: not in this book.
  const rec = { profile: P };
  // (docx's page estimate for the contents can miss by one page when a form ends within a line or
  // two of a page end; these forms end well inside their last page.)
  const points = '通报支部组织生活会的主题和会前准备安排。';
  entries.push(talkEntry(talk({ id: 'talk-a', date: '2025-03-15', startTime: '08:30', interviewerPoints: points }), ORG, rec));
  entries.push(talkEntry(talk({ id: 'talk-b', date: '2025-06-03', type: 'five_musts', fiveMust: 'family_difficulty', theme: '了解家庭困难情况', interviewerPoints: points }), ORG, rec));
  entries.push(appraisalEntry(appraisal({ annualYear: 2024, date: '2025-01-20' }), ORG, rec));
  const progress = [{ id: 'pg-2025-1', date: '2025-03-01', text: '已组织专题学习 2 次，整改推进中。' }];
  const items = [
    ...['政治纪律', '组织纪律', '工作纪律'].map((category) => rectification({ annualYear: 2024, raisedDate: '2025-01-20', category, deadline: '2025-06-30', progress })),
    rectification({ annualYear: 2024, raisedDate: '2025-01-20', listKind: 'personal', personName: '刘洋', ownerName: '刘洋', deadlineKind: 'ongoing', deadline: undefined }),
    rectification(),
  ];
  const ledgers = rectificationEntries(items, ORG, { year: 2025 }, '2026-01-05', rec);
  expect(ledgers).toHaveLength(1);
  entries.push(...ledgers);
  const doc = buildLedgerBook({
    org: ORG,
    period: { year: 2025 },
    unitName: '××市财政局',
    profile: P,
    entries,
    findings: [
      { severity: 'error', check: '支委会每月至少召开 1 次', message: '2025年4月未召开支部委员会会议', where: '2025年4月' },
      { severity: 'warning', check: '会后 3 个工作日内录入', message: '记录在会后第 9 个工作日才录入（补录）', where: '2025年第1次党课' },
    ],
    compiledOn: '2026-01-05',
    pageNumbers: ledgerPageEstimator(),
  });
  const file = join(DIR, 'book.docx');
  writeFileSync(file, await toDocxBytes(doc));
  const [pdf] = convertToPdf([file], join(DIR, 'pdf'));
  pages = pdfLines(pdf);
  text = pdfLayoutText(pdf);
  renderPng(pdf, join(PNG, 'book'), [1, pages.length], 60);
  writeFileSync(join(DIR, 'pages.txt'), text.map((t, i) => `=== ${i + 1} (${pages[i].width}x${pages[i].height})\n${t}`).join('\n'));
}, 180_000);

describe('台账合订本 in LibreOffice', () => {
  it('the cover has no page number; every later page is numbered 1, 2, 3 … without a restart, landscape pages too', () => {
    // Footers sit below the 版心, on landscape pages too (in their 26 mm bottom margin).
    const footer = (p: PdfPage) => {
      const bottom = p.width > p.height ? LANDSCAPE_TEXT_BOTTOM : TEXT_BOTTOM + 2;
      return p.lines.filter((l) => l.yMin > bottom).map((l) => flat(l.text)).join('|');
    };
    const landscape = pages.filter((p) => p.width > p.height);
    expect(landscape.length).toBeGreaterThanOrEqual(2);
    // Nothing but the page number below the landscape 版心, and the number is not up in the table.
    for (const p of landscape) {
      const number = p.lines.filter((l) => /^—\d+—$/.test(flat(l.text)));
      expect(number).toHaveLength(1);
      expect(number[0].yMin, 'landscape page number below the text block').toBeGreaterThan(LANDSCAPE_TEXT_BOTTOM);
      expect(number[0].yMax).toBeLessThan(p.height);
    }
    expect(footer(pages[0])).toBe('');
    pages.slice(1).forEach((p, i) => expect(footer(p), `page ${i + 2}`).toBe(`—${i + 1}—`));
  });

  it('the cover carries the strictest marking, the organisation, the period and the number of records', () => {
    const cover = flat(text[0]);
    expect(cover).toContain('机密★10年');
    expect(cover).toContain(flat(ORG.fullName));
    expect(cover).toContain('2025年度');
    expect(cover).toContain('党建工作台账合订本');
    expect(cover).toContain('共收录记录10份');
    expect(cover).toContain('填报单位：××市财政局');
  });

  it('the contents page lists every record, in date order, with the page its 条目 is on', () => {
    const contents = text[1].split('\n').map(flat).filter(Boolean);
    expect(contents[0]).toBe('目录');
    const sorted = sortEntries(entries);
    const headings = sorted.map((e, i) => flat(entryHeading(e, i)));
    const pageOf = (heading: string) => text.findIndex((t, k) => k > 1 && t.split('\n').some((l) => flat(l) === heading));
    for (const h of headings) {
      const line = contents.find((l) => l.startsWith(h));
      expect(line, `contents entry ${h}`).toBeDefined();
      const printed = Number(/(\d+)$/.exec(line!)?.[1]);
      // Page numbers start at 1 on the contents page (PDF page 2).
      expect(printed, h).toBe(pageOf(h));
    }
    expect(contents.some((l) => l.includes('附件') && l.includes('检查结果'))).toBe(true);
  });

  it('every record is there, in date order, each starting on its own page with its own title', () => {
    const sorted = sortEntries(entries);
    const starts = sorted.map((e, i) => text.findIndex((t, k) => k > 1 && flat(t).startsWith(flat(entryHeading(e, i)))));
    expect(starts.every((s) => s > 1)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(new Set(starts).size).toBe(starts.length);
    expect(sorted.map((e) => e.date)).toEqual([
      '2025-01-10',
      '2025-01-20',
      '2025-02-12',
      '2025-03-15',
      '2025-03-15',
      '2025-03-15',
      '2025-05-20',
      '2025-06-03',
      '2025-06-30',
      '2025-12-31',
    ]);
    // The record itself follows its 条目: the minutes title (split after the organisation name).
    expect(flat(text[starts[0]])).toContain('2025年第1次支部委员会会议记录');
    expect(flat(text[starts[8]])).toContain('会议名称');
    // The talks: the whole form, contents included (the book is the official record).
    const record = (k: number) => flat(text.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : text.length - 1).join(''));
    for (const k of [3, 7]) {
      expect(sorted[k].label).toBe('谈心谈话记录表（王建国与刘洋）');
      for (const piece of ['谈心谈话记录表', '谈话时间', '谈话地点', '谈话类型', '虚心接受，认真整改。', '协调解决子女入学咨询', '谈话对象签字']) expect(record(k)).toContain(piece);
    }
    expect(record(3)).toContain('通报支部组织生活会的主题和会前准备安排。');
    expect(flat(text[starts[3]])).toContain('2025年3月15日');
    expect(flat(text[starts[7]])).toContain('家庭困难');
    // The 测评汇总表 and the 整改台账 on landscape pages, with their tables.
    expect(pages[starts[1]].width).toBeGreaterThan(pages[starts[1]].height);
    expect(flat(text[starts[1]])).toContain('2024年度民主评议党员测评汇总表');
    for (const piece of ['测评日期：2025年1月20日', '王建国', '冯晓', '参评不', '合计', '评定结果：']) expect(record(1)).toContain(piece);
    expect(pages[starts[9]].width).toBeGreaterThan(pages[starts[9]].height);
    expect(flat(text[starts[9]])).toContain('2024年度整改台账');
    expect(flat(text[starts[9]])).toContain('截至2025年12月31日，共4项');
    expect(flat(text[starts[9]])).toContain('问题表现');
    // The portrait record after the 测评汇总表 is on a portrait page again.
    expect(pages[starts[2]].width).toBeLessThan(pages[starts[2]].height);
  });

  it('the appendix is last, with the findings', () => {
    const last = flat(text[text.length - 1]);
    expect(last).toContain('2025年度组织生活检查结果');
    // Table cells wrap; the pieces of each finding are on the page.
    for (const piece of ['支委会每月至少', '2025年4月未召开支部', '问题', '提醒', '才录入']) expect(last).toContain(piece);
    expect(last).toContain('本期共发现问题1项、提醒1项');
  });
});
