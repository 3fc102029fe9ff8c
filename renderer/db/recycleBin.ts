/** 回收站: soft-deleted organisations, members and meetings; restore; purge (hard delete). */
import { MEETING_TYPE_SHORT, ORG_LEVEL_LABELS } from '../../shared/model';
import type { PartyMinutesDB } from './database';
import { getInstallationId, nowIso, stampMeta, type WriteOptions } from './meta';
import { DbError } from './validate';

export type RecycleTable = 'organisations' | 'members' | 'meetings';

export interface RecycleItem {
  table: RecycleTable;
  id: string;
  /** What the secretary recognises: 张三 / 第一党支部 / 第一党支部 2025年第3次支委会. */
  label: string;
  /** 党员 · 办公室 / 党支部 / 2025-03-08 */
  detail: string;
  deletedAt: string;
}

/** Everything in the recycle bin, most recently deleted first. */
export async function listRecycleBin(db: PartyMinutesDB): Promise<RecycleItem[]> {
  return db.transaction('r', db.organisations, db.members, db.meetingIndex, async () => {
    const [orgs, members, meetings, allOrgs] = await Promise.all([
      db.organisations.where('deletedAt').above('').toArray(),
      db.members.where('deletedAt').above('').toArray(),
      db.meetingIndex.where('[live+date]').between([0, ''], [0, '\uffff'], true, true).toArray(),
      db.organisations.toArray(),
    ]);
    const orgName = new Map(allOrgs.map((o) => [o.id, o.name]));
    const items: RecycleItem[] = [
      ...orgs.map((o) => ({ table: 'organisations' as const, id: o.id, label: o.name, detail: ORG_LEVEL_LABELS[o.level], deletedAt: o.deletedAt! })),
      ...members.map((m) => ({
        table: 'members' as const,
        id: m.id,
        label: m.name,
        detail: [orgName.get(m.branchId), m.department].filter(Boolean).join(' · '),
        deletedAt: m.deletedAt!,
      })),
      ...meetings.map((r) => ({
        table: 'meetings' as const,
        id: r.id,
        label: `${orgName.get(r.orgId) ?? ''} ${r.year}年第${r.seq}次${MEETING_TYPE_SHORT[r.type]}`.trim(),
        detail: r.date,
        deletedAt: r.deletedAt ?? '',
      })),
    ];
    return items.sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : a.deletedAt > b.deletedAt ? -1 : 0));
  });
}

async function requireLiveOrg(db: PartyMinutesDB, id: string | null, what: string): Promise<void> {
  if (!id) return;
  const o = await db.organisations.get(id);
  if (!o) throw new DbError(`${what}已被彻底删除，无法恢复该记录`);
  if (o.deletedAt) throw new DbError(`${what}（${o.name}）也在回收站中，请先恢复${what}`);
}

/** Takes a record out of the recycle bin (its organisation must be live). */
export async function restoreRecord(db: PartyMinutesDB, table: RecycleTable, id: string, opts?: WriteOptions): Promise<void> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  await db.transaction('rw', [db.organisations, db.members, db.meetings, db.meetingIndex], async () => {
    if (table === 'organisations') {
      const o = await db.organisations.get(id);
      if (!o?.deletedAt) throw new DbError('回收站中没有这条记录');
      await requireLiveOrg(db, o.parentId, '上级组织');
      await db.organisations.put({ ...o, ...stampMeta(o, me, now), deletedAt: null });
    } else if (table === 'members') {
      const m = await db.members.get(id);
      if (!m?.deletedAt) throw new DbError('回收站中没有这条记录');
      await requireLiveOrg(db, m.branchId, '所在党支部');
      await requireLiveOrg(db, m.groupId, '所在党小组');
      await db.members.put({ ...m, ...stampMeta(m, me, now), deletedAt: null });
    } else {
      const m = await db.meetings.get(id);
      if (!m?.deletedAt) throw new DbError('回收站中没有这条记录');
      await requireLiveOrg(db, m.orgId, '所属党组织');
      await db.meetings.put({ ...m, ...stampMeta(m, me, now), deletedAt: null });
    }
  });
}

/**
 * 彻底删除: removes a record that is in the recycle bin. Cannot be undone — the caller asks the
 * secretary to confirm first. Live records are refused.
 *
 * Leaves a minimal marker in `purged` (table, id, version vector — no content) so that importing a
 * transfer file with an older copy of the record does not bring it back (renderer/transfer).
 */
export async function purgeRecord(db: PartyMinutesDB, table: RecycleTable, id: string, opts?: WriteOptions): Promise<void> {
  const now = nowIso(opts);
  await db.transaction('rw', [db.organisations, db.members, db.meetings, db.meetingIndex, db.purged], async () => {
    const t = table === 'organisations' ? db.organisations : table === 'members' ? db.members : db.meetings;
    const rec = await t.get(id);
    if (!rec) throw new DbError('回收站中没有这条记录');
    if (!rec.deletedAt) throw new DbError('只能彻底删除回收站中的记录，请先删除该记录');
    await t.delete(id);
    await db.purged.put({ id, table, vv: { ...rec.vv }, purgedAt: now });
  });
}
