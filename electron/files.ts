/**
 * Save and open dialogs. The renderer sends bytes and a suggested name; the user picks the place.
 * Paths never leave the main process: results carry the base name only.
 */
import { lstat, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { OpenFileRequest, OpenedFile, SaveFileBeginRequest, SaveFileIpcRequest, SaveFileResult, FileKind } from '../shared/host';
import { FILE_KIND_INFO, sanitizeFileName } from '../shared/filename';
import { writeFileAtomic } from './atomic';
import { UserError } from './errors';

export function dialogFilters(kind: FileKind): { name: string; extensions: string[] }[] {
  const info = FILE_KIND_INFO[kind];
  return [{ name: `${info.label} (*.${info.ext})`, extensions: [info.ext] }];
}

export function saveDialogOptions(req: SaveFileBeginRequest, defaultDir: string | null): SaveDialogOptions {
  const fileName = sanitizeFileName(req.suggestedName, FILE_KIND_INFO[req.kind].ext);
  return {
    title: '保存文件',
    buttonLabel: '保存',
    defaultPath: defaultDir ? path.join(defaultDir, fileName) : fileName,
    filters: dialogFilters(req.kind),
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
}

export function openDialogOptions(req: OpenFileRequest, defaultDir: string | null): OpenDialogOptions {
  return {
    title: '打开文件',
    buttonLabel: '打开',
    ...(defaultDir ? { defaultPath: defaultDir } : {}),
    filters: dialogFilters(req.kind),
    properties: ['openFile'],
  };
}

/** Linux file choosers do not add the extension; the saved file must still open in WPS/Word. */
export function withExtension(filePath: string, kind: FileKind): string {
  const ext = `.${FILE_KIND_INFO[kind].ext}`;
  return filePath.toLowerCase().endsWith(ext) ? filePath : filePath + ext;
}

export interface DialogDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** Where dialogs start (the Documents folder); null lets the system choose. */
  defaultDir: string | null;
}

/** Asks where to save; the full target path (with extension), or null when cancelled. */
export async function chooseSaveTarget(req: SaveFileBeginRequest, deps: DialogDeps): Promise<string | null> {
  const result = await deps.showSaveDialog(saveDialogOptions(req, deps.defaultDir));
  if (result.canceled || !result.filePath) return null;
  const target = withExtension(result.filePath, req.kind);
  const existing = await lstat(target).catch(() => null);
  if (existing !== null && !existing.isFile()) throw new UserError('所选位置已有同名的文件夹或特殊文件，无法保存。请换一个文件名。');
  return target;
}

export async function saveFileWithDialog(req: SaveFileIpcRequest, deps: DialogDeps): Promise<SaveFileResult> {
  const target = await chooseSaveTarget(req, deps);
  if (target === null) return { saved: false };
  await writeFileAtomic(target, req.bytes);
  return { saved: true, fileName: path.basename(target) };
}

export function tooLargeMessage(kind: FileKind): string {
  const max = FILE_KIND_INFO[kind].maxOpenBytes;
  const limit = max >= 1024 ** 3 ? `${Math.round(max / 1024 ** 3)} GiB` : `${Math.round(max / 1024 ** 2)} MiB`;
  return `文件太大（超过 ${limit}），无法打开。请确认选择的是本程序导出的${FILE_KIND_INFO[kind].label}。`;
}

export async function openFileWithDialog(req: OpenFileRequest, deps: DialogDeps): Promise<OpenedFile | null> {
  const result = await deps.showOpenDialog(openDialogOptions(req, deps.defaultDir));
  const chosen = result.filePaths[0];
  if (result.canceled || chosen === undefined) return null;
  // stat follows a shortcut the user chose on purpose; it must still end at a regular file.
  const target = await stat(chosen);
  if (!target.isFile()) throw new UserError('所选的不是普通文件。请重新选择。');
  if (target.size > FILE_KIND_INFO[req.kind].maxOpenBytes) throw new UserError(tooLargeMessage(req.kind));
  const buf = await readFile(chosen);
  return { name: path.basename(chosen), bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
}
