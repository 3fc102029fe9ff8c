import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FALLBACK_FILE_NAME,
  FILE_KIND_INFO,
  MAX_FILE_NAME_BYTES,
  MAX_FILE_NAME_UNITS,
  sanitizeFileName,
} from '../../shared/filename';
import { FILE_KINDS } from '../../shared/host';

const utf8Len = (s: string) => new TextEncoder().encode(s).length;
/** String.prototype.isWellFormed is ES2024; the project's lib is ES2023. */
const isWellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('sanitizeFileName: examples', () => {
  it.each([
    ['中共某某局机关第一支部委员会2024年第3次支部委员会会议记录', 'docx', '中共某某局机关第一支部委员会2024年第3次支部委员会会议记录.docx'],
    ['张堃同志谈心谈话记录', 'docx', '张堃同志谈心谈话记录.docx'],
    ['𬍛', 'pmx', '𬍛.pmx'],
    ['2024/05/01 支部党员大会', 'docx', '2024_05_01 支部党员大会.docx'],
    ['..\\..\\Windows\\system32', 'docx', '_._Windows_system32.docx'],
    ['../../etc/passwd', 'docx', '_._etc_passwd.docx'],
    ['a<b>c:d"e|f?g*h', 'xlsx', 'a_b_c_d_e_f_g_h.xlsx'],
    ['第一行\n第二行\t结束', 'docx', '第一行 第二行 结束.docx'],
    ['报告\u202excod.exe', 'docx', '报告 xcod.exe.docx'],
    ['  ...隐藏文件... ', 'docx', '隐藏文件.docx'],
    ['记录.docx', 'docx', '记录.docx'],
    ['记录.DOCX', '.docx', '记录.docx'],
    ['记录.docx.docx', 'docx', '记录.docx.docx'],
    ['CON', 'docx', '_CON.docx'],
    ['nul.txt', 'docx', '_nul.txt.docx'],
    ['com1', 'pmx', '_com1.pmx'],
    ['LPT9 ', 'pmx', '_LPT9.pmx'],
    ['CONSOLE', 'pmx', 'CONSOLE.pmx'],
    ['', 'docx', `${FALLBACK_FILE_NAME}.docx`],
    ['   ', 'docx', `${FALLBACK_FILE_NAME}.docx`],
    ['..', 'docx', `${FALLBACK_FILE_NAME}.docx`],
    ['\u0000\u0001', 'docx', `${FALLBACK_FILE_NAME}.docx`],
    ['.docx', 'docx', 'docx.docx'],
    ['备份', '', '备份'],
  ])('%j + %j -> %j', (input, ext, expected) => {
    expect(sanitizeFileName(input, ext)).toBe(expected);
  });

  it('caps long Chinese titles by UTF-8 bytes (ext4 allows 255) without splitting characters', () => {
    const out = sanitizeFileName('党'.repeat(300), 'docx');
    expect(out.endsWith('.docx')).toBe(true);
    expect(utf8Len(out)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(out).toBe('党'.repeat(Math.floor((MAX_FILE_NAME_BYTES - 5) / 3)) + '.docx');
  });

  it('caps ASCII titles by code units', () => {
    const out = sanitizeFileName('a'.repeat(500), 'pmx');
    expect(out).toBe('a'.repeat(MAX_FILE_NAME_UNITS - 4) + '.pmx');
  });

  it('never cuts a surrogate pair', () => {
    const out = sanitizeFileName('𬍛'.repeat(100), 'docx');
    expect(out).toBe('𬍛'.repeat(Math.floor((MAX_FILE_NAME_BYTES - 5) / 4)) + '.docx');
    expect(isWellFormed(out)).toBe(true);
  });

  it('drops lone surrogates', () => {
    expect(sanitizeFileName('a\ud800b\udc00c', 'docx')).toBe('a b c.docx');
  });

  it('keeps CJK compatibility ideographs (no Unicode normalisation)', () => {
    expect(sanitizeFileName('\uf900', 'docx')).toBe('\uf900.docx');
  });

  it('rejects a malformed extension (a programming error)', () => {
    expect(() => sanitizeFileName('x', 'do/cx')).toThrow();
    expect(() => sanitizeFileName('x', '..')).toThrow();
  });

  it('has an extension and label for every file kind', () => {
    for (const kind of FILE_KINDS) {
      expect(FILE_KIND_INFO[kind].ext).toBe(kind);
      expect(FILE_KIND_INFO[kind].maxOpenBytes).toBeGreaterThan(0);
    }
    expect(FILE_KIND_INFO.pmx.maxOpenBytes).toBeLessThan(2 ** 31);
  });
});

describe('sanitizeFileName: properties', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.string({ unit: fc.constantFrom('.', '/', '\\', ' ', ':', '\u0000', '\n', 'C', 'O', 'N', '党', '𬍛', '\ud800', 'x'), maxLength: 60 }),
  );
  const ext = fc.constantFrom('docx', 'pmx', 'xlsx', '.docx', '');

  it('output is bounded, non-empty, inert and idempotent', () => {
    fc.assert(
      fc.property(anyText, ext, (name, e) => {
        const out = sanitizeFileName(name, e);
        expect(out.length).toBeGreaterThan(0);
        expect(out.length).toBeLessThanOrEqual(MAX_FILE_NAME_UNITS);
        expect(utf8Len(out)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
        expect(out).not.toMatch(/[<>:"/\\|?*]/);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(out).not.toContain('..');
        expect(out).not.toMatch(/^[\s.]|[\s.]$/);
        expect(isWellFormed(out)).toBe(true);
        const stem = out.split('.')[0];
        expect(stem).not.toMatch(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i);
        expect(sanitizeFileName(out, e)).toBe(out);
        const dotExt = e.replace(/^\./, '');
        if (dotExt !== '') expect(out.endsWith(`.${dotExt}`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps printable Chinese text exactly', () => {
    const cjk = fc.string({
      unit: fc.oneof(
        fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
        fc.integer({ min: 0x20000, max: 0x2ebe0 }).map((c) => String.fromCodePoint(c)),
      ),
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(cjk, (name) => {
        expect(sanitizeFileName(name, 'docx')).toBe(`${name}.docx`);
      }),
    );
  });
});
