import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { createMember, listMembers } from '../../../renderer/db';
import { MembersPage } from '../../../renderer/src/pages/MembersPage';
import { dialog, eventually, freshScreenDb, mount } from './harness';
import { seedBranch } from './seed';

describe('党员花名册', () => {
  it('adds a member with a rare-character name, showing zod errors per field in Chinese', async () => {
    const db = await freshScreenDb();
    await seedBranch(db, 2);
    await mount(<MembersPage />, db);
    await page.getByRole('button', { name: '新增党员' }).click();
    const drawer = dialog('新增党员');
    await expect.element(drawer).toBeVisible();
    await drawer.getByLabelText('姓名').fill('王𬍛堃');
    await drawer.getByLabelText('公民身份号码').fill('12345');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect.element(drawer.getByText('身份证号应为 18 位（最后一位可为 X），或旧版 15 位数字')).toBeVisible();

    await drawer.getByLabelText('公民身份号码').fill('11010119900307123x');
    await drawer.getByRole('button', { name: '保存' }).click();
    const saved = await eventually(async () => {
      const m = (await listMembers(db)).find((x) => x.name === '王𬍛堃');
      expect(m).toBeDefined();
      return m!;
    });
    expect(saved.name).toBe('王𬍛堃');
    expect(saved.idNumber).toBe('11010119900307123X');
    // Filled from the ID number.
    expect(saved.birthDate).toBe('1990-03-07');
    expect(saved.gender).toBe('男');
    await expect.element(page.getByRole('cell', { name: '王𬍛堃' }).first()).toBeVisible();
  });

  it('searches by name and tells same-name members apart', async () => {
    const db = await freshScreenDb();
    const { branch } = await seedBranch(db, 2);
    await createMember(db, { name: '王伟', status: 'full', branchId: branch.id, department: '办公室', birthDate: '1985-02-01' });
    await createMember(db, { name: '王伟', status: 'probationary', branchId: branch.id, department: '预算处', birthDate: '1992-05-01' });
    await mount(<MembersPage />, db);
    await expect.element(page.getByText('办公室，1985年生')).toBeVisible();
    await expect.element(page.getByText('预算处，1992年生')).toBeVisible();
    await page.getByLabelText('按姓名查找').fill('伟');
    await expect.element(page.getByText('共 2 人').first()).toBeVisible();
    await page.getByLabelText('按部门查找').fill('预算');
    await expect.element(page.getByText('共 1 人').first()).toBeVisible();
  });

  it('deletes with confirmation and can undo', async () => {
    const db = await freshScreenDb();
    const { members } = await seedBranch(db, 4);
    await mount(<MembersPage />, db);
    const target = members[3];
    await page.getByRole('button', { name: `更多操作 ${target.name}` }).click();
    await page.getByRole('menuitem', { name: '删除' }).click();
    await dialog(`删除党员“${target.name}”？`).getByRole('button', { name: '删除' }).click();
    await eventually(async () => expect((await db.members.get(target.id))?.deletedAt).toBeTruthy());
    await page.getByRole('button', { name: '撤销' }).click();
    await eventually(async () => expect((await db.members.get(target.id))?.deletedAt).toBeNull());
  });
});
