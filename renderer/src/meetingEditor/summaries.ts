/**
 * Words for the counts under the attendance list and each vote, built only from the shared rules
 * (countAttendance, describeAttendance, quorum helpers, describeVote): nothing re-derived here.
 */
import { PRESENCE_LABELS, type Meeting, type QuorumRule, type UnitSettings, type Vote } from '../../../shared/model';
import { countAttendance, describeAttendance, type AttendanceCounts } from '../../../shared/rules/attendance';
import { votesAsAssembly } from '../../../shared/rules/meetingChecks';
import {
  describeVote,
  electionQuorumMet,
  electionQuorumMinimum,
  passMinimum,
  quorumMet,
  quorumMinimum,
  tallyVote,
  votePasses,
} from '../../../shared/rules/quorum';

export interface AttendanceSummary {
  line: string;
  voting: string | null;
  quorum: string | null;
  quorumOk: boolean;
  absentLine: string | null;
}

export function ruleText(rule: QuorumRule): string {
  return rule === 'half_or_more' ? '半数及以上' : '超过半数';
}


export function summariseAttendance(m: Meeting, settings: UnitSettings): AttendanceSummary {
  const c = countAttendance(m.attendance);
  const rule = settings.quorumRule;
  let voting: string | null = null;
  let quorum: string | null = null;
  let quorumOk = true;
  if (m.type === 'committee') {
    const min = quorumMinimum(c.committeeExpected, rule);
    quorumOk = quorumMet(c.committeePresent, c.committeeExpected, rule);
    quorum =
      c.committeeExpected === 0
        ? '未标记支委会成员，无法核对到会人数'
        : `支委会成员应到 ${c.committeeExpected} 人，实到 ${c.committeePresent} 人；须${ruleText(rule)}（至少 ${min} 人）到会，${quorumOk ? '符合要求' : '不符合要求'}`;
  } else if (c.votingExpected > 0) {
    voting = `有表决权的党员应到 ${c.votingExpected} 人，实到 ${c.votingPresent} 人（预备党员和受留党察看处分的党员没有表决权）`;
    if (votesAsAssembly(m)) {
      const min = quorumMinimum(c.votingExpected, rule);
      quorumOk = quorumMet(c.votingPresent, c.votingExpected, rule);
      quorum = `进行表决须有表决权的党员${ruleText(rule)}（至少 ${min} 人）到会，${quorumOk ? '符合要求' : '不符合要求'}`;
    }
  }
  const absentLine = c.absent.length
    ? `缺席、请假 ${c.absent.length} 人：` +
      c.absent.map((e) => `${e.name || '（未填姓名）'}（${e.reason.trim() || `未填${PRESENCE_LABELS[e.presence]}原因`}）`).join('、')
    : null;
  return { line: describeAttendance(c), voting, quorum, quorumOk, absentLine };
}

/** Counts the votes of this meeting are measured against: committee members for a 支委会. */
export function voteCounts(m: Meeting): { counts: AttendanceCounts; electorate: string } {
  if (m.type === 'committee') {
    return { counts: countAttendance(m.attendance.filter((e) => e.isCommittee)), electorate: '有表决权的支委' };
  }
  return { counts: countAttendance(m.attendance), electorate: '有表决权的党员' };
}

export interface VoteSummary {
  text: string;
  passes: boolean;
  need: number;
  /** Election quorum line for 换届选举. */
  election: string | null;
  inRoom: number;
}

export function summariseVote(vote: Vote, counts: AttendanceCounts, electorate: string, settings: UnitSettings): VoteSummary {
  const text = describeVote(vote, counts, { electorate });
  let election: string | null = null;
  if (vote.kind === 'election') {
    const f = settings.electionQuorumFraction;
    const ok = electionQuorumMet(counts.votingPresent, counts.votingExpected, f);
    election = `选举须到会有选举权的党员超过应到人数的 ${Math.round(f * 100)}%（至少 ${electionQuorumMinimum(counts.votingExpected, f)} 人），${ok ? '符合要求' : '不符合要求，选举无效'}`;
  }
  return {
    text,
    passes: votePasses(vote, counts.votingExpected),
    need: passMinimum(counts.votingExpected),
    election,
    inRoom: tallyVote(vote).inRoom,
  };
}
