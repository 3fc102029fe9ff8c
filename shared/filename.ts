/**
 * File names built from user text (organisation names, meeting titles) must be inert:
 * no path separators, no traversal, nothing Windows or Linux refuses, bounded length.
 * Used by both hosts (the Electron save dialog and the browser download link).
 */
import type { FileKind } from './host';

/** Name used when nothing printable is left of the user's text. */
export const FALLBACK_FILE_NAME = '未命名';

/** Whole name (stem + '.' + extension), counted in UTF-16 code units (NTFS limit is 255). */
export const MAX_FILE_NAME_UNITS = 120;

/**
 * Whole name in UTF-8 bytes. ext4 and APFS allow 255 bytes; a Chinese character takes 3 and a
 * rare (supplementary-plane) character 4, so 120 code units of Chinese would be 360 bytes and fail
 * on Linux. 200 bytes leaves room for the temporary name used while writing atomically.
 */
export const MAX_FILE_NAME_BYTES = 200;

export interface FileKindInfo {
  /** Extension without the dot. */
  ext: string;
  /** Chinese label for dialog filters. */
  label: string;
  mime: string;
  /**
   * Largest file the host will open for this kind, in bytes.
   * `.pmx` transfer files hold a whole branch's records and attachments; Node's fs.readFile refuses
   * anything from 2 GiB up, and the renderer must hold the file plus its decrypted ZIP in memory,
   * so 2 GiB - 1 is the hard ceiling. Word/Excel files are only read as small imports.
   */
  maxOpenBytes: number;
}

export const FILE_KIND_INFO: Readonly<Record<FileKind, FileKindInfo>> = {
  docx: {
    ext: 'docx',
    label: 'Word 文档',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    maxOpenBytes: 200 * 1024 * 1024,
  },
  xlsx: {
    ext: 'xlsx',
    label: 'Excel 工作簿',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    maxOpenBytes: 200 * 1024 * 1024,
  },
  pmx: {
    ext: 'pmx',
    label: '党建会议记录交换文件',
    mime: 'application/octet-stream',
    maxOpenBytes: 2 * 1024 * 1024 * 1024 - 1,
  },
};

/**
 * C0/C1 control characters, DEL, lone surrogates, and invisible formatting characters that can
 * disguise a name (bidi overrides such as U+202E turn "报告\u202Excod.exe" into "报告exe.docx",
 * zero-width characters, BOM).
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Characters Windows refuses in names; '/' and '\' are also the path separators. */
const RESERVED_CHARS = /[<>:"/\\|?*]/g;

/** Windows device names, reserved with any extension (CON.docx is still the console). */
const RESERVED_STEM = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Leading/trailing characters that hide a file (Unix) or are silently dropped (Windows). */
const EDGE_TRIM = /^[\s.]+|[\s.]+$/g;

const utf8 = new TextEncoder();

function utf8Length(s: string): number {
  return utf8.encode(s).length;
}

/** Longest prefix within both limits, cut between code points (never inside a surrogate pair). */
function cutToBudget(s: string, maxUnits: number, maxBytes: number): string {
  let units = 0;
  let bytes = 0;
  let out = '';
  for (const ch of s) {
    const chBytes = utf8Length(ch);
    if (units + ch.length > maxUnits || bytes + chBytes > maxBytes) break;
    units += ch.length;
    bytes += chBytes;
    out += ch;
  }
  return out;
}

function normaliseExt(ext: string): string {
  const e = ext.startsWith('.') ? ext.slice(1) : ext;
  if (e !== '' && !/^[A-Za-z0-9]{1,10}$/.test(e)) {
    throw new Error(`扩展名不合法：${ext}`);
  }
  return e.toLowerCase();
}

/**
 * Turns user text into a safe base file name with the given extension ('docx' or '.docx'; '' for
 * none). Chinese and rare characters are kept exactly (no Unicode normalisation, which would
 * change CJK compatibility ideographs). Idempotent: sanitising the result changes nothing.
 */
export function sanitizeFileName(name: string, ext: string): string {
  const e = normaliseExt(ext);
  const suffix = e === '' ? '' : `.${e}`;

  let stem = name
    .replace(INVISIBLE, ' ')
    .replace(RESERVED_CHARS, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/ {2,}/g, ' ')
    .replace(EDGE_TRIM, '');

  // Do not double the extension the user (or a previous pass) already typed.
  if (suffix !== '' && stem.toLowerCase().endsWith(suffix)) {
    stem = stem.slice(0, stem.length - suffix.length).replace(EDGE_TRIM, '');
  }

  if (stem === '') stem = FALLBACK_FILE_NAME;
  // A reserved device name is defused by a leading '_' (reserved names are short, so the cut
  // below, which keeps dozens of characters, can never turn a name back into one).
  if (RESERVED_STEM.test(stem.split('.')[0].trimEnd())) stem = `_${stem}`;

  stem = cutToBudget(stem, MAX_FILE_NAME_UNITS - suffix.length, MAX_FILE_NAME_BYTES - suffix.length)
    .replace(EDGE_TRIM, '');
  if (stem === '') stem = FALLBACK_FILE_NAME;

  return stem + suffix;
}

/** Characters file systems refuse, swapped for their full-width look-alikes (readable in Chinese titles). */
const FULLWIDTH: Record<string, string> = {
  '/': '／', '\\': '＼', ':': '：', '*': '＊', '?': '？', '"': '＂', '<': '＜', '>': '＞', '|': '｜',
};

function inertPart(s: string): string {
  return s
    .replace(INVISIBLE, ' ')
    .replace(RESERVED_CHARS, (ch) => FULLWIDTH[ch])
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ');
}

/**
 * A document file name from a fixed prefix (e.g. 【机密★10年】), a title from user text and a fixed
 * suffix (（草稿）): every part is made inert (invisible and bidi characters dropped, refused
 * characters swapped for full-width look-alikes); only the title is shortened, so the marking and
 * （草稿） always survive; the whole passes sanitizeFileName (device names, byte budget).
 * Document builders use this one function for every kind of Word and Excel file.
 */
export function composeFileName(parts: { prefix?: string; title: string; suffix?: string; fallback?: string }, ext: string): string {
  const e = normaliseExt(ext);
  const prefix = inertPart(parts.prefix ?? '');
  const suffix = inertPart(parts.suffix ?? '');
  const tail = suffix + (e ? `.${e}` : '');
  const fallback = parts.fallback ?? FALLBACK_FILE_NAME;
  const title = inertPart(parts.title).replace(EDGE_TRIM, '') || fallback;
  const cut = cutToBudget(
    title,
    MAX_FILE_NAME_UNITS - prefix.length - tail.length,
    MAX_FILE_NAME_BYTES - utf8Length(prefix) - utf8Length(tail),
  ).replace(EDGE_TRIM, '');
  return sanitizeFileName(`${prefix}${cut || fallback}${suffix}`, e);
}
