/**
 * One section on GB/T 9704 A4 with the page-number footers, optional 草稿 header and the grid.
 */
import { Document, DocumentGridType, PageOrientation, type FileChild } from 'docx';
import type { DocumentProfile } from '../model/documentProfile';
import { FONT_SETS } from '../model/documentProfile';
import {
  FOOTER_DISTANCE,
  HEADER_DISTANCE,
  LINE_PITCH,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  PAGE_HEIGHT,
  PAGE_WIDTH,
} from './page';
import { documentStyles, draftHeaders, pageNumberFooters } from './typography';

/** Documents that need w:mirrorMargins added when packed (docx 9.15 has no option for it). */
const mirrored = new WeakSet<Document>();

export function wantsMirrorMargins(doc: Document): boolean {
  return mirrored.has(doc);
}

export interface PageDocumentOptions {
  profile: DocumentProfile;
  draft: boolean;
  title: string;
  children: FileChild[];
  /**
   * Ledgers and tally sheets (domain §4.10C) are A4 landscape: the paper turned a quarter clockwise,
   * so every edge keeps its GB/T 9704 margin (the 28 mm 订口 is now at the top, where the table head
   * faces the binding edge, domain §4.6) and the 版心 is 225 × 156 mm (LANDSCAPE_TABLE_WIDTH wide).
   */
  orientation?: 'portrait' | 'landscape';
}

/**
 * The page set-up of a section in either orientation (pageDocument, and the 台账合订本's sections).
 * Landscape: the sheet turned a quarter clockwise, each edge keeping its GB/T 9704 margin, and the
 * footer distance shortened by what the bottom margin lost (35 → 26 mm), so the "— 1 —" line stays
 * about 7 mm below the 版心 instead of rising into its last line.
 */
export function sectionPage(orientation: 'portrait' | 'landscape' = 'portrait') {
  const landscape = orientation === 'landscape';
  const margin = landscape
    ? { top: MARGIN_LEFT, right: MARGIN_TOP, bottom: MARGIN_RIGHT, left: MARGIN_BOTTOM }
    : { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: MARGIN_LEFT, right: MARGIN_RIGHT };
  return {
    page: {
      // docx writes w:w/w:h swapped for landscape; the size is given as the portrait sheet.
      size: landscape
        ? { width: PAGE_WIDTH, height: PAGE_HEIGHT, orientation: PageOrientation.LANDSCAPE }
        : { width: PAGE_WIDTH, height: PAGE_HEIGHT },
      margin: {
        ...margin,
        header: HEADER_DISTANCE,
        // The "— 1 —" line stays about 7 mm below the 版心 whatever the bottom margin is.
        footer: FOOTER_DISTANCE - (MARGIN_BOTTOM - margin.bottom),
        gutter: 0,
      },
    },
    // Line grid only; 28 characters per line come from run condensing (see page.ts).
    // Landscape ledgers have no 3号 body to hold to 22 lines; without the grid LibreOffice would round
    // their 15 pt table lines up to its 28.95 pt pitch.
    grid: landscape ? undefined : { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
  };
}

export function pageDocument(o: PageDocumentOptions): Document {
  const doc = new Document({
    title: o.title,
    creator: '党建会议记录',
    lastModifiedBy: '党建会议记录',
    evenAndOddHeaderAndFooters: true,
    // Named styles built from the profile's font set; paragraphs and runs only refer to them.
    styles: documentStyles(FONT_SETS[o.profile.fontSet]),
    sections: [
      {
        properties: sectionPage(o.orientation),
        headers: o.draft ? draftHeaders() : undefined,
        footers: pageNumberFooters(o.profile.pageNumberStyle),
        children: o.children,
      },
    ],
  });
  if (o.profile.duplex) mirrored.add(doc);
  return doc;
}
