/**
 * 台账合订本 screen in Chromium: the book is built in a Web Worker with progress per record; 取消 stops
 * it and nothing is saved; a finished book is handed to the host as a .docx holding every record.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { LedgerBookPage } from '../../../renderer/src/ledgerBook/LedgerBookPage';
import { APPRAISALS, bulkImportMeetings, createRecord, RECTIFICATIONS, TALKS } from '../../../renderer/db';
import type { RecordMeta } from '../../../shared/model';
import { committeeMeeting, longSpeechMeeting } from '../../fixtures/word/meetings';
import { appraisal, rectification, talk } from '../../fixtures/word/lifeMeetings';
import { eventually } from '../mountApp';
import { freshDb, installFakeHost, makeBranch, mount } from '../wordExport/harness';

const YEAR = new Date().getFullYear();
const SHOTS = '../../../.tmp/shots';

function dateOf(i: number): string {
  const month = (i % 12) + 1;
  const day = (Math.floor(i / 12) % 28) + 1;
  return `${YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

async function seed(count: number, long: boolean) {
  const db = await freshDb();
  const org = await makeBranch(db);
  // One bulk write: 200 single transactions (each also maintaining the search index and the audit
  // chain) took most of the test's time on a loaded CI machine.
  const rows = Array.from({ length: count }, (_, i) => {
    const m = long ? longSpeechMeeting(6) : committeeMeeting();
    const { id: _id, createdAt: _c, updatedAt: _u, rev: _r, vv: _v, changedBy: _b, deletedAt: _d, ...fields } = m;
    return { ...fields, orgId: org.id, id: crypto.randomUUID(), date: dateOf(i), year: YEAR, seq: i + 1 };
  });
  await bulkImportMeetings(db, rows);
  return db;
}

describe('台账合订本', () => {
  it('shows progress per record and 取消 stops the build without saving anything', async () => {
    const host = installFakeHost();
    const db = await seed(200, true);
    await mount(db, <LedgerBookPage />, [1280, 800]);
    const build = page.getByRole('button', { name: /生成合订本（200 份记录）/ });
    await expect.element(build).toBeEnabled();
    await build.click();
    // The worker reports each record, then the packing of the file.
    await expect.element(page.getByRole('status')).toHaveTextContent(/正在排版记录：第 \d+ \/ 200 份|正在生成文件/);
    // The page keeps answering while the worker builds, and 取消 works. (No screenshot here: taking
    // one gave a fast machine time to finish the book before the click.)
    await page.getByRole('button', { name: '取消' }).click();
    await expect.element(page.getByText('已取消生成合订本，未保存任何文件。')).toBeVisible();
    await expect.element(page.getByRole('button', { name: '取消' })).not.toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 300));
    expect(host.saveFile).not.toHaveBeenCalled();
  }, 60_000);

  it('a finished book goes to the host as one .docx with every record and the contents', async () => {
    const host = installFakeHost();
    const db = await seed(5, false);
    await mount(db, <LedgerBookPage />, [1280, 800]);
    const build = page.getByRole('button', { name: /生成合订本（5 份记录）/ });
    await expect.element(build).toBeEnabled();
    await page.screenshot({ path: `${SHOTS}/ledger-book.png` });
    await build.click();
    await eventually(() => expect(host.saved).toHaveLength(1), 20_000);
    const f = host.saved[0];
    expect(f.kind).toBe('docx');
    expect(f.suggestedName).toBe(`中共××局机关第一党支部${YEAR}年度党建工作台账合订本.docx`);
    const xml = strFromU8(unzipSync(f.bytes)['word/document.xml']);
    for (let i = 1; i <= 5; i++) expect(xml.includes(`${YEAR}年第${i}次支部委员会会议记录`), `record ${i}`).toBe(true);
    // A real TOC field, its entries written in with page numbers (PAGEREF results) for readers that never update it.
    expect(xml.includes('TOC \\h \\o &quot;1-1&quot;')).toBe(true);
    const pages = [...xml.matchAll(/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">(\d+)</g)].map((m) => Number(m[1]));
    expect(pages).toHaveLength(6);
    expect(pages[0]).toBe(2);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    expect(xml.includes('目　录')).toBe(true);
    expect(xml.includes('组织生活检查结果')).toBe(true);
    await expect.element(page.getByText(/已生成合订本/)).toBeVisible();
  }, 60_000);

  it('binds the talks, the 测评汇总表 and the 整改台账 of the period with the meetings, in date order', async () => {
    const host = installFakeHost();
    const db = await seed(2, false);
    const orgId = (await db.organisations.toArray())[0].id;
    const fields = <T extends RecordMeta>(r: T) => {
      const { id: _i, createdAt: _c, updatedAt: _u, rev: _r, vv: _v, changedBy: _b, deletedAt: _d, ...rest } = r;
      return { ...rest, orgId };
    };
    const secret = '这是谈话对象表态的敏感内容';
    await createRecord(db, TALKS, fields(talk({ date: `${YEAR}-01-05`, lifeMeetingId: null, attitude: secret })));
    await createRecord(db, APPRAISALS, fields(appraisal({ annualYear: YEAR - 1, date: `${YEAR}-01-08`, meetingId: null })));
    const origin = { meetingId: null, participantId: null, problemId: null, criticismId: null, talkId: null };
    for (const category of ['政治纪律', '工作纪律']) await createRecord(db, RECTIFICATIONS, fields(rectification({ annualYear: YEAR - 1, raisedDate: `${YEAR}-01-08`, category, origin })));
    await mount(db, <LedgerBookPage />, [1280, 900]);
    const build = page.getByRole('button', { name: /生成合订本（5 份记录）/ });
    await expect.element(build).toBeEnabled();
    // The list names each record, never a talk's contents.
    for (const label of ['谈心谈话记录表（王建国与刘洋）', `民主评议党员测评汇总表（${YEAR - 1}年度）　（横排）`, `整改台账（${YEAR - 1}年度，共 2 项）　（横排）`]) {
      await expect.element(page.getByText(label)).toBeVisible();
    }
    expect(document.body.textContent).not.toContain(secret);
    await page.screenshot({ path: `${SHOTS}/ledger-book-records.png` });
    await build.click();
    await eventually(() => expect(host.saved).toHaveLength(1), 20_000);
    const xml = strFromU8(unzipSync(host.saved[0].bytes)['word/document.xml']);
    // The last occurrence: the 条目 heading or title in the body (the contents come first).
    const at = (s: string) => {
      const i = xml.lastIndexOf(s);
      expect(i, s).toBeGreaterThan(0);
      return i;
    };
    // Book order: the talk (01-05), the 测评汇总表 (01-08), the second meeting (02-02), the 台账 at the period end.
    const talkAt = at('谈心谈话记录表（王建国与刘洋）');
    const tallyAt = at(`民主评议党员测评汇总表（${YEAR - 1}年度）`);
    const ledgerAt = at(`整改台账（${YEAR - 1}年度，共 2 项）`);
    expect(talkAt).toBeLessThan(tallyAt);
    expect(tallyAt).toBeLessThan(at(`${YEAR}年第2次支部委员会会议记录`));
    expect(at(`${YEAR}年第2次支部委员会会议记录`)).toBeLessThan(ledgerAt);
    // The talk is bound whole, contents included: the book is the official record.
    at(secret);
    at(`${YEAR - 1}年度整改台账`);
    // Two landscape sections (汇总表, 台账), their page number 16 mm from the edge: below the 26 mm bottom margin's 版心.
    const landscape = [...xml.matchAll(/<w:pgSz[^>]*w:orient="landscape"[^>]*\/><w:pgMar([^>]*)\/>/g)].map((m) => m[1]);
    expect(landscape).toHaveLength(2);
    for (const m of landscape) {
      expect(m).toContain('w:bottom="1474"');
      expect(m).toContain('w:footer="908"');
    }
  }, 60_000);

  it('the main-thread fallback also reports progress and can be cancelled', async () => {
    const host = installFakeHost();
    const db = await seed(60, true);
    await mount(db, <LedgerBookPage forceMainThread />, [1280, 800]);
    await page.getByRole('button', { name: /生成合订本（60 份记录）/ }).click();
    await expect.element(page.getByText(/正在排版记录：第 \d+ \/ 60 份/)).toBeVisible();
    await page.getByRole('button', { name: '取消' }).click();
    await expect.element(page.getByText('已取消生成合订本，未保存任何文件。')).toBeVisible();
    expect(host.saveFile).not.toHaveBeenCalled();
  }, 60_000);
});
