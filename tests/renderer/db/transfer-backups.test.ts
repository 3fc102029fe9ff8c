/**
 * Automatic snapshots, retention, restore, the backup password, and the snapshot taken before a
 * schema upgrade. Runs on fake-indexeddb and in real Chromium (host faked in memory).
 */
import Dexie from 'dexie';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import fixture from '../../fixtures/db/v1.json';
import { SCHEMA_V1, type PartyMinutesDB } from '../../../renderer/db/database';
import { createMeeting, deleteMeeting, getMeeting } from '../../../renderer/db/meetings';
import {
  existingSchemaVersion,
  getBackupPassword,
  listBackupEntries,
  listOperations,
  openDatabaseWithBackups,
  parseBackupName,
  readBackupFile,
  restoreBackup,
  setBackupPassword,
  snapshotBeforeUpgrade,
  startupBackup,
  writeSnapshot,
} from '../../../renderer/transfer';
import { decodePmx, readPmxHeader } from '../../../shared/transfer';
import { dataState, fakeHost } from '../transfer/helpers';
import { freshDb, makePeople, makeUnit } from './helpers';

describe('snapshots', () => {
  it('without a backup password: a plain .zip; with one: an encrypted .pmx', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    const host = fakeHost();
    const plain = await writeSnapshot(db, host, 'manual', { now: new Date('2025-03-08T06:01:02.345Z') });
    expect(plain.name).toBe('pm-backup-20250308-060102345-manual.zip');
    expect(plain.encrypted).toBe(false);
    const zip = unzipSync(host.files.get(plain.name)!.bytes);
    expect(Object.keys(zip).sort()).toEqual([
      'data/appraisals.json',
      'data/meetings.json',
      'data/members.json',
      'data/organisations.json',
      'data/purged.json',
      'data/rectifications.json',
      'data/settings.json',
      'data/talks.json',
      'manifest.json',
    ]);

    await setBackupPassword(db, 'Backup-密码-2025');
    expect(await getBackupPassword(db)).toBe('Backup-密码-2025');
    // never stored as plain text
    expect(JSON.stringify(await db.local.toArray())).not.toContain('Backup-密码-2025');
    const enc = await writeSnapshot(db, host, 'manual', { now: new Date('2025-03-08T06:05:00.000Z') });
    expect(enc.name.endsWith('.pmx')).toBe(true);
    const bytes = host.files.get(enc.name)!.bytes;
    expect(readPmxHeader(bytes).label?.note).toContain('手动备份');
    await expect(decodePmx(bytes, 'wrong-password')).rejects.toMatchObject({ code: 'wrong-password' });
    const log = await listOperations(db);
    expect(log.map((l) => [l.kind, l.result, l.fileName])).toEqual([
      ['backup', 'ok', enc.name],
      ['backup', 'ok', plain.name],
    ]);
    expect(log[0].counts).toMatchObject({ organisations: 5, members: 10, meetings: 0 });
  });

  it('names parse back; retention keeps the newest 10 and one per month', async () => {
    expect(parseBackupName('pm-backup-20250308-060102345-before-import.pmx')).toEqual({ at: '2025-03-08T06:01:02.345Z', reason: 'before-import', encrypted: true });
    expect(parseBackupName('other.pmx')).toBeNull();
    const db = await freshDb();
    const host = fakeHost();
    host.files.set('not-ours.pmx', { bytes: new Uint8Array(1), modifiedAt: '2020-01-01T00:00:00Z' });
    // January: 3 backups; February: 12 daily
    for (const d of ['2025-01-05', '2025-01-10', '2025-01-20']) await writeSnapshot(db, host, 'manual', { now: new Date(`${d}T08:00:00Z`) });
    for (let i = 1; i <= 12; i++) await writeSnapshot(db, host, 'startup', { now: new Date(`2025-02-${String(i).padStart(2, '0')}T08:00:00Z`) });
    const names = (await listBackupEntries(host)).map((e) => e.at.slice(0, 10));
    expect(names).toEqual(['2025-02-12', '2025-02-11', '2025-02-10', '2025-02-09', '2025-02-08', '2025-02-07', '2025-02-06', '2025-02-05', '2025-02-04', '2025-02-03', '2025-01-20']);
    expect(host.files.has('not-ours.pmx')).toBe(true);
  });

  it('start-up backup at most once a day, and never silently in the browser build', async () => {
    const db = await freshDb();
    const host = fakeHost();
    expect(await startupBackup(db, host, { now: new Date('2025-03-08T01:00:00') })).not.toBeNull();
    expect(await startupBackup(db, host, { now: new Date('2025-03-08T20:00:00') })).toBeNull();
    expect(await startupBackup(db, host, { now: new Date('2025-03-09T08:00:00') })).not.toBeNull();
    expect(host.files.size).toBe(2);
    const web = fakeHost({ onDisk: false });
    expect(await startupBackup(db, web, { now: new Date('2025-03-10T08:00:00') })).toBeNull();
    expect(web.files.size).toBe(0);
  });

  it('restore puts back exactly the snapshot, after a snapshot of the current state', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    const m = await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-02-10' });
    await setBackupPassword(db, 'Backup-密码-2025');
    const host = fakeHost();
    const snap = await writeSnapshot(db, host, 'manual', { now: new Date('2025-03-01T00:00:00Z') });
    const saved = await dataState(db);
    await deleteMeeting(db, m.id);
    await createMeeting(db, { orgId: u.b2.id, type: 'lecture', date: '2025-03-02' });
    const preview = await readBackupFile(db, host, { kind: 'folder', name: snap.name });
    expect(preview.encrypted).toBe(true);
    const { before } = await restoreBackup(db, host, preview, { now: new Date('2025-03-05T00:00:00Z') });
    expect(before.name).toContain('before-restore');
    expect(await dataState(db)).toEqual(saved);
    expect((await getMeeting(db, m.id))?.deletedAt).toBeNull();
    expect(await getBackupPassword(db)).toBe('Backup-密码-2025'); // local kept
    const log = await listOperations(db);
    expect(log.find((l) => l.kind === 'restore')).toMatchObject({ result: 'ok', fileName: snap.name });
    // A backup password that no longer matches: a clear message, nothing written.
    await setBackupPassword(db, 'Another-密码-2026');
    await expect(readBackupFile(db, host, { kind: 'folder', name: snap.name })).rejects.toMatchObject({ code: 'wrong-password' });
    expect((await readBackupFile(db, host, { kind: 'folder', name: snap.name }, 'Backup-密码-2025')).manifest.scope.kind).toBe('backup');
  });

  it('restore is refused when the snapshot before it cannot be written', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const host = fakeHost();
    const snap = await writeSnapshot(db, host, 'manual');
    const preview = await readBackupFile(db, host, { kind: 'folder', name: snap.name });
    await createMeeting(db, { orgId: u.b1.id, type: 'lecture', date: '2025-03-02' });
    const before = await dataState(db);
    const broken = { ...fakeHost({ failWrites: true }), readBackup: host.readBackup };
    await expect(restoreBackup(db, broken, preview)).rejects.toThrow('磁盘已满');
    expect(await dataState(db)).toEqual(before);
  });
});

describe('before a schema upgrade', () => {
  const name = `pm-upgrade-${Math.random().toString(36).slice(2)}`;
  let opened: PartyMinutesDB | null = null;
  afterEach(async () => {
    opened?.close();
    opened = null;
    await Dexie.delete(name);
  });

  it('probing a missing database creates nothing', async () => {
    expect(await existingSchemaVersion(`${name}-missing`)).toBe(0);
    expect(await existingSchemaVersion(`${name}-missing`)).toBe(0);
  });

  it('a v1 database is snapshotted as it is, then upgraded; the backup logs once opened', async () => {
    const raw = new Dexie(name);
    raw.version(1).stores(SCHEMA_V1);
    await raw.open();
    const rows = fixture.tables as unknown as Record<string, Record<string, unknown>[]>;
    await raw.transaction('rw', raw.tables, async () => {
      for (const [t, list] of Object.entries(rows)) await raw.table(t).bulkAdd(list);
    });
    raw.close();
    expect(await existingSchemaVersion(name)).toBe(1);

    const host = fakeHost();
    const r = await snapshotBeforeUpgrade(name, host);
    expect(r?.from).toBe(1);
    expect(r?.backup.name).toMatch(/before-upgrade\.zip$/);
    expect(await existingSchemaVersion(name)).toBe(1); // not upgraded by the snapshot
    const zip = unzipSync(host.files.get(r!.backup.name)!.bytes);
    const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json']));
    expect(manifest.schemaVersion).toBe(1);
    const meetings = JSON.parse(new TextDecoder().decode(zip['data/meetings.json']));
    expect(meetings).toEqual(rows.meetings);

    const v1Backup = host.files.get(r!.backup.name)!.bytes;
    host.files.clear();
    opened = await openDatabaseWithBackups(name, host);
    expect(opened.verno).toBe(3);
    expect(await snapshotBeforeUpgrade(name, fakeHost())).toBeNull(); // nothing pending any more
    const log = await listOperations(opened);
    expect(log.some((l) => l.kind === 'backup' && l.detail?.includes('软件升级前'))).toBe(true);
    // The v1 backup restores into the v2 database.
    const preview = await readBackupFile(opened, host, { kind: 'file', name: r!.backup.name, bytes: v1Backup });
    expect(preview.tables.meetings).toHaveLength(rows.meetings.length);
  });
});
