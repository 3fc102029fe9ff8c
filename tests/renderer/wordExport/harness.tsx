/** Mounts the Word-export components with the real providers on an isolated database, and a fake host. */
import type { ReactNode } from 'react';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, vi } from 'vitest';
import { bulkImportMeetings, createOrganisation, type PartyMinutesDB } from '../../../renderer/db';
import { resetHostForTests } from '../../../renderer/host';
import { HOST_GLOBAL, type HostApi, type SaveFileRequest, type SaveFileResult } from '../../../shared/host';
import type { Meeting, Organisation } from '../../../shared/model';
import { freshTestDb, mountApp } from '../mountApp';


export function freshDb(): Promise<PartyMinutesDB> {
  return freshTestDb('pm-word');
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

export function mount(db: PartyMinutesDB, ui: ReactNode, size: [number, number] = [1280, 900]): Promise<void> {
  return mountApp(db, ui, { size, padding: 24 });
}

/** The parts of a .docx as text, by path. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, data] of Object.entries(unzipSync(bytes))) out[path] = strFromU8(data);
  return out;
}

afterEach(() => {
  delete window[HOST_GLOBAL];
  resetHostForTests();
  vi.restoreAllMocks();
});
