/**
 * HostApi in a plain browser (`npm run web`, e2e tests): downloads instead of a save dialog, a file
 * input instead of an open dialog, and no backups folder (backups are offered as downloads).
 */
import type { AppInfo, BackupInfo, FileKind, HostApi, OpenedFile, OpenFileRequest, SaveFileRequest, SaveFileResult, WriteBackupRequest } from '../../shared/host';
import { FILE_KIND_INFO, sanitizeFileName } from '../../shared/filename';
import { version } from '../../package.json';

export const WEB_BACKUPS_UNAVAILABLE = '浏览器版不能读取或删除磁盘上的备份：磁盘备份只在桌面版中提供。请使用桌面版，或通过“导入”打开已下载的备份文件。';

export interface WebHostOptions {
  /** How long the object URL of a download stays valid after the click (the download must start first). */
  revokeDelayMs?: number;
}

function downloadBytes(bytes: Uint8Array | Blob, fileName: string, mime: string, revokeDelayMs: number): void {
  // Bytes are copied into a fresh ArrayBuffer: the Blob must not alias memory the caller may reuse.
  // A Blob is downloaded as it is (a wrapper only sets the type; it references, never copies, the data).
  const blob =
    bytes instanceof Uint8Array ? new Blob([bytes.slice()], { type: mime }) : bytes.type === mime ? bytes : new Blob([bytes], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), revokeDelayMs);
  }
}

function acceptFor(kind: FileKind): string {
  const info = FILE_KIND_INFO[kind];
  return info.mime === 'application/octet-stream' ? `.${info.ext}` : `.${info.ext},${info.mime}`;
}

/**
 * Shows the browser's file chooser. Call it directly from a click handler (before any await):
 * browsers only open the chooser with a user gesture. Resolves null when the user cancels.
 */
function chooseFile(req: OpenFileRequest): Promise<OpenedFile | null> {
  const info = FILE_KIND_INFO[req.kind];
  return new Promise<OpenedFile | null>((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptFor(req.kind);
    input.style.display = 'none';
    let settled = false;
    const finish = (): void => {
      settled = true;
      input.remove();
    };
    input.addEventListener('cancel', () => {
      if (settled) return;
      finish();
      resolve(null);
    });
    input.addEventListener('change', () => {
      if (settled) return;
      const file = input.files?.[0];
      finish();
      if (file === undefined) {
        resolve(null);
        return;
      }
      if (file.size > info.maxOpenBytes) {
        reject(new Error(`文件太大，无法打开。请确认选择的是本程序导出的${info.label}。`));
        return;
      }
      file.arrayBuffer().then(
        (buf) => resolve({ name: file.name, bytes: new Uint8Array(buf) }),
        () => reject(new Error('读取文件失败。请确认文件没有被移动或正被其他程序占用，然后重试。')),
      );
    });
    document.body.appendChild(input);
    input.click();
  });
}

export function createWebHost(options: WebHostOptions = {}): HostApi {
  const revokeDelayMs = options.revokeDelayMs ?? 10_000;
  return {
    async getAppInfo(): Promise<AppInfo> {
      return { appVersion: version, shell: 'web', platform: navigator.platform || 'web', backupsOnDisk: false };
    },
    async saveFile(req: SaveFileRequest): Promise<SaveFileResult> {
      const info = FILE_KIND_INFO[req.kind];
      const fileName = sanitizeFileName(req.suggestedName, info.ext);
      downloadBytes(req.bytes, fileName, info.mime, revokeDelayMs);
      return { saved: true, fileName };
    },
    openFile: chooseFile,
    async writeBackup(req: WriteBackupRequest): Promise<void> {
      downloadBytes(req.bytes, sanitizeFileName(req.name, 'pmx'), FILE_KIND_INFO.pmx.mime, revokeDelayMs);
    },
    async listBackups(): Promise<BackupInfo[]> {
      return [];
    },
    async readBackup(_name: string): Promise<Uint8Array> {
      throw new Error(WEB_BACKUPS_UNAVAILABLE);
    },
    async deleteBackup(_name: string): Promise<void> {
      throw new Error(WEB_BACKUPS_UNAVAILABLE);
    },
  };
}

export const webHost: HostApi = createWebHost();
