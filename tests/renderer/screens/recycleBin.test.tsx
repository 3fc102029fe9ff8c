import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { deleteMember } from '../../../renderer/db';
import { RecycleBinPage } from '../../../renderer/src/pages/RecycleBinPage';
import { dialog, eventually, freshScreenDb, mount } from './harness';
import { seedBranch } from './seed';

describe('回收站', () => {
  it('restores, and purges only after a plain-words confirmation', async () => {
    const db = await freshScreenDb();
    const { members } = await seedBranch(db, 5);
    await deleteMember(db, members[3].id);
    await deleteMember(db, members[4].id);
    await mount(<RecycleBinPage />, db);
    await page.getByRole('button', { name: `恢复 ${members[3].name}` }).click();
    await eventually(async () => expect((await db.members.get(members[3].id))?.deletedAt).toBeNull());

    await page.getByRole('button', { name: `彻底删除 ${members[4].name}` }).click();
    const dlg = dialog(`彻底删除“${members[4].name}”？`);
    await expect.element(dlg.getByText('彻底删除后无法恢复', { exact: false })).toBeVisible();
    await dlg.getByRole('button', { name: '彻底删除' }).click();
    await eventually(async () => expect(await db.members.get(members[4].id)).toBeUndefined());
    await expect.element(page.getByText('回收站是空的')).toBeVisible();
  });
});
