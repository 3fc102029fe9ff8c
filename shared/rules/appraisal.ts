/**
 * 民主评议党员 rules (domain §2.7, §3.4, §5.2 items 29–32): vote tallies per member and the checks
 * on the record. 预备党员 take part but are never graded.
 *
 * Fields: 'entries' | 'entries.<entryId>.votes' | '.didRate' | '.finalGrade' | '.gradeReason'
 * | '.followUp' | '.feedback' | '.selfAppraisal' | '.peerComments'.
 */
import {
  APPRAISAL_GRADES,
  APPRAISAL_GRADE_LABELS,
  type AppraisalEntry,
  type AppraisalFields,
  type AppraisalGrade,
  type GradeVotes,
} from '../model';
import { blank, issueCollector, type RuleIssue } from './issues';

const VOTE_KEY: Record<AppraisalGrade, keyof GradeVotes> = {
  excellent: 'excellent',
  qualified: 'qualified',
  basic: 'basic',
  unqualified: 'unqualified',
};

export function totalVotes(v: GradeVotes): number {
  return v.excellent + v.qualified + v.basic + v.unqualified;
}

/**
 * The grade with the most votes (相对多数). Null when there are no votes or two grades share the
 * top count: then no grade follows from the votes alone.
 */
export function majorityGrade(v: GradeVotes): AppraisalGrade | null {
  let best: AppraisalGrade | null = null;
  let bestCount = 0;
  let tie = false;
  for (const g of APPRAISAL_GRADES) {
    const n = v[VOTE_KEY[g]];
    if (n > bestCount) {
      best = g;
      bestCount = n;
      tie = false;
    } else if (n === bestCount && n > 0) tie = true;
  }
  return bestCount > 0 && !tie ? best : null;
}

/** 优秀票率 = 优秀票 / 实参评人数; null when nobody rated. */
export function excellentRate(e: Pick<AppraisalEntry, 'votes' | 'didRate'>): number | null {
  return e.didRate > 0 ? e.votes.excellent / e.didRate : null;
}

/** Whether the entry is graded at all (预备党员 are appraised, not graded). */
export function isGraded(e: Pick<AppraisalEntry, 'status'>): boolean {
  return e.status === 'full';
}

export interface GradeTotals {
  excellent: number;
  qualified: number;
  basic: number;
  unqualified: number;
  /** Full members still without a final grade. */
  ungraded: number;
  /** 预备党员 (参评不定等次). */
  probationary: number;
  /** Full members (the base of the 1/3 rule). */
  gradedMembers: number;
}

export function gradeTotals(entries: readonly Pick<AppraisalEntry, 'status' | 'finalGrade'>[]): GradeTotals {
  const t: GradeTotals = { excellent: 0, qualified: 0, basic: 0, unqualified: 0, ungraded: 0, probationary: 0, gradedMembers: 0 };
  for (const e of entries) {
    if (!isGraded(e)) {
      t.probationary++;
      continue;
    }
    t.gradedMembers++;
    if (e.finalGrade) t[e.finalGrade]++;
    else t.ungraded++;
  }
  return t;
}

export const APPRAISAL_ISSUE_SEVERITY = {
  VOTES_EXCEED_RATERS: 'error',
  RATERS_EXCEED_EXPECTED: 'error',
  PROBATIONARY_GRADED: 'error',
  GRADE_REASON_MISSING: 'error',
  GRADE_MISSING: 'warning',
  SELF_APPRAISAL_MISSING: 'warning',
  PEER_APPRAISAL_MISSING: 'warning',
  FOLLOW_UP_MISSING: 'warning',
  FEEDBACK_MISSING: 'warning',
  EXCELLENT_OVER_SHARE: 'warning',
  NO_ENTRIES: 'warning',
} as const;
export type AppraisalIssueCode = keyof typeof APPRAISAL_ISSUE_SEVERITY;
export type AppraisalIssue = RuleIssue<AppraisalIssueCode>;

export interface AppraisalCheckOptions {
  /** Largest share of graded members rated 优秀 before a warning (default 1/3) [practice]. */
  excellentMaxFraction?: number;
}

/** Checks on one entry (one member's row). */
export function checkAppraisalEntry(e: AppraisalEntry): AppraisalIssue[] {
  const { issues, add } = issueCollector(APPRAISAL_ISSUE_SEVERITY);
  const f = (k: string) => `entries.${e.id}.${k}`;
  const name = e.name.trim() || '该党员';
  const sum = totalVotes(e.votes);
  if (sum > e.didRate) {
    add('VOTES_EXCEED_RATERS', f('votes'), `${name}：各等次票数合计 ${sum} 票，超过实参评人数 ${e.didRate} 人，请核对测评票`);
  }
  if (e.didRate > e.shouldRate) {
    add('RATERS_EXCEED_EXPECTED', f('didRate'), `${name}：实参评人数 ${e.didRate} 人，超过应参评人数 ${e.shouldRate} 人，请核对`);
  }
  if (!e.selfDone && blank(e.selfAppraisal)) {
    add('SELF_APPRAISAL_MISSING', f('selfAppraisal'), `${name}尚未记录个人自评，请补充自评内容或勾选“已自评”`);
  }
  if (e.peerComments.length === 0) {
    add('PEER_APPRAISAL_MISSING', f('peerComments'), `${name}尚无党员互评意见，请补记互评情况`);
  }
  if (!isGraded(e)) {
    if (e.finalGrade) {
      add(
        'PROBATIONARY_GRADED',
        f('finalGrade'),
        `${name}是预备党员，参加评议但不确定等次，请清除其评定等次（测评表上标注“参评不定等次”）`,
      );
    }
  } else if (!e.finalGrade) {
    add('GRADE_MISSING', f('finalGrade'), `${name}尚未评定等次，请由支委会或党员大会结合测评结果和平时表现评定`);
  } else {
    const majority = majorityGrade(e.votes);
    if (majority && majority !== e.finalGrade && blank(e.gradeReason)) {
      add(
        'GRADE_REASON_MISSING',
        f('gradeReason'),
        `${name}的评定等次“${APPRAISAL_GRADE_LABELS[e.finalGrade]}”与测评得票最多的“${APPRAISAL_GRADE_LABELS[majority]}”不同，请填写评定理由`,
      );
    }
    if ((e.finalGrade === 'basic' || e.finalGrade === 'unqualified') && blank(e.followUp)) {
      add(
        'FOLLOW_UP_MISSING',
        f('followUp'),
        `${name}评定为“${APPRAISAL_GRADE_LABELS[e.finalGrade]}”，请填写处置措施（如指出差距、帮扶计划或组织处置）`,
      );
    }
  }
  if (!e.feedbackDate || blank(e.feedbackBy)) {
    add('FEEDBACK_MISSING', f('feedback'), `尚未记录向${name}反馈评议结果，请填写反馈时间和反馈人`);
  }
  return issues;
}

/** Checks on the whole record: every entry, then the 优秀 share. */
export function checkAppraisal(a: Pick<AppraisalFields, 'entries'>, opts: AppraisalCheckOptions = {}): AppraisalIssue[] {
  const out: AppraisalIssue[] = [];
  if (a.entries.length === 0) {
    out.push({
      severity: APPRAISAL_ISSUE_SEVERITY.NO_ENTRIES,
      code: 'NO_ENTRIES',
      field: 'entries',
      message: '评议名单为空，请从花名册添加参加评议的党员',
    });
  }
  for (const e of a.entries) out.push(...checkAppraisalEntry(e));
  const max = opts.excellentMaxFraction ?? 1 / 3;
  const t = gradeTotals(a.entries);
  // 优秀 × den > num × graded, in integers where the fraction is a simple one (1/3).
  if (t.gradedMembers > 0 && t.excellent > max * t.gradedMembers + 1e-9) {
    out.push({
      severity: APPRAISAL_ISSUE_SEVERITY.EXCELLENT_OVER_SHARE,
      code: 'EXCELLENT_OVER_SHARE',
      field: 'entries',
      message:
        `评定为优秀的党员 ${t.excellent} 人，超过参加定等党员 ${t.gradedMembers} 人的${max === 1 / 3 ? '三分之一' : `${Math.round(max * 100)}%`}` +
        `（最多 ${Math.floor(max * t.gradedMembers + 1e-9)} 人），请核对评定结果`,
    });
  }
  return out;
}
