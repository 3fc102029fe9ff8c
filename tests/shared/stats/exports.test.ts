/**
 * 统计表 exports: the Word file (landscape when wide, widths adding up to the 版心, header row
 * repeated) and the .xlsx (one sheet per table, counts as numbers) carry the same cells.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_PROFILE } from '../../../shared/model/documentProfile';
import { meetingsPerQuarter, meetingsQuarterTable, memberAttendanceTable, type StatTable } from '../../../shared/stats';
import { toDocxBytes } from '../../../shared/word';
import { buildStatisticsWord, columnWidths } from '../../../shared/word/statsTables';
import { buildStatsXlsx, sheetName } from '../../../renderer/src/statistics/statsXlsx';

const quarter = meetingsQuarterTable(
  meetingsPerQuarter([{ orgId: 'a', type: 'committee', date: '2025-02-01' }], 2025, ['a'], ['committee', 'lecture']),
  () => '第一党支部',
  2025,
  '填报单位：××市财政局',
);
const people: StatTable = memberAttendanceTable(
  [{ key: 'm1', memberId: 'm1', name: '王堃', expected: 4, present: 3, excused: 1, unexcused: 0, rate: 0.75 }],
  2025,
  '',
);

describe('统计表 exports', () => {
  it('column widths add up exactly to the 版心 whatever the weights', () => {
    expect(columnWidths([3, 2.2, 1, 1, 1, 1, 1.2], 12756).reduce((a, b) => a + b, 0)).toBe(12756);
    expect(columnWidths([1, 1, 1], 8844)).toEqual([2948, 2948, 2948]);
  });

  it('Word: wide tables go landscape, each table under its title with a repeated header row', async () => {
    const bytes = await toDocxBytes(buildStatisticsWord([quarter, people], { profile: DEFAULT_DOCUMENT_PROFILE, title: '统计表' }));
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('2025年度“三会一课”等组织生活开展情况统计表');
    expect(xml).toContain('2025年度党员参加组织生活情况统计表');
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(2);
    expect(xml).toContain('王堃');
    expect(xml).toContain('75.0%');
  });

  it('xlsx: one sheet per table, title merged, counts as numbers, rates as text', async () => {
    const bytes = await buildStatsXlsx([quarter, people]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['组织生活开展情况', '党员出勤情况']);
    const q = wb.worksheets[0];
    expect(q.getCell('A1').value).toBe(quarter.title);
    expect(q.getCell('A2').value).toBe('填报单位：××市财政局');
    expect(q.getRow(3).values).toEqual([undefined, '党组织', '会议类型', '一季度', '二季度', '三季度', '四季度', '全年合计']);
    expect(q.getRow(4).values).toEqual([undefined, '第一党支部', '支部委员会会议', 1, 0, 0, 0, 1]);
    const p = wb.worksheets[1];
    expect(p.getRow(4).values).toEqual([undefined, 1, '王堃', 4, 3, 1, 0, '75.0%']);
  });

  it('sheet names follow Excel rules', () => {
    const taken = new Set<string>();
    expect(sheetName('a/b:c*d?[e]', taken)).toBe('abcde');
    expect(sheetName('abcde', taken)).toBe('abcde2');
    expect([...sheetName('很'.repeat(40), taken)].length).toBeLessThanOrEqual(31);
  });
});
