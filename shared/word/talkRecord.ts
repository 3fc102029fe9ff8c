/**
 * 谈心谈话记录表 (domain §3.2): one fixed-width table form per talk, the labelled cells of the unit
 * templates; a year's batch puts every talk on its own page(s) in one file. The contents are
 * SENSITIVE and appear only inside the form (the file name carries the organisation and year).
 */
import type { Document, FileChild, Paragraph } from 'docx';
import type { Classification, Talk, TalkParty } from '../model';
import { FIVE_MUST_LABELS, TALK_FORM_LABELS, TALK_ISSUE_TARGET_LABELS, TALK_TYPE_LABELS } from '../model';
import { formatChineseDate, formatMeetingTime } from '../format';
import { resolvedOrgName, splitTitle, type OrgForWord } from './content';
import { pageDocument } from './document';
import { markingOf, markingParasBreak, strictestClassification, titleParasBreak, type RecordDocOptions } from './recordCommon';
import { cellPara, fixedTable, labelPara, type RowSpec } from './tables';
import { oneLine, paragraphsOf } from './text';
import { emptyPara } from './typography';
import { recordFileName } from './fileName';

/** label 1500 (5 个 4号字) | value 2922 | label 1500 | value 2922 = 8844 */
export const TALK_TABLE_COLUMNS = [1500, 2922, 1500, 2922] as const;
/** Rows for long texts get at least this height (about 4 cm), room to write by hand if empty. */
const TALL_ROW = 2300;

export function talkFormTitle(org: OrgForWord, opts: RecordDocOptions): string {
  return `${resolvedOrgName(org, opts.profile)}谈心谈话记录表`;
}

/** 张三（组织委员，中共党员） */
export function partyText(p: TalkParty): string {
  const extra = [oneLine(p.post), oneLine(p.politicalStatus)].filter((s) => s.length > 0);
  return extra.length ? `${oneLine(p.name)}（${extra.join('，')}）` : oneLine(p.name);
}

function textParas(text: string): Paragraph[] {
  return paragraphsOf(text).map((p) => cellPara(p, { indent: true }));
}

function full(label: string, paras: Paragraph[], tall = false): RowSpec {
  return {
    cells: [
      { paragraphs: [labelPara(label)] },
      { paragraphs: paras, span: 3, align: 'top' },
    ],
    // Tall rows may run across a page: kept whole, a long row would leave half a page empty.
    canSplit: tall,
    minHeight: tall ? TALL_ROW : undefined,
  };
}

function pair(l1: string, v1: string, l2: string, v2: string): RowSpec {
  return {
    cells: [
      { paragraphs: [labelPara(l1)] },
      { paragraphs: [cellPara(v1)] },
      { paragraphs: [labelPara(l2)] },
      { paragraphs: [cellPara(v2)] },
    ],
  };
}

export function talkTypeText(t: Talk): string {
  const type = TALK_TYPE_LABELS[t.type];
  return t.type === 'five_musts' && t.fiveMust ? `${type}（${FIVE_MUST_LABELS[t.fiveMust]}）` : type;
}

function talkRows(t: Talk): RowSpec[] {
  const rows: RowSpec[] = [];
  rows.push(full('谈话时间', [cellPara(formatMeetingTime(t.date, t.startTime, t.endTime))]));
  rows.push(full('谈话地点', [cellPara(oneLine(t.place))]));
  rows.push(full('谈话人', [cellPara(partyText(t.interviewer))]));
  rows.push(full('谈话对象', t.interviewees.map((p) => cellPara(partyText(p)))));
  rows.push(pair('谈话类型', talkTypeText(t), '谈话方式', TALK_FORM_LABELS[t.form]));
  rows.push(full('谈话主题', [cellPara(oneLine(t.theme))]));
  rows.push(full('谈话人谈话要点', textParas(t.interviewerPoints), true));
  rows.push(full('谈话对象谈话要点', textParas(t.intervieweePoints), true));
  const issues = t.issues.flatMap((i) =>
    paragraphsOf(i.text).map((p, k) => cellPara(p, { indent: true, label: k === 0 ? `${TALK_ISSUE_TARGET_LABELS[i.target]}：` : undefined })),
  );
  rows.push(full('反映的问题及意见建议', issues, true));
  rows.push(full('相互提出的批评意见', textParas(t.criticism), true));
  rows.push(full('谈话对象态度及表态', textParas(t.attitude)));
  const follow = t.followUps
    .filter((f) => oneLine(f.what))
    .map((f, i) => {
      const bits = [oneLine(f.who) ? `跟进人：${oneLine(f.who)}` : '', f.by ? `时限：${formatChineseDate(f.by)}` : '', f.done ? '已落实' : '未落实'].filter(Boolean);
      return cellPara(`${i + 1}. ${oneLine(f.what)}（${bits.join('；')}）`);
    });
  rows.push(full('后续跟进及处理情况', follow));
  rows.push(full('记录人', [cellPara(oneLine(t.recorderName))]));
  rows.push({
    cells: [
      { paragraphs: [labelPara('谈话人签字', 'left')], span: 2, align: 'top' },
      { paragraphs: [labelPara('谈话对象签字', 'left')], span: 2, align: 'top' },
    ],
    minHeight: 1200,
  });
  return rows;
}

export interface TalkBodyOptions extends RecordDocOptions {
  /** The marking printed above the form; default the talk's own (a batch's first form shows the file's strictest). */
  classification?: Classification;
  /** The form starts a new page (every form after the first in a batch file). */
  pageBreakBefore?: boolean;
}

/** One talk's form without the page set-up: marking, title, the table (a batch file, the 台账合订本). */
export function talkRecordBody(t: Talk, org: OrgForWord, opts: TalkBodyOptions): FileChild[] {
  const title = talkFormTitle(org, opts);
  const marking = markingOf(opts.classification ?? t.classification, opts.nonSecretMarking);
  const breakBefore = !!opts.pageBreakBefore;
  return [
    ...markingParasBreak(marking, breakBefore),
    ...titleParasBreak(splitTitle(title, resolvedOrgName(org, opts.profile)), breakBefore && !marking),
    emptyPara(),
    fixedTable(TALK_TABLE_COLUMNS, talkRows(t)),
  ];
}

/** By date, then time: the order of a batch file. */
export function sortTalks(talks: readonly Talk[]): Talk[] {
  return [...talks].sort((a, b) => a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? ''));
}

/** One talk per form; every form after the first starts on a new page. Sorted by date, then time. */
export function buildTalkRecords(talks: readonly Talk[], org: OrgForWord, opts: RecordDocOptions): Document {
  if (talks.length === 0) throw new Error('没有可导出的谈心谈话记录，请先选择记录。');
  const sorted = sortTalks(talks);
  // The first page shows the strictest marking of the file (domain §4.7); each later form its own.
  const strictest = strictestClassification(sorted.map((t) => t.classification));
  const children = sorted.flatMap((t, i) => talkRecordBody(t, org, { ...opts, classification: i === 0 ? strictest : t.classification, pageBreakBefore: i > 0 }));
  const draft = sorted.some((t) => t.status !== 'final');
  return pageDocument({ profile: opts.profile, draft, title: talkFormTitle(org, opts), children });
}

export interface TalkFileNameOptions extends RecordDocOptions {
  /** Batch files name the year: 中共××党支部2025年度谈心谈话记录表（12份）. */
  year?: number;
}

/** 王建国与赵志刚谈心谈话记录表（2025年3月8日） for one talk; 2025年度…（N份） for a batch. */
export function talkFileName(talks: readonly Talk[], org: OrgForWord, opts: TalkFileNameOptions): string {
  const orgName = resolvedOrgName(org, opts.profile);
  const draft = talks.some((t) => t.status !== 'final');
  const classification = strictestClassification(talks.map((t) => t.classification));
  if (talks.length === 1) {
    const t = talks[0];
    const who = `${oneLine(t.interviewer.name)}与${t.interviewees.map((p) => oneLine(p.name)).join('、')}`;
    return recordFileName(`${orgName}${who}谈心谈话记录表（${formatChineseDate(t.date)}）`, classification, draft);
  }
  const year = opts.year ?? Math.max(...talks.map((t) => Number(t.date.slice(0, 4))));
  return recordFileName(`${orgName}${year}年度谈心谈话记录表（${talks.length}份）`, classification, draft);
}
