/** Party organisations: the tree 机关党委 → (党总支) → 党支部 → 党小组, and committee seats. */
import {
  ORG_CHILD_LEVELS,
  ORG_LEVEL_LABELS,
  organisationSchema,
  type CommitteeSeat,
  type Organisation,
  type OrganisationFields,
} from '../../shared/model';
import type { PartyMinutesDB } from './database';
import { getInstallationId, nowIso, stampMeta, type WriteOptions } from './meta';
import { collator, dayBefore } from './roster';
import { DbError, parseOrThrow } from './validate';

const WHAT = '组织信息';
const LABELS = { name: '组织简称', order: '排序' };

export type OrganisationInput = Omit<OrganisationFields, 'committee' | 'order'> &
  Partial<Pick<OrganisationFields, 'committee' | 'order'>>;

export interface OrgNode {
  org: Organisation;
  children: OrgNode[];
}

export async function getOrganisation(db: PartyMinutesDB, id: string): Promise<Organisation | undefined> {
  return db.organisations.get(id);
}

/** Live organisations (or all, with tombstones), siblings by `order`. */
export async function listOrganisations(db: PartyMinutesDB, opts: { includeDeleted?: boolean } = {}): Promise<Organisation[]> {
  const all = await db.organisations.toArray();
  return all
    .filter((o) => opts.includeDeleted || !o.deletedAt)
    .sort((a, b) => a.order - b.order || collator.compare(a.name, b.name));
}

/** Live organisations as a tree (roots: organisations without a live parent). */
export async function organisationTree(db: PartyMinutesDB): Promise<OrgNode[]> {
  const orgs = await listOrganisations(db);
  const nodes = new Map(orgs.map((o) => [o.id, { org: o, children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const o of orgs) {
    const node = nodes.get(o.id)!;
    const parent = o.parentId ? nodes.get(o.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The organisation and all its live descendants. */
export async function descendantIds(db: PartyMinutesDB, id: string): Promise<string[]> {
  const orgs = await listOrganisations(db);
  const kids = new Map<string, string[]>();
  for (const o of orgs) if (o.parentId) kids.set(o.parentId, [...(kids.get(o.parentId) ?? []), o.id]);
  const out: string[] = [];
  const stack = [id];
  while (stack.length) {
    const cur = stack.pop()!;
    if (out.includes(cur)) continue;
    out.push(cur);
    stack.push(...(kids.get(cur) ?? []));
  }
  return out;
}

async function checkPlacement(db: PartyMinutesDB, self: Pick<Organisation, 'id' | 'level' | 'parentId'>): Promise<void> {
  if (!self.parentId) {
    if (self.level === 'group') throw new DbError('党小组必须设在党支部下，请选择所属党支部');
    return;
  }
  const parent = await db.organisations.get(self.parentId);
  if (!parent || parent.deletedAt) throw new DbError('上级组织不存在或已删除，请重新选择上级组织');
  if (!ORG_CHILD_LEVELS[parent.level].includes(self.level)) {
    throw new DbError(`${ORG_LEVEL_LABELS[parent.level]}下不能设立${ORG_LEVEL_LABELS[self.level]}，请重新选择上级组织或层级`);
  }
  // No cycles: walking up from the parent must never reach self.
  let cur: Organisation | undefined = parent;
  for (let guard = 0; cur && guard < 100; guard++) {
    if (cur.id === self.id) throw new DbError('不能把组织移到它自己的下级组织之下');
    cur = cur.parentId ? await db.organisations.get(cur.parentId) : undefined;
  }
}

export async function createOrganisation(db: PartyMinutesDB, input: OrganisationInput, opts?: WriteOptions): Promise<Organisation> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  return db.transaction('rw', db.organisations, db.members, async () => {
    const meta = stampMeta(undefined, me, now);
    let order = input.order;
    if (order === undefined) {
      const siblings = await db.organisations.where('parentId').equals(input.parentId ?? '').toArray();
      const roots = input.parentId ? [] : (await db.organisations.toArray()).filter((o) => !o.parentId);
      order = Math.max(0, ...[...siblings, ...roots].map((o) => o.order)) + 1;
    }
    const org = parseOrThrow(organisationSchema, { ...input, committee: input.committee ?? [], order, ...meta }, WHAT, LABELS);
    await checkPlacement(db, org);
    await checkSeats(db, org, org.committee);
    await db.organisations.add(org);
    return org;
  });
}

/** Changes fields (name, full name, parent, order, term, note …). Committee seats: setCommittee. */
export async function updateOrganisation(
  db: PartyMinutesDB,
  id: string,
  patch: Partial<Omit<OrganisationFields, 'committee'>>,
  opts?: WriteOptions,
): Promise<Organisation> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  return db.transaction('rw', db.organisations, async () => {
    const prev = await liveOrg(db, id);
    if (patch.level && patch.level !== prev.level) {
      const kids = await db.organisations.where('parentId').equals(id).filter((o) => !o.deletedAt).toArray();
      if (kids.some((k) => !ORG_CHILD_LEVELS[patch.level!].includes(k.level))) {
        throw new DbError('该组织下的下级组织与新层级不相符，请先调整下级组织');
      }
    }
    const next = parseOrThrow(organisationSchema, { ...prev, ...patch, ...stampMeta(prev, me, now) }, WHAT, LABELS);
    if (next.parentId !== prev.parentId || next.level !== prev.level) await checkPlacement(db, next);
    await db.organisations.put(next);
    return next;
  });
}

async function liveOrg(db: PartyMinutesDB, id: string): Promise<Organisation> {
  const org = await db.organisations.get(id);
  if (!org) throw new DbError('找不到该组织，可能已被彻底删除');
  if (org.deletedAt) throw new DbError('该组织在回收站中，请先恢复后再修改');
  return org;
}

async function checkSeats(db: PartyMinutesDB, org: Organisation, seats: readonly CommitteeSeat[]): Promise<void> {
  if (seats.length === 0) return;
  const current = seats.filter((s) => s.to === undefined);
  const leaders = current.filter((s) => s.role === 'secretary');
  if (leaders.length > 1) {
    throw new DbError(org.level === 'group' ? '一个党小组只能有一名现任组长' : '一个组织只能有一名现任书记，请把前任的任职截止日期填上');
  }
  const ids = new Set<string>();
  for (const s of current) {
    if (ids.has(s.memberId)) throw new DbError('同一名党员在支委会中只能担任一个现任职务');
    ids.add(s.memberId);
  }
  for (const s of seats) {
    if (s.from && s.to && s.to < s.from) throw new DbError('任职截止日期不能早于起始日期');
    const m = await db.members.get(s.memberId);
    if (!m || m.deletedAt) throw new DbError('支委会成员中有人不在党员名册中（可能已删除），请重新选择');
    if (s.to !== undefined) continue;
    if (org.level === 'branch' && m.branchId !== org.id) throw new DbError(`${m.name}不是本支部党员，不能担任本支部支委`);
    if (org.level === 'group' && m.groupId !== org.id) throw new DbError(`${m.name}不是本党小组成员，不能担任组长`);
    if (m.status !== 'full' && m.status !== 'probationary') throw new DbError(`${m.name}还不是党员，不能担任支委`);
  }
}

/**
 * Replaces the committee seats (支委会 / 党小组组长 as role secretary). Ended seats keep `to`,
 * so past 支委会 attendance is rebuilt correctly.
 */
export async function setCommittee(db: PartyMinutesDB, orgId: string, seats: CommitteeSeat[], opts?: WriteOptions): Promise<Organisation> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  return db.transaction('rw', db.organisations, db.members, async () => {
    const prev = await liveOrg(db, orgId);
    const next = parseOrThrow(organisationSchema, { ...prev, committee: seats, ...stampMeta(prev, me, now) }, WHAT, LABELS);
    await checkSeats(db, next, next.committee);
    await db.organisations.put(next);
    return next;
  });
}

/** Ends a seat on `date` (换届 / 调离): the seat stays in the history with `to` = the day before. */
export function endSeat(seats: readonly CommitteeSeat[], memberId: string, date: string): CommitteeSeat[] {
  return seats.map((s) => (s.memberId === memberId && s.to === undefined ? { ...s, to: dayBefore(date) } : s));
}

/** What is still inside an organisation (blocks deletion). */
export async function organisationContents(db: PartyMinutesDB, id: string): Promise<{ children: number; members: number; meetings: number }> {
  const children = await db.organisations.where('parentId').equals(id).filter((o) => !o.deletedAt).count();
  const inBranch = await db.members.where('branchId').equals(id).filter((m) => !m.deletedAt).primaryKeys();
  const inGroup = await db.members.where('groupId').equals(id).filter((m) => !m.deletedAt).primaryKeys();
  const members = new Set([...inBranch, ...inGroup]).size;
  const meetings = await db.meetingIndex.where('[live+orgId+date]').between([1, id, ''], [1, id, '\uffff']).count();
  return { children, members, meetings };
}

/** Soft delete (回收站). Refused while the organisation still has live sub-organisations, members or meetings. */
export async function deleteOrganisation(db: PartyMinutesDB, id: string, opts?: WriteOptions): Promise<void> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  await db.transaction('rw', db.organisations, db.members, db.meetingIndex, async () => {
    const prev = await liveOrg(db, id);
    const c = await organisationContents(db, id);
    if (c.children || c.members || c.meetings) {
      const kids = c.children ? `${c.children} 个下级组织、` : '';
      throw new DbError(`该组织下还有 ${kids}${c.members} 名党员和 ${c.meetings} 条会议记录，请先转移或删除后再删除组织`);
    }
    await db.organisations.put({ ...prev, ...stampMeta(prev, me, now), deletedAt: now });
  });
}
