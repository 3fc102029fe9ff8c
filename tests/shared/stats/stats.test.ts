/** shared/stats: hand-made records with counts worked out by hand. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attendanceByOrg,
  attendanceRates,
  meetingsPerMonth,
  meetingsPerQuarter,
  meetingsQuarterTable,
  monthEnds,
  percent,
  rectificationBurndown,
  rectificationSummary,
  type AttendanceInput,
  type MeetingCountInput,
} from '../../../shared/stats';

const A = 'org-a';
const B = 'org-b';

const rows: MeetingCountInput[] = [
  { orgId: A, type: 'committee', date: '2025-01-10' },
  { orgId: A, type: 'committee', date: '2025-01-28' },
  { orgId: A, type: 'theme_day', date: '2025-01-15' },
  { orgId: A, type: 'lecture', date: '2025-03-31' },
  { orgId: A, type: 'general_assembly', date: '2025-04-01' },
  { orgId: B, type: 'committee', date: '2025-12-31' },
  { orgId: A, type: 'committee', date: '2024-12-31' }, // other year
  { orgId: A, type: 'committee', date: '2025-02-02', deletedAt: '2025-02-03T00:00:00Z' }, // 回收站
];

describe('meetingsPerMonth', () => {
  it('counts each record once under its type and month, skipping other years and recycled records', () => {
    const m = meetingsPerMonth(rows, 2025);
    expect(m).toHaveLength(12);
    expect(m[0].counts.committee).toBe(2);
    expect(m[0].counts.theme_day).toBe(1);
    expect(m[0].total).toBe(3);
    expect(m[1].total).toBe(0);
    expect(m[2].counts.lecture).toBe(1);
    expect(m[3].counts.general_assembly).toBe(1);
    expect(m[11].counts.committee).toBe(1);
  });

  it('only the chosen organisations', () => {
    const m = meetingsPerMonth(rows, 2025, new Set([B]));
    expect(m.reduce((n, x) => n + x.total, 0)).toBe(1);
  });

  it('the months add up to the records of the year (any data)', () => {
    const arb = fc.array(
      fc.record({
        orgId: fc.constantFrom(A, B),
        type: fc.constantFrom('committee', 'lecture', 'group') as fc.Arbitrary<MeetingCountInput['type']>,
        date: fc.date({ min: new Date('2024-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      }),
    );
    fc.assert(
      fc.property(arb, (rs) => {
        const total = meetingsPerMonth(rs, 2025).reduce((n, m) => n + m.total, 0);
        expect(total).toBe(rs.filter((r) => r.date.startsWith('2025')).length);
        const q = meetingsPerQuarter(rs, 2025, [A, B]).reduce((n, r) => n + r.total, 0);
        expect(q).toBe(total);
      }),
    );
  });
});

describe('meetingsPerQuarter and its table', () => {
  it('a row for every organisation and type, zeros included; 3月31日 is the first quarter, 4月1日 the second', () => {
    const q = meetingsPerQuarter(rows, 2025, [A, B], ['committee', 'lecture', 'general_assembly']);
    expect(q).toHaveLength(6);
    const get = (org: string, type: string) => q.find((r) => r.orgId === org && r.type === type)!;
    expect(get(A, 'committee').quarters).toEqual([2, 0, 0, 0]);
    expect(get(A, 'lecture').quarters).toEqual([1, 0, 0, 0]);
    expect(get(A, 'general_assembly').quarters).toEqual([0, 1, 0, 0]);
    expect(get(B, 'committee').quarters).toEqual([0, 0, 0, 1]);
    expect(get(B, 'lecture').total).toBe(0);
    const t = meetingsQuarterTable(q, (id) => (id === A ? '第一党支部' : '第二党支部'), 2025, '');
    expect(t.rows[0]).toEqual(['第一党支部', '支部委员会会议', '2', '0', '0', '0', '2']);
    expect(t.columns.map((c) => c.label)).toEqual(['党组织', '会议类型', '一季度', '二季度', '三季度', '四季度', '全年合计']);
  });
});

const line = (memberId: string | null, name: string, presence: 'present' | 'leave' | 'absent', kind: 'member' | 'guest' = 'member') => ({ kind, memberId, name, presence });

const attendance: AttendanceInput[] = [
  { orgId: A, date: '2025-01-10', attendance: [line('m1', '张三', 'present'), line('m2', '李四', 'leave'), line(null, '王五', 'absent'), line(null, '上级督导', 'present', 'guest')] },
  { orgId: A, date: '2025-02-10', attendance: [line('m1', '张三', 'present'), line('m2', '李四', 'present'), line(null, '王五', 'present')] },
  { orgId: A, date: '2025-03-10', attendance: [line('m1', '张三', 'absent'), line('m2', '李四', 'present')] },
  { orgId: B, date: '2025-03-10', attendance: [line('m9', '赵六', 'present')] },
  { orgId: A, date: '2025-04-10', deletedAt: '2025-04-11T00:00:00Z', attendance: [line('m1', '张三', 'absent')] },
];

describe('attendanceRates', () => {
  it('present / expected per member; 请假 excused, 缺席 unexcused; guests and recycled meetings never count', () => {
    const r = attendanceRates(attendance);
    const by = Object.fromEntries(r.map((x) => [x.name, x]));
    expect(Object.keys(by).sort()).toEqual(['张三', '李四', '王五', '赵六'].sort());
    expect(by['张三']).toMatchObject({ expected: 3, present: 2, excused: 0, unexcused: 1 });
    expect(by['张三'].rate).toBeCloseTo(2 / 3);
    expect(by['李四']).toMatchObject({ expected: 3, present: 2, excused: 1, unexcused: 0 });
    expect(by['王五']).toMatchObject({ key: 'name:王五', expected: 2, present: 1, unexcused: 1 });
    expect(by['赵六'].rate).toBe(1);
    // Lowest rate first: 王五 50%, then 张三 and 李四 at 66.7% (by name), 赵六 last.
    expect(r[0].name).toBe('王五');
    expect(r[r.length - 1].name).toBe('赵六');
  });

  it('per organisation: all member lines added up', () => {
    const [a, b, c] = attendanceByOrg(attendance, [A, B, 'org-c']);
    expect(a).toMatchObject({ meetings: 3, expected: 8, present: 5, excused: 1, unexcused: 2 });
    expect(a.rate).toBeCloseTo(5 / 8);
    expect(b).toMatchObject({ meetings: 1, expected: 1, present: 1, rate: 1 });
    expect(c).toMatchObject({ meetings: 0, expected: 0, rate: null });
  });

  it('percent', () => {
    expect(percent(2 / 3)).toBe('66.7%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(null)).toBe('—');
  });
});

describe('rectification', () => {
  const items = [
    { orgId: A, raisedDate: '2024-12-20', closedDate: '2025-02-10', status: 'closed' as const, deadline: '2025-01-31' },
    { orgId: A, raisedDate: '2025-01-05', closedDate: null, status: 'in_progress' as const, deadline: '2025-03-31' },
    { orgId: A, raisedDate: '2025-01-31', closedDate: '2025-01-31', status: 'done' as const },
    { orgId: A, raisedDate: '2025-03-01', closedDate: null, status: 'not_started' as const, deadline: '2025-12-31' },
    { orgId: B, raisedDate: '2025-02-01', closedDate: null, status: 'not_started' as const, deleted: true, deletedAt: '2025-02-02T00:00:00Z' },
  ];

  it('monthEnds: twelve month ends, or up to today', () => {
    expect(monthEnds(2024)[1]).toBe('2024-02-29');
    expect(monthEnds(2025)).toHaveLength(12);
    expect(monthEnds(2025, '2025-03-15')).toEqual(['2025-01-31', '2025-02-28', '2025-03-15']);
  });

  it('burn-down: open at each month end, raised and closed within the month', () => {
    const b = rectificationBurndown(items, monthEnds(2025, '2025-04-30'));
    // Jan: the 2024 item and the 2025-01-05 item are open; the one raised and closed on 1-31 is not.
    expect(b.map((p) => p.open)).toEqual([2, 1, 2, 2]);
    expect(b.map((p) => p.raised)).toEqual([2, 0, 1, 0]);
    expect(b.map((p) => p.closed)).toEqual([1, 1, 0, 0]);
  });

  it('summary per organisation with 逾期 computed against today', () => {
    const [a, b] = rectificationSummary(items, [A, B], '2025-04-01');
    expect(a).toMatchObject({ total: 4, notStarted: 1, inProgress: 1, done: 1, closed: 1, overdue: 1, completion: 0.5 });
    expect(b).toMatchObject({ total: 0, completion: null });
  });
});
