/**
 * Talks / appraisals screens behind the real hash router (the `new` route replaces the URL with
 * the created record's id), on an isolated database with a small branch.
 */
import { createMember, createOrganisation, setCommittee, type PartyMinutesDB } from '../../../renderer/db';
import { useRoute } from '../../../renderer/src/router';
import { AppLayout } from '../../../renderer/src/components/AppLayout';
import { TalksPage } from '../../../renderer/src/talks/TalksPage';
import { TalkEditorPage } from '../../../renderer/src/talks/TalkEditorPage';
import { AppraisalsPage } from '../../../renderer/src/appraisals/AppraisalsPage';
import { AppraisalEditorPage } from '../../../renderer/src/appraisals/AppraisalEditorPage';
import type { Member, Organisation } from '../../../shared/model';
import { eventually, freshTestDb, mountApp } from '../mountApp';

export { eventually };

/** The current year: the screens open on it. */
export const Y = new Date().getFullYear();

export function freshDb(): Promise<PartyMinutesDB> {
  return freshTestDb('pm-talks');
}

function Routed() {
  const r = useRoute();
  if (r.name === 'talk') return <TalkEditorPage key={r.id} talkId={r.id} />;
  if (r.name === 'appraisal') return <AppraisalEditorPage key={r.id} appraisalId={r.id} />;
  if (r.name === 'appraisals') return <AppraisalsPage />;
  return <TalksPage />;
}

export async function mountAt(db: PartyMinutesDB, hash: string, size: [number, number] = [1280, 800]): Promise<void> {
  window.location.hash = hash;
  await mountApp(db, <Routed />, { size });
}

/** Inside the app's menu and frame, as the secretary sees it (for screenshots and width checks). */
export async function mountInLayout(db: PartyMinutesDB, hash: string, size: [number, number] = [1280, 800]): Promise<void> {
  window.location.hash = hash;
  await mountApp(
    db,
    <AppLayout>
      <Routed />
    </AppLayout>,
    { size },
  );
}

export interface Branch {
  org: Organisation;
  other: Organisation;
  people: Record<'zhang' | 'li' | 'wang' | 'zhao' | 'chen', Member>;
}

/** 第一党支部: 书记 张建国, 组织委员 李秀英, 王伟, 赵敏 (正式), 陈静 (预备). */
export async function makeBranch(db: PartyMinutesDB): Promise<Branch> {
  const pc = await createOrganisation(db, { parentId: null, level: 'party_committee', name: '机关党委', fullName: '中共××市财政局机关委员会' });
  const org0 = await createOrganisation(db, { parentId: pc.id, level: 'branch', name: '第一党支部', fullName: '中共××市财政局机关第一支部委员会' });
  const other = await createOrganisation(db, { parentId: pc.id, level: 'branch', name: '第二党支部', fullName: '中共××市财政局机关第二支部委员会' });
  const base = { status: 'full' as const, joinDate: '2005-07-01', fullMemberDate: '2006-07-01', since: '2015-01-01', branchId: org0.id };
  const people = {
    zhang: await createMember(db, { ...base, name: '张建国', adminPost: '主任' }),
    li: await createMember(db, { ...base, name: '李秀英' }),
    wang: await createMember(db, { ...base, name: '王伟', adminPost: '科员' }),
    zhao: await createMember(db, { ...base, name: '赵敏' }),
    chen: await createMember(db, { ...base, name: '陈静', status: 'probationary', joinDate: `${Y - 1}-11-20`, fullMemberDate: undefined }),
  };
  const org = await setCommittee(db, org0.id, [
    { memberId: people.zhang.id, role: 'secretary', from: '2023-01-01' },
    { memberId: people.li.id, role: 'organisation', from: '2023-01-01' },
  ]);
  return { org, other, people };
}
