/**
 * 安全: audit chain, 启动密码 and 敏感数据加密 against a real database (fake-indexeddb and Chromium).
 * Tamper and at-rest checks read and write IndexedDB with the raw API, below every Dexie layer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type PartyMinutesDB } from '../../../renderer/db/database';
import { indexPending } from '../../../renderer/db/searchIndex';
import { createRecord, TALKS, updateRecord } from '../../../renderer/db/records';
import { newTalkFields } from '../../../renderer/db/talks';
import { deleteMember, updateMember } from '../../../renderer/db/members';
import { logOperation } from '../../../renderer/transfer/operationLog';
import { audit, checkAuditChain, listAudit } from '../../../renderer/security/auditLog';
import {
  changePassword, disableEncryption, enableEncryption, initSecurity, keyringOf, lock, removePassword,
  setKdfIterationsForTests, setPassword, unlock,
} from '../../../renderer/security/appLock';
import { getWrappedKey } from '../../../renderer/security/config';
import { getBackupPassword, setBackupPassword } from '../../../renderer/transfer/backupPassword';
import { freshDb, makePeople, makeUnit } from './helpers';
import type { Talk } from '../../../shared/model';

const PW = 'Dangjian2025';
const SECRET_TEXT = '他说起家里的困难和对处里工作的不满';
const ID_NUMBER = '11010519491231002X';

function rawRows(dbName: string, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const idb = req.result;
      const get = idb.transaction(store, 'readonly').objectStore(store).getAll();
      get.onsuccess = () => {
        idb.close();
        resolve(get.result as unknown[]);
      };
      get.onerror = () => reject(get.error);
    };
  });
}

function rawPut(dbName: string, store: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const idb = req.result;
      const tx = idb.transaction(store, 'readwrite');
      tx.objectStore(store).put(value);
      tx.oncomplete = () => {
        idb.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

beforeEach(() => setKdfIterationsForTests(2000));
afterEach(() => setKdfIterationsForTests(null));

async function withTalk(db: PartyMinutesDB) {
  const u = await makeUnit(db);
  const p = await makePeople(db, u);
  await updateMember(db, p.li.id, { idNumber: ID_NUMBER });
  const talk = await createRecord(db, TALKS, { ...newTalkFields(u.b1, p.zhang, p.li, '2025-03-01'), theme: '年度谈心', intervieweePoints: SECRET_TEXT });
  return { u, p, talk };
}

describe('审计日志', () => {
  it('records record writes by kind, and the chain check points at an entry altered directly in IndexedDB', async () => {
    const db = await freshDb();
    const { p, talk } = await withTalk(db);
    await updateRecord(db, TALKS, talk.id, (t) => ({ ...t, status: 'final' as const }));
    await updateRecord(db, TALKS, talk.id, (t) => ({ ...t, status: 'draft' as const }));
    await deleteMember(db, p.zhu.id);
    const rows = await listAudit(db);
    const kinds = rows.map((r) => `${r.kind} ${r.target}`);
    expect(kinds).toContain(`record.create talks:${talk.id}`);
    expect(kinds).toContain(`record.finalise talks:${talk.id}`);
    expect(kinds).toContain(`record.reopen talks:${talk.id}`);
    expect(kinds).toContain(`record.delete members:${p.zhu.id}`);
    // Contents never enter the log.
    expect(JSON.stringify(rows)).not.toContain(SECRET_TEXT);
    expect(JSON.stringify(rows)).not.toContain(ID_NUMBER);
    expect(await checkAuditChain(db)).toMatchObject({ ok: true, firstBadSeq: null });

    // Tamper: change the detail of entry 3 with the raw IndexedDB API.
    const raw = (await rawRows(db.name, 'auditLog')) as { seq: number; detail: string }[];
    const victim = raw.find((r) => r.seq === 3)!;
    await rawPut(db.name, 'auditLog', { ...victim, detail: victim.detail + '（改）' });
    const check = await checkAuditChain(db);
    expect(check.ok).toBe(false);
    expect(check.firstBadSeq).toBe(3);
    expect(check.message).toContain('第 3 条');
  });

  it('refuses overwrite and removal through Dexie, and detects an entry deleted raw', async () => {
    const db = await freshDb();
    await audit(db, { kind: 'app.start' });
    await audit(db, { kind: 'app.lock' });
    await audit(db, { kind: 'app.unlock', ok: false });
    const first = (await db.auditLog.get(1))!;
    await expect(db.auditLog.put({ ...first, detail: 'x' })).rejects.toThrow('只能追加');
    await expect(db.auditLog.delete(1)).rejects.toThrow('只能追加');
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(db.name);
      req.onsuccess = () => {
        const tx = req.result.transaction('auditLog', 'readwrite');
        tx.objectStore('auditLog').delete(2);
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    expect(await checkAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 2, problem: 'missing' });
  });

  it('logs every operationLog row (export, import, backup, restore) with the file hash', async () => {
    const db = await freshDb();
    await logOperation(db, { kind: 'export', fileName: '第一支部.pmx', fileSha256: 'ab'.repeat(32), counts: { meetings: 3 }, result: 'ok', operator: '王伟', medium: 'U盘-07' });
    const [row] = await listAudit(db, { kinds: ['transfer'] });
    expect(row).toMatchObject({ kind: 'transfer.export', target: '第一支部.pmx', ok: true, actor: '王伟' });
    expect(row.detail).toContain('ab'.repeat(32));
    expect(row.detail).toContain('U盘-07');
  });
});

describe('启动密码与敏感数据加密', () => {
  it('stores talk contents and ID numbers sealed; changing the password rewraps the key only', async () => {
    const db = await freshDb();
    const { p, talk } = await withTalk(db);
    await initSecurity(db);
    await setPassword(db, PW);
    expect((await unlock(db, PW)).ok).toBe(true);
    await enableEncryption(db, PW);

    const rawTalks = JSON.stringify(await rawRows(db.name, 'talks'));
    const rawMembers = JSON.stringify(await rawRows(db.name, 'members'));
    await indexPending(db); // grams derived, not just pending rows: the check below must see them
    const rawSearch = JSON.stringify(await rawRows(db.name, 'searchIndex'));
    expect(rawSearch).toContain('"k:');
    expect(rawTalks).not.toContain(SECRET_TEXT);
    expect(rawTalks).not.toContain('家里'); // not even a fragment
    expect(rawTalks).toContain('年度谈心'); // the theme is not sensitive
    expect(rawMembers).not.toContain(ID_NUMBER);
    expect(rawMembers).toContain('李秀英');
    expect(rawSearch).not.toContain('家里');
    // Through the app the text reads as typed.
    expect((await db.talks.get(talk.id))!.intervieweePoints).toBe(SECRET_TEXT);
    expect((await db.members.get(p.li.id))!.idNumber).toBe(ID_NUMBER);

    const before = { talks: await rawRows(db.name, 'talks'), key: await getWrappedKey(db) };
    await changePassword(db, PW, 'Zhibu#2025new');
    const after = { talks: await rawRows(db.name, 'talks'), key: await getWrappedKey(db) };
    expect(after.talks).toEqual(before.talks);
    expect(after.key!.wrapped).not.toBe(before.key!.wrapped);

    // A new window: locked, nothing readable until the NEW password is given.
    const again = await openDatabase(db.name);
    try {
      await initSecurity(again);
      expect(keyringOf(again).locked).toBe(true);
      await expect(again.talks.get(talk.id)).rejects.toThrow('已锁定');
      expect((await unlock(again, PW)).ok).toBe(false);
      expect((await unlock(again, 'Zhibu#2025new')).ok).toBe(true);
      expect((await again.talks.get(talk.id))!.intervieweePoints).toBe(SECRET_TEXT);
      // Writes after unlock are sealed too.
      await updateRecord(again, TALKS, talk.id, (t) => ({ ...t, attitude: '表示坚决改正' }));
      expect(JSON.stringify(await rawRows(db.name, 'talks'))).not.toContain('坚决改正');
    } finally {
      again.close();
    }
  });

  it('turning encryption off restores plain rows; the password can then be removed', async () => {
    const db = await freshDb();
    const { talk } = await withTalk(db);
    await setPassword(db, PW);
    await unlock(db, PW);
    await enableEncryption(db, PW);
    await expect(removePassword(db, PW)).rejects.toThrow('请先关闭');
    const progress: number[] = [];
    await disableEncryption(db, PW, (pr) => progress.push(pr.done));
    expect(progress.length).toBeGreaterThan(0);
    expect(JSON.stringify(await rawRows(db.name, 'talks'))).toContain(SECRET_TEXT);
    expect((await db.talks.get(talk.id) as Talk).intervieweePoints).toBe(SECRET_TEXT);
    await removePassword(db, PW);
    expect(keyringOf(db).passwordSet).toBe(false);
    const kinds = (await listAudit(db)).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['password.set', 'encryption.on', 'encryption.off', 'password.remove']));
  });

  it('with encryption on, backups stay encrypted: the start-up password becomes the backup password and cannot be removed', async () => {
    const db = await freshDb();
    await withTalk(db);
    await setPassword(db, PW);
    await unlock(db, PW);
    expect(await getBackupPassword(db)).toBeNull();
    await enableEncryption(db, PW);
    expect(await getBackupPassword(db)).toBe(PW);
    await expect(setBackupPassword(db, null)).rejects.toThrow('备份必须加密');
    expect(await getBackupPassword(db)).toBe(PW);
    // A backup password set beforehand is kept.
    const other = await freshDb();
    await setPassword(other, PW);
    await unlock(other, PW);
    await setBackupPassword(other, 'Beifen-mima-1');
    await enableEncryption(other, PW);
    expect(await getBackupPassword(other)).toBe('Beifen-mima-1');
  });

  it('after five wrong passwords waits 30 s, and the wait survives a reload', async () => {
    const db = await freshDb();
    await setPassword(db, PW);
    await lock(db, '手动锁定');
    const t = new Date('2025-05-01T08:00:00Z');
    for (let i = 1; i <= 4; i++) expect(await unlock(db, 'wrong', t)).toMatchObject({ ok: false, reason: 'wrong', waitMs: 0 });
    expect(await unlock(db, 'wrong', t)).toMatchObject({ ok: false, failures: 5, waitMs: 30_000 });
    const again = await openDatabase(db.name);
    try {
      // Even the right password is refused during the wait…
      expect(await unlock(again, PW, new Date(t.getTime() + 10_000))).toMatchObject({ ok: false, reason: 'wait', waitMs: 20_000 });
      // …and accepted after it.
      expect((await unlock(again, PW, new Date(t.getTime() + 31_000))).ok).toBe(true);
    } finally {
      again.close();
    }
    const failures = (await listAudit(db, { kinds: ['app.unlock'], ok: false })).length;
    expect(failures).toBe(5);
  });

  it('rejects a password that breaks the chosen rule, with the reason', async () => {
    const db = await freshDb();
    await expect(setPassword(db, 'abc')).rejects.toThrow('至少 8 位');
    await expect(setPassword(db, 'abcdefghij')).rejects.toThrow('至少 2 类');
  });
});
