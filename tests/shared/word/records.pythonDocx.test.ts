/**
 * The record documents of issue #5 item 6 read back with python-docx (/usr/bin/python3), an
 * independent OOXML reader: orientation and page size, margins, column widths, repeated header rows,
 * cell texts, page breaks between records.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_PROFILE as P } from '../../../shared/model/documentProfile';
import {
  buildAppraisalMarkSheet,
  buildAppraisalTally,
  buildCriticismRecord,
  buildLifeMeetingReport,
  buildMinutes,
  buildRectificationLedger,
  buildTalkRecords,
  LEDGER_COLUMNS,
  TALK_TABLE_COLUMNS,
  TALLY_COLUMNS,
  toDocxBytes,
} from '../../../shared/word';
import { ORG } from '../../fixtures/word/meetings';
import { appraisal, democraticLifeMeeting, ledgerItems, lifeMeeting, yearOfTalks } from '../../fixtures/word/lifeMeetings';
import { PYTHON, TMP } from '../../tools/word';

const SCRIPT = String.raw`
import json, sys, docx
from docx.oxml.ns import qn

out = {}
for path in sys.argv[1:]:
    d = docx.Document(path)
    s = d.sections[0]
    tables = []
    for t in d.tables:
        grid = [int(g.get(qn('w:w'))) for g in t._tbl.tblGrid.findall(qn('w:gridCol'))]
        header = [r._tr.trPr is not None and r._tr.trPr.find(qn('w:tblHeader')) is not None for r in t.rows]
        cant = [r._tr.trPr is not None and r._tr.trPr.find(qn('w:cantSplit')) is not None for r in t.rows]
        cells = [[c.text for c in row.cells] for row in t.rows]
        tables.append({'grid': grid, 'header': header, 'cantSplit': cant, 'cells': cells})
    out[path] = {
        'orientation': str(s.orientation),
        'page': [s.page_width.twips, s.page_height.twips],
        'margins': [s.top_margin.twips, s.bottom_margin.twips, s.left_margin.twips, s.right_margin.twips],
        'paras': [p.text for p in d.paragraphs],
        'breaks': sum(1 for p in d.paragraphs if p.paragraph_format.page_break_before),
        'header': [p.text for p in s.header.paragraphs],
        'tables': tables,
    }
print(json.dumps(out, ensure_ascii=False))
`;

interface ReadTable {
  grid: number[];
  header: boolean[];
  cantSplit: boolean[];
  cells: string[][];
}
type Read = Record<
  string,
  { orientation: string; page: number[]; margins: number[]; paras: string[]; breaks: number; header: string[]; tables: ReadTable[] }
>;

describe('python-docx read-back of the record documents', () => {
  const dir = join(TMP, 'word-pydocx-records');
  const files = {
    life: join(dir, 'life-table.docx'),
    criticism: join(dir, 'criticism.docx'),
    talks: join(dir, 'talks.docx'),
    mark: join(dir, 'mark.docx'),
    tally: join(dir, 'tally.docx'),
    ledger: join(dir, 'ledger.docx'),
    report: join(dir, 'report.docx'),
  };
  let read: Read;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    const m = lifeMeeting();
    const docs = {
      life: buildMinutes(democraticLifeMeeting(), ORG, { profile: P, draft: false, layout: 'table' }),
      criticism: buildCriticismRecord(m, ORG, { profile: P, draft: false, participantId: 'all' }),
      talks: buildTalkRecords(yearOfTalks(), ORG, { profile: P }),
      mark: buildAppraisalMarkSheet(appraisal(), ORG, { profile: P }),
      tally: buildAppraisalTally(appraisal(), ORG, { profile: P }),
      ledger: buildRectificationLedger(ledgerItems(), ORG, { profile: P, annualYear: 2025, today: '2026-07-01' }),
      report: buildLifeMeetingReport(m, ORG, { talks: yearOfTalks(), rectifications: ledgerItems(), appraisal: appraisal() }, { profile: P, today: '2026-07-01' }),
    };
    for (const [k, doc] of Object.entries(docs)) writeFileSync(files[k as keyof typeof files], await toDocxBytes(doc));
    read = JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT, ...Object.values(files)], { encoding: 'utf8' })) as Read;
  });

  it('portrait documents keep the GB/T 9704 page; the tally and the ledger are landscape with the turned margins', () => {
    for (const f of [files.life, files.criticism, files.talks, files.mark, files.report]) {
      expect(read[f].orientation, f).toMatch(/PORTRAIT/);
      expect(read[f].page).toEqual([11906, 16838]);
      expect(read[f].margins).toEqual([2098, 1984, 1587, 1474]);
    }
    for (const f of [files.tally, files.ledger]) {
      expect(read[f].orientation, f).toMatch(/LANDSCAPE/);
      expect(read[f].page).toEqual([16838, 11906]);
      expect(read[f].margins).toEqual([1587, 1474, 1984, 2098]);
    }
  });

  it('tables: fixed grid widths, header rows repeated, short rows kept whole', () => {
    expect(read[files.ledger].tables[0].grid).toEqual([...LEDGER_COLUMNS]);
    expect(read[files.tally].tables[0].grid).toEqual([...TALLY_COLUMNS]);
    for (const f of [files.ledger, files.tally, files.mark]) {
      const t = read[f].tables[0];
      expect(t.header[0], f).toBe(true);
      expect(t.header.slice(1).every((h) => !h), f).toBe(true);
      expect(t.cantSplit.every(Boolean), f).toBe(true);
    }
    const talks = read[files.talks].tables;
    expect(talks).toHaveLength(5);
    for (const t of talks) expect(t.grid).toEqual([...TALK_TABLE_COLUMNS]);
  });

  it('cell texts: ledger head and 逾期, tally totals, 预备党员 row, talk labels, life sections in the table minutes', () => {
    const ledger = read[files.ledger].tables[0].cells;
    expect(ledger[0]).toEqual(['序号', '清单类型', '问题来源及类别', '问题表现', '整改措施及目标', '责任人', '完成时限', '整改进展', '状态', '销号情况', '佐证材料及公示通报']);
    expect(ledger.slice(1).map((r) => r[8])).toContain('逾期');
    const tally = read[files.tally].tables[0].cells;
    expect(tally[tally.length - 1][0]).toBe('合计');
    expect(tally.find((r) => r[1] === '冯晓')?.[10]).toBe('参评不定等次');
    const mark = read[files.mark].tables[0].cells;
    expect(mark.find((r) => r[1] === '冯晓')?.slice(2, 6)).toEqual(['参评不定等次', '参评不定等次', '参评不定等次', '参评不定等次']);
    expect(read[files.talks].tables[0].cells.map((r) => r[0])).toContain('谈话对象谈话要点');
    const life = read[files.life].tables[0].cells.map((r) => r[0]);
    for (const label of ['会前准备情况', '上年度整改落实情况通报', '领导班子对照检查', '批评与自我批评', '上级督导点评', '谈话函询情况说明']) expect(life).toContain(label);
  });

  it('one person per page, batches break between forms, the report is a draft', () => {
    expect(read[files.criticism].breaks).toBe(3);
    expect(read[files.talks].breaks).toBe(4);
    expect(read[files.report].header.join('')).toContain('草稿');
    expect(read[files.report].paras.some((p) => p.includes('（此处由支部书记填写：'))).toBe(true);
  });
});
