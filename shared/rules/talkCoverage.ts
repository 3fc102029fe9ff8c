/**
 * 谈心谈话 coverage (domain §2.6 step 4, §2.8, §5.2 item 24), as a matrix the screen can draw.
 *
 * Required: 书记 ↔ every 委员 and every member; 委员 ↔ 委员 (pairwise); and every ordinary member
 * needs at least one talk with another ordinary member (not a particular one, so member ↔ member
 * cells are never required individually: the per-person requirement is in `peer`).
 *
 * People are the Party members (正式 / 预备) who belonged to the organisation at some time in the
 * window; someone who joined or left mid-window is expected only for the part they belonged
 * (`period`), and a pair whose periods do not overlap is `outside_period`. A talk counts when its
 * date is in the window, regardless of direction; a 集体谈话 covers interviewer ↔ each interviewee.
 */
import { PARTY_MEMBER_STATUSES, type Member, type MemberStatus, type Organisation, type Talk } from '../model';
import { addDays } from './issues';

export interface CoverageWindow {
  from: string;
  to: string;
}

/** The calendar year. */
export function yearWindow(year: number): CoverageWindow {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** `days` days before `date` up to and including `date` (e.g. settings.talkWindowDays before a 组织生活会). */
export function windowBefore(date: string, days: number): CoverageWindow {
  return { from: addDays(date, -days), to: date };
}

export type CoverageRole = 'secretary' | 'committee' | 'member';

export interface CoveragePerson {
  id: string;
  name: string;
  role: CoverageRole;
  /** The part of the window in which the person belonged as a Party member. */
  period: CoverageWindow;
  /** Joined or left inside the window. */
  partial: boolean;
}

export type CellStatus = 'covered' | 'gap' | 'not_required' | 'outside_period';

export interface CoverageCell {
  /** Person ids; `a` comes before `b` in `people`. */
  a: string;
  b: string;
  required: boolean;
  /** Talks in the window covering the pair, by date. */
  talks: string[];
  status: CellStatus;
}

export interface PeerRequirement {
  personId: string;
  /** False when no other ordinary member overlapped this member's period. */
  required: boolean;
  /** Talks with another ordinary member. */
  talks: string[];
  met: boolean;
}

export type CoverageGap =
  | { kind: 'pair'; a: string; b: string; message: string }
  | { kind: 'peer'; personId: string; message: string };

export interface TalkCoverage {
  window: CoverageWindow;
  /** 书记 first, then 委员, then members (by name). */
  people: CoveragePerson[];
  /** One cell per unordered pair (upper triangle in `people` order). */
  cells: CoverageCell[];
  peer: PeerRequirement[];
  summary: {
    people: number;
    requiredPairs: number;
    coveredPairs: number;
    gapPairs: number;
    peerRequired: number;
    peerMet: number;
    /** Talks in the window that involve at least one person of the matrix. */
    talksCounted: number;
    /** Every requirement met. */
    complete: boolean;
  };
  gaps: CoverageGap[];
}

export interface TalkCoverageInput {
  org: Pick<Organisation, 'id' | 'level' | 'committee'>;
  /** All members (others and deleted ones are skipped). */
  members: readonly Pick<Member, 'id' | 'name' | 'status' | 'statusHistory' | 'memberships' | 'deletedAt'>[];
  talks: readonly Pick<Talk, 'id' | 'date' | 'interviewer' | 'interviewees' | 'deletedAt'>[];
}

const coll = new Intl.Collator('zh-CN');
const maxS = (a: string, b: string) => (a > b ? a : b);
const minS = (a: string, b: string) => (a < b ? a : b);

/** First date the member held a Party-member status (正式 / 预备), or null if never. */
function partyFrom(m: Pick<Member, 'status' | 'statusHistory'>): string | null {
  if (m.statusHistory.length === 0) return PARTY_MEMBER_STATUSES.includes(m.status) ? '0000-01-01' : null;
  let first: string | null = null;
  for (const s of m.statusHistory) {
    if (PARTY_MEMBER_STATUSES.includes(s.status as MemberStatus) && (first === null || s.from < first)) first = s.from;
  }
  return first;
}

/** The span (inside the window) in which the member belonged to `org` as a Party member. */
function periodIn(
  m: TalkCoverageInput['members'][number],
  org: TalkCoverageInput['org'],
  w: CoverageWindow,
): CoverageWindow | null {
  const since = partyFrom(m);
  if (since === null) return null;
  let from: string | null = null;
  let to: string | null = null;
  for (const p of m.memberships) {
    const mine = org.level === 'group' ? p.groupId === org.id : p.branchId === org.id;
    if (!mine) continue;
    const f = maxS(maxS(p.from, w.from), since);
    const t = minS(p.to ?? '9999-12-31', w.to);
    if (f > t) continue;
    from = from === null ? f : minS(from, f);
    to = to === null ? t : maxS(to, t);
  }
  return from !== null && to !== null ? { from, to } : null;
}

function roleIn(org: TalkCoverageInput['org'], memberId: string, p: CoverageWindow): CoverageRole | null {
  let role: CoverageRole | null = null;
  for (const s of org.committee) {
    if (s.memberId !== memberId) continue;
    if ((s.from && s.from > p.to) || (s.to && s.to < p.from)) continue;
    if (s.role === 'secretary') return 'secretary';
    role = 'committee';
  }
  return role;
}

const RANK: Record<CoverageRole, number> = { secretary: 0, committee: 1, member: 2 };

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function talkCoverage(input: TalkCoverageInput, window: CoverageWindow): TalkCoverage {
  const people: CoveragePerson[] = [];
  for (const m of input.members) {
    if (m.deletedAt) continue;
    const period = periodIn(m, input.org, window);
    if (!period) continue;
    const role = roleIn(input.org, m.id, period) ?? 'member';
    people.push({ id: m.id, name: m.name, role, period, partial: period.from !== window.from || period.to !== window.to });
  }
  people.sort((x, y) => RANK[x.role] - RANK[y.role] || coll.compare(x.name, y.name) || (x.id < y.id ? -1 : 1));
  const byId = new Map(people.map((p) => [p.id, p]));
  // Names typed without a roster link count when they name exactly one person of the matrix.
  const byName = new Map<string, string | null>();
  for (const p of people) byName.set(p.name.trim(), byName.has(p.name.trim()) ? null : p.id);
  const resolve = (party: { memberId: string | null; name: string }): string | null => {
    if (party.memberId) return byId.has(party.memberId) ? party.memberId : null;
    return byName.get(party.name.trim()) ?? null;
  };

  const talksOf = new Map<string, string[]>();
  let talksCounted = 0;
  const sorted = [...input.talks].filter((t) => !t.deletedAt && t.date >= window.from && t.date <= window.to).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (const t of sorted) {
    const a = resolve(t.interviewer);
    let involved = a !== null;
    for (const party of t.interviewees) {
      const b = resolve(party);
      if (b !== null) involved = true;
      if (a === null || b === null || a === b) continue;
      const k = pairKey(a, b);
      const list = talksOf.get(k) ?? [];
      if (!list.includes(t.id)) list.push(t.id);
      talksOf.set(k, list);
    }
    if (involved) talksCounted++;
  }

  const cells: CoverageCell[] = [];
  const gaps: CoverageGap[] = [];
  let requiredPairs = 0;
  let coveredPairs = 0;
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) {
      const a = people[i];
      const b = people[j];
      const talks = talksOf.get(pairKey(a.id, b.id)) ?? [];
      const overlap = maxS(a.period.from, b.period.from) <= minS(a.period.to, b.period.to);
      const required = overlap && (a.role === 'secretary' || b.role === 'secretary' || (a.role === 'committee' && b.role === 'committee'));
      let status: CellStatus;
      if (talks.length) status = 'covered';
      else if (!overlap) status = 'outside_period';
      else status = required ? 'gap' : 'not_required';
      if (required) {
        requiredPairs++;
        if (talks.length) coveredPairs++;
        else {
          const rule = a.role === 'secretary' || b.role === 'secretary' ? '书记与每名支委、党员' : '支委之间';
          gaps.push({ kind: 'pair', a: a.id, b: b.id, message: `${a.name}与${b.name}尚无谈心谈话记录（${rule}每年至少谈一次）` });
        }
      }
      cells.push({ a: a.id, b: b.id, required, talks, status });
    }
  }

  const peer: PeerRequirement[] = [];
  for (const p of people) {
    if (p.role !== 'member') continue;
    const others = people.filter(
      (o) => o.id !== p.id && o.role === 'member' && maxS(o.period.from, p.period.from) <= minS(o.period.to, p.period.to),
    );
    const talks = [...new Set(others.flatMap((o) => talksOf.get(pairKey(p.id, o.id)) ?? []))].sort();
    const required = others.length > 0;
    const met = !required || talks.length > 0;
    peer.push({ personId: p.id, required, talks, met });
    if (!met) gaps.push({ kind: 'peer', personId: p.id, message: `${p.name}尚未与其他党员开展谈心谈话` });
  }
  const peerRequired = peer.filter((x) => x.required).length;
  const peerMet = peer.filter((x) => x.required && x.met).length;
  return {
    window,
    people,
    cells,
    peer,
    summary: {
      people: people.length,
      requiredPairs,
      coveredPairs,
      gapPairs: requiredPairs - coveredPairs,
      peerRequired,
      peerMet,
      talksCounted,
      complete: coveredPairs === requiredPairs && peerMet === peerRequired,
    },
    gaps,
  };
}

/** The cell of two people, whichever order they are given in. */
export function findCell(cov: Pick<TalkCoverage, 'cells'>, a: string, b: string): CoverageCell | undefined {
  return cov.cells.find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a));
}
