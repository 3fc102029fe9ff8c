/**
 * GB/T 9704 page geometry in twips (domain §4.2–§4.4, design §9). Exact values, never
 * convertMillimetersToTwip (it floors).
 */
export const PAGE_WIDTH = 11906;
export const PAGE_HEIGHT = 16838;
export const MARGIN_TOP = 2098;
export const MARGIN_BOTTOM = 1984;
/** 订口 (binding side); with mirror margins this is the inside margin. */
export const MARGIN_LEFT = 1587;
/** With mirror margins this is the outside margin. */
export const MARGIN_RIGHT = 1474;
export const HEADER_DISTANCE = 851;
/** Puts the "— 1 —" line about 7 mm below the 版心 (domain §4.6). */
export const FOOTER_DISTANCE = 1418;
/** 版心 width (156 mm). Tables are exactly this wide (page width − margins is 8845; 8844 per domain §4.10B). */
export const TABLE_WIDTH = 8844;
/** Landscape 版心 width: 297 mm − 35 mm − 37 mm = 225 mm (the portrait 版心 turned). */
export const LANDSCAPE_TABLE_WIDTH = PAGE_HEIGHT - MARGIN_BOTTOM - MARGIN_TOP;

/** Fixed line spacing for 22 lines per page: 22 × 579 = 12738 ≤ 12756. */
export const LINE_PITCH = 579;
/**
 * 28 characters per line come from run-level condensing (w:spacing −5 in the run properties of the
 * body styles, typography.ts documentStyles): a 16 pt character advanced 15.75 pt gives
 * 28 × 15.75 = 441 pt ≤ 442.2 pt (版心 156 mm) and 29 do not fit, in Word, WPS and LibreOffice alike.
 * The docGrid is a line grid only: a linesAndChars grid with charSpace −848 makes LibreOffice put each
 * 3号 character in two cells (14 per line), and with charSpace 0 Word sets 27. Measured in LibreOffice 7.4.
 */
export const RUN_CONDENSE = -5;

/** Font sizes in half-points (w:sz). */
export const SZ_2HAO = 44;
export const SZ_3HAO = 32;
export const SZ_4HAO = 28;
export const SZ_XIAO4 = 24;

/** One 3号 character: 320 twips; two-character first-line indent: 640. */
export const CHAR_3HAO = 320;
export const INDENT_2CHARS = 640;
/** One 4号 character: 280 twips (page-number indent from the edge of the 版心). */
export const CHAR_4HAO = 280;

/** Page-number footer and draft header lines: exact 16 pt. */
export const FOOTER_LINE = 320;

/** Table layout: cells in 4号 at this exact line height. */
export const TABLE_LINE = 460;
/** Ledgers and tally sheets (domain §4.10C): cells in 五号 仿宋, header labels in 小四 黑体, at this exact line height. */
export const SZ_5HAO = 21;
export const LEDGER_LINE = 300;
