/**
 * The demo unit, loaded the way the 工作台 loads it, shows each planted gap (and no false alarm
 * on what is complete).
 */
import { describe, expect, it } from 'vitest';
import { fillDemoData } from '../../../renderer/db/demo';
import { loadChecksInput } from '../../../renderer/src/dashboard/loadChecksInput';
import { runChecks } from '../../../shared/checks';
import { freshDb } from './helpers';

const NOW = new Date('2026-11-20T08:00:00.000Z');
const TODAY = '2026-11-20';

describe('demo data on the 工作台', () => {
  it('shows the planted gaps', async () => {
    const db = await freshDb();
    const s = await fillDemoData(db, { now: NOW });
    expect(s.talks).toBeGreaterThan(10);
    expect(s.appraisals).toBe(1);
    expect(s.rectifications).toBe(6);
    const year = Number(s.gaps.missingCommitteeMonth.month.slice(0, 4));
    const { input, settings } = await loadChecksInput(db, year, 'all', TODAY);
    const r = runChecks(input, settings, TODAY);
    const cell = (orgId: string, ob: string, period: string) => r.cells.find((c) => c.orgId === orgId && c.obligation === ob && c.period === period)!;

    expect(cell(s.gaps.missingCommitteeMonth.branchId, 'committee', s.gaps.missingCommitteeMonth.month).state).toBe('overdue');
    expect(cell(s.branchIds[0], 'committee', s.gaps.missingCommitteeMonth.month).state).toBe('held');
    expect(cell(s.gaps.missingLectureQuarter.branchId, 'lecture', s.gaps.missingLectureQuarter.quarter).state).toBe('overdue');
    expect(cell(s.branchIds[0], 'lecture', s.gaps.missingLectureQuarter.quarter).state).toBe('held');

    const by = (code: string) => r.findings.filter((f) => f.code === code);
    expect(by('ABSENCE_REASON_MISSING').map((f) => f.recordRef?.id)).toEqual([s.gaps.absentWithoutReasonMeetingId]);
    expect(by('RECTIFICATION_OVERDUE').map((f) => f.recordRef?.id)).toEqual([s.gaps.overdueRectificationId]);
    expect(by('PROBATION_DUE').map((f) => f.memberId)).toEqual([s.gaps.probationDueMemberId]);
    const gaps = by('TALK_GAP');
    expect(gaps.every((g) => g.orgId === s.branchIds[0] && g.recordRef?.id === s.gaps.nextLifeMeetingId)).toBe(true);
    const secretaryGaps = gaps.filter((g) => g.otherMemberId && s.gaps.talkGapMemberIds.includes(g.otherMemberId));
    expect(secretaryGaps).toHaveLength(2);
    expect(gaps.length).toBeLessThan(8);
    // Nothing planted → no quorum errors anywhere.
    expect(r.findings.filter((f) => f.checkId >= 10 && f.checkId <= 14 && f.severity === 'error')).toEqual([]);
  });

  it('the quick grid pass (list rows only) shows the same cells as reading every record', async () => {
    const db = await freshDb();
    const s = await fillDemoData(db, { now: NOW });
    const year = Number(s.gaps.missingCommitteeMonth.month.slice(0, 4));
    const all = runChecks((await loadChecksInput(db, year, 'all', TODAY)).input, (await loadChecksInput(db, year, 'all', TODAY)).settings, TODAY);
    const quick = await loadChecksInput(db, year, 'grid', TODAY);
    // Rows carry the grid facts: no 主题党日 / 党课 / 生活会 record had to be read.
    expect(quick.input.meetings.filter((m) => m.full)).toEqual([]);
    expect(quick.input.meetings.some((m) => m.type === 'lecture' && m.lecturerName)).toBe(true);
    expect(runChecks(quick.input, quick.settings, TODAY).cells).toEqual(all.cells);

    // A row written before the grid facts existed: that record is read in full instead.
    const lecture = quick.input.meetings.find((m) => m.type === 'lecture')!;
    const { grid: _grid, ...oldRow } = (await db.meetingIndex.get(lecture.id))!;
    await db.transaction('rw', db.meetingIndex, () => db.meetingIndex.put(oldRow));
    const again = await loadChecksInput(db, year, 'grid', TODAY);
    expect(again.input.meetings.filter((m) => m.full).map((m) => m.id)).toEqual([lecture.id]);
    expect(runChecks(again.input, again.settings, TODAY).cells).toEqual(all.cells);
  });
});
