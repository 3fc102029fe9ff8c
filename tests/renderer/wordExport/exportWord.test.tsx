/**
 * 导出 Word in real Chromium: the 定稿 checks before a draft export, （草稿） in name and header,
 * ★ markings in file names, final exports, the 签到表, the preview and the document-profile card.
 */
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { DEFAULT_DOCUMENT_PROFILE } from '../../../shared/model/documentProfile';
import { getDocumentProfile, putDocumentProfile } from '../../../renderer/db/documentProfile';
import { putSettings, getSettings } from '../../../renderer/db';
import { DocumentProfileSettings, ExportWordButton } from '../../../renderer/src/wordExport';
import { classified, committeeMeeting, generalAssemblyMeeting } from '../../fixtures/word/meetings';
import { docxParts, freshDb, installFakeHost, makeBranch, mount, ORG_FULL_NAME, storeMeeting } from './harness';

const TITLE = `${ORG_FULL_NAME}2025年第3次支部委员会会议记录`;

async function choose(item: string) {
  await page.getByRole('button', { name: /导出 Word/ }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** All header parts of a docx, concatenated. */
function headers(parts: Record<string, string>): string {
  return Object.entries(parts)
    .filter(([p]) => /^word\/header\d*\.xml$/.test(p))
    .map(([, x]) => x)
    .join('\n');
}

describe('导出 Word：草稿与定稿', () => {
  it('a draft with missing fields lists them; 仍导出草稿 saves a （草稿） file whose pages say 草稿', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const m = await storeMeeting(db, org, { ...committeeMeeting(), status: 'draft', finalisedAt: null, place: '', recorderName: '  ' });
    await mount(db, <ExportWordButton meetingId={m.id} />);

    await choose('导出会议记录（公文版式）');
    const dialog = page.getByRole('dialog');
    await expect.element(dialog.getByText('这条记录还有 2 处问题，尚不能定稿')).toBeVisible();
    const list = dialog.getByRole('list', { name: '需要补充或修改的内容' });
    await expect.element(list.getByText('未填写会议地点，请在会议信息中填写')).toBeVisible();
    await expect.element(list.getByText('未填写记录人，请在会议信息中填写')).toBeVisible();
    expect(host.saveFile).not.toHaveBeenCalled();

    await dialog.getByRole('button', { name: '仍导出草稿' }).click();
    await expect.poll(() => host.saved.length).toBe(1);
    const req = host.saved[0];
    expect(req.kind).toBe('docx');
    expect(req.suggestedName).toBe(`${TITLE}（草稿）.docx`);
    const parts = docxParts(req.bytes);
    const doc = parts['word/document.xml'];
    expect(doc).toContain('headerReference');
    expect(doc).toContain('中共××局机关第一党支部');
    expect(headers(parts)).toContain('草稿');
    await expect.element(page.getByText(/已导出草稿：/)).toBeVisible();
  });

  it('返回修改 saves nothing', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const m = await storeMeeting(db, org, { ...committeeMeeting(), status: 'draft', finalisedAt: null, chairName: '' });
    await mount(db, <ExportWordButton meetingId={m.id} />);
    await choose('导出会议记录（表格式）');
    await expect.element(page.getByText('未填写主持人，请在会议信息中填写')).toBeVisible();
    await page.getByRole('button', { name: '返回修改' }).click();
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    expect(host.saveFile).not.toHaveBeenCalled();
  });

  it('a draft without problems still exports as a draft, without the dialog', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const m = await storeMeeting(db, org, { ...committeeMeeting(), status: 'draft', finalisedAt: null });
    await mount(db, <ExportWordButton meetingId={m.id} />);
    await choose('导出会议记录（表格式）');
    await expect.poll(() => host.saved.length).toBe(1);
    expect(host.saved[0].suggestedName).toBe(`${TITLE}（草稿）.docx`);
    const parts = docxParts(host.saved[0].bytes);
    expect(parts['word/document.xml']).toContain('<w:tbl>');
    expect(headers(parts)).toContain('草稿');
  });

  it('a 定稿 record exports as final: no dialog, no 草稿 anywhere', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const m = await storeMeeting(db, org, committeeMeeting());
    await mount(db, <ExportWordButton meetingId={m.id} />);
    await choose('导出会议记录（公文版式）');
    await expect.poll(() => host.saved.length).toBe(1);
    expect(host.saved[0].suggestedName).toBe(`${TITLE}.docx`);
    const parts = docxParts(host.saved[0].bytes);
    expect(parts['word/document.xml']).not.toContain('headerReference');
    expect(headers(parts)).not.toContain('草稿');
    await expect.element(page.getByText(`已导出：${TITLE}.docx`)).toBeVisible();
  });

  it('a ★ record carries its marking in the file name and on the page; 内部 uses the unit marking from 单位设置', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const secret = await storeMeeting(db, org, classified(committeeMeeting(), 'confidential', 10));
    const internal = await storeMeeting(db, org, { ...classified(committeeMeeting(), 'internal'), seq: 4 });
    await putSettings(db, { ...(await getSettings(db)), nonSecretMarking: '工作秘密 注意保管' });
    await mount(db, <>
      <div data-testid="secret"><ExportWordButton meetingId={secret.id} /></div>
      <div data-testid="internal"><ExportWordButton meetingId={internal.id} /></div>
    </>);

    await page.getByTestId('secret').getByRole('button', { name: /导出 Word/ }).click();
    await page.getByRole('menuitem', { name: '导出会议记录（公文版式）' }).click();
    await expect.poll(() => host.saved.length).toBe(1);
    expect(host.saved[0].suggestedName).toBe(`【机密★10年】${TITLE}.docx`);
    expect(docxParts(host.saved[0].bytes)['word/document.xml']).toContain('机密★10年');

    await page.getByTestId('internal').getByRole('button', { name: /导出 Word/ }).click();
    await page.getByRole('menuitem', { name: '导出会议记录（公文版式）' }).click();
    await expect.poll(() => host.saved.length).toBe(2);
    expect(host.saved[1].suggestedName).toBe(`${ORG_FULL_NAME}2025年第4次支部委员会会议记录.docx`);
    expect(docxParts(host.saved[1].bytes)['word/document.xml']).toContain('工作秘密 注意保管');
  });

  it('签到表: pre-filled names, blank rows from the profile, never a draft', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const m = await storeMeeting(db, org, { ...generalAssemblyMeeting(), status: 'draft', finalisedAt: null, recorderName: '' });
    await putDocumentProfile(db, { ...DEFAULT_DOCUMENT_PROFILE, signInBlankRows: 2 });
    await mount(db, <ExportWordButton meetingId={m.id} />);
    await choose('导出签到表');
    // A missing 记录人 does not matter on a 签到表.
    await expect.poll(() => host.saved.length).toBe(1);
    expect(host.saved[0].suggestedName).toBe(`${ORG_FULL_NAME}2025年第1次支部党员大会签到表.docx`);
    const doc = docxParts(host.saved[0].bytes)['word/document.xml'];
    expect(doc).toContain('王建国');
    expect(doc).toContain('张晓东');
    expect(doc.match(/<w:tr>/g)?.length).toBe(1 + 16 + 2);
  });

  it('the 签到表 warns about a missing place and may still be exported', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const m = await storeMeeting(db, org, { ...generalAssemblyMeeting(), status: 'draft', finalisedAt: null, place: '' });
    await mount(db, <ExportWordButton meetingId={m.id} />);
    await choose('导出签到表');
    await expect.element(page.getByText('签到表中有 1 项内容尚未填写')).toBeVisible();
    await page.getByRole('button', { name: '仍然导出签到表' }).click();
    await expect.poll(() => host.saved.length).toBe(1);
    expect(host.saved[0].suggestedName).not.toContain('草稿');
  });

  it('beforeExport (the editor flush) runs first; false stops the export', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const m = await storeMeeting(db, org, committeeMeeting());
    let calls = 0;
    await mount(db, <ExportWordButton meetingId={m.id} beforeExport={async () => (calls++, false)} />);
    await choose('导出会议记录（公文版式）');
    await expect.element(page.getByText('当前修改还未能保存，请先按页面顶部的提示处理，再导出')).toBeVisible();
    expect(calls).toBe(1);
    expect(host.saveFile).not.toHaveBeenCalled();
  });

  it('the profile organisation name wins over the organisation full name', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const m = await storeMeeting(db, org, committeeMeeting());
    await putDocumentProfile(db, { ...DEFAULT_DOCUMENT_PROFILE, orgFullNameOverride: '中共××局机关第一支部委员会' });
    await mount(db, <ExportWordButton meetingId={m.id} />);
    await choose('导出会议记录（公文版式）');
    await expect.poll(() => host.saved.length).toBe(1);
    expect(host.saved[0].suggestedName).toBe('中共××局机关第一支部委员会2025年第3次支部委员会会议记录.docx');
  });
});

describe('预览', () => {
  it('renders the generated document (title text) inside the modal and switches layouts', async () => {
    installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const m = await storeMeeting(db, org, { ...committeeMeeting(), status: 'draft', finalisedAt: null, place: '' });
    await mount(db, <ExportWordButton meetingId={m.id} />);
    await choose('预览');
    const preview = page.getByTestId('word-preview');
    await expect.element(preview.getByText('2025年第3次支部委员会会议记录'), { timeout: 10_000 }).toBeVisible();
    await expect.element(preview.getByText(ORG_FULL_NAME, { exact: true })).toBeVisible();
    await expect.element(page.getByText(/页码、准确的换行和分页以 Word \/ WPS 打开后为准/)).toBeVisible();
    await expect.element(page.getByText(/记录尚未定稿，还有 1 处问题/)).toBeVisible();
    await expect.element(page.getByText(`${TITLE}（草稿）.docx`)).toBeVisible();
    // The draft header is rendered too.
    await expect.element(preview.getByText(/草稿/).first()).toBeVisible();

    await page.getByText('签到表', { exact: true }).click();
    await expect.element(preview.getByText(/^2025年第3次支部委员会.*签到表$/), { timeout: 10_000 }).toBeVisible();
    expect(preview.element().querySelectorAll('table').length).toBeGreaterThan(0);
  });

  it('导出此文件 from the preview goes through the same checks and saves the layout shown', async () => {
    const host = installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const m = await storeMeeting(db, org, { ...committeeMeeting(), status: 'draft', finalisedAt: null, place: '' });
    await putDocumentProfile(db, { ...DEFAULT_DOCUMENT_PROFILE, defaultLayout: 'table' });
    await mount(db, <ExportWordButton meetingId={m.id} />);
    await choose('预览');
    // The profile's default layout is shown first.
    await expect.element(page.getByTestId('word-preview').getByText('会议名称'), { timeout: 10_000 }).toBeVisible();
    await page.getByRole('button', { name: '导出此文件…' }).click();
    await page.getByRole('button', { name: '仍导出草稿' }).click();
    await expect.poll(() => host.saved.length).toBe(1);
    expect(host.saved[0].suggestedName).toBe(`${TITLE}（草稿）.docx`);
    expect(docxParts(host.saved[0].bytes)['word/document.xml']).toContain('<w:tbl>');
  });

  it('record text stays text: markup in a field is shown literally, never parsed', async () => {
    installFakeHost();
    const db = await freshDb();
    const org = await makeBranch(db);
    const m = await storeMeeting(db, org, { ...committeeMeeting(), place: '<img src=x onerror="window.__pwned=1">会议室' });
    await mount(db, <ExportWordButton meetingId={m.id} />);
    await choose('预览');
    const preview = page.getByTestId('word-preview');
    await expect.element(preview.getByText(/<img src=x onerror=/), { timeout: 10_000 }).toBeVisible();
    expect(preview.element().querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('文档格式设置', () => {
  it('loads the GB/T 9704 defaults, saves a changed font set and blank rows', async () => {
    const db = await freshDb();
    await mount(db, <DocumentProfileSettings />);
    const gbk = page.getByRole('radio', { name: /方正仿宋_GBK/ });
    await expect.element(page.getByRole('radio', { name: /仿宋_GB2312/ })).toBeChecked();
    await gbk.click();
    await page.getByRole('radio', { name: /双面打印/ }).click();
    await page.getByLabelText('签到表空白行').fill('8');
    await page.getByRole('button', { name: '保存文档格式' }).click();
    await expect.element(page.getByText(/文档格式已保存/)).toBeVisible();
    expect(await getDocumentProfile(db)).toEqual({ ...DEFAULT_DOCUMENT_PROFILE, fontSet: 'gbk', duplex: true, signInBlankRows: 8 });
  });

  it('a damaged stored profile falls back field by field; an old nonSecretMarking is dropped', async () => {
    const db = await freshDb();
    await db.settings.put({ key: 'documentProfile', value: { fontSet: 'windows', signInBlankRows: -3, nonSecretMarking: '旧' } });
    expect(await getDocumentProfile(db)).toEqual({ ...DEFAULT_DOCUMENT_PROFILE, fontSet: 'windows' });
    await expect(putDocumentProfile(db, { ...DEFAULT_DOCUMENT_PROFILE, signInBlankRows: 99 })).rejects.toThrow(/签到表空白行.*50/);
  });
});
