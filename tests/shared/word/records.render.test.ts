/**
 * LibreOffice rendering of every record document beyond the minutes (issue #5 item 6), in ONE soffice
 * run: 批评与自我批评记录 (one person, everyone one per page), 谈心谈话记录表 (one, a year's batch),
 * 民主测评表, 测评汇总表 (landscape), 整改清单 / 台账 (landscape, long), 召开情况报告 (draft).
 * Checked with pdftotext: page size and orientation, page numbers, nothing outside the 版心,
 * one record per page where promised, repeated table heads, 22 × 28 on the report's full lines.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_PROFILE as P } from '../../../shared/model/documentProfile';
import {
  buildAppraisalMarkSheet,
  buildAppraisalTally,
  buildCriticismRecord,
  buildLifeMeetingReport,
  buildRectificationLedger,
  buildTalkRecords,
  toDocxBytes,
} from '../../../shared/word';
import type { Document } from 'docx';
import { ORG } from '../../fixtures/word/meetings';
import { appraisal, democraticLifeMeeting, ledgerItems, lifeMeeting, manyLedgerItems, yearOfTalks } from '../../fixtures/word/lifeMeetings';
import { convertToPdf, pdfLines, pdfPageCount, renderPng, TMP, type PdfPage } from '../../tools/word';

const DIR = join(TMP, 'word-render-records');
const PNG = join(TMP, 'word-png', 'records');
const PT = 1 / 20;

const pdf: Record<string, string> = {};
const pages: Record<string, PdfPage[]> = {};
const LANDSCAPE = new Set(['tally', 'ledger', 'ledger-team', 'ledger-personal', 'ledger-many']);

const flat = (s: string) => s.replace(/\s/g, '');
const pageText = (p: PdfPage) => p.lines.map((l) => flat(l.text)).join('\n');

/** The 版心 of the page in points: portrait GB/T 9704, or the same turned a quarter clockwise. */
function textBlock(landscape: boolean) {
  return landscape
    ? { top: 1587 * PT, bottom: (11906 - 1474) * PT, left: 1984 * PT, right: (16838 - 2098) * PT }
    : { top: 2098 * PT, bottom: (16838 - 1984) * PT, left: 1587 * PT, right: (11906 - 1474) * PT };
}

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  rmSync(PNG, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  mkdirSync(PNG, { recursive: true });
  const life = lifeMeeting();
  const dlife = democraticLifeMeeting();
  const talks = yearOfTalks();
  const items = ledgerItems();
  const today = '2026-07-01';
  const docs: Record<string, Document> = {
    'criticism-one': buildCriticismRecord(life, ORG, { profile: P, draft: false, participantId: life.life!.participants[0].id }),
    'criticism-all': buildCriticismRecord(life, ORG, { profile: P, draft: false, participantId: 'all' }),
    'criticism-dlife-all': buildCriticismRecord(dlife, ORG, { profile: P, draft: true, participantId: 'all' }),
    'talk-one': buildTalkRecords([talks[0]], ORG, { profile: P }),
    'talks-year': buildTalkRecords(talks, ORG, { profile: P }),
    'mark-sheet': buildAppraisalMarkSheet(appraisal(), ORG, { profile: P }),
    tally: buildAppraisalTally(appraisal(), ORG, { profile: P }),
    ledger: buildRectificationLedger(items, ORG, { profile: P, annualYear: 2025, today }),
    'ledger-team': buildRectificationLedger(items, ORG, { profile: P, annualYear: 2025, listKind: 'team', today }),
    'ledger-personal': buildRectificationLedger(items, ORG, { profile: P, annualYear: 2025, listKind: 'personal', today }),
    'ledger-many': buildRectificationLedger(manyLedgerItems(40), ORG, { profile: P, annualYear: 2025, today }),
    'report-life': buildLifeMeetingReport(life, ORG, { talks, rectifications: items, appraisal: appraisal() }, { profile: P, today }),
    'report-dlife': buildLifeMeetingReport(dlife, ORG, { talks: [], rectifications: [], appraisal: null }, { profile: P, today }),
  };
  const names = Object.keys(docs);
  const files: string[] = [];
  for (const n of names) {
    const p = join(DIR, `${n}.docx`);
    writeFileSync(p, await toDocxBytes(docs[n]));
    files.push(p);
  }
  const out = convertToPdf(files, join(DIR, 'pdf'));
  names.forEach((n, i) => {
    pdf[n] = out[i];
    pages[n] = pdfLines(out[i]);
    renderPng(out[i], join(PNG, n));
  });
}, 240_000);

describe('LibreOffice rendering of the record documents', () => {
  it('every file converts, on A4 in the promised orientation, with "— N —" on every page (odd right, even left)', () => {
    expect(Object.keys(pages)).toHaveLength(13);
    for (const [name, ps] of Object.entries(pages)) {
      const landscape = LANDSCAPE.has(name);
      const box = textBlock(landscape);
      expect(ps.length, name).toBe(pdfPageCount(pdf[name]));
      ps.forEach((page, i) => {
        const [w, h] = landscape ? [842, 595] : [595, 842];
        expect(Math.abs(page.width - w), `${name} p${i + 1} width`).toBeLessThan(2);
        expect(Math.abs(page.height - h), `${name} p${i + 1} height`).toBeLessThan(2);
        const n = i + 1;
        const f = page.lines.find((l) => l.yMin > box.bottom + 2 && flat(l.text) === `—${n}—`);
        expect(f, `${name} p${n}: ${page.lines.filter((l) => l.yMin > box.bottom).map((l) => l.text).join('|')}`).toBeDefined();
        if (n % 2 === 1) expect(Math.abs(f!.xMax - (box.right - 14)), `${name} p${n} right`).toBeLessThan(4);
        else expect(Math.abs(f!.xMin - (box.left + 14)), `${name} p${n} left`).toBeLessThan(4);
      });
    }
  });

  it('nothing is set outside the 版心 (tables do not overflow the page)', () => {
    for (const [name, ps] of Object.entries(pages)) {
      const box = textBlock(LANDSCAPE.has(name));
      for (const [i, page] of ps.entries()) {
        for (const l of page.lines) {
          expect(l.xMin, `${name} p${i + 1} ${l.text}`).toBeGreaterThan(box.left - 3);
          // LibreOffice hangs a line-final full stop or comma into the margin (one character at most).
          const hang = /[。，、；：）”]$/.test(l.text) ? 17 : 0;
          expect(l.xMax, `${name} p${i + 1} ${l.text}`).toBeLessThan(box.right + 3 + hang);
        }
      }
    }
  });

  it('批评与自我批评记录: one person per page in the all-persons file, everyone there, nothing on a page of its own', () => {
    const one = pages['criticism-one'].map(pageText).join('\n');
    expect(one).toContain('姓名：王建国');
    expect(one).not.toContain('姓名：赵志刚');
    expect(one).toContain('本人（签字）');
    const all = pages['criticism-all'];
    const starts = all.map((p, i) => [i, /姓名：(\S+)/.exec(pageText(p))?.[1]] as const).filter(([, who]) => who);
    expect(starts.map(([, who]) => who)).toEqual(['王建国', '赵志刚', '孙丽华', '刘洋']);
    // Each person starts at the top of a page with the title.
    for (const [i] of starts) expect(flat(all[i].lines[0].text)).toContain('中共××局机关第一党支部');
    const dl = pages['criticism-dlife-all'];
    expect(dl.map(pageText).join('\n')).toContain('班子成员');
    expect(pageText(dl[0])).toContain('草稿');
  });

  it('谈心谈话记录表: one form per talk, each starting a new page; labelled cells reach the page', () => {
    const year = pages['talks-year'];
    const firsts = year.filter((p) => pageText(p).includes('谈话时间'));
    expect(firsts).toHaveLength(5);
    const one = pages['talk-one'].map(pageText).join('\n');
    for (const label of ['谈话时间', '谈话地点', '谈话人', '谈话对象', '谈话类型', '谈话方式', '谈话主题', '记录人', '谈话人签字', '谈话对象签字']) {
      expect(one).toContain(label);
    }
    expect(one).toContain('刘洋（科员，中共党员）');
    // The batch with an 内部 talk carries the marking on its first page; the draft talk makes it a draft.
    expect(pageText(year[0])).toContain('内部资料注意保存');
    expect(pageText(year[0])).toContain('草稿');
  });

  it('民主测评表 and 测评汇总表: one row per member, 预备党员 not graded, totals; no voter is named', () => {
    const mark = pages['mark-sheet'].map(pageText).join('\n');
    expect(mark).toContain('优秀合格基本合格不合格');
    expect(mark).toContain('冯晓参评不定等次');
    expect(mark).not.toContain('王建国2026');
    expect(mark).not.toContain('草稿');
    expect(pages['mark-sheet']).toHaveLength(1);
    const tally = pages['tally'].map(pageText).join('').replace(/\n/g, '');
    expect(tally).toContain('88.8%'); // 王建国: 8 of 9
    expect(tally).toContain('合计');
    expect(tally).toMatch(/评定结果：参加评议党员8人，其中评定优秀1人，合格5人，基本合格1人，不合格0人；预备党员1人参评不定等次。/);
  });

  it('整改台账: landscape, 逾期 computed, the head repeated on every page of a long ledger', () => {
    const ledger = pages['ledger'].map(pageText).join('\n');
    expect(ledger).toContain('逾期');
    expect(ledger).toContain('已销号');
    expect(ledger).not.toContain('2025年1月10日'); // the 2024 item is another year's
    const many = pages['ledger-many'];
    expect(many.length).toBeGreaterThan(2);
    for (const page of many) expect(pageText(page)).toMatch(/序号.*问题表现整改措施及目标责任人/);
    const team = pages['ledger-team'].map(pageText).join('\n');
    expect(team).toContain('支部班子');
    expect(team).not.toContain('刘洋');
    const personal = pages['ledger-personal'].map(pageText).join('\n');
    expect(personal).toContain('刘洋');
    expect(personal).toContain('孙丽华');
    expect(personal).not.toMatch(/^支部班子$/m);
  });

  it('召开情况报告: a draft, facts filled, blanks marked for the secretary, 28 characters on every full line', () => {
    const ps = pages['report-life'];
    const all = ps.map(pageText).join('\n');
    expect(pageText(ps[0])).toContain('草稿');
    expect(all).toContain('（此处由支部书记填写：');
    expect(all).toContain('2026年1月15日');
    expect(all).toContain('陈静（病假）');
    expect(all).toContain('会前共开展谈心谈话2次');
    const box = textBlock(false);
    let full = 0;
    // The report and the criticism records are 公文 body text: 22 lines, 28 characters.
    for (const page of [...ps, ...pages['criticism-all']]) {
      const body = page.lines.filter((l) => l.yMin >= box.top - 2 && l.yMax <= box.bottom + 2);
      expect(body.length).toBeLessThanOrEqual(22);
      for (const l of body) {
        // Half-width digits make a line hold more than 28 glyphs, and pdftotext turns the theme's
        // ideographic space (inside “”) into a plain one; only plain Chinese lines are counted.
        if (Math.abs(l.xMin - box.left) < 2 && Math.abs(l.xMax - box.right) < 3 && !/[0-9A-Za-z“”]/.test(l.text)) {
          expect([...flat(l.text)].length, l.text).toBe(28);
          full++;
        }
      }
    }
    expect(ps.length).toBeGreaterThan(1);
    expect(full, 'full plain lines checked').toBeGreaterThanOrEqual(10);
    expect(pages['report-dlife'].map(pageText).join('\n')).toContain('领导班子');
  });
});
