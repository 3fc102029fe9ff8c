/**
 * 签到表 (sign-in sheet): title, the meeting's facts, one row per expected attendee with an empty
 * 签名 cell, announced guests, then blank rows for guests nobody announced.
 */
import type { Document, FileChild } from 'docx';
import type { Meeting } from '../model';
import { MEETING_TYPE_LABELS } from '../model';
import type { DocumentProfile } from '../model/documentProfile';
import { formatMeetingTime, formatRunningNumber } from '../format';
import { buildMinutesContent, resolvedOrgName, roleOf, splitTitle, type OrgForWord } from './content';
import { pageDocument } from './document';
import { TABLE_LINE } from './page';
import { oneLine } from './text';
import { cellPara, fixedTable, labelPara, type RowSpec } from './tables';
import { bodyPara, emptyPara, markingParas, titleParas } from './typography';

/** 序号 | 姓名 | 职务/身份 | 签名 | 备注 = 8844 */
export const SIGN_IN_COLUMNS = [900, 1800, 2400, 2444, 1300] as const;
/** Room to sign: about 1.2 cm per row. */
export const SIGN_IN_ROW_HEIGHT = 680;

export interface SignInOptions {
  profile: DocumentProfile;
  /** Blank rows for unannounced guests; defaults to profile.signInBlankRows. */
  blankRows?: number;
  /** The unit's marking for 内部 records (UnitSettings.nonSecretMarking); omitted, the default. */
  nonSecretMarking?: string;
}

export function signInTitle(meeting: Meeting, org: OrgForWord, profile: DocumentProfile): string {
  return `${resolvedOrgName(org, profile)}${formatRunningNumber(meeting.year, meeting.seq)}${MEETING_TYPE_LABELS[meeting.type]}签到表`;
}

export function buildSignInSheet(meeting: Meeting, org: OrgForWord, opts: SignInOptions): Document {
  const profile = opts.profile;
  const c = buildMinutesContent(meeting, org, profile, opts.nonSecretMarking);
  const title = signInTitle(meeting, org, profile);

  const rows: RowSpec[] = [
    {
      header: true,
      cells: ['序号', '姓名', '职务/身份', '签名', '备注'].map((h) => ({ paragraphs: [labelPara(h)] })),
    },
  ];
  const listed = [...meeting.attendance.filter((e) => e.kind === 'member'), ...meeting.attendance.filter((e) => e.kind === 'guest')];
  listed.forEach((e, i) => {
    rows.push({
      minHeight: SIGN_IN_ROW_HEIGHT,
      cells: [
        { paragraphs: [cellPara(String(i + 1), { center: true })] },
        { paragraphs: [cellPara(oneLine(e.name), { center: true })] },
        { paragraphs: [cellPara(roleOf(e), { center: true })] },
        { paragraphs: [] },
        { paragraphs: [cellPara(e.kind === 'guest' ? '列席' : '', { center: true })] },
      ],
    });
  });
  const blanks = opts.blankRows ?? profile.signInBlankRows;
  for (let i = 0; i < blanks; i++) {
    rows.push({
      minHeight: SIGN_IN_ROW_HEIGHT,
      cells: [
        { paragraphs: [cellPara(String(listed.length + i + 1), { center: true })] },
        { paragraphs: [] },
        { paragraphs: [] },
        { paragraphs: [] },
        { paragraphs: [] },
      ],
    });
  }

  const facts = [
    bodyPara(formatMeetingTime(meeting.date, meeting.startTime, meeting.endTime), '时间：', { indent: false }),
    bodyPara(c.place, '地点：', { indent: false }),
    bodyPara(c.chair, '主持人：', { indent: false }),
  ];
  const children: FileChild[] = [
    ...markingParas(c.marking),
    ...titleParas(splitTitle(title, resolvedOrgName(org, profile))),
    emptyPara(),
    ...facts.filter((_, i) => i !== 1 || c.place),
    emptyPara(TABLE_LINE),
    fixedTable(SIGN_IN_COLUMNS, rows),
  ];
  return pageDocument({ profile, draft: false, title, children });
}
