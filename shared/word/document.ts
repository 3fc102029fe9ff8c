/**
 * One section on GB/T 9704 A4 with the page-number footers, optional 草稿 header and the grid.
 */
import { Document, DocumentGridType, type FileChild } from 'docx';
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
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: {
              top: MARGIN_TOP,
              bottom: MARGIN_BOTTOM,
              left: MARGIN_LEFT,
              right: MARGIN_RIGHT,
              header: HEADER_DISTANCE,
              footer: FOOTER_DISTANCE,
              gutter: 0,
            },
          },
          // Line grid only; 28 characters per line come from run condensing (see page.ts).
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        headers: o.draft ? draftHeaders() : undefined,
        footers: pageNumberFooters(o.profile.pageNumberStyle),
        children: o.children,
      },
    ],
  });
  if (o.profile.duplex) mirrored.add(doc);
  return doc;
}
