import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { getSettings } from '../../../renderer/db';
import { SettingsPage } from '../../../renderer/src/pages/SettingsPage';
import { dialog, eventually, freshScreenDb, mount } from './harness';

describe('设置', () => {
  it('validates and saves the unit settings', async () => {
    const db = await freshScreenDb();
    await mount(<SettingsPage />, db);
    const unit = page.getByLabelText('单位名称');
    await expect.element(unit).toBeEnabled();
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect.element(page.getByText('请填写单位名称')).toBeVisible();

    await unit.fill('××市财政局');
    await page.getByLabelText('半数及以上').click();
    await expect.element(page.getByText('应到 10 人时：超过半数需 6 人；半数及以上需 5 人', { exact: false })).toBeVisible();
    await userEvent.keyboard('{Enter}');
    await page.getByRole('button', { name: '保存设置' }).click();
    const s = await eventually(async () => {
      const v = await getSettings(db);
      expect(v.unitName).toBe('××市财政局');
      return v;
    });
    expect(s.quorumRule).toBe('half_or_more');
    expect(s.nonSecretMarking).toBe('内部资料 注意保存');
    expect(s.electionQuorumFraction).toBe(0.8);
  });

  it('offers demo data only on an empty database', async () => {
    const db = await freshScreenDb();
    await mount(<SettingsPage />, db);
    const btn = page.getByRole('button', { name: '填充演示数据' });
    await expect.element(btn).toBeEnabled();
    await btn.click();
    const dlg = dialog('填充演示数据？');
    await expect.element(dlg).toBeVisible();
    await dlg.getByRole('button', { name: '填充演示数据' }).click();
    await eventually(async () => expect(await db.organisations.count()).toBeGreaterThan(0), 15000);
    await expect.element(btn).toBeDisabled();
    await expect.element(page.getByText('不能再填充演示数据', { exact: false })).toBeVisible();
  });
});
