import path from 'node:path';
import { mkdtemp, mkdir, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPath, backupsDirFor, createBackupStore } from '../../electron/backups';
import { UserError } from '../../electron/errors';

let base: string;
let dir: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'pm-backups-'));
  dir = path.join(base, '党建会议记录', '备份');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('backupsDirFor', () => {
  it('uses Documents/党建会议记录/备份, outside the browser profile', () => {
    const d = backupsDirFor({ documents: '/home/li/Documents', userData: '/home/li/.config/党建会议记录' });
    expect(d).toBe(path.join('/home/li/Documents', '党建会议记录', '备份'));
    expect(d.startsWith('/home/li/.config/党建会议记录')).toBe(false);
  });

  it('falls back to a sibling of userData, never inside it', () => {
    const d = backupsDirFor({ documents: null, userData: '/home/li/.config/党建会议记录' });
    expect(d).toBe(path.join('/home/li/.config', '党建会议记录-备份'));
    expect(d.startsWith('/home/li/.config/党建会议记录/')).toBe(false);
  });
});

describe('backupPath', () => {
  it.each(['../x.pmx', '..\\x.pmx', '/etc/x.pmx', 'a/b.pmx', 'x.docx', '备份.pmx', '', 'a\u0000.pmx', 'x.zip.exe', '../x.zip', 'x.ZIP', 42, null])('refuses %j', (name) => {
    expect(() => backupPath('/b', name)).toThrow(UserError);
  });
  it('builds the path inside the folder', () => {
    expect(backupPath('/b', 'auto-2024-05-01T08-00-00.pmx')).toBe(path.join('/b', 'auto-2024-05-01T08-00-00.pmx'));
  });
  it('accepts unencrypted snapshots named .zip', () => {
    expect(backupPath('/b', 'pm-backup-20240501-080000-startup.zip')).toBe(path.join('/b', 'pm-backup-20240501-080000-startup.zip'));
  });
});

describe('createBackupStore', () => {
  it('writes atomically, lists newest first, reads back and deletes', async () => {
    const store = createBackupStore(dir);
    expect(await store.list()).toEqual([]); // folder does not exist yet
    await store.write('auto-1.pmx', new Uint8Array([1, 2, 3]));
    await store.write('auto-2.pmx', new Uint8Array([4, 5]));
    await utimes(path.join(dir, 'auto-1.pmx'), new Date('2024-01-01T00:00:00Z'), new Date('2024-01-01T00:00:00Z'));
    await utimes(path.join(dir, 'auto-2.pmx'), new Date('2024-02-01T00:00:00Z'), new Date('2024-02-01T00:00:00Z'));
    expect(await store.list()).toEqual([
      { name: 'auto-2.pmx', size: 2, modifiedAt: '2024-02-01T00:00:00.000Z' },
      { name: 'auto-1.pmx', size: 3, modifiedAt: '2024-01-01T00:00:00.000Z' },
    ]);
    expect(Array.from(await store.read('auto-1.pmx'))).toEqual([1, 2, 3]);
    await store.remove('auto-1.pmx');
    expect((await store.list()).map((b) => b.name)).toEqual(['auto-2.pmx']);
    // no temporary files left behind
    expect((await readdir(dir)).sort()).toEqual(['auto-2.pmx']);
  });

  it('replaces an existing backup of the same name', async () => {
    const store = createBackupStore(dir);
    await store.write('a.pmx', new Uint8Array([1]));
    await store.write('a.pmx', new Uint8Array([2, 2]));
    expect(Array.from(await readFile(path.join(dir, 'a.pmx')))).toEqual([2, 2]);
  });

  it('lists only valid .pmx regular files (no temp files, folders, symlinks, foreign names)', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'ok.pmx'), 'x');
    await writeFile(path.join(dir, '.pm-abc.tmp'), 'x');
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    await writeFile(path.join(dir, '中文.pmx'), 'x');
    await mkdir(path.join(dir, 'folder.pmx'));
    await writeFile(path.join(base, 'outside.pmx'), 'secret');
    await symlink(path.join(base, 'outside.pmx'), path.join(dir, 'link.pmx'));
    const store = createBackupStore(dir);
    expect((await store.list()).map((b) => b.name)).toEqual(['ok.pmx']);
    await expect(store.read('link.pmx')).rejects.toThrow(UserError);
    await expect(store.remove('link.pmx')).rejects.toThrow(UserError);
    await expect(store.write('link.pmx', new Uint8Array([1]))).rejects.toThrow(UserError);
    expect(await readFile(path.join(base, 'outside.pmx'), 'utf8')).toBe('secret');
    await expect(store.read('folder.pmx')).rejects.toThrow(UserError);
  });

  it('refuses invalid names and explains a missing backup in Chinese', async () => {
    const store = createBackupStore(dir);
    await expect(store.write('../escape.pmx', new Uint8Array([1]))).rejects.toThrow('备份文件名不合法');
    await expect(store.read('missing.pmx')).rejects.toThrow('找不到该备份文件');
    await expect(store.remove('missing.pmx')).rejects.toThrow(UserError);
    expect(await readdir(base)).not.toContain('escape.pmx');
  });
});
