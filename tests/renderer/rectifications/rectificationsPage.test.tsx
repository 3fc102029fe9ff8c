/**
 * 整改台账 screen in real Chromium: an overdue item shows 逾期, adding an item, recording progress,
 * and 销号 without evidence (warned, then recorded on the item).
 */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createRectification, emptyRectificationFields, lifeAnnualYear } from '../../../renderer/db';
import { RectificationsPage } from '../../../renderer/src/rectifications/RectificationsPage';
import { todayString } from '../../../renderer/src/common/dates';
import { dialog, eventually, freshScreenDb, mount } from '../screens/harness';
import { seedBranch } from '../screens/seed';

const SHOTS = '../../../.tmp/shots';

describe('整改台账', () => {
  it('shows 逾期 in red; add, progress, and 销号 without evidence is warned and recorded', async () => {
    const db = await freshScreenDb();
    const { branch, members } = await seedBranch(db, 5);
    const year = lifeAnnualYear(todayString());
    const base = emptyRectificationFields(branch.id, year, `${year}-01-15`);
    await createRectification(db, {
      ...base,
      problem: '理论学习不够系统，学用结合不紧',
      measures: '制定年度学习计划，每月集中学习一次',
      category: '理论学习',
      ownerId: members[0].id,
      ownerName: members[0].name,
      deadline: `${year}-02-28`,
    });
    await createRectification(db, {
      ...base,
      listKind: 'personal',
      personId: members[3].id,
      personName: members[3].name,
      source: 'criticism',
      category: '担当作为',
      problem: '下基层调研少，掌握情况不够全面',
      measures: '每季度到基层单位调研一次',
      ownerId: members[3].id,
      ownerName: members[3].name,
      deadlineKind: 'ongoing',
    });
    await mount(<RectificationsPage />, db);

    const table = page.getByRole('table', { name: '整改事项' });
    const overdueRow = page.getByRole('row').filter({ hasText: '理论学习不够系统' });
    await expect.element(overdueRow.getByText('逾期')).toBeVisible();
    await expect.element(page.getByText('逾期 1', { exact: false })).toBeVisible();
    await expect.element(table.getByText('下基层调研少', { exact: false })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/rectifications-ledger.png` });

    // Add an item.
    await page.getByRole('button', { name: '新增整改事项' }).click();
    const drawer = dialog('新增整改事项');
    await drawer.getByRole('textbox', { name: '问题表现' }).fill('支部会议记录不够规范，缺席原因记录不全');
    await drawer.getByRole('textbox', { name: '整改措施' }).fill('对照记录要求逐项补全，每次会后由组织委员核对');
    await drawer.getByText('立行立改', { exact: true }).click();
    await drawer.getByRole('button', { name: '保存' }).click();
    const added = await eventually(async () => {
      const r = (await db.rectifications.toArray()).find((x) => x.problem.startsWith('支部会议记录'));
      expect(r).toBeDefined();
      return r!;
    });
    expect(added).toMatchObject({ deadlineKind: 'immediate', status: 'not_started', orgId: branch.id, annualYear: year });
    await expect.element(page.getByRole('row').filter({ hasText: '支部会议记录不够规范' })).toBeVisible();

    // Progress.
    const editDrawer = dialog('整改事项');
    await editDrawer.getByRole('textbox', { name: '进展情况' }).fill('已补全上半年会议记录中的缺席原因');
    await editDrawer.getByRole('button', { name: '记录进展' }).click();
    await eventually(async () => {
      const r = await db.rectifications.get(added.id);
      expect(r?.progress.map((p) => p.text)).toEqual(['已补全上半年会议记录中的缺席原因']);
      expect(r?.status).toBe('in_progress');
    });
    await expect.element(editDrawer.getByText('整改进展（1）')).toBeVisible();

    // 销号 without evidence: a warning first, then recorded.
    await editDrawer.getByRole('button', { name: '销号', exact: true }).click();
    const closeDlg = dialog('销号审核人');
    await closeDlg.getByRole('textbox', { name: '销号审核人' }).fill('支部书记 党员1');
    await closeDlg.getByRole('button', { name: '销号' }).click();
    const warn = dialog('没有佐证材料，仍要销号吗？');
    await expect.element(warn.getByText('无佐证销号会记录在该事项上', { exact: false })).toBeVisible();
    await warn.getByRole('button', { name: '仍然销号' }).click();
    await eventually(async () => {
      const r = await db.rectifications.get(added.id);
      expect(r).toMatchObject({ status: 'closed', closedBy: '支部书记 党员1', closedWithoutEvidence: true, evidence: '' });
    });
    await expect.element(editDrawer.getByText('销号时无佐证材料', { exact: false })).toBeVisible();
    await expect.element(editDrawer.getByText('该事项在没有佐证材料的情况下销号', { exact: false })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/rectifications-drawer.png` });
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('row').filter({ hasText: '支部会议记录不够规范' }).getByText('已销号')).toBeVisible();
  });
});
