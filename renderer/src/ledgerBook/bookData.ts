/**
 * Reads a 合订本's records fresh from the database: the organisation, the unit settings and document
 * profile, every live meeting, talk and 民主评议 of the period, and the organisation's 整改事项 (the
 * book binds the 台账 of the 年度 worked on in the period).
 */
import { MEETING_TYPE_LABELS, type Appraisal, type Classification, type Meeting, type Rectification, type Talk } from '../../../shared/model';
import type { DocumentLayout } from '../../../shared/model/documentProfile';
import { strictestClassification } from '../../../shared/word/recordCommon';
import { DEFAULT_DOCUMENT_PROFILE } from '../../../shared/model/documentProfile';
import { bookTitle, periodRange, sortEntries, type AppendixFinding, type BookEntry, type BookPeriod } from '../../../shared/word/ledgerBook';
import { appraisalEntry, ledgerYears, rectificationEntries, talkEntry } from '../../../shared/word/bookRecords';
import { classificationMarking, formatRunningNumber, isNationalSecret } from '../../../shared/format';
import { safeFileStem } from '../../../shared/word';
import { DbError, getDocumentProfile, getOrganisation, getSettings, type MeetingIndexRow, type PartyMinutesDB } from '../../db';
import { todayLocal } from '../../db/meta';
import type { LedgerBookInput } from './bookTypes';

/**
 * docx's layout estimate costs about 0.1 s per record (measured: 500 records 84 s in Chromium), so
 * only books up to this size get their contents' page numbers written in; bigger ones list every
 * entry and leave the numbers to Word / WPS, which update the contents when the file is opened.
 */
export const PAGE_ESTIMATE_MAX_RECORDS = 40;

export async function periodRows(db: PartyMinutesDB, orgId: string, period: BookPeriod): Promise<MeetingIndexRow[]> {
  const { from, to } = periodRange(period);
  return db.meetingIndex.where('[live+orgId+date]').between([1, orgId, from], [1, orgId, to], true, true).toArray();
}

/** Live talks of the organisation held in the period. */
export async function periodTalks(db: PartyMinutesDB, orgId: string, period: BookPeriod): Promise<Talk[]> {
  const { from, to } = periodRange(period);
  return db.talks.where('orgId').equals(orgId).filter((t) => !t.deletedAt && t.date >= from && t.date <= to).toArray();
}

/** Live 民主评议 of the organisation held (测评日期) in the period. */
export async function periodAppraisals(db: PartyMinutesDB, orgId: string, period: BookPeriod): Promise<Appraisal[]> {
  const { from, to } = periodRange(period);
  return db.appraisals.where('orgId').equals(orgId).filter((a) => !a.deletedAt && a.date >= from && a.date <= to).toArray();
}

/** Every live 整改事项 of the organisation; bookRecords.ts picks the 年度 that belong in the period. */
export async function orgRectifications(db: PartyMinutesDB, orgId: string): Promise<Rectification[]> {
  return db.rectifications.where('orgId').equals(orgId).filter((r) => !r.deletedAt).toArray();
}

export async function loadBookInput(
  db: PartyMinutesDB,
  orgId: string,
  period: BookPeriod,
  opts: { layout: DocumentLayout; findings: AppendixFinding[] | null; estimatePages?: boolean },
): Promise<LedgerBookInput> {
  const org = await getOrganisation(db, orgId);
  if (!org || org.deletedAt) throw new DbError('找不到所选的党组织（可能已被删除）。请重新选择党组织。');
  const [settings, profile, rows, talks, appraisals, rectifications] = await Promise.all([
    getSettings(db),
    getDocumentProfile(db),
    periodRows(db, orgId, period),
    periodTalks(db, orgId, period),
    periodAppraisals(db, orgId, period),
    orgRectifications(db, orgId),
  ]);
  const meetings = (await db.meetings.bulkGet(rows.map((r) => r.id))).filter((m): m is Meeting => !!m && !m.deletedAt);
  const records = meetings.length + talks.length + appraisals.length + ledgerYears(rectifications, period).length;
  return {
    org: { fullName: org.fullName, name: org.name },
    period,
    unitName: settings.unitName,
    profile,
    nonSecretMarking: settings.nonSecretMarking,
    layout: opts.layout,
    meetings,
    talks,
    appraisals,
    rectifications,
    findings: opts.findings,
    compiledOn: todayLocal(),
    estimatePages: opts.estimatePages ?? records <= PAGE_ESTIMATE_MAX_RECORDS,
  };
}

/** One line of the page's list of what the book will bind (no record contents: labels, dates, status). */
export interface BookListRow {
  key: string;
  date: string;
  label: string;
  draft: boolean;
  level: Classification['level'];
  /** Printed on a landscape page (测评汇总表, 整改台账). */
  landscape: boolean;
}

/** Everything the book of this period binds, in book order (the same entries buildBook makes). */
export async function periodBookRows(db: PartyMinutesDB, orgId: string, period: BookPeriod, today: string): Promise<BookListRow[]> {
  const [rows, talks, appraisals, rectifications] = await Promise.all([
    periodRows(db, orgId, period),
    periodTalks(db, orgId, period),
    periodAppraisals(db, orgId, period),
    orgRectifications(db, orgId),
  ]);
  // Only labels and dates are read from these entries; their bodies are never built here.
  const org = { fullName: '', name: '' };
  const opts = { profile: DEFAULT_DOCUMENT_PROFILE };
  const meetingEntries: BookEntry[] = rows.map((r) => ({
    date: r.date,
    order: r.seq,
    label: `${MEETING_TYPE_LABELS[r.type]}记录（${formatRunningNumber(r.year, r.seq)}）`,
    classification: { level: r.level, years: null },
    draft: r.status !== 'final',
    body: () => [],
  }));
  const entries = sortEntries([
    ...meetingEntries,
    ...talks.map((t) => talkEntry(t, org, opts)),
    ...appraisals.map((a) => appraisalEntry(a, org, opts)),
    ...rectificationEntries(rectifications, org, period, today, opts),
  ]);
  return entries.map((e, i) => ({ key: `${i}:${e.date}:${e.label}`, date: e.date, label: e.label, draft: e.draft, level: e.classification.level, landscape: !!e.landscape }));
}

/** How many records the book binds (the page's count and the cover's 共收录记录 agree with it). */
export function bookRecordCount(input: LedgerBookInput): number {
  return input.meetings.length + (input.talks?.length ?? 0) + (input.appraisals?.length ?? 0) + ledgerYears(input.rectifications ?? [], input.period).length;
}

/** 【机密★10年】中共××党支部2025年度党建工作台账合订本.docx (the marking in front, like single records). */
export function bookFileName(input: LedgerBookInput): string {
  const all: Classification[] = [...input.meetings, ...(input.talks ?? []), ...(input.appraisals ?? [])].map((r) => r.classification);
  const c = strictestClassification(all);
  const marking = isNationalSecret(c) ? `【${classificationMarking(c, '')}】` : '';
  return `${marking}${safeFileStem(bookTitle(input.org, input.period, input.profile))}.docx`;
}
