/** The 搜索 screen: exact matches with highlighted snippets, filters, links, sensitive text hidden. */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createMeeting, createOrganisation, createRecord, RECTIFICATIONS, TALKS } from '../../../renderer/db';
import { SearchPage } from '../../../renderer/src/search/SearchPage';
import { AppLayout } from '../../../renderer/src/components/AppLayout';
import { freshTestDb, mountApp } from '../mountApp';
import { indexPending, setBackgroundIndexing } from '../../../renderer/db/searchIndexer';
import { rectification, talk } from '../../fixtures/word/lifeMeetings';
import type { RecordMeta } from '../../../shared/model';

const SHOTS = '../../../.tmp/shots';

function fieldsOf<T extends RecordMeta>(r: T): Omit<T, keyof RecordMeta> {
  const { id: _i, createdAt: _c, updatedAt: _u, rev: _r, vv: _v, changedBy: _b, deletedAt: _d, ...f } = r;
  return f;
}

describe('搜索', () => {
  it('finds exact matches newest first, highlights them, filters, and never shows talk contents', async () => {
    const db = await freshTestDb('pm-search');
    const pc = await createOrganisation(db, { parentId: null, level: 'party_committee', name: '机关党委', fullName: '中共××市财政局机关委员会' });
    const b1 = await createOrganisation(db, { parentId: pc.id, level: 'branch', name: '第一党支部', fullName: '中共××市财政局机关第一支部委员会' });
    const b2 = await createOrganisation(db, { parentId: pc.id, level: 'branch', name: '第二党支部', fullName: '中共××市财政局机关第二支部委员会' });
    const m1 = await createMeeting(db, { orgId: b1.id, type: 'committee', date: '2025-03-02', summary: '会议要求支部书记带头讲党课。' });
    await createMeeting(db, { orgId: b2.id, type: 'general_assembly', date: '2025-05-06', summary: '支部书记通报了上半年工作，<b>不是标签</b>。' });
    await createMeeting(db, { orgId: b1.id, type: 'theme_day', date: '2025-06-01', summary: '请各位记书面意见。' });
    const t = await createRecord(
      db,
      TALKS,
      fieldsOf(talk({ orgId: b1.id, theme: '听取对支部书记的意见', intervieweePoints: '认为支部书记工作方法简单', criticism: '' })),
    );
    const r = await createRecord(db, RECTIFICATIONS, fieldsOf(rectification({ orgId: b1.id, problem: '支部书记抓党建不够有力', raisedDate: '2025-04-01', annualYear: 2025 })));

    await mountApp(db, <SearchPage />, { size: [1280, 900] });
    await page.getByRole('searchbox', { name: '搜索内容' }).fill('支部书记');
    await expect.element(page.getByText('找到 4 条记录')).toBeVisible();
    const links = page.getByRole('link');
    await expect.element(links.nth(0)).toHaveTextContent('谈心谈话 王建国→刘洋');
    await expect.element(links.nth(1)).toHaveTextContent('第二党支部 2025年第1次党员大会');
    await expect.element(links.nth(2)).toHaveTextContent('第一党支部 整改事项');
    await expect.element(links.nth(3)).toHaveTextContent('第一党支部 2025年第1次支委会');
    expect(links.nth(0).element().getAttribute('href')).toBe(`#/talk/${t.id}`);
    expect(links.nth(2).element().getAttribute('href')).toBe(`#/rectifications?focus=${r.id}`);
    expect(links.nth(3).element().getAttribute('href')).toBe(`#/meeting/${m1.id}`);
    // Highlighted as <mark>; user text stays text; 记书 is not a match.
    const marks = [...document.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks.length).toBeGreaterThanOrEqual(4);
    expect(new Set(marks)).toEqual(new Set(['支部书记']));
    await expect.element(page.getByText('<b>不是标签</b>', { exact: false })).toBeVisible();
    expect(document.querySelector('.pm-search-snippet b')).toBeNull();
    expect(document.body.textContent).not.toContain('工作方法简单');
    await page.screenshot({ path: `${SHOTS}/search-results.png` });

    // Filters: organisation (第二党支部), then type.
    await page.getByRole('combobox', { name: '党组织' }).click();
    await page.getByTitle('第二党支部').click();
    await expect.element(page.getByText('找到 1 条记录')).toBeVisible();
    await expect.element(page.getByRole('link')).toHaveTextContent('第二党支部 2025年第1次党员大会');

    // Only in the talk's contents: listed with the notice, contents not shown.
    await page.getByRole('searchbox', { name: '搜索内容' }).fill('方法简单');
    await expect.element(page.getByText('没有找到包含“方法简单”的记录', { exact: false })).toBeVisible();
    await page.getByRole('combobox', { name: '党组织' }).click();
    await page.getByTitle('第一党支部').click();
    await expect.element(page.getByText('（匹配内容在敏感字段中，打开记录查看）')).toBeVisible();
    expect(document.body.textContent).not.toContain('工作方法简单');
    await page.screenshot({ path: `${SHOTS}/search-sensitive.png` });

    await page.getByRole('searchbox', { name: '搜索内容' }).fill('书面');
    await expect.element(page.getByText('找到 1 条记录')).toBeVisible();
    await expect.element(page.getByRole('link')).toHaveTextContent('第一党支部 2025年第1次主题党日');
  });

  it('the quick-search box in the menu opens 搜索 with the words typed', async () => {
    const db = await freshTestDb('pm-search');
    const pc = await createOrganisation(db, { parentId: null, level: 'party_committee', name: '机关党委', fullName: '中共××市财政局机关委员会' });
    const b1 = await createOrganisation(db, { parentId: pc.id, level: 'branch', name: '第一党支部', fullName: '中共××市财政局机关第一支部委员会' });
    await createMeeting(db, { orgId: b1.id, type: 'committee', date: '2025-03-02', summary: '研究换届选举工作。' });
    window.location.hash = '#/search';
    await mountApp(db, <AppLayout><SearchPage /></AppLayout>);
    await page.getByRole('searchbox', { name: '快速搜索' }).fill('换届选举');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('searchbox', { name: '搜索内容' })).toHaveValue('换届选举');
    await expect.element(page.getByText('找到 1 条记录')).toBeVisible();
    expect(window.location.hash).toBe(`#/search?q=${encodeURIComponent('换届选举')}`);
  });

  it('right after a large import: results complete, a note says the index is still being built', async () => {
    const db = await freshTestDb('pm-search');
    const pc = await createOrganisation(db, { parentId: null, level: 'party_committee', name: '机关党委', fullName: '中共××市财政局机关委员会' });
    const b1 = await createOrganisation(db, { parentId: pc.id, level: 'branch', name: '第一党支部', fullName: '中共××市财政局机关第一支部委员会' });
    const first = await createMeeting(db, { orgId: b1.id, type: 'committee', date: '2025-03-02', summary: '研究换届选举工作。' });
    // As an import writes them: one transaction, 240 records; the indexer has not run yet.
    setBackgroundIndexing(false);
    try {
      const copies = Array.from({ length: 240 }, (_, i) => ({ ...first, id: crypto.randomUUID(), seq: i + 2, summary: i === 7 ? '讨论预算执行。' : `第${i}次例会。` }));
      await db.transaction('rw', db.meetings, () => db.meetings.bulkPut(copies));
      await mountApp(db, <SearchPage />);
      await page.getByRole('searchbox', { name: '搜索内容' }).fill('预算执行');
      await expect.element(page.getByText('找到 1 条记录')).toBeVisible();
      await expect.element(page.getByText('条记录正在后台整理搜索索引', { exact: false })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/search-pending.png` });

      await indexPending(db);
      await page.getByRole('searchbox', { name: '搜索内容' }).fill('例会');
      await expect.element(page.getByText('找到 239 条记录')).toBeVisible();
      expect(document.body.textContent).not.toContain('正在后台整理搜索索引');
    } finally {
      setBackgroundIndexing(true);
    }
  });
});
