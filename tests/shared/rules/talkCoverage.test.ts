import { describe, expect, it } from 'vitest';
import type { TalkParty } from '../../../shared/model';
import { findCell, talkCoverage, windowBefore, yearWindow, type TalkCoverageInput } from '../../../shared/rules/talkCoverage';

const ORG = 'org-branch-0001';
type Person = TalkCoverageInput['members'][number];
type TalkRow = TalkCoverageInput['talks'][number];

function person(id: string, name: string, from = '2020-01-01', to?: string, status: Person['status'] = 'full'): Person {
  return { id, name, status, statusHistory: [], memberships: [{ branchId: ORG, groupId: null, from, to }], deletedAt: null };
}
const party = (p: Person): TalkParty => ({ memberId: p.id, name: p.name, post: '', politicalStatus: '中共党员' });
let n = 0;
function talk(date: string, from: Person, ...to: Person[]): TalkRow {
  n++;
  return { id: `talk-${String(n).padStart(4, '0')}`, date, interviewer: party(from), interviewees: to.map(party), deletedAt: null };
}

const sec = person('m-sec', '张书记');
const org1 = person('m-org', '李组织');
const pub = person('m-pub', '王宣传');
const a = person('m-a', '赵党员');
const b = person('m-b', '钱党员');
const c = person('m-c', '孙党员');
const org = {
  id: ORG,
  level: 'branch' as const,
  committee: [
    { memberId: sec.id, role: 'secretary' as const },
    { memberId: org1.id, role: 'organisation' as const },
    { memberId: pub.id, role: 'publicity' as const },
  ],
};
const Y = yearWindow(2025);

describe('talk coverage', () => {
  it('lists people 书记, 委员, 党员; required pairs are 书记↔all and 委员↔委员', () => {
    const cov = talkCoverage({ org, members: [c, a, pub, sec, org1, b], talks: [] }, Y);
    expect(cov.people.map((p) => `${p.role}:${p.name}`)).toEqual([
      'secretary:张书记',
      'committee:李组织',
      'committee:王宣传',
      'member:钱党员', // by pinyin: qian, sun, zhao
      'member:孙党员',
      'member:赵党员',
    ]);
    // 书记 with 5 others + 1 委员 pair = 6 required; 15 cells in all.
    expect(cov.cells).toHaveLength(15);
    expect(cov.summary).toMatchObject({ requiredPairs: 6, coveredPairs: 0, gapPairs: 6, peerRequired: 3, peerMet: 0, complete: false });
    expect(findCell(cov, a.id, org1.id)?.status).toBe('not_required');
    expect(findCell(cov, a.id, b.id)?.status).toBe('not_required');
    expect(cov.gaps).toHaveLength(9);
  });

  it('a talk covers a pair in either direction; a 集体谈话 covers interviewer ↔ each interviewee only', () => {
    const talks = [talk('2025-03-01', a, sec), talk('2025-04-01', sec, org1, pub, b, c), talk('2025-05-01', org1, pub), talk('2025-05-02', a, b), talk('2025-05-03', c, a)];
    const cov = talkCoverage({ org, members: [sec, org1, pub, a, b, c], talks }, Y);
    expect(findCell(cov, sec.id, a.id)).toMatchObject({ status: 'covered', talks: ['talk-0001'] });
    expect(findCell(cov, b.id, c.id)?.status).toBe('not_required'); // both in the group talk, not with each other
    expect(cov.summary).toMatchObject({ requiredPairs: 6, coveredPairs: 6, peerRequired: 3, peerMet: 3, complete: true, talksCounted: 5 });
    expect(cov.peer.find((p) => p.personId === a.id)?.talks).toEqual(['talk-0004', 'talk-0005']);
    expect(cov.gaps).toEqual([]);
  });

  it('talks outside the window and deleted talks do not count', () => {
    const t1 = talk('2024-12-31', sec, a);
    const t2 = { ...talk('2025-02-01', sec, a), deletedAt: '2025-02-02T00:00:00.000Z' };
    const cov = talkCoverage({ org, members: [sec, a], talks: [t1, t2] }, Y);
    expect(findCell(cov, sec.id, a.id)?.status).toBe('gap');
    expect(cov.gaps[0]).toMatchObject({ kind: 'pair', message: '张书记与赵党员尚无谈心谈话记录（书记与每名支委、党员每年至少谈一次）' });
  });

  it('members who joined or left mid-window are expected only for their period; non-overlapping pairs are outside_period', () => {
    const early = person('m-early', '周早走', '2020-01-01', '2025-03-31');
    const late = person('m-late', '吴新来', '2025-06-01');
    const cov = talkCoverage({ org, members: [sec, early, late], talks: [] }, Y);
    const e = cov.people.find((p) => p.id === early.id)!;
    expect(e).toMatchObject({ period: { from: '2025-01-01', to: '2025-03-31' }, partial: true });
    expect(cov.people.find((p) => p.id === late.id)).toMatchObject({ period: { from: '2025-06-01', to: '2025-12-31' }, partial: true });
    expect(findCell(cov, early.id, late.id)).toMatchObject({ status: 'outside_period', required: false });
    // Each of them is the only ordinary member in their period: no peer talk can be required.
    expect(cov.peer.every((p) => !p.required && p.met)).toBe(true);
    expect(cov.summary.requiredPairs).toBe(2);
  });

  it('people outside the branch, non-members and deleted members are not in the matrix', () => {
    const other = { ...person('m-x', '郑外支部'), memberships: [{ branchId: 'org-other-0001', groupId: null, from: '2020-01-01' }] };
    const activist = person('m-act', '冯积极', '2020-01-01', undefined, 'activist');
    const gone = { ...person('m-del', '陈删除'), deletedAt: '2025-01-01T00:00:00.000Z' };
    const probationary = { ...person('m-pro', '卫预备'), status: 'probationary' as const, statusHistory: [{ status: 'activist' as const, from: '2023-01-01' }, { status: 'probationary' as const, from: '2025-07-01' }] };
    const cov = talkCoverage({ org, members: [sec, other, activist, gone, probationary], talks: [] }, Y);
    expect(cov.people.map((p) => p.name)).toEqual(['张书记', '卫预备']);
    expect(cov.people[1].period.from).toBe('2025-07-01'); // expected from joining the Party
  });

  it('a talk typed by name (no roster link) counts when the name is unique', () => {
    const t = talk('2025-05-01', sec, a);
    const typed = { ...t, interviewees: [{ memberId: null, name: '赵党员', post: '', politicalStatus: '' }] };
    const cov = talkCoverage({ org, members: [sec, a], talks: [typed] }, Y);
    expect(findCell(cov, sec.id, a.id)?.status).toBe('covered');
  });

  it('windowBefore gives N days up to the meeting date', () => {
    expect(windowBefore('2025-03-01', 60)).toEqual({ from: '2024-12-31', to: '2025-03-01' });
  });
});
