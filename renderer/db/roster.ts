/**
 * Roster arithmetic (pure): who belonged to a branch or 党小组 on a date, with the status they had
 * then, and the attendance list a meeting starts from. Data flows roster → attendance (design §2).
 */
import {
  ACTIVE_STANDINGS,
  COMMITTEE_ROLES,
  COMMITTEE_ROLE_LABELS,
  PARTY_MEMBER_STATUSES,
  type AttendanceEntry,
  type CommitteeSeat,
  type MeetingType,
  type Member,
  type MemberFields,
  type MemberStatus,
  type Organisation,
  type PartyStanding,
} from '../../shared/model';
import { DbError } from './validate';

export const collator = new Intl.Collator('zh-CN');

/** 2025-03-01 → 2025-02-28 */
export function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

import { membershipOn, seatsOn, statusOn } from '../../shared/rules/roster';

export { membershipOn, seatsOn, statusOn };

export interface RosterEntry {
  member: Member;
  /** Status on the date (from statusHistory). */
  status: MemberStatus;
  /**
   * Standing on the date. The model keeps no standing history: members whose current standing is
   * active report it; members who have since left (转出/死亡/…) are listed for dates inside a closed
   * membership period, as 正常.
   */
  standing: PartyStanding;
  branchId: string;
  groupId: string | null;
}

/** Pure roster: `org` is a branch (members of the branch) or a 党小组 (members of the group). */
export function rosterFromMembers(members: readonly Member[], org: Pick<Organisation, 'id' | 'level'>, date: string): RosterEntry[] {
  const out: RosterEntry[] = [];
  for (const m of members) {
    if (m.deletedAt) continue;
    const period = membershipOn(m, date);
    if (!period) continue;
    if (org.level === 'group' ? period.groupId !== org.id : period.branchId !== org.id) continue;
    const status = statusOn(m, date);
    if (!status) continue;
    let standing: PartyStanding;
    if (ACTIVE_STANDINGS.includes(m.standing)) standing = m.standing;
    else if (period.to !== undefined) standing = 'normal';
    else continue;
    out.push({ member: m, status, standing, branchId: period.branchId, groupId: period.groupId });
  }
  return out.sort((a, b) => collator.compare(a.member.name, b.member.name) || (a.member.id < b.member.id ? -1 : 1));
}

function seatTitle(org: Pick<Organisation, 'level'>, seat: CommitteeSeat): string {
  return org.level === 'group' && seat.role === 'secretary' ? '组长' : COMMITTEE_ROLE_LABELS[seat.role];
}

function entryFor(
  r: Pick<RosterEntry, 'member' | 'status' | 'standing'>,
  title: string,
  isCommittee: boolean,
  makeId: () => string,
): AttendanceEntry {
  const mobile = r.member.isMobile;
  return {
    id: makeId(),
    kind: 'member',
    memberId: r.member.id,
    name: r.member.name,
    title: title.slice(0, 60),
    status: r.status,
    standing: r.standing,
    isCommittee,
    // 流动党员: the known fact is pre-filled; the secretary changes it if they came.
    presence: mobile ? 'leave' : 'present',
    reason: mobile ? `流动党员${r.member.mobileNote ? `：${r.member.mobileNote}` : ''}`.slice(0, 200) : '',
  };
}

/**
 * Expected attendees of a meeting (pure):
 * - 支委会: committee seats held on the date (isCommittee true), org must be a branch;
 * - 党小组会: party members (正式/预备) of the 党小组 on the date, org must be a group;
 * - others: party members (正式/预备) of the branch on the date.
 * 积极分子 / 发展对象 are never expected attendees (add them as 列席 guests).
 */
export function buildAttendance(
  org: Organisation,
  members: readonly Member[],
  date: string,
  type: MeetingType,
  makeId: () => string,
): AttendanceEntry[] {
  if (type === 'group' && org.level !== 'group') throw new DbError('党小组会只能在党小组下记录，请先选择党小组');
  if (type !== 'group' && org.level !== 'branch') throw new DbError('该类会议只能在党支部下记录，请先选择党支部');
  if (type === 'committee') {
    const byId = new Map(members.filter((m) => !m.deletedAt).map((m) => [m.id, m]));
    const out: AttendanceEntry[] = [];
    const seen = new Set<string>();
    for (const seat of seatsOn(org, date)) {
      const m = byId.get(seat.memberId);
      if (!m || seen.has(m.id)) continue;
      seen.add(m.id);
      const status = statusOn(m, date) ?? m.status;
      const standing: PartyStanding = ACTIVE_STANDINGS.includes(m.standing) ? m.standing : 'normal';
      out.push(entryFor({ member: m, status, standing }, seatTitle(org, seat), true, makeId));
    }
    return out;
  }
  const seats = seatsOn(org, date);
  const seatOf = new Map(seats.map((s) => [s.memberId, s]));
  const roster = rosterFromMembers(members, org, date).filter((r) => PARTY_MEMBER_STATUSES.includes(r.status));
  const rank = (r: RosterEntry) => {
    const s = seatOf.get(r.member.id);
    return s ? COMMITTEE_ROLES.indexOf(s.role) : COMMITTEE_ROLES.length;
  };
  return roster
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map(({ r }) => {
      const seat = seatOf.get(r.member.id);
      return entryFor(r, seat ? seatTitle(org, seat) : (r.member.adminPost ?? ''), false, makeId);
    });
}

/**
 * Name as shown in lists: the plain name, or — when another live member has the same name —
 * 王伟（办公室，1985年生） so the secretary can tell them apart.
 */
export function displayName(member: Pick<Member, 'id' | 'name' | 'department' | 'birthDate'>, all: readonly Pick<Member, 'id' | 'name' | 'deletedAt'>[]): string {
  const clash = all.some((o) => o.id !== member.id && !o.deletedAt && o.name === member.name);
  if (!clash) return member.name;
  const bits = [member.department, member.birthDate ? `${member.birthDate.slice(0, 4)}年生` : undefined].filter(Boolean);
  return bits.length ? `${member.name}（${bits.join('，')}）` : member.name;
}

/** displayName for every member at once: id → name. */
export function displayNames(all: readonly Member[]): Map<string, string> {
  const live = all.filter((m) => !m.deletedAt);
  return new Map(all.map((m) => [m.id, displayName(m, live)]));
}

/**
 * Status history implied by the pipeline dates (积极分子 → 发展对象 → 预备 → 正式), ending with the
 * current status; used when a member is entered without an explicit history.
 */
export function deriveStatusHistory(f: Pick<MemberFields, 'status' | 'activistDate' | 'candidateDate' | 'joinDate' | 'fullMemberDate'>, fallbackFrom: string): MemberFields['statusHistory'] {
  const order: MemberStatus[] = ['applicant', 'activist', 'candidate', 'probationary', 'full'];
  const dates: Partial<Record<MemberStatus, string | undefined>> = {
    activist: f.activistDate,
    candidate: f.candidateDate,
    probationary: f.joinDate,
    full: f.fullMemberDate,
  };
  const upto = order.indexOf(f.status);
  const hist: MemberFields['statusHistory'] = [];
  for (let i = 0; i <= upto; i++) {
    const s = order[i];
    const d = dates[s];
    if (d && (hist.length === 0 || d >= hist[hist.length - 1].from)) hist.push({ status: s, from: d });
  }
  if (hist.length === 0 || hist[hist.length - 1].status !== f.status) {
    // Current status without its date: it holds from the last known step (or the fallback).
    hist.push({ status: f.status, from: hist.length ? hist[hist.length - 1].from : fallbackFrom });
  }
  return hist;
}
