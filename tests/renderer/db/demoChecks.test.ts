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
});
