import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPRAISAL_GRADES, type AppraisalEntry, type AppraisalGrade } from '../../../shared/model';
import { checkAppraisal, excellentRate, gradeTotals, majorityGrade, totalVotes } from '../../../shared/rules/appraisal';
import { newId } from './fixtures';

function entry(name: string, over: Partial<AppraisalEntry> = {}): AppraisalEntry {
  return {
    id: newId(),
    memberId: `member-${name}`,
    name,
    status: 'full',
    selfAppraisal: '按照合格党员标准对照检查……',
    selfDone: true,
    peerComments: [{ id: newId(), fromId: null, fromName: '王五', text: '工作认真' }],
    shouldRate: 10,
    didRate: 9,
    votes: { excellent: 2, qualified: 7, basic: 0, unqualified: 0 },
    finalGrade: 'qualified',
    gradeReason: '',
    feedbackBy: '张书记',
    feedbackDate: '2026-01-20',
    followUp: '',
    ...over,
  };
}
const codes = (entries: AppraisalEntry[]) => checkAppraisal({ entries }).map((i) => `${i.severity}:${i.code}`);

describe('votes', () => {
  it('majority is the grade with most votes; a tie at the top or no votes gives none', () => {
    expect(majorityGrade({ excellent: 2, qualified: 7, basic: 0, unqualified: 0 })).toBe('qualified');
    expect(majorityGrade({ excellent: 4, qualified: 4, basic: 1, unqualified: 0 })).toBeNull();
    expect(majorityGrade({ excellent: 0, qualified: 0, basic: 0, unqualified: 0 })).toBeNull();
  });
  it('优秀票率 = 优秀票 / 实参评 (none when nobody rated)', () => {
    expect(excellentRate(entry('李四', { didRate: 8, votes: { excellent: 6, qualified: 2, basic: 0, unqualified: 0 } }))).toBe(0.75);
    expect(excellentRate(entry('李四', { didRate: 0, votes: { excellent: 0, qualified: 0, basic: 0, unqualified: 0 } }))).toBeNull();
  });
  it('the majority grade has at least as many votes as every other grade (property)', () => {
    const n = fc.integer({ min: 0, max: 50 });
    fc.assert(
      fc.property(fc.record({ excellent: n, qualified: n, basic: n, unqualified: n }), (v) => {
        const g = majorityGrade(v);
        if (totalVotes(v) === 0) expect(g).toBeNull();
        if (g) for (const o of APPRAISAL_GRADES) if (o !== g) expect(v[g]).toBeGreaterThan(v[o]);
      }),
    );
  });
});

describe('checks', () => {
  it('a complete record has no issues', () => {
    expect(codes([entry('李四'), entry('王五'), entry('赵六')])).toEqual([]);
  });
  it('votes above 实参评 and 实参评 above 应参评 are errors', () => {
    expect(codes([entry('李四', { didRate: 8 })])).toEqual(['error:VOTES_EXCEED_RATERS']);
    expect(codes([entry('李四', { shouldRate: 8, didRate: 9 })])).toEqual(['error:RATERS_EXCEED_EXPECTED']);
  });
  it('a 预备党员 with a grade is an error; without one nothing is missing', () => {
    expect(codes([entry('小周', { status: 'probationary' })])).toEqual(['error:PROBATIONARY_GRADED']);
    expect(codes([entry('小周', { status: 'probationary', finalGrade: null })])).toEqual([]);
  });
  it('a grade that differs from the vote needs a reason', () => {
    const e = entry('李四', { finalGrade: 'excellent' });
    const [i] = checkAppraisal({ entries: [e, entry('王五'), entry('赵六')] });
    expect(i).toMatchObject({ severity: 'error', code: 'GRADE_REASON_MISSING', field: `entries.${e.id}.gradeReason` });
    expect(i.message).toContain('“优秀”与测评得票最多的“合格”不同');
    expect(codes([{ ...e, gradeReason: '平时表现突出，获局嘉奖' }, entry('王五'), entry('赵六')])).toEqual([]);
  });
  it('基本合格 / 不合格 need a follow-up; feedback and self-appraisal are warned when missing', () => {
    const basic = entry('李四', { finalGrade: 'basic', votes: { excellent: 0, qualified: 2, basic: 7, unqualified: 0 } });
    expect(codes([basic])).toEqual(['warning:FOLLOW_UP_MISSING']);
    expect(codes([entry('李四', { feedbackDate: undefined })])).toEqual(['warning:FEEDBACK_MISSING']);
    expect(codes([entry('李四', { selfDone: false, selfAppraisal: '' })])).toEqual(['warning:SELF_APPRAISAL_MISSING']);
  });
  it('优秀 above one third of graded members is a warning (预备党员 not counted in the base)', () => {
    const ex = (name: string) => entry(name, { finalGrade: 'excellent', votes: { excellent: 8, qualified: 1, basic: 0, unqualified: 0 } });
    // 2 of 6 graded = exactly one third: fine.
    const six = [ex('甲'), ex('乙'), entry('丙'), entry('丁'), entry('戊'), entry('己')];
    expect(codes(six)).toEqual([]);
    // 2 of 5 graded (+ a 预备党员, who does not count): too many.
    const five = [ex('甲'), ex('乙'), entry('丙'), entry('丁'), entry('戊'), entry('小周', { status: 'probationary', finalGrade: null })];
    const issues = checkAppraisal({ entries: five });
    expect(issues.map((i) => i.code)).toEqual(['EXCELLENT_OVER_SHARE']);
    expect(issues[0].message).toContain('优秀的党员 2 人，超过参加定等党员 5 人的三分之一（最多 1 人）');
  });
  it('totals per grade add up to the graded members (property)', () => {
    const e = fc.record({
      status: fc.constantFrom('full' as const, 'probationary' as const),
      finalGrade: fc.option(fc.constantFrom<AppraisalGrade>(...APPRAISAL_GRADES), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(e, { maxLength: 40 }), (list) => {
        const t = gradeTotals(list);
        expect(t.excellent + t.qualified + t.basic + t.unqualified + t.ungraded).toBe(t.gradedMembers);
        expect(t.gradedMembers + t.probationary).toBe(list.length);
      }),
    );
  });
});
