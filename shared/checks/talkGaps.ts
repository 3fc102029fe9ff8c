/**
 * Check 24: 谈心谈话 coverage before the 组织生活会 (domain §2.6 step 4, §2.8), as a list of gaps
 * for the dashboard. The coverage rules themselves live in shared/rules/talkCoverage.ts (the same
 * matrix the 谈心谈话 screen draws): 书记 ↔ every 委员 and member; 委员 pairwise; every ordinary
 * member at least one talk with another ordinary member. Only who and when are read.
 */
import type { Member, Organisation } from '../model';
import { talkCoverage } from '../rules/talkCoverage';
import type { TalkFacts } from './types';

export interface TalkGap {
  kind: 'secretary' | 'committee' | 'member';
  /** Secretary / first committee member / the member without a talk. */
  memberId: string;
  otherMemberId?: string;
}

export function findTalkGaps(org: Organisation, members: readonly Member[], talks: readonly TalkFacts[], from: string, to: string): TalkGap[] {
  const cov = talkCoverage({ org, members, talks }, { from, to });
  const role = new Map(cov.people.map((p) => [p.id, p.role]));
  const out: TalkGap[] = [];
  for (const g of cov.gaps) {
    if (g.kind === 'peer') {
      out.push({ kind: 'member', memberId: g.personId });
    } else if (role.get(g.a) === 'secretary' || role.get(g.b) === 'secretary') {
      const [s, other] = role.get(g.a) === 'secretary' ? [g.a, g.b] : [g.b, g.a];
      out.push({ kind: 'secretary', memberId: s, otherMemberId: other });
    } else {
      out.push({ kind: 'committee', memberId: g.a, otherMemberId: g.b });
    }
  }
  return out;
}
