/** Shared set-up for the DB tests: an isolated database per test and a small unit. */
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { openDatabase, type PartyMinutesDB } from '../../../renderer/db/database';
import { createMember, type MemberInput } from '../../../renderer/db/members';
import { createOrganisation, setCommittee } from '../../../renderer/db/organisations';
import type { Member, Organisation } from '../../../shared/model';

const opened: PartyMinutesDB[] = [];
let counter = 0;

/** A fresh database with a unique name; closed and deleted after the test. */
export async function freshDb(): Promise<PartyMinutesDB> {
  const name = `pm-test-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const db = await openDatabase(name);
  opened.push(db);
  return db;
}

afterEach(async () => {
  while (opened.length) {
    const db = opened.pop()!;
    db.close();
    await Dexie.delete(db.name);
  }
});

export const T0 = new Date('2025-01-10T08:00:00.000Z');
export const at = (iso: string) => ({ now: new Date(iso) });

export interface Unit {
  pc: Organisation;
  b1: Organisation;
  b2: Organisation;
  g1: Organisation;
  g2: Organisation;
}

export async function makeUnit(db: PartyMinutesDB): Promise<Unit> {
  const pc = await createOrganisation(db, { parentId: null, level: 'party_committee', name: '机关党委', fullName: '中共××市财政局机关委员会' });
  const b1 = await createOrganisation(db, { parentId: pc.id, level: 'branch', name: '第一党支部', fullName: '中共××市财政局机关第一支部委员会' });
  const b2 = await createOrganisation(db, { parentId: pc.id, level: 'branch', name: '第二党支部', fullName: '中共××市财政局机关第二支部委员会' });
  const g1 = await createOrganisation(db, { parentId: b2.id, level: 'group', name: '第一党小组', fullName: '第二支部第一党小组' });
  const g2 = await createOrganisation(db, { parentId: b2.id, level: 'group', name: '第二党小组', fullName: '第二支部第二党小组' });
  return { pc, b1, b2, g1, g2 };
}

export function person(name: string, branchId: string, extra: Partial<MemberInput> = {}): MemberInput {
  return {
    name,
    branchId,
    status: 'full',
    joinDate: '2005-07-01',
    fullMemberDate: '2006-07-01',
    since: '2015-01-01',
    ...extra,
  };
}

/** b1: 书记 + 4 members (1 预备, 1 积极分子); b2: 3 in g1, 2 in g2. Seats set on b1. */
export async function makePeople(db: PartyMinutesDB, u: Unit): Promise<Record<string, Member>> {
  const p: Record<string, Member> = {};
  p.zhang = await createMember(db, person('张建国', u.b1.id, { department: '办公室', birthDate: '1970-03-02', adminPost: '主任' }));
  p.li = await createMember(db, person('李秀英', u.b1.id, { department: '人事处', gender: '女' }));
  p.wang1 = await createMember(db, person('王伟', u.b1.id, { department: '办公室', birthDate: '1985-05-05' }));
  p.chen = await createMember(db, person('陈静', u.b1.id, { status: 'probationary', joinDate: '2024-11-20', fullMemberDate: undefined }));
  p.zhu = await createMember(db, person('朱红', u.b1.id, { status: 'activist', joinDate: undefined, fullMemberDate: undefined, activistDate: '2024-03-01' }));
  p.guo = await createMember(db, person('郭建华', u.b2.id, { groupId: u.g1.id }));
  p.wang2 = await createMember(db, person('王伟', u.b2.id, { groupId: u.g1.id, department: '预算处', birthDate: '1990-09-09' }));
  p.luo = await createMember(db, person('罗婷', u.b2.id, { groupId: u.g1.id }));
  p.he = await createMember(db, person('何俊', u.b2.id, { groupId: u.g2.id }));
  p.xie = await createMember(db, person('谢春花', u.b2.id, { groupId: u.g2.id }));
  await setCommittee(db, u.b1.id, [
    { memberId: p.zhang.id, role: 'secretary', from: '2023-01-01' },
    { memberId: p.li.id, role: 'organisation', from: '2023-01-01' },
  ]);
  return p;
}
