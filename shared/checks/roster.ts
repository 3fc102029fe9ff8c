/**
 * Roster look-ups the checks need (pure; the renderer has richer versions in renderer/db/roster.ts,
 * which shared code may not import).
 */
import { ACTIVE_STANDINGS, PARTY_MEMBER_STATUSES, type CommitteeSeat, type Member, type MemberStatus, type Organisation } from '../model';

export function statusOn(member: Pick<Member, 'status' | 'statusHistory'>, date: string): MemberStatus | null {
  if (member.statusHistory.length === 0) return member.status;
  let found: MemberStatus | null = null;
  let foundFrom = '';
  for (const s of member.statusHistory) {
    if (s.from <= date && s.from >= foundFrom) {
      found = s.status;
      foundFrom = s.from;
    }
  }
  return found;
}

/** Branch (and group) the member belonged to on `date`, or null. */
export function placeOn(member: Pick<Member, 'memberships'>, date: string): { branchId: string; groupId: string | null } | null {
  const p = member.memberships.find((x) => x.from <= date && (x.to === undefined || date <= x.to));
  return p ? { branchId: p.branchId, groupId: p.groupId } : null;
}

export function seatsOn(org: Pick<Organisation, 'committee'>, date: string): CommitteeSeat[] {
  return org.committee.filter((s) => (s.from === undefined || s.from <= date) && (s.to === undefined || date <= s.to));
}

/** Seats held at any time between `from` and `to`. */
export function seatsDuring(org: Pick<Organisation, 'committee'>, from: string, to: string): CommitteeSeat[] {
  return org.committee.filter((s) => (s.from === undefined || s.from <= to) && (s.to === undefined || from <= s.to));
}

/** Party members (正式 / 预备, active standing) of a branch or group on `date`. */
export function partyMembersOn(
  members: readonly Member[],
  org: Pick<Organisation, 'id' | 'level'>,
  date: string,
): { member: Member; status: MemberStatus }[] {
  const out: { member: Member; status: MemberStatus }[] = [];
  for (const m of members) {
    if (m.deletedAt || !ACTIVE_STANDINGS.includes(m.standing)) continue;
    const p = placeOn(m, date);
    if (!p || (org.level === 'group' ? p.groupId !== org.id : p.branchId !== org.id)) continue;
    const status = statusOn(m, date);
    if (!status || !PARTY_MEMBER_STATUSES.includes(status)) continue;
    out.push({ member: m, status });
  }
  return out;
}
