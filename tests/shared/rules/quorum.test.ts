import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  QUORUM_RULES,
  type AttendanceEntry,
  type MemberStatus,
  type PartyStanding,
  type Presence,
  type Vote,
} from '../../../shared/model';
import { countAttendance } from '../../../shared/rules/attendance';
import {
  describeVote,
  electionQuorumMet,
  electionQuorumMinimum,
  fractionToRatio,
  passMinimum,
  quorumMet,
  quorumMinimum,
  tallyVote,
  votePasses,
} from '../../../shared/rules/quorum';
import { absentee, attendee, guest, makeVote, probationary } from './fixtures';

describe('quorumMet / quorumMinimum', () => {
  it('more than half: of 7 is 4, of 6 is 4', () => {
    expect(quorumMinimum(7, 'more_than_half')).toBe(4);
    expect(quorumMinimum(6, 'more_than_half')).toBe(4);
    expect(quorumMet(3, 6, 'more_than_half')).toBe(false);
    expect(quorumMet(4, 6, 'more_than_half')).toBe(true);
    expect(quorumMet(3, 7, 'more_than_half')).toBe(false);
    expect(quorumMet(4, 7, 'more_than_half')).toBe(true);
  });

  it('half or more: of 6 is 3, of 7 is 4', () => {
    expect(quorumMinimum(6, 'half_or_more')).toBe(3);
    expect(quorumMinimum(7, 'half_or_more')).toBe(4);
    expect(quorumMet(3, 6, 'half_or_more')).toBe(true);
    expect(quorumMet(2, 6, 'half_or_more')).toBe(false);
  });

  it('exactly half present fails under more_than_half and passes under half_or_more', () => {
    expect(quorumMet(5, 10, 'more_than_half')).toBe(false);
    expect(quorumMet(5, 10, 'half_or_more')).toBe(true);
  });

  it('nobody expected is never quorate', () => {
    expect(quorumMet(0, 0, 'more_than_half')).toBe(false);
    expect(quorumMet(0, 0, 'half_or_more')).toBe(false);
  });

  it('property: minimum is the exact threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.constantFrom(...QUORUM_RULES), (n, rule) => {
        const k = quorumMinimum(n, rule);
        expect(quorumMet(k, n, rule)).toBe(true);
        expect(quorumMet(k - 1, n, rule)).toBe(false);
      }),
    );
  });

  it('property: monotone in present', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2000 }),
        fc.nat({ max: 2000 }),
        fc.nat({ max: 2000 }),
        fc.constantFrom(...QUORUM_RULES),
        (p, extra, n, rule) => {
          if (quorumMet(p, n, rule)) expect(quorumMet(p + extra, n, rule)).toBe(true);
        },
      ),
    );
  });

  it('property: more_than_half implies half_or_more', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2000 }), fc.nat({ max: 2000 }), (p, n) => {
        if (quorumMet(p, n, 'more_than_half')) expect(quorumMet(p, n, 'half_or_more')).toBe(true);
      }),
    );
  });

  it('property: agrees with the rational definition', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5000 }), fc.integer({ min: 1, max: 5000 }), (p, n) => {
        expect(quorumMet(p, n, 'more_than_half')).toBe(p / n > 0.5);
        expect(quorumMet(p, n, 'half_or_more')).toBe(p / n >= 0.5);
      }),
    );
  });
});

describe('votePasses', () => {
  it('needs yes > N_vr / 2 of those who should attend, not of those present', () => {
    // 10 should attend, 6 present: 4 yes is a majority of those present but not of N_vr.
    expect(votePasses(makeVote({ yes: 4, no: 1, abstain: 1 }), 10)).toBe(false);
    expect(votePasses(makeVote({ yes: 5 }), 10)).toBe(false);
    expect(votePasses(makeVote({ yes: 6 }), 10)).toBe(true);
    expect(votePasses(makeVote({ yes: 4 }), 7)).toBe(true);
    expect(votePasses(makeVote({ yes: 3 }), 7)).toBe(false);
    expect(passMinimum(7)).toBe(4);
    expect(passMinimum(6)).toBe(4);
  });

  it('does not depend on the quorum rule (no such parameter) and never passes with no electorate', () => {
    expect(votePasses(makeVote({ yes: 3 }), 6)).toBe(false);
    expect(votePasses(makeVote({ yes: 1 }), 0)).toBe(false);
  });

  it('counts written opinions for admission votes only', () => {
    const written = { yes: 4, writtenYes: 2 };
    expect(votePasses(makeVote({ ...written, kind: 'admission' }), 10)).toBe(true);
    expect(votePasses(makeVote({ ...written, kind: 'general' }), 10)).toBe(false);
    expect(votePasses(makeVote({ ...written, kind: 'confirmation' }), 10)).toBe(false);
    const t = tallyVote(makeVote({ yes: 4, no: 1, writtenYes: 2, writtenNo: 1, kind: 'admission' }));
    expect(t).toMatchObject({ yes: 6, no: 2, writtenYes: 2, writtenNo: 1, inRoom: 5, writtenRecorded: 3, writtenCounted: true });
  });

  const voteArb = fc.record({
    kind: fc.constantFrom('general', 'admission', 'confirmation', 'extension', 'election') as fc.Arbitrary<Vote['kind']>,
    yes: fc.nat({ max: 500 }),
    no: fc.nat({ max: 500 }),
    abstain: fc.nat({ max: 500 }),
    writtenYes: fc.nat({ max: 50 }),
    writtenNo: fc.nat({ max: 50 }),
    writtenAbstain: fc.nat({ max: 50 }),
  });

  it('property: never true when counted yes ≤ N/2, always true when > N/2 (N > 0)', () => {
    fc.assert(
      fc.property(voteArb, fc.nat({ max: 1000 }), (v, n) => {
        const vote = makeVote(v);
        const yes = tallyVote(vote).yes;
        if (yes * 2 <= n || n === 0) expect(votePasses(vote, n)).toBe(false);
        else expect(votePasses(vote, n)).toBe(true);
        expect(votePasses(vote, n)).toBe(n > 0 && yes >= passMinimum(n));
      }),
    );
  });

  it('property: more yes never turns a pass into a fail; larger electorate never turns a fail into a pass', () => {
    fc.assert(
      fc.property(voteArb, fc.nat({ max: 1000 }), fc.nat({ max: 50 }), (v, n, d) => {
        const vote = makeVote(v);
        if (votePasses(vote, n)) expect(votePasses(makeVote({ ...v, yes: v.yes + d }), n)).toBe(true);
        if (!votePasses(vote, n) && n > 0) expect(votePasses(vote, n + d)).toBe(false);
      }),
    );
  });
});

describe('electionQuorumMet', () => {
  it('present must exceed 4/5 of should-attend by default', () => {
    expect(electionQuorumMet(8, 10)).toBe(false); // exactly 4/5 does not exceed
    expect(electionQuorumMet(9, 10)).toBe(true);
    expect(electionQuorumMet(5, 7)).toBe(false); // 5/7 = 71%
    expect(electionQuorumMet(6, 7)).toBe(true);
    expect(electionQuorumMinimum(10)).toBe(9);
    expect(electionQuorumMinimum(7)).toBe(6);
    expect(electionQuorumMinimum(5)).toBe(5);
    expect(electionQuorumMet(0, 0)).toBe(false);
  });

  it('uses the configured fraction', () => {
    expect(electionQuorumMet(7, 10, 2 / 3)).toBe(true);
    expect(electionQuorumMet(6, 10, 2 / 3)).toBe(false);
    expect(fractionToRatio(0.8)).toEqual({ num: 4, den: 5 });
  });

  it('property: minimum is the exact threshold and agrees with exact rationals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.constantFrom(0.5, 0.6, 2 / 3, 0.75, 0.8, 0.9, 1), (n, f) => {
        const k = electionQuorumMinimum(n, f);
        expect(electionQuorumMet(k, n, f)).toBe(true);
        expect(electionQuorumMet(k - 1, n, f)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.nat({ max: 3000 }), fc.integer({ min: 1, max: 3000 }), (p, n) => {
        expect(electionQuorumMet(p, n, 0.8)).toBe(5 * p > 4 * n);
      }),
    );
  });
});

describe('describeVote', () => {
  it('spells out the arithmetic with written opinions', () => {
    const vote = makeVote({ kind: 'admission', yes: 5, writtenYes: 1, no: 1, abstain: 1 });
    expect(describeVote(vote, { votingExpected: 9, votingPresent: 7 })).toBe(
      '应到会有表决权的党员 9 人，实到 7 人；赞成 6 票（含书面意见 1 票），反对 1 票，弃权 1 票；' +
        '赞成票超过应到会有表决权党员的半数，表决通过。',
    );
  });

  it('says when a vote fails, without a written-opinion note when there is none', () => {
    const vote = makeVote({ yes: 3, no: 2, abstain: 1 });
    expect(describeVote(vote, { votingExpected: 8, votingPresent: 6 })).toBe(
      '应到会有表决权的党员 8 人，实到 6 人；赞成 3 票，反对 2 票，弃权 1 票；' +
        '赞成票未超过应到会有表决权党员的半数，表决未通过。',
    );
  });

  it('accepts another electorate label', () => {
    const s = describeVote(makeVote({ yes: 3 }), { votingExpected: 5, votingPresent: 4 }, { electorate: '支委' });
    expect(s).toBe('应到会支委 5 人，实到 4 人；赞成 3 票，反对 0 票，弃权 0 票；赞成票超过应到会支委的半数，表决通过。');
  });
});

describe('countAttendance (properties the rules rely on)', () => {
  const entryArb: fc.Arbitrary<AttendanceEntry> = fc
    .record({
      isGuest: fc.boolean(),
      status: fc.constantFrom<MemberStatus | null>('full', 'probationary', 'activist', null),
      standing: fc.constantFrom<PartyStanding | null>('normal', 'probation_sanction', null),
      presence: fc.constantFrom<Presence>('present', 'absent', 'leave'),
      isCommittee: fc.boolean(),
    })
    .map(({ isGuest, ...r }) => (isGuest ? guest('列席') : attendee('某', { ...r, reason: '病假' })));

  it('property: counts always sum consistently', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 60 }), (list) => {
        const c = countAttendance(list);
        expect(c.expected - c.present).toBe(c.absent.length);
        expect(c.expected + c.guests.length).toBe(list.length);
        expect(c.votingPresent).toBeLessThanOrEqual(c.votingExpected);
        expect(c.votingExpected).toBeLessThanOrEqual(c.expectedFull);
        expect(c.presentFull + c.presentProbationary).toBeLessThanOrEqual(c.present);
        expect(c.expectedFull + c.expectedProbationary).toBeLessThanOrEqual(c.expected);
        expect(c.committeePresent).toBeLessThanOrEqual(c.committeeExpected);
        expect(c.votingExpected - c.votingPresent).toBeLessThanOrEqual(c.absent.length);
      }),
    );
  });

  it('probationary members and 留党察看 have no vote', () => {
    const c = countAttendance([
      attendee('甲'),
      probationary('乙'),
      attendee('丙', { standing: 'probation_sanction' }),
      absentee('丁', '公出'),
    ]);
    expect(c.votingExpected).toBe(2);
    expect(c.votingPresent).toBe(1);
    expect(c.present).toBe(3);
  });
});
