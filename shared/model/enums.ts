/** Code values stay English and stable; every label shown to the secretary comes from these maps. */

export const ORG_LEVELS = ['party_committee', 'general_branch', 'branch', 'group'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  party_committee: '机关党委',
  general_branch: '党总支',
  branch: '党支部',
  group: '党小组',
};
/** Which levels may sit directly under which (domain §1.1). */
export const ORG_CHILD_LEVELS: Record<OrgLevel, OrgLevel[]> = {
  party_committee: ['general_branch', 'branch'],
  general_branch: ['branch'],
  branch: ['group'],
  group: [],
};

export const MEMBER_STATUSES = ['full', 'probationary', 'candidate', 'activist', 'applicant'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  full: '正式党员',
  probationary: '预备党员',
  candidate: '发展对象',
  activist: '入党积极分子',
  applicant: '入党申请人',
};
/** Statuses that are Party members (attend as members); the others attend as 列席 if at all. */
export const PARTY_MEMBER_STATUSES: readonly MemberStatus[] = ['full', 'probationary'];

export const PARTY_STANDINGS = ['normal', 'probation_sanction', 'suspended', 'transferred_out', 'expelled', 'deceased'] as const;
export type PartyStanding = (typeof PARTY_STANDINGS)[number];
export const PARTY_STANDING_LABELS: Record<PartyStanding, string> = {
  normal: '正常',
  probation_sanction: '留党察看',
  suspended: '停止党籍',
  transferred_out: '已转出',
  expelled: '出党',
  deceased: '死亡',
};
/** Standings whose members are still on the active roster. */
export const ACTIVE_STANDINGS: readonly PartyStanding[] = ['normal', 'probation_sanction'];

export const COMMITTEE_ROLES = ['secretary', 'deputy_secretary', 'organisation', 'publicity', 'discipline', 'youth', 'secrecy', 'united_front', 'mass_work', 'other'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];
export const COMMITTEE_ROLE_LABELS: Record<CommitteeRole, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organisation: '组织委员',
  publicity: '宣传委员',
  discipline: '纪检委员',
  youth: '青年委员',
  secrecy: '保密委员',
  united_front: '统战委员',
  mass_work: '群工委员',
  other: '委员',
};

export const MEETING_TYPES = ['general_assembly', 'committee', 'group', 'lecture', 'theme_day', 'life_meeting', 'democratic_life'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  general_assembly: '支部党员大会',
  committee: '支部委员会会议',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  democratic_life: '民主生活会',
};
export const MEETING_TYPE_SHORT: Record<MeetingType, string> = {
  general_assembly: '党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  democratic_life: '民主生活会',
};
/** The 三会一课 and 主题党日 types (the foundation's five); the two annual criticism meetings carry a `life` block. */
export const ROUTINE_MEETING_TYPES = ['general_assembly', 'committee', 'group', 'lecture', 'theme_day'] as const;
export type RoutineMeetingType = (typeof ROUTINE_MEETING_TYPES)[number];
export const LIFE_MEETING_TYPES = ['life_meeting', 'democratic_life'] as const;
export type LifeMeetingType = (typeof LIFE_MEETING_TYPES)[number];
export function isLifeMeetingType(t: MeetingType): t is LifeMeetingType {
  return t === 'life_meeting' || t === 'democratic_life';
}

export const PRESENCES = ['present', 'absent', 'leave'] as const;
export type Presence = (typeof PRESENCES)[number];
export const PRESENCE_LABELS: Record<Presence, string> = { present: '出席', absent: '缺席', leave: '请假' };

export const VOTE_METHODS = ['show_of_hands', 'secret_ballot'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];
export const VOTE_METHOD_LABELS: Record<VoteMethod, string> = { show_of_hands: '举手表决', secret_ballot: '无记名投票' };

export const VOTE_KINDS = ['general', 'admission', 'confirmation', 'extension', 'election'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
export const VOTE_KIND_LABELS: Record<VoteKind, string> = {
  general: '一般事项',
  admission: '接收预备党员',
  confirmation: '预备党员转正',
  extension: '延长预备期',
  election: '换届选举',
};

export const CLASSIFICATION_LEVELS = ['none', 'internal', 'secret', 'confidential', 'top_secret'] as const;
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];
export const CLASSIFICATION_LABELS: Record<ClassificationLevel, string> = {
  none: '无',
  internal: '内部',
  secret: '秘密',
  confidential: '机密',
  top_secret: '绝密',
};
/** Only national secrets carry ★ (domain §4.7). */
export const NATIONAL_SECRET_LEVELS: readonly ClassificationLevel[] = ['secret', 'confidential', 'top_secret'];
/** Statutory maximum secrecy period in years when none is given (domain §4.7). */
export const MAX_SECRECY_YEARS: Partial<Record<ClassificationLevel, number>> = { secret: 10, confidential: 20, top_secret: 30 };

export const RECORD_STATUSES = ['draft', 'final'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = { draft: '草稿', final: '定稿' };

export const LECTURE_FORMS = ['讲授', '视频', '现场教学', '研讨交流', '其他'] as const;
export const THEME_DAY_FORMS = ['学习', '组织生活', '民主议事', '志愿服务', '其他'] as const;

/** How a 组织生活会 is held (domain §2.6). */
export const LIFE_HELD_AS = ['general_assembly', 'committee', 'group'] as const;
export type LifeHeldAs = (typeof LIFE_HELD_AS)[number];

/** 会前准备 checklist items (domain §2.6 steps 2–5, §5.2 checks 22–25). */
export const LIFE_PREP_KINDS = ['study', 'opinions', 'talks', 'papers'] as const;
export type LifePrepKind = (typeof LIFE_PREP_KINDS)[number];
export const LIFE_PREP_LABELS: Record<LifePrepKind, string> = {
  study: '会前学习',
  opinions: '征求意见',
  talks: '谈心谈话',
  papers: '对照检查材料',
};

/** Role of a participant in the criticism blocks. */
export const LIFE_ROLES = ['secretary', 'committee', 'member', 'leader', 'team_member'] as const;
export type LifeRole = (typeof LIFE_ROLES)[number];
export const LIFE_ROLE_LABELS: Record<LifeRole, string> = {
  secretary: '书记',
  committee: '委员',
  member: '党员',
  leader: '主要负责同志',
  team_member: '班子成员',
};

/** 谈心谈话 types (domain §3.2). */
export const TALK_TYPES = ['routine', 'pre_meeting', 'reminder', 'five_musts', 'political_birthday', 'admission', 'integrity'] as const;
export type TalkType = (typeof TALK_TYPES)[number];
export const TALK_TYPE_LABELS: Record<TalkType, string> = {
  routine: '日常谈心',
  pre_meeting: '组织生活会前谈心',
  reminder: '提醒谈话',
  five_musts: '五必谈',
  political_birthday: '政治生日谈话',
  admission: '入党/转正谈话',
  integrity: '廉政谈话',
};
/** 五必谈 situations (domain §2.8) [practice]. */
export const FIVE_MUSTS = ['job_change', 'commendation', 'family_difficulty', 'problem_signs', 'member_request'] as const;
export type FiveMust = (typeof FIVE_MUSTS)[number];
export const FIVE_MUST_LABELS: Record<FiveMust, string> = {
  job_change: '岗位变动或调入',
  commendation: '受到表彰',
  family_difficulty: '家庭变故或困难',
  problem_signs: '出现失误或苗头性问题',
  member_request: '本人提出谈话',
};
export const TALK_FORMS = ['individual', 'group'] as const;
export type TalkForm = (typeof TALK_FORMS)[number];
export const TALK_FORM_LABELS: Record<TalkForm, string> = { individual: '个别谈话', group: '集体谈话' };
export const TALK_ISSUE_TARGETS = ['self', 'committee', 'others', 'difficulty'] as const;
export type TalkIssueTarget = (typeof TALK_ISSUE_TARGETS)[number];
export const TALK_ISSUE_TARGET_LABELS: Record<TalkIssueTarget, string> = {
  self: '对本人',
  committee: '对支部班子',
  others: '对其他同志',
  difficulty: '困难诉求',
};

/** 民主评议 grades (domain §2.7). */
export const APPRAISAL_GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];
export const APPRAISAL_GRADE_LABELS: Record<AppraisalGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basic: '基本合格',
  unqualified: '不合格',
};

/** 整改 (domain §3.5). */
export const RECTIFICATION_LIST_KINDS = ['team', 'personal'] as const;
export type RectificationListKind = (typeof RECTIFICATION_LIST_KINDS)[number];
export const RECTIFICATION_LIST_KIND_LABELS: Record<RectificationListKind, string> = { team: '支部班子', personal: '个人' };
export const RECTIFICATION_SOURCES = ['self_review', 'opinions', 'criticism', 'talk', 'higher_comment', 'inspection', 'carried_over'] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];
export const RECTIFICATION_SOURCE_LABELS: Record<RectificationSource, string> = {
  self_review: '自我查摆',
  opinions: '征求意见',
  criticism: '相互批评',
  talk: '谈心谈话',
  higher_comment: '上级点评',
  inspection: '巡察审计',
  carried_over: '上年度未完成',
};
export const DEADLINE_KINDS = ['immediate', 'by_date', 'ongoing'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = { immediate: '立行立改', by_date: '限期整改', ongoing: '长期坚持' };
/** Stored status; 逾期 is computed (shared/rules/rectification.ts), never stored. */
export const RECTIFICATION_STATUSES = ['not_started', 'in_progress', 'done', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus | 'overdue', string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  closed: '已销号',
  overdue: '逾期',
};
