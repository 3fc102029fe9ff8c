import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createMeeting, createRecord, listRecords, newTalkFields, TALKS } from '../../../renderer/db';
import { writeAhead } from '../../../renderer/src/common/writeAhead';
import { eventually, freshDb, makeBranch, mountAt, mountInLayout, Y } from './harness';

async function pick(label: string, option: string) {
  await page.getByLabelText(label, { exact: true }).click();
  await page.getByTitle(option, { exact: true }).last().click();
}

describe('谈心谈话记录编辑', () => {
  it('creates from the pre-filled link, and a talk saved and reopened keeps every field', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const life = await createMeeting(db, { orgId: b.org.id, type: 'life_meeting', date: `${Y}-12-20` });
    await mountInLayout(db, `#/talk/new?org=${b.org.id}&interviewer=${b.people.zhang.id}&interviewee=${b.people.wang.id}&lifeMeeting=${life.id}`);

    // The URL is replaced by the created record's id; both people come from the roster.
    const talk = await eventually(async () => {
      const all = await listRecords(db, TALKS);
      expect(all).toHaveLength(1);
      return all[0];
    });
    await eventually(() => expect(window.location.hash).toBe(`#/talk/${talk.id}`));
    await expect.element(page.getByLabelText('谈话人姓名')).toHaveValue('张建国');
    await expect.element(page.getByLabelText('谈话人职务')).toHaveValue('书记');
    await expect.element(page.getByLabelText('谈话对象姓名')).toHaveValue('王伟');
    await expect.element(page.getByLabelText('谈话对象政治面貌')).toHaveValue('中共党员');
    expect(talk.type).toBe('pre_meeting');
    expect(talk.lifeMeetingId).toBe(life.id);

    await page.getByLabelText('谈话地点').fill('支部书记办公室');
    await page.getByLabelText('开始时间').fill('09:30');
    await userEvent.keyboard('{Enter}');
    await page.getByLabelText('结束时间').fill('10:15');
    await userEvent.keyboard('{Enter}');
    await pick('谈话类型', '五必谈');
    await pick('五必谈情形', '受到表彰');
    await page.getByLabelText('谈话对象职务').fill('一级科员');
    await page.getByLabelText('谈话主题').fill('交流受表彰后的思想状况');
    await page.getByLabelText('谈话人谈的主要内容').fill('肯定成绩，提醒戒骄戒躁');
    await page.getByLabelText('谈话对象谈的主要内容').fill('表示继续努力');
    await page.getByRole('button', { name: '添加一条问题或建议' }).click();
    await page.getByLabelText('反映的问题内容', { exact: true }).fill('希望多组织业务培训');
    await pick('问题针对', '困难诉求');
    await page.getByLabelText('相互提出的批评意见').fill('理论学习不够系统');
    await page.getByLabelText('谈话对象态度').fill('诚恳接受');
    await page.getByRole('button', { name: '添加跟进事项' }).click();
    await page.getByLabelText('跟进人', { exact: true }).fill('李秀英');
    await page.getByLabelText('跟进事项', { exact: true }).fill('联系培训名额');
    await page.getByLabelText('完成时限').fill(`${Y}-12-31`);
    await userEvent.keyboard('{Enter}');
    await page.getByRole('checkbox', { name: '已办结' }).click();
    await page.getByLabelText('记录人').fill('李秀英');
    await page.getByRole('checkbox', { name: '双方已在纸质记录上签字' }).click();
    await pick('密级', '秘密');
    await page.getByLabelText('保密期限').fill('5');
    await page.getByText('定稿', { exact: true }).click();
    await userEvent.keyboard('{Control>}s{/Control}');

    const stored = await eventually(async () => {
      const t = (await listRecords(db, TALKS))[0];
      expect(t.status).toBe('final');
      expect(t.classification).toEqual({ level: 'secret', years: 5 });
      return t;
    });
    expect(stored).toMatchObject({
      place: '支部书记办公室',
      startTime: '09:30',
      endTime: '10:15',
      type: 'five_musts',
      fiveMust: 'commendation',
      form: 'individual',
      theme: '交流受表彰后的思想状况',
      interviewerPoints: '肯定成绩，提醒戒骄戒躁',
      intervieweePoints: '表示继续努力',
      criticism: '理论学习不够系统',
      attitude: '诚恳接受',
      recorderName: '李秀英',
      signedByBoth: true,
      lifeMeetingId: life.id,
    });
    expect(stored.interviewees).toEqual([{ memberId: b.people.wang.id, name: '王伟', post: '一级科员', politicalStatus: '中共党员' }]);
    expect(stored.issues).toMatchObject([{ target: 'difficulty', text: '希望多组织业务培训' }]);
    expect(stored.followUps).toMatchObject([{ who: '李秀英', what: '联系培训名额', by: `${Y}-12-31`, done: true }]);

    // Leave and reopen: the screen shows what was stored.
    window.location.hash = '#/talks';
    await expect.element(page.getByRole('tab', { name: '谈话记录' })).toBeVisible();
    window.location.hash = `#/talk/${talk.id}`;
    await expect.element(page.getByLabelText('谈话地点')).toHaveValue('支部书记办公室');
    await expect.element(page.getByLabelText('开始时间')).toHaveValue('09:30');
    await expect.element(page.getByLabelText('结束时间')).toHaveValue('10:15');
    await expect.element(page.getByLabelText('谈话主题')).toHaveValue('交流受表彰后的思想状况');
    await expect.element(page.getByLabelText('谈话人谈的主要内容')).toHaveValue('肯定成绩，提醒戒骄戒躁');
    await expect.element(page.getByLabelText('谈话对象谈的主要内容')).toHaveValue('表示继续努力');
    await expect.element(page.getByLabelText('反映的问题内容', { exact: true })).toHaveValue('希望多组织业务培训');
    await expect.element(page.getByLabelText('相互提出的批评意见')).toHaveValue('理论学习不够系统');
    await expect.element(page.getByLabelText('谈话对象态度')).toHaveValue('诚恳接受');
    await expect.element(page.getByLabelText('跟进事项', { exact: true })).toHaveValue('联系培训名额');
    await expect.element(page.getByLabelText('完成时限')).toHaveValue(`${Y}-12-31`);
    await expect.element(page.getByLabelText('记录人')).toHaveValue('李秀英');
    await expect.element(page.getByLabelText('保密期限')).toHaveValue('5');
    await expect.element(page.getByRole('checkbox', { name: '已办结' })).toBeChecked();
    await expect.element(page.getByRole('checkbox', { name: '双方已在纸质记录上签字' })).toBeChecked();
    await expect.element(page.getByRole('radio', { name: '定稿' })).toBeChecked();
    await expect.element(page.getByText('受到表彰', { exact: true })).toBeVisible();
    await expect.element(page.getByText('困难诉求', { exact: true })).toBeVisible();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: '../../../.tmp/shots/talk-editor.png' });
  }, 120_000);

  it('says clearly when 谈话人 and 谈话对象 are the same person, and refuses such a link', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    await mountAt(db, `#/talk/new?org=${b.org.id}&interviewer=${b.people.zhang.id}&interviewee=${b.people.wang.id}`);
    await expect.element(page.getByLabelText('谈话对象姓名')).toHaveValue('王伟');
    await page.getByLabelText('谈话对象（从花名册选择）').click();
    await page.getByTitle('张建国', { exact: true }).last().click();
    await expect.element(page.getByRole('alert').filter({ hasText: '谈话人和谈话对象不能是同一人（张建国）' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: /谈话人和谈话对象不能是同一人/ })).toBeVisible();

    window.location.hash = `#/talk/new?org=${b.org.id}&interviewer=${b.people.li.id}&interviewee=${b.people.li.id}`;
    await expect.element(page.getByText('谈话人和谈话对象不能是同一人，请重新选择谈话对象')).toBeVisible();
    // Nothing new was stored for the refused link.
    expect(await listRecords(db, TALKS)).toHaveLength(1);
  });

  it('recovers typing that never reached the database (write-ahead copy from a closed window)', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const t = await createRecord(db, TALKS, newTalkFields(b.org, b.people.zhang, b.people.zhao, `${Y}-04-02`));
    // What the page copied synchronously on pagehide before the window closed.
    writeAhead(TALKS, { ...t, place: '党员活动室', intervieweePoints: '最后几句话' }, t.rev);
    await mountAt(db, `#/talk/${t.id}`);
    await expect.element(page.getByText('已恢复上次未来得及保存的内容')).toBeVisible();
    await expect.element(page.getByLabelText('谈话地点')).toHaveValue('党员活动室');
    await eventually(async () => expect((await db.talks.get(t.id))?.intervieweePoints).toBe('最后几句话'));
    expect(localStorage.getItem(`party-minutes:unsaved-talks:${t.id}`)).toBeNull();
  });
});
