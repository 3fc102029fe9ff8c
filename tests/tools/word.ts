/**
 * Test helpers for the Word output: fonts, LibreOffice conversion, unzip, PDF text with positions.
 * LibreOffice is not WPS or Word (design §4): the XML assertions carry the standard; rendering
 * proves the file opens and lays out.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

export const REPO = resolve(__dirname, '../..');
export const TMP = join(REPO, '.tmp');
export const PYTHON = '/usr/bin/python3';

/** Runs tests/tools/setup-fonts.sh once (it is idempotent) and returns the fonts.conf path. */
export function ensureFonts(): string {
  const conf = join(TMP, 'fonts', 'fonts.conf');
  if (existsSync(conf) && existsSync(join(TMP, 'fonts', 'otf', 'FandolFang-Regular.otf'))) return conf;
  const out = execFileSync('bash', [join(REPO, 'tests/tools/setup-fonts.sh'), join(TMP, 'fonts')], { encoding: 'utf8' });
  return out.trim().split('\n').pop() ?? conf;
}

/** Converts .docx files to PDF in one soffice run (its own profile dir, our fontconfig). */
export function convertToPdf(files: readonly string[], outDir: string): string[] {
  const conf = ensureFonts();
  mkdirSync(outDir, { recursive: true });
  const profile = join(TMP, 'lo-profile-word');
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
    { env: { ...process.env, FONTCONFIG_FILE: conf, SAL_USE_VCLPLUGIN: 'svp' }, encoding: 'utf8', timeout: 300_000 },
  );
  const pdfs = files.map((f) => join(outDir, basename(f).replace(/\.docx$/, '.pdf')));
  const missing = pdfs.filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`LibreOffice did not produce ${missing.join(', ')}\n${r.stdout}\n${r.stderr}`);
  return pdfs;
}

export function unzipDocx(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) if (k.endsWith('.xml') || k.endsWith('.rels')) out[k] = strFromU8(v);
  return out;
}

export interface PdfLine {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}
export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

const num = (s: string, attr: string) => Number(new RegExp(`${attr}="([\\d.]+)"`).exec(s)?.[1] ?? NaN);
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * pdftotext splits one printed line into several "lines" where glyphs are far apart (grid spacing,
 * table cells). Merge those whose vertical centres agree into one row, left to right.
 */
function mergeRows(lines: PdfLine[]): PdfLine[] {
  const sorted = [...lines].sort((a, b) => (a.yMin + a.yMax) / 2 - (b.yMin + b.yMax) / 2 || a.xMin - b.xMin);
  const rows: PdfLine[][] = [];
  for (const l of sorted) {
    const last = rows[rows.length - 1];
    const mid = (l.yMin + l.yMax) / 2;
    if (last && Math.abs((last[0].yMin + last[0].yMax) / 2 - mid) < 3) last.push(l);
    else rows.push([l]);
  }
  return rows.map((r) => {
    r.sort((a, b) => a.xMin - b.xMin);
    return {
      xMin: Math.min(...r.map((l) => l.xMin)),
      xMax: Math.max(...r.map((l) => l.xMax)),
      yMin: Math.min(...r.map((l) => l.yMin)),
      yMax: Math.max(...r.map((l) => l.yMax)),
      text: r.map((l) => l.text).join(' '),
    };
  });
}

/** pdftotext -bbox-layout: every line of every page with its box (points, origin top-left). */
export function pdfLines(pdf: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const pm of html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const lines: PdfLine[] = [];
    for (const lm of pm[2].matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...lm[2].matchAll(/<word [^>]*>([\s\S]*?)<\/word>/g)].map((w) => unescape(w[1]));
      lines.push({ xMin: num(lm[1], 'xMin'), yMin: num(lm[1], 'yMin'), xMax: num(lm[1], 'xMax'), yMax: num(lm[1], 'yMax'), text: words.join(' ') });
    }
    pages.push({ width: num(pm[1], 'width'), height: num(pm[1], 'height'), lines: mergeRows(lines) });
  }
  return pages;
}

/** pdftotext -layout text, one string per page. */
export function pdfLayoutText(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).split('\f').slice(0, -1);
}

export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

export function renderPng(pdf: string, outPrefix: string, pages: [number, number] = [1, 2], dpi = 60): void {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(pages[0]), '-l', String(pages[1]), pdf, outPrefix]);
}

export function readBytes(p: string): Uint8Array {
  return new Uint8Array(readFileSync(p));
}
