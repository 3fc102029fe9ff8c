/** Roster look-ups the checks need (pure); the date look-ups themselves live in shared/rules/roster.ts. */
import { ACTIVE_STANDINGS, PARTY_MEMBER_STATUSES, type CommitteeSeat, type Member, type MemberStatus, type Organisation } from '../model';
import { membershipOn, statusOn } from '../rules/roster';

export { statusOn, seatsOn } from '../rules/roster';

/** Branch (and group) the member belonged to on `date`, or null. */
export function placeOn(member: Pick<Member, 'memberships'>, date: string): { branchId: string; groupId: string | null } | null {
  const p = membershipOn(member, date);
  return p ? { branchId: p.branchId, groupId: p.groupId } : null;
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
