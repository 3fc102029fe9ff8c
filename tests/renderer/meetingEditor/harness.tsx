/** Mounts the meeting editor with the real providers on an isolated database with a small branch. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { page } from 'vitest/browser';
import {
  createMeeting,
  createMember,
  createOrganisation,
  openDatabase,
  setCommittee,
  type MeetingInput,
  type PartyMinutesDB,
} from '../../../renderer/db';
import { DatabaseProvider } from '../../../renderer/src/dbContext';
import { MeetingEditorPage } from '../../../renderer/src/pages/MeetingEditorPage';
import type { Meeting, Member, Organisation } from '../../../shared/model';

const mounted: { root: Root; el: HTMLElement; db: PartyMinutesDB }[] = [];
let counter = 0;

export async function freshDb(): Promise<PartyMinutesDB> {
  return openDatabase(`pm-editor-${Date.now().toString(36)}-${counter++}-${Math.random().toString(36).slice(2, 7)}`);
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

export async function mountEditor(db: PartyMinutesDB, meetingId: string, size: [number, number] = [1440, 900]): Promise<void> {
  await page.viewport(size[0], size[1]);
  const el = document.createElement('div');
  document.body.appendChild(el);
  const root = createRoot(el);
  await act(async () => {
    // Same button setting as App.tsx: two-character labels stay 删除, not 删 除.
    root.render(
      <ConfigProvider locale={zhCN} theme={{ token: { motion: false } }} button={{ autoInsertSpace: false }}>
        <AntApp>
          <DatabaseProvider name={db.name}>
            <MeetingEditorPage meetingId={meetingId} />
          </DatabaseProvider>
        </AntApp>
      </ConfigProvider>,
    );
  });
  mounted.push({ root, el, db });
}

afterEach(async () => {
  while (mounted.length) {
    const m = mounted.pop()!;
    await act(async () => m.root.unmount());
    m.el.remove();
    // Let the unmount flush finish before the database goes away.
    await new Promise((r) => setTimeout(r, 100));
    m.db.close();
    await Dexie.delete(m.db.name);
  }
  document.body.innerHTML = '';
  window.location.hash = '';
});

export async function eventually<T>(fn: () => Promise<T> | T, timeout = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() - start > timeout) throw e;
      await new Promise((r) => setTimeout(r, 40));
    }
  }
}
