/**
 * 统计表 as .xlsx (exceljs): one sheet per table, title and subtitle rows merged across the columns,
 * a bold header row with borders frozen at the top, A4 landscape fitted to one page wide when printed.
 * exceljs is large (≈ 0.9 MB), so it is loaded only when the user exports (its own chunk).
 */
import type { StatTable } from '../../../shared/stats';

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ , unique in the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = (name.replace(/[[\]:*?/\\]/g, '') || '统计表').slice(0, 28);
  let n = base;
  for (let i = 2; taken.has(n); i++) n = `${base}${i}`;
  taken.add(n);
  return n;
}

export async function buildStatsXlsx(tables: readonly StatTable[]): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '党建会议记录';
  wb.created = new Date();
  const taken = new Set<string>();
  const border = { style: 'thin' as const, color: { argb: 'FF000000' } };
  const boxed = { top: border, left: border, bottom: border, right: border };
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.sheetName, taken), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    ws.columns = t.columns.map((c) => ({ width: Math.round(c.weight * 9) }));
    const n = t.columns.length;
    ws.addRow([t.title]);
    ws.mergeCells(1, 1, 1, n);
    ws.getRow(1).font = { name: '黑体', size: 16 };
    ws.getRow(1).alignment = { horizontal: 'center' };
    ws.getRow(1).height = 28;
    ws.addRow([t.subtitle]);
    ws.mergeCells(2, 1, 2, n);
    ws.getRow(2).alignment = { horizontal: 'center' };
    const head = ws.addRow(t.columns.map((c) => c.label));
    head.font = { name: '黑体', bold: true };
    head.eachCell((cell) => {
      cell.border = boxed;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    for (const r of t.rows) {
      // Counts are numbers in the sheet (so they can be summed); rates and names stay text.
      const row = ws.addRow(r.map((v, i) => (t.columns[i].align === 'center' && /^\d+$/.test(v) ? Number(v) : v)));
      row.eachCell((cell, col) => {
        cell.border = boxed;
        cell.alignment = { horizontal: t.columns[col - 1].align === 'center' ? 'center' : 'left', vertical: 'middle', wrapText: true };
      });
    }
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
