/**
 * File names: 中共××局机关第一党支部2025年第3次支部委员会会议记录.docx; a ★ record carries its marking
 * in front (【机密★10年】…) so nobody mistakes it for an ordinary file; drafts end in （草稿）.
 */
import type { Classification, Meeting } from '../model';
import type { DocumentProfile } from '../model/documentProfile';
import { classificationMarking, isNationalSecret } from '../format';
import { minutesTitle, type OrgForWord } from './content';
import { signInTitle } from './signIn';
import { composeFileName } from '../filename';
import { oneLine } from './text';

/** A title made safe as (part of) a file name; the same rules as every other file name (shared/filename.ts). */
export function safeFileStem(s: string): string {
  return composeFileName({ title: oneLine(s), fallback: '会议记录' }, '');
}

export interface FileNameOptions {
  profile: DocumentProfile;
  draft: boolean;
  /** 'minutes' (default) or the 签到表. */
  kind?: 'minutes' | 'sign-in';
}

export function wordFileName(meeting: Meeting, org: OrgForWord, opts: FileNameOptions): string {
  const title = opts.kind === 'sign-in' ? signInTitle(meeting, org, opts.profile) : minutesTitle(meeting, org, opts.profile);
  return recordFileName(title, meeting.classification, opts.draft);
}

/**
 * The same convention for every other record (谈心谈话记录表, 测评表, 整改台账, 报告): a ★ marking in
 * front, the title made inert by safeFileStem, （草稿） at the end.
 */
export function recordFileName(title: string, classification: Classification, draft: boolean): string {
  const marking = isNationalSecret(classification) ? `【${classificationMarking(classification, '')}】` : '';
  // The marking and （草稿） are never cut off: only the title part is shortened (composeFileName
  // also drops invisible / bidi characters and defuses device names, within the byte budget).
  return composeFileName({ prefix: marking, title: oneLine(title), suffix: draft ? '（草稿）' : '' }, 'docx');
}
