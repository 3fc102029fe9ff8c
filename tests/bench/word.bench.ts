/**
 * Word export benchmark (not a test; the lead wires it into `npm run bench`).
 * Builds a 20-page 支部党员大会 record → .docx bytes through shared/word, and packs a bare docx
 * Document with the same paragraphs (no styling), so the builders' own cost can be told apart from
 * the docx library's. Reports medians in milliseconds.
 */
import { Document, Packer, Paragraph } from 'docx';
import { DEFAULT_DOCUMENT_PROFILE } from '../../shared/model/documentProfile';
import { buildMinutes, buildMinutesContent, toDocxBytes } from '../../shared/word';
import { assemblyOfPages, ORG } from '../fixtures/word/meetings';

export interface WordBenchResult {
  pages: number;
  iterations: number;
  /** shared/word: build the Document and pack it to bytes. */
  builderMedianMs: number;
  /** docx alone: the same paragraph texts, unstyled, packed. */
  bareDocxMedianMs: number;
  bytes: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function runWordBench(pages = 20, iterations = 9): Promise<WordBenchResult> {
  const meeting = assemblyOfPages(pages);
  const content = buildMinutesContent(meeting, ORG, DEFAULT_DOCUMENT_PROFILE);
  const texts = [
    ...content.titleLines,
    content.time,
    content.place,
    ...content.agendaTitles,
    ...(content.proceedings?.blocks ?? []).map((b) => b.text),
    ...(content.decisions?.blocks ?? []).map((b) => b.text),
    ...(content.summary?.blocks ?? []).map((b) => b.text),
  ];
  const builder: number[] = [];
  const bare: number[] = [];
  let bytes = 0;
  // One warm-up round each, not counted.
  for (let i = 0; i <= iterations; i++) {
    let t0 = performance.now();
    const out = await toDocxBytes(buildMinutes(meeting, ORG, { profile: DEFAULT_DOCUMENT_PROFILE, draft: false, layout: 'gongwen' }));
    if (i > 0) builder.push(performance.now() - t0);
    bytes = out.byteLength;
    t0 = performance.now();
    await Packer.toArrayBuffer(new Document({ sections: [{ children: texts.map((t) => new Paragraph(t)) }] }));
    if (i > 0) bare.push(performance.now() - t0);
  }
  return { pages, iterations, builderMedianMs: median(builder), bareDocxMedianMs: median(bare), bytes };
}

export default runWordBench;
