/**
 * 台账合订本 (issue #6): one .docx binding every record of one organisation for a quarter or a year.
 *
 * - 封面 (section 1, no page number): marking (the strictest of the records), organisation 全称,
 *   period, 填报单位, number of records.
 * - 目录: a real TOC field (Word / WPS rebuild it: updateFields asks on opening) whose entries are
 *   written into the file already, with page numbers worked out by docx's layout estimate, because
 *   LibreOffice (and a reader that never updates fields) shows the field as written.
 * - every record in date order, each starting on a new page with a one-line 条目 heading (outline
 *   level 1, what the TOC collects), then the record exactly as its own export prints it: meetings
 *   (meetingEntry), 谈心谈话记录表, 民主评议测评汇总表 and 整改台账 (bookRecords.ts).
 * - 附件: the period's check results.
 * Page numbers run on from 1 on the contents page to the end, never restarting: one section chain
 * (portrait; landscape ledgers get their own sections, whose footer distance keeps the number below
 * their shorter 版心, document.ts sectionPage) with the same odd/even "— N —" footers.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LeaderType,
  Paragraph,
  SectionType,
  TableOfContents,
  type FileChild,
  type IParagraphStyleOptions,
  type ISectionOptions,
  type PageNumberEstimator,
} from 'docx';
import type { Classification } from '../model';
import type { DocumentLayout, DocumentProfile } from '../model/documentProfile';
import { FONT_SETS } from '../model/documentProfile';
import { formatChineseDate, formatRunningNumber } from '../format';
import { MEETING_TYPE_LABELS, type Meeting } from '../model';
import { resolvedOrgName, type OrgForWord } from './content';
import { sectionPage } from './document';
import { gongwenMinutesBody, type MinutesOptions } from './gongwen';
import { tableMinutesBody } from './tableLayout';
import { LINE_PITCH, SZ_3HAO, SZ_XIAO4, TABLE_WIDTH } from './page';
import { markingOf, strictestClassification } from './recordCommon';
import { ledgerCell, ledgerLabel } from './ledgerTable';
import { fixedTable, type RowSpec } from './tables';
import { oneLine } from './text';
import { documentStyles, emptyPara, fontOf, markingParas, pageNumberFooters, plain, STYLE } from './typography';

/** Style ids of the book's own paragraphs (added to the GB/T 9704 styles of documentStyles). */
export const BOOK_STYLE = {
  /** 条目: the heading each record starts with; Heading1 so Word's, WPS's and docx's TOC collect it. */
  entry: 'Heading1',
  toc: 'TOC1',
  coverTitle: 'BookCoverTitle',
  coverLine: 'BookCoverLine',
} as const;

export interface BookPeriod {
  year: number;
  /** 1–4 for a quarter; omitted for the whole year. */
  quarter?: 1 | 2 | 3 | 4;
}

const Q = ['一', '二', '三', '四'];
export function periodLabel(p: BookPeriod): string {
  return p.quarter ? `${p.year}年第${Q[p.quarter - 1]}季度` : `${p.year}年度`;
}
export function periodRange(p: BookPeriod): { from: string; to: string } {
  if (!p.quarter) return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
  const m0 = (p.quarter - 1) * 3 + 1;
  const last = new Date(Date.UTC(p.year, m0 + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${p.year}-${pad(m0)}-01`, to: `${p.year}-${pad(m0 + 2)}-${pad(last)}` };
}

/** One record of the book: where it goes, what its 条目 says, and its paragraphs (built lazily). */
export interface BookEntry {
  /** yyyy-mm-dd: the book is in date order (then `order`). */
  date: string;
  /** Same date: by this (meetings: their running number; a ledger dated at the period end: last), then `time`. */
  order?: number;
  /** hh:mm, same date and order (talks of one day in the order they were held). */
  time?: string;
  /** 支部委员会会议记录（2025年第3次） */
  label: string;
  classification: Classification;
  draft: boolean;
  landscape?: boolean;
  body: () => FileChild[];
}

export interface AppendixFinding {
  /** 问题 / 提醒 */
  severity: 'error' | 'warning' | 'info';
  /** 检查项: 支委会每月至少召开 1 次 */
  check: string;
  /** 情况说明: 2025年3月未召开支委会 */
  message: string;
  /** 涉及时段或记录: 2025年3月 / 2025年第3次支委会 */
  where?: string;
}

export interface LedgerBookOptions {
  org: OrgForWord;
  period: BookPeriod;
  /** 填报单位 on the cover (UnitSettings.unitName); omitted when empty. */
  unitName: string;
  profile: DocumentProfile;
  nonSecretMarking?: string;
  entries: readonly BookEntry[];
  /** The period's check results (附件); null leaves the appendix out, [] prints 未发现问题. */
  findings: readonly AppendixFinding[] | null;
  /** Compilation date on the cover (yyyy-mm-dd). */
  compiledOn: string;
  /** Works out the TOC's page numbers (see ledgerPageEstimator); without it they are left for Word to fill. */
  pageNumbers?: PageNumberEstimator;
  /** Called after each record's paragraphs are built (progress; a worker posts it on). */
  onProgress?: (done: number, total: number, label: string) => void;
}

export function bookTitle(org: OrgForWord, period: BookPeriod, profile: DocumentProfile): string {
  return `${resolvedOrgName(org, profile)}${periodLabel(period)}党建工作台账合订本`;
}

/** A meeting as a book entry, in the chosen layout (公文版式 / 表格式). */
export function meetingEntry(meeting: Meeting, org: OrgForWord, opts: MinutesOptions & { layout: DocumentLayout }): BookEntry {
  return {
    date: meeting.date,
    order: meeting.seq,
    label: `${MEETING_TYPE_LABELS[meeting.type]}记录（${formatRunningNumber(meeting.year, meeting.seq)}）`,
    classification: meeting.classification,
    draft: meeting.status !== 'final',
    body: () => (opts.layout === 'table' ? tableMinutesBody(meeting, org, opts) : gongwenMinutesBody(meeting, org, opts)).children,
  };
}

export function sortEntries(entries: readonly BookEntry[]): BookEntry[] {
  return [...entries].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.order ?? 0) - (b.order ?? 0) || (a.time ?? '').localeCompare(b.time ?? '') || a.label.localeCompare(b.label, 'zh-CN'),
  );
}

/** The 条目 text, also the TOC entry: 3. 2025年3月8日　支部委员会会议记录（2025年第3次）（草稿） */
export function entryHeading(e: BookEntry, index: number): string {
  return `${index + 1}. ${formatChineseDate(e.date)}　${oneLine(e.label)}${e.draft ? '（草稿）' : ''}`;
}

function bookStyles(profile: DocumentProfile) {
  const fonts = FONT_SETS[profile.fontSet];
  const base = documentStyles(fonts);
  const exact = { line: LINE_PITCH, lineRule: 'exact' as const, before: 0, after: 0 };
  const extra: IParagraphStyleOptions[] = [
    {
      id: BOOK_STYLE.entry,
      name: 'heading 1',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      // 黑体 小四 flush left with a rule under it: a divider between bound records, one grid line high.
      paragraph: {
        alignment: AlignmentType.LEFT,
        spacing: exact,
        keepNext: true,
        outlineLevel: 0,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } },
      },
      run: { font: fontOf(fonts, 'hei'), size: SZ_XIAO4 },
    },
    {
      id: BOOK_STYLE.toc,
      name: 'toc 1',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: { alignment: AlignmentType.LEFT, spacing: exact },
      run: { font: fontOf(fonts, 'body'), size: SZ_3HAO - 4 },
    },
    {
      id: BOOK_STYLE.coverTitle,
      name: '合订本封面标题',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 1000, lineRule: 'exact' as const, before: 0, after: 0 } },
      run: { font: fontOf(fonts, 'title'), size: 52, bold: fonts.titleBold, snapToGrid: false },
    },
    {
      id: BOOK_STYLE.coverLine,
      name: '合订本封面文字',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.CENTER, spacing: exact },
      run: { font: fontOf(fonts, 'kai'), size: SZ_3HAO },
    },
  ];
  return { ...base, paragraphStyles: [...base.paragraphStyles, ...extra] };
}

/** Portrait or landscape page set-up (document.ts): landscape sections get their own footer distance and no line grid. */
const pageProps = (landscape: boolean) => sectionPage(landscape ? 'landscape' : 'portrait');

function coverChildren(o: LedgerBookOptions, marking: ReturnType<typeof markingOf>, count: number): FileChild[] {
  const orgName = resolvedOrgName(o.org, o.profile);
  const { from, to } = periodRange(o.period);
  const line = (text: string) => new Paragraph({ style: BOOK_STYLE.coverLine, children: [plain(text)] });
  const gap = (n: number) => Array.from({ length: n }, () => emptyPara());
  return [
    ...markingParas(marking),
    ...gap(marking?.secret ? 2 : 3),
    new Paragraph({ style: BOOK_STYLE.coverTitle, children: [plain(orgName)] }),
    new Paragraph({ style: BOOK_STYLE.coverTitle, children: [plain(periodLabel(o.period))] }),
    new Paragraph({ style: BOOK_STYLE.coverTitle, children: [plain('党建工作台账合订本')] }),
    ...gap(2),
    line(`（${formatChineseDate(from)}至${formatChineseDate(to)}）`),
    line(`共收录记录 ${count} 份`),
    ...gap(4),
    ...(oneLine(o.unitName) ? [line(`填报单位：${oneLine(o.unitName)}`)] : []),
    line(`编制日期：${formatChineseDate(o.compiledOn)}`),
  ];
}

const SEVERITY_LABELS: Record<AppendixFinding['severity'], string> = { error: '问题', warning: '提醒', info: '提示' };
/** 序号 | 级别 | 检查项 | 情况说明 | 涉及时段或记录 = 8844; cells in 五号 like the other tally sheets (domain §4.10C). */
const APPENDIX_COLUMNS = [700, 760, 2000, 3784, 1600] as const;

export function appendixChildren(findings: readonly AppendixFinding[], period: BookPeriod, index: number): FileChild[] {
  const heading = new Paragraph({ style: BOOK_STYLE.entry, pageBreakBefore: true, children: [plain(`附件${index > 1 ? index : ''}　${periodLabel(period)}检查结果`)] });
  const title = new Paragraph({ style: STYLE.title, children: [plain(`${periodLabel(period)}组织生活检查结果`)] });
  if (findings.length === 0) {
    return [heading, title, emptyPara(), new Paragraph({ style: STYLE.body, children: [plain('经按单位设置的检查规则逐项检查，本期未发现问题。')] })];
  }
  const rows: RowSpec[] = [
    { header: true, cells: ['序号', '级别', '检查项', '情况说明', '涉及时段或记录'].map((t) => ({ paragraphs: [ledgerLabel(t)] })) },
    ...findings.map((f, i) => ({
      cells: [
        { paragraphs: [ledgerCell(String(i + 1), { center: true })] },
        { paragraphs: [ledgerCell(SEVERITY_LABELS[f.severity], { center: true })] },
        { paragraphs: [ledgerCell(oneLine(f.check))] },
        { paragraphs: [ledgerCell(oneLine(f.message))] },
        { paragraphs: [ledgerCell(oneLine(f.where))] },
      ],
    })),
  ];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const summary = `本期共发现问题 ${errors} 项、提醒 ${findings.length - errors} 项，列表如下。`;
  return [heading, title, emptyPara(), new Paragraph({ style: STYLE.body, children: [plain(summary)] }), fixedTable(APPENDIX_COLUMNS, rows, TABLE_WIDTH)];
}

/**
 * Builds the book. Record paragraphs are built one by one (onProgress after each); the caller packs
 * the Document (toDocxBytes), which is where most of the time goes for a big book.
 */
export function buildLedgerBook(o: LedgerBookOptions): Document {
  const entries = sortEntries(o.entries);
  if (entries.length === 0) throw new Error(`${periodLabel(o.period)}没有可装订的记录。请换一个时段，或先录入记录。`);
  const classification = strictestClassification(entries.map((e) => e.classification));
  const marking = markingOf(classification, o.nonSecretMarking);
  const footers = () => pageNumberFooters(o.profile.pageNumberStyle);

  const contents: FileChild[] = [
    new Paragraph({ style: STYLE.title, children: [plain('目　录')] }),
    emptyPara(),
    new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-1', tabLeader: LeaderType.DOT }),
  ];

  // Portrait records share one section; a landscape record (整改台账) gets its own, and the next
  // portrait record a new one. Every section after the cover continues the page numbers.
  const sections: ISectionOptions[] = [];
  let current: { landscape: boolean; children: FileChild[] } = { landscape: false, children: contents };
  const flush = (first: boolean) => {
    sections.push({
      properties: {
        ...pageProps(current.landscape),
        type: SectionType.NEXT_PAGE,
        ...(first ? { page: { ...pageProps(current.landscape).page, pageNumbers: { start: 1 } } } : {}),
      },
      footers: footers(),
      children: current.children,
    });
  };
  let firstFlushed = false;
  entries.forEach((e, i) => {
    const landscape = !!e.landscape;
    if (landscape !== current.landscape) {
      flush(!firstFlushed);
      firstFlushed = true;
      current = { landscape, children: [] };
    }
    // The section break already starts a new page; a page break on top of it would leave a blank one.
    const breakBefore = current.children.length > 0;
    current.children.push(new Paragraph({ style: BOOK_STYLE.entry, pageBreakBefore: breakBefore || undefined, children: [plain(entryHeading(e, i))] }));
    current.children.push(...e.body());
    o.onProgress?.(i + 1, entries.length, e.label);
  });
  if (o.findings) {
    if (current.landscape) {
      flush(!firstFlushed);
      firstFlushed = true;
      current = { landscape: false, children: [] };
    }
    current.children.push(...appendixChildren(o.findings, o.period, 1));
  }
  flush(!firstFlushed);

  const cover: ISectionOptions = { properties: pageProps(false), children: coverChildren(o, marking, entries.length) };
  const title = bookTitle(o.org, o.period, o.profile);
  return new Document({
    title,
    creator: '党建会议记录',
    lastModifiedBy: '党建会议记录',
    evenAndOddHeaderAndFooters: true,
    // Word and WPS offer to update the TOC (and its page numbers) when the book is opened.
    features: { updateFields: true },
    pageNumbers: o.pageNumbers,
    styles: bookStyles(o.profile),
    sections: [cover, ...sections],
  });
}
