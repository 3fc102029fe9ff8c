/**
 * 民主评议党员 (domain §2.7, §3.4):
 * - 民主测评表: the blank anonymous mark sheet, one row per member with four tick boxes; 预备党员
 *   rows say 参评不定等次; it never names who votes (portrait, 4号 cells).
 * - 测评汇总表: the tally per member with totals and the result counts (A4 landscape, 五号 cells).
 */
import type { Document, FileChild } from 'docx';
import type { Appraisal, AppraisalEntry, AppraisalGrade, GradeVotes } from '../model';
import { APPRAISAL_GRADE_LABELS, APPRAISAL_GRADES, MEMBER_STATUS_LABELS } from '../model';
import { formatChineseDate } from '../format';
import { excellentRate as excellentRateOf, gradeTotals, isGraded } from '../rules/appraisal';
import { percentText } from '../rules/rectification';
import { resolvedOrgName, splitTitle, type OrgForWord } from './content';
import { pageDocument } from './document';
import { recordFileName } from './fileName';
import { ledgerCell, ledgerLabel, ledgerTextCell } from './ledgerTable';
import { LANDSCAPE_TABLE_WIDTH, TABLE_LINE } from './page';
import { markingOf, type RecordDocOptions } from './recordCommon';
import { cellPara, fixedTable, labelPara, type RowSpec } from './tables';
import { oneLine } from './text';
import { bodyPara, emptyPara, markingParas, titleParas } from './typography';

/** 序号 | 姓名 | 优秀 | 合格 | 基本合格 | 不合格 | 存在问题 = 8844 */
export const MARK_SHEET_COLUMNS = [760, 1700, 1000, 1000, 1300, 1100, 1984] as const;
/** Room for a tick: about 1 cm per row. */
const MARK_ROW_HEIGHT = 567;

/**
 * 序号 | 姓名 | 身份 | 应参评 | 实参评 | 优秀 | 合格 | 基本合格 | 不合格 | 优秀票率 | 组织评定等次 |
 * 评定理由 | 反馈情况 | 处置措施 = 12756 (landscape 版心).
 */
export const TALLY_COLUMNS = [700, 1100, 1010, 700, 700, 700, 700, 700, 700, 800, 900, 1200, 1800, 1046] as const;

const PROBATIONARY_NOTE = '参评不定等次';

export function markSheetTitle(a: Appraisal, org: OrgForWord, opts: RecordDocOptions): string {
  return `${resolvedOrgName(org, opts.profile)}${a.annualYear}年度民主评议党员民主测评表`;
}

export function tallyTitle(a: Appraisal, org: OrgForWord, opts: RecordDocOptions): string {
  return `${resolvedOrgName(org, opts.profile)}${a.annualYear}年度民主评议党员测评汇总表`;
}

export function buildAppraisalMarkSheet(a: Appraisal, org: OrgForWord, opts: RecordDocOptions): Document {
  // A blank form is never a draft: it carries no results.
  return pageDocument({ profile: opts.profile, draft: false, title: markSheetTitle(a, org, opts), children: appraisalMarkSheetBody(a, org, opts) });
}

/** The 民主测评表 without the page set-up (portrait). */
export function appraisalMarkSheetBody(a: Appraisal, org: OrgForWord, opts: RecordDocOptions): FileChild[] {
  const title = markSheetTitle(a, org, opts);
  const rows: RowSpec[] = [
    { header: true, cells: ['序号', '姓名', '优秀', '合格', '基本合格', '不合格', '存在问题（可不填）'].map((h) => ({ paragraphs: [labelPara(h)] })) },
  ];
  a.entries.forEach((e, i) => {
    const no = { paragraphs: [cellPara(String(i + 1), { center: true })] };
    const name = { paragraphs: [cellPara(oneLine(e.name), { center: true })] };
    const grades = isGraded(e)
      ? APPRAISAL_GRADES.map(() => ({ paragraphs: [cellPara('□', { center: true })] }))
      : [{ paragraphs: [cellPara(PROBATIONARY_NOTE, { center: true })], span: 4 }];
    rows.push({ minHeight: MARK_ROW_HEIGHT, cells: [no, name, ...grades, { paragraphs: [] }] });
  });
  const children: FileChild[] = [
    ...markingParas(markingOf(a.classification, opts.nonSecretMarking)),
    ...titleParas(splitTitle(title, resolvedOrgName(org, opts.profile))),
    emptyPara(),
    bodyPara('本表不记名。请对每名党员在一个等次栏内划“√”；预备党员参加评议，不确定等次。', '说明：'),
    // Before the table: after it, LibreOffice pushed the line alone onto a second page.
    bodyPara('　　　　年　　月　　日', '测评日期：'),
    emptyPara(TABLE_LINE),
    fixedTable(MARK_SHEET_COLUMNS, rows),
  ];
  return children;
}

/** 优秀票率 as printed (shared/rules/appraisal.ts computes it, the ledger's percentText writes it); — when nobody rated. */
export function excellentRateText(e: Pick<AppraisalEntry, 'votes' | 'didRate'>): string {
  const r = excellentRateOf(e);
  return r === null ? '—' : percentText(r);
}

export interface AppraisalTotals {
  /** Votes and 应参评 / 实参评 summed over the graded members' rows (预备党员 rows are not graded). */
  votes: GradeVotes;
  shouldRate: number;
  didRate: number;
  /** Members per final grade (graded members only), from gradeTotals. */
  grades: Record<AppraisalGrade, number>;
  ungraded: number;
  probationary: number;
  graded: number;
}

export function appraisalTotals(entries: readonly AppraisalEntry[]): AppraisalTotals {
  const votes: GradeVotes = { excellent: 0, qualified: 0, basic: 0, unqualified: 0 };
  let shouldRate = 0;
  let didRate = 0;
  for (const e of entries) {
    if (!isGraded(e)) continue;
    shouldRate += e.shouldRate;
    didRate += e.didRate;
    for (const g of APPRAISAL_GRADES) votes[g] += e.votes[g];
  }
  const g = gradeTotals(entries);
  return {
    votes,
    shouldRate,
    didRate,
    grades: { excellent: g.excellent, qualified: g.qualified, basic: g.basic, unqualified: g.unqualified },
    ungraded: g.ungraded,
    probationary: g.probationary,
    graded: g.gradedMembers,
  };
}

/** 反馈人 and 反馈时间, one per line. */
function feedbackLines(e: AppraisalEntry): string[] {
  return [oneLine(e.feedbackBy), e.feedbackDate ? formatChineseDate(e.feedbackDate) : ''].filter(Boolean);
}

/** 评定结果 in one sentence, counts only (no prose is invented). */
export function appraisalResultText(t: AppraisalTotals): string {
  const g = APPRAISAL_GRADES.map((k) => `${APPRAISAL_GRADE_LABELS[k]} ${t.grades[k]} 人`).join('，');
  const rest = [t.ungraded ? `尚未评定 ${t.ungraded} 人` : '', t.probationary ? `预备党员 ${t.probationary} 人参评不定等次` : ''].filter(Boolean);
  return `参加评议党员 ${t.graded + t.probationary} 人，其中评定${g}${rest.length ? `；${rest.join('；')}` : ''}。`;
}

export function buildAppraisalTally(a: Appraisal, org: OrgForWord, opts: RecordDocOptions): Document {
  return pageDocument({ profile: opts.profile, draft: a.status !== 'final', title: tallyTitle(a, org, opts), children: appraisalTallyBody(a, org, opts), orientation: 'landscape' });
}

/** The 测评汇总表 without the page set-up; its table is LANDSCAPE_TABLE_WIDTH wide, so it needs a landscape page. */
export function appraisalTallyBody(a: Appraisal, org: OrgForWord, opts: RecordDocOptions): FileChild[] {
  const title = tallyTitle(a, org, opts);
  const head = ['序号', '姓名', '身份', '应参评人数', '实参评人数', '优秀', '合格', '基本合格', '不合格', '优秀票率', '组织评定等次', '评定理由', '反馈情况', '处置措施'];
  const rows: RowSpec[] = [{ header: true, cells: head.map((h) => ({ paragraphs: [ledgerLabel(h)] })) }];
  const c = (text: string) => ({ paragraphs: [ledgerCell(text, { center: true })] });
  a.entries.forEach((e, i) => {
    const graded = isGraded(e);
    const v = (g: AppraisalGrade) => (graded ? String(e.votes[g]) : '—');
    rows.push({
      cells: [
        c(String(i + 1)),
        c(oneLine(e.name)),
        c(MEMBER_STATUS_LABELS[e.status]),
        c(String(e.shouldRate)),
        c(String(e.didRate)),
        ...APPRAISAL_GRADES.map((g) => c(v(g))),
        c(graded ? excellentRateText(e) : '—'),
        c(graded ? (e.finalGrade ? APPRAISAL_GRADE_LABELS[e.finalGrade] : '') : PROBATIONARY_NOTE),
        { paragraphs: ledgerTextCell(e.gradeReason) },
        { paragraphs: feedbackLines(e).map((x) => ledgerCell(x, { center: true })).concat(feedbackLines(e).length ? [] : [ledgerCell('')]) },
        { paragraphs: ledgerTextCell(e.followUp) },
      ],
    });
  });
  const t = appraisalTotals(a.entries);
  rows.push({
    cells: [
      { paragraphs: [ledgerLabel('合计')], span: 3 },
      c(String(t.shouldRate)),
      c(String(t.didRate)),
      ...APPRAISAL_GRADES.map((g) => c(String(t.votes[g]))),
      c(excellentRateText(t)),
      { paragraphs: APPRAISAL_GRADES.map((g) => ledgerCell(`${APPRAISAL_GRADE_LABELS[g]} ${t.grades[g]} 人`)), span: 4 },
    ],
  });
  const rating = a.committeeRating.filter((r) => oneLine(r.label));
  const children: FileChild[] = [
    ...markingParas(markingOf(a.classification, opts.nonSecretMarking)),
    ...titleParas(splitTitle(title, resolvedOrgName(org, opts.profile))),
    emptyPara(),
    bodyPara(formatChineseDate(a.date), '测评日期：', { indent: false }),
    fixedTable(TALLY_COLUMNS, rows, LANDSCAPE_TABLE_WIDTH),
    bodyPara(appraisalResultText(t), '评定结果：', { indent: false }),
  ];
  if (rating.length) {
    children.push(bodyPara(`${rating.map((r) => `${oneLine(r.label)} ${r.count} 票`).join('，')}。`, '支部班子测评：', { indent: false }));
  }
  return children;
}

export function appraisalFileName(a: Appraisal, org: OrgForWord, kind: 'mark-sheet' | 'tally', opts: RecordDocOptions): string {
  return kind === 'mark-sheet'
    ? recordFileName(markSheetTitle(a, org, opts), a.classification, false)
    : recordFileName(tallyTitle(a, org, opts), a.classification, a.status !== 'final');
}
