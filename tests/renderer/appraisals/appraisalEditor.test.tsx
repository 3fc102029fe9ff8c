import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { APPRAISALS, createAppraisal, createMember, listRecords, updateRecord } from '../../../renderer/db';
import { eventually, freshDb, makeBranch, mountAt, mountInLayout, Y } from '../talks/harness';

async function pickGrade(name: string, grade: string) {
  await page.getByLabelText(`${name}评定等次`, { exact: true }).click();
  await page.getByTitle(grade, { exact: true }).last().click();
}

async function stored(db: Parameters<typeof listRecords>[0]) {
  return (await listRecords(db, APPRAISALS))[0];
}

describe('民主评议党员', () => {
  it('creates one record per branch and 年度 from the list, snapshotting the roster', async () => {
    const db = await freshDb();
    await makeBranch(db);
    await mountAt(db, '#/appraisals');
    await page.getByRole('button', { name: '新建年度民主评议' }).click();
    await page.getByLabelText('党支部', { exact: true }).click();
    await page.getByTitle('第一党支部', { exact: true }).last().click();
    await page.getByRole('dialog').getByRole('button', { name: '新建' }).click();
    await eventually(() => expect(window.location.hash).toMatch(/^#\/appraisal\//));
    const a = await stored(db);
    expect(a.entries.map((e) => e.name).sort()).toEqual(['张建国', '李秀英', '王伟', '赵敏', '陈静'].sort());
    await expect.element(page.getByRole('heading', { name: new RegExp(`第一党支部 ${a.annualYear} 年度民主评议党员`) })).toBeVisible();

    // A second one for the same branch and 年度 is refused with a clear message.
    window.location.hash = '#/appraisals';
    await page.getByRole('button', { name: '新建年度民主评议' }).click();
    await page.getByLabelText('党支部', { exact: true }).click();
    await page.getByTitle('第一党支部', { exact: true }).last().click();
    await page.getByRole('dialog').getByRole('button', { name: '新建' }).click();
    await expect.element(page.getByText(/年度已有民主评议记录，请打开该记录继续填写/)).toBeVisible();
    expect(await listRecords(db, APPRAISALS)).toHaveLength(1);
  });

  it('refuses a grade for a 预备党员 (参评不定等次), and flags one stored anyway', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const a = await createAppraisal(db, b.org.id, Y, `${Y}-01-15`);
    await mountAt(db, `#/appraisal/${a.id}`);
    await page.getByText('组织评定', { exact: true }).click();
    const probationary = page.getByLabelText('陈静评定等次', { exact: true });
    await expect.element(probationary).toBeDisabled();
    await expect.element(page.getByText('参评不定等次').first()).toBeVisible();

    // Stored by an import or an older version: the screen says what is wrong and offers the fix.
    const chen = a.entries.find((e) => e.name === '陈静')!;
    await updateRecord(db, APPRAISALS, a.id, (x) => ({ ...x, entries: x.entries.map((e) => (e.id === chen.id ? { ...e, finalGrade: 'qualified' as const } : e)) }));
    window.location.hash = '#/appraisals';
    await expect.element(page.getByRole('button', { name: '新建年度民主评议' })).toBeVisible();
    window.location.hash = `#/appraisal/${a.id}`;
    await page.getByRole('button', { name: /陈静是预备党员，参加评议但不确定等次/ }).click();
    await expect.element(page.getByRole('alert').filter({ hasText: '预备党员不定等次' })).toBeVisible();
    await page.getByRole('button', { name: '清除等次' }).click();
    await eventually(async () => expect((await stored(db)).entries.find((e) => e.id === chen.id)?.finalGrade).toBeNull());
    await expect.element(page.getByRole('button', { name: /陈静是预备党员/ })).not.toBeInTheDocument();
  });

  it('warns when more than a third are rated 优秀', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    await createMember(db, { name: '孙丽', status: 'full', branchId: b.org.id, joinDate: '2005-07-01', fullMemberDate: '2006-07-01', since: '2015-01-01' });
    await createMember(db, { name: '周强', status: 'full', branchId: b.org.id, joinDate: '2005-07-01', fullMemberDate: '2006-07-01', since: '2015-01-01' });
    const a = await createAppraisal(db, b.org.id, Y, `${Y}-01-15`);
    await mountAt(db, `#/appraisal/${a.id}`);
    await page.getByText('组织评定', { exact: true }).click();
    // Six full members: two 优秀 is a third (allowed), three is over.
    await pickGrade('张建国', '优秀');
    await pickGrade('李秀英', '优秀');
    await expect.element(page.getByText(/优秀一般不超过参加定等党员的三分之一（6 人中最多 2 人）/)).toBeVisible();
    await expect.element(page.getByText(/超过参加定等党员 6 人的三分之一/)).not.toBeInTheDocument();
    await pickGrade('王伟', '优秀');
    await expect.element(page.getByRole('alert').filter({ hasText: '评定为优秀的党员 3 人，超过参加定等党员 6 人的三分之一（最多 2 人）' })).toBeVisible();
    await eventually(async () => expect((await stored(db)).entries.filter((e) => e.finalGrade === 'excellent')).toHaveLength(3));
  });

  it('requires a reason when the grade differs from the vote majority, and computes 优秀票率', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const a = await createAppraisal(db, b.org.id, Y, `${Y}-01-15`);
    await mountInLayout(db, `#/appraisal/${a.id}`);
    await page.getByText('民主测评', { exact: true }).click();
    await page.getByLabelText('王伟应参评人数', { exact: true }).fill('6');
    await page.getByLabelText('王伟实参评人数', { exact: true }).fill('6');
    await page.getByLabelText('王伟优秀票', { exact: true }).fill('2');
    await page.getByLabelText('王伟合格票', { exact: true }).fill('4');
    await expect.element(page.getByLabelText('王伟优秀票率', { exact: true })).toHaveTextContent('33.3%');

    await page.getByText('组织评定', { exact: true }).click();
    await pickGrade('王伟', '优秀');
    const msg = '王伟的评定等次“优秀”与测评得票最多的“合格”不同，请填写评定理由';
    await expect.element(page.getByRole('alert').filter({ hasText: msg })).toBeVisible();
    await expect.element(page.getByRole('button', { name: msg })).toBeVisible();
    await page.getByLabelText('王伟评定理由', { exact: true }).fill('全年承担重点任务，获市级表彰，经支委会研究评为优秀');
    await expect.element(page.getByRole('button', { name: msg })).not.toBeInTheDocument();
    await eventually(async () => {
      const e = (await stored(db)).entries.find((x) => x.name === '王伟')!;
      expect(e).toMatchObject({ finalGrade: 'excellent', didRate: 6, votes: { excellent: 2, qualified: 4, basic: 0, unqualified: 0 } });
      expect(e.gradeReason).toContain('获市级表彰');
    });
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: '../../../.tmp/shots/appraisal-editor.png' });
  }, 60_000);
});
