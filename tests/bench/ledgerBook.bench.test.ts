// `npm run bench`: a 500-record annual 台账合订本 in Chromium (the code the worker runs), against
// building the same 500 records as separate minutes documents. Target: < 10 s.
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { DEFAULT_DOCUMENT_PROFILE } from '../../shared/model/documentProfile';
import type { Meeting } from '../../shared/model';
import { buildMinutes, toDocxBytes } from '../../shared/word';
import { buildLedgerBookBytes, type LedgerBookInput } from '../../renderer/src/ledgerBook/buildBook';
import { committeeMeeting, generalAssemblyMeeting, lectureMeeting, ORG, themeDayMeeting } from '../fixtures/word/meetings';

const RECORDS = 500;
const RUNS = 3;
/** Books up to PAGE_ESTIMATE_MAX_RECORDS get their contents' page numbers estimated; timed on its own. */
const ESTIMATED = 40;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function meetings(): Meeting[] {
  const makers = [committeeMeeting, generalAssemblyMeeting, lectureMeeting, themeDayMeeting];
  return Array.from({ length: RECORDS }, (_, i) => {
    const m = makers[i % makers.length]();
    const month = (i % 12) + 1;
    const day = (Math.floor(i / 12) % 28) + 1;
    return { ...m, id: crypto.randomUUID(), year: 2025, seq: Math.floor(i / 4) + 1, date: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
  });
}

it(`台账合订本: ${RECORDS} records in one .docx (< 10 s)`, async () => {
  const ms = meetings();
  const input = (estimatePages: boolean, meetings = ms): LedgerBookInput => ({
    org: ORG,
    period: { year: 2025 },
    unitName: '××市财政局',
    profile: DEFAULT_DOCUMENT_PROFILE,
    nonSecretMarking: '内部资料 注意保存',
    layout: 'gongwen',
    meetings,
    findings: [],
    compiledOn: '2026-01-05',
    estimatePages,
  });
  const book: number[] = [];
  const small: number[] = [];
  const separate: number[] = [];
  let out = new Uint8Array();
  let separateBytes = 0;
  for (let run = 0; run <= RUNS; run++) {
    // As the app builds it: 500 records are over the estimate limit, so no page estimate.
    let t0 = performance.now();
    out = await buildLedgerBookBytes(input(false));
    if (run > 0) book.push(performance.now() - t0);
    t0 = performance.now();
    await buildLedgerBookBytes(input(true, ms.slice(0, ESTIMATED)));
    if (run > 0) small.push(performance.now() - t0);
    t0 = performance.now();
    separateBytes = 0;
    for (const m of ms) {
      const b = await toDocxBytes(buildMinutes(m, ORG, { profile: DEFAULT_DOCUMENT_PROFILE, draft: false, layout: 'gongwen' }));
      separateBytes += b.byteLength;
    }
    if (run > 0) separate.push(performance.now() - t0);
  }
  const result = {
    records: RECORDS,
    runs: RUNS,
    bookMedianMs: Math.round(median(book)),
    [`book${ESTIMATED}WithPageEstimateMedianMs`]: Math.round(median(small)),
    separateDocumentsMedianMs: Math.round(median(separate)),
    ratioBookToSeparate: Number((median(book) / median(separate)).toFixed(2)),
    bookBytes: out.byteLength,
    separateBytesTotal: separateBytes,
  };
  console.log(`\n台账合订本 benchmark (Chromium)\n${JSON.stringify(result, null, 2)}\n`);
  await commands.writeFile('bench-results/ledgerBook.json', JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2) + '\n');
  const xml = strFromU8(unzipSync(out)['word/document.xml']);
  expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(RECORDS + 1); // every record and the appendix
  expect(median(book)).toBeLessThan(10_000);
});
