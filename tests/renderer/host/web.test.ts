import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebHost, WEB_BACKUPS_UNAVAILABLE } from '../../../renderer/host/web';
import { getHost, resetHostForTests } from '../../../renderer/host';
import { HOST_GLOBAL, type HostApi } from '../../../shared/host';

afterEach(() => {
  vi.restoreAllMocks();
  resetHostForTests();
  delete window[HOST_GLOBAL];
});

/** Captures anchors clicked for a download instead of letting the browser download. */
function captureDownloads() {
  const clicked: { download: string; href: string; inDocument: boolean }[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ download: this.download, href: this.href, inDocument: document.body.contains(this) });
  });
  return clicked;
}

describe('web host: saveFile', () => {
  it('downloads through a temporary anchor with the sanitised name and revokes the object URL', async () => {
    const clicked = captureDownloads();
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const host = createWebHost({ revokeDelayMs: 0 });
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    const res = await host.saveFile({ suggestedName: '../第一支部/2024年会议记录', kind: 'docx', bytes });
    expect(res).toEqual({ saved: true, fileName: '_第一支部_2024年会议记录.docx' });
    expect(clicked).toEqual([{ download: '_第一支部_2024年会议记录.docx', href: 'blob:test/1', inDocument: true }]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(blobs[0].type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(Array.from(new Uint8Array(await blobs[0].arrayBuffer()))).toEqual([0x50, 0x4b, 3, 4]);
    // the anchor is gone and the URL is revoked
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    await vi.waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:test/1'));
  });

  it('downloads a Blob as it is, without reading or copying it', async () => {
    const clicked = captureDownloads();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test/2';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const file = new Blob([new Uint8Array([1, 2]), new Uint8Array([3])], { type: 'application/octet-stream' });
    const read = vi.spyOn(file, 'arrayBuffer');
    const res = await createWebHost({ revokeDelayMs: 0 }).saveFile({ suggestedName: '交换文件', kind: 'pmx', bytes: file });
    expect(res).toEqual({ saved: true, fileName: '交换文件.pmx' });
    expect(clicked).toEqual([{ download: '交换文件.pmx', href: 'blob:test/2', inDocument: true }]);
    expect(blobs[0]).toBe(file);
    expect(read).not.toHaveBeenCalled();
  });

  it('gives a Blob of another type the kind’s type (a wrapper that references the same data)', async () => {
    captureDownloads();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test/3';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    await createWebHost({ revokeDelayMs: 0 }).saveFile({ suggestedName: 'a', kind: 'docx', bytes: new Blob([new Uint8Array([0x50, 0x4b])]) });
    expect(blobs[0].type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(Array.from(new Uint8Array(await blobs[0].arrayBuffer()))).toEqual([0x50, 0x4b]);
  });

  it('keeps rare characters in the name', async () => {
    captureDownloads();
    const res = await createWebHost({ revokeDelayMs: 0 }).saveFile({ suggestedName: '张堃𬍛谈心谈话', kind: 'docx', bytes: new Uint8Array() });
    expect(res.fileName).toBe('张堃𬍛谈心谈话.docx');
  });

  it('offers a backup as a .pmx download', async () => {
    const clicked = captureDownloads();
    await createWebHost({ revokeDelayMs: 0 }).writeBackup({ name: 'auto-2024.pmx', bytes: new Uint8Array([1]) });
    expect(clicked[0].download).toBe('auto-2024.pmx');
  });
});

describe('web host: openFile', () => {
  function captureInput() {
    const inputs: HTMLInputElement[] = [];
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      inputs.push(this);
    });
    return inputs;
  }

  it('returns the chosen file’s name and bytes', async () => {
    const inputs = captureInput();
    const pending = createWebHost().openFile({ kind: 'pmx' });
    expect(inputs).toHaveLength(1);
    const input = inputs[0];
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.pmx');
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array([0x89, 0x50, 0x4d, 0x58])], '交换文件.pmx'));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    const opened = await pending;
    expect(opened?.name).toBe('交换文件.pmx');
    expect(Array.from(opened!.bytes)).toEqual([0x89, 0x50, 0x4d, 0x58]);
    expect(document.body.contains(input)).toBe(false);
  });

  it('resolves null when the user cancels', async () => {
    const inputs = captureInput();
    const pending = createWebHost().openFile({ kind: 'docx' });
    expect(inputs[0].accept).toBe('.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    inputs[0].dispatchEvent(new Event('cancel'));
    expect(await pending).toBeNull();
    expect(document.body.contains(inputs[0])).toBe(false);
  });
});

describe('web host: backups and info', () => {
  it('has no disk backups', async () => {
    const host = createWebHost();
    expect(await host.listBackups()).toEqual([]);
    await expect(host.readBackup('a.pmx')).rejects.toThrow(WEB_BACKUPS_UNAVAILABLE);
    await expect(host.deleteBackup('a.pmx')).rejects.toThrow(/桌面版/);
    const info = await host.getAppInfo();
    expect(info.shell).toBe('web');
    expect(info.backupsOnDisk).toBe(false);
    expect(info.appVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('getHost', () => {
  it('uses the web adapter in a plain browser, memoised', async () => {
    const h = getHost();
    expect(h).toBe(getHost());
    expect((await h.getAppInfo()).shell).toBe('web');
  });

  it('prefers the preload’s host when present', () => {
    const desktop = { getAppInfo: vi.fn() } as unknown as HostApi;
    window[HOST_GLOBAL] = desktop;
    expect(getHost()).toBe(desktop);
  });
});
