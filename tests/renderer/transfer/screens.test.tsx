/**
 * 数据交换与备份 screens in real Chromium: export form checks, the import wizard with a conflict
 * decided in the side-by-side view (desktop host faked: the rollback snapshot goes to its
 * backups folder), and the backups list.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { HOST_GLOBAL } from '../../../shared/host';
import { resetHostForTests } from '../../../renderer/host';
import { updateOrganisation } from '../../../renderer/db/organisations';
import { listOperations } from '../../../renderer/transfer';
import { TransferPage } from '../../../renderer/src/transfer/TransferPage';
import { eventually, freshScreenDb, mount } from '../screens/harness';
import { freshDb, makePeople, makeUnit } from '../db/helpers';
import { exportFile, fakeHost, importFile, PASSWORD, type FakeHost } from './helpers';

function useHost(h: FakeHost): void {
  window[HOST_GLOBAL] = h;
  resetHostForTests();
}

afterEach(() => {
  delete window[HOST_GLOBAL];
  resetHostForTests();
});

describe('数据交换与备份', () => {
  it('export: passwords must match; strength hint; lost-password warning', async () => {
    const db = await freshScreenDb();
    await makeUnit(db);
    useHost(fakeHost());
    await mount(<TransferPage />, db);
    await expect.element(page.getByText('密码遗失后，任何人', { exact: false })).toBeVisible();
    await expect.element(page.getByText(/将导出：党组织 5 个/)).toBeVisible();
    await page.getByLabelText('传输密码', { exact: true }).fill('abc');
    await expect.element(page.getByText('强度：弱', { exact: false })).toBeVisible();
    await page.getByLabelText('再次输入传输密码').fill('abd');
    await page.getByRole('button', { name: '导出为 .pmx 文件' }).click();
    await expect.element(page.getByText('两次输入的密码不一致，请重新输入')).toBeVisible();
  });

  it('import: label first, then preview with a conflict shown side by side; decided; snapshot first', async () => {
    const other = await freshDb();
    const u = await makeUnit(other);
    await makePeople(other, u);
    const db = await freshScreenDb();
    await importFile(db, await exportFile(other));
    await updateOrganisation(other, u.b1.id, { note: '对方：换届筹备中' });
    await updateOrganisation(db, u.b1.id, { note: '本机：已完成换届' });
    const bytes = await exportFile(other);
    const host = fakeHost();
    host.openFile = async () => ({ name: '第一党支部.pmx', bytes });
    useHost(host);
    await mount(<TransferPage />, db);
    await page.getByRole('tab', { name: '导入' }).click();
    await page.getByRole('button', { name: '选择 .pmx 文件' }).click();
    await expect.element(page.getByText('测试', { exact: true })).toBeVisible(); // label note, before the password
    await page.getByLabelText('传输密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '解密并校验' }).click();
    await expect.element(page.getByText('文件完整，校验通过')).toBeVisible();
    await expect.element(page.getByText('本机：已完成换届')).toBeVisible();
    await expect.element(page.getByText('对方：换届筹备中')).toBeVisible();
    await expect.element(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
    await page.getByRole('button', { name: '全部采用对方' }).click();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '导入', exact: true }).click();
    await expect.element(page.getByText('导入完成')).toBeVisible();
    expect((await db.organisations.get(u.b1.id))?.note).toBe('对方：换届筹备中');
    expect([...host.files.keys()].some((n) => n.endsWith('-before-import.zip'))).toBe(true);
    const log = await listOperations(db);
    expect(log.find((l) => l.kind === 'import' && l.fileName === '第一党支部.pmx')?.counts).toMatchObject({ tookTheirs: 1 });
  });

  it('backups: plain warning without a password; back up now; the list; set a password', async () => {
    const db = await freshScreenDb();
    await makeUnit(db);
    const host = fakeHost();
    useHost(host);
    await mount(<TransferPage />, db);
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await expect.element(page.getByText('未设置备份密码：自动备份目前以不加密的 .zip 文件保存')).toBeVisible();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect.element(page.getByRole('cell', { name: '手动备份' })).toBeVisible();
    await expect.element(page.getByText('未加密', { exact: true }).first()).toBeVisible();
    await page.getByRole('button', { name: '设置备份密码' }).click();
    await page.getByLabelText('备份密码', { exact: true }).fill('Beifen-2025-mima');
    await page.getByLabelText('再次输入备份密码').fill('Beifen-2025-mima');
    await page.getByRole('button', { name: '保存备份密码' }).click();
    await expect.element(page.getByText('已设置备份密码：自动备份以加密的 .pmx 文件保存')).toBeVisible();
    await page.getByRole('button', { name: '立即备份' }).click();
    await eventually(() => expect([...host.files.keys()].some((n) => n.endsWith('.pmx'))).toBe(true));
  });
});
