/**
 * Automatic backups on disk, outside the browser profile (design §5: Electron updates have been
 * known to wipe IndexedDB).
 *
 * Folder: `<Documents>/党建会议记录/备份`. Chosen over a folder under userData because
 *  - userData holds the Chromium profile itself (IndexedDB, caches), so anything that resets or
 *    deletes the profile (an uninstaller with "delete app data", a support technician clearing
 *    %APPDATA%, a profile wipe by an update) would take the backups with it;
 *  - the secretary can find it in 文档 and copy it to a USB stick or hand it to IT without knowing
 *    hidden AppData paths; backups are encrypted .pmx files when a backup password is set, so
 *    being visible exposes nothing; without one they are plain `.zip` archives and the settings
 *    page says so plainly;
 *  - it survives reinstalling the app or moving to a new version.
 * When the system reports no Documents folder, a sibling of userData (not inside it) is used.
 *
 * The renderer only ever sends a backup *name*, validated by backupNameSchema (ASCII, no
 * separators, .pmx or .zip); paths are built here, and symlinks are never followed.
 */
import { lstat, mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { backupNameSchema, type BackupInfo } from '../shared/host';
import { FILE_KIND_INFO } from '../shared/filename';
import { writeFileAtomic } from './atomic';
import { UserError } from './errors';

export const BACKUP_DIR_PARTS = ['党建会议记录', '备份'] as const;

export function backupsDirFor(paths: { documents: string | null; userData: string }): string {
  if (paths.documents !== null && paths.documents !== '') return path.join(paths.documents, ...BACKUP_DIR_PARTS);
  return path.join(path.dirname(paths.userData), '党建会议记录-备份');
}

/** Validates a name from the renderer and returns the file path inside dir; throws UserError otherwise. */
export function backupPath(dir: string, name: unknown): string {
  const parsed = backupNameSchema.safeParse(name);
  if (!parsed.success) throw new UserError('备份文件名不合法。');
  const file = path.join(dir, parsed.data);
  if (path.dirname(file) !== path.resolve(dir)) throw new UserError('备份文件名不合法。');
  return file;
}

async function regularFile(file: string): Promise<{ size: number; mtime: Date }> {
  let st;
  try {
    st = await lstat(file);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw new UserError('找不到该备份文件，可能已被删除或移走。请刷新备份列表。');
    throw err;
  }
  if (!st.isFile()) throw new UserError('该备份不是普通文件（可能是快捷方式或文件夹），已拒绝读取。');
  return { size: st.size, mtime: st.mtime };
}

export interface BackupStore {
  readonly dir: string;
  write(name: string, bytes: Uint8Array): Promise<void>;
  list(): Promise<BackupInfo[]>;
  read(name: string): Promise<Uint8Array>;
  remove(name: string): Promise<void>;
}

export function createBackupStore(dir: string): BackupStore {
  const root = path.resolve(dir);
  return {
    dir: root,
    async write(name, bytes) {
      const file = backupPath(root, name);
      await mkdir(root, { recursive: true });
      // Refuse to replace something that is not a plain file (e.g. a planted symlink).
      const existing = await lstat(file).catch(() => null);
      if (existing !== null && !existing.isFile()) throw new UserError('备份文件夹中已有同名的非普通文件，无法写入备份。请检查备份文件夹。');
      await writeFileAtomic(file, bytes);
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(root);
      } catch (err) {
        if ((err as { code?: string }).code === 'ENOENT') return [];
        throw err;
      }
      const out: BackupInfo[] = [];
      for (const name of names) {
        if (!backupNameSchema.safeParse(name).success) continue;
        const st = await lstat(path.join(root, name)).catch(() => null);
        if (st === null || !st.isFile()) continue;
        out.push({ name, size: st.size, modifiedAt: st.mtime.toISOString() });
      }
      // Newest first; ties by name for a stable order.
      return out.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
    },
    async read(name) {
      const file = backupPath(root, name);
      const { size } = await regularFile(file);
      if (size > FILE_KIND_INFO.pmx.maxOpenBytes) throw new UserError('备份文件超过 2 GiB，无法读取。');
      const buf = await readFile(file);
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    },
    async remove(name) {
      const file = backupPath(root, name);
      await regularFile(file);
      await unlink(file);
    },
  };
}
