/**
 * Attendance arithmetic, derived from the attendance list only (never typed twice):
 * 应到 / 实到 with the 正式 / 预备 split, and the voting-right counts used for quorum and votes.
 */
import type { AttendanceEntry } from '../model';

/** 预备党员 and members under 留党察看 have no vote (党章 §7, §40; domain §2.2). */
export function hasVotingRight(e: Pick<AttendanceEntry, 'kind' | 'status' | 'standing'>): boolean {
  return e.kind === 'member' && e.status === 'full' && e.standing !== 'probation_sanction';
}

export interface AttendanceCounts {
  /** 应到: every member line (guests never count). */
  expected: number;
  expectedFull: number;
  expectedProbationary: number;
  /** 实到 */
  present: number;
  presentFull: number;
  presentProbationary: number;
  /** Members not present (缺席 + 请假). */
  absent: AttendanceEntry[];
  /** 列席 */
  guests: AttendanceEntry[];
  /** N_vr: voting-right members who should attend. */
  votingExpected: number;
  votingPresent: number;
  /** Committee members who should attend / are present (支委会 quorum). */
  committeeExpected: number;
  committeePresent: number;
}

export function countAttendance(attendance: readonly AttendanceEntry[]): AttendanceCounts {
  const c: AttendanceCounts = {
    expected: 0, expectedFull: 0, expectedProbationary: 0,
    present: 0, presentFull: 0, presentProbationary: 0,
    absent: [], guests: [],
    votingExpected: 0, votingPresent: 0,
    committeeExpected: 0, committeePresent: 0,
  };
  for (const e of attendance) {
    if (e.kind === 'guest') {
      c.guests.push(e);
      continue;
    }
    const here = e.presence === 'present';
    c.expected++;
    if (e.status === 'full') c.expectedFull++;
    if (e.status === 'probationary') c.expectedProbationary++;
    if (here) {
      c.present++;
      if (e.status === 'full') c.presentFull++;
      if (e.status === 'probationary') c.presentProbationary++;
    } else {
      c.absent.push(e);
    }
    if (hasVotingRight(e)) {
      c.votingExpected++;
      if (here) c.votingPresent++;
    }
    if (e.isCommittee) {
      c.committeeExpected++;
      if (here) c.committeePresent++;
    }
  }
  return c;
}

/** 应到 15 人（其中正式党员 13 人），实到 14 人（其中正式党员 12 人） */
export function describeAttendance(c: AttendanceCounts): string {
  const split = (full: number, prob: number) =>
    prob > 0 ? `（其中正式党员 ${full} 人，预备党员 ${prob} 人）` : full > 0 ? `（其中正式党员 ${full} 人）` : '';
  return `应到 ${c.expected} 人${split(c.expectedFull, c.expectedProbationary)}，实到 ${c.present} 人${split(c.presentFull, c.presentProbationary)}`;
}
