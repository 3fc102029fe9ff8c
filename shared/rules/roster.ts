/**
 * The roster as it was on a date (pure): status, branch / group, committee seats. One copy for the
 * checks engine (shared/checks), the rules and the database layer (renderer/db/roster.ts re-exports).
 */
import { COMMITTEE_ROLES, type CommitteeSeat, type Member, type MembershipPeriod, type MemberStatus, type Organisation } from '../model';

/** Status on `date` from statusHistory (null when the person was not yet in the pipeline). */
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

/** The membership period covering `date`, if any. */
export function membershipOn(member: Pick<Member, 'memberships'>, date: string): MembershipPeriod | null {
  return member.memberships.find((p) => p.from <= date && (p.to === undefined || date <= p.to)) ?? null;
}

/** Committee seats held on `date`, 书记 first (COMMITTEE_ROLES order). */
export function seatsOn(org: Pick<Organisation, 'committee'>, date: string): CommitteeSeat[] {
  return org.committee
    .filter((s) => (s.from === undefined || s.from <= date) && (s.to === undefined || date <= s.to))
    .sort((a, b) => COMMITTEE_ROLES.indexOf(a.role) - COMMITTEE_ROLES.indexOf(b.role));
}
