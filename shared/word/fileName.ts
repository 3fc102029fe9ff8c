/**
 * File names: 中共××局机关第一党支部2025年第3次支部委员会会议记录.docx; a ★ record carries its marking
 * in front (【机密★10年】…) so nobody mistakes it for an ordinary file; drafts end in （草稿）.
 */
import type { Meeting } from '../model';
import type { DocumentProfile } from '../model/documentProfile';
import { classificationMarking, isNationalSecret } from '../format';
import { minutesTitle, type OrgForWord } from './content';
import { signInTitle } from './signIn';
import { oneLine } from './text';

/** Characters Windows, macOS and Kylin/UOS refuse in file names, swapped for full-width look-alikes. */
const FULLWIDTH: Record<string, string> = {
  '/': '／', '\\': '＼', ':': '：', '*': '＊', '?': '？', '"': '＂', '<': '＜', '>': '＞', '|': '｜',
};

/** Keeps file names within what every file system in use accepts (255 bytes on ext4 / 255 UTF-16 on NTFS). */
const MAX_STEM_CHARS = 80;

export function safeFileStem(s: string): string {
  const cleaned = oneLine(s)
    .replace(/[/\\:*?"<>|]/g, (ch) => FULLWIDTH[ch])
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const chars = [...cleaned];
  return (chars.length > MAX_STEM_CHARS ? chars.slice(0, MAX_STEM_CHARS).join('') : cleaned) || '会议记录';
}

export interface FileNameOptions {
  profile: DocumentProfile;
  draft: boolean;
  /** 'minutes' (default) or the 签到表. */
  kind?: 'minutes' | 'sign-in';
}

export function wordFileName(meeting: Meeting, org: OrgForWord, opts: FileNameOptions): string {
  const title = opts.kind === 'sign-in' ? signInTitle(meeting, org, opts.profile) : minutesTitle(meeting, org, opts.profile);
  const marking = isNationalSecret(meeting.classification) ? `【${classificationMarking(meeting.classification, '')}】` : '';
  const draft = opts.draft ? '（草稿）' : '';
  // The marking and （草稿） are never cut off: only the title part is shortened.
  return `${marking}${safeFileStem(title)}${draft}.docx`;
}
