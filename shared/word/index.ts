/**
 * Word output (issue 3): pure builders record → docx Document, and the bytes for saving.
 * Page set-up, fonts and markings follow GB/T 9704 through the unit's DocumentProfile.
 */
import type { Document } from 'docx';
import type { Meeting } from '../model';
import type { DocumentLayout } from '../model/documentProfile';
import type { OrgForWord } from './content';
import { buildGongwenMinutes, type MinutesOptions } from './gongwen';
import { buildTableMinutes } from './tableLayout';

export { buildGongwenMinutes, type MinutesOptions } from './gongwen';
export { buildTableMinutes, MINUTES_TABLE_COLUMNS } from './tableLayout';
export { buildSignInSheet, signInTitle, SIGN_IN_COLUMNS, type SignInOptions } from './signIn';
export { toDocxBytes, addMirrorMargins, DOCX_MIME, type PackOptions } from './pack';
export { wordFileName, safeFileStem, type FileNameOptions } from './fileName';
export { buildMinutesContent, voteText, attendanceHalves, minutesTitle, type MinutesContent, type OrgForWord } from './content';
export { xmlSafe, oneLine, paragraphsOf } from './text';
export * as wordPage from './page';
export { recordFileName } from './fileName';
export { markingOf, strictestClassification, type RecordDocOptions } from './recordCommon';
export { lifeSections, lifeInfoLines, participantSections, problemCountsByAspect } from './lifeContent';
export {
  buildCriticismRecord,
  criticismRecordBody,
  criticismFileName,
  criticismParticipants,
  criticismRecordTitle,
  type CriticismRecordOptions,
} from './criticismRecord';
export { buildTalkRecords, sortTalks, talkFileName, talkFormTitle, talkRecordBody, TALK_TABLE_COLUMNS, type TalkBodyOptions, type TalkFileNameOptions } from './talkRecord';
export {
  buildAppraisalMarkSheet,
  buildAppraisalTally,
  appraisalMarkSheetBody,
  appraisalTallyBody,
  appraisalFileName,
  appraisalTotals,
  appraisalResultText,
  excellentRateText,
  MARK_SHEET_COLUMNS,
  TALLY_COLUMNS,
  type AppraisalTotals,
} from './appraisalSheets';
export {
  buildRectificationLedger,
  rectificationLedgerBody,
  ledgerFileName,
  ledgerItems,
  ledgerTitle,
  ledgerSummaryText,
  LEDGER_COLUMNS,
  type LedgerOptions,
} from './rectificationLedger';
export {
  buildLifeMeetingReport,
  lifeMeetingReportBody,
  lifeReportFileName,
  lifeReportTitle,
  preparingTalks,
  secretaryBlank,
  type LifeReportOptions,
  type LifeReportRecords,
} from './lifeReport';

/** The minutes in the requested layout, or the profile's default layout. */
export function buildMinutes(
  meeting: Meeting,
  org: OrgForWord,
  opts: MinutesOptions & { layout?: DocumentLayout },
): Document {
  const layout = opts.layout ?? opts.profile.defaultLayout;
  return layout === 'table' ? buildTableMinutes(meeting, org, opts) : buildGongwenMinutes(meeting, org, opts);
}
