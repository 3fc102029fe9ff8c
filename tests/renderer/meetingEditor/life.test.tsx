/**
 * 组织生活会 editing in the meeting editor: new-meeting dialog, per-person blocks, 列入整改, the
 * absent-critic flag, and autosave across a remount.
 */
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import {
  attendanceFromRoster,
  createMeeting,
  createRectification,
  emptyLifeBlock,
  emptyRectificationFields,
  getMeeting,
  lifeParticipantsFrom,
  type PartyMinutesDB,
} from '../../../renderer/db';
import { NewMeetingDialog } from '../../../renderer/src/meetingList/NewMeetingDialog';
import { MeetingEditorPage } from '../../../renderer/src/pages/MeetingEditorPage';
import { mountApp } from '../mountApp';
import { eventually, freshDb, makeBranch, type Branch } from './harness';

async function makeLifeMeeting(db: PartyMinutesDB, b: Branch) {
  const date = '2026-01-15';
  const attendance = (await attendanceFromRoster(db, b.org.id, date, 'general_assembly')).map((e) =>
    e.name === '赵敏' ? { ...e, presence: 'absent' as const, reason: '公出' } : e,
  );
  const two = attendance.filter((e) => e.name === '张建国' || e.name === '王伟');
  return createMeeting(db, {
    orgId: b.org.id,
    type: 'life_meeting',
    date,
    place: '三楼会议室',
    chairId: b.people.zhang.id,
    chairName: '张建国',
    recorderName: '李秀英',
    attendance,
    agenda: [{ id: crypto.randomUUID(), title: '开展批评与自我批评', speeches: [], decisions: [] }],
    life: {
      ...emptyLifeBlock('life_meeting', date, { aspects: ['政治纪律', '组织纪律'] }),
      participants: lifeParticipantsFrom(b.org, two, 'life_meeting', date),
    },
  });
}

let remount: (() => void) | null = null;
function Remountable({ id }: { id: string }) {
  const [k, setK] = useState(0);
  remount = () => setK((x) => x + 1);
  return <MeetingEditorPage key={k} meetingId={id} />;
}

describe('组织生活会：新建', () => {
  it('offers 组织生活会 for a branch, defaults 年度 to the previous year in January, and fills the speakers from attendance', async () => {
    const db = await freshDb();
    await makeBranch(db);
    await mountApp(db, <NewMeetingDialog open onClose={() => {}} />);
    await page.getByLabelText('党组织').click();
    await page.getByRole('tree').getByTitle('第一党支部', { exact: true }).click();
    await page.getByLabelText('会议类型').click();
    await page.getByTitle('组织生活会', { exact: true }).click();
    const date = page.getByPlaceholder('请选择日期');
    await date.fill('2026-02-10');
    await userEvent.tab();
    await expect.element(page.getByLabelText('年度')).toHaveValue('2025');
    await page.getByLabelText('召开形式').click();
    await page.getByTitle('以支委会形式召开', { exact: true }).click();
    await page.getByRole('button', { name: '新建并开始记录' }).click();
    const m = await eventually(async () => {
      const rows = await db.meetings.toArray();
      expect(rows).toHaveLength(1);
      return rows[0];
    });
    expect(m.type).toBe('life_meeting');
    expect(m.life?.annualYear).toBe(2025);
    expect(m.life?.heldAs).toBe('committee');
    // Held as a 支委会: the committee attends and speaks, secretary first.
    expect(m.life?.participants.map((p) => [p.name, p.role])).toEqual([
      ['张建国', 'secretary'],
      ['李秀英', 'committee'],
    ]);
    expect(window.location.hash).toBe(`#/meeting/${m.id}`);
  });
});

describe('组织生活会：上年度整改落实情况', () => {
  it('appends the facts of last 年度\'s ledger to what the secretary wrote, and lists the items with their state', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const base = emptyRectificationFields(b.org.id, 2024, '2025-01-20');
    await createRectification(db, { ...base, problem: '理论学习不够深入', ownerName: '张建国', deadline: '2025-06-30', status: 'closed', closedDate: '2025-06-20', closedBy: '李秀英', evidence: '学习计划' });
    await createRectification(db, { ...base, listKind: 'personal', personName: '王伟', problem: '请销假不及时', ownerName: '王伟', deadline: '2025-03-31', status: 'in_progress' });
    // Another 年度 stays out.
    await createRectification(db, { ...base, annualYear: 2023, problem: '更早的问题' });
    const m = await makeLifeMeeting(db, b);
    await mountApp(db, <MeetingEditorPage meetingId={m.id} />, { size: [1280, 800] });
    const report = page.getByLabelText('上年度整改落实情况通报');
    await report.fill('书记通报：');
    await page.getByRole('button', { name: '从整改台账生成事实' }).click();
    await eventually(() => {
      const v = (report.element() as HTMLTextAreaElement).value;
      expect(v).toMatch(/^书记通报：\n\n上年度整改事项共 2 项：已销号 1 项，已完成待销号 0 项，推进中 1 项，未开始 0 项；其中逾期未完成 1 项。/);
      expect(v).toContain('请销假不及时（清单：王伟；责任人：王伟');
    });
    const table = page.getByRole('table', { name: '上年度整改事项' });
    await expect.element(table.getByRole('cell', { name: '理论学习不够深入' })).toBeVisible();
    await expect.element(table.getByRole('cell', { name: '已销号' })).toBeVisible();
    await expect.element(table.getByRole('cell', { name: '逾期' })).toBeVisible();
    expect(table.element().textContent).not.toContain('更早的问题');
    await page.elementLocator(document.getElementById('section-life-lastyear')!).screenshot({ path: '../../../.tmp/shots/section-life-lastyear.png' });
    await eventually(async () => expect((await getMeeting(db, m.id))!.life!.lastYearReport).toContain('书记通报：'));
  });
});

describe('民主生活会：新建', () => {
  it('is the type offered for a 机关党委, with the team as speakers', async () => {
    const db = await freshDb();
    await makeBranch(db);
    await mountApp(db, <NewMeetingDialog open onClose={() => {}} />);
    await page.getByLabelText('党组织').click();
    await page.getByRole('tree').getByTitle('机关党委', { exact: true }).click();
    await expect.element(page.getByLabelText('会议类型')).toBeInTheDocument();
    await expect.element(page.getByTitle('民主生活会', { exact: true })).toBeVisible();
    await expect.element(page.getByLabelText('召开形式')).not.toBeInTheDocument();
    await page.getByRole('button', { name: '新建并开始记录' }).click();
    const m = await eventually(async () => {
      const rows = await db.meetings.toArray();
      expect(rows).toHaveLength(1);
      return rows[0];
    });
    expect(m.type).toBe('democratic_life');
    expect(m.life?.heldAs).toBeNull();
  });
});

describe('组织生活会：批评与自我批评', () => {
  it('records problems and criticism per person, links 列入整改, flags an absent critic, and keeps everything after a remount', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const m = await makeLifeMeeting(db, b);
    await mountApp(db, <Remountable id={m.id} />, { size: [1280, 800] });

    await expect.element(page.getByRole('article', { name: '被检查人-张建国' })).toBeVisible();
    await expect.element(page.getByRole('article', { name: '被检查人-王伟' })).toBeVisible();
    await page.getByLabelText('会议主题').fill('深入学习贯彻党的创新理论');

    // 张建国: one problem under 政治纪律, criticism from 王伟 (present).
    await page.getByRole('button', { name: '添加问题-张建国-政治纪律' }).click();
    await page.getByLabelText('具体表现-张建国-问题1').fill('理论学习不够系统，满足于读原文');
    await page.getByLabelText('原因剖析-张建国-问题1').fill('党性修养有所放松');
    await page.getByRole('button', { name: '添加批评意见-张建国' }).click();
    await page.getByLabelText('批评人-张建国-批评1').fill('王伟');
    await page.getByLabelText('批评意见-张建国-批评1').fill('布置工作多，督促落实少');

    // 王伟: a problem under 组织纪律, criticism from 赵敏 who was absent.
    await page.getByRole('button', { name: '添加问题-王伟-组织纪律' }).click();
    await page.getByLabelText('具体表现-王伟-问题1').fill('请销假手续不及时');
    await page.getByRole('button', { name: '添加批评意见-王伟' }).click();
    const critic = page.getByLabelText('批评人-王伟-批评1');
    await critic.fill('赵敏');
    await page.getByLabelText('批评意见-王伟-批评1').fill('参加支部活动不够积极');
    await expect.element(page.getByText('赵敏未出席本次会议（出席名单中为缺席或请假），不能作为批评人')).toBeVisible();
    const issue = page.getByRole('button', { name: /批评人“赵敏”在出席情况中未出席/ });
    await expect.element(issue).toBeVisible();
    await issue.click();
    await expect.element(critic).toHaveFocus();

    // Self-criticism put under "criticism received" is flagged too.
    await critic.fill('王伟');
    await expect.element(page.getByText('批评人不能是被检查人本人；本人的问题请写在上面的“自我批评”中')).toBeVisible();
    await critic.fill('李秀英');
    await expect.element(issue).not.toBeInTheDocument();

    // 列入整改 creates the item and links it.
    await page.getByRole('button', { name: '列入整改-张建国-问题1' }).click();
    const item = await eventually(async () => {
      const rows = (await db.rectifications.toArray()).filter((r) => !r.deletedAt);
      expect(rows).toHaveLength(1);
      return rows[0];
    });
    expect(item.orgId).toBe(b.org.id);
    expect(item.origin.meetingId).toBe(m.id);
    const zhangBlock = page.getByRole('article', { name: '被检查人-张建国' });
    await expect.element(zhangBlock.getByText('已列入整改')).toBeVisible();
    await expect.element(zhangBlock.getByText('未开始')).toBeVisible();
    await expect.element(page.getByRole('button', { name: '列入整改-张建国-问题1' })).not.toBeInTheDocument();
    await eventually(async () => {
      const s = await getMeeting(db, m.id);
      const zhang = s!.life!.participants.find((p) => p.name === '张建国')!;
      expect(zhang.problems[0].rectificationId).toBe(item.id);
      // Typing before the link was kept.
      expect(zhang.problems[0].cause).toBe('党性修养有所放松');
    });

    await page.getByLabelText('表态-王伟').fill('诚恳接受大家的批评，立行立改');
    await userEvent.tab();
    remount!();
    await expect.element(page.getByLabelText('表态-王伟')).toHaveValue('诚恳接受大家的批评，立行立改');
    await expect.element(page.getByLabelText('批评人-王伟-批评1')).toHaveValue('李秀英');
    await expect.element(page.getByLabelText('具体表现-张建国-问题1')).toHaveValue('理论学习不够系统，满足于读原文');
    await expect.element(page.getByRole('article', { name: '被检查人-张建国' }).getByText('已列入整改')).toBeVisible();
    const stored = await getMeeting(db, m.id);
    const wang = stored!.life!.participants.find((p) => p.name === '王伟')!;
    expect(wang.criticisms[0]).toMatchObject({ criticName: '李秀英', text: '参加支部活动不够积极' });
    expect(stored!.life!.theme).toBe('深入学习贯彻党的创新理论');
  }, 60_000);

  it('removes a participant with undo, and reorders speakers', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const m = await makeLifeMeeting(db, b);
    await mountApp(db, <MeetingEditorPage meetingId={m.id} />, { size: [1280, 800] });
    await page.getByLabelText('表态-王伟').fill('接受批评');
    await page.getByRole('button', { name: '移除-王伟' }).click();
    await expect.element(page.getByRole('article', { name: '被检查人-王伟' })).not.toBeInTheDocument();
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.element(page.getByLabelText('表态-王伟')).toHaveValue('接受批评');

    await page.getByRole('button', { name: '上移-王伟' }).click();
    await eventually(async () => expect((await getMeeting(db, m.id))!.life!.participants.map((p) => p.name)).toEqual(['王伟', '张建国']));
  });

  it('fits 1280×800 without horizontal scrolling (screenshot)', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const m = await makeLifeMeeting(db, b);
    await mountApp(db, <MeetingEditorPage meetingId={m.id} />, { size: [1280, 800] });
    await page.getByRole('button', { name: '添加问题-张建国-政治纪律' }).click();
    await page.getByLabelText('具体表现-张建国-问题1').fill('理论学习不够系统');
    await page.getByRole('button', { name: '添加批评意见-张建国' }).click();
    await page.getByLabelText('批评人-张建国-批评1').fill('王伟');
    await expect.element(page.getByText('会前准备', { exact: true })).toBeVisible();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
    for (const id of ['section-life', 'section-life-prep', 'section-life-lastyear', 'section-life-people', 'section-life-supervisor']) {
      await page.elementLocator(document.getElementById(id)!).screenshot({ path: `../../../.tmp/shots/${id}.png` });
    }
  });
});
