/**
 * Issue #4 end to end: two browser contexts are two offline computers, each with its own
 * IndexedDB. A (党支部) exports → B (机关党委) imports → importing again changes nothing → both
 * edit → exchange → a conflict shown side by side is decided → exchange back → both end equal.
 * Files move only as downloads and file-chooser uploads, as on a USB drive.
 */
import type { Page } from '@playwright/test';
import { expect, test, watchRequests } from './fixtures';

const PASSWORD = 'Zhibu-2025-传输';

async function fillDemo(page: Page) {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: '填充演示数据' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '填充演示数据' }).click();
  await page.waitForURL(/#\/meetings/, { timeout: 60_000 });
}

/** Opens the page afresh (leaving it first, so a finished wizard starts over). */
async function gotoTransfer(page: Page) {
  await page.goto('/#/meetings');
  // Two hash changes in quick succession can reach React as one; make sure the transfer page
  // really unmounted before coming back to it.
  await expect(page.getByRole('heading', { name: '数据交换与备份' })).toHaveCount(0);
  await page.goto('/#/transfer');
}

async function exportAll(page: Page, path: string) {
  await gotoTransfer(page);
  await expect(page.getByText(/将导出：党组织 \d+ 个/)).toBeVisible();
  await page.getByLabel('传输密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再次输入传输密码').fill(PASSWORD);
  await page.getByLabel('说明').fill('演示单位记录');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出为 .pmx 文件' }).click();
  // The demo unit has a ★ record: the classified-media reminder asks first (renderer/src/security).
  await page.getByRole('button', { name: '已按规定办理，继续导出' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/\.pmx$/);
  await d.saveAs(path);
  await expect(page.getByText('导出完成')).toBeVisible();
}

/** Up to the preview: choose the file, check the label, type the password, verify. */
async function openImport(page: Page, path: string) {
  await gotoTransfer(page);
  await page.getByRole('tab', { name: '导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择 .pmx 文件' }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByText('演示单位记录')).toBeVisible(); // label readable before the password
  await page.getByLabel('传输密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '解密并校验' }).click();
  await expect(page.getByText('文件完整，校验通过')).toBeVisible({ timeout: 60_000 });
}

/** Preview row of one table: [新增, 修改, 删除, 未变, 冲突]. */
async function previewRow(page: Page, label: string): Promise<number[]> {
  const cells = page.getByRole('row').filter({ has: page.getByRole('cell', { name: label, exact: true }) }).getByRole('cell');
  const texts = await cells.allInnerTexts();
  return texts.slice(1, 6).map((t) => Number(t.trim()));
}

async function confirmImport(page: Page) {
  // The browser build offers a backup download first (checked by default).
  const backup = page.waitForEvent('download');
  await page.getByRole('button', { name: /确认导入|完成（不改动任何记录）/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '导入', exact: true }).click();
  const b = await backup;
  expect(b.suggestedFilename()).toMatch(/^pm-backup-\d{8}-\d{9}-before-import\.(zip|pmx)$/);
  await expect(page.getByText('导入完成')).toBeVisible({ timeout: 60_000 });
}

async function editOrgNote(page: Page, org: string, note: string) {
  await page.goto('/#/organisations');
  await page.getByRole('tree').getByText(new RegExp(`^${org}`)).first().click();
  await page.getByRole('button', { name: '编辑组织' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('备注').fill(note);
  await dialog.getByRole('button', { name: /保存|确定/ }).click();
  await expect(dialog).toBeHidden();
}

/** Every organisation, member and meeting as stored (tombstones too), sorted. */
async function records(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const r = indexedDB.open('party-minutes');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const t of ['organisations', 'members', 'meetings']) {
      out[t] = await new Promise((resolve, reject) => {
        const req = db.transaction(t).objectStore(t).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    }
    db.close();
    return JSON.stringify(out);
  });
}

test('两台电脑互相导出导入：合并、不重复、冲突并排对比后决定，最终两边一致', async ({ page, browser, foreignRequests }, testInfo) => {
  test.setTimeout(240_000);
  const a = page; // 党支部的电脑
  const ctxB = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  const b = await ctxB.newPage(); // 机关党委的电脑
  const foreignB = watchRequests(b);
  const file = (n: string) => testInfo.outputPath(n);

  await fillDemo(a);
  await exportAll(a, file('a1.pmx'));

  // B: first import adds everything.
  await openImport(b, file('a1.pmx'));
  const orgsA = await previewRow(b, '党组织');
  expect(orgsA[0]).toBeGreaterThan(0);
  expect((await previewRow(b, '会议记录'))[0]).toBeGreaterThan(50);
  await confirmImport(b);
  expect(await records(b)).toBe(await records(a));

  // The same file again: nothing to do.
  await openImport(b, file('a1.pmx'));
  await expect(b.getByText('没有需要导入的内容')).toBeVisible();
  for (const t of ['党组织', '党员', '会议记录']) expect((await previewRow(b, t)).slice(0, 3)).toEqual([0, 0, 0]);
  await b.getByRole('button', { name: '放弃' }).click();

  // Both edit: the same record differently (a conflict), and B one more record.
  await editOrgNote(a, '第一党支部', '甲：支部换届筹备中');
  await editOrgNote(b, '第一党支部', '乙：已完成换届');
  await editOrgNote(b, '第二党支部', '乙：新增的备注');

  // B → A: one change, one conflict shown side by side; take theirs.
  await exportAll(b, file('b1.pmx'));
  await openImport(a, file('b1.pmx'));
  expect(await previewRow(a, '党组织')).toEqual([0, 1, 0, orgsA[0] - 2, 1]);
  const conflict = a.locator('.ant-card').filter({ hasText: '党组织：第一党支部' }).last();
  await expect(conflict.getByText('本机的版本')).toBeVisible();
  await expect(conflict.getByText('甲：支部换届筹备中')).toBeVisible();
  await expect(conflict.getByText('乙：已完成换届')).toBeVisible();
  await expect(a.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await conflict.getByText('采用对方').click();
  await confirmImport(a);

  // A → B: A's decision dominates; no conflict remains.
  await exportAll(a, file('a2.pmx'));
  await openImport(b, file('a2.pmx'));
  expect((await previewRow(b, '党组织'))[4]).toBe(0);
  await confirmImport(b);

  // Final state: identical on both computers, with B's notes.
  const finalA = await records(a);
  expect(await records(b)).toBe(finalA);
  expect(finalA).toContain('乙：已完成换届');
  expect(finalA).toContain('乙：新增的备注');
  expect(finalA).not.toContain('甲：支部换届筹备中');

  // Both logs show the operations.
  await a.getByRole('tab', { name: '操作记录' }).click();
  await expect(a.getByRole('cell', { name: '导入' }).first()).toBeVisible();
  await expect(a.getByRole('cell', { name: '导出' }).first()).toBeVisible();

  await ctxB.close();
  expect(foreignB, '机关党委的页面向 localhost 以外发出了请求').toEqual([]);
  void foreignRequests;
});

test('错误的密码和损坏的文件：清楚的中文提示，数据不变', async ({ page, foreignRequests }, testInfo) => {
  await fillDemo(page);
  await exportAll(page, testInfo.outputPath('ok.pmx'));
  const before = await records(page);
  const fs = await import('node:fs');
  const bytes = fs.readFileSync(testInfo.outputPath('ok.pmx'));
  bytes[bytes.length - 30] ^= 1;
  fs.writeFileSync(testInfo.outputPath('bad.pmx'), bytes);

  await page.goto('/#/transfer');
  await page.getByRole('tab', { name: '导入' }).click();
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择 .pmx 文件' }).click();
  await (await chooser).setFiles(testInfo.outputPath('ok.pmx'));
  await page.getByLabel('传输密码', { exact: true }).fill('不是这个密码');
  await page.getByRole('button', { name: '解密并校验' }).click();
  await expect(page.getByText(/密码错误：请核对导出时设置的传输密码/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('本机数据没有任何改动。')).toBeVisible();

  await page.getByRole('button', { name: '换一个文件' }).click();
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择 .pmx 文件' }).click();
  await (await chooser).setFiles(testInfo.outputPath('bad.pmx'));
  await page.getByLabel('传输密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '解密并校验' }).click();
  await expect(page.getByText(/文件已损坏或被篡改/)).toBeVisible({ timeout: 30_000 });
  expect(await records(page)).toBe(before);
  void foreignRequests;
});
