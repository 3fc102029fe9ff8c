/**
 * Transfer of the issue #5 tables (谈心谈话, 民主评议, 整改事项) between two machines: a full round
 * trip into an empty database, a conflict on a talk decided per record, and scoped exports.
 * Runs on fake-indexeddb and in real Chromium.
 */
import { describe, expect, it } from 'vitest';
import { createAppraisal } from '../../../renderer/db/appraisals';
import { addProgress, closeItem, createRectification, emptyRectificationFields } from '../../../renderer/db/rectifications';
import { createRecord, deleteRecordOf, saveRecord, TALKS } from '../../../renderer/db/records';
import { newTalkFields } from '../../../renderer/db/talks';
import { collectRecords, totalCounts } from '../../../renderer/transfer';
import { dataState, exportFile, importFile } from '../transfer/helpers';
import { freshDb, makePeople, makeUnit } from './helpers';

const NEW_TABLES = ['talks', 'appraisals', 'rectifications'] as const;

async function fill(db: Awaited<ReturnType<typeof freshDb>>) {
  const u = await makeUnit(db);
  const p = await makePeople(db, u);
  const b1 = (await db.organisations.get(u.b1.id))!;
  const b2 = (await db.organisations.get(u.b2.id))!;
  const talk = await createRecord(db, TALKS, { ...newTalkFields(b1, p.zhang, p.li, '2025-11-01'), intervieweePoints: '希望多组织业务学习' });
  const other = await createRecord(db, TALKS, newTalkFields(b2, p.guo, p.luo, '2025-03-01'));
  const gone = await createRecord(db, TALKS, newTalkFields(b1, p.zhang, p.wang1, '2025-11-02'));
  await deleteRecordOf(db, TALKS, gone.id); // tombstones travel too
  const appraisal = await createAppraisal(db, u.b1.id, 2025, '2026-01-20');
  const item = await createRectification(db, { ...emptyRectificationFields(u.b1.id, 2025, '2025-12-20'), problem: '学习记录不全', deadline: '2026-03-31' });
  await addProgress(db, item.id, { date: '2026-01-05', text: '补齐学习记录' });
  await closeItem(db, item.id, { date: '2026-02-01', approver: '刘明', evidence: '学习记录本' });
  return { u, p, talk, other, gone, appraisal, item };
}

describe('transfer of talks, appraisals and rectification items', () => {
  it('export → import into an empty database gives identical rows; importing again changes nothing', async () => {
    const a = await freshDb();
    await fill(a);
    const file = await exportFile(a);
    const b = await freshDb();
    const first = await importFile(b, file);
    expect(first.summary.perTable.talks.added).toBe(3);
    expect(first.summary.perTable.appraisals.added).toBe(1);
    expect(first.summary.perTable.rectifications.added).toBe(1);
    const sa = await dataState(a);
    const sb = await dataState(b);
    for (const t of NEW_TABLES) expect(sb[t], t).toEqual(sa[t]);
    const again = await importFile(b, file);
    expect(totalCounts(again.preview)).toMatchObject({ added: 0, changed: 0, conflicts: 0 });
    expect(again.summary.written).toBe(0);
  });

  it('a talk edited on both machines is a conflict; taking theirs writes theirs on both sides', async () => {
    const a = await freshDb();
    const { talk } = await fill(a);
    const b = await freshDb();
    await importFile(b, await exportFile(a));
    const ta = (await a.talks.get(talk.id))!;
    const tb = (await b.talks.get(talk.id))!;
    await saveRecord(a, TALKS, { ...ta, place: '书记办公室' });
    await saveRecord(b, TALKS, { ...tb, place: '小会议室' });
    const r = await importFile(a, await exportFile(b), (pv) => {
      expect(pv.tables.talks.plan.conflicts.map((c) => c.local.id)).toEqual([talk.id]);
      return new Map([[talk.id, 'theirs' as const]]);
    });
    expect(r.summary.tookTheirs).toBe(1);
    expect((await a.talks.get(talk.id))?.place).toBe('小会议室');
    await importFile(b, await exportFile(a));
    expect((await dataState(b)).talks).toEqual((await dataState(a)).talks);
  });

  it('scoped exports carry the new records of the chosen organisations or dates', async () => {
    const a = await freshDb();
    const { u } = await fill(a);
    const byOrg = await collectRecords(a, { kind: 'orgs', orgIds: [u.b2.id] });
    expect(byOrg.counts).toMatchObject({ talks: 1, appraisals: 0, rectifications: 0 });
    const byDate = await collectRecords(a, { kind: 'dates', from: '2025-11-01', to: '2025-12-31' });
    expect(byDate.counts).toMatchObject({ talks: 2, appraisals: 0, rectifications: 1 });
  });
});
