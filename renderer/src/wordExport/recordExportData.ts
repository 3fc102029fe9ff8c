/**
 * Word files for the records beyond the minutes (issue #5 item 6): 批评与自我批评记录, 召开情况报告,
 * 谈心谈话记录表, 民主测评表 / 测评汇总表, 整改清单 / 台账. Each reads its records fresh from the
 * database at the moment of export and returns a file name and .docx bytes (shared/word builders do
 * the work); saveWordFile hands them to the host (save dialog on the desktop, download in a browser).
 */
import type { Document } from 'docx';
import type { Appraisal, Meeting, Organisation, Rectification, RectificationListKind, Talk, UnitSettings } from '../../../shared/model';
import type { DocumentProfile } from '../../../shared/model/documentProfile';
import {
  appraisalFileName,
  buildAppraisalMarkSheet,
  buildAppraisalTally,
  buildCriticismRecord,
  buildLifeMeetingReport,
  buildRectificationLedger,
  buildTalkRecords,
  criticismFileName,
  ledgerFileName,
  lifeReportFileName,
  talkFileName,
  toDocxBytes,
} from '../../../shared/word';
import { APPRAISALS, DbError, getMeeting, getOrganisation, getSettings, listRecords, RECTIFICATIONS, TALKS, type PartyMinutesDB } from '../../db';
import { getDocumentProfile } from '../../db/documentProfile';
import { todayLocal } from '../../db/meta';
import { getHost } from '../../host';
import { orgForWord, type WordFile } from './exportData';

interface Common {
  org: Organisation;
  settings: UnitSettings;
  profile: DocumentProfile;
}

async function commonFor(db: PartyMinutesDB, orgId: string): Promise<Common> {
  const org = await getOrganisation(db, orgId);
  if (!org) throw new DbError('找不到这条记录所属的党组织，无法生成标题。请先在“回收站”中恢复该党组织，再导出。');
  const [settings, profile] = await Promise.all([getSettings(db), getDocumentProfile(db)]);
  return { org, settings, profile };
}

async function fileOf(doc: Document, name: string, draft: boolean): Promise<WordFile> {
  const raw = await toDocxBytes(doc);
  const bytes = raw.buffer instanceof ArrayBuffer ? (raw as Uint8Array<ArrayBuffer>) : new Uint8Array(raw);
  return { name, bytes, draft };
}

/** Saves through the host; returns the shown file name, or null when the user cancelled. */
export async function saveWordFile(file: WordFile): Promise<string | null> {
  const r = await getHost().saveFile({ suggestedName: file.name, kind: 'docx', bytes: file.bytes });
  return r.saved ? (r.fileName ?? file.name) : null;
}

async function lifeMeetingOf(db: PartyMinutesDB, meetingId: string): Promise<Meeting> {
  const meeting = await getMeeting(db, meetingId);
  if (!meeting) throw new DbError('找不到这条会议记录（可能已被删除）。请回到会议记录列表重新打开后再导出。');
  if (!meeting.life) throw new DbError('这条记录不是组织生活会或民主生活会记录，没有批评与自我批评内容。');
  return meeting;
}

/** 批评与自我批评记录 of one participant, or of everyone (one per page). Drafts until the record is 定稿. */
export async function buildCriticismFile(db: PartyMinutesDB, meetingId: string, participantId: string | 'all'): Promise<WordFile> {
  const meeting = await lifeMeetingOf(db, meetingId);
  const people = meeting.life?.participants ?? [];
  if (people.length === 0) throw new DbError('这次会议还没有录入参会人员的批评与自我批评，请先在会议记录中填写。');
  if (participantId !== 'all' && !people.some((p) => p.id === participantId)) {
    throw new DbError('这名参会人员已不在记录中（可能刚被删除），请重新打开导出菜单后再选择。');
  }
  const c = await commonFor(db, meeting.orgId);
  const org = orgForWord(c.org);
  const opts = { profile: c.profile, nonSecretMarking: c.settings.nonSecretMarking, draft: meeting.status !== 'final', participantId };
  return fileOf(buildCriticismRecord(meeting, org, opts), criticismFileName(meeting, org, opts), opts.draft);
}

/** 召开情况报告: always a draft; facts from the meeting, its talks, the ledger and the year's appraisal. */
export async function buildLifeReportFile(db: PartyMinutesDB, meetingId: string): Promise<WordFile> {
  const meeting = await lifeMeetingOf(db, meetingId);
  const c = await commonFor(db, meeting.orgId);
  const [talks, rectifications, appraisals] = await Promise.all([
    listRecords(db, TALKS, meeting.orgId),
    listRecords(db, RECTIFICATIONS, meeting.orgId),
    listRecords(db, APPRAISALS, meeting.orgId),
  ]);
  const year = meeting.life?.annualYear;
  const appraisal = appraisals.find((a) => a.meetingId === meeting.id) ?? appraisals.find((a) => a.annualYear === year) ?? null;
  const org = orgForWord(c.org);
  const opts = { profile: c.profile, nonSecretMarking: c.settings.nonSecretMarking, today: todayLocal() };
  const doc = buildLifeMeetingReport(meeting, org, { talks, rectifications, appraisal }, opts);
  return fileOf(doc, lifeReportFileName(meeting, org, opts), true);
}

/** 谈心谈话记录表: one talk, or several in one file (one form per page). */
export async function buildTalksFile(db: PartyMinutesDB, talkIds: readonly string[]): Promise<WordFile> {
  const found = await db.talks.bulkGet([...talkIds]);
  const talks = found.filter((t): t is Talk => !!t && !t.deletedAt);
  if (talks.length === 0) throw new DbError('所选谈心谈话记录不存在或已被删除，请刷新列表后重新选择。');
  const orgIds = new Set(talks.map((t) => t.orgId));
  if (orgIds.size > 1) throw new DbError('所选谈心谈话记录属于不同的党组织，请按党组织分别导出。');
  const c = await commonFor(db, talks[0].orgId);
  const org = orgForWord(c.org);
  const opts = { profile: c.profile, nonSecretMarking: c.settings.nonSecretMarking };
  return fileOf(buildTalkRecords(talks, org, opts), talkFileName(talks, org, opts), talks.some((t) => t.status !== 'final'));
}

export type AppraisalSheet = 'mark-sheet' | 'tally';

/** 民主测评表 (blank, for the anonymous marking) or 测评汇总表 (landscape). */
export async function buildAppraisalFile(db: PartyMinutesDB, appraisalId: string, sheet: AppraisalSheet): Promise<WordFile> {
  const a: Appraisal | undefined = await db.appraisals.get(appraisalId);
  if (!a || a.deletedAt) throw new DbError('找不到这条民主评议记录（可能已被删除），请回到列表重新打开。');
  if (a.entries.length === 0) throw new DbError('这条民主评议记录还没有参评党员，请先添加参评党员再导出。');
  const c = await commonFor(db, a.orgId);
  const org = orgForWord(c.org);
  const opts = { profile: c.profile, nonSecretMarking: c.settings.nonSecretMarking };
  const doc = sheet === 'mark-sheet' ? buildAppraisalMarkSheet(a, org, opts) : buildAppraisalTally(a, org, opts);
  return fileOf(doc, appraisalFileName(a, org, sheet, opts), sheet === 'tally' && a.status !== 'final');
}

/** 整改台账 of a 年度, or the 支部班子 / 个人 list only; 逾期 computed for today. */
export async function buildRectificationsFile(
  db: PartyMinutesDB,
  orgId: string,
  annualYear: number,
  listKind?: RectificationListKind,
): Promise<WordFile> {
  const c = await commonFor(db, orgId);
  const items: Rectification[] = await listRecords(db, RECTIFICATIONS, orgId);
  const org = orgForWord(c.org);
  const opts = { profile: c.profile, nonSecretMarking: c.settings.nonSecretMarking, annualYear, listKind, today: todayLocal() };
  return fileOf(buildRectificationLedger(items, org, opts), ledgerFileName(org, opts), false);
}
