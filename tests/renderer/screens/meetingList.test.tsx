import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { bulkImportMeetings, emptyMeetingFields, type BulkMeetingInput } from '../../../renderer/db';
import { MeetingListPage } from '../../../renderer/src/pages/MeetingListPage';
import { dialog, eventually, freshScreenDb, mount } from './harness';
import { seedBranch } from './seed';

describe('会议记录', () => {
  it('explains the first steps when there are no organisations', async () => {
    const db = await freshScreenDb();
    await mount(<MeetingListPage />, db);
    await expect.element(page.getByText('欢迎使用党建会议记录')).toBeVisible();
    await expect.element(page.getByRole('button', { name: '去设置单位名称' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: '去建立组织架构' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: '去录入党员' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: '填充演示数据' })).toBeEnabled();
  });

  it('shows the total and renders only the visible rows of a long list', async () => {
    const db = await freshScreenDb();
    const { branch } = await seedBranch(db, 3);
    const rows: BulkMeetingInput[] = [];
    for (let i = 0; i < 3000; i++) {
      const d = new Date(Date.UTC(2015, 0, 1) + i * 86400000).toISOString().slice(0, 10);
      rows.push({ ...emptyMeetingFields(branch.id, 'theme_day', d), year: Number(d.slice(0, 4)), seq: (i % 900) + 1, agenda: [{ id: `a-${i}-xxxxxxxx`, title: `议题${i}`, speeches: [], decisions: [] }] });
    }
    await bulkImportMeetings(db, rows);
    await mount(<MeetingListPage />, db);
    await expect.element(page.getByText('共 3,000 条记录', { exact: false })).toBeVisible();
    const list = page.getByRole('list', { name: '会议记录列表' });
    await expect.element(list).toBeVisible();
    const rendered = list.element().querySelectorAll('[role="listitem"]').length;
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(40);
    // Newest first.
    await expect.element(list.getByRole('link').first()).toHaveTextContent(rows[rows.length - 1].date);
    // Scroll far down: a later page is fetched.
    const scroller = list.element().parentElement!;
    scroller.scrollTop = 64 * 2500;
    await expect.element(page.getByText('议题400', { exact: true })).not.toBeInTheDocument();
    await eventually(() => expect(list.element().textContent).toContain('1. 议题4'));
  });

  it('creates a record from the roster and the template, then opens the editor', async () => {
    const db = await freshScreenDb();
    await seedBranch(db, 6);
    await mount(<MeetingListPage />, db);
    await page.getByRole('button', { name: '新建会议记录' }).first().click();
    const dlg = dialog('新建会议记录');
    await expect.element(dlg).toBeVisible();
    await dlg.getByRole('button', { name: '新建并开始记录' }).click();
    await eventually(() => expect(window.location.hash).toMatch(/^#\/meeting\//));
    const id = decodeURIComponent(window.location.hash.split('/')[2]);
    const m = await db.meetings.get(id);
    expect(m?.type).toBe('general_assembly');
    expect(m?.attendance).toHaveLength(6);
    expect(m?.agenda.length).toBeGreaterThan(3);
    expect(m?.agenda.every((a) => a.speeches.length === 0)).toBe(true);
  });
});
