import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECTIFICATION_STATUSES, rectificationSchema, type Rectification } from '../../../shared/model';
import {
  carryOverReport,
  checkRectification,
  effectiveStatus,
  ledgerOrder,
  ledgerSummary,
  percentText,
} from '../../../shared/rules/rectification';
import { makeMeta } from './fixtures';

const TODAY = '2025-06-15';
const OPTS = { today: TODAY, staleDays: 90 };

function item(over: Partial<Rectification> = {}): Rectification {
  return rectificationSchema.parse({
    ...makeMeta(),
    orgId: 'org-branch-0001',
    annualYear: 2025,
    listKind: 'personal',
    personId: 'member-li',
    personName: '李四',
    source: 'self_review',
    category: '理论学习',
    problem: '学习不够系统',
    measures: '每月精读一篇原文',
    target: '',
    ownerId: 'member-li',
    ownerName: '李四',
    leaderName: '',
    department: '',
    raisedDate: '2025-05-20',
    deadlineKind: 'by_date',
    deadline: '2025-09-30',
    progress: [],
    status: 'not_started',
    closedBy: '',
    evidence: '',
    closedWithoutEvidence: false,
    publicity: '',
    origin: { meetingId: null, participantId: null, problemId: null, criticismId: null, talkId: null },
    carriedFromId: null,
    ...over,
  });
}
const codes = (it: Rectification, opts = OPTS) => checkRectification(it, opts).map((i) => `${i.severity}:${i.code}`);

describe('effective status (逾期 computed)', () => {
  it('an open item past its deadline is 逾期; done and closed ones never are; no deadline never is', () => {
    expect(effectiveStatus(item({ deadline: '2025-06-14' }), TODAY)).toBe('overdue');
    expect(effectiveStatus(item({ deadline: '2025-06-15' }), TODAY)).toBe('not_started'); // due today is not late
    expect(effectiveStatus(item({ deadline: '2025-06-14', status: 'done' }), TODAY)).toBe('done');
    expect(effectiveStatus(item({ deadline: '2025-06-14', status: 'closed', closedBy: '张书记', closedDate: '2025-06-10' }), TODAY)).toBe('closed');
    expect(effectiveStatus(item({ deadlineKind: 'immediate', deadline: undefined }), TODAY)).toBe('not_started');
  });
});

describe('checks on one item', () => {
  it('a complete open item has no issues', () => {
    expect(codes(item())).toEqual([]);
  });
  it('限期整改 without a date is an error; 立行立改 without one is fine', () => {
    expect(codes(item({ deadline: undefined }))).toContain('error:DEADLINE_MISSING');
    expect(codes(item({ deadlineKind: 'immediate', deadline: undefined }))).toEqual([]);
  });
  it('deadline before the raised date is an error; missing owner and measures are warnings', () => {
    expect(codes(item({ deadline: '2025-05-01' }))).toContain('error:DEADLINE_BEFORE_RAISED');
    const c = codes(item({ ownerName: '', measures: ' ' }));
    expect(c).toContain('warning:OWNER_MISSING');
    expect(c).toContain('warning:MEASURES_MISSING');
  });
  it('overdue gives a warning that says by how many days', () => {
    const [i] = checkRectification(item({ deadline: '2025-06-05' }), OPTS);
    expect(i).toMatchObject({ code: 'OVERDUE', severity: 'warning', field: 'deadline' });
    expect(i.message).toContain('逾期 10 天');
  });
  it('closed: approver missing is an error, evidence missing is a warning', () => {
    const noApprover = item({ status: 'closed', closedDate: '2025-06-01', closedBy: '', evidence: '整改报告' });
    expect(codes(noApprover)).toEqual(['error:CLOSED_WITHOUT_APPROVER']);
    const noEvidence = item({ status: 'closed', closedDate: '2025-06-01', closedBy: '张书记', evidence: '', closedWithoutEvidence: true });
    expect(codes(noEvidence)).toEqual(['warning:CLOSED_WITHOUT_EVIDENCE']);
  });
  it('no progress for more than N days on an item older than N days is flagged', () => {
    const old = item({ raisedDate: '2025-01-10', deadline: '2025-12-31' });
    expect(codes(old)).toContain('warning:NO_RECENT_PROGRESS');
    const recent = item({ raisedDate: '2025-01-10', deadline: '2025-12-31', progress: [{ id: 'p-00000001', date: '2025-05-01', text: '已制定学习计划' }] });
    expect(codes(recent)).not.toContain('warning:NO_RECENT_PROGRESS');
    expect(codes(old, { today: TODAY, staleDays: 200 })).not.toContain('warning:NO_RECENT_PROGRESS');
  });
});

describe('ledger arithmetic', () => {
  it('counts per effective status add up to the total; rates are shares of the total', () => {
    const gen = fc.array(
      fc.record({
        status: fc.constantFrom(...RECTIFICATION_STATUSES),
        deadline: fc.option(fc.constantFrom('2025-01-01', '2025-06-14', '2025-06-15', '2025-12-31'), { nil: undefined }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(gen, (items) => {
        const s = ledgerSummary(items, TODAY);
        const sum = Object.values(s.byStatus).reduce((a, b) => a + b, 0);
        expect(sum).toBe(items.length);
        expect(s.byStatus.closed).toBe(items.filter((i) => i.status === 'closed').length);
        expect(s.byStatus.overdue).toBe(items.filter((i) => i.status !== 'done' && i.status !== 'closed' && !!i.deadline && i.deadline < TODAY).length);
        expect(s.finished).toBe(s.byStatus.done + s.byStatus.closed);
        expect(s.closedRate).toBe(items.length ? s.byStatus.closed / items.length : 0);
        expect(s.closedRate).toBeLessThanOrEqual(s.finishedRate);
      }),
    );
  });
  it('percent text never rounds up to 100%', () => {
    expect(percentText(2 / 3)).toBe('66.6%');
    expect(percentText(0.9999)).toBe('99.9%');
    expect(percentText(1)).toBe('100%');
  });
});

describe('上年度整改落实情况通报 facts', () => {
  it('counts every state and lists each open item with its facts only', () => {
    const items = [
      item({ status: 'closed', closedDate: '2025-03-01', closedBy: '张书记', evidence: '制度文件' }),
      item({ status: 'done' }),
      item({ status: 'in_progress', deadline: '2025-06-01', problem: '调查研究不深入', progress: [{ id: 'p-00000002', date: '2025-05-10', text: '已走访两个科室' }] }),
      item({ listKind: 'team', personId: null, personName: '', problem: '支部“三会一课”质量不高', ownerName: '张书记', deadlineKind: 'ongoing', deadline: undefined }),
      item({ problem: '已删除的事项', deletedAt: '2025-05-01T00:00:00.000Z' }),
    ];
    const r = carryOverReport(items, TODAY);
    expect(r).toMatchObject({ total: 4, closed: 1, done: 1, inProgress: 1, notStarted: 1, overdue: 1 });
    expect(r.open.map((o) => o.problem)).toEqual(['支部“三会一课”质量不高', '调查研究不深入']); // 班子 first
    expect(r.open[1]).toMatchObject({ status: 'overdue', lastProgress: { date: '2025-05-10', text: '已走访两个科室' } });
    expect(r.text.split('\n')[0]).toBe('上年度整改事项共 4 项：已销号 1 项，已完成待销号 1 项，推进中 1 项，未开始 1 项；其中逾期未完成 1 项。');
    expect(r.text).toContain('1. 【理论学习】支部“三会一课”质量不高（清单：支部班子；责任人：张书记；时限：长期坚持；状态：未开始；暂无进展记录）');
    expect(r.text).toContain('最近进展（2025-05-10）：已走访两个科室');
    expect(r.text).not.toContain('已删除的事项');
  });
  it('an empty year says so in numbers, with no list', () => {
    const r = carryOverReport([], TODAY);
    expect(r.text).toBe('上年度整改事项共 0 项：已销号 0 项，已完成待销号 0 项，推进中 0 项，未开始 0 项。');
  });
  it('ledger order: 支部班子 first, then by person and date', () => {
    const a = item({ personName: '王五', raisedDate: '2025-01-01' });
    const b = item({ listKind: 'team', personName: '' });
    const c = item({ personName: '李四', raisedDate: '2025-02-01' });
    const d = item({ personName: '李四', raisedDate: '2025-01-01' });
    expect(ledgerOrder([a, b, c, d]).map((x) => x.id)).toEqual([b.id, d.id, c.id, a.id]);
  });
});
