/**
 * 锁定界面, 设置 → 安全 and 审计日志 as the secretary sees them (Chromium, real IndexedDB).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { LockGate } from '../../../renderer/src/security/LockGate';
import { SecuritySettingsCard } from '../../../renderer/src/security/SecuritySettingsCard';
import { AuditLogPage } from '../../../renderer/src/audit/AuditLogPage';
import { setKdfIterationsForTests, setPassword } from '../../../renderer/security/appLock';
import { audit, checkAuditChain } from '../../../renderer/security/auditLog';
import { dialog, eventually, freshScreenDb, mount } from '../screens/harness';

const PW = 'Dangjian2025';

beforeEach(() => setKdfIterationsForTests(2000));
afterEach(() => setKdfIterationsForTests(null));

describe('锁定界面', () => {
  it('hides the app until the right password is typed', async () => {
    const db = await freshScreenDb();
    await setPassword(db, PW);
    await mount(<LockGate><p>会议记录列表</p></LockGate>, db);
    await expect.element(page.getByText('软件已锁定，请输入启动密码')).toBeVisible();
    expect(document.body.textContent).not.toContain('会议记录列表');
    await page.screenshot({ path: '../../../.tmp/shots/lock-screen.png' });

    await userEvent.fill(page.getByLabelText('启动密码'), 'wrong-password');
    await page.getByRole('button', { name: '解锁' }).click();
    await expect.element(page.getByRole('alert')).toHaveTextContent('密码错误（已连续错误 1 次）');

    await userEvent.fill(page.getByLabelText('启动密码'), PW);
    await page.getByRole('button', { name: '解锁' }).click();
    await expect.element(page.getByText('会议记录列表')).toBeVisible();
    expect(page.getByTestId('lock-screen').query()).toBeNull();
  });

  it('after five wrong passwords the button counts down and input is refused', async () => {
    const db = await freshScreenDb();
    await setPassword(db, PW);
    await mount(<LockGate><p>会议记录列表</p></LockGate>, db);
    const field = page.getByLabelText('启动密码');
    for (let i = 1; i <= 5; i++) {
      // The previous attempt is over (its answer cleared the field) before the next one is typed.
      await expect.element(field).toHaveValue('');
      await userEvent.fill(field, `wrong${i}`);
      await expect.element(field).toHaveValue(`wrong${i}`);
      await page.getByRole('button', { name: '解锁' }).click();
      // The exact count: "…5 次后需等待…" in the earlier messages must not pass for the fifth.
      await expect.element(page.getByRole('alert')).toHaveTextContent(`已连续错误 ${i} 次`);
    }
    await expect.element(page.getByRole('button', { name: /请 \d+ 秒后再试/ })).toBeDisabled();
    await expect.element(page.getByLabelText('启动密码')).toBeDisabled();
    await page.screenshot({ path: '../../../.tmp/shots/lock-screen-wait.png' });
  });
});

describe('设置 → 安全', () => {
  it('says what the password does and does not protect, sets a password and turns encryption on', async () => {
    const db = await freshScreenDb();
    await mount(<SecuritySettingsCard />, db);
    await expect.element(page.getByText('启动密码只防止他人打开本软件；开启下方的‘敏感数据加密’后，谈话内容、批评意见和身份证号才会加密保存')).toBeVisible();
    await expect.element(page.getByRole('switch', { name: '敏感数据加密' })).toBeDisabled();

    await page.getByRole('button', { name: '设置启动密码' }).click();
    const d = dialog('再次输入新密码');
    await userEvent.fill(d.getByLabelText('新密码', { exact: true }), 'short');
    await userEvent.fill(d.getByLabelText('再次输入新密码'), 'short');
    await d.getByRole('button', { name: '确定' }).click();
    await expect.element(d.getByText(/密码至少 8 位/)).toBeVisible();
    await userEvent.fill(d.getByLabelText('新密码', { exact: true }), PW);
    await userEvent.fill(d.getByLabelText('再次输入新密码'), PW);
    await d.getByRole('button', { name: '确定' }).click();
    await expect.element(page.getByText('已设置', { exact: true })).toBeVisible();

    await page.getByRole('switch', { name: '敏感数据加密' }).click();
    const e = dialog('开启敏感数据加密');
    await userEvent.fill(e.getByLabelText('当前启动密码'), PW);
    await e.getByRole('button', { name: '确定' }).click();
    await expect.element(page.getByText(/已开启：谈话内容/)).toBeVisible();
    await page.screenshot({ path: '../../../.tmp/shots/security-settings.png' });
  });
});

describe('审计日志', () => {
  it('the chain check points at the entry altered in IndexedDB', async () => {
    const db = await freshScreenDb();
    for (let i = 0; i < 6; i++) await audit(db, { kind: i % 2 ? 'app.lock' : 'app.unlock', ok: i !== 4, detail: `第${i + 1}次` });
    await mount(<AuditLogPage />, db);
    await expect.element(page.getByText('共 6 条')).toBeVisible();
    await page.getByRole('button', { name: '校验完整性' }).click();
    await expect.element(page.getByTestId('audit-check')).toHaveTextContent('校验通过');

    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(db.name);
      req.onsuccess = () => {
        const tx = req.result.transaction('auditLog', 'readwrite');
        const store = tx.objectStore('auditLog');
        const get = store.get(4);
        get.onsuccess = () => store.put({ ...get.result, detail: '第4次（被改）' });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    await page.getByRole('button', { name: '校验完整性' }).click();
    await expect.element(page.getByTestId('audit-check')).toHaveTextContent('第 4 条记录的内容被改动过');
    await eventually(async () => expect((await checkAuditChain(db)).firstBadSeq).toBe(4));
    await expect.element(page.getByRole('row').filter({ hasText: '第4次' })).toHaveAttribute('data-bad', 'true');
    await page.screenshot({ path: '../../../.tmp/shots/audit-log.png' });

    // Filter: failures only.
    await page.getByText('失败', { exact: true }).first().click();
    await expect.element(page.getByText('共 1 条')).toBeVisible();
  });
});
