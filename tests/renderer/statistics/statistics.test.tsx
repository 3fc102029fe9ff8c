/**
 * 统计 screen in Chromium: the year's counts and the per-member table built from the attendance
 * lists (lowest rate first, 请假 and 缺席 apart), and the four charts drawn on canvas.
 */
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { StatisticsPage } from '../../../renderer/src/statistics/StatisticsPage';
import { baseMeeting, member } from '../../fixtures/word/meetings';
import { freshDb, installFakeHost, makeBranch, mount, storeMeeting } from '../wordExport/harness';

const YEAR = new Date().getFullYear();
const ID = { zhang: '00000000-0000-4000-8000-000000000001', li: '00000000-0000-4000-8000-000000000002', wang: '00000000-0000-4000-8000-000000000003' };

describe('统计', () => {
  it('counts the year, lists members lowest rate first and draws the charts', async () => {
    installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const lines = (wang: 'present' | 'leave' | 'absent', li: 'present' | 'leave' | 'absent') => [
      member('张三', { memberId: ID.zhang }),
      member('李四', { memberId: ID.li, presence: li, reason: li === 'present' ? '' : '公出' }),
      member('王五', { memberId: ID.wang, presence: wang, reason: wang === 'present' ? '' : '病假' }),
    ];
    await storeMeeting(db, org, baseMeeting('committee', { id: crypto.randomUUID(), year: YEAR, seq: 1, date: `${YEAR}-01-10`, attendance: lines('absent', 'leave') }));
    await storeMeeting(db, org, baseMeeting('committee', { id: crypto.randomUUID(), year: YEAR, seq: 2, date: `${YEAR}-02-10`, attendance: lines('absent', 'present') }));
    await storeMeeting(db, org, baseMeeting('lecture', { id: crypto.randomUUID(), year: YEAR, seq: 1, date: `${YEAR}-02-20`, attendance: lines('present', 'present') }));
    await storeMeeting(db, org, baseMeeting('lecture', { id: crypto.randomUUID(), year: YEAR - 1, seq: 1, date: `${YEAR - 1}-12-20`, attendance: lines('absent', 'absent') }));
    await mount(db, <StatisticsPage />, [1280, 800]);

    await expect.element(page.getByText(`${YEAR}年，第一党支部：共 3 次会议，3 名党员有出勤记录，0 项整改事项。`)).toBeVisible();
    const rows = page.getByRole('row');
    // Header, then 王五 (1/3), 李四 (2/3), 张三 (3/3).
    await expect.element(rows.nth(1)).toHaveTextContent('王五3102');
    await expect.element(rows.nth(1)).toHaveTextContent('33.3%');
    await expect.element(rows.nth(2)).toHaveTextContent('李四3210');
    await expect.element(rows.nth(3)).toHaveTextContent('100.0%');
    // Sorting by name (zh-CN order: 李, 王, 张).
    await page.getByRole('columnheader', { name: '姓名' }).click();
    await expect.element(rows.nth(1)).toHaveTextContent('李四');
    await expect.element(page.getByText('所选范围内还没有整改事项')).toBeVisible();
    for (const label of ['每月会议次数', '党员出勤率', '各党组织出勤率']) {
      await expect.element(page.getByRole('img', { name: label })).toBeVisible();
      await expect.poll(() => document.querySelector(`[data-chart="${label}"] canvas`)).not.toBeNull();
    }
    await page.screenshot({ path: '../../../.tmp/shots/statistics-component.png' });
  });
});
