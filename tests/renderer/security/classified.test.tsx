/**
 * ★ records: the editor banner, and the confirmation before a transfer export that contains them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { HOST_GLOBAL } from '../../../shared/host';
import { resetHostForTests } from '../../../renderer/host';
import { createRecord, TALKS } from '../../../renderer/db/records';
import { newTalkFields } from '../../../renderer/db/talks';
import { TransferPage } from '../../../renderer/src/transfer/TransferPage';
import { ClassificationBanner } from '../../../renderer/src/security/ClassificationBanner';
import { TalkEditorPage } from '../../../renderer/src/talks/TalkEditorPage';
import { freshScreenDb, mount } from '../screens/harness';
import { makePeople, makeUnit } from '../db/helpers';
import { fakeHost, PASSWORD } from '../transfer/helpers';

afterEach(() => {
  delete window[HOST_GLOBAL];
  resetHostForTests();
});

describe('密级', () => {
  it('banner only for national secrets', async () => {
    const db = await freshScreenDb();
    await mount(
      <>
        <ClassificationBanner classification={{ level: 'internal', years: null }} />
        <ClassificationBanner classification={{ level: 'confidential', years: 10 }} />
      </>,
      db,
    );
    await expect.element(page.getByTestId('classification-banner')).toHaveTextContent('本记录标为国家秘密：机密★10年');
    expect(page.getByTestId('classification-banner').all()).toHaveLength(1);
    await expect.element(page.getByText(/只能使用登记的涉密移动存储介质/)).toBeVisible();
  });

  it('the talk editor shows the banner for a ★ talk and none for an internal one', async () => {
    const db = await freshScreenDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    const secret = await createRecord(db, TALKS, { ...newTalkFields(u.b1, p.zhang, p.li, '2025-03-01'), classification: { level: 'secret', years: 5 } });
    const internal = await createRecord(db, TALKS, { ...newTalkFields(u.b1, p.zhang, p.li, '2025-03-02'), classification: { level: 'internal', years: null } });
    await mount(
      <>
        <div data-testid="secret-talk">
          <TalkEditorPage talkId={secret.id} />
        </div>
        <div data-testid="internal-talk">
          <TalkEditorPage talkId={internal.id} />
        </div>
      </>,
      db,
    );
    await expect.element(page.getByTestId('secret-talk').getByTestId('classification-banner')).toHaveTextContent('本记录标为国家秘密：秘密★5年');
    await expect.element(page.getByTestId('internal-talk').getByText('谈心谈话记录：', { exact: false })).toBeVisible();
    expect(page.getByTestId('internal-talk').getByTestId('classification-banner').all()).toHaveLength(0);
  });

  it('exporting ★ records asks first; cancelling writes no file', async () => {
    const db = await freshScreenDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    await createRecord(db, TALKS, { ...newTalkFields(u.b1, p.zhang, p.li, '2025-03-01'), classification: { level: 'secret', years: null } });
    const host = fakeHost();
    window[HOST_GLOBAL] = host;
    resetHostForTests();
    await mount(<TransferPage />, db);
    await page.getByLabelText('传输密码', { exact: true }).fill(PASSWORD);
    await page.getByLabelText('再次输入传输密码').fill(PASSWORD);
    await page.getByRole('button', { name: /导出/ }).last().click();
    const confirm = page.getByRole('dialog').filter({ hasText: '标为国家秘密（★）' });
    await expect.element(confirm).toHaveTextContent('有 1 条标为国家秘密（★）的记录');
    await expect.element(confirm).toHaveTextContent('涉密载体只能使用登记的涉密移动存储介质');
    await page.screenshot({ path: '../../../.tmp/shots/classified-export-confirm.png' });
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect.element(confirm).not.toBeInTheDocument();
    expect(host.saved).toHaveLength(0);
  });
});
