/**
 * Issue #6 in the built app under its CSP (<meta> from electron/security.ts): the statistics charts
 * draw (non-empty canvases), the 统计表 export as .docx and .xlsx (exceljs in its own chunk), and the
 * 台账合订本 is built in a Web Worker and downloaded — all without a single CSP violation.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';

const SHOTS = '.tmp/shots';

async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(`console: ${msg.text()}`);
  });
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return violations;
}

async function fillDemo(page: Page) {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: '填充演示数据' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '填充演示数据' }).click();
  await page.waitForURL(/#\/meetings/, { timeout: 60_000 });
}

/** Pixels of a chart's canvas that are not blank. */
async function paintedPixels(page: Page, label: string): Promise<number> {
  return page.evaluate((l) => {
    const canvas = document.querySelector(`[data-chart="${l}"] canvas`) as HTMLCanvasElement | null;
    if (!canvas) return -1;
    const ctx = canvas.getContext('2d');
    if (!ctx) return -2;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  }, label);
}

test('统计图表在 CSP 下绘制，统计表可导出为 Word 和 Excel，合订本在后台线程生成', async ({ page, foreignRequests }) => {
  const violations = await watchCsp(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.setViewportSize({ width: 1280, height: 800 });
  await fillDemo(page);

  await page.goto('/#/statistics');
  await expect(page.getByText(/共 [1-9]\d* 次会议/)).toBeVisible({ timeout: 20_000 });
  for (const label of ['每月会议次数', '整改销号进度', '党员出勤率', '各党组织出勤率']) {
    await expect.poll(() => paintedPixels(page, label), { message: label }).toBeGreaterThan(2000);
  }
  // The member table sorts by rate (lowest first) and by clicking a header.
  await expect(page.getByRole('columnheader', { name: '出勤率' })).toBeVisible();
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await page.waitForTimeout(600); // chart entry animation
  await page.screenshot({ path: `${SHOTS}/statistics.png` });

  const exportAs = async (item: string) => {
    await page.getByRole('button', { name: '导出统计表' }).hover();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: item }).click();
    return download;
  };
  const xlsx = await exportAs('导出 Excel 统计表');
  expect(xlsx.suggestedFilename()).toMatch(/党建工作统计表\.xlsx$/);
  const xfiles = unzipSync(new Uint8Array(readFileSync((await xlsx.path())!)));
  const sheets = Object.keys(xfiles).filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k));
  expect(sheets).toHaveLength(4);
  const shared = strFromU8(xfiles['xl/sharedStrings.xml']);
  for (const s of ['组织生活开展情况统计表', '党员参加组织生活情况统计表', '整改落实情况统计表', '出勤率', '第一党支部']) expect(shared).toContain(s);

  const docx = await exportAs('导出 Word 统计表');
  expect(docx.suggestedFilename()).toMatch(/党建工作统计表\.docx$/);
  const doc = strFromU8(unzipSync(new Uint8Array(readFileSync((await docx.path())!)))['word/document.xml']);
  expect(doc.includes('w:orient="landscape"')).toBe(true);
  expect(doc.includes('整改落实情况统计表')).toBe(true);

  await page.goto('/#/ledger');
  const build = page.getByRole('button', { name: /生成合订本（[1-9]\d* 份记录）/ });
  await expect(build).toBeEnabled({ timeout: 20_000 });
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/ledger.png` });
  const bookDownload = page.waitForEvent('download', { timeout: 90_000 });
  await build.click();
  const book = await bookDownload;
  await book.saveAs('.tmp/shots/ledger-book/demo-book.docx');
  expect(book.suggestedFilename()).toMatch(/党建工作台账合订本\.docx$/);
  const bookXml = strFromU8(unzipSync(new Uint8Array(readFileSync((await book.path())!)))['word/document.xml']);
  expect(bookXml.includes('TOC \\h \\o')).toBe(true);
  expect(workers.some((u) => /bookWorker/.test(u))).toBe(true);

  expect(violations).toEqual([]);
  expect(foreignRequests).toEqual([]);
});
