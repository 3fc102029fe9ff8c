import path from 'node:path';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dialogFilters,
  openDialogOptions,
  openFileWithDialog,
  saveDialogOptions,
  saveFileWithDialog,
  tooLargeMessage,
  withExtension,
  type DialogDeps,
} from '../../electron/files';
import { UserError } from '../../electron/errors';
import { HOSTILE_CORPUS, ONE_MB_NAME } from '../fixtures/hostile';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pm-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deps(over: Partial<DialogDeps>): DialogDeps {
  return {
    defaultDir: dir,
    showSaveDialog: vi.fn(async () => ({ canceled: true })),
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    ...over,
  };
}

describe('dialog options', () => {
  it('filters per kind', () => {
    expect(dialogFilters('docx')).toEqual([{ name: 'Word 文档 (*.docx)', extensions: ['docx'] }]);
    expect(dialogFilters('pmx')[0].extensions).toEqual(['pmx']);
    expect(dialogFilters('xlsx')[0].extensions).toEqual(['xlsx']);
  });

  it('suggests a sanitised name inside the default folder', () => {
    const opts = saveDialogOptions({ suggestedName: '../../第一支部/2024年会议记录', kind: 'docx' }, '/home/li/Documents');
    expect(opts.defaultPath).toBe(path.join('/home/li/Documents', '_._第一支部_2024年会议记录.docx'));
    expect(opts.properties).toContain('showOverwriteConfirmation');
    expect(saveDialogOptions({ suggestedName: 'CON', kind: 'pmx' }, null).defaultPath).toBe('_CON.pmx');
  });

  it.each([...HOSTILE_CORPUS, { label: '1 MB name', text: ONE_MB_NAME }])('keeps a hostile suggested name ($label) inside the chosen folder', ({ text }) => {
    const opts = saveDialogOptions({ suggestedName: text, kind: 'docx' }, '/home/li/Documents');
    const p = opts.defaultPath!;
    expect(path.dirname(p)).toBe('/home/li/Documents');
    expect(path.basename(p)).toMatch(/\.docx$/);
    expect(Buffer.byteLength(path.basename(p))).toBeLessThanOrEqual(200);
  });

  it('opens a single file', () => {
    expect(openDialogOptions({ kind: 'pmx' }, '/d').properties).toEqual(['openFile']);
  });

  it('adds a missing extension', () => {
    expect(withExtension('/a/记录', 'docx')).toBe('/a/记录.docx');
    expect(withExtension('/a/记录.DOCX', 'docx')).toBe('/a/记录.DOCX');
  });

  it('explains size limits in Chinese', () => {
    expect(tooLargeMessage('pmx')).toContain('2 GiB');
    expect(tooLargeMessage('docx')).toContain('200 MiB');
  });
});

describe('saveFileWithDialog', () => {
  it('returns saved:false when cancelled and writes nothing', async () => {
    const res = await saveFileWithDialog({ suggestedName: 'a', kind: 'docx', bytes: new Uint8Array([1]) }, deps({}));
    expect(res).toEqual({ saved: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes the bytes where the user chose and returns only the base name', async () => {
    const target = path.join(dir, '支部委员会会议记录');
    const d = deps({ showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: target })) });
    const res = await saveFileWithDialog({ suggestedName: '记录', kind: 'docx', bytes: new Uint8Array([80, 75]) }, d);
    expect(res).toEqual({ saved: true, fileName: '支部委员会会议记录.docx' });
    expect(Array.from(await readFile(`${target}.docx`))).toEqual([80, 75]);
    expect(await readdir(dir)).toEqual(['支部委员会会议记录.docx']);
  });

  it('refuses to write over a folder', async () => {
    await mkdir(path.join(dir, 'x.docx'));
    const d = deps({ showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: path.join(dir, 'x.docx') })) });
    await expect(saveFileWithDialog({ suggestedName: 'x', kind: 'docx', bytes: new Uint8Array([1]) }, d)).rejects.toThrow(UserError);
  });
});

describe('openFileWithDialog', () => {
  it('returns null when cancelled', async () => {
    expect(await openFileWithDialog({ kind: 'pmx' }, deps({}))).toBeNull();
  });

  it('returns the base name and bytes', async () => {
    const file = path.join(dir, '交换.pmx');
    await writeFile(file, new Uint8Array([0x89, 0x50]));
    const d = deps({ showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [file] })) });
    const res = await openFileWithDialog({ kind: 'pmx' }, d);
    expect(res?.name).toBe('交换.pmx');
    expect(res?.bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(res!.bytes)).toEqual([0x89, 0x50]);
  });

  it('refuses folders and files over the cap (checked before reading)', async () => {
    const d = deps({ showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [dir] })) });
    await expect(openFileWithDialog({ kind: 'pmx' }, d)).rejects.toThrow(UserError);
    const big = path.join(dir, 'big.docx');
    await writeFile(big, '');
    const { truncate } = await import('node:fs/promises');
    await truncate(big, 200 * 1024 * 1024 + 1); // sparse file, no real disk use
    const d2 = deps({ showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [big] })) });
    await expect(openFileWithDialog({ kind: 'docx' }, d2)).rejects.toThrow('文件太大');
  });
});
