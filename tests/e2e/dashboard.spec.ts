/**
 * 工作台 on the demo unit: the planted gaps show (a month without 支委会, a quarter without 党课,
 * an absentee without a reason, an overdue rectification item, talk gaps before the next 组织生活会,
 * a 预备党员 due for 转正), and clicking the missing 支委会 starts that record pre-filled.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SHOTS = '.tmp/shots';

async function fillDemo(page: Page) {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: '填充演示数据' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '填充演示数据' }).click();
  await page.waitForURL(/#\/meetings/, { timeout: 60_000 });
}

/** The demo's planted months, computed as renderer/db/demo.ts does (months before now, UTC). */
function monthsAgo(n: number) {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1));
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 };
}

async function showYear(page: Page, y: number) {
  const current = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  if (y === current) return;
  await page.getByLabel('年度').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(`${y}年`).click();
}

test('工作台 shows the planted gaps and starts the missing record', async ({ page }) => {
  await fillDemo(page);
  await page.goto('/#/dashboard');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  const grid = page.getByRole('table', { name: '三会一课开展情况' });
  await expect(grid).toBeVisible();

  // Lists below the grid.
  const reasons = page.getByTestId('blocking-reasons');
  await expect(reasons.locator('.pm-finding')).toHaveCount(1);
  await expect(reasons).toContainText('未填写缺席原因');
  const rect = page.getByTestId('blocking-rectification');
  await expect(rect.locator('.pm-finding')).toHaveCount(1);
  await expect(rect).toContainText('已超过完成时限');
  const talks = page.getByTestId('blocking-talks');
  await expect(talks).toContainText('第一党支部');
  await expect(talks).toContainText('尚未与');
  const talkLink = talks.getByRole('link', { name: '记录谈话' }).first();
  await expect(talkLink).toHaveAttribute('href', /#\/talk\/new\?.*interviewer=.*interviewee=/);
  await expect(page.getByTestId('blocking-probation')).toContainText('冯玉兰');
  await expect(page.getByTestId('blocking-quorum')).toContainText('无');

  // The missing 支委会 (第三党支部, 8 months ago) and the quarter without 党课 (months[quarterEnd #3]).
  const gap = monthsAgo(8);
  await showYear(page, gap.y);
  const cell = grid.getByRole('button', { name: `第三党支部 支委会 ${gap.y}年${gap.m}月：逾期未开展` });
  await expect(cell).toBeVisible();
  await expect(cell).toHaveText('未开展');
  await expect(grid.getByRole('button', { name: new RegExp(`^第一党支部 支委会 ${gap.y}年${gap.m}月：已开展`) })).toBeVisible();
  await expect(grid.getByRole('button', { name: /^第三党支部 党课 .*季度：逾期未开展/ }).first()).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/dashboard-1280.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${SHOTS}/dashboard-1440.png` });
  await page.screenshot({ path: `${SHOTS}/dashboard-1440-full.png`, fullPage: true });

  // Click → drawer → new record pre-filled with the branch, the type and a date in that month.
  await cell.click();
  const drawer = page.getByRole('dialog').filter({ hasText: `第三党支部 · 支委会 · ${gap.y}年${gap.m}月` });
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText(`没有找到${gap.y}年${gap.m}月的支委会记录`);
  await page.screenshot({ path: `${SHOTS}/dashboard-drawer.png`, animations: 'disabled' });
  await drawer.getByRole('button', { name: '新建支委会记录' }).click();
  const dialog = page.getByRole('dialog', { name: '新建会议记录' });
  await expect(dialog).toBeVisible();
  const field = (label: string) => dialog.locator('.ant-form-item').filter({ has: page.getByText(label, { exact: true }) });
  await expect(field('党组织')).toContainText('第三党支部');
  await expect(field('会议类型')).toContainText('支部委员会会议');
  const mm = String(gap.m).padStart(2, '0');
  await expect(dialog.getByLabel('会议日期')).toHaveValue(new RegExp(`^${gap.y}-${mm}-\\d{2}$`));
  await page.screenshot({ path: `${SHOTS}/dashboard-new-meeting.png`, animations: 'disabled' });
  await dialog.getByRole('button', { name: '新建并开始记录' }).click();
  await page.waitForURL(/#\/meeting\/[0-9a-f-]{36}/);

  // Back on the 工作台 the month is now held (the new draft is dated inside it).
  await page.goto('/#/dashboard');
  await showYear(page, gap.y);
  await expect(page.getByRole('table', { name: '三会一课开展情况' }).getByRole('button', { name: new RegExp(`^第三党支部 支委会 ${gap.y}年${gap.m}月：已开展`) })).toBeVisible();
});

test('检查设置: importing a holiday file with a bad line keeps the text and says which line', async ({ page }) => {
  await page.goto('/#/settings');
  const card = page.locator('#checks');
  await expect(card).toContainText('检查设置（工作台）');
  const box = card.getByLabel('工作日历');
  await box.fill('2026-10-01~2026-10-07 休\n2026-10-10 班\n2026-13-01 休');
  await expect(card).toContainText('第 3 行');
  await card.getByRole('button', { name: '保存检查设置' }).click();
  await expect(page.getByText('工作日历中有无法识别的行')).toBeVisible();
  await expect(box).toHaveValue(/2026-13-01 休/);
  await box.fill('2026-10-01~2026-10-07 休\n2026-10-10 班');
  await expect(card).toContainText('已登记放假 7 天、调休上班 1 天');
  await card.getByRole('button', { name: '保存检查设置' }).click();
  await expect(page.getByText('检查设置已保存')).toBeVisible();
  await page.reload();
  await expect(page.locator('#checks').getByLabel('工作日历')).toHaveValue('2026-10-01~2026-10-07 休\n2026-10-10 班');
  await page.locator('#checks').screenshot({ path: `${SHOTS}/check-settings.png` });
});
