/** 党员花名册: members (incl. 积极分子/发展对象), moves between branches, status changes, roster on a date. */
import {
  memberSchema,
  type AttendanceEntry,
  type MeetingType,
  type Member,
  type MemberFields,
  type MemberStatus,
  type MembershipPeriod,
  type Organisation,
  type PartyStanding,
} from '../../shared/model';
import type { PartyMinutesDB } from './database';
import { getInstallationId, newId, nowIso, stampMeta, todayLocal, type WriteOptions } from './meta';
import { buildAttendance, collator, dayBefore, deriveStatusHistory, rosterFromMembers, type RosterEntry } from './roster';
import { DbError, parseOrThrow } from './validate';

const WHAT = '党员信息';
/** Membership start used when nothing better is known (member entered as "always been here"). */
export const EARLIEST_DATE = '1900-01-01';

export type MemberInput = Omit<
  MemberFields,
  'memberships' | 'statusHistory' | 'groupId' | 'standing' | 'isLeadingCadre' | 'isMobile' | 'isLostContact'
> & {
  groupId?: string | null;
  standing?: PartyStanding;
  isLeadingCadre?: boolean;
  isMobile?: boolean;
  isLostContact?: boolean;
  /** Full history if known; otherwise one open period from `since`. */
  memberships?: MembershipPeriod[];
  /** Otherwise derived from activistDate / candidateDate / joinDate / fullMemberDate. */
  statusHistory?: MemberFields['statusHistory'];
  /** First day in this branch when `memberships` is not given (default: transferInDate, else the earliest pipeline date, else 1900-01-01). */
  since?: string;
};

/** Fields changed by updateMember. Branch and group change only through moveMember. */
export type MemberPatch = Partial<Omit<MemberFields, 'branchId' | 'groupId' | 'memberships'>>;

export async function getMember(db: PartyMinutesDB, id: string): Promise<Member | undefined> {
  return db.members.get(id);
}

function byName(a: Member, b: Member): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);
}

/** All members (live only unless includeDeleted), by name. */
export async function listMembers(db: PartyMinutesDB, opts: { includeDeleted?: boolean } = {}): Promise<Member[]> {
  return (await db.members.toArray()).filter((m) => opts.includeDeleted || !m.deletedAt).sort(byName);
}

/** Live members currently in the branch (or, with a 党小组 id, in the group), by name. */
export async function listMembersByBranch(db: PartyMinutesDB, branchOrGroupId: string): Promise<Member[]> {
  const [inBranch, inGroup] = await Promise.all([
    db.members.where('branchId').equals(branchOrGroupId).toArray(),
    db.members.where('groupId').equals(branchOrGroupId).toArray(),
  ]);
  const seen = new Map<string, Member>();
  for (const m of [...inBranch, ...inGroup]) if (!m.deletedAt) seen.set(m.id, m);
  return [...seen.values()].sort(byName);
}

/**
 * Live members whose name (or department) contains `query`. Name matches come first
 * (exact, then prefix, then substring), then department matches.
 */
export async function searchMembers(
  db: PartyMinutesDB,
  query: string,
  opts: { branchId?: string; limit?: number } = {},
): Promise<Member[]> {
  const q = query.trim();
  const all = await listMembers(db);
  const scoped = opts.branchId ? all.filter((m) => m.branchId === opts.branchId) : all;
  if (!q) return scoped.slice(0, opts.limit ?? scoped.length);
  const rank = (m: Member) =>
    m.name === q ? 0 : m.name.startsWith(q) ? 1 : m.name.includes(q) ? 2 : m.department?.includes(q) ? 3 : -1;
  return scoped
    .map((m) => ({ m, r: rank(m) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || byName(a.m, b.m))
    .map((x) => x.m)
    .slice(0, opts.limit ?? Infinity);
}

async function checkBranchAndGroup(db: PartyMinutesDB, branchId: string, groupId: string | null): Promise<Organisation> {
  const branch = await db.organisations.get(branchId);
  if (!branch || branch.deletedAt) throw new DbError('所在党支部不存在或已删除，请重新选择党支部');
  if (branch.level !== 'branch') throw new DbError('党员只能编入党支部，请选择一个党支部');
  if (groupId) {
    const group = await db.organisations.get(groupId);
    if (!group || group.deletedAt) throw new DbError('所在党小组不存在或已删除，请重新选择党小组');
    if (group.level !== 'group' || group.parentId !== branchId) throw new DbError('所选党小组不属于该党支部，请重新选择');
  }
  return branch;
}

function checkMemberships(m: Member): void {
  const open = m.memberships.filter((p) => p.to === undefined);
  if (open.length !== 1) throw new DbError('组织关系记录有误：应当有且只有一段当前所在支部的记录');
  const cur = open[0];
  if (cur.branchId !== m.branchId || (cur.groupId ?? null) !== (m.groupId ?? null)) {
    throw new DbError('组织关系记录与当前所在支部不一致，请使用"调动"功能变更所在支部');
  }
  for (const p of m.memberships) if (p.to !== undefined && p.to < p.from) throw new DbError('组织关系记录有误：截止日期早于起始日期');
}

function defaultSince(input: MemberInput): string {
  if (input.since) return input.since;
  if (input.transferInDate) return input.transferInDate;
  const pipeline = [input.activistDate, input.candidateDate, input.joinDate].filter((d): d is string => !!d).sort();
  return pipeline[0] ?? EARLIEST_DATE;
}

/** Builds a valid member record in memory (no database access). Used by createMember and bulk imports. */
export function buildMember(input: MemberInput, installationId: string, now: string, id?: string): Member {
  const groupId = input.groupId ?? null;
  const since = defaultSince(input);
  const { since: _since, ...fields } = input;
  const candidate = {
    ...fields,
    groupId,
    standing: input.standing ?? 'normal',
    isLeadingCadre: input.isLeadingCadre ?? false,
    isMobile: input.isMobile ?? false,
    isLostContact: input.isLostContact ?? false,
    memberships: input.memberships ?? [{ branchId: input.branchId, groupId, from: since }],
    statusHistory: input.statusHistory ?? deriveStatusHistory(input, since),
    ...stampMeta(undefined, installationId, now, id),
  };
  const m = parseOrThrow(memberSchema, candidate, WHAT);
  checkMemberships(m);
  return m;
}

export async function createMember(db: PartyMinutesDB, input: MemberInput, opts?: WriteOptions): Promise<Member> {
  const me = await getInstallationId(db);
  const m = buildMember(input, me, nowIso(opts));
  return db.transaction('rw', db.members, db.organisations, async () => {
    await checkBranchAndGroup(db, m.branchId, m.groupId);
    await db.members.add(m);
    return m;
  });
}

async function liveMember(db: PartyMinutesDB, id: string): Promise<Member> {
  const m = await db.members.get(id);
  if (!m) throw new DbError('找不到该党员，可能已被彻底删除');
  if (m.deletedAt) throw new DbError('该党员在回收站中，请先恢复后再修改');
  return m;
}

const STATUS_DATE_FIELD: Partial<Record<MemberStatus, 'activistDate' | 'candidateDate' | 'joinDate' | 'fullMemberDate'>> = {
  activist: 'activistDate',
  candidate: 'candidateDate',
  probationary: 'joinDate',
  full: 'fullMemberDate',
};

/**
 * Updates roster fields. A changed `status` is appended to statusHistory from `statusDate`
 * (default today) unless the patch carries its own statusHistory.
 */
export async function updateMember(
  db: PartyMinutesDB,
  id: string,
  patch: MemberPatch,
  opts: WriteOptions & { statusDate?: string } = {},
): Promise<Member> {
  const forbidden = patch as Record<string, unknown>;
  if ('branchId' in forbidden || 'groupId' in forbidden || 'memberships' in forbidden) {
    throw new DbError('变更所在党支部或党小组请使用"调动"功能，以便保留原支部的记录');
  }
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  return db.transaction('rw', db.members, async () => {
    const prev = await liveMember(db, id);
    let statusHistory = patch.statusHistory ?? prev.statusHistory;
    if (patch.status && patch.status !== prev.status && !patch.statusHistory) {
      const from = opts.statusDate ?? todayLocal(opts);
      statusHistory = [...prev.statusHistory.filter((s) => s.from < from), { status: patch.status, from }];
    }
    const next = parseOrThrow(memberSchema, { ...prev, ...patch, statusHistory, ...stampMeta(prev, me, now) }, WHAT);
    checkMemberships(next);
    await db.members.put(next);
    return next;
  });
}

/** 确定积极分子 / 发展对象 / 接收预备党员 / 转正: status from `date`, filling the matching date field if empty. */
export async function changeMemberStatus(
  db: PartyMinutesDB,
  id: string,
  status: MemberStatus,
  date: string,
  opts?: WriteOptions,
): Promise<Member> {
  const prev = await db.members.get(id);
  const field = STATUS_DATE_FIELD[status];
  const patch: MemberPatch = { status };
  if (field && prev && !prev[field]) patch[field] = date;
  return updateMember(db, id, patch, { ...opts, statusDate: date });
}

/**
 * 组织关系调动: closes the current membership period the day before `date` and opens one in the
 * new branch/group from `date`. Past meetings keep their attendance snapshots untouched.
 */
export async function moveMember(
  db: PartyMinutesDB,
  memberId: string,
  toBranchId: string,
  toGroupId: string | null,
  date: string,
  opts?: WriteOptions,
): Promise<Member> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  return db.transaction('rw', db.members, db.organisations, async () => {
    const prev = await liveMember(db, memberId);
    await checkBranchAndGroup(db, toBranchId, toGroupId);
    if (prev.branchId === toBranchId && (prev.groupId ?? null) === (toGroupId ?? null)) {
      throw new DbError('该党员已在所选党支部（党小组），无需调动');
    }
    const cur = prev.memberships.find((p) => p.to === undefined);
    if (!cur) throw new DbError('组织关系记录有误：没有当前所在支部的记录');
    if (date <= cur.from) throw new DbError(`调动日期应晚于进入现支部的日期（${cur.from}）`);
    const memberships: MembershipPeriod[] = [
      ...prev.memberships.map((p) => (p === cur ? { ...p, to: dayBefore(date) } : p)),
      { branchId: toBranchId, groupId: toGroupId, from: date },
    ];
    const next = parseOrThrow(
      memberSchema,
      { ...prev, branchId: toBranchId, groupId: toGroupId, memberships, ...stampMeta(prev, me, now) },
      WHAT,
    );
    await db.members.put(next);
    return next;
  });
}

/** Soft delete (回收站). Refused while the member holds a current committee seat. */
export async function deleteMember(db: PartyMinutesDB, id: string, opts?: WriteOptions): Promise<void> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  await db.transaction('rw', db.members, db.organisations, async () => {
    const prev = await liveMember(db, id);
    const orgs = await db.organisations.filter((o) => !o.deletedAt && o.committee.some((s) => s.memberId === id && s.to === undefined)).toArray();
    if (orgs.length) {
      throw new DbError(`${prev.name}现任${orgs.map((o) => o.name).join('、')}的支委（组长），请先在支委会中卸任后再删除`);
    }
    await db.members.put({ ...prev, ...stampMeta(prev, me, now), deletedAt: now });
  });
}

/**
 * Who belonged to the branch (or 党小组) on `date`, by membership periods, with the status they
 * had then (statusHistory). Members whose standing is not active (停止党籍/出党…) are left out.
 */
export async function rosterOn(db: PartyMinutesDB, branchOrGroupId: string, date: string): Promise<RosterEntry[]> {
  const org = await db.organisations.get(branchOrGroupId);
  if (!org) throw new DbError('找不到该组织');
  return rosterFromMembers(await db.members.toArray(), org, date);
}

/**
 * Expected attendees for a meeting of `meetingType` held by `orgId` on `date` (see buildAttendance):
 * 支委会 → committee seats (isCommittee); 党小组会 → the group's party members; others → the
 * branch's 正式/预备党员. Everyone starts as present (流动党员 as 请假 with the note).
 */
export async function attendanceFromRoster(
  db: PartyMinutesDB,
  orgId: string,
  date: string,
  meetingType: MeetingType,
): Promise<AttendanceEntry[]> {
  const org = await db.organisations.get(orgId);
  if (!org || org.deletedAt) throw new DbError('找不到该组织，或该组织已删除');
  return buildAttendance(org, await db.members.toArray(), date, meetingType, newId);
}

export type { RosterEntry };
