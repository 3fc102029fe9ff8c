/**
 * Runs and paragraphs in the GB/T 9704 styles (domain §4.5). Every run names its fonts explicitly,
 * East Asian separately (w:eastAsia) and hAnsi as the CJK font too, so "—" and "…" come from the
 * Chinese font in Word, WPS and LibreOffice alike.
 */
import {
  AlignmentType,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import type { DocumentProfile, FontSet, PageNumberStyle } from '../model/documentProfile';
import { FONT_SETS } from '../model/documentProfile';
import { CHAR_4HAO, INDENT_2CHARS, LINE_PITCH, RUN_CONDENSE, SZ_2HAO, SZ_3HAO, SZ_4HAO } from './page';
import type { Block } from './content';

export type FontRole = 'body' | 'kai' | 'hei' | 'title' | 'song';

export interface Typo {
  fonts: FontSet;
  /** Run character spacing in twips (−5 in the 公文 layout; 0 in tables). */
  condense: number;
  /** Body size in half-points. */
  size: number;
  /** Exact line height in twips. */
  line: number;
}

export function typoFor(profile: DocumentProfile, overrides: Partial<Omit<Typo, 'fonts'>> = {}): Typo {
  return { fonts: FONT_SETS[profile.fontSet], condense: RUN_CONDENSE, size: SZ_3HAO, line: LINE_PITCH, ...overrides };
}

export function fontOf(fonts: FontSet, role: FontRole): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  const cjk = fonts[role];
  return { ascii: fonts.latin, hAnsi: cjk, eastAsia: cjk, cs: cjk };
}

export function run(t: Typo, text: string, role: FontRole = 'body', extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    font: fontOf(t.fonts, role),
    size: t.size,
    ...(t.condense ? { characterSpacing: t.condense } : {}),
    ...extra,
  });
}

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** A body paragraph: 2-character first-line indent, justified, exact line spacing. */
export function bodyPara(t: Typo, text: string, label?: string, opts: { indent?: boolean } = {}): Paragraph {
  const children: TextRun[] = [];
  if (label) children.push(run(t, label, 'hei'));
  if (text) children.push(run(t, text, 'body'));
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: exact(t.line),
    indent: opts.indent === false ? undefined : { firstLine: t.size === SZ_3HAO ? INDENT_2CHARS : t.size * 20 },
    widowControl: false,
    children,
  });
}

/** 一、 黑体 / （一） 楷体 / 1. 仿宋 / （1） 仿宋 — all 3号, none bold (GB/T 9704 §7.3). */
export function headingPara(t: Typo, level: 1 | 2 | 3 | 4, text: string): Paragraph {
  const role: FontRole = level === 1 ? 'hei' : level === 2 ? 'kai' : 'body';
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: exact(t.line),
    indent: { firstLine: INDENT_2CHARS },
    keepNext: true,
    widowControl: false,
    children: [run(t, text, role)],
  });
}

export function blockParas(t: Typo, blocks: readonly Block[], opts: { indent?: boolean } = {}): Paragraph[] {
  return blocks.map((b) => (b.kind === 'heading' ? headingPara(t, b.level, b.text) : bodyPara(t, b.text, b.label, opts)));
}

/** 2号 小标宋, centred, not bold (unless the font set has no 小标宋). One paragraph per title line. */
export function titleParas(t: Typo, lines: readonly string[]): Paragraph[] {
  return lines.map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(Math.max(t.line, LINE_PITCH)),
        keepNext: true,
        children: [
          new TextRun({
            text: line,
            font: fontOf(t.fonts, 'title'),
            size: SZ_2HAO,
            bold: t.fonts.titleBold,
            // 2号 characters must not snap to the 3号 character grid (Word would give each two cells).
            snapToGrid: false,
          }),
        ],
      }),
  );
}

export function emptyPara(t: Typo): Paragraph {
  return new Paragraph({ spacing: exact(t.line), children: [] });
}

/** 密级 / 内部 marking: 3号 黑体 flush left (domain §4.7). ★ markings sit on the second line. */
export function markingParas(t: Typo, marking: { text: string; secret: boolean } | null): Paragraph[] {
  if (!marking) return [];
  const line = new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: exact(LINE_PITCH),
    children: [new TextRun({ text: marking.text, font: fontOf(t.fonts, 'hei'), size: SZ_3HAO })],
  });
  // First line: the 份号 line, empty (records carry no copy number).
  return marking.secret ? [new Paragraph({ spacing: exact(LINE_PITCH), children: [] }), line] : [line];
}

function pageNumberChildren(style: PageNumberStyle): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
  switch (style) {
    case 'plain':
      return [PageNumber.CURRENT];
    case 'di-ye':
      return ['第 ', PageNumber.CURRENT, ' 页'];
    default:
      return ['— ', PageNumber.CURRENT, ' —'];
  }
}

function pageNumberFooter(fonts: FontSet, style: PageNumberStyle, side: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: CHAR_4HAO } : { left: CHAR_4HAO },
        spacing: { line: 320, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
                // 宋体 for the digits too (GB/T 9704 §7.5: half-width 宋体 Arabic numerals), so every slot is 宋体.
        children: [
          new TextRun({
            children: pageNumberChildren(style),
            font: { ascii: fonts.song, hAnsi: fonts.song, eastAsia: fonts.song, cs: fonts.song },
            size: SZ_4HAO,
            snapToGrid: false,
          }),
        ],
      }),
    ],
  });
}

/** GB/T 9704 §7.5: odd pages right (1 字 in), even pages left (1 字 in). */
export function pageNumberFooters(fonts: FontSet, style: PageNumberStyle): { default: Footer; even: Footer } {
  return { default: pageNumberFooter(fonts, style, 'right'), even: pageNumberFooter(fonts, style, 'left') };
}

export const DRAFT_HEADER_TEXT = '草稿　仅供核对，不作为正式记录';

/** Drafts carry 草稿 in the header of every page (odd and even). */
export function draftHeaders(fonts: FontSet): { default: Header; even: Header } {
  const mk = () =>
    new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 320, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [new TextRun({ text: DRAFT_HEADER_TEXT, font: fontOf(fonts, 'hei'), size: SZ_4HAO })],
        }),
      ],
    });
  return { default: mk(), even: mk() };
}

/**
 * Document defaults AND the Normal style: 3号 仿宋 at exact 579. Word reads the document defaults,
 * LibreOffice the Normal style (12 pt when it has none); both must say 16 pt so every renderer
 * starts from the same body size.
 */
export function documentStyles(fonts: FontSet) {
  const runDefaults = { font: fontOf(fonts, 'body'), size: SZ_3HAO, language: { value: 'zh-CN', eastAsia: 'zh-CN' } };
  return {
    default: {
      document: {
        run: runDefaults,
        paragraph: { spacing: exact(LINE_PITCH) },
      },
    },
    paragraphStyles: [
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: runDefaults,
        paragraph: { spacing: exact(LINE_PITCH), alignment: AlignmentType.BOTH },
      },
    ],
  };
}

/** Signature lines (domain §4.8): 主持人（签字）：________　　记录人（签字）：________ (26 字, one line). */
export const SIGNATURE_BLANK = '________';
export function signatureParas(t: Typo): Paragraph[] {
  return [
    emptyPara(t),
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: exact(t.line),
      keepLines: true,
      children: [
        run(t, '主持人（签字）：', 'hei'),
        run(t, `${SIGNATURE_BLANK}　　`),
        run(t, '记录人（签字）：', 'hei'),
        run(t, SIGNATURE_BLANK),
      ],
    }),
  ];
}
