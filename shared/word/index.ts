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

/** The minutes in the requested layout, or the profile's default layout. */
export function buildMinutes(
  meeting: Meeting,
  org: OrgForWord,
  opts: MinutesOptions & { layout?: DocumentLayout },
): Document {
  const layout = opts.layout ?? opts.profile.defaultLayout;
  return layout === 'table' ? buildTableMinutes(meeting, org, opts) : buildGongwenMinutes(meeting, org, opts);
}
