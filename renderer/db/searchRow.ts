/**
 * The gram row of one searchable record (design §8, docs/search.md) and the tokenizer that decides
 * how its sensitive text is indexed. Shared by the write path (searchIndex.ts), the deferred
 * indexer (searchIndexer.ts) and the query (search.ts).
 *
 * Sensitive text (talk contents, criticism, self-criticism, 表态, appraisal texts) enters the index
 * only through the sensitive gram tokenizer (setSensitiveGramTokenizer):
 *  - default (no password set): `s:` + gram — the data are not encrypted at rest anyway, so the
 *    index reveals nothing the record itself does not;
 *  - encryption on and the data key unlocked: the security code installs a keyed tokenizer
 *    (`k:` + keyed hash of the gram), so the index holds no readable sensitive text;
 *  - `null` (encryption on, key locked): nothing is indexed until a tokenizer is installed again.
 * After changing the tokenizer for an existing database, call rebuildSearchIndex(db) so every row
 * is re-derived (until then, old rows keep the old tokens).
 */
import { searchFacts, searchText, searchTokens, type RecordOfTable, type SearchTable, type SensitiveGramTokenizer } from '../../shared/search';
import type { SearchIndexRow } from './database';

export type { SensitiveGramTokenizer };

/** Sensitive grams in the clear, marked so they never mix with plain grams (no password set). */
export const plainSensitiveTokenizer: SensitiveGramTokenizer = (gram) => 's:' + gram;

let sensitiveTokenizer: SensitiveGramTokenizer | null = plainSensitiveTokenizer;
const listeners = new Set<() => void>();

/**
 * Installs how grams of sensitive text are indexed and looked up: a keyed tokenizer while the data
 * key is unlocked, `plainSensitiveTokenizer` when no password is set, `null` to index none.
 */
export function setSensitiveGramTokenizer(fn: SensitiveGramTokenizer | null): void {
  sensitiveTokenizer = fn;
  for (const l of listeners) l();
}

export function getSensitiveGramTokenizer(): SensitiveGramTokenizer | null {
  return sensitiveTokenizer;
}

/** Called after every setSensitiveGramTokenizer (the deferred indexer resumes on unlock). */
export function onTokenizerChange(fn: () => void): void {
  listeners.add(fn);
}

export const searchKey = (table: SearchTable, id: string) => `${table}:${id}`;

/** The index row of one record. Pure apart from the installed tokenizer; exported for tests. */
export function searchIndexRow<T extends SearchTable>(table: T, record: RecordOfTable[T]): SearchIndexRow {
  const { plain, sensitive } = searchText(table, record);
  const f = searchFacts(table, record);
  return {
    key: searchKey(table, record.id),
    table,
    recordId: record.id,
    orgId: f.orgId,
    year: f.year,
    kind: f.kind,
    live: f.live,
    grams: searchTokens(plain, sensitive, sensitiveTokenizer),
  };
}
