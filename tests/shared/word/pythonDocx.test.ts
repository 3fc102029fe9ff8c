/**
 * Read the files back with python-docx (/usr/bin/python3), an independent OOXML reader. Formatting
 * lives in named styles, so values are resolved through python-docx's own style objects: the run,
 * its character style chain (r.style, base_style), the paragraph style chain (p.style), then
 * docDefaults.
 */
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

def styles_of(style):
    while style is not None:
        yield style
        style = style.base_style

def para_format(p, name):
    # Direct formatting, then the paragraph style and the styles it is based on.
    for pf in [p.paragraph_format] + [s.paragraph_format for s in styles_of(p.style)]:
        v = getattr(pf, name)
        if v is not None:
            return v
    return None

def run_value(d, p, r, get):
    # The run, its character style chain, the paragraph style chain, then docDefaults.
    chain = [r] + list(styles_of(r.style)) + list(styles_of(p.style))
    for x in chain:
        v = get(x.font, x.element if x is not r else r._r)
        if v is not None:
            return v
    defaults = d.styles.element.find(qn('w:docDefaults'))
    return get(None, defaults.find(qn('w:rPrDefault'))) if defaults is not None else None

def rfonts(attr):
    def get(font, el):
        rpr = el.find(qn('w:rPr')) if el is not None else None
        f = rpr.find(qn('w:rFonts')) if rpr is not None else None
        return f.get(qn(attr)) if f is not None else None
    return get

def size(font, el):
    if font is not None:
        return font.size
    rpr = el.find(qn('w:rPr')) if el is not None else None
    sz = rpr.find(qn('w:sz')) if rpr is not None else None
    return docx.shared.Pt(int(sz.get(qn('w:val'))) / 2) if sz is not None else None

out = {}
for path in sys.argv[1:]:
    d = docx.Document(path)
    s = d.sections[0]
    paras = []
    for p in d.paragraphs:
        r = p.runs[0] if p.runs else None
        line = para_format(p, 'line_spacing')
        first = para_format(p, 'first_line_indent')
        sz = run_value(d, p, r, size) if r is not None else None
        paras.append({
            'text': p.text,
            'style': p.style.name if p.style is not None else None,
            'line': line.twips if hasattr(line, 'twips') else line,
            'rule': str(para_format(p, 'line_spacing_rule')),
            'firstLine': first.twips if first is not None else None,
            'size': sz.pt if sz is not None else None,
            'east': run_value(d, p, r, rfonts('w:eastAsia')) if r is not None else None,
            'hAnsi': run_value(d, p, r, rfonts('w:ascii')) if r is not None else None,
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
  paras: {
    text: string;
    style: string | null;
    line: number | null;
    rule: string;
    firstLine: number | null;
    size: number | null;
    east: string | null;
    hAnsi: string | null;
  }[];
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
    // The values come from the named styles, not from direct formatting.
    expect(speech!.style).toBe('公文正文');
    expect(title.style).toBe('公文标题');
    const label = read[files.gongwen].paras.find((p) => p.text.startsWith('时间：'));
    expect(label).toMatchObject({ size: 16, east: '黑体', firstLine: 640 });
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
