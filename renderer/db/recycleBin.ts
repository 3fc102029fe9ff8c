/** 回收站: soft-deleted organisations, members, meetings, talks, appraisals and rectification items; restore; purge (hard delete). */
import { MEETING_TYPE_SHORT, ORG_LEVEL_LABELS, RECTIFICATION_LIST_KIND_LABELS, TALK_TYPE_LABELS, type RecordMeta } from '../../shared/model';
import type { Table } from 'dexie';
import type { PartyMinutesDB } from './database';
import { getInstallationId, nowIso, stampMeta, type WriteOptions } from './meta';
import { DbError } from './validate';

export type RecycleTable = 'organisations' | 'members' | 'meetings' | 'talks' | 'appraisals' | 'rectifications';

/** The record tables of schema v3 that carry an orgId and share one restore path. */
const ORG_RECORD_TABLES = ['talks', 'appraisals', 'rectifications'] as const;
type OrgRecordTable = (typeof ORG_RECORD_TABLES)[number];
const isOrgRecordTable = (t: RecycleTable): t is OrgRecordTable => (ORG_RECORD_TABLES as readonly string[]).includes(t);

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
  return db.transaction('r', [db.organisations, db.members, db.meetingIndex, db.talks, db.appraisals, db.rectifications], async () => {
    const [orgs, members, meetings, allOrgs, talks, appraisals, rectifications] = await Promise.all([
      db.organisations.where('deletedAt').above('').toArray(),
      db.members.where('deletedAt').above('').toArray(),
      db.meetingIndex.where('[live+date]').between([0, ''], [0, '\uffff'], true, true).toArray(),
      db.organisations.toArray(),
      db.talks.where('deletedAt').above('').toArray(),
      db.appraisals.where('deletedAt').above('').toArray(),
      db.rectifications.where('deletedAt').above('').toArray(),
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
      // Talks: who and when only (contents are sensitive).
      ...talks.map((t) => ({
        table: 'talks' as const,
        id: t.id,
        label: `${TALK_TYPE_LABELS[t.type]}：${t.interviewer.name}—${t.interviewees.map((p) => p.name).slice(0, 3).join('、')}${t.interviewees.length > 3 ? '等' : ''}`,
        detail: [orgName.get(t.orgId), t.date].filter(Boolean).join(' · '),
        deletedAt: t.deletedAt!,
      })),
      ...appraisals.map((a) => ({
        table: 'appraisals' as const,
        id: a.id,
        label: `${orgName.get(a.orgId) ?? ''} ${a.annualYear}年度民主评议党员`.trim(),
        detail: a.date,
        deletedAt: a.deletedAt!,
      })),
      ...rectifications.map((r) => ({
        table: 'rectifications' as const,
        id: r.id,
        label: `整改事项：${r.problem.length > 40 ? `${r.problem.slice(0, 40)}…` : r.problem}`,
        detail: [orgName.get(r.orgId), `${r.annualYear}年度`, r.listKind === 'team' ? RECTIFICATION_LIST_KIND_LABELS.team : r.personName].filter(Boolean).join(' · '),
        deletedAt: r.deletedAt!,
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
  await db.transaction('rw', [db.organisations, db.members, db.meetings, db.meetingIndex, db.talks, db.appraisals, db.rectifications], async () => {
    if (isOrgRecordTable(table)) {
      const t = db.table(table) as Table<RecordMeta & { orgId: string }, string>;
      const r = await t.get(id);
      if (!r?.deletedAt) throw new DbError('回收站中没有这条记录');
      await requireLiveOrg(db, r.orgId, '所属党组织');
      await t.put({ ...r, ...stampMeta(r, me, now), deletedAt: null });
    } else if (table === 'organisations') {
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
  await db.transaction('rw', [db.organisations, db.members, db.meetings, db.meetingIndex, db.talks, db.appraisals, db.rectifications, db.purged], async () => {
    const t = db.table(table) as Table<RecordMeta, string>;
    const rec = await t.get(id);
    if (!rec) throw new DbError('回收站中没有这条记录');
    if (!rec.deletedAt) throw new DbError('只能彻底删除回收站中的记录，请先删除该记录');
    await t.delete(id);
    await db.purged.put({ id, table, vv: { ...rec.vv }, purgedAt: now });
  });
}
