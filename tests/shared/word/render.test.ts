/**
 * LibreOffice rendering (design §4): every layout × meeting type converted to PDF in ONE soffice run,
 * then checked with pdftotext: 22 lines on full body pages, 28 characters on full lines, "— N —" on
 * every page (right on odd pages, left on even), page counts, mirror margins, fonts found.
 *
 * The shipped file itself is checked: 28 characters per line come from run condensing (see shared/word/page.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_PROFILE as P } from '../../../shared/model/documentProfile';
import { buildMinutes, buildSignInSheet, toDocxBytes } from '../../../shared/word';
import {
  bigAttendanceMeeting,
  classified,
  longSpeechMeeting,
  MEETINGS_BY_TYPE,
  nastyMeeting,
  ORG,
} from '../../fixtures/word/meetings';
import { LIFE_MEETINGS_BY_TYPE } from '../../fixtures/word/lifeMeetings';
import { convertToPdf, pdfLines, pdfPageCount, renderPng, TMP, type PdfPage } from '../../tools/word';

const DIR = join(TMP, 'word-render');
const PNG = join(TMP, 'word-png');
const PT = 1 / 20; // twips → points
const TEXT_TOP = 2098 * PT;
const TEXT_BOTTOM = (16838 - 1984) * PT;
const LEFT = 1587 * PT;
const RIGHT_EDGE = (11906 - 1474) * PT;

const docs: Record<string, string> = {};
const pdf: Record<string, string> = {};
const pages: Record<string, PdfPage[]> = {};

async function write(name: string, bytes: Uint8Array) {
  const p = join(DIR, `${name}.docx`);
  writeFileSync(p, bytes);
  docs[name] = p;
}

/** Body lines inside the 版心 (the page number sits below it). */
const bodyLines = (page: PdfPage) => page.lines.filter((l) => l.yMin >= TEXT_TOP - 2 && l.yMax <= TEXT_BOTTOM + 2);
const footerLines = (page: PdfPage) => page.lines.filter((l) => l.yMin > TEXT_BOTTOM + 2);
const glyphs = (s: string) => [...s.replace(/\s/g, '')].length;

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  mkdirSync(PNG, { recursive: true });
  for (const layout of ['gongwen', 'table'] as const) {
    for (const [type, make] of Object.entries({ ...MEETINGS_BY_TYPE, ...LIFE_MEETINGS_BY_TYPE })) {
      const m = type === 'committee' ? classified(make(), 'confidential', 10) : type === 'lecture' ? classified(make(), 'internal') : make();
      await write(`${layout}-${type}`, await toDocxBytes(buildMinutes(m, ORG, { profile: P, draft: type === 'group', layout })));
    }
    await write(`${layout}-long`, await toDocxBytes(buildMinutes(longSpeechMeeting(50), ORG, { profile: P, draft: false, layout })));
    await write(`${layout}-nasty`, await toDocxBytes(buildMinutes(nastyMeeting(), ORG, { profile: P, draft: false, layout })));
  }
  await write('duplex', await toDocxBytes(buildMinutes(longSpeechMeeting(4), ORG, { profile: { ...P, duplex: true }, draft: false, layout: 'gongwen' })));
  await write('signin-200', await toDocxBytes(buildSignInSheet(bigAttendanceMeeting(200), ORG, { profile: P })));
  await write('gongwen-200', await toDocxBytes(buildMinutes(bigAttendanceMeeting(200), ORG, { profile: P, draft: false, layout: 'gongwen' })));

  const names = Object.keys(docs);
  const out = convertToPdf(names.map((n) => docs[n]), join(DIR, 'pdf'));
  names.forEach((n, i) => {
    pdf[n] = out[i];
    pages[n] = pdfLines(out[i]);
  });
  for (const n of ['gongwen-committee', 'table-committee', 'gongwen-general_assembly', 'table-general_assembly', 'gongwen-nasty', 'table-nasty', 'table-long', 'signin-200', 'gongwen-life_meeting', 'table-life_meeting', 'gongwen-democratic_life', 'table-democratic_life']) {
    renderPng(pdf[n], join(PNG, n));
  }
}, 240_000);

describe('LibreOffice rendering', () => {
  it('every file converts; every page carries its number, right on odd pages and left on even pages', () => {
    for (const [name, ps] of Object.entries(pages)) {
      expect(ps.length, name).toBe(pdfPageCount(pdf[name]));
      ps.forEach((page, i) => {
        const n = i + 1;
        const f = footerLines(page).find((l) => l.text.replace(/\s/g, '') === `—${n}—`);
        expect(f, `${name} p${n}: ${footerLines(page).map((l) => l.text).join('|')}`).toBeDefined();
        if (n % 2 === 1) expect(Math.abs(f!.xMax - (RIGHT_EDGE - 14)), `${name} p${n} right`).toBeLessThan(4);
        // Mirror margins put the outside (26 mm) margin on the left of even pages.
        else expect(Math.abs(f!.xMin - ((name === 'duplex' ? 1474 * PT : LEFT) + 14)), `${name} p${n} left`).toBeLessThan(4);
      });
    }
  });

  it('22 lines on every full body page of the 50-page speech (shipped file and grid copy)', () => {
    for (const name of ['gongwen-long']) {
      const ps = pages[name];
      const full = ps.slice(1, -1);
      expect(full.length).toBeGreaterThan(10);
      for (const [i, page] of full.entries()) expect(bodyLines(page).length, `${name} p${i + 2}`).toBe(22);
    }
  });

  it('28 characters on every full line of a long paragraph; 50 pages of speech make 51 pages', () => {
    const ps = pages['gongwen-long'];
    let checked = 0;
    for (const page of ps.slice(1, -1)) {
      for (const l of bodyLines(page)) {
        const flushLeft = Math.abs(l.xMin - LEFT) < 2;
        const flushRight = Math.abs(l.xMax - RIGHT_EDGE) < 3;
        if (flushLeft && flushRight) {
          expect(glyphs(l.text), l.text).toBe(28);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(800);
    // 16 lines of title and facts + 1100 speech lines + 1 (speaker name) + 2 signature lines = 1119 → 51 pages.
    expect(ps.length).toBe(51);
  });

  it('mirror margins: even pages have the outside (26 mm) margin on the left', () => {
    const ps = pages['duplex'];
    const leftOf = (page: PdfPage) => Math.min(...bodyLines(page).map((l) => l.xMin));
    expect(Math.abs(leftOf(ps[1]) - 1474 * PT)).toBeLessThan(2);
    expect(Math.abs(leftOf(ps[2]) - LEFT)).toBeLessThan(2);
  });

  it('the table layout repeats its header row on every page of a long record', () => {
    const ps = pages['table-long'];
    expect(ps.length).toBeGreaterThan(40);
    for (const page of ps.slice(1)) expect(page.lines.some((l) => l.text.replace(/\s/g, '').startsWith('会议名称'))).toBe(true);
  });

  it('the sign-in sheet for 200 attendees repeats its header and lists everyone', () => {
    const ps = pages['signin-200'];
    expect(ps.length).toBeGreaterThan(5);
    for (const page of ps) expect(page.lines.some((l) => l.text.replace(/\s/g, '').includes('序号姓名职务/身份签名备注'))).toBe(true);
    const all = ps.flatMap((p) => p.lines.map((l) => l.text.replace(/\s/g, ''))).join('\n');
    expect(all).toContain('党员200');
    expect(all).toContain('群众丙');
  });

  it('markings, drafts and rare characters reach the page; the mapped fonts are the ones used', () => {
    const first = (name: string) => pages[name][0].lines.map((l) => l.text.replace(/\s/g, ''));
    expect(first('gongwen-committee')).toContain('机密★10年');
    expect(first('gongwen-lecture')[0]).toBe('内部资料注意保存');
    expect(first('gongwen-group')[0]).toContain('草稿');
    const nasty = pages['gongwen-nasty'].flatMap((p) => p.lines.map((l) => l.text)).join('');
    expect(nasty).toContain('堃');
    expect(nasty).toContain('𬍛');
    expect(nasty).toContain('<w:p>');
    const fonts = execFileSync('pdffonts', [pdf['gongwen-general_assembly']], { encoding: 'utf8' });
    for (const f of ['FandolFang', 'FandolKai', 'NotoSansCJK', 'NotoSerifCJK', 'FandolSong']) expect(fonts).toContain(f);
  });

  it('writes the PNGs of pages 1–2 for a look', () => {
    expect(readFileSync(join(PNG, 'gongwen-committee-1.png')).length).toBeGreaterThan(1000);
  });
});
