/**
 * Agenda templates per meeting type (domain §2.1–§2.5) for the editor's "插入议程模板" menu.
 *
 * Templates give structure only: item titles, never speech content or decisions (domain §5.1
 * consequence 2: the tool must not generate speeches or fake records). Items come out with empty
 * `speeches` and `decisions`; ids come from the caller so shared/ stays pure.
 *
 * Titles avoid hard-coded thresholds ("超过半数", "五分之四"): those are unit settings and the
 * quorum check reports the actual arithmetic.
 */
import type { AgendaItem, MeetingType, VoteKind } from '../model';

export interface AgendaTemplateItem {
  title: string;
  /** This step is where a vote is normally taken; the editor may pre-select the vote kind. */
  voteKind?: VoteKind;
}

export interface AgendaTemplate {
  /** Stable key, e.g. 'assembly.admission'. */
  key: string;
  /** Menu label. */
  name: string;
  type: MeetingType;
  /** Where the script comes from (domain section), for the tooltip. */
  source: string;
  items: readonly AgendaTemplateItem[];
}

const ROLL_CALL = '通报应到、实到人数，确认到会人数符合规定';
const ROLL_CALL_SPLIT = '通报应到会和实到会党员人数（正式党员、预备党员分别统计），确认到会有表决权的党员人数符合规定';

export const AGENDA_TEMPLATES: readonly AgendaTemplate[] = [
  {
    key: 'life.annual',
    name: '组织生活会议程',
    type: 'life_meeting',
    source: 'domain §2.6 step 6',
    items: [
      { title: ROLL_CALL },
      { title: '书记通报会前准备情况和上年度整改落实情况' },
      { title: '书记代表支部委员会作对照检查，并带头开展自我批评' },
      { title: '支委委员、党员逐一开展批评与自我批评，被批评人表态' },
      { title: '民主评议党员' },
      { title: '上级党组织督导人员点评' },
      { title: '书记总结讲话' },
    ],
  },
  {
    key: 'democratic.annual',
    name: '民主生活会议程',
    type: 'democratic_life',
    source: 'domain §2.9',
    items: [
      { title: ROLL_CALL },
      { title: '主要负责同志通报上年度整改落实情况和征求意见情况' },
      { title: '主要负责同志代表领导班子作对照检查，并带头开展自我批评' },
      { title: '班子成员逐一开展批评与自我批评，被批评人表态' },
      { title: '通报谈话函询情况，有关同志作出说明' },
      { title: '上级督导人员点评' },
      { title: '主要负责同志总结讲话' },
    ],
  },
  {
    key: 'committee.regular',
    name: '支委会常规议程',
    type: 'committee',
    source: 'domain §2.1',
    items: [
      { title: ROLL_CALL },
      { title: '传达学习上级文件和会议精神' },
      { title: '研究本月工作情况和下月工作安排' },
      { title: '研究党员发展工作' },
      { title: '研究拟提交党员大会讨论的事项' },
      { title: '其他事项' },
      { title: '会议议定事项', voteKind: 'general' },
    ],
  },
  {
    key: 'committee.activist',
    name: '确定入党积极分子',
    type: 'committee',
    source: 'domain §1.3',
    items: [
      { title: ROLL_CALL },
      { title: '通报入党申请人基本情况和推荐情况' },
      { title: '支委会成员讨论' },
      { title: '表决确定入党积极分子', voteKind: 'general' },
      { title: '确定培养联系人' },
    ],
  },
  {
    key: 'committee.candidate',
    name: '确定发展对象',
    type: 'committee',
    source: 'domain §1.3',
    items: [
      { title: ROLL_CALL },
      { title: '通报入党积极分子培养考察情况和听取党员、群众意见情况' },
      { title: '支委会成员讨论' },
      { title: '表决确定发展对象', voteKind: 'general' },
      { title: '确定入党介绍人' },
      { title: '研究报上级党委备案事项' },
    ],
  },
  {
    key: 'assembly.regular',
    name: '党员大会常规议程',
    type: 'general_assembly',
    source: 'domain §2.2',
    items: [
      { title: ROLL_CALL_SPLIT },
      { title: '传达学习上级文件和会议精神' },
      { title: '听取支部委员会工作报告' },
      { title: '讨论审议事项' },
      { title: '表决', voteKind: 'general' },
      { title: '其他事项' },
    ],
  },
  {
    key: 'assembly.admission',
    name: '接收预备党员',
    type: 'general_assembly',
    source: 'domain §2.2',
    items: [
      { title: ROLL_CALL_SPLIT },
      { title: '发展对象宣读入党志愿书' },
      { title: '入党介绍人介绍发展对象情况并发表意见' },
      { title: '支部委员会报告对发展对象的审查情况' },
      { title: '与会党员讨论，逐一发表意见并表明赞成或反对' },
      { title: '表决（举手表决或无记名投票）', voteKind: 'admission' },
      { title: '宣读支部大会决议' },
      { title: '主持人小结，宣布散会' },
    ],
  },
  {
    key: 'assembly.confirmation',
    name: '预备党员转正',
    type: 'general_assembly',
    source: 'domain §2.2',
    items: [
      { title: ROLL_CALL_SPLIT },
      { title: '预备党员宣读转正申请，汇报预备期表现' },
      { title: '入党介绍人介绍预备党员预备期表现并发表意见' },
      { title: '支部委员会报告对预备党员的考察意见' },
      { title: '与会党员讨论，逐一发表意见并表明赞成或反对' },
      { title: '表决（举手表决或无记名投票）', voteKind: 'confirmation' },
      { title: '宣读支部大会决议' },
      { title: '主持人小结，宣布散会' },
    ],
  },
  {
    key: 'assembly.election',
    name: '换届选举',
    type: 'general_assembly',
    source: 'domain §1.2',
    items: [
      { title: '通报应到会和实到会有选举权的党员人数，确认到会人数符合选举规定' },
      { title: '听取支部委员会工作报告' },
      { title: '审议通过选举办法和监票人、计票人名单' },
      { title: '介绍候选人情况' },
      { title: '投票选举', voteKind: 'election' },
      { title: '计票，宣布选举结果' },
    ],
  },
  {
    key: 'group.regular',
    name: '党小组会常规议程',
    type: 'group',
    source: 'domain §2.3',
    items: [
      { title: '通报到会情况' },
      { title: '政治学习' },
      { title: '交流讨论' },
      { title: '谈心谈话、批评与自我批评' },
      { title: '需向支部报告的事项' },
    ],
  },
  {
    key: 'lecture.regular',
    name: '党课',
    type: 'lecture',
    source: 'domain §2.4',
    items: [
      { title: '主讲人讲授党课' },
      { title: '交流讨论' },
      { title: '主持人小结' },
    ],
  },
  {
    key: 'theme_day.regular',
    name: '主题党日',
    type: 'theme_day',
    source: 'domain §2.5',
    items: [
      { title: '通报上次主题党日议定事项落实情况' },
      { title: '集中学习' },
      { title: '开展主题活动' },
      { title: '民主议事' },
      { title: '议定事项' },
    ],
  },
];

/** Templates offered for a meeting type, in menu order (the first is the default). */
export function agendaTemplatesFor(type: MeetingType): { key: string; name: string }[] {
  return AGENDA_TEMPLATES.filter((t) => t.type === type).map(({ key, name }) => ({ key, name }));
}

export function getAgendaTemplate(key: string): AgendaTemplate | undefined {
  return AGENDA_TEMPLATES.find((t) => t.key === key);
}

/** The template the editor inserts by default when a new meeting of this type is created. */
export function defaultAgendaTemplateKey(type: MeetingType): string {
  const t = AGENDA_TEMPLATES.find((x) => x.type === type);
  if (!t) throw new Error(`没有“${type}”类型的议程模板`);
  return t.key;
}

/**
 * Fresh agenda items for a template: titles only, empty speeches and decisions, one new id each.
 * Throws for an unknown key (a programming error, not user input).
 */
export function buildAgenda(templateKey: string, newId: () => string): AgendaItem[] {
  const t = getAgendaTemplate(templateKey);
  if (!t) throw new Error(`未知的议程模板：${templateKey}`);
  return t.items.map((item) => ({ id: newId(), title: item.title, speeches: [], decisions: [] }));
}

/** Menu entries per meeting type, precomputed for the "插入议程模板" menu. */
export const AGENDA_TEMPLATE_MENU: Readonly<Record<MeetingType, readonly { key: string; name: string }[]>> = {
  general_assembly: agendaTemplatesFor('general_assembly'),
  committee: agendaTemplatesFor('committee'),
  group: agendaTemplatesFor('group'),
  lecture: agendaTemplatesFor('lecture'),
  theme_day: agendaTemplatesFor('theme_day'),
  life_meeting: agendaTemplatesFor('life_meeting'),
  democratic_life: agendaTemplatesFor('democratic_life'),
};
