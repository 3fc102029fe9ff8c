/**
 * 启动密码 end to end in the built app: set a password in 设置 → 安全, idle lock after the set
 * minutes (Playwright's clock moves time on), five wrong passwords → a wait that survives a reload,
 * unlock, and the events in 审计日志.
 */
import { expect, test } from './fixtures';

const SHOTS = '.tmp/shots/e2e';
const PW = 'Dangjian2025';

test('password, idle lock, failed-attempt wait across a reload, audit trail', async ({ page }) => {
  await page.clock.install();
  await page.goto('/#/settings');
  const card = page.getByTestId('security-settings');
  await expect(card.getByText('启动密码只防止他人打开本软件')).toBeVisible();

  await card.getByRole('button', { name: '设置启动密码' }).click();
  const d = page.getByRole('dialog').filter({ hasText: '再次输入新密码' });
  await d.getByLabel('新密码', { exact: true }).fill(PW);
  await d.getByLabel('再次输入新密码').fill(PW);
  await d.getByRole('button', { name: '确定' }).click();
  await expect(card.getByText('已设置', { exact: true })).toBeVisible();

  await card.getByLabel('无操作自动锁定（分钟，0 为不自动锁定）').fill('1');
  await card.getByRole('button', { name: '保存安全设置' }).click();
  await expect(page.getByText('安全设置已保存')).toBeVisible();

  // No input for a minute: locked, the settings page is hidden.
  await page.clock.fastForward('01:05');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByRole('button', { name: '保存安全设置' })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/security-idle-lock.png` });

  const box = page.getByLabel('启动密码');
  for (let i = 1; i <= 5; i++) {
    await box.fill(`wrong-${i}`);
    await page.getByRole('button', { name: '解锁' }).click();
    await expect(page.getByTestId('lock-screen').getByRole('alert')).toContainText(`${i} 次`);
  }
  await expect(page.getByRole('button', { name: /请 \d+ 秒后再试/ })).toBeDisabled();

  // Reloading does not reset the wait.
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByRole('button', { name: /请 \d+ 秒后再试/ })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/security-wait-after-reload.png` });

  await page.clock.fastForward('00:35');
  await expect(page.getByRole('button', { name: '解锁' })).toBeVisible();
  await page.getByLabel('启动密码').fill(PW);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByTestId('lock-screen')).toBeHidden();

  await page.goto('/#/audit');
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  const table = page.locator('.ant-table');
  await expect(table.getByRole('cell', { name: '设置启动密码', exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: '锁定', exact: true }).first()).toBeVisible();
  await expect(table.getByRole('cell', { name: '长时间无操作', exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: '密码错误（连续第 5 次）' })).toBeVisible();
  await page.getByRole('button', { name: '校验完整性' }).click();
  await expect(page.getByTestId('audit-check')).toContainText('校验通过');
  await page.screenshot({ path: `${SHOTS}/security-audit.png` });
});
