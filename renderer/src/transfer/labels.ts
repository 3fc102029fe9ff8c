/** Chinese names for record fields in the side-by-side conflict view, and value formatting. */
import {
  MEETING_TYPE_LABELS,
  ORG_LEVEL_LABELS,
  RECTIFICATION_STATUS_LABELS,
  TALK_TYPE_LABELS,
  TALK_SENSITIVE_FIELDS,
  type RecordMeta,
} from '../../../shared/model';
import type { RecordTable } from '../../transfer';

export const FIELD_LABELS: Record<string, string> = {
  // organisations
  parentId: '上级组织', level: '层级', name: '名称', fullName: '全称', order: '排序', committee: '委员会成员',
  termStart: '本届开始', termEnd: '本届届满', note: '备注',
  // members
  gender: '性别', ethnicity: '民族', birthDate: '出生日期', idNumber: '身份证号', nativePlace: '籍贯', education: '学历',
  workStartDate: '参加工作时间', department: '工作部门', adminPost: '行政职务', title: '职称', personnelCategory: '人员类别',
  status: '状态', statusHistory: '状态变化', standing: '党籍状态', joinDate: '入党时间', fullMemberDate: '转正时间',
  activistDate: '确定积极分子时间', candidateDate: '确定发展对象时间', sponsors: '入党介绍人', branchId: '所在党支部',
  groupId: '所在党小组', memberships: '组织关系变动', partyPost: '党内职务', isLeadingCadre: '领导干部', isMobile: '流动党员',
  mobileNote: '流动情况', isLostContact: '失联', transferInDate: '转入时间', transferOutDate: '转出时间', phone: '联系电话',
  address: '现居住地', duesMonthly: '月党费', duesPaidUntil: '党费交至',
  // meetings
  orgId: '所属党组织', type: '会议类型', year: '年度', seq: '序号', date: '日期', startTime: '开始时间', endTime: '结束时间',
  place: '地点', chairId: '主持人', chairName: '主持人', chairTitle: '主持人职务', delegation: '委托说明', convenerId: '召集人',
  convenerName: '召集人', recorderId: '记录人', recorderName: '记录人', attendance: '出席情况', agenda: '议题和发言',
  summary: '会议小结', classification: '密级', recordingMethod: '记录方式', lecture: '党课信息', themeDay: '主题党日信息',
  finalisedAt: '定稿时间', reopenLog: '重新打开记录', chairSigned: '主持人已签字', recorderSigned: '记录人已签字',
  life: '组织生活会 / 民主生活会内容',
  // talks, appraisals, rectifications
  fiveMust: '五必谈情形', form: '谈话方式', interviewer: '谈话人', interviewees: '谈话对象', theme: '谈话主题',
  interviewerPoints: '谈话人谈话内容', intervieweePoints: '谈话对象谈话内容', issues: '反映的问题', criticism: '批评意见',
  attitude: '表态', followUps: '后续跟进', signedByBoth: '双方已签字', lifeMeetingId: '关联的组织生活会',
  annualYear: '年度', meetingId: '关联的会议', entries: '评议名单', committeeRating: '班子测评',
  listKind: '清单类型', personId: '个人清单所属人', personName: '个人清单所属人', source: '问题来源', category: '问题类别',
  problem: '问题表现', measures: '整改措施', target: '整改目标', ownerId: '责任人', ownerName: '责任人', leaderName: '责任领导',
  raisedDate: '提出日期', deadlineKind: '时限类型', deadline: '完成时限', progress: '整改进展', closedDate: '销号时间',
  closedBy: '销号审核人', evidence: '佐证材料', closedWithoutEvidence: '无佐证销号', publicity: '公示通报情况', origin: '问题出处',
  carriedFromId: '结转自',
  // meta
  deletedAt: '删除时间（回收站）', updatedAt: '最后修改时间', changedBy: '修改的电脑',
};

/** Fields that never differ in a way the secretary decides on, or that repeat another field. */
const HIDDEN = new Set(['id', 'createdAt', 'rev', 'vv', 'changedBy', 'chairId', 'convenerId', 'recorderId', 'ownerId', 'personId']);

/** Talk contents are sensitive: the conflict view says whether they differ, never what they say. */
const SENSITIVE = new Set<string>(TALK_SENSITIVE_FIELDS);

function summarise(key: string, v: unknown, orgNames: ReadonlyMap<string, string>): string {
  if (v === undefined || v === null || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (key === 'deletedAt' || key === 'updatedAt' || key === 'finalisedAt') return new Date(String(v)).toLocaleString('zh-CN', { hour12: false });
  if (key === 'parentId' || key === 'orgId' || key === 'branchId' || key === 'groupId') return orgNames.get(String(v)) ?? String(v);
  if (key === 'level') return ORG_LEVEL_LABELS[v as keyof typeof ORG_LEVEL_LABELS] ?? String(v);
  if (key === 'type') return MEETING_TYPE_LABELS[v as keyof typeof MEETING_TYPE_LABELS] ?? TALK_TYPE_LABELS[v as keyof typeof TALK_TYPE_LABELS] ?? String(v);
  if (key === 'status' && typeof v === 'string' && v in RECTIFICATION_STATUS_LABELS) return RECTIFICATION_STATUS_LABELS[v as keyof typeof RECTIFICATION_STATUS_LABELS];
  if ((key === 'interviewer' || key === 'interviewees') && typeof v === 'object') {
    return (Array.isArray(v) ? v : [v]).map((p: { name?: string; post?: string }) => `${p.name ?? ''}${p.post ? `（${p.post}）` : ''}`).join('、');
  }
  if (key === 'life' || key === 'entries') return Array.isArray(v) ? `共 ${v.length} 人` : '（组织生活会内容，请打开记录查看）';
  if (key === 'attendance' && Array.isArray(v)) {
    const present = v.filter((a: { presence?: string }) => a.presence === 'present').length;
    return `共 ${v.length} 人，出席 ${present} 人：${v.map((a: { name?: string; presence?: string }) => `${a.name}${a.presence === 'present' ? '' : '（缺席）'}`).join('、')}`;
  }
  if (key === 'agenda' && Array.isArray(v)) {
    return v
      .map((a: { title?: string; speeches?: { speakerName?: string; content?: string }[] }, i: number) =>
        `${i + 1}. ${a.title || '（无标题）'}${a.speeches?.length ? `\n   ${a.speeches.map((s) => `${s.speakerName}：${(s.content ?? '').slice(0, 200)}`).join('\n   ')}` : ''}`,
      )
      .join('\n');
  }
  if (key === 'classification' && typeof v === 'object') {
    const c = v as { level?: string; years?: number | null };
    return `${c.level ?? ''}${c.years ? `（${c.years} 年）` : ''}`;
  }
  if (typeof v === 'object') return JSON.stringify(v, null, 1).slice(0, 1000);
  return String(v);
}

export interface FieldDiff {
  key: string;
  label: string;
  mine: string;
  theirs: string;
  differs: boolean;
}

/** Field by field, differing fields first. */
export function diffRecords(table: RecordTable, mine: RecordMeta, theirs: RecordMeta, orgNames: ReadonlyMap<string, string>): FieldDiff[] {
  const a = mine as unknown as Record<string, unknown>;
  const b = theirs as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !HIDDEN.has(k));
  const masked = (k: string, v: unknown) =>
    table === 'talks' && SENSITIVE.has(k) ? (v === '' || (Array.isArray(v) && v.length === 0) || v == null ? '（空）' : '（谈话内容不在此显示）') : summarise(k, v, orgNames);
  const rows = keys.map((k) => {
    const m = masked(k, a[k]);
    const t = masked(k, b[k]);
    return { key: k, label: FIELD_LABELS[k] ?? k, mine: m, theirs: t, differs: JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null) };
  });
  const meta = new Set(['updatedAt', 'changedBy']);
  return [...rows.filter((r) => r.differs && !meta.has(r.key)), ...rows.filter((r) => meta.has(r.key)), ...rows.filter((r) => !r.differs && !meta.has(r.key))];
}
