import { describe, expect, it } from 'vitest';
import { createMeeting, getMeeting } from '../../../renderer/db/meetings';
import {
  attendanceFromRoster,
  changeMemberStatus,
  createMember,
  deleteMember,
  getMember,
  listMembersByBranch,
  moveMember,
  rosterOn,
  searchMembers,
  updateMember,
} from '../../../renderer/db/members';
import { setCommittee } from '../../../renderer/db/organisations';
import { displayName, displayNames, statusOn } from '../../../renderer/db/roster';
import { at, freshDb, makePeople, makeUnit, person } from './helpers';

describe('members', () => {
  it('creates with derived history and refuses bad input in Chinese', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const m = await createMember(db, person('张建国', u.b1.id, { since: undefined, joinDate: '2005-07-01', fullMemberDate: '2006-07-01' }));
    expect(m.memberships).toEqual([{ branchId: u.b1.id, groupId: null, from: '2005-07-01' }]);
    expect(m.statusHistory).toEqual([
      { status: 'probationary', from: '2005-07-01' },
      { status: 'full', from: '2006-07-01' },
    ]);
    expect(m).toMatchObject({ standing: 'normal', isMobile: false, rev: 1 });
    await expect(createMember(db, person('', u.b1.id))).rejects.toThrow('党员信息未能保存：请填写姓名');
    await expect(createMember(db, person('某人', u.b1.id, { idNumber: '123' }))).rejects.toThrow('身份证号应为 18 位');
    await expect(createMember(db, person('某人', u.pc.id))).rejects.toThrow('党员只能编入党支部');
    await expect(createMember(db, person('某人', u.b1.id, { groupId: u.g1.id }))).rejects.toThrow('所选党小组不属于该党支部');
  });

  it('stores rare characters and long names exactly', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    for (const name of ['苏堃', '王𬍛', '𠮷野家', '欧阳䶮']) {
      const m = await createMember(db, person(name, u.b1.id, { department: '办公室（𬍛）' }));
      const back = await getMember(db, m.id);
      expect(back?.name).toBe(name);
      expect(back?.department).toBe('办公室（𬍛）');
      expect((await searchMembers(db, name.slice(-2)))[0]?.name).toBe(name);
    }
  });

  it('searches by name and department; lists by branch and group', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    expect((await searchMembers(db, '王伟')).map((m) => m.id).sort()).toEqual([p.wang1.id, p.wang2.id].sort());
    expect((await searchMembers(db, '秀')).map((m) => m.name)).toEqual(['李秀英']);
    expect((await searchMembers(db, '预算')).map((m) => m.id)).toEqual([p.wang2.id]);
    expect((await searchMembers(db, '王', { branchId: u.b2.id })).map((m) => m.id)).toEqual([p.wang2.id]);
    expect((await listMembersByBranch(db, u.b1.id)).length).toBe(5);
    expect((await listMembersByBranch(db, u.g1.id)).map((m) => m.name).sort()).toEqual(['王伟', '罗婷', '郭建华'].sort());
  });

  it('allows two members with the same name and tells them apart', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    const all = [p.zhang, p.wang1, p.wang2];
    expect(displayName(p.zhang, all)).toBe('张建国');
    expect(displayName(p.wang1, all)).toBe('王伟（办公室，1985年生）');
    expect(displayName(p.wang2, all)).toBe('王伟（预算处，1990年生）');
    expect(displayNames(all).get(p.wang2.id)).toBe('王伟（预算处，1990年生）');
    // A deleted namesake no longer forces the long form.
    expect(displayName(p.wang1, [p.wang1, { ...p.wang2, deletedAt: '2025-01-01T00:00:00Z' }])).toBe('王伟');
  });

  it('updates fields, appends status changes, refuses branch changes', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    const up = await updateMember(db, p.li.id, { phone: '13800000000', isLeadingCadre: true }, at('2025-02-02T00:00:00Z'));
    expect(up).toMatchObject({ phone: '13800000000', isLeadingCadre: true, rev: 2 });
    await expect(updateMember(db, p.li.id, { branchId: u.b2.id } as never)).rejects.toThrow('请使用"调动"功能');
    const c = await changeMemberStatus(db, p.chen.id, 'full', '2025-11-20');
    expect(c.fullMemberDate).toBe('2025-11-20');
    expect(c.statusHistory.at(-1)).toEqual({ status: 'full', from: '2025-11-20' });
    expect(statusOn(c, '2025-11-19')).toBe('probationary');
    expect(statusOn(c, '2025-11-20')).toBe('full');
    await expect(deleteMember(db, p.zhang.id)).rejects.toThrow('张建国现任第一党支部的支委（组长），请先在支委会中卸任后再删除');
  });

  it('moveMember closes the period, opens a new one, and leaves past attendance untouched', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    const before = await createMeeting(db, { orgId: u.b1.id, type: 'general_assembly', date: '2025-03-20' });
    const snap = structuredClone(before.attendance);
    expect(snap.map((a) => a.name)).toContain('王伟');
    const moved = await moveMember(db, p.wang1.id, u.b2.id, u.g2.id, '2025-07-01', at('2025-07-01T02:00:00Z'));
    expect(moved.memberships).toEqual([
      { branchId: u.b1.id, groupId: null, from: '2015-01-01', to: '2025-06-30' },
      { branchId: u.b2.id, groupId: u.g2.id, from: '2025-07-01' },
    ]);
    expect(moved).toMatchObject({ branchId: u.b2.id, groupId: u.g2.id, rev: 2 });
    const after = await getMeeting(db, before.id);
    expect(after?.attendance).toEqual(snap);
    expect(after?.rev).toBe(1);
    await expect(moveMember(db, p.wang1.id, u.b2.id, u.g2.id, '2025-08-01')).rejects.toThrow('无需调动');
    await expect(moveMember(db, p.wang1.id, u.b1.id, null, '2025-06-01')).rejects.toThrow('调动日期应晚于进入现支部的日期（2025-07-01）');
    await expect(moveMember(db, p.wang1.id, u.g1.id, null, '2025-09-01')).rejects.toThrow('党员只能编入党支部');
  });

  it('rosterOn follows a member who changed branch and status mid-year', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    await moveMember(db, p.chen.id, u.b2.id, u.g1.id, '2025-07-01');
    await changeMemberStatus(db, p.chen.id, 'full', '2025-11-20');
    const names = async (org: string, date: string) => (await rosterOn(db, org, date)).map((r) => `${r.member.name}:${r.status}`).sort();
    expect(await names(u.b1.id, '2025-03-01')).toContain('陈静:probationary');
    expect(await names(u.b1.id, '2025-08-01')).not.toContain('陈静:probationary');
    expect(await names(u.b2.id, '2025-03-01')).not.toContain('陈静:probationary');
    expect(await names(u.b2.id, '2025-08-01')).toContain('陈静:probationary');
    expect(await names(u.g1.id, '2025-12-01')).toContain('陈静:full');
    expect(await names(u.g2.id, '2025-12-01')).not.toContain('陈静:full');
    // Not yet admitted on that date → not on the roster at all.
    expect(await names(u.b1.id, '2024-01-01')).not.toContain('陈静:probationary');
    // Activists are on the roster (with their status) but not expected attendees.
    expect(await names(u.b1.id, '2025-03-01')).toContain('朱红:activist');
  });

  it('rosterOn leaves out inactive standings and keeps those who left later', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    await updateMember(db, p.li.id, { standing: 'suspended' });
    const sanctioned = await updateMember(db, p.wang1.id, { standing: 'probation_sanction' });
    const roster = await rosterOn(db, u.b1.id, '2025-03-01');
    expect(roster.map((r) => r.member.id)).not.toContain(p.li.id);
    expect(roster.find((r) => r.member.id === sanctioned.id)?.standing).toBe('probation_sanction');
  });

  it('attendanceFromRoster by meeting type', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    await updateMember(db, p.wang1.id, { isMobile: true, mobileNote: '在外地挂职' });
    const committee = await attendanceFromRoster(db, u.b1.id, '2025-03-05', 'committee');
    expect(committee.map((a) => [a.name, a.title, a.isCommittee])).toEqual([
      ['张建国', '书记', true],
      ['李秀英', '组织委员', true],
    ]);
    const assembly = await attendanceFromRoster(db, u.b1.id, '2025-03-05', 'general_assembly');
    expect(assembly.map((a) => a.name)).toEqual(['张建国', '李秀英', ...['陈静', '王伟'].sort(new Intl.Collator('zh-CN').compare)]);
    expect(assembly.every((a) => a.kind === 'member' && !a.isCommittee)).toBe(true);
    expect(assembly.find((a) => a.name === '陈静')?.status).toBe('probationary');
    expect(assembly.find((a) => a.name === '王伟')).toMatchObject({ presence: 'leave', reason: '流动党员：在外地挂职' });
    expect(assembly.find((a) => a.name === '张建国')).toMatchObject({ presence: 'present', reason: '', memberId: p.zhang.id });
    expect(assembly.map((a) => a.name)).not.toContain('朱红');
    const group = await attendanceFromRoster(db, u.g1.id, '2025-03-05', 'group');
    expect(group.map((a) => a.name).sort()).toEqual(['王伟', '罗婷', '郭建华'].sort());
    await expect(attendanceFromRoster(db, u.b2.id, '2025-03-05', 'group')).rejects.toThrow('党小组会只能在党小组下记录');
    await expect(attendanceFromRoster(db, u.g1.id, '2025-03-05', 'lecture')).rejects.toThrow('该类会议只能在党支部下记录');
    // Seats ended before the date are not expected.
    await setCommittee(db, u.b1.id, [
      { memberId: p.zhang.id, role: 'secretary', from: '2023-01-01', to: '2025-02-28' },
      { memberId: p.li.id, role: 'secretary', from: '2025-03-01' },
    ]);
    expect((await attendanceFromRoster(db, u.b1.id, '2025-03-05', 'committee')).map((a) => a.name)).toEqual(['李秀英']);
    expect((await attendanceFromRoster(db, u.b1.id, '2025-02-05', 'committee')).map((a) => a.name)).toEqual(['张建国']);
  });
});
