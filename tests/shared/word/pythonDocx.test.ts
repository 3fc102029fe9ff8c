/** Read the files back with python-docx (/usr/bin/python3), an independent OOXML reader. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_PROFILE as P } from '../../../shared/model/documentProfile';
import { buildMinutes, buildSignInSheet, toDocxBytes } from '../../../shared/word';
import { committeeMeeting, generalAssemblyMeeting, nastyMeeting, ORG } from '../../fixtures/word/meetings';
import { PYTHON, TMP } from '../../tools/word';

const SCRIPT = String.raw`
import json, sys, docx
from docx.oxml.ns import qn
out = {}
for path in sys.argv[1:]:
    d = docx.Document(path)
    s = d.sections[0]
    paras = []
    for p in d.paragraphs:
        pf = p.paragraph_format
        r = p.runs[0] if p.runs else None
        east = None
        if r is not None and r._r.rPr is not None and r._r.rPr.rFonts is not None:
            east = r._r.rPr.rFonts.get(qn('w:eastAsia'))
        paras.append({
            'text': p.text,
            'line': pf.line_spacing.twips if hasattr(pf.line_spacing, 'twips') else pf.line_spacing,
            'rule': str(pf.line_spacing_rule),
            'firstLine': pf.first_line_indent.twips if pf.first_line_indent is not None else None,
            'size': r.font.size.pt if r is not None and r.font.size is not None else None,
            'east': east,
            'hAnsi': r.font.name if r is not None else None,
        })
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
    out[path] = {
        'page': [s.page_width.twips, s.page_height.twips],
        'margins': [s.top_margin.twips, s.bottom_margin.twips, s.left_margin.twips, s.right_margin.twips, s.footer_distance.twips],
        'oddEven': d.settings.odd_and_even_pages_header_footer,
        'evenFooter': [p.text for p in s.even_page_footer.paragraphs],
        'paras': paras,
        'tables': tables,
    }
print(json.dumps(out, ensure_ascii=False))
`;

type Read = Record<string, {
  page: number[];
  margins: number[];
  oddEven: boolean;
  evenFooter: string[];
  paras: { text: string; line: number | null; rule: string; firstLine: number | null; size: number | null; east: string | null; hAnsi: string | null }[];
  tables: string[][][];
}>;

describe('python-docx read-back', () => {
  const dir = join(TMP, 'word-pydocx');
  const files = { gongwen: join(dir, 'gongwen.docx'), table: join(dir, 'table.docx'), nasty: join(dir, 'nasty.docx'), signIn: join(dir, 'signin.docx') };
  let read: Read;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(files.gongwen, await toDocxBytes(buildMinutes(generalAssemblyMeeting(), ORG, { profile: P, draft: false, layout: 'gongwen' })));
    writeFileSync(files.table, await toDocxBytes(buildMinutes(committeeMeeting(), ORG, { profile: P, draft: false, layout: 'table' })));
    writeFileSync(files.nasty, await toDocxBytes(buildMinutes(nastyMeeting(), ORG, { profile: P, draft: true, layout: 'gongwen' })));
    writeFileSync(files.signIn, await toDocxBytes(buildSignInSheet(generalAssemblyMeeting(), ORG, { profile: P })));
    read = JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT, ...Object.values(files)], { encoding: 'utf8' })) as Read;
  });

  it('page size, margins, footer distance and odd/even footers', () => {
    for (const f of Object.values(files)) {
      expect(read[f].page).toEqual([11906, 16838]);
      expect(read[f].margins).toEqual([2098, 1984, 1587, 1474, 1418]);
      expect(read[f].oddEven).toBe(true);
      expect(read[f].evenFooter.join('')).toContain('—');
    }
  });

  it('公文 body: exact 579, indent 640, 16 pt, 仿宋_GB2312 east Asian', () => {
    const speech = read[files.gongwen].paras.find((p) => p.text.startsWith('王建国：'));
    expect(speech).toMatchObject({ line: 579, firstLine: 640, size: 16, east: '仿宋_GB2312', hAnsi: 'Times New Roman' });
    expect(speech!.rule).toMatch(/EXACTLY/);
    const title = read[files.gongwen].paras[0];
    expect(title).toMatchObject({ size: 22, east: '方正小标宋简体' });
  });

  it('tables read back cell by cell; nasty text round-trips', () => {
    const t = read[files.table].tables[0];
    expect(t[0][0]).toBe('会议名称');
    expect(t[t.length - 1]).toContain('审阅意见（上级党组织）');
    const sign = read[files.signIn].tables[0];
    expect(sign[0]).toEqual(['序号', '姓名', '职务/身份', '签名', '备注']);
    const texts = read[files.nasty].paras.map((p) => p.text).join('\n');
    expect(texts).toContain('&amp; <w:p> "引号"');
    expect(texts).toContain('😀👍🏻');
    expect(texts).toContain('堃 𬍛');
  });
});
