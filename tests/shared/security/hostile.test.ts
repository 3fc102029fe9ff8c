/**
 * The hostile-text corpus in documents and file names (issue #7 item 6). The UI half is in
 * tests/renderer/security/hostile.test.tsx. Every entry must come back as the same text from an
 * independent reader (python-docx) and from LibreOffice's rendering, never as markup, and must never
 * shape a file name into a path.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberFieldsSchema, organisationFieldsSchema } from '../../../shared/model';
import { DEFAULT_DOCUMENT_PROFILE as P } from '../../../shared/model/documentProfile';
import { composeFileName, MAX_FILE_NAME_BYTES, sanitizeFileName } from '../../../shared/filename';
import { buildMinutes, toDocxBytes, wordFileName } from '../../../shared/word';
import { HOSTILE_CORPUS, ONE_MB_NAME, SHORT_HOSTILE, visiblePart } from '../../fixtures/hostile';
import { agendaItem, baseMeeting, committeeAttendance, decision, speech } from '../../fixtures/word/meetings';
import { convertToPdf, pdfLayoutText, PYTHON, TMP, unzipDocx } from '../../tools/word';

const DIR = join(TMP, 'hostile');
const utf8 = new TextEncoder();

function expectInertFileName(name: string): void {
  expect(name).not.toMatch(/[<>:"/\\|?*]/);
   
  expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\ufeff]/);
  expect(name).not.toMatch(/^[.\s]/);
  expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
  expect(utf8.encode(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
  expect(name.endsWith('.docx')).toBe(true);
}

describe('file names from hostile text', () => {
  it.each([...HOSTILE_CORPUS, { label: '1 MB name', text: ONE_MB_NAME }])('$label', ({ text }) => {
    expectInertFileName(sanitizeFileName(text, 'docx'));
    const composed = composeFileName({ prefix: '【机密★10年】', title: text, suffix: '（草稿）' }, 'docx');
    expectInertFileName(composed);
    expect(composed.startsWith('【机密★10年】') && composed.endsWith('（草稿）.docx')).toBe(true);
    const meeting = baseMeeting('committee', { attendance: committeeAttendance() });
    expectInertFileName(wordFileName(meeting, { fullName: text, name: text }, { kind: 'minutes', draft: true, profile: P }));
  });
});

describe('a 1 MB name never gets into a record', () => {
  it('is refused with a Chinese message that says what to do', () => {
    const m = memberFieldsSchema.shape.name.safeParse(ONE_MB_NAME);
    expect(m.success).toBe(false);
    expect(m.error?.issues[0].message).toBe('姓名不能超过 50 字');
    const o = organisationFieldsSchema.shape.fullName.safeParse(ONE_MB_NAME);
    expect(o.error?.issues[0].message).toMatch(/组织全称不能超过 \d+ 字/);
  });
});

describe('hostile text inside a Word file', () => {
  const file = join(DIR, 'hostile.docx');
  let xml = '';
  let paras: string[] = [];
  let pdfText = '';

  beforeAll(async () => {
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    const short = SHORT_HOSTILE.map((e) => e.text);
    const meeting = baseMeeting('committee', {
      place: short[0],
      chairName: short[1],
      recorderName: short[3],
      attendance: committeeAttendance(),
      agenda: HOSTILE_CORPUS.map((e, i) => agendaItem(`议题${i + 1} ${e.text}`.slice(0, 300), [speech('王建国', `发言${i + 1} ${e.text}`)], [decision(`决定${i + 1} ${e.text}`)])),
      summary: HOSTILE_CORPUS.map((e) => e.text).join('\n'),
    });
    const bytes = await toDocxBytes(buildMinutes(meeting, { fullName: short[2], name: short[2] }, { profile: P, draft: false, layout: 'gongwen' }));
    writeFileSync(file, bytes);
    xml = unzipDocx(bytes)['word/document.xml'];
    paras = JSON.parse(
      execFileSync(PYTHON, ['-c', 'import docx,sys,json; print(json.dumps([p.text for p in docx.Document(sys.argv[1]).paragraphs]))', file], { encoding: 'utf8' }),
    ) as string[];
    const [pdf] = convertToPdf([file], DIR);
    pdfText = pdfLayoutText(pdf).join('\n');
  });

  it('the XML holds no element that came from user text', () => {
    expect(xml).not.toMatch(/<script|<svg|<iframe|<img/i);
    expect(xml).not.toContain('<w:t>注入');
    expect(xml).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    // The injected </w:p><w:p> split nothing: wherever 注入 appears, the fake tags are still in front of it.
    const withPayload = paras.filter((p) => p.includes('注入'));
    expect(withPayload.length).toBeGreaterThanOrEqual(3); // title, speech, decision (and the summary)
    for (const p of withPayload) expect(p).toContain('</w:t></w:r></w:p><w:p><w:r><w:t>注入');
  });

  it('python-docx reads every entry back as the same text', () => {
    // Line separators inside a text become paragraph breaks, so compare without any whitespace.
    const flat = (s: string) => visiblePart(s).replace(/\s+/g, '');
    const all = flat(paras.join(''));
    for (const [i, e] of HOSTILE_CORPUS.entries()) expect(all, e.label).toContain(flat(`发言${i + 1} ${e.text}`));
  });

  it('LibreOffice prints the markup as characters', () => {
    const flat = pdfText.replace(/\s+/g, '');
    expect(flat).toContain('<script>window.__pwned=1</script>');
    expect(flat).toContain('javascript:window.__pwned=5');
    expect(flat).toContain('../../../../etc/passwd');
  });
});
