import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { listOrganisations } from '../../../renderer/db';
import { OrganisationsPage } from '../../../renderer/src/pages/OrganisationsPage';
import { dialog, eventually, freshScreenDb, mount } from './harness';
import { seedBranch } from './seed';

describe('组织架构', () => {
  it('adds a 党小组 with Enter, deletes it and undoes the delete', async () => {
    const db = await freshScreenDb();
    await seedBranch(db, 3);
    await mount(<OrganisationsPage />, db);
    await page.getByRole('tree').getByText('第一党支部').click();
    await page.getByRole('button', { name: '添加党小组' }).click();
    const dlg = dialog('在“第一党支部”下添加党小组');
    await dlg.getByLabelText('简称').fill('第一党小组');
    await dlg.getByLabelText('全称').fill('第一党支部第一党小组');
    await userEvent.keyboard('{Enter}');
    const group = await eventually(async () => {
      const g = (await listOrganisations(db)).find((o) => o.level === 'group');
      expect(g?.name).toBe('第一党小组');
      return g!;
    });
    await expect.element(page.getByText('党小组应设组长 1 名', { exact: false })).toBeVisible();

    await page.getByRole('button', { name: '删除组织' }).click();
    await dialog('删除“第一党小组”？').getByRole('button', { name: '删除' }).click();
    await eventually(async () => expect((await db.organisations.get(group.id))?.deletedAt).toBeTruthy());
    await page.getByRole('button', { name: '撤销' }).click();
    await eventually(async () => expect((await db.organisations.get(group.id))?.deletedAt).toBeNull());
  });

  it('shows the repository message when a branch still has members', async () => {
    const db = await freshScreenDb();
    await seedBranch(db, 3);
    await mount(<OrganisationsPage />, db);
    await page.getByRole('tree').getByText('第一党支部').click();
    await expect.element(page.getByText('不足 7 名', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: '删除组织' }).click();
    await dialog('删除“第一党支部”？').getByRole('button', { name: '删除' }).click();
    await expect.element(dialog('不能删除该组织')).toBeVisible();
    await expect.element(page.getByText('该组织下还有', { exact: false })).toBeVisible();
  });
});
