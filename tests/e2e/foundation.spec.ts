/**
 * Issue #2 end to end, through the real UI in Debian Chromium against real IndexedDB:
 * create a branch → add members → record a 支委会 with an absentee and a vote → 定稿 → reload →
 * everything is there; close the page mid-typing → reopen → the draft is restored.
 * Every test also asserts that no request left localhost (fixtures.ts).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SHOTS = '.tmp/shots/e2e';

/** antd Select / TreeSelect: open by its label, choose the option by its visible title. */
async function choose(page: Page, label: string | Locator, option: string) {
  const box = typeof label === 'string' ? page.getByLabel(label, { exact: true }) : label;
  await box.click();
  const dropdown = page.locator('.ant-select-dropdown:visible, .ant-select-tree-dropdown:visible').last();
  await dropdown.locator(`[title="${option}"]`).first().click();
}

/** Person fields are AutoCompletes over the roster: type the name, pick it from the list. */
async function person(page: Page, label: string, name: string) {
  const box = page.getByLabel(label, { exact: true });
  await box.fill(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click();
}

async function createBranch(page: Page) {
  await page.goto('/#/settings');
  await page.getByLabel('单位名称').fill('××市财政局');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();

  await page.goto('/#/organisations');
  await page.getByRole('button', { name: /新建组织|建立第一个党组织/ }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radiogroup').getByText('党支部', { exact: true }).click();
  await dialog.getByLabel('简称').fill('第一党支部');
  await dialog.getByLabel('全称').fill('中共××市财政局机关第一支部委员会');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('tree', { name: '组织树' }).getByText('第一党支部')).toBeVisible();
}

async function addMember(page: Page, name: string, status = '正式党员') {
  await page.getByRole('button', { name: '新增党员' }).click();
  const drawer = page.locator('.ant-drawer:visible');
  await drawer.getByLabel('姓名', { exact: true }).fill(name);
  await choose(page, drawer.getByLabel('所在党支部', { exact: true }), '第一党支部');
  await choose(page, drawer.getByLabel('人员状态', { exact: true }), status);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('cell', { name, exact: true }).first()).toBeVisible();
}

async function addSeat(page: Page, name: string, role: string) {
  await page.getByRole('button', { name: '添加支委' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog.getByLabel('党员', { exact: true }), name);
  await choose(page, dialog.getByLabel('职务', { exact: true }), role);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

test('建支部、录党员、记一次支委会并定稿，刷新后一切都在', async ({ page, foreignRequests }) => {
  await createBranch(page);

  await page.goto('/#/members');
  for (const n of ['张建国', '李秀英', '王堃', '陈静']) await addMember(page, n);
  await addMember(page, '赵磊', '预备党员');
  await page.screenshot({ path: `${SHOTS}/members.png` });

  await page.goto('/#/organisations');
  await page.getByRole('tree', { name: '组织树' }).getByText('第一党支部').click();
  await addSeat(page, '张建国', '书记');
  await addSeat(page, '李秀英', '组织委员');
  await addSeat(page, '王堃', '宣传委员');
  await page.screenshot({ path: `${SHOTS}/organisations.png` });

  // 新建支委会
  await page.goto('/#/meetings');
  await page.getByRole('button', { name: '新建会议记录' }).first().click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog.getByLabel('党组织', { exact: true }), '第一党支部');
  await choose(page, dialog.getByLabel('会议类型', { exact: true }), '支部委员会会议');
  await dialog.getByRole('button', { name: '新建并开始记录' }).click();
  await expect(page).toHaveURL(/#\/meeting\//);
  const url = page.url();

  // 基本信息
  await page.getByLabel('地点', { exact: true }).fill('机关三楼第二会议室');
  await page.getByLabel('开始时间').fill('14:30');
  await page.getByLabel('开始时间').press('Enter');
  await page.getByLabel('结束时间').fill('16:00');
  await page.getByLabel('结束时间').press('Enter');
  await person(page, '主持人', '张建国');
  await person(page, '记录人', '李秀英');

  // 王堃 absent: the 定稿 button refuses until a reason is given.
  await page.getByRole('radiogroup', { name: '出席情况-王堃' }).getByText('缺席', { exact: true }).click();
  await expect(page.getByLabel('缺席原因-王堃')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('缺席原因-王堃').fill('公出');
  await expect(page.getByText(/应到 3 人/).first()).toBeVisible();
  await expect(page.getByText(/实到 2 人/).first()).toBeVisible();

  // A speech, a decision with a vote (2 of the 2 voting-right members present).
  await page.getByLabel('议题标题-1').fill('研究确定入党积极分子');
  await page.getByRole('button', { name: '添加发言' }).first().click();
  await page.getByLabel('发言内容').first().fill('同意将陈静同志确定为入党积极分子培养对象。');
  await page.getByRole('button', { name: '添加决定' }).first().click();
  await page.getByLabel('决定内容').first().fill('确定陈静同志为入党积极分子。');
  await page.getByRole('button', { name: '添加表决' }).first().click();
  await page.getByLabel('赞成', { exact: true }).first().fill('3');
  // 3 ballots but only 2 voting-right members present: the arithmetic check catches it.
  await expect(page.getByText(/超过/).first()).toBeVisible();
  await page.getByLabel('赞成', { exact: true }).first().fill('2');
  await page.screenshot({ path: `${SHOTS}/editor-committee.png`, fullPage: true });

  await page.getByRole('button', { name: '定稿', exact: true }).click();
  await page.getByRole('button', { name: '确认定稿' }).click();
  // The 定稿 button itself says 定稿: wait for what only a finalised record shows before reloading.
  await expect(page.getByRole('button', { name: '重新打开' })).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByLabel('地点', { exact: true })).toHaveValue('机关三楼第二会议室');
  await expect(page.getByLabel('缺席原因-王堃')).toHaveValue('公出');
  await expect(page.getByLabel('发言内容').first()).toHaveValue('同意将陈静同志确定为入党积极分子培养对象。');
  await expect(page.getByLabel('赞成', { exact: true }).first()).toHaveValue('2');
  await expect(page.getByRole('button', { name: '重新打开' })).toBeVisible();
  await expect(page.getByLabel('地点', { exact: true })).toBeDisabled();

  await page.goto('/#/meetings');
  await expect(page.getByText('共 1 条记录')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/meetings.png` });
  expect(foreignRequests).toEqual([]);
});

test('录入到一半关闭页面，重新打开后草稿还在', async ({ page, context }) => {
  await createBranch(page);
  await page.goto('/#/members');
  await addMember(page, '张建国');
  await addMember(page, '李秀英');

  await page.goto('/#/meetings');
  await page.getByRole('button', { name: '新建会议记录' }).first().click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog.getByLabel('党组织', { exact: true }), '第一党支部');
  await choose(page, dialog.getByLabel('会议类型', { exact: true }), '主题党日');
  await dialog.getByRole('button', { name: '新建并开始记录' }).click();
  await expect(page).toHaveURL(/#\/meeting\//);
  const url = page.url();

  await page.getByRole('button', { name: '添加发言' }).first().click();
  const text = '今天我们来到革命纪念馆，重温入党誓词，大家一致表示要';
  await page.getByLabel('发言内容').first().pressSequentially(text, { delay: 20 });
  // Close mid-typing: no blur, no Ctrl+S; only the page's own pagehide/visibility flush can save it.
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByLabel('发言内容').first()).toHaveValue(text);
});
