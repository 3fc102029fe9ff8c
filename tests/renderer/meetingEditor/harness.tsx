/** Mounts the meeting editor with the real providers on an isolated database with a small branch. */
import {
  createMeeting,
  createMember,
  createOrganisation,
  setCommittee,
  type MeetingInput,
  type PartyMinutesDB,
} from '../../../renderer/db';
import { MeetingEditorPage } from '../../../renderer/src/pages/MeetingEditorPage';
import type { Meeting, Member, Organisation } from '../../../shared/model';
import { eventually, freshTestDb, mountApp } from '../mountApp';

export { eventually };


export function freshDb(): Promise<PartyMinutesDB> {
  return freshTestDb('pm-editor');
}

export interface Branch {
  org: Organisation;
  people: Record<'zhang' | 'li' | 'wang' | 'chen' | 'zhao', Member>;
}

/** 第一党支部: 书记 张建国, 组织委员 李秀英, 王伟, 赵敏 (正式), 陈静 (预备). */
export async function makeBranch(db: PartyMinutesDB): Promise<Branch> {
  const pc = await createOrganisation(db, { parentId: null, level: 'party_committee', name: '机关党委', fullName: '中共××市财政局机关委员会' });
  const org0 = await createOrganisation(db, { parentId: pc.id, level: 'branch', name: '第一党支部', fullName: '中共××市财政局机关第一支部委员会' });
  const base = { status: 'full' as const, joinDate: '2005-07-01', fullMemberDate: '2006-07-01', since: '2015-01-01', branchId: org0.id };
  const people = {
    zhang: await createMember(db, { ...base, name: '张建国', adminPost: '主任' }),
    li: await createMember(db, { ...base, name: '李秀英' }),
    wang: await createMember(db, { ...base, name: '王伟' }),
    zhao: await createMember(db, { ...base, name: '赵敏' }),
    chen: await createMember(db, { ...base, name: '陈静', status: 'probationary', joinDate: '2024-11-20', fullMemberDate: undefined }),
  };
  const org = await setCommittee(db, org0.id, [
    { memberId: people.zhang.id, role: 'secretary', from: '2023-01-01' },
    { memberId: people.li.id, role: 'organisation', from: '2023-01-01' },
  ]);
  return { org, people };
}

export async function makeMeeting(db: PartyMinutesDB, b: Branch, extra: Partial<MeetingInput> = {}): Promise<Meeting> {
  return createMeeting(db, {
    orgId: b.org.id,
    type: 'general_assembly',
    date: '2025-03-08',
    place: '三楼会议室',
    chairId: b.people.zhang.id,
    chairName: '张建国',
    recorderName: '李秀英',
    agenda: [{ id: crypto.randomUUID(), title: '学习上级文件', speeches: [], decisions: [] }],
    ...extra,
  });
}

export function mountEditor(db: PartyMinutesDB, meetingId: string, size: [number, number] = [1440, 900]): Promise<void> {
  return mountApp(db, <MeetingEditorPage meetingId={meetingId} />, { size });
}
