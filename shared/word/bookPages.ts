/**
 * Page numbers of the 合订本's contents, worked out when the file is written (docx's layout estimate),
 * so the contents show numbers in readers that never update fields (LibreOffice, previews). Word and
 * WPS rebuild the TOC on opening anyway (updateFields). Kept apart from ledgerBook.ts: docx/layout is
 * large, and only the book (built in a worker) needs it.
 *
 * The estimate knows Latin fonts' widths, not the Chinese fonts the profile names (仿宋_GB2312 …), so
 * it is given their widths: CJK and full-width characters are one em, everything else half an em
 * (Times New Roman digits are exactly that).
 */
import { estimatePageNumbersWith, type MeasureWidth } from 'docx/layout';
import type { PageNumberEstimator } from 'docx';

function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // CJK radicals … unified ideographs, kana, full-width punctuation (3000–303F)
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000 || // supplementary ideographs (𬍛)
    code === 0x2014 || // — and … are set in the CJK font (hAnsi is the CJK font)
    code === 0x2026 ||
    code === 0x201c ||
    code === 0x201d
  );
}

export const cjkMeasureWidth: MeasureWidth = (text, font) => {
  let em = 0;
  for (const ch of text) em += isWide(ch.codePointAt(0) ?? 0) ? 1 : 0.5;
  return em * font.size;
};

export function ledgerPageEstimator(): PageNumberEstimator {
  return estimatePageNumbersWith({ measureWidth: cjkMeasureWidth, guess: true });
}
