/**
 * Transfer between two "machines" (two databases, each with its own installation id):
 * export → import → edit both → exchange again → conflicts decided → both end up the same.
 * Runs on fake-indexeddb and in real Chromium.
 */
import { describe, expect, it } from 'vitest';
import { createMeeting, deleteMeeting, getMeeting, saveMeeting } from '../../../renderer/db/meetings';
import { deleteMember, getMember, updateMember } from '../../../renderer/db/members';
import { purgeRecord } from '../../../renderer/db/recycleBin';
import { listOperations, prepareImport, applyImport, STALE_PREVIEW_MESSAGE, totalCounts, collectRecords } from '../../../renderer/transfer';
import { dataState, exportFile, importFile, PASSWORD } from '../transfer/helpers';
import { freshDb, makePeople, makeUnit } from './helpers';

const RECORDS = ['organisations', 'members', 'meetings'] as const;

async function records(db: Awaited<ReturnType<typeof freshDb>>) {
  const s = await dataState(db);
  return Object.fromEntries(RECORDS.map((t) => [t, s[t]]));
}

describe('transfer between two machines', () => {
  it('export → import adds everything; the same file again changes nothing', async () => {
    const a = await freshDb();
    const u = await makeUnit(a);
    const p = await makePeople(a, u);
    const m = await createMeeting(a, { orgId: u.b1.id, type: 'committee', date: '2025-02-10' });
    await deleteMember(a, p.zhu.id); // a tombstone travels too
    const file = await exportFile(a);

    const b = await freshDb();
    const first = await importFile(b, file);
    expect(totalCounts(first.preview)).toMatchObject({ added: 5 + 10 + 1, changed: 0, conflicts: 0 });
    expect(first.summary.written).toBe(16);
    expect(await records(b)).toEqual(await records(a));
    expect((await b.meetingIndex.get(m.id))?.orgId).toBe(u.b1.id); // projection maintained
    expect((await getMember(b, p.zhu.id))?.deletedAt).not.toBeNull();

    const before = await dataState(b);
    const again = await importFile(b, file);
    expect(totalCounts(again.preview)).toMatchObject({ added: 0, changed: 0, deleted: 0, conflicts: 0, converged: 0, unchanged: 16 });
    expect(again.summary.written).toBe(0);
    expect(await dataState(b)).toEqual(before);
    const log = await listOperations(b);
    expect(log.map((l) => l.kind)).toEqual(['import', 'import']);
    expect(log[0]).toMatchObject({ result: 'ok', fileName: 'test.pmx', counts: { added: 0, unchanged: 16, written: 0 } });
    expect(log[0].fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes and deletions flow back; concurrent edits are conflicts decided per record', async () => {
    const a = await freshDb();
    const u = await makeUnit(a);
    const p = await makePeople(a, u);
    const m1 = await createMeeting(a, { orgId: u.b1.id, type: 'committee', date: '2025-02-10', place: '会议室' });
    const m2 = await createMeeting(a, { orgId: u.b1.id, type: 'lecture', date: '2025-02-20', place: '会议室' });
    const b = await freshDb();
    await importFile(b, await exportFile(a));

    // B (机关党委) changes one member and deletes a meeting; both edit m1 differently; A edits li.
    await updateMember(b, p.wang1.id, { phone: '13800000000' });
    await deleteMeeting(b, m2.id);
    await saveMeeting(b, { ...(await getMeeting(b, m1.id))!, place: '三楼会议室' });
    await saveMeeting(a, { ...(await getMeeting(a, m1.id))!, place: '二楼会议室' });
    await updateMember(a, p.li.id, { phone: '13900000000' });
    // Both make the same change to zhang: converges silently.
    await updateMember(a, p.zhang.id, { department: '综合处' });
    await updateMember(b, p.zhang.id, { department: '综合处' });

    const fromB = await exportFile(b);
    const previewA = await prepareImport(a, { name: 'b.pmx', bytes: fromB }, PASSWORD);
    expect(previewA.tables.members.plan.counts).toMatchObject({ changed: 1, converged: 1, conflicts: 0 });
    expect(previewA.tables.meetings.plan.counts).toMatchObject({ deleted: 1, conflicts: 1 });
    const conflict = previewA.tables.meetings.plan.conflicts[0];
    expect(conflict.local.place).toBe('二楼会议室');
    expect(conflict.incoming.place).toBe('三楼会议室');
    await expect(applyImport(a, previewA, new Map())).rejects.toThrow('还有 1 条冲突');
    const sumA = await applyImport(a, previewA, new Map([[m1.id, 'theirs']]));
    expect(sumA).toMatchObject({ tookTheirs: 1, keptMine: 0, deleted: 1 });
    expect((await getMeeting(a, m1.id))?.place).toBe('三楼会议室');
    expect((await getMeeting(a, m2.id))?.deletedAt).not.toBeNull();
    expect((await getMember(a, p.wang1.id))?.phone).toBe('13800000000');

    // Back to B: A's decision dominates B's version, li's change arrives; no conflict remains.
    const back = await importFile(b, await exportFile(a));
    expect(totalCounts(back.preview).conflicts).toBe(0);
    expect(await records(b)).toEqual(await records(a));
    // And once more in each direction: nothing left to do.
    expect(totalCounts((await importFile(a, await exportFile(b))).preview)).toMatchObject({ added: 0, changed: 0, deleted: 0, conflicts: 0, converged: 0 });
    expect(totalCounts((await importFile(b, await exportFile(a))).preview)).toMatchObject({ added: 0, changed: 0, deleted: 0, conflicts: 0, converged: 0 });
  });

  it('keep mine: the local version wins and propagates', async () => {
    const a = await freshDb();
    const u = await makeUnit(a);
    const b = await freshDb();
    await importFile(b, await exportFile(a));
    const { updateOrganisation } = await import('../../../renderer/db/organisations');
    await updateOrganisation(a, u.b1.id, { note: 'A 的备注' });
    await updateOrganisation(b, u.b1.id, { note: 'B 的备注' });
    const r = await importFile(a, await exportFile(b), (pv) => new Map(pv.tables.organisations.plan.conflicts.map((c) => [c.local.id, 'mine' as const])));
    expect(r.summary.keptMine).toBe(1);
    expect((await a.organisations.get(u.b1.id))?.note).toBe('A 的备注');
    await importFile(b, await exportFile(a));
    expect((await b.organisations.get(u.b1.id))?.note).toBe('A 的备注');
  });

  it('a purged record is not brought back by an older copy, but a newer edit elsewhere returns it', async () => {
    const a = await freshDb();
    const u = await makeUnit(a);
    const m = await createMeeting(a, { orgId: u.b1.id, type: 'committee', date: '2025-02-10' });
    const old = await exportFile(a);
    await deleteMeeting(a, m.id);
    await purgeRecord(a, 'meetings', m.id);
    expect(await a.purged.get(m.id)).toMatchObject({ table: 'meetings' });
    const r = await importFile(a, old);
    expect(r.preview.tables.meetings.purgedSkipped).toHaveLength(1);
    expect(await getMeeting(a, m.id)).toBeUndefined();

    // Another machine had the record and kept editing it: the newer version comes back.
    const b = await freshDb();
    await importFile(b, old);
    await saveMeeting(b, { ...(await getMeeting(b, m.id))!, place: '新地点' });
    const r2 = await importFile(a, await exportFile(b));
    expect(r2.preview.tables.meetings.plan.counts.added).toBe(1);
    expect((await getMeeting(a, m.id))?.place).toBe('新地点');
    expect(await a.purged.get(m.id)).toBeUndefined();
  });

  it('scope: chosen organisations with descendants (parents ride along), and a date range', async () => {
    const a = await freshDb();
    const u = await makeUnit(a);
    await makePeople(a, u);
    await createMeeting(a, { orgId: u.b1.id, type: 'committee', date: '2025-01-10' });
    await createMeeting(a, { orgId: u.g1.id, type: 'group', date: '2025-02-10' });
    await createMeeting(a, { orgId: u.b2.id, type: 'committee', date: '2025-03-10' });
    const byOrg = await collectRecords(a, { kind: 'orgs', orgIds: [u.b2.id] });
    expect(byOrg.counts).toEqual({ organisations: 4, members: 5, meetings: 2, talks: 0, appraisals: 0, rectifications: 0 }); // pc (parent) + b2 + g1 + g2
    const byDate = await collectRecords(a, { kind: 'dates', from: '2025-02-01', to: '2025-03-31' });
    expect(byDate.counts).toEqual({ organisations: 5, members: 10, meetings: 2, talks: 0, appraisals: 0, rectifications: 0 });
    const b = await freshDb();
    const r = await importFile(b, await exportFile(a, { kind: 'orgs', orgIds: [u.b2.id] }));
    expect(r.summary.added).toBe(11);
    expect(r.preview.manifest.scope).toMatchObject({ kind: 'orgs', names: ['第二党支部'] });
  });

  it('atomic: a failure half-way through the write leaves nothing behind', async () => {
    const a = await freshDb();
    const u = await makeUnit(a);
    await makePeople(a, u);
    for (let i = 0; i < 20; i++) await createMeeting(a, { orgId: u.b1.id, type: 'lecture', date: `2025-01-${String(i + 1).padStart(2, '0')}` });
    const b = await freshDb();
    const preview = await prepareImport(b, { name: 'a.pmx', bytes: await exportFile(a) }, PASSWORD);
    const before = await dataState(b);
    // Poison one meeting in the middle: IndexedDB cannot store a function (DataCloneError),
    // after the organisations, members and the first meetings were already put.
    const added = preview.tables.meetings.plan.added as unknown as Record<string, unknown>[];
    added[10] = { ...added[10], place: () => 'x' };
    await expect(applyImport(b, preview, new Map())).rejects.toThrow();
    expect(await dataState(b)).toEqual(before);
    expect(await b.operationLog.count()).toBe(0);
  });

  it('refuses to write when local records changed after the preview', async () => {
    const a = await freshDb();
    const u = await makeUnit(a);
    const b = await freshDb();
    await importFile(b, await exportFile(a));
    const { updateOrganisation } = await import('../../../renderer/db/organisations');
    await updateOrganisation(a, u.b1.id, { note: '新备注' });
    const preview = await prepareImport(b, { name: 'a.pmx', bytes: await exportFile(a) }, PASSWORD);
    await updateOrganisation(b, u.b2.id, { note: '本机另一窗口的修改' }); // not in conflict, but…
    await updateOrganisation(b, u.b1.id, { note: '本机刚改的' }); // …this one was compared in the preview
    const before = await dataState(b);
    await expect(applyImport(b, preview, new Map())).rejects.toThrow(STALE_PREVIEW_MESSAGE);
    expect(await dataState(b)).toEqual(before);
  });
});
