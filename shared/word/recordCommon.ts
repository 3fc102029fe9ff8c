/**
 * What the record documents beyond the minutes share (谈心谈话记录表, 批评与自我批评记录, 测评表,
 * 整改台账, 召开情况报告): the marking rule of the minutes, titles that can start a new page, and the
 * options every builder takes.
 */
import { Paragraph } from 'docx';
import type { Classification, ClassificationLevel } from '../model';
import { CLASSIFICATION_LEVELS } from '../model';
import type { DocumentProfile } from '../model/documentProfile';
import { DEFAULT_UNIT_SETTINGS } from '../model/settings';
import { classificationMarking, isNationalSecret } from '../format';
import { labelRun, plain, SIGNATURE_BLANK, STYLE } from './typography';
import { oneLine } from './text';

export interface RecordDocOptions {
  profile: DocumentProfile;
  /** The unit's marking for 内部 records (UnitSettings.nonSecretMarking); omitted, the default. */
  nonSecretMarking?: string;
}

export type Marking = { text: string; secret: boolean } | null;

/** The marking printed on the first page, exactly as the minutes print it (domain §4.7). */
export function markingOf(c: Classification, nonSecretMarking: string = DEFAULT_UNIT_SETTINGS.nonSecretMarking): Marking {
  const text = oneLine(classificationMarking(c, oneLine(nonSecretMarking)));
  return text ? { text, secret: isNationalSecret(c) } : null;
}

/**
 * A batch of records carries the strictest marking among them (and the longest period at that
 * level), so one secret talk in a year's batch makes the whole file secret.
 */
export function strictestClassification(list: readonly Classification[]): Classification {
  const rank = (l: ClassificationLevel) => CLASSIFICATION_LEVELS.indexOf(l);
  let best: Classification = { level: 'none', years: null };
  for (const c of list) {
    if (rank(c.level) > rank(best.level)) best = c;
    else if (c.level === best.level && isNationalSecret(c) && (c.years === null || (best.years !== null && c.years > best.years))) best = c;
  }
  return best;
}

/** Title lines; the first may start a new page (one record per page in a batch file). */
export function titleParasBreak(lines: readonly string[], pageBreakBefore: boolean): Paragraph[] {
  return lines.map((line, i) => new Paragraph({ style: STYLE.title, pageBreakBefore: i === 0 && pageBreakBefore ? true : undefined, children: [plain(line)] }));
}

/** Marking lines of a record that starts a new page in a batch: the break goes on its first line. */
export function markingParasBreak(marking: Marking, pageBreakBefore: boolean): Paragraph[] {
  if (!marking) return [];
  const line = new Paragraph({ style: STYLE.marking, pageBreakBefore: pageBreakBefore && !marking.secret ? true : undefined, children: [plain(marking.text)] });
  // ★ markings sit on the second line; the first (份号) line stays empty.
  return marking.secret ? [new Paragraph({ pageBreakBefore: pageBreakBefore || undefined }), line] : [line];
}

/** A signature line like the minutes' one, with other roles: 本人（签字）：________　　记录人（签字）：________ */
export function signLine(labels: readonly string[]): Paragraph[] {
  const children = labels.flatMap((l, i) => [labelRun(`${l}（签字）：`), plain(i < labels.length - 1 ? `${SIGNATURE_BLANK}　　` : SIGNATURE_BLANK)]);
  return [new Paragraph({}), new Paragraph({ style: STYLE.signature, children })];
}
