/**
 * Index grams (design §8): the distinct bigrams of the normalised text whose two characters are
 * both letters or digits (汉字, Latin, numbers), plus an END gram `c` + U+0003 for every letter or
 * digit that is NOT followed by one (last character of a field, before punctuation or a space).
 *
 * Why this shape (measured in tests/bench/search.bench.test.ts): every index entry costs a
 * LevelDB write of ~100–200 bytes in Chromium, so grams with punctuation or spaces (about a
 * fifth of all) and a separate unigram per character (about a third more) are left out.
 * One-character queries stay exact without unigrams: every occurrence of a character starts either
 * a bigram or an END gram, so the index range "grams starting with c" finds every record that
 * contains c (renderer/db/search.ts). Queries made only of punctuation fall back to a scan.
 *
 * Characters are code points (𬍛 is one character). No gram crosses a field separator.
 */
import { FIELD_SEP, normaliseQuery, normaliseText } from './normalise';

/** Marks a word character that is not followed by another one. */
export const END = '\u0003';

const WORD = /^[\p{L}\p{N}]$/u;
/** Letters and digits are indexed; punctuation, symbols and spaces are not. */
export const isWordChar = (c: string): boolean => c.length <= 2 && WORD.test(c);

/** The index tokens of a character sequence (one field, or a query when `query` is set). */
function pairTokens(cs: string[], out: Set<string>, query: boolean): void {
  for (let i = 0; i < cs.length; i++) {
    if (!isWordChar(cs[i])) continue;
    const next = cs[i + 1];
    if (next !== undefined && isWordChar(next)) out.add(cs[i] + next);
    // At the end of a query the text may go on with a word character: no END gram there.
    else if (next !== undefined || !query) out.add(cs[i] + END);
  }
}

/** Distinct index grams of `raw` (normalised first): word bigrams and END grams. */
export function indexGrams(raw: string): string[] {
  const out = new Set<string>();
  for (const f of normaliseText(raw).split(FIELD_SEP)) pairTokens(Array.from(f), out, false);
  return [...out];
}

/** Distinct word bigrams of `raw` (normalised first); END grams left out. */
export function bigrams(raw: string): string[] {
  return indexGrams(raw).filter((g) => !g.endsWith(END));
}

/**
 * How a query is looked up:
 *  - `grams`: every one of these grams is in the index row of any record that contains the query
 *    (`exact`: a record has them iff it contains the query — a two-character word query);
 *  - `prefix`: no pair to look up: records with any gram starting with its first word character
 *    (`exact` when the query is that one character);
 *  - `scan`: no word character at all (only punctuation): records are read and checked;
 *  - `none`: empty query.
 */
export type QueryPlan =
  | { kind: 'grams'; grams: string[]; exact: boolean }
  | { kind: 'prefix'; char: string; exact: boolean }
  | { kind: 'scan' }
  | { kind: 'none' };

export function queryPlan(rawQuery: string): QueryPlan {
  const q = normaliseQuery(rawQuery);
  const cs = Array.from(q);
  if (!cs.length) return { kind: 'none' };
  const out = new Set<string>();
  pairTokens(cs, out, true);
  if (out.size) return { kind: 'grams', grams: [...out], exact: cs.length === 2 && out.size === 1 && !cs.some((c) => !isWordChar(c)) };
  const word = cs.find(isWordChar);
  return word ? { kind: 'prefix', char: word, exact: cs.length === 1 } : { kind: 'scan' };
}

/** A keyed (or prefixed) token for a gram of sensitive text; see renderer/db/searchIndex.ts. */
export type SensitiveGramTokenizer = (gram: string) => string;

/**
 * The `grams` of a search index row: plain grams as they are, sensitive grams only through the
 * tokenizer (none when it is null: sensitive text is then not searchable at all).
 */
export function searchTokens(plain: string, sensitive: string, sensitiveTokenizer: SensitiveGramTokenizer | null): string[] {
  const out = new Set(indexGrams(plain));
  if (sensitiveTokenizer && sensitive) for (const g of indexGrams(sensitive)) out.add(sensitiveTokenizer(g));
  return [...out];
}
