/**
 * Everything a 台账合订本 is built from (plain data, so it crosses postMessage to the worker) and the
 * one function that turns it into .docx bytes, used by the worker, by the main-thread fallback and by
 * the benchmark. Record paragraphs are built one at a time with progress after each; between records
 * the caller may yield (main thread) or stop (cancel).
 */
import { toDocxBytes } from '../../../shared/word';
import { ledgerPageEstimator } from '../../../shared/word/bookPages';
import { appraisalEntry, rectificationEntries, talkEntry } from '../../../shared/word/bookRecords';
import { buildLedgerBook, meetingEntry, sortEntries, type BookEntry } from '../../../shared/word/ledgerBook';
import { BookCancelled, type BookProgress, type LedgerBookInput } from './bookTypes';

export { BookCancelled, type BookProgress, type LedgerBookInput } from './bookTypes';

export interface BuildHooks {
  onProgress?: (p: BookProgress) => void;
  /** Awaited between records (main-thread fallback: lets the page paint and take clicks). */
  pause?: () => Promise<void>;
  /** Checked between records; true stops the build with BookCancelled. */
  cancelled?: () => boolean;
}

/** Every record of the input as a book entry, in book order: meetings, talks, 测评汇总表, 整改台账. */
export function bookEntries(input: LedgerBookInput): BookEntry[] {
  const opts = { profile: input.profile, draft: false, layout: input.layout, nonSecretMarking: input.nonSecretMarking };
  const recordOpts = { profile: input.profile, nonSecretMarking: input.nonSecretMarking };
  return sortEntries([
    ...input.meetings.map((m) => meetingEntry(m, input.org, opts)),
    ...(input.talks ?? []).map((t) => talkEntry(t, input.org, recordOpts)),
    ...(input.appraisals ?? []).map((a) => appraisalEntry(a, input.org, recordOpts)),
    ...rectificationEntries(input.rectifications ?? [], input.org, input.period, input.compiledOn, recordOpts),
  ]);
}

export async function buildLedgerBookBytes(input: LedgerBookInput, hooks: BuildHooks = {}): Promise<Uint8Array<ArrayBuffer>> {
  const entries = bookEntries(input);
  const total = entries.length;
  // Build every record's paragraphs first, one by one, so progress and cancelling work per record.
  const built: BookEntry[] = [];
  for (let i = 0; i < total; i++) {
    if (hooks.cancelled?.()) throw new BookCancelled();
    const e = entries[i];
    const children = e.body();
    built.push({ ...e, body: () => children });
    hooks.onProgress?.({ phase: 'records', done: i + 1, total, label: e.label });
    if (hooks.pause) await hooks.pause();
  }
  if (hooks.cancelled?.()) throw new BookCancelled();
  hooks.onProgress?.({ phase: input.estimatePages ? 'pages' : 'pack', done: total, total, label: '' });
  const doc = buildLedgerBook({
    org: input.org,
    period: input.period,
    unitName: input.unitName,
    profile: input.profile,
    nonSecretMarking: input.nonSecretMarking,
    entries: built,
    findings: input.findings,
    compiledOn: input.compiledOn,
    pageNumbers: input.estimatePages ? ledgerPageEstimator() : undefined,
  });
  const raw = await toDocxBytes(doc);
  return raw.buffer instanceof ArrayBuffer ? (raw as Uint8Array<ArrayBuffer>) : new Uint8Array(raw);
}
