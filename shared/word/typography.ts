/**
 * Paragraphs, runs and the named styles they use, in the GB/T 9704 styles (domain §4.5).
 *
 * The formatting lives in styles.xml, built per document from the profile's font set
 * (documentStyles): each style names its fonts explicitly, East Asian separately (w:eastAsia) and
 * hAnsi as the CJK font too, so "—" and "…" come from the Chinese font in Word, WPS and LibreOffice
 * alike. Paragraphs only name their style and runs carry only what differs from it (a 黑体 label is
 * the GwLabel character style), so the XML stays small: a body paragraph is
 * <w:p><w:pPr><w:pStyle w:val="GwBody"/></w:pPr><w:r><w:t>…</w:t></w:r></w:p>.
 */
import {
  AlignmentType,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type ICharacterStyleOptions,
  type IParagraphPropertiesOptions,
  type IParagraphStyleOptions,
  type IRunStylePropertiesOptions,
} from 'docx';
import type { FontSet, PageNumberStyle } from '../model/documentProfile';
import {
  CHAR_4HAO,
  INDENT_2CHARS,
  LINE_PITCH,
  RUN_CONDENSE,
  SZ_2HAO,
  SZ_3HAO,
  SZ_4HAO,
  TABLE_LINE,
  FOOTER_LINE,
  LEDGER_LINE,
  SZ_5HAO,
  SZ_XIAO4,
} from './page';
import type { Block } from './content';

export type FontRole = 'body' | 'kai' | 'hei' | 'title' | 'song';

export function fontOf(fonts: FontSet, role: FontRole): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  const cjk = fonts[role];
  // 宋体 page numbers: the digits in 宋体 too (GB/T 9704 §7.5: half-width 宋体 Arabic numerals).
  return { ascii: role === 'song' ? cjk : fonts.latin, hAnsi: cjk, eastAsia: cjk, cs: cjk };
}

/**
 * Style ids (ASCII; the names are what Word and WPS show). The names avoid the localised names of
 * built-in styles (正文, 标题, 页码, 页脚 …), which Chinese Word and WPS would confuse them with.
 */
export const STYLE = {
  /** 公文正文: 3号 仿宋, exact 579, 2-character first-line indent, justified, condensed −5. */
  body: 'GwBody',
  /** Like GwBody without the first-line indent (the 签到表's facts). */
  bodyFlush: 'GwBodyFlush',
  /** 一、 黑体 / （一） 楷体 / 1. and （1） 仿宋: GwBody kept with the next paragraph. */
  heading1: 'GwHeading1',
  heading2: 'GwHeading2',
  heading3: 'GwHeading3',
  /** 公文标题: 2号 小标宋, centred, not condensed. */
  title: 'GwTitle',
  /** 密级标识: 3号 黑体 flush left, not condensed. */
  marking: 'GwMarking',
  /** 签字行: flush left, kept whole, condensed like the body. */
  signature: 'GwSignature',
  /** 表格文字: 4号 仿宋 at exact 460, flush left, not condensed. */
  cell: 'GwCell',
  /** 表格正文: GwCell justified with a 2-character (4号) first-line indent. */
  cellBody: 'GwCellBody',
  /** 表格标签: 4号 黑体 centred. */
  cellLabel: 'GwCellLabel',
  /** 台账文字 (landscape ledgers, tally sheets): 五号 仿宋 at exact 15 pt, flush left. */
  ledgerCell: 'GwLedgerCell',
  /** 台账表头: 小四 黑体 centred at exact 15 pt. */
  ledgerLabel: 'GwLedgerLabel',
  /** 公文页码: 4号 宋体, every slot 宋体, exact 16 pt. */
  pageNumber: 'GwPageNumber',
  /** 草稿页眉: 4号 黑体 centred. */
  draftHeader: 'GwDraftHeader',
  /** Character style 黑体标签: 黑体 label runs inside body and cell paragraphs ("时间：", "表决情况："). */
  label: 'GwLabel',
} as const;

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** A run in its paragraph style's formatting. */
export const plain = (text: string) => new TextRun(text);
/** A 黑体 label run (the GwLabel character style) inside a body or cell paragraph. */
export const labelRun = (text: string) => new TextRun({ text, style: STYLE.label });

/** A body paragraph: 2-character first-line indent, justified, exact line spacing. */
export function bodyPara(text: string, label?: string, opts: { indent?: boolean } = {}): Paragraph {
  const children: TextRun[] = [];
  if (label) children.push(labelRun(label));
  if (text) children.push(plain(text));
  return new Paragraph({ style: opts.indent === false ? STYLE.bodyFlush : STYLE.body, children });
}

/** 一、 黑体 / （一） 楷体 / 1. 仿宋 / （1） 仿宋 — all 3号, none bold (GB/T 9704 §7.3). */
export function headingPara(level: 1 | 2 | 3 | 4, text: string): Paragraph {
  const style = level === 1 ? STYLE.heading1 : level === 2 ? STYLE.heading2 : STYLE.heading3;
  return new Paragraph({ style, children: [plain(text)] });
}

export function blockParas(blocks: readonly Block[], opts: { indent?: boolean } = {}): Paragraph[] {
  return blocks.map((b) => (b.kind === 'heading' ? headingPara(b.level, b.text) : bodyPara(b.text, b.label, opts)));
}

/** 2号 小标宋, centred, not bold (unless the font set has no 小标宋). One paragraph per title line. */
export function titleParas(lines: readonly string[]): Paragraph[] {
  return lines.map((line) => new Paragraph({ style: STYLE.title, children: [plain(line)] }));
}

/** An empty line: Normal is already exact 579; other heights (the table's 460) are set here. */
export function emptyPara(line: number = LINE_PITCH): Paragraph {
  return new Paragraph(line === LINE_PITCH ? {} : { spacing: exact(line) });
}

/** 密级 / 内部 marking: 3号 黑体 flush left (domain §4.7). ★ markings sit on the second line. */
export function markingParas(marking: { text: string; secret: boolean } | null): Paragraph[] {
  if (!marking) return [];
  const line = new Paragraph({ style: STYLE.marking, children: [plain(marking.text)] });
  // First line: the 份号 line, empty (records carry no copy number).
  return marking.secret ? [emptyPara(), line] : [line];
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

function pageNumberFooter(style: PageNumberStyle, side: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: CHAR_4HAO } : { left: CHAR_4HAO },
        children: [new TextRun({ children: pageNumberChildren(style) })],
      }),
    ],
  });
}

/** GB/T 9704 §7.5: odd pages right (1 字 in), even pages left (1 字 in). */
export function pageNumberFooters(style: PageNumberStyle): { default: Footer; even: Footer } {
  return { default: pageNumberFooter(style, 'right'), even: pageNumberFooter(style, 'left') };
}

export const DRAFT_HEADER_TEXT = '草稿　仅供核对，不作为正式记录';

/** Drafts carry 草稿 in the header of every page (odd and even). */
export function draftHeaders(): { default: Header; even: Header } {
  const mk = () => new Header({ children: [new Paragraph({ style: STYLE.draftHeader, children: [plain(DRAFT_HEADER_TEXT)] })] });
  return { default: mk(), even: mk() };
}

/** Signature lines (domain §4.8): 主持人（签字）：________　　记录人（签字）：________ (26 字, one line). */
export const SIGNATURE_BLANK = '________';
export function signatureParas(): Paragraph[] {
  return [
    emptyPara(),
    new Paragraph({
      style: STYLE.signature,
      children: [labelRun('主持人（签字）：'), plain(`${SIGNATURE_BLANK}　　`), labelRun('记录人（签字）：'), plain(SIGNATURE_BLANK)],
    }),
  ];
}

/**
 * Document defaults AND the Normal style: 3号 仿宋 at exact 579. Word reads the document defaults,
 * LibreOffice the Normal style (12 pt when it has none); both must say 16 pt so every renderer
 * starts from the same body size. Paragraphs without a style (empty lines, empty table cells) are
 * Normal. Every named style states its fonts and size itself rather than relying on inheritance.
 */
export function documentStyles(fonts: FontSet) {
  const runFor = (role: FontRole, size: number, extra: IRunStylePropertiesOptions = {}): IRunStylePropertiesOptions => ({
    font: fontOf(fonts, role),
    size,
    ...extra,
  });
  const runDefaults = { ...runFor('body', SZ_3HAO), language: { value: 'zh-CN', eastAsia: 'zh-CN' } };
  const condensed = { characterSpacing: RUN_CONDENSE };
  // 2号 / 4号 characters must not snap to the 3号 line grid (Word would give each two cells); the
  // ledgers' 15 pt lines neither (LibreOffice would round each up to the 28.95 pt grid pitch).
  const offGrid = { snapToGrid: false };

  // docx 9.15 types style pPr without w:widowControl but writes it (styles use the paragraph's pPr
  // writer); GwBody must keep it off, as the body paragraphs always had, so pages fill all 22 lines.
  const bodyPPr: IParagraphPropertiesOptions = {
    alignment: AlignmentType.BOTH,
    spacing: exact(LINE_PITCH),
    indent: { firstLine: INDENT_2CHARS },
    widowControl: false,
  };
  const cellPPr: IParagraphPropertiesOptions = {
    alignment: AlignmentType.LEFT,
    spacing: exact(TABLE_LINE),
    widowControl: false,
  };
  const para = (
    id: string,
    name: string,
    basedOn: string,
    paragraph: IParagraphStyleOptions['paragraph'],
    run: IRunStylePropertiesOptions,
    next?: string,
  ): IParagraphStyleOptions => ({ id, name, basedOn, next, quickFormat: true, paragraph, run });

  const characterStyles: ICharacterStyleOptions[] = [
    { id: STYLE.label, name: '黑体标签', quickFormat: true, run: { font: fontOf(fonts, 'hei') } },
  ];
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
      para(STYLE.body, '公文正文', 'Normal', bodyPPr, runFor('body', SZ_3HAO, condensed)),
      para(STYLE.bodyFlush, '公文正文（无缩进）', STYLE.body, { indent: { firstLine: 0 } }, runFor('body', SZ_3HAO, condensed)),
      para(STYLE.heading1, '一级标题', STYLE.body, { keepNext: true }, runFor('hei', SZ_3HAO, condensed), STYLE.body),
      para(STYLE.heading2, '二级标题', STYLE.body, { keepNext: true }, runFor('kai', SZ_3HAO, condensed), STYLE.body),
      para(STYLE.heading3, '三级标题', STYLE.body, { keepNext: true }, runFor('body', SZ_3HAO, condensed), STYLE.body),
      para(
        STYLE.title,
        '公文标题',
        'Normal',
        { alignment: AlignmentType.CENTER, spacing: exact(LINE_PITCH), keepNext: true },
        runFor('title', SZ_2HAO, { bold: fonts.titleBold, ...offGrid }),
      ),
      para(STYLE.marking, '密级标识', 'Normal', { alignment: AlignmentType.LEFT, spacing: exact(LINE_PITCH) }, runFor('hei', SZ_3HAO)),
      para(
        STYLE.signature,
        '签字行',
        'Normal',
        { alignment: AlignmentType.LEFT, spacing: exact(LINE_PITCH), keepLines: true },
        runFor('body', SZ_3HAO, condensed),
      ),
      para(STYLE.cell, '表格文字', 'Normal', cellPPr, runFor('body', SZ_4HAO)),
      para(
        STYLE.cellBody,
        '表格正文',
        STYLE.cell,
        { alignment: AlignmentType.BOTH, indent: { firstLine: 2 * CHAR_4HAO } },
        runFor('body', SZ_4HAO),
      ),
      para(STYLE.cellLabel, '表格标签', 'Normal', { alignment: AlignmentType.CENTER, spacing: exact(TABLE_LINE) }, runFor('hei', SZ_4HAO)),
      para(STYLE.ledgerCell, '台账文字', 'Normal', { ...cellPPr, spacing: exact(LEDGER_LINE) }, runFor('body', SZ_5HAO, offGrid)),
      para(STYLE.ledgerLabel, '台账表头', 'Normal', { alignment: AlignmentType.CENTER, spacing: exact(LEDGER_LINE) }, runFor('hei', SZ_XIAO4, offGrid)),
      para(STYLE.pageNumber, '公文页码', 'Normal', { spacing: exact(FOOTER_LINE) }, runFor('song', SZ_4HAO, offGrid)),
      para(STYLE.draftHeader, '草稿页眉', 'Normal', { alignment: AlignmentType.CENTER, spacing: exact(FOOTER_LINE) }, runFor('hei', SZ_4HAO)),
    ],
    characterStyles,
  };
}
