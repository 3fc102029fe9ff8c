/**
 * 统计表 as Word (issue #6): the tables shared/stats/tables.ts builds, each under its 2号 title with
 * a subtitle line, in the ledger cell styles (小四 黑体 header, 五号 仿宋 cells, domain §4.10C).
 * Wide tables (7 columns or more) put the whole file on A4 landscape; each table starts a new page,
 * and its header row repeats on every page.
 */
import { Paragraph, type Document, type FileChild } from 'docx';
import type { StatTable } from '../stats/tables';
import type { DocumentProfile } from '../model/documentProfile';
import { pageDocument } from './document';
import { ledgerCell, ledgerLabel } from './ledgerTable';
import { LANDSCAPE_TABLE_WIDTH, TABLE_WIDTH } from './page';
import { fixedTable, type RowSpec } from './tables';
import { oneLine } from './text';
import { emptyPara, plain, STYLE } from './typography';

export const WIDE_TABLE_COLUMNS = 7;

export function isWide(tables: readonly StatTable[]): boolean {
  return tables.some((t) => t.columns.length >= WIDE_TABLE_COLUMNS);
}

/** Column widths in twips from the weights, adding up to exactly `width` (the last column takes the rest). */
export function columnWidths(weights: readonly number[], width: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((w / sum) * width));
  out[out.length - 1] += width - out.reduce((a, b) => a + b, 0);
  return out;
}

function tableChildren(t: StatTable, width: number, first: boolean): FileChild[] {
  const rows: RowSpec[] = [
    { header: true, cells: t.columns.map((c) => ({ paragraphs: [ledgerLabel(c.label)] })) },
    ...t.rows.map((r) => ({
      cells: r.map((v, i) => ({ paragraphs: [ledgerCell(oneLine(v), { center: t.columns[i]?.align === 'center' })] })),
    })),
  ];
  if (t.rows.length === 0) {
    rows.push({ cells: [{ paragraphs: [ledgerCell('（无数据）', { center: true })], span: t.columns.length }] });
  }
  return [
    new Paragraph({ style: STYLE.title, pageBreakBefore: first ? undefined : true, children: [plain(t.title)] }),
    ...(oneLine(t.subtitle) ? [new Paragraph({ style: STYLE.bodyFlush, alignment: 'center', children: [plain(oneLine(t.subtitle))] })] : []),
    emptyPara(),
    fixedTable(columnWidths(t.columns.map((c) => c.weight), width), rows, width),
  ];
}

export function buildStatisticsWord(tables: readonly StatTable[], opts: { profile: DocumentProfile; title: string }): Document {
  if (tables.length === 0) throw new Error('没有选择要导出的统计表。');
  const landscape = isWide(tables);
  const width = landscape ? LANDSCAPE_TABLE_WIDTH : TABLE_WIDTH;
  const children = tables.flatMap((t, i) => tableChildren(t, width, i === 0));
  return pageDocument({ profile: opts.profile, draft: false, title: opts.title, children, orientation: landscape ? 'landscape' : 'portrait' });
}
