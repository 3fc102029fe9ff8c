/**
 * The record export buttons in real Chromium (issue #5 item 6): the life-meeting items inside the
 * 导出 Word dropdown (per-person and all-persons 批评与自我批评记录, 召开情况报告草稿), 谈心谈话记录表,
 * 民主测评表 / 测评汇总表 and 整改台账. Each saves a real .docx through the host.
 */
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { createRecord, APPRAISALS, RECTIFICATIONS, TALKS, type PartyMinutesDB } from '../../../renderer/db';
import {
  ExportAppraisalButton,
  ExportLifeMeetingMenu,
  ExportRectificationsButton,
  ExportTalksButton,
  ExportWordButton,
} from '../../../renderer/src/wordExport';
import type { Organisation, RecordMeta } from '../../../shared/model';
import { committeeMeeting } from '../../fixtures/word/meetings';
import { appraisal, ledgerItems, lifeMeeting, talk } from '../../fixtures/word/lifeMeetings';
import { docxParts, freshDb, installFakeHost, makeBranch, mount, ORG_FULL_NAME, storeMeeting } from './harness';

function fieldsOf<T extends RecordMeta & { orgId: string }>(r: T, org: Organisation): Omit<T, keyof RecordMeta> {
  const { id: _i, createdAt: _c, updatedAt: _u, rev: _r, vv: _v, changedBy: _b, deletedAt: _d, ...fields } = r;
  return { ...fields, orgId: org.id } as Omit<T, keyof RecordMeta>;
}

const bodyText = (bytes: Uint8Array) => docxParts(bytes)['word/document.xml'].replace(/<[^>]+>/g, '');
const headers = (bytes: Uint8Array) =>
  Object.entries(docxParts(bytes))
    .filter(([p]) => /^word\/header\d*\.xml$/.test(p))
    .map(([, x]) => x)
    .join('');

async function lifeSetup(db: PartyMinutesDB) {
  const org = await makeBranch(db);
  const m = await storeMeeting(db, org, lifeMeeting());
  return { org, m };
}

describe('生活会 items in the 导出 Word dropdown', () => {
  it('lists 批评与自我批评记录 per person and for everyone, and the report draft; exports them', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const { m } = await lifeSetup(db);
    await mount(db, <ExportWordButton meetingId={m.id} />);
    await page.getByRole('button', { name: /导出 Word/ }).click();
    await expect.element(page.getByRole('menuitem', { name: '导出会议记录（公文版式）' })).toBeVisible();
    await page.getByRole('menuitem', { name: /导出批评与自我批评记录/ }).hover();
    await expect.element(page.getByRole('menuitem', { name: '赵志刚（委员）' })).toBeVisible();
    await page.screenshot({ path: '../../../.tmp/shots/h4-life-menu.png' });
    await page.getByRole('menuitem', { name: '赵志刚（委员）' }).click();
    await expect.poll(() => host.saved.length).toBe(1);
    expect(host.saved[0].suggestedName).toBe(`${ORG_FULL_NAME}2025年度组织生活会批评与自我批评记录（赵志刚）.docx`);
    const one = bodyText(host.saved[0].bytes);
    expect(one).toContain('姓名：赵志刚');
    expect(one).not.toContain('姓名：王建国');

    await page.getByRole('button', { name: /导出 Word/ }).click();
    await page.getByRole('menuitem', { name: /导出批评与自我批评记录/ }).hover();
    await page.getByRole('menuitem', { name: /全体人员（一人一页，共 4 人）/ }).click();
    await expect.poll(() => host.saved.length).toBe(2);
    expect(host.saved[1].suggestedName).toMatch(/（全体）\.docx$/);
    expect(docxParts(host.saved[1].bytes)['word/document.xml'].match(/<w:pageBreakBefore\/>/g)).toHaveLength(3);

    await page.getByRole('button', { name: /导出 Word/ }).click();
    await page.getByRole('menuitem', { name: '导出组织生活会召开情况报告（草稿）' }).click();
    await expect.poll(() => host.saved.length).toBe(3);
    expect(host.saved[2].suggestedName).toBe(`${ORG_FULL_NAME}关于召开2025年度组织生活会情况的报告（草稿）.docx`);
    expect(headers(host.saved[2].bytes)).toContain('草稿');
    expect(bodyText(host.saved[2].bytes)).toContain('（此处由支部书记填写：');
    await expect.element(page.getByText(/此处由支部书记填写”部分请补充完整/)).toBeVisible();
  });

  it('other meeting types show no life items; the stand-alone menu renders nothing for them', async () => {
    installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const m = await storeMeeting(db, org, committeeMeeting());
    await mount(db, <><ExportWordButton meetingId={m.id} /><ExportLifeMeetingMenu meetingId={m.id} /></>);
    await page.getByRole('button', { name: /导出 Word/ }).click();
    await expect.element(page.getByRole('menuitem', { name: '导出签到表' })).toBeVisible();
    expect(page.getByRole('menuitem', { name: /批评与自我批评/ }).elements()).toHaveLength(0);
    expect(page.getByRole('button', { name: /生活会材料/ }).elements()).toHaveLength(0);
  });
});

describe('record export buttons', () => {
  it('ExportTalksButton: one talk, then two talks in one file (one form per page)', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const a = await createRecord(db, TALKS, fieldsOf(talk(), org));
    const b = await createRecord(db, TALKS, fieldsOf(talk({ date: '2025-05-06', lifeMeetingId: null }), org));
    await mount(db, <><ExportTalksButton talkIds={[a.id]} /><ExportTalksButton talkIds={[a.id, b.id]} /></>);
    await page.getByRole('button', { name: /导出谈心谈话记录表$/ }).click();
    await expect.poll(() => host.saved.length).toBe(1);
    expect(host.saved[0].suggestedName).toBe(`${ORG_FULL_NAME}王建国与刘洋谈心谈话记录表（2026年1月10日）.docx`);
    await page.getByRole('button', { name: '导出谈心谈话记录表（2 份）' }).click();
    await expect.poll(() => host.saved.length).toBe(2);
    expect(host.saved[1].suggestedName).toBe(`${ORG_FULL_NAME}2026年度谈心谈话记录表（2份）.docx`);
    expect((docxParts(host.saved[1].bytes)['word/document.xml'].match(/<w:tbl>/g) ?? []).length).toBe(2);
  });

  it('ExportAppraisalButton: the blank 测评表 and the landscape 汇总表', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const a = await createRecord(db, APPRAISALS, fieldsOf(appraisal({ meetingId: null }), org));
    await mount(db, <ExportAppraisalButton appraisalId={a.id} />);
    await page.getByRole('button', { name: /导出 Word/ }).click();
    await page.getByRole('menuitem', { name: '导出民主测评表（空白，供无记名测评）' }).click();
    await expect.poll(() => host.saved.length).toBe(1);
    expect(host.saved[0].suggestedName).toBe(`${ORG_FULL_NAME}2025年度民主评议党员民主测评表.docx`);
    expect(bodyText(host.saved[0].bytes)).toContain('参评不定等次');
    await page.getByRole('button', { name: /导出 Word/ }).click();
    await page.getByRole('menuitem', { name: '导出测评汇总表' }).click();
    await expect.poll(() => host.saved.length).toBe(2);
    expect(docxParts(host.saved[1].bytes)['word/document.xml']).toContain('w:orient="landscape"');
  });

  it('ExportRectificationsButton: the 年度 ledger in landscape, or one list', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    for (const it of ledgerItems()) await createRecord(db, RECTIFICATIONS, fieldsOf(it, org));
    await mount(db, <><ExportRectificationsButton orgId={org.id} annualYear={2025} /><ExportRectificationsButton orgId={org.id} annualYear={2025} listKind="personal" /></>);
    await page.getByRole('button', { name: '导出整改台账（Word）' }).click();
    await expect.poll(() => host.saved.length).toBe(1);
    expect(host.saved[0].suggestedName).toBe(`${ORG_FULL_NAME}2025年度整改台账.docx`);
    const doc = docxParts(host.saved[0].bytes)['word/document.xml'];
    expect(doc).toContain('w:orient="landscape"');
    expect((doc.match(/<w:tr>/g) ?? []).length).toBe(6);
    await page.getByRole('button', { name: '导出个人整改清单（Word）' }).click();
    await expect.poll(() => host.saved.length).toBe(2);
    expect((docxParts(host.saved[1].bytes)['word/document.xml'].match(/<w:tr>/g) ?? []).length).toBe(3);
  });

  it('a deleted talk is reported in Chinese and nothing is saved', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    await makeBranch(db);
    await mount(db, <ExportTalksButton talkIds={['missing-talk']} />);
    await page.getByRole('button', { name: '导出谈心谈话记录表' }).click();
    await expect.element(page.getByText('所选谈心谈话记录不存在或已被删除，请刷新列表后重新选择。')).toBeVisible();
    expect(host.saveFile).not.toHaveBeenCalled();
  });
});
