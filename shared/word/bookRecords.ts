/**
 * The 台账合订本's entries for records other than meetings (meetingEntry is in ledgerBook.ts):
 * - one 谈心谈话记录表 per talk of the period. The contents are sensitive, and they belong here: the
 *   book is the official record, handled under the strictest marking of what it binds.
 * - the period's 民主评议党员测评汇总表 (landscape).
 * - the organisation's 整改台账 (landscape), dated at the period end (or today, if earlier), one per
 *   年度 whose items were being worked on in the period.
 * Each body is exactly what the record's own export prints (the body functions its builder wraps).
 */
import type { Appraisal, Classification, Rectification, Talk } from '../model';
import { appraisalTallyBody } from './appraisalSheets';
import type { OrgForWord } from './content';
import type { BookEntry, BookPeriod } from './ledgerBook';
import { periodRange } from './ledgerBook';
import { ledgerItems, rectificationLedgerBody } from './rectificationLedger';
import type { RecordDocOptions } from './recordCommon';
import { talkRecordBody } from './talkRecord';
import { oneLine } from './text';

/** A ledger dated at the period end comes after every other record of that day. */
const LAST = Number.MAX_SAFE_INTEGER;
/** The 台账 is marked like its own export (rectificationLedger.ts): 内部 by default. */
const LEDGER_CLASSIFICATION: Classification = { level: 'internal', years: null };

/** 王建国与赵志刚 / 王建国与赵志刚、李四 / 王建国与赵志刚等 5 人 (a 集体谈话's list is cut short in the 条目). */
export function talkPartiesText(t: Talk): string {
  const names = t.interviewees.map((p) => oneLine(p.name)).filter(Boolean);
  const who = names.length > 3 ? `${names.slice(0, 2).join('、')}等 ${names.length} 人` : names.join('、');
  return `${oneLine(t.interviewer.name)}与${who}`;
}

export function talkEntry(t: Talk, org: OrgForWord, opts: RecordDocOptions): BookEntry {
  return {
    date: t.date,
    time: t.startTime,
    label: `谈心谈话记录表（${talkPartiesText(t)}）`,
    classification: t.classification,
    draft: t.status !== 'final',
    body: () => talkRecordBody(t, org, opts),
  };
}

export function appraisalEntry(a: Appraisal, org: OrgForWord, opts: RecordDocOptions): BookEntry {
  return {
    date: a.date,
    label: `民主评议党员测评汇总表（${a.annualYear}年度）`,
    classification: a.classification,
    draft: a.status !== 'final',
    landscape: true,
    body: () => appraisalTallyBody(a, org, opts),
  };
}

/**
 * The 年度 whose 台账 belongs in the book: some item was raised by the period end and was not yet 销号
 * when the period began (a 2024年度 ledger worked on in 2025 is in the 2025 book).
 */
export function ledgerYears(items: readonly Rectification[], period: BookPeriod): number[] {
  const { from, to } = periodRange(period);
  const years = new Set<number>();
  for (const it of items) {
    if (it.deletedAt || it.raisedDate > to) continue;
    if (it.status === 'closed' && it.closedDate && it.closedDate < from) continue;
    years.add(it.annualYear);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * One 整改台账 per 年度 of ledgerYears, listing that 年度's items raised by the period end. It is dated,
 * and 逾期 computed, at the period end, or `today` when the period has not ended yet. Statuses and
 * progress are as recorded now (the records keep no history of earlier states).
 */
export function rectificationEntries(items: readonly Rectification[], org: OrgForWord, period: BookPeriod, today: string, opts: RecordDocOptions): BookEntry[] {
  const { to } = periodRange(period);
  const asOf = today < to ? today : to;
  const raised = items.filter((it) => !it.deletedAt && it.raisedDate <= to);
  return ledgerYears(items, period).map((annualYear) => {
    const ledgerOpts = { ...opts, annualYear, today: asOf, classification: LEDGER_CLASSIFICATION };
    return {
      // A period not over yet: dated today, like its 截至 line, not on a day still to come.
      date: asOf,
      order: LAST,
      label: `整改台账（${annualYear}年度，共 ${ledgerItems(raised, ledgerOpts).length} 项）`,
      classification: LEDGER_CLASSIFICATION,
      draft: false,
      landscape: true,
      body: () => rectificationLedgerBody(raised, org, ledgerOpts),
    };
  });
}
