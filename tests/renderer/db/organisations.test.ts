import { describe, expect, it } from 'vitest';
import { createMeeting } from '../../../renderer/db/meetings';
import { createMember, deleteMember } from '../../../renderer/db/members';
import {
  createOrganisation,
  deleteOrganisation,
  descendantIds,
  endSeat,
  getOrganisation,
  listOrganisations,
  organisationTree,
  setCommittee,
  updateOrganisation,
} from '../../../renderer/db/organisations';
import { DbValidationError } from '../../../renderer/db/validate';
import { at, freshDb, makePeople, makeUnit, person } from './helpers';

describe('organisations', () => {
  it('creates with meta and builds the tree in order', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    expect(u.pc).toMatchObject({ rev: 1, deletedAt: null, order: 1, committee: [] });
    expect(Object.values(u.pc.vv)).toEqual([1]);
    expect(u.b2.order).toBe(2);
    const tree = await organisationTree(db);
    expect(tree).toHaveLength(1);
    expect(tree[0].org.id).toBe(u.pc.id);
    expect(tree[0].children.map((c) => c.org.name)).toEqual(['第一党支部', '第二党支部']);
    expect(tree[0].children[1].children.map((c) => c.org.name)).toEqual(['第一党小组', '第二党小组']);
    expect((await descendantIds(db, u.b2.id)).sort()).toEqual([u.b2.id, u.g1.id, u.g2.id].sort());
  });

  it('validates with Chinese messages and placement rules', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const bad = createOrganisation(db, { parentId: u.pc.id, level: 'branch', name: '', fullName: 'x' });
    await expect(bad).rejects.toBeInstanceOf(DbValidationError);
    await expect(createOrganisation(db, { parentId: u.pc.id, level: 'branch', name: '', fullName: 'x' })).rejects.toThrow(
      '组织信息未能保存：请填写组织简称',
    );
    await expect(createOrganisation(db, { parentId: u.pc.id, level: 'group', name: '小组', fullName: '小组' })).rejects.toThrow(
      '机关党委下不能设立党小组',
    );
    await expect(createOrganisation(db, { parentId: null, level: 'group', name: '小组', fullName: '小组' })).rejects.toThrow(
      '党小组必须设在党支部下',
    );
    await expect(updateOrganisation(db, u.pc.id, { parentId: u.b2.id })).rejects.toThrow();
  });

  it('updates and bumps meta', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const b = await updateOrganisation(db, u.b1.id, { fullName: '中共××市财政局机关第一支部委员会（办公室）' }, at('2025-02-01T00:00:00Z'));
    expect(b.rev).toBe(2);
    expect(Object.values(b.vv)).toEqual([2]);
    expect(b.updatedAt).toBe('2025-02-01T00:00:00.000Z');
    expect((await getOrganisation(db, u.b1.id))?.fullName).toContain('办公室');
  });

  it('edits committee seats with checks', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    const b1 = await getOrganisation(db, u.b1.id);
    expect(b1?.committee.map((s) => s.role)).toEqual(['secretary', 'organisation']);
    await expect(
      setCommittee(db, u.b1.id, [
        { memberId: p.zhang.id, role: 'secretary' },
        { memberId: p.li.id, role: 'secretary' },
      ]),
    ).rejects.toThrow('一个组织只能有一名现任书记');
    await expect(setCommittee(db, u.b1.id, [{ memberId: p.guo.id, role: 'publicity' }])).rejects.toThrow('郭建华不是本支部党员');
    await expect(setCommittee(db, u.b1.id, [{ memberId: p.zhu.id, role: 'publicity' }])).rejects.toThrow('朱红还不是党员');
    // 换届: the old secretary's seat ends, a new one starts; both stay on record.
    const seats = [...endSeat(b1!.committee, p.zhang.id, '2025-06-01'), { memberId: p.wang1.id, role: 'secretary' as const, from: '2025-06-01' }];
    const next = await setCommittee(db, u.b1.id, seats);
    expect(next.committee.find((s) => s.memberId === p.zhang.id)?.to).toBe('2025-05-31');
    await expect(setCommittee(db, u.g1.id, [{ memberId: p.guo.id, role: 'secretary' }])).resolves.toBeTruthy();
    await expect(setCommittee(db, u.g1.id, [{ memberId: p.he.id, role: 'secretary' }])).rejects.toThrow('何俊不是本党小组成员');
  });

  it('refuses to delete an organisation that still has members, children or meetings', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    const p = await makePeople(db, u);
    await createMeeting(db, { orgId: u.b1.id, type: 'committee', date: '2025-03-05' });
    await createMeeting(db, { orgId: u.b1.id, type: 'theme_day', date: '2025-03-15' });
    await expect(deleteOrganisation(db, u.b1.id)).rejects.toThrow(
      '该组织下还有 5 名党员和 2 条会议记录，请先转移或删除后再删除组织',
    );
    await expect(deleteOrganisation(db, u.b2.id)).rejects.toThrow(
      '该组织下还有 2 个下级组织、5 名党员和 0 条会议记录，请先转移或删除后再删除组织',
    );
    await expect(deleteOrganisation(db, u.g2.id)).rejects.toThrow('该组织下还有 2 名党员和 0 条会议记录');
    // Empty it: members leave (soft delete), then the group can go to the recycle bin.
    await deleteMember(db, p.he.id);
    await deleteMember(db, p.xie.id);
    await deleteOrganisation(db, u.g2.id, at('2025-04-01T00:00:00Z'));
    const g2 = await getOrganisation(db, u.g2.id);
    expect(g2?.deletedAt).toBe('2025-04-01T00:00:00.000Z');
    expect(g2?.rev).toBe(2);
    expect((await listOrganisations(db)).map((o) => o.id)).not.toContain(u.g2.id);
    expect((await listOrganisations(db, { includeDeleted: true })).map((o) => o.id)).toContain(u.g2.id);
    await expect(createMember(db, person('新人', u.b2.id, { groupId: u.g2.id }))).rejects.toThrow('所在党小组不存在或已删除');
  });
});
