/**
 * Fixed-layout tables the way WPS reads them (design §9): widths in gridCol AND in every tcW,
 * cell paragraphs in the GwCell / GwCellBody / GwCellLabel styles (typography.ts),
 * tblLayout fixed, header rows repeated (tblHeader), short rows kept whole (cantSplit).
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { TABLE_WIDTH } from './page';
import { labelRun, plain, STYLE } from './typography';

/** Cell padding: 0.15 cm each side, so a 4-character 4号 label fits a 23 mm label column. */
export const CELL_PAD = 85;

export interface CellSpec {
  paragraphs: Paragraph[];
  /** Number of grid columns spanned. */
  span?: number;
  align?: 'center' | 'top';
}

export interface RowSpec {
  cells: CellSpec[];
  header?: boolean;
  /** Rows that may run across a page break (long content). Everything else gets cantSplit. */
  canSplit?: boolean;
  minHeight?: number;
}

/** A label cell: 4号 黑体, centred (or flush left for the signature row). */
export function labelPara(text: string, align: 'center' | 'left' = 'center'): Paragraph {
  return new Paragraph({
    style: STYLE.cellLabel,
    alignment: align === 'left' ? AlignmentType.LEFT : undefined,
    children: [plain(text)],
  });
}

/** A value cell: long text (indented paragraphs) is justified; short values stay left so digits do not spread. */
export function cellPara(text: string, opts: { indent?: boolean; center?: boolean; label?: string } = {}): Paragraph {
  const children: TextRun[] = [];
  if (opts.label) children.push(labelRun(opts.label));
  if (text) children.push(plain(text));
  return new Paragraph({
    style: opts.indent ? STYLE.cellBody : STYLE.cell,
    alignment: opts.center ? AlignmentType.CENTER : undefined,
    children,
  });
}

const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

/** `width` is the 版心 width: TABLE_WIDTH, or LANDSCAPE_TABLE_WIDTH on landscape pages. */
export function fixedTable(columnWidths: readonly number[], rows: readonly RowSpec[], width: number = TABLE_WIDTH): Table {
  const total = columnWidths.reduce((a, b) => a + b, 0);
  if (total !== width) throw new Error(`table columns add up to ${total}, not ${width}`);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [...columnWidths],
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_PAD, right: CELL_PAD, top: 28, bottom: 28 },
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: rows.map((r) => {
      let col = 0;
      const cells = r.cells.map((c) => {
        const span = c.span ?? 1;
        const width = columnWidths.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: span > 1 ? span : undefined,
          verticalAlign: c.align === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
          children: c.paragraphs.length ? c.paragraphs : [new Paragraph({ children: [] })],
        });
      });
      if (col !== columnWidths.length) throw new Error(`row spans ${col} of ${columnWidths.length} columns`);
      return new TableRow({
        tableHeader: r.header || undefined,
        cantSplit: r.canSplit ? undefined : true,
        height: r.minHeight ? { value: r.minHeight, rule: HeightRule.ATLEAST } : undefined,
        children: cells,
      });
    }),
  });
}
