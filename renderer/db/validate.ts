/**
 * Validation at the database edge: every record is parsed with its shared/model schema before it
 * is written. Failures become a Chinese message that says what to fix.
 */
import { z } from 'zod';

/** Thrown for anything the secretary can fix: the message is shown as is. */
export class DbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DbError';
  }
}

export class DbValidationError extends DbError {
  readonly issues: readonly z.core.$ZodIssue[];
  constructor(message: string, issues: readonly z.core.$ZodIssue[]) {
    super(message);
    this.name = 'DbValidationError';
    this.issues = issues;
  }
}

const zhCN = z.locales.zhCN().localeError;

const FIELD_LABELS: Record<string, string> = {
  name: '姓名', fullName: '组织全称', parentId: '上级组织', level: '层级', order: '排序',
  committee: '支委会成员', memberId: '党员', role: '职务', from: '起始日期', to: '截止日期',
  gender: '性别', birthDate: '出生日期', idNumber: '身份证号', department: '工作部门', status: '状态',
  statusHistory: '状态记录', standing: '党籍状态', joinDate: '入党日期', fullMemberDate: '转正日期',
  branchId: '所在党支部', groupId: '所在党小组', memberships: '组织关系记录', phone: '联系电话',
  duesMonthly: '党费标准', duesPaidUntil: '党费交至年月',
  orgId: '党组织', type: '会议类型', year: '年度', seq: '次数', date: '日期', startTime: '开始时间',
  endTime: '结束时间', place: '地点', chairName: '主持人', recorderName: '记录人', attendance: '出席情况',
  agenda: '议题', title: '标题', speeches: '发言', content: '发言内容', speakerName: '发言人',
  decisions: '决定事项', text: '内容', vote: '表决', yes: '赞成票', no: '反对票', abstain: '弃权票',
  summary: '主持人小结', classification: '密级', reason: '原因', lecture: '党课信息', themeDay: '主题党日信息',
  quorumRule: '人数规则', attendanceWarnPercent: '出席率提醒', electionQuorumFraction: '选举到会比例',
};

function describePath(path: readonly PropertyKey[], labels: Record<string, string>, message: string): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === 'number') parts.push(`第 ${p + 1} 项`);
    else parts.push(labels[String(p)] ?? FIELD_LABELS[String(p)] ?? String(p));
  }
  // "姓名：请填写姓名" reads badly: drop the last label when the message already names it.
  if (parts.length && message.includes(parts[parts.length - 1])) parts.pop();
  return parts.join(' › ');
}

/** Parses `value` with `schema`; on failure throws DbValidationError: "会议记录未能保存：出席情况 › 第 3 项：请填写姓名". */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  labels: Record<string, string> = {},
): z.output<S> {
  const r = schema.safeParse(value, { error: zhCN });
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const where = describePath(first.path, labels, first.message);
  const more = r.error.issues.length > 1 ? `（另有 ${r.error.issues.length - 1} 处问题）` : '';
  throw new DbValidationError(`${what}未能保存：${where ? `${where}：` : ''}${first.message}${more}`, r.error.issues);
}
