/**
 * Everything an export needs, read fresh from the database at the moment of export, and the one
 * function that turns it into a file name and .docx bytes (shared/word builders do the work).
 */
import type { Meeting, Organisation, UnitSettings } from '../../../shared/model';
import type { DocumentProfile } from '../../../shared/model/documentProfile';
import { checkMeeting, type MeetingIssue, type MeetingIssueCode } from '../../../shared/rules/meetingChecks';
import { buildMinutes, buildSignInSheet, toDocxBytes, wordFileName, type OrgForWord } from '../../../shared/word';
import { DbError, getMeeting, getOrganisation, getSettings, listMembers, type PartyMinutesDB } from '../../db';
import { getDocumentProfile } from '../../db/documentProfile';

/** What the user can export: the minutes in either layout, or the 签到表. */
export type WordKind = 'gongwen' | 'table' | 'sign-in';
export const WORD_KINDS: readonly WordKind[] = ['gongwen', 'table', 'sign-in'];

export const WORD_KIND_LABELS: Record<WordKind, string> = {
  gongwen: '会议记录（公文版式）',
  table: '会议记录（表格式）',
  'sign-in': '签到表',
};

export interface ExportContext {
  meeting: Meeting;
  org: Organisation;
  settings: UnitSettings;
  profile: DocumentProfile;
  /** checkMeeting output (errors and warnings), as the editor computes it. */
  issues: MeetingIssue[];
}

export async function loadExportContext(db: PartyMinutesDB, meetingId: string): Promise<ExportContext> {
  const meeting = await getMeeting(db, meetingId);
  if (!meeting) throw new DbError('找不到这条会议记录（可能已被删除）。请回到会议记录列表重新打开后再导出。');
  const org = await getOrganisation(db, meeting.orgId);
  if (!org) {
    throw new DbError('找不到这条记录所属的党组织，无法生成记录标题。请先在“回收站”中恢复该党组织，再导出。');
  }
  const [settings, profile, members, series] = await Promise.all([
    getSettings(db),
    getDocumentProfile(db),
    listMembers(db),
    db.meetingIndex.where('[orgId+year+type]').equals([meeting.orgId, meeting.year, meeting.type]).toArray(),
  ]);
  const issues = checkMeeting(meeting, { org, settings, members, otherMeetings: series });
  return { meeting, org, settings, profile, issues };
}

/** The fields a 签到表 prints: only their absence matters for it (it is filled in by hand anyway). */
const SIGN_IN_CODES: readonly MeetingIssueCode[] = ['REQUIRED_DATE', 'REQUIRED_PLACE', 'REQUIRED_CHAIR', 'REQUIRED_ATTENDEE'];

/** The 定稿 errors the user must be told about before this export (never printed silently as blanks). */
export function blockingIssues(ctx: ExportContext, kind: WordKind): MeetingIssue[] {
  const errors = ctx.issues.filter((i) => i.severity === 'error');
  return kind === 'sign-in' ? errors.filter((i) => SIGN_IN_CODES.includes(i.code)) : errors;
}

/** Minutes of a record that is not 定稿 are drafts (草稿 in the header and the file name). */
export function isDraftExport(ctx: ExportContext, kind: WordKind): boolean {
  return kind !== 'sign-in' && ctx.meeting.status !== 'final';
}

export function orgForWord(org: Organisation): OrgForWord {
  return { fullName: org.fullName, name: org.name };
}

export interface WordFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  draft: boolean;
}

export async function buildWordFile(ctx: ExportContext, kind: WordKind): Promise<WordFile> {
  const { meeting, profile } = ctx;
  const org = orgForWord(ctx.org);
  const draft = isDraftExport(ctx, kind);
  // The 内部 marking has one home: the unit settings.
  const nonSecretMarking = ctx.settings.nonSecretMarking;
  const doc =
    kind === 'sign-in'
      ? buildSignInSheet(meeting, org, { profile, nonSecretMarking })
      : buildMinutes(meeting, org, { profile, draft, layout: kind, nonSecretMarking });
  const raw = await toDocxBytes(doc);
  // The host contract wants ArrayBuffer-backed bytes; the packer's always are, so this never copies.
  const bytes = raw.buffer instanceof ArrayBuffer ? (raw as Uint8Array<ArrayBuffer>) : new Uint8Array(raw);
  const name = wordFileName(meeting, org, { profile, draft, kind: kind === 'sign-in' ? 'sign-in' : 'minutes' });
  return { name, bytes, draft };
}
