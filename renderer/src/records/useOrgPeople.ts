/**
 * People of one branch for the 谈心谈话 pickers: current members (live, active standing) with the
 * Party post they hold on the committee and their 政治面貌 as printed on a talk record.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { displayNames, listMembers, listMembersByBranch, talkPartyOf } from '../../db';
import { ACTIVE_STANDINGS, type MemberStatus, type TalkParty } from '../../../shared/model';
import { useDb } from '../dbContext';
import { todayString } from '../common/dates';

export interface OrgPerson {
  memberId: string;
  /** Unique label for lists (same-name members told apart). */
  label: string;
  name: string;
  post: string;
  politicalStatus: string;
  status: MemberStatus;
}

export function partyOf(p: OrgPerson): TalkParty {
  return { memberId: p.memberId, name: p.name, post: p.post, politicalStatus: p.politicalStatus };
}

/** undefined while loading. */
export function useOrgPeople(orgId: string | null | undefined): OrgPerson[] | undefined {
  const db = useDb();
  const data = useLiveQuery(async () => {
    if (!orgId) return { members: [], names: new Map<string, string>(), org: undefined };
    const [members, all, org] = await Promise.all([listMembersByBranch(db, orgId), listMembers(db), db.organisations.get(orgId)]);
    return { members, names: displayNames(all), org };
  }, [db, orgId]);
  return useMemo(() => {
    if (!data) return undefined;
    const today = todayString();
    return data.members
      .filter((m) => ACTIVE_STANDINGS.includes(m.standing))
      .map((m) => {
        const party = talkPartyOf(m, data.org, today);
        return { memberId: m.id, label: data.names.get(m.id) ?? m.name, name: m.name, post: party.post, politicalStatus: party.politicalStatus, status: m.status };
      });
  }, [data]);
}
