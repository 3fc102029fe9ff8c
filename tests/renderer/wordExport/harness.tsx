/** Mounts the Word-export components with the real providers on an isolated database, and a fake host. */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import Dexie from 'dexie';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, vi } from 'vitest';
import { page } from 'vitest/browser';
import { bulkImportMeetings, createOrganisation, openDatabase, type PartyMinutesDB } from '../../../renderer/db';
import { resetHostForTests } from '../../../renderer/host';
import { DatabaseProvider } from '../../../renderer/src/dbContext';
import { HOST_GLOBAL, type HostApi, type SaveFileRequest, type SaveFileResult } from '../../../shared/host';
import type { Meeting, Organisation } from '../../../shared/model';

const mounted: { root: Root; el: HTMLElement; db: PartyMinutesDB }[] = [];

/** act() only for mounting and unmounting; everything else is awaited through locators. */
async function inAct(fn: () => void): Promise<void> {
  const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  g.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    await act(async () => fn());
  } finally {
    g.IS_REACT_ACT_ENVIRONMENT = false;
  }
}
let counter = 0;

export async function freshDb(): Promise<PartyMinutesDB> {
  return openDatabase(`pm-word-${Date.now().toString(36)}-${counter++}-${Math.random().toString(36).slice(2, 7)}`);
}

export const ORG_FULL_NAME = '中共××局机关第一党支部';

export async function makeBranch(db: PartyMinutesDB): Promise<Organisation> {
  return createOrganisation(db, { parentId: null, level: 'branch', name: '第一党支部', fullName: ORG_FULL_NAME });
}

/** Stores a fixture meeting (tests/fixtures/word) under the given organisation; returns the stored record. */
export async function storeMeeting(db: PartyMinutesDB, org: Organisation, m: Meeting): Promise<Meeting> {
  const { id, createdAt: _c, updatedAt: _u, rev: _r, vv: _v, changedBy: _b, deletedAt: _d, ...fields } = m;
  const [stored] = await bulkImportMeetings(db, [{ ...fields, orgId: org.id, id }]);
  return stored;
}

/** Word export hands the host bytes (a Blob is only used for large .pmx files). */
export type SavedDocx = SaveFileRequest & { bytes: Uint8Array };

export interface FakeHost {
  saved: SavedDocx[];
  saveFile: ReturnType<typeof vi.fn<(req: SaveFileRequest) => Promise<SaveFileResult>>>;
}

/** A desktop-like host whose save dialog always accepts the suggested name. */
export function installFakeHost(): FakeHost {
  const saved: SavedDocx[] = [];
  const saveFile = vi.fn(async (req: SaveFileRequest): Promise<SaveFileResult> => {
    if (!(req.bytes instanceof Uint8Array)) throw new Error('expected the .docx as bytes');
    saved.push({ ...req, bytes: req.bytes });
    return { saved: true, fileName: req.suggestedName };
  });
  const host: HostApi = {
    getAppInfo: async () => ({ appVersion: 'test', shell: 'electron', platform: 'linux', backupsOnDisk: true }),
    saveFile,
    openFile: async () => null,
    writeBackup: async () => undefined,
    listBackups: async () => [],
    readBackup: async () => new Uint8Array(),
    deleteBackup: async () => undefined,
  };
  window[HOST_GLOBAL] = host;
  resetHostForTests();
  return { saved, saveFile };
}

export async function mount(db: PartyMinutesDB, ui: ReactNode, size: [number, number] = [1280, 900]): Promise<void> {
  await page.viewport(size[0], size[1]);
  const el = document.createElement('div');
  el.style.padding = '24px';
  document.body.appendChild(el);
  const root = createRoot(el);
  await inAct(() => {
    root.render(
      <ConfigProvider locale={zhCN} theme={{ token: { motion: false, colorPrimary: '#b4232a' } }}>
        <AntApp>
          <DatabaseProvider name={db.name}>{ui}</DatabaseProvider>
        </AntApp>
      </ConfigProvider>,
    );
  });
  mounted.push({ root, el, db });
}

/** The parts of a .docx as text, by path. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, data] of Object.entries(unzipSync(bytes))) out[path] = strFromU8(data);
  return out;
}

afterEach(async () => {
  while (mounted.length) {
    const { root, el, db } = mounted.pop()!;
    await inAct(() => root.unmount());
    el.remove();
    db.close();
    await Dexie.delete(db.name);
  }
  delete window[HOST_GLOBAL];
  resetHostForTests();
  vi.restoreAllMocks();
});
