/**
 * Quorum and vote arithmetic (domain §1.2, §2.0, §2.2; 《支部条例》 §11–12).
 *
 * Everything here is integer arithmetic: "more than half of n" is `2 * x > n`, never `x > n / 2`
 * with floats. The counts come from `countAttendance` (rules/attendance.ts); nothing here
 * re-derives who has a vote.
 *
 * - Quorum ("半数以上"): `more_than_half` (default, stricter) or `half_or_more`, per unit setting.
 * - Pass: yes votes must exceed half of N_vr, the voting-right members who SHOULD attend
 *   (应到会有表决权的党员), not half of those present. This never depends on the quorum setting.
 * - Written opinions (书面意见) of absent voting-right members count only for the vote kinds in
 *   `WRITTEN_OPINION_KINDS` (admission, per the 发展党员 practice in domain §2.2).
 * - Elections (换届): voting-right members present must exceed a fraction (default 4/5) of those who
 *   should attend.
 */
import type { QuorumRule, Vote, VoteKind } from '../model';
import type { AttendanceCounts } from './attendance';

/** Vote kinds where written opinions of absent voting-right members are counted (domain §2.2). */
export const WRITTEN_OPINION_KINDS: readonly VoteKind[] = ['admission'];

export function countsWrittenOpinions(kind: VoteKind): boolean {
  return WRITTEN_OPINION_KINDS.includes(kind);
}

/**
 * Smallest number present that satisfies the quorum rule for `expected` people:
 * more than half of 7 → 4, of 6 → 4; half or more of 6 → 3, of 7 → 4.
 * With nobody expected there is no quorum to reach; returns 1 (see `quorumMet`).
 */
export function quorumMinimum(expected: number, rule: QuorumRule): number {
  if (expected <= 0) return 1;
  return rule === 'half_or_more' ? Math.ceil(expected / 2) : Math.floor(expected / 2) + 1;
}

/**
 * Is the quorum met? `present` and `expected` are whole numbers of people.
 * With `expected <= 0` the answer is always false: a meeting with nobody entitled to attend
 * cannot be quorate (otherwise "half or more" of 0 would trivially pass).
 */
export function quorumMet(present: number, expected: number, rule: QuorumRule): boolean {
  if (expected <= 0) return false;
  return rule === 'half_or_more' ? 2 * present >= expected : 2 * present > expected;
}

/** Yes votes needed to pass: more than half of N_vr (floor(N/2) + 1). */
export function passMinimum(votingExpected: number): number {
  return Math.floor(Math.max(0, votingExpected) / 2) + 1;
}

/** The counts that actually go into the tally, with written opinions folded in where they count. */
export interface VoteTally {
  /** Including written opinions when they count. */
  yes: number;
  no: number;
  abstain: number;
  /** Written opinions included in the three numbers above (0 when they do not count). */
  writtenYes: number;
  writtenNo: number;
  writtenAbstain: number;
  writtenCounted: boolean;
  /** Ballots cast in the room: vote.yes + vote.no + vote.abstain. */
  inRoom: number;
  /** Written opinions recorded (whether or not they count for this kind). */
  writtenRecorded: number;
}

export function tallyVote(vote: Vote): VoteTally {
  const counted = countsWrittenOpinions(vote.kind);
  const wy = counted ? vote.writtenYes : 0;
  const wn = counted ? vote.writtenNo : 0;
  const wa = counted ? vote.writtenAbstain : 0;
  return {
    yes: vote.yes + wy,
    no: vote.no + wn,
    abstain: vote.abstain + wa,
    writtenYes: wy,
    writtenNo: wn,
    writtenAbstain: wa,
    writtenCounted: counted,
    inRoom: vote.yes + vote.no + vote.abstain,
    writtenRecorded: vote.writtenYes + vote.writtenNo + vote.writtenAbstain,
  };
}

/**
 * Does the vote pass? Yes votes (with written opinions where they count) must exceed half of
 * `votingExpected` (N_vr, voting-right members who should attend). With no voting-right members
 * nothing can pass.
 */
export function votePasses(vote: Vote, votingExpected: number): boolean {
  if (votingExpected <= 0) return false;
  return 2 * tallyVote(vote).yes > votingExpected;
}

/**
 * A fraction such as settings.electionQuorumFraction (0.8) as an exact ratio num/den, so the
 * comparison stays in integers. Precision: 1/10000, far finer than any real setting.
 */
export function fractionToRatio(fraction: number): { num: number; den: number } {
  const den = 10_000;
  const num = Math.round(fraction * den);
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

/** Default election quorum fraction (domain §1.2): present must exceed 4/5 of should-attend. */
export const DEFAULT_ELECTION_QUORUM_FRACTION = 0.8;

/** Smallest number present that exceeds `fraction` of `expected`: 4/5 of 10 → 9, of 7 → 6. */
export function electionQuorumMinimum(expected: number, fraction: number = DEFAULT_ELECTION_QUORUM_FRACTION): number {
  if (expected <= 0) return 1;
  const { num, den } = fractionToRatio(fraction);
  return Math.floor((num * expected) / den) + 1;
}

/**
 * 换届选举 quorum: voting-right members present > fraction × voting-right members who should
 * attend (strictly more; 8 of 10 does not exceed 4/5 of 10). False when nobody is expected.
 */
export function electionQuorumMet(
  votingPresent: number,
  votingExpected: number,
  fraction: number = DEFAULT_ELECTION_QUORUM_FRACTION,
): boolean {
  if (votingExpected <= 0) return false;
  const { num, den } = fractionToRatio(fraction);
  return votingPresent * den > num * votingExpected;
}

export interface DescribeVoteOptions {
  /**
   * Who the electorate is, as written after 应到会 / before 的半数. Default 有表决权的党员;
   * a 支委会 vote would pass e.g. 有表决权的支委委员.
   */
  electorate?: string;
}

/**
 * The arithmetic in words for the minutes, e.g.
 * 应到会有表决权的党员 9 人，实到 8 人；赞成 6 票（含书面意见 1 票），反对 1 票，弃权 1 票；
 * 赞成票超过应到会有表决权党员的半数，表决通过。
 */
export function describeVote(
  vote: Vote,
  counts: Pick<AttendanceCounts, 'votingExpected' | 'votingPresent'>,
  options: DescribeVoteOptions = {},
): string {
  const who = options.electorate ?? '有表决权的党员';
  const whoShort = who.endsWith('的党员') ? `${who.slice(0, -3)}党员` : who;
  const t = tallyVote(vote);
  const written = (n: number) => (n > 0 ? `（含书面意见 ${n} 票）` : '');
  const head = `应到会${who} ${counts.votingExpected} 人，实到 ${counts.votingPresent} 人`;
  const ballots =
    `赞成 ${t.yes} 票${written(t.writtenYes)}，` +
    `反对 ${t.no} 票${written(t.writtenNo)}，` +
    `弃权 ${t.abstain} 票${written(t.writtenAbstain)}`;
  const result = votePasses(vote, counts.votingExpected)
    ? `赞成票超过应到会${whoShort}的半数，表决通过。`
    : `赞成票未超过应到会${whoShort}的半数，表决未通过。`;
  return `${head}；${ballots}；${result}`;
}
