/** Small realistic unit for the screen tests. */
import { createMember, createOrganisation, setCommittee, type MemberInput, type PartyMinutesDB } from '../../../renderer/db';
import type { Member, Organisation } from '../../../shared/model';

export async function seedBranch(db: PartyMinutesDB, memberCount = 8): Promise<{ pc: Organisation; branch: Organisation; members: Member[] }> {
  const pc = await createOrganisation(db, { parentId: null, level: 'party_committee', name: '机关党委', fullName: '中共××市财政局机关委员会' });
  const branch = await createOrganisation(db, { parentId: pc.id, level: 'branch', name: '第一党支部', fullName: '中共××市财政局机关第一支部委员会' });
  const members: Member[] = [];
  for (let i = 0; i < memberCount; i++) {
    const input: MemberInput = { name: `党员${i + 1}`, status: 'full', branchId: branch.id, joinDate: '2010-07-01', fullMemberDate: '2011-07-01', since: '2015-01-01' };
    members.push(await createMember(db, input));
  }
  const roles = ['secretary', 'organisation', 'publicity'] as const;
  await setCommittee(
    db,
    branch.id,
    members.slice(0, 3).map((m, i) => ({ memberId: m.id, role: roles[i], from: '2024-01-01' })),
  );
  return { pc, branch, members };
}
