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

export const MEETING_TYPES = ['general_assembly', 'committee', 'group', 'lecture', 'theme_day'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  general_assembly: '支部党员大会',
  committee: '支部委员会会议',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
};
export const MEETING_TYPE_SHORT: Record<MeetingType, string> = {
  general_assembly: '党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
};

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
