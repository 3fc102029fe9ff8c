/**
 * Text is inert (brief item 7): the docx library escapes & < > " itself, but characters that XML 1.0
 * forbids (C0 controls except tab/newline, lone surrogates, U+FFFE/U+FFFF) would make a file Word
 * refuses to open, so they are removed here. Everything else, emoji and rare characters (堃, 𬍛)
 * included, is kept exactly.
 */

// C0 controls other than \t \n \r, DEL and C1 controls, and the two non-characters XML forbids.
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that cannot appear in XML; tabs become a space. Newlines are kept. */
export function xmlSafe(s: string): string {
  return s.replace(ILLEGAL, '').replace(LONE_SURROGATE, '').replace(/\t/g, ' ');
}

/** A one-line field (name, place, title): newlines become spaces, ends trimmed. */
export function oneLine(s: string | undefined | null): string {
  if (!s) return '';
  return xmlSafe(s).replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').trim();
}

/** A long field split into its paragraphs; blank lines are dropped. */
export function paragraphsOf(s: string | undefined | null): string[] {
  if (!s) return [];
  return xmlSafe(s)
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
