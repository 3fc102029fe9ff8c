/**
 * Exact-match highlighting for result snippets. Matching is exact substring matching on the
 * normalised text (书记 never matches 记书); ranges are reported in the ORIGINAL text, so the
 * secretary sees her own characters. Results are plain data: the UI renders them as React text
 * and <mark> elements (never as HTML).
 */
import { FIELD_SEP, normaliseQuery, normaliseWithMap } from './normalise';

export interface Segment {
  text: string;
  hit: boolean;
}

/** Every occurrence (overlapping ones too) of `query` in `text`, as [start, end) of the original. */
export function findMatches(text: string, query: string): [number, number][] {
  const q = normaliseQuery(query);
  if (!q) return [];
  const n = normaliseWithMap(text);
  const out: [number, number][] = [];
  for (let at = n.text.indexOf(q); at >= 0; at = n.text.indexOf(q, at + 1)) {
    // Do not split a surrogate pair: an occurrence starts on a character boundary.
    if (at > 0 && n.start[at] === n.start[at - 1] && n.text.charCodeAt(at) >= 0xdc00 && n.text.charCodeAt(at) <= 0xdfff) continue;
    out.push([n.start[at], n.end[at + q.length - 1]]);
  }
  return out;
}

/** The whole text cut into segments; hit segments are exactly the union of the matches. */
export function highlight(text: string, query: string): Segment[] {
  const merged: [number, number][] = [];
  for (const [s, e] of findMatches(text, query)) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of merged) {
    if (s > pos) out.push({ text: text.slice(pos, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    pos = e;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), hit: false });
  return out;
}

export interface SnippetOptions {
  /** Characters of context shown before and after a hit (default 24). */
  context?: number;
  /** At most this many snippets (default 3). */
  max?: number;
}

/** Code-point-safe slice of the first / last `n` characters. */
const head = (s: string, n: number) => Array.from(s).slice(0, n).join('');
const tail = (s: string, n: number) => (n <= 0 ? '' : Array.from(s).slice(-n).join(''));

/**
 * Snippets around the matches of `query` in `text` (fields separated by FIELD_SEP are cut apart;
 * no snippet spans two fields). Each snippet is a list of segments; '…' marks cut text.
 */
export function matchSnippets(text: string, query: string, { context = 24, max = 3 }: SnippetOptions = {}): Segment[][] {
  const out: Segment[][] = [];
  for (const field of text.split(FIELD_SEP)) {
    const segs = highlight(field, query);
    let i = 0;
    while (i < segs.length && out.length < max) {
      if (!segs[i].hit) {
        i++;
        continue;
      }
      // One snippet: this hit, plus following hits whose gap is short enough to show whole.
      const snippet: Segment[] = [];
      const before = i > 0 ? segs[i - 1].text : '';
      const shown = tail(before, context);
      if (shown.length < before.length) snippet.push({ text: '…', hit: false });
      if (shown) snippet.push({ text: shown, hit: false });
      snippet.push(segs[i]);
      i++;
      while (i + 1 < segs.length && segs[i + 1].hit && Array.from(segs[i].text).length <= 2 * context) {
        snippet.push(segs[i], segs[i + 1]);
        i += 2;
      }
      const after = i < segs.length ? segs[i].text : '';
      const shownAfter = head(after, context);
      if (shownAfter) snippet.push({ text: shownAfter, hit: false });
      if (shownAfter.length < after.length) snippet.push({ text: '…', hit: false });
      out.push(snippet);
    }
    if (out.length >= max) break;
  }
  return out;
}
