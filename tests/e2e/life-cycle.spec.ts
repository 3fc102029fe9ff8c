/**
 * Issue #5 end to end, through the real UI: a pre-meeting talk → the 组织生活会 with two members'
 * blocks → 列入整改 → the year's 民主评议 → the 整改台账 with one item 销号 → next 年度's
 * 组织生活会 shows last year's items and their state, and writes the facts into the 通报.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SHOTS = '.tmp/shots/e2e';

/** antd Select / TreeSelect: open it, choose the option whose text contains `text`. */
async function pick(page: Page, box: Locator, text: string) {
  // A dropdown still closing from the previous pick would otherwise be taken for this one.
  await expect(page.locator('.ant-select-dropdown:visible, .ant-select-tree-dropdown:visible')).toHaveCount(0);
  await box.click();
  const dropdown = page.locator('.ant-select-dropdown:visible, .ant-select-tree-dropdown:visible').last();
  await dropdown.locator('.ant-select-item-option, .ant-select-tree-treenode').filter({ hasText: text }).first().click();
}

async function setUp(page: Page) {
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

  await page.goto('/#/members');
  for (const name of ['张建国', '李秀英', '王堃']) {
    await page.getByRole('button', { name: '新增党员' }).click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.getByLabel('姓名', { exact: true }).fill(name);
    await pick(page, drawer.getByLabel('所在党支部', { exact: true }), '第一党支部');
    await pick(page, drawer.getByLabel('人员状态', { exact: true }), '正式党员');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer).toBeHidden();
  }

  await page.goto('/#/organisations');
  await page.getByRole('tree', { name: '组织树' }).getByText('第一党支部').click();
  for (const [name, role] of [
    ['张建国', '书记'],
    ['李秀英', '组织委员'],
  ]) {
    await page.getByRole('button', { name: '添加支委' }).click();
    const d = page.getByRole('dialog');
    await pick(page, d.getByLabel('党员', { exact: true }), name);
    await pick(page, d.getByLabel('职务', { exact: true }), role);
    await d.getByRole('button', { name: '保存' }).click();
    await expect(d).toBeHidden();
  }
}

async function newLifeMeeting(page: Page, annualYear: number | null) {
  await page.goto('/#/meetings');
  await page.getByRole('button', { name: '新建会议记录' }).first().click();
  const dialog = page.getByRole('dialog');
  // The dialog pre-fills the only branch; clicking an already selected tree node would leave the
  // dropdown open, so pick it only when it is not chosen yet.
  const orgBox = dialog.getByLabel('党组织', { exact: true });
  await expect(orgBox).toBeVisible();
  const chosen = dialog.locator('.ant-select-selection-item', { hasText: '第一党支部' });
  if ((await chosen.count()) === 0) await pick(page, orgBox, '第一党支部');
  await pick(page, dialog.getByLabel('会议类型', { exact: true }), '组织生活会');
  if (annualYear !== null) await dialog.getByLabel('年度', { exact: true }).fill(String(annualYear));
  await dialog.getByRole('button', { name: '新建并开始记录' }).click();
  await expect(page).toHaveURL(/#\/meeting\//);
  await expect(page.getByRole('article', { name: '被检查人-张建国' })).toBeVisible();
}

test('谈心谈话 → 组织生活会 → 民主评议 → 整改台账销号 → 下一年度组织生活会通报上年度整改', async ({ page, foreignRequests }) => {
  test.setTimeout(240_000);
  page.setDefaultTimeout(20_000);
  await setUp(page);

  // 会前谈心谈话: 张建国 with 王堃.
  await page.goto('/#/talk/new');
  await pick(page, page.getByLabel('党组织', { exact: true }), '第一党支部');
  await pick(page, page.getByLabel('谈话人', { exact: true }), '张建国');
  await pick(page, page.getByLabel('谈话对象', { exact: true }), '王堃');
  await page.keyboard.press('Escape'); // the multiple select stays open after a pick
  await page.getByRole('button', { name: '开始记录' }).click();
  await expect(page).toHaveURL(/#\/talk\/(?!new)/);
  await pick(page, page.getByLabel('谈话类型', { exact: true }), '组织生活会前谈心');
  await expect(page.getByText(/已自动保存|已保存/).first()).toBeVisible();

  // 2025 年度组织生活会 (held now, belongs to 2025).
  await newLifeMeeting(page, 2025);
  const firstUrl = page.url();
  await page.getByLabel('会议主题').fill('深入学习贯彻党的创新理论');
  await page.getByRole('checkbox', { name: '谈心谈话', exact: true }).check();
  await pick(page, page.getByLabel('谈心谈话佐证记录'), '谈心谈话 张建国—王堃');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /打开-.*谈心谈话 张建国—王堃/ })).toBeVisible();

  // Two members' blocks: 张建国 (书记) and 王堃.
  await page.getByRole('button', { name: /添加问题-张建国-/ }).first().click();
  await page.getByLabel('具体表现-张建国-问题1').fill('理论学习不够系统');
  await page.getByLabel('整改方向-张建国-问题1').fill('制定个人学习计划');
  await page.getByRole('button', { name: /添加问题-王堃-/ }).first().click();
  await page.getByLabel('具体表现-王堃-问题1').fill('请销假手续不及时');
  await page.getByRole('button', { name: '添加批评意见-王堃' }).click();
  await page.getByLabel('批评人-王堃-批评1').fill('李秀英');
  await page.getByLabel('批评意见-王堃-批评1').fill('参加支部活动不够积极');
  await page.getByLabel('表态-王堃').fill('诚恳接受批评，立行立改');

  await page.getByRole('button', { name: '列入整改-张建国-问题1' }).click();
  await expect(page.getByRole('article', { name: '被检查人-张建国' }).getByText('已列入整改')).toBeVisible();
  await page.getByRole('button', { name: '列入整改-王堃-问题1' }).click();
  await expect(page.getByRole('article', { name: '被检查人-王堃' }).getByText('已列入整改')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/life-meeting.png`, fullPage: true });

  // The list never shows the criticism texts.
  await page.goto('/#/meetings');
  await expect(page.getByText('组织生活会').first()).toBeVisible();
  await expect(page.getByText('参加支部活动不够积极')).toHaveCount(0);
  await expect(page.getByText('诚恳接受批评')).toHaveCount(0);

  // 2025 年度民主评议.
  await page.goto('/#/appraisals');
  await page.getByRole('button', { name: '新建年度民主评议' }).click();
  const ad = page.getByRole('dialog');
  await pick(page, ad.getByLabel('党支部', { exact: true }), '第一党支部');
  await ad.getByLabel('评议年度').fill('2025');
  await ad.getByRole('button', { name: '新建' }).click();
  await expect(page).toHaveURL(/#\/appraisal\//);
  await expect(page.getByText('王堃').first()).toBeVisible();
  // 民主测评: three ballots for 王堃, all 合格; then 组织评定 合格; kept after a reload.
  await page.locator('.ant-steps').getByText('民主测评', { exact: true }).click();
  await page.getByLabel('王堃应参评人数').fill('3');
  await page.getByLabel('王堃实参评人数').fill('3');
  await page.getByLabel('王堃合格票').fill('3');
  await expect(page.getByLabel('王堃优秀票率')).toHaveText('0.0%');
  await page.locator('.ant-steps').getByText('组织评定', { exact: true }).click();
  await pick(page, page.getByLabel('王堃评定等次'), '合格');
  await expect(page.getByText(/已自动保存|已保存/).first()).toBeVisible();
  await page.reload();
  await page.locator('.ant-steps').getByText('组织评定', { exact: true }).click();
  // The row shows the vote majority (合格) and the stored grade (合格).
  await expect(page.getByRole('row').filter({ hasText: '王堃' }).getByText('合格', { exact: true })).toHaveCount(2);

  // 整改台账 2025: two items; 销号 the 书记's.
  await page.goto('/#/rectifications');
  await page.getByLabel('年度', { exact: true }).fill('2025');
  await page.getByLabel('年度', { exact: true }).press('Enter');
  const ledger = page.getByRole('table', { name: '整改事项' });
  await expect(ledger.getByText('理论学习不够系统')).toBeVisible();
  await expect(ledger.getByText('请销假手续不及时')).toBeVisible();
  await page.getByRole('button', { name: '编辑整改事项：理论学习不够系统' }).click();
  const drawer = page.locator('.ant-drawer:visible');
  await drawer.getByRole('button', { name: '销号' }).click();
  const close = page.getByRole('dialog', { name: '销号' });
  await close.getByLabel('销号审核人').fill('支部书记 张建国');
  await close.getByLabel('销号佐证材料').fill('个人学习计划及学习记录');
  await close.getByRole('button', { name: '销号' }).click();
  await expect(drawer.getByText('已销号').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ledger.getByText('已销号').first()).toBeVisible();

  // Next 年度 (2026) 组织生活会: last year's items with their state, facts into the 通报.
  await newLifeMeeting(page, null);
  expect(page.url()).not.toBe(firstUrl);
  await expect(page.getByText('按 2025 年度整改台账统计', { exact: false })).toBeVisible();
  const last = page.getByRole('table', { name: '上年度整改事项' });
  await expect(last.getByRole('row').filter({ hasText: '理论学习不够系统' }).getByText('已销号')).toBeVisible();
  await expect(last.getByRole('row').filter({ hasText: '请销假手续不及时' })).toBeVisible();
  await page.getByRole('button', { name: '从整改台账生成事实' }).click();
  await expect(page.getByLabel('上年度整改落实情况通报')).toHaveValue(/上年度整改事项共 2 项：已销号 1 项/);
  await expect(page.getByLabel('上年度整改落实情况通报')).toHaveValue(/请销假手续不及时（清单：王堃/);
  await page.screenshot({ path: `${SHOTS}/life-next-year.png`, fullPage: true });

  await page.reload();
  await expect(page.getByLabel('上年度整改落实情况通报')).toHaveValue(/上年度整改事项共 2 项/);
  void foreignRequests;
});
