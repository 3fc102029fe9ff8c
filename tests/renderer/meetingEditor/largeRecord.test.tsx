import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { getMeeting } from '../../../renderer/db';
import type { AttendanceEntry } from '../../../shared/model';
import { eventually, freshDb, makeBranch, makeMeeting, mountEditor } from './harness';

describe('会议记录编辑：大记录', () => {
  it('edits and saves a record with 200 attendees and 50,000-character speeches', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const attendance: AttendanceEntry[] = Array.from({ length: 200 }, (_, i) => ({
      id: crypto.randomUUID(),
      kind: 'member',
      memberId: null,
      name: `党员${String(i + 1).padStart(3, '0')}`,
      title: '',
      status: 'full',
      standing: 'normal',
      isCommittee: false,
      presence: i % 20 === 0 ? 'leave' : 'present',
      reason: i % 20 === 0 ? '公出' : '',
    }));
    const long = '同意。'.repeat(16_667).slice(0, 50_000);
    const speeches = Array.from({ length: 6 }, (_, i) => ({ id: crypto.randomUUID(), speakerId: null, speakerName: `党员00${i + 1}`, content: long }));
    const m = await makeMeeting(db, b, {
      attendance,
      agenda: [{ id: crypto.randomUUID(), title: '讨论', speeches, decisions: [] }],
    });
    await mountEditor(db, m.id);
    await expect.element(page.getByText(/^应到 200 人/)).toBeVisible();

    const box = page.getByLabelText('发言内容').nth(2);
    await box.click();
    await userEvent.keyboard('{Control>}{End}{/Control}');
    await userEvent.keyboard('补充意见：加强学习');
    await userEvent.keyboard('{Control>}s{/Control}');
    await eventually(async () => expect((await getMeeting(db, m.id))!.agenda[0].speeches[2].content.endsWith('补充意见：加强学习')).toBe(true));

    const label = page.getByRole('radiogroup', { name: '出席情况-党员150' }).getByText('缺席', { exact: true });
    (label.element() as HTMLElement).scrollIntoView();
    (label.element() as HTMLElement).click();
    await expect.element(page.getByLabelText('缺席原因-党员150')).toBeVisible();
    await eventually(async () => expect((await getMeeting(db, m.id))!.attendance[149].presence).toBe('absent'));
  });
});
