import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { createMember, createRecord, listRecords, moveMember, newTalkFields, TALKS, type PartyMinutesDB } from '../../../renderer/db';
import type { Member, Organisation } from '../../../shared/model';
import { eventually, freshDb, makeBranch, mountAt, mountInLayout, Y } from './harness';

async function openCoverage() {
  await page.getByLabelText('党组织', { exact: true }).click();
  await page.getByTitle('第一党支部', { exact: true }).last().click();
  await page.getByRole('tab', { name: '谈心谈话覆盖情况' }).click();
}

const SECRET = ['谈话人内容甲乙', '对象内容丙丁', '问题内容戊己', '批评内容庚辛', '表态内容壬癸'];

async function talk(db: PartyMinutesDB, org: Organisation, a: Member, b: Member, date: string, secret = false) {
  const f = newTalkFields(org, a, b, date);
  return createRecord(
    db,
    TALKS,
    secret
      ? {
          ...f,
          theme: '年度谈心',
          interviewerPoints: SECRET[0],
          intervieweePoints: SECRET[1],
          issues: [{ id: crypto.randomUUID(), target: 'committee' as const, text: SECRET[2] }],
          criticism: SECRET[3],
          attitude: SECRET[4],
        }
      : f,
  );
}

describe('谈心谈话列表', () => {
  it('lists who, when and the kind — never the contents — and deletes with undo', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const t = await talk(db, b.org, b.people.zhang, b.people.wang, `${Y}-03-05`, true);
    await mountAt(db, '#/talks');
    await expect.element(page.getByRole('link', { name: '张建国 → 王伟' })).toBeVisible();
    await expect.element(page.getByText('2026.03.05'.replace('2026', String(Y)))).toBeVisible();
    await expect.element(page.getByText('日常谈心')).toBeVisible();
    const text = document.body.textContent ?? '';
    for (const s of [...SECRET, '年度谈心']) expect(text).not.toContain(s);

    await page.getByRole('button', { name: '删除 张建国 → 王伟' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
    await eventually(async () => expect((await db.talks.get(t.id))?.deletedAt).toBeTruthy());
    await expect.element(page.getByRole('link', { name: '张建国 → 王伟' })).not.toBeInTheDocument();
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.element(page.getByRole('link', { name: '张建国 → 王伟' })).toBeVisible();
  });
});

describe('谈心谈话覆盖情况', () => {
  it('shows a gap for a pair without a talk; clicking it opens a new talk with both people', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    await talk(db, b.org, b.people.zhang, b.people.li, `${Y}-02-01`);
    await mountAt(db, '#/talks');
    await openCoverage();
    await expect.element(page.getByRole('button', { name: '张建国与李秀英：已谈 1 次' }).first()).toBeVisible();
    await expect.element(page.getByText('书记与党员：缺 3')).toBeVisible();
    await expect.element(page.getByText('书记与支委：已齐')).toBeVisible();
    await page.getByRole('button', { name: '张建国与王伟：未谈，点击新建谈话记录' }).first().click();

    const created = await eventually(async () => {
      const all = await listRecords(db, TALKS);
      expect(all).toHaveLength(2);
      return all.find((x) => x.interviewees[0].memberId === b.people.wang.id)!;
    });
    expect(created.interviewer.memberId).toBe(b.people.zhang.id);
    expect(created.orgId).toBe(b.org.id);
    await expect.element(page.getByLabelText('谈话人姓名')).toHaveValue('张建国');
    await expect.element(page.getByLabelText('谈话对象姓名')).toHaveValue('王伟');
  });

  it('shows the period of a member who left mid-year', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    await moveMember(db, b.people.zhao.id, b.other.id, null, `${Y}-07-01`);
    await mountAt(db, '#/talks');
    await openCoverage();
    const row = page.getByRole('rowheader').filter({ hasText: '赵敏' });
    await expect.element(row).toHaveTextContent('6.30前在册');
    await expect.element(page.getByRole('rowheader').filter({ hasText: '王伟' })).not.toHaveTextContent('在册');
  });

  it('stays inside the page with about 40 people (screenshots)', async () => {
    const db = await freshDb();
    const b = await makeBranch(db);
    const surnames = '刘孙周吴郑冯褚卫蒋沈韩杨朱秦尤许何吕施孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛';
    const extra: Member[] = [];
    for (let i = 0; i < 35; i++) {
      extra.push(await createMember(db, { name: `${surnames[i]}${'晓明'[i % 2]}${i % 3 ? '' : '华'}`, status: 'full', branchId: b.org.id, joinDate: '2010-07-01', fullMemberDate: '2011-07-01', since: i === 4 ? `${Y}-04-01` : '2015-01-01' }));
    }
    const everyone = [b.people.zhang, b.people.li, b.people.wang, ...extra];
    for (let i = 0; i < everyone.length; i += 2) await talk(db, b.org, b.people.zhang, everyone[i === 0 ? 1 : i], `${Y}-0${1 + (i % 8)}-1${i % 9}`);
    for (let i = 3; i + 1 < everyone.length; i += 3) await talk(db, b.org, everyone[i], everyone[i + 1], `${Y}-05-20`);
    await mountInLayout(db, '#/talks');
    await expect.element(page.getByRole('link', { name: /张建国 → / }).first()).toBeVisible();
    await page.screenshot({ path: '../../../.tmp/shots/talks-list.png' });
    await openCoverage();
    await expect.element(page.getByRole('region', { name: '谈心谈话覆盖矩阵' })).toBeVisible();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: '../../../.tmp/shots/talks-matrix.png' });
  }, 120_000);
});
