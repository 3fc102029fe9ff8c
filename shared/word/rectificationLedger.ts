/**
 * 整改清单 / 整改台账 (domain §3.5) on A4 landscape (§4.10C): one row per item in ledger order, the
 * header row repeated on every page, rows kept whole, fixed column widths. The status column shows
 * 逾期 computed for the export date by shared/rules/rectification.ts (effectiveStatus), never stored.
 */
import type { Document, FileChild } from 'docx';
import type { Classification, Rectification, RectificationListKind } from '../model';
import { DEADLINE_KIND_LABELS, RECTIFICATION_LIST_KIND_LABELS, RECTIFICATION_SOURCE_LABELS, RECTIFICATION_STATUS_LABELS } from '../model';
import { formatChineseDate } from '../format';
import { effectiveStatus, ledgerOrder, ledgerSummary } from '../rules/rectification';
import { resolvedOrgName, splitTitle, type OrgForWord } from './content';
import { pageDocument } from './document';
import { recordFileName } from './fileName';
import { ledgerCell, ledgerLabel, ledgerTextCell } from './ledgerTable';
import { LANDSCAPE_TABLE_WIDTH } from './page';
import { markingOf, type RecordDocOptions } from './recordCommon';
import { fixedTable, type RowSpec } from './tables';
import { oneLine, paragraphsOf } from './text';
import { bodyPara, emptyPara, markingParas, titleParas } from './typography';

/**
 * 序号 | 清单类型 | 问题来源及类别 | 问题表现 | 整改措施及目标 | 责任人 | 完成时限 | 整改进展 | 状态 |
 * 销号情况 | 佐证材料及公示通报 = 12756 (landscape 版心, 225 mm).
 */
export const LEDGER_COLUMNS = [660, 800, 900, 2086, 2310, 900, 1000, 1700, 700, 800, 900] as const;
export const LEDGER_HEAD = ['序号', '清单类型', '问题来源及类别', '问题表现', '整改措施及目标', '责任人', '完成时限', '整改进展', '状态', '销号情况', '佐证材料及公示通报'] as const;

/** Rows with more text than this may run across a page break; all others are kept whole. */
const SPLIT_CHARS = 600;

export interface LedgerOptions extends RecordDocOptions {
  annualYear: number;
  /** Only the 支部班子 list or only the personal lists; omitted, the whole 台账. */
  listKind?: RectificationListKind;
  /** The export date (YYYY-MM-DD): 逾期 is computed for it. */
  today: string;
  /**
   * Items carry no classification of their own; the ledger is marked like the minutes with this.
   * Default 内部 (the lists name people and their problems).
   */
  classification?: Classification;
}

const DEFAULT_LEDGER_CLASSIFICATION: Classification = { level: 'internal', years: null };

export function ledgerTitle(org: OrgForWord, opts: Pick<LedgerOptions, 'profile' | 'annualYear' | 'listKind'>): string {
  const what = opts.listKind ? `${RECTIFICATION_LIST_KIND_LABELS[opts.listKind]}整改清单` : '整改台账';
  return `${resolvedOrgName(org, opts.profile)}${opts.annualYear}年度${what}`;
}

/** 限期整改（2025年6月30日前）/ 立行立改 / 长期坚持 */
export function ledgerDeadlineText(item: Pick<Rectification, 'deadlineKind' | 'deadline'>): string {
  const kind = DEADLINE_KIND_LABELS[item.deadlineKind];
  return item.deadline ? `${kind}（${formatChineseDate(item.deadline)}前）` : kind;
}

/** The items a ledger lists: this 年度, the list kind asked for, live, in ledger order. */
export function ledgerItems(items: readonly Rectification[], opts: Pick<LedgerOptions, 'annualYear' | 'listKind'>): Rectification[] {
  return ledgerOrder(items.filter((i) => !i.deletedAt && i.annualYear === opts.annualYear && (!opts.listKind || i.listKind === opts.listKind)));
}

function itemRow(it: Rectification, no: number, today: string): RowSpec {
  const c = (text: string, center = false) => ({ paragraphs: [ledgerCell(text, { center })] });
  // 个人 lists name their person on a line of its own (the column is narrow).
  const kind = [RECTIFICATION_LIST_KIND_LABELS[it.listKind], it.listKind === 'personal' ? oneLine(it.personName) : ''].filter(Boolean);
  const source = [RECTIFICATION_SOURCE_LABELS[it.source], oneLine(it.category)].filter(Boolean);
  const measures = [...paragraphsOf(it.measures), ...paragraphsOf(it.target).map((t, i) => (i === 0 ? `目标：${t}` : t))];
  const owner = [oneLine(it.ownerName), oneLine(it.leaderName) ? `责任领导：${oneLine(it.leaderName)}` : '', oneLine(it.department)].filter(Boolean);
  const progress = [...it.progress].sort((a, b) => a.date.localeCompare(b.date)).flatMap((p) => paragraphsOf(p.text).map((t, i) => (i === 0 ? `${formatChineseDate(p.date)}：${t}` : t)));
  const closed = it.status === 'closed' ? [it.closedDate ? formatChineseDate(it.closedDate) : '', oneLine(it.closedBy) ? `审核人：${oneLine(it.closedBy)}` : ''].filter(Boolean) : [];
  const evidence = [oneLine(it.evidence), oneLine(it.publicity) ? `公示：${oneLine(it.publicity)}` : ''].filter(Boolean);
  const lines = (xs: string[]) => ({ paragraphs: xs.length ? xs.map((x) => ledgerCell(x)) : [ledgerCell('')] });
  const chars = [it.problem, it.measures, it.target, ...it.progress.map((p) => p.text)].join('').length;
  return {
    canSplit: chars > SPLIT_CHARS,
    cells: [
      c(String(no), true),
      { paragraphs: kind.map((k) => ledgerCell(k, { center: true })) },
      lines(source),
      { paragraphs: ledgerTextCell(it.problem) },
      lines(measures),
      lines(owner),
      // Kind and date on lines of their own: the narrow column would otherwise break inside the date.
      lines(it.deadline ? [DEADLINE_KIND_LABELS[it.deadlineKind], `${formatChineseDate(it.deadline)}前`] : [DEADLINE_KIND_LABELS[it.deadlineKind]]),
      lines(progress),
      c(RECTIFICATION_STATUS_LABELS[effectiveStatus(it, today)], true),
      lines(closed),
      lines(evidence),
    ],
  };
}

/** 截至 2025年7月1日：共 8 项，已销号 3 项，… (facts from ledgerSummary). */
export function ledgerSummaryText(items: readonly Rectification[], today: string): string {
  const s = ledgerSummary(items, today);
  const parts = (['closed', 'done', 'in_progress', 'not_started', 'overdue'] as const)
    .filter((k) => s.byStatus[k] > 0)
    .map((k) => `${RECTIFICATION_STATUS_LABELS[k]} ${s.byStatus[k]} 项`);
  return `截至${formatChineseDate(today)}，共 ${s.total} 项${parts.length ? `，其中${parts.join('，')}` : ''}。`;
}

export function buildRectificationLedger(items: readonly Rectification[], org: OrgForWord, opts: LedgerOptions): Document {
  return pageDocument({ profile: opts.profile, draft: false, title: ledgerTitle(org, opts), children: rectificationLedgerBody(items, org, opts), orientation: 'landscape' });
}

/** The 台账 without the page set-up; its table is LANDSCAPE_TABLE_WIDTH wide, so it needs a landscape page. */
export function rectificationLedgerBody(items: readonly Rectification[], org: OrgForWord, opts: LedgerOptions): FileChild[] {
  const list = ledgerItems(items, opts);
  const title = ledgerTitle(org, opts);
  const rows: RowSpec[] = [{ header: true, cells: LEDGER_HEAD.map((h) => ({ paragraphs: [ledgerLabel(h)] })) }];
  list.forEach((it, i) => rows.push(itemRow(it, i + 1, opts.today)));
  if (list.length === 0) {
    rows.push({ cells: [{ paragraphs: [ledgerCell('本年度暂无整改事项。', { center: true })], span: LEDGER_COLUMNS.length }] });
  }
  const children: FileChild[] = [
    ...markingParas(markingOf(opts.classification ?? DEFAULT_LEDGER_CLASSIFICATION, opts.nonSecretMarking)),
    ...titleParas(splitTitle(title, resolvedOrgName(org, opts.profile))),
    emptyPara(),
    bodyPara(ledgerSummaryText(list, opts.today), '', { indent: false }),
    fixedTable(LEDGER_COLUMNS, rows, LANDSCAPE_TABLE_WIDTH),
  ];
  return children;
}

export function ledgerFileName(org: OrgForWord, opts: Pick<LedgerOptions, 'profile' | 'annualYear' | 'listKind' | 'classification'>): string {
  return recordFileName(ledgerTitle(org, opts), opts.classification ?? DEFAULT_LEDGER_CLASSIFICATION, false);
}
