import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { getMeeting } from '../../../renderer/db';
import { MAX_LONG_TEXT } from '../../../shared/model';
import { eventually, freshDb, makeBranch, makeMeeting, mountEditor } from './harness';

describe('会议记录编辑：自动保存', () => {
  it('saves typing within a second, and Ctrl+S saves at once with 已保存', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const m = await makeMeeting(db, b);
    await mountEditor(db, m.id);
    const place = page.getByLabelText('地点');
    await expect.element(place).toHaveValue('三楼会议室');
    await place.fill('局机关党员活动室');
    await eventually(async () => expect((await getMeeting(db, m.id))?.place).toBe('局机关党员活动室'), 1500);
    await expect.element(page.getByText(/已自动保存 \d\d:\d\d:\d\d/)).toBeVisible();

    await place.fill('五楼会议室');
    await userEvent.keyboard('{Control>}s{/Control}');
    await expect.element(page.getByText('已保存', { exact: true })).toBeVisible();
    expect((await getMeeting(db, m.id))?.place).toBe('五楼会议室');
  });

  it('keeps an over-long speech in the field with a Chinese error, and saves once it is fixed', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const m = await makeMeeting(db, b);
    await mountEditor(db, m.id);
    await page.getByRole('button', { name: '添加发言' }).click();
    const content = page.getByLabelText('发言内容');
    const long = '议'.repeat(MAX_LONG_TEXT + 1);
    await content.fill(long);
    await expect.element(page.getByText(/未能保存：.*发言内容.*内容过长/)).toBeVisible();
    expect((content.element() as HTMLTextAreaElement).value.length).toBe(MAX_LONG_TEXT + 1);
    // The stored copy still has the empty speech added before the paste; the text was never cut.
    expect((await getMeeting(db, m.id))?.agenda[0].speeches[0]?.content).toBe('');

    await content.fill('议'.repeat(50_000));
    await eventually(async () => expect((await getMeeting(db, m.id))?.agenda[0].speeches[0]?.content.length).toBe(50_000), 3000);
    await expect.element(page.getByText(/未能保存/)).not.toBeInTheDocument();
  });

  it('never loses the last keystrokes: a burst of edits ends with exactly the latest text stored', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const m = await makeMeeting(db, b);
    await mountEditor(db, m.id);
    const summary = page.getByLabelText('主持人小结');
    await summary.click();
    await userEvent.keyboard('会议要求各同志认真落实');
    await userEvent.tab(); // blur flushes at once
    await eventually(async () => expect((await getMeeting(db, m.id))?.summary).toBe('会议要求各同志认真落实'), 1500);
    const stored = await getMeeting(db, m.id);
    // Serialised saves: each write continued from the previous one, none rejected as stale.
    expect(stored!.rev).toBeGreaterThan(m.rev);
    await expect.element(page.getByText(/未能保存/)).not.toBeInTheDocument();
  });
});

describe('会议记录编辑：出席情况与检查', () => {
  it('requires a reason for absentees, highlights it, and the issue jumps to the field', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const m = await makeMeeting(db, b);
    await mountEditor(db, m.id);
    await expect.element(page.getByText('应到 5 人（其中正式党员 4 人，预备党员 1 人），实到 5 人（其中正式党员 4 人，预备党员 1 人）')).toBeVisible();

    await page.getByRole('radiogroup', { name: '出席情况-王伟' }).getByText('缺席', { exact: true }).click();
    const reason = page.getByLabelText('缺席原因-王伟');
    await expect.element(reason).toBeVisible();
    await expect.element(reason).toHaveAttribute('aria-invalid', 'true');
    const issue = page.getByRole('button', { name: /缺席人员“王伟”未填写缺席原因/ });
    await expect.element(issue).toBeVisible();
    await issue.click();
    await expect.element(reason).toHaveFocus();

    await page.getByRole('button', { name: '公出-王伟' }).click();
    await expect.element(reason).toHaveValue('公出');
    await expect.element(issue).not.toBeInTheDocument();
    await eventually(async () => {
      const e = (await getMeeting(db, m.id))!.attendance.find((a) => a.name === '王伟')!;
      expect([e.presence, e.reason]).toEqual(['absent', '公出']);
    });
    await expect.element(page.getByText(/有表决权的党员应到 4 人，实到 3 人/)).toBeVisible();
  });

  it('presence is keyboard operable: arrow keys change it, Tab moves on', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const m = await makeMeeting(db, b);
    await mountEditor(db, m.id);
    const group = page.getByRole('radiogroup', { name: '出席情况-赵敏' });
    await group.getByText('出席', { exact: true }).click();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await expect.element(group.getByRole('radio', { name: '请假' })).toBeChecked();
    await userEvent.tab();
    await expect.element(page.getByLabelText('缺席原因-赵敏')).toHaveFocus();
  });

  it('shows vote arithmetic live and flags more votes than voting members present', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const m = await makeMeeting(db, b);
    await mountEditor(db, m.id);
    await page.getByRole('button', { name: '添加决定' }).click();
    await page.getByLabelText('决定内容').fill('同意接收');
    await page.getByRole('button', { name: '添加表决' }).click();
    await page.getByLabelText('赞成', { exact: true }).fill('3');
    await expect.element(page.getByText('应到会有表决权的党员 4 人，实到 4 人；赞成 3 票，反对 0 票，弃权 0 票；赞成票超过应到会有表决权党员的半数，表决通过。')).toBeVisible();
    await page.getByLabelText('反对', { exact: true }).fill('2');
    await expect.element(page.getByRole('alert').filter({ hasText: /合计 5 票，超过实到会有表决权的党员 4 人/ }).first()).toBeVisible();
  });
});

describe('会议记录编辑：发言', () => {
  it('Ctrl+Enter adds the next speech below and puts the cursor in its speaker field', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const m = await makeMeeting(db, b);
    await mountEditor(db, m.id);
    await page.getByRole('button', { name: '添加发言' }).click();
    const first = page.getByLabelText('发言内容');
    await first.fill('同意。');
    await first.click();
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await expect.element(page.getByLabelText('发言内容').nth(1)).toBeVisible();
    await expect.element(page.getByLabelText('发言人').nth(1)).toHaveFocus();
    await userEvent.keyboard('王伟');
    await userEvent.tab();
    await eventually(async () => {
      const s = (await getMeeting(db, m.id))!.agenda[0].speeches;
      expect(s.map((x) => [x.speakerName, x.content])).toEqual([['', '同意。'], ['王伟', '']]);
    });
  });
});

describe('会议记录编辑：定稿与重新打开', () => {
  it('refuses 定稿 with errors, finalises when clean, is read-only, and reopens with a reason', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const m = await makeMeeting(db, b, { place: '' });
    await mountEditor(db, m.id);
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    await expect.element(page.getByText('还有 1 处必须修改，暂不能定稿').last()).toBeVisible();
    await page.getByRole('button', { name: '去修改' }).click();
    await expect.element(page.getByLabelText('地点')).toHaveFocus();
    await userEvent.keyboard('三楼会议室');

    await page.getByRole('button', { name: '定稿', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认定稿' }).click();
    await eventually(async () => expect((await getMeeting(db, m.id))?.status).toBe('final'));
    expect((await getMeeting(db, m.id))?.place).toBe('三楼会议室');
    await expect.element(page.getByLabelText('地点')).toBeDisabled();
    await expect.element(page.getByRole('button', { name: '添加发言' })).not.toBeInTheDocument();

    await page.getByRole('button', { name: '重新打开' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认重新打开' }).click();
    await expect.element(page.getByText('请填写重新打开的原因')).toBeVisible();
    await page.getByLabelText('重新打开原因').fill('更正发言记录中的错字');
    await page.getByRole('dialog').getByRole('button', { name: '确认重新打开' }).click();
    await eventually(async () => expect((await getMeeting(db, m.id))?.status).toBe('draft'));
    expect((await getMeeting(db, m.id))?.reopenLog.map((r) => r.reason)).toEqual(['更正发言记录中的错字']);
    await expect.element(page.getByText('重新打开记录（1 次）')).toBeVisible();
    await expect.element(page.getByLabelText('地点')).toBeEnabled();
  });

  it('shows the red banner for a ★ record', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const m = await makeMeeting(db, b, { classification: { level: 'secret', years: null } });
    await mountEditor(db, m.id);
    await expect.element(page.getByText('本记录标为国家秘密：秘密★10年', { exact: false })).toBeVisible();
    await expect.element(page.getByText('秘密★10年', { exact: true })).toBeVisible();
  });
});
