/**
 * Text normalisation for search (design §8): the index, the query and the snippet highlighter all
 * go through the same function, so "what matches" has one definition.
 *
 * - NFKC is applied PER CHARACTER (code point), then Latin is lower-cased: full-width ＡＢＣ１ → abc1,
 *   compatibility forms fold, and every normalised character maps back to exactly one original
 *   character (snippets highlight the original text). Compositions across characters (e + U+0301)
 *   are not merged; Chinese text has none.
 * - Whitespace and control characters (newlines, U+3000 全角空格, tabs) become one space; runs of
 *   them collapse to one space. Field separators (FIELD_SEP) are kept: a match never spans two fields.
 */

/** Separates the fields of a record's search text (not whitespace, never typed by users). */
export const FIELD_SEP = '\u001f';

const SPACE_LIKE = /[\s\u0000-\u001e\u007f-\u009f\u200b\ufeff]/u;

export interface NormalisedText {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 unit of `text`: the original [start, end) of the character it came from. */
  start: number[];
  end: number[];
}

function foldChar(ch: string): string {
  const n = ch.normalize('NFKC').toLowerCase();
  return SPACE_LIKE.test(n) && n !== FIELD_SEP ? ' ' : n;
}

/** Normalises `raw` and keeps, for every normalised unit, where it came from in `raw`. */
export function normaliseWithMap(raw: string): NormalisedText {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of raw) {
    const from = i;
    i += ch.length;
    const out = ch === FIELD_SEP ? FIELD_SEP : foldChar(ch);
    for (const u of out) {
      // One space for a run of spaces: later spaces extend the first one.
      if (u === ' ' && text.endsWith(' ')) {
        end[end.length - 1] = i;
        continue;
      }
      for (let k = 0; k < u.length; k++) {
        start.push(from);
        end.push(i);
      }
      text += u;
    }
  }
  return { text, start, end };
}

/** Normalised text only (index side); always equal to normaliseWithMap(raw).text. */
export function normaliseText(raw: string): string {
  let text = '';
  for (const ch of raw) {
    // Fast path: CJK and ordinary letters need no folding beyond lower-casing ASCII.
    const c = ch.charCodeAt(0);
    if (c >= 0x4e00 && c <= 0x9fff) {
      text += ch;
      continue;
    }
    const out = ch === FIELD_SEP ? FIELD_SEP : foldChar(ch);
    for (const u of out) {
      if (u === ' ' && text.endsWith(' ')) continue;
      text += u;
    }
  }
  return text;
}

/** A query as matched: normalised, trimmed, no field separators. Empty means "no query". */
export function normaliseQuery(raw: string): string {
  return normaliseText(raw.replaceAll(FIELD_SEP, ' ')).trim();
}
