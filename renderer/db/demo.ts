/**
 * 演示数据: a realistic, sober unit for demos, screenshots and the dashboard — one 机关党委, three
 * 党支部 (one with two 党小组), 42 people and a year of meetings, the last 组织生活会 with its
 * appraisal and rectification items, talks before the next one, and a few planted gaps the 工作台
 * shows: a month without 支委会, a quarter without 党课, an absentee without a reason, an overdue
 * rectification item, talk gaps before the next 组织生活会, a 预备党员 due for 转正.
 * Deterministic for a given seed and `now` (except changedBy, this installation's id).
 * Refuses to run on a database that already holds organisations, members or meetings.
 */
import {
  appraisalSchema,
  meetingSchema,
  memberSchema,
  organisationSchema,
  rectificationSchema,
  talkSchema,
  type Appraisal,
  type AppraisalEntry,
  type LifeBlock,
  type LifeParticipant,
  type Rectification,
  type Talk,
  type AgendaItem,
  type AttendanceEntry,
  type ClassificationLevel,
  type CommitteeRole,
  type CommitteeSeat,
  type Decision,
  type Meeting,
  type MeetingType,
  type Member,
  type MemberStatus,
  type Organisation,
  type Speech,
  type Vote,
} from '../../shared/model';
import { hasVotingRight } from '../../shared/rules/attendance';
import type { PartyMinutesDB } from './database';
import { emptyMeetingFields } from './meetings';
import { getInstallationId, stampMeta } from './meta';
import { buildAttendance, dayBefore, seatsOn } from './roster';
import { DbError, parseOrThrow } from './validate';
import { getSettings, putSettings } from './settings';

export interface DemoOptions {
  /** "Today" for the demo: the year of meetings ends with the month before this. */
  now: Date;
  /** Default 2025. */
  seed?: number;
}

export interface DemoSummary {
  partyCommitteeId: string;
  branchIds: string[];
  groupIds: string[];
  organisations: number;
  members: number;
  meetings: number;
  drafts: number;
  talks: number;
  appraisals: number;
  rectifications: number;
  /** Planted gaps for the compliance dashboard. */
  gaps: {
    missingCommitteeMonth: { branchId: string; month: string };
    absentWithoutReasonMeetingId: string;
    /** Quarter key '2026-Q2' in which the branch held no 党课. */
    missingLectureQuarter: { branchId: string; quarter: string };
    overdueRectificationId: string;
    /** The planned (draft) 组织生活会 with talk gaps before it. */
    nextLifeMeetingId: string;
    /** Talks still missing before it: secretary with these members. */
    talkGapMemberIds: string[];
    probationDueMemberId: string;
  };
}

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const uuid = () => {
    const h = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
    h[12] = '4';
    h[16] = ((parseInt(h[16], 16) & 3) | 8).toString(16);
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, int, pick, uuid };
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** A working day near the wanted day (Saturday → Friday, Sunday → Monday). */
function workday(y: number, m: number, d: number): string {
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const shift = wd === 6 ? -1 : wd === 0 ? 1 : 0;
  return new Date(Date.UTC(y, m - 1, d + shift)).toISOString().slice(0, 10);
}
function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
const cnDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

// ---------------------------------------------------------------- people

interface PersonSpec {
  name: string;
  gender: '男' | '女';
  branch: 0 | 1 | 2;
  group?: 0 | 1;
  dept: string;
  post: string;
  status: MemberStatus;
  leading?: boolean;
  seat?: CommitteeRole;
  groupLeader?: boolean;
  sanction?: boolean;
  mobile?: string;
}

const B1 = ['办公室', '人事处'];
const B2 = ['预算处', '国库处'];
const B3 = ['税政处', '综合处', '法规处'];

/** 42 people. Index comments mark those the story below relies on. */
const PEOPLE: PersonSpec[] = [
  // 第一党支部 (办公室、人事处)
  { name: '张建国', gender: '男', branch: 0, dept: B1[0], post: '主任', status: 'full', leading: true, seat: 'secretary' },
  { name: '李秀英', gender: '女', branch: 0, dept: B1[1], post: '处长', status: 'full', leading: true, seat: 'deputy_secretary' },
  { name: '王伟', gender: '男', branch: 0, dept: B1[0], post: '副主任', status: 'full', seat: 'organisation' },
  { name: '陈静', gender: '女', branch: 0, dept: B1[1], post: '一级主任科员', status: 'full', seat: 'publicity' },
  { name: '赵磊', gender: '男', branch: 0, dept: B1[0], post: '二级主任科员', status: 'full', seat: 'discipline' },
  { name: '黄丽', gender: '女', branch: 0, dept: B1[0], post: '四级主任科员', status: 'full' },
  { name: '周晓东', gender: '男', branch: 0, dept: B1[1], post: '副处长', status: 'full' },
  { name: '吴敏', gender: '女', branch: 0, dept: B1[1], post: '一级科员', status: 'full' },
  { name: '苏堃', gender: '男', branch: 0, dept: B1[0], post: '一级科员', status: 'full' }, // 8: rare character; 转正 this year
  { name: '孙丽娟', gender: '女', branch: 0, dept: B1[0], post: '三级主任科员', status: 'full' },
  { name: '胡海涛', gender: '男', branch: 0, dept: B1[1], post: '二级主任科员', status: 'full', mobile: '援派至对口支援地区挂职，持《流动党员活动证》' }, // 10
  { name: '朱红', gender: '女', branch: 0, dept: B1[1], post: '一级科员', status: 'activist' },
  { name: '高峰', gender: '男', branch: 0, dept: B1[0], post: '四级调研员', status: 'full', sanction: true }, // 12: 留党察看
  // 第二党支部 (预算处、国库处), two 党小组
  { name: '郭建华', gender: '男', branch: 1, group: 0, dept: B2[0], post: '处长', status: 'full', leading: true, seat: 'secretary' },
  { name: '林晓燕', gender: '女', branch: 1, group: 0, dept: B2[0], post: '副处长', status: 'full', seat: 'organisation', groupLeader: true },
  { name: '何俊', gender: '男', branch: 1, group: 1, dept: B2[1], post: '处长', status: 'full', leading: true, seat: 'publicity', groupLeader: true },
  { name: '马晓明', gender: '男', branch: 1, group: 1, dept: B2[1], post: '副处长', status: 'full', seat: 'discipline' },
  { name: '罗婷', gender: '女', branch: 1, group: 0, dept: B2[0], post: '一级主任科员', status: 'full' },
  { name: '梁志强', gender: '男', branch: 1, group: 0, dept: B2[0], post: '二级主任科员', status: 'full' },
  { name: '宋佳', gender: '女', branch: 1, group: 0, dept: B2[0], post: '三级主任科员', status: 'full' },
  { name: '王伟', gender: '男', branch: 1, group: 0, dept: B2[0], post: '四级主任科员', status: 'full' }, // 20: same name as 2
  { name: '郑伟东', gender: '男', branch: 1, group: 1, dept: B2[1], post: '一级主任科员', status: 'full' },
  { name: '谢春花', gender: '女', branch: 1, group: 1, dept: B2[1], post: '二级主任科员', status: 'full' },
  { name: '韩雪', gender: '女', branch: 1, group: 1, dept: B2[1], post: '一级科员', status: 'probationary' }, // 23: admitted this year
  { name: '唐亮', gender: '男', branch: 1, group: 1, dept: B2[1], post: '一级科员', status: 'full' },
  { name: '冯玉兰', gender: '女', branch: 1, group: 0, dept: B2[0], post: '四级主任科员', status: 'probationary' }, // 25: admitted last year
  { name: '于洪涛', gender: '男', branch: 1, group: 0, dept: B2[0], post: '一级科员', status: 'candidate' }, // 26
  { name: '董丽萍', gender: '女', branch: 1, group: 1, dept: B2[1], post: '一级科员', status: 'activist' },
  { name: '萧永胜', gender: '男', branch: 1, group: 1, dept: B2[1], post: '二级调研员', status: 'full' },
  // 第三党支部 (税政处、综合处、法规处)
  { name: '程浩', gender: '男', branch: 2, dept: B3[0], post: '处长', status: 'full', leading: true, seat: 'secretary' },
  { name: '曹雅琴', gender: '女', branch: 2, dept: B3[1], post: '副处长', status: 'full', seat: 'organisation' },
  { name: '袁博', gender: '男', branch: 2, dept: B3[2], post: '副处长', status: 'full', seat: 'publicity' },
  { name: '邓志军', gender: '男', branch: 2, dept: B3[0], post: '一级主任科员', status: 'full' },
  { name: '许文静', gender: '女', branch: 2, dept: B3[1], post: '二级主任科员', status: 'full' },
  { name: '傅明', gender: '男', branch: 2, dept: B3[2], post: '三级主任科员', status: 'full' }, // 34: moves to 第一党支部 mid-year
  { name: '沈晓丽', gender: '女', branch: 2, dept: B3[0], post: '一级科员', status: 'full' },
  { name: '曾庆林', gender: '男', branch: 2, dept: B3[1], post: '一级调研员', status: 'full' },
  { name: '彭思远', gender: '男', branch: 2, dept: B3[2], post: '一级科员', status: 'full' },
  { name: '吕静怡', gender: '女', branch: 2, dept: B3[0], post: '四级主任科员', status: 'full' },
  { name: '蒋文涛', gender: '男', branch: 2, dept: B3[1], post: '二级主任科员', status: 'full' },
  { name: '杨帆', gender: '女', branch: 2, dept: B3[2], post: '一级科员', status: 'full' },
  { name: '刘洋', gender: '男', branch: 2, dept: B3[0], post: '科员', status: 'activist' },
];
const IDX = { converted: 8, mobile: 10, admitted: 23, movedFromB3: 34 };

// ---------------------------------------------------------------- text pools (sober, realistic)

const STUDY_POINTS = [
  '要把学习成果转化为做好本职工作的实际行动，在预算编制、资金监管等工作中严格执行财经纪律',
  '要坚持学用结合，结合处室业务查找不足，确保各项工作任务按时保质完成',
  '要严守政治纪律和政治规矩，不折不扣落实上级党组织的各项部署',
  '要认真落实中央八项规定及其实施细则精神，持之以恒纠治"四风"',
  '要增强保密意识，严格执行涉密文件和涉密载体管理规定',
  '要充分发挥党员先锋模范作用，在重点工作和急难任务中走在前、作表率',
  '要认真开展批评与自我批评，及时发现和解决自身存在的问题',
];
const REMARKS = [
  '通过学习，进一步认识到财政工作必须坚持以人民为中心，把每一笔资金都用在刀刃上。',
  '结合本处室工作，今后将在提高办文办事效率、改进服务方式上下功夫。',
  '作为一名年轻党员，要虚心向身边的老党员学习，不断提高业务能力和政治素养。',
  '在日常工作中要严格按照制度办事，主动接受组织和群众监督。',
  '建议支部多组织业务与党建相结合的学习交流活动，推动党建和业务深度融合。',
  '要把学习体会落实到具体工作中，做到学思用贯通、知信行统一。',
  '近期处室业务较多，要统筹好学习和工作，确保学习不走过场。',
  '对照党章党规，自己在理论学习的系统性上还有差距，今后将制定个人学习计划并抓好落实。',
];
const COMMITTEE_TOPICS = [
  '通报上月支部工作落实情况',
  '研究本月主题党日活动安排',
  '研究党员教育培训计划',
  '通报党费收缴情况',
  '研究"三会一课"落实情况',
  '研究推荐评选优秀共产党员人选',
  '研究年度组织生活会准备工作',
  '研究党风廉政建设相关工作',
];
const THEMES: [string, string][] = [
  ['学习《中国共产党章程》', '学习'],
  ['重温入党誓词', '组织生活'],
  ['学习《中国共产党纪律处分条例》', '学习'],
  ['赴廉政教育基地开展警示教育', '学习'],
  ['"七一"主题党日：重温入党誓词、讲述入党故事', '组织生活'],
  ['开展进社区志愿服务', '志愿服务'],
  ['保密知识专题学习', '学习'],
  ['财经法规专题学习', '学习'],
  ['读书分享交流', '学习'],
  ['围绕优化财政服务开展民主议事', '民主议事'],
  ['学习中央八项规定及其实施细则精神', '学习'],
  ['年度工作回顾与交流', '组织生活'],
];
const LECTURES = [
  '坚定理想信念 做新时代合格共产党员',
  '严守政治纪律和政治规矩',
  '财政干部的廉洁自律',
  '以高质量党建引领财政工作高质量发展',
];
const GROUP_TOPICS = ['学习上级有关会议精神并交流体会', '开展党员谈心谈话', '收缴本月党费', '讨论本组近期工作', '学习党内法规'];
const REASONS = ['公出', '病假', '事假', '外出学习', '参加上级会议'];

const LIFE_ASPECTS = ['理论学习', '政治素质', '能力本领', '担当作为', '纪律作风'];
const LIFE_AGENDA = ['通报上年度整改落实情况', '书记代表支部委员会作对照检查', '支委、党员逐一开展批评与自我批评', '民主评议党员', '上级党组织督导人员点评'];
const TEAM_PROBLEMS = [
  '支部组织的学习以传达文件为主，结合财政业务开展研讨不够深入',
  '落实"三会一课"制度有时存在会议时间临时调整的情况',
  '对青年党员的教育培养办法不多，日常谈心谈话不够经常',
  '支部班子成员之间开展批评有时存在顾虑，辣味不足',
];
const SELF_PROBLEMS = [
  '理论学习存在"以干代学"现象，系统学习不够',
  '工作中有时满足于完成领导交办的任务，主动谋划不够',
  '深入基层调研不够，了解一线情况不够全面',
  '对照党章党规要求，在严格落实请示报告制度上还有差距',
  '开展批评时有"好人主义"思想，怕得罪人',
];
const CRITICISMS = [
  '在处室业务工作中对年轻同志的传帮带不够，希望多指导',
  '参加支部学习时发言准备不够充分，结合实际不够',
  '有时对群众来电答复不够耐心细致',
  '工作计划性还可以增强，个别事项办理不够及时',
];
const RECT_MEASURES = [
  '每季度至少组织一次结合业务的专题研讨，由宣传委员负责',
  '年初制定"三会一课"计划，确需调整的报支委会同意并记录原因',
  '建立青年党员联系制度，每名支委联系 2–3 名青年党员',
  '组织生活会前支委之间逐一谈心，会上带头开展批评',
];

// ---------------------------------------------------------------- builder

export async function fillDemoData(db: PartyMinutesDB, opts: DemoOptions): Promise<DemoSummary> {
  const r = rng(opts.seed ?? 2025);
  const me = await getInstallationId(db);
  const nowStr = opts.now.toISOString();
  const todayStr = nowStr.slice(0, 10);

  // The 12 months before now's month.
  const months: { y: number; m: number }[] = [];
  for (let k = 12; k >= 1; k--) {
    const d = new Date(Date.UTC(opts.now.getUTCFullYear(), opts.now.getUTCMonth() - k, 1));
    months.push({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 });
  }
  const first = months[0];
  const startDate = iso(first.y, first.m, 1);
  const startIso = `${startDate}T01:00:00.000Z`;
  const termStart = iso(first.y - 1, 11, 20);
  const meta = (at: string, id?: string) => stampMeta(undefined, me, at, id ?? r.uuid());

  // ---- organisations
  const pc = r.uuid();
  const branchIds = [r.uuid(), r.uuid(), r.uuid()];
  const groupIds = [r.uuid(), r.uuid()];
  const cn = ['一', '二', '三'];
  const orgs: Organisation[] = [
    {
      ...meta(startIso, pc),
      parentId: null,
      level: 'party_committee',
      name: '机关党委',
      fullName: '中共××市财政局机关委员会',
      order: 1,
      committee: [],
      termStart: iso(first.y - 2, 6, 1),
      termEnd: iso(first.y + 3, 5, 31),
    },
    ...branchIds.map((id, i) => ({
      ...meta(startIso, id),
      parentId: pc,
      level: 'branch' as const,
      name: `第${cn[i]}党支部`,
      fullName: `中共××市财政局机关第${cn[i]}支部委员会`,
      order: i + 1,
      committee: [] as CommitteeSeat[],
      termStart,
      termEnd: iso(first.y + 2, 11, 19),
      note: ['办公室、人事处', '预算处、国库处', '税政处、综合处、法规处'][i],
    })),
    ...groupIds.map((id, i) => ({
      ...meta(startIso, id),
      parentId: branchIds[1],
      level: 'group' as const,
      name: `第${cn[i]}党小组`,
      fullName: `中共××市财政局机关第二支部第${cn[i]}党小组`,
      order: i + 1,
      committee: [] as CommitteeSeat[],
    })),
  ];
  const orgById = new Map(orgs.map((o) => [o.id, o]));

  // ---- members
  const mid = (ym: { y: number; m: number }, d: number) => workday(ym.y, ym.m, d);
  // Quarter-end months hold the 党员大会: the 2nd one admits a member (branch 2), the 3rd one confirms one (branch 1).
  const quarterEnds = months.map((x, i) => (x.m % 3 === 0 ? i : -1)).filter((i) => i >= 0);
  const admitMonth = quarterEnds[1];
  const convertMonth = quarterEnds[2];
  const admitDate = mid(months[admitMonth], 24);
  const convertDate = mid(months[convertMonth], 24);
  // Probation ends a few days after the 转正 meeting; 党龄 counts from then.
  const fullFrom = addDays(convertDate, 3);
  const moveDate = iso(months[6].y, months[6].m, 1);
  const members: Member[] = PEOPLE.map((p, i) => {
    const birthYear = p.status === 'full' ? r.int(1968, 1992) : r.int(1990, 2000);
    const workStart = iso(birthYear + 22, r.int(7, 9), 1);
    const joinY = Math.max(birthYear + 20, 1990) + r.int(0, 6);
    let joinDate: string | undefined;
    let fullMemberDate: string | undefined;
    let activistDate: string | undefined;
    let candidateDate: string | undefined;
    let statusHistory: Member['statusHistory'];
    if (i === IDX.converted) {
      joinDate = `${Number(fullFrom.slice(0, 4)) - 1}${fullFrom.slice(4)}`;
      fullMemberDate = fullFrom;
      statusHistory = [
        { status: 'probationary', from: joinDate },
        { status: 'full', from: fullFrom },
      ];
    } else if (i === IDX.admitted) {
      activistDate = iso(first.y - 2, 3, 12);
      candidateDate = iso(first.y - 1, 4, 18);
      joinDate = admitDate;
      statusHistory = [
        { status: 'activist', from: activistDate },
        { status: 'candidate', from: candidateDate },
        { status: 'probationary', from: admitDate },
      ];
    } else if (p.status === 'probationary') {
      // Planted: probation ends three weeks from now → the dashboard reminds of the 转正 meeting.
      joinDate = addDays(todayStr, 21 - 365);
      activistDate = iso(first.y - 3, 3, 1);
      candidateDate = iso(first.y - 2, 4, 10);
      statusHistory = [
        { status: 'activist', from: activistDate },
        { status: 'candidate', from: candidateDate },
        { status: 'probationary', from: joinDate },
      ];
    } else if (p.status === 'candidate') {
      activistDate = iso(first.y - 1, 3, 15);
      candidateDate = iso(first.y, first.m, 10);
      statusHistory = [
        { status: 'activist', from: activistDate },
        { status: 'candidate', from: candidateDate },
      ];
    } else if (p.status === 'activist') {
      activistDate = iso(first.y - 1, r.int(3, 10), 15);
      statusHistory = [{ status: 'activist', from: activistDate }];
    } else {
      joinDate = iso(joinY, r.int(1, 12), r.int(1, 28));
      fullMemberDate = iso(joinY + 1, Number(joinDate.slice(5, 7)), Number(joinDate.slice(8, 10)));
      statusHistory = [
        { status: 'probationary', from: joinDate },
        { status: 'full', from: fullMemberDate },
      ];
    }
    const branchId = branchIds[p.branch];
    const groupId = p.group === undefined ? null : groupIds[p.group];
    const since =
      joinDate && joinDate < '2010-01-01'
        ? iso(2010 + r.int(0, 8), r.int(1, 12), 1)
        : p.status === 'probationary' && i !== IDX.admitted
          ? iso(first.y - 3, 3, 1)
          : (activistDate ?? joinDate ?? startDate);
    let memberships: Member['memberships'] = [{ branchId, groupId, from: since }];
    let currentBranch = branchId;
    if (i === IDX.movedFromB3) {
      memberships = [
        { branchId, groupId, from: since, to: dayBefore(moveDate) },
        { branchId: branchIds[0], groupId: null, from: moveDate },
      ];
      currentBranch = branchIds[0];
    }
    return {
      ...meta(startIso),
      name: p.name,
      gender: p.gender,
      ethnicity: i === 17 ? '回族' : '汉族',
      birthDate: iso(birthYear, r.int(1, 12), r.int(1, 28)),
      education: r.pick(['大学', '大学', '研究生', '研究生', '大学']),
      workStartDate: workStart,
      department: i === IDX.movedFromB3 ? B1[0] : p.dept,
      adminPost: p.post,
      personnelCategory: '公务员',
      status: p.status,
      statusHistory,
      standing: p.sanction ? 'probation_sanction' : 'normal',
      joinDate,
      fullMemberDate,
      activistDate,
      candidateDate,
      sponsors: i === IDX.admitted ? '何俊、谢春花' : p.status === 'candidate' ? '林晓燕、罗婷' : undefined,
      branchId: currentBranch,
      groupId: i === IDX.movedFromB3 ? null : groupId,
      memberships,
      partyPost: undefined,
      isLeadingCadre: !!p.leading,
      isMobile: !!p.mobile,
      mobileNote: p.mobile,
      isLostContact: false,
      duesMonthly: p.status === 'full' || p.status === 'probationary' ? r.int(40, 260) : undefined,
      duesPaidUntil: p.status === 'full' || p.status === 'probationary' ? `${months[11].y}-${pad(months[11].m)}` : undefined,
      note: p.sanction ? `${first.y - 1}年受留党察看一年处分` : undefined,
    };
  });

  // ---- committees and 组长
  PEOPLE.forEach((p, i) => {
    if (p.seat) {
      const org = orgById.get(branchIds[p.branch])!;
      org.committee.push({ memberId: members[i].id, role: p.seat, from: termStart });
      members[i].partyPost = `${org.name}${({ secretary: '书记', deputy_secretary: '副书记', organisation: '组织委员', publicity: '宣传委员', discipline: '纪检委员' } as Record<string, string>)[p.seat] ?? '委员'}`;
    }
    if (p.groupLeader && p.group !== undefined) {
      orgById.get(groupIds[p.group])!.committee.push({ memberId: members[i].id, role: 'secretary', from: termStart });
    }
  });
  orgById.get(pc)!.committee.push(
    { memberId: members[0].id, role: 'secretary', from: iso(first.y - 2, 6, 1) },
    { memberId: members[13].id, role: 'deputy_secretary', from: iso(first.y - 2, 6, 1) },
    { memberId: members[29].id, role: 'discipline', from: iso(first.y - 2, 6, 1) },
  );

  // ---- meetings
  const meetings: Meeting[] = [];
  const seqs = new Map<string, number>();
  const nextSeq = (orgId: string, type: MeetingType, year: number) => {
    const k = `${orgId}|${type}|${year}`;
    const n = (seqs.get(k) ?? 0) + 1;
    seqs.set(k, n);
    return n;
  };
  const missingCommittee = { branchId: branchIds[2], month: `${months[4].y}-${pad(months[4].m)}` };
  const lq = months[quarterEnds[2]];
  const missingLecture = { branchId: branchIds[2], quarter: `${lq.y}-Q${Math.floor((lq.m - 1) / 3) + 1}` };
  let absentWithoutReasonMeetingId = '';
  const memberById = new Map(members.map((m) => [m.id, m]));

  const speech = (speaker: Member | undefined, content: string): Speech => ({
    id: r.uuid(),
    speakerId: speaker?.id ?? null,
    speakerName: speaker?.name ?? '',
    content,
  });
  const pronoun = (m: Member | undefined) => (m?.gender === '女' ? '她' : '他');

  function makeMeeting(org: Organisation, type: MeetingType, date: string, monthIdx: number, agenda: AgendaItem[], extra: Partial<Meeting> = {}): Meeting {
    const seats = seatsOn(org.level === 'group' ? orgById.get(org.parentId!)! : org, date);
    const secretary = org.level === 'group'
      ? memberById.get(seatsOn(org, date).find((s) => s.role === 'secretary')?.memberId ?? '')
      : memberById.get(seats.find((s) => s.role === 'secretary')?.memberId ?? '');
    const recorderSeat = seats.find((s) => s.role === 'organisation') ?? seats.find((s) => s.role === 'publicity');
    const recorder = org.level === 'group'
      ? memberById.get(buildAttendance(org, members, date, 'group', r.uuid).find((a) => a.memberId !== secretary?.id)?.memberId ?? '')
      : memberById.get(recorderSeat?.memberId ?? '');
    const attendance: AttendanceEntry[] = buildAttendance(org, members, date, type, r.uuid);
    // A few absences with reasons (never the chair, the recorder or anyone who spoke).
    const speakers = new Set(agenda.flatMap((a) => a.speeches.map((sp) => sp.speakerId)));
    const absentees = r.int(0, type === 'committee' ? 1 : 2);
    for (let k = 0; k < absentees; k++) {
      const cand = attendance.filter(
        (a) => a.presence === 'present' && a.memberId !== secretary?.id && a.memberId !== recorder?.id && !speakers.has(a.memberId),
      );
      if (!cand.length) break;
      const a = r.pick(cand);
      a.presence = r.next() < 0.5 ? 'leave' : 'absent';
      a.reason = r.pick(REASONS);
    }
    const last = monthIdx === months.length - 1;
    const draft = last && r.next() < 0.8;
    const final = !draft;
    const createdAt = `${date}T02:00:00.000Z`;
    const finalDay = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 3)).toISOString();
    const finalisedAt = final ? (finalDay < nowStr ? finalDay : nowStr) : null;
    const base = emptyMeetingFields(org.id, type, date);
    const year = Number(date.slice(0, 4));
    const start = type === 'theme_day' ? '14:30' : type === 'committee' ? '09:00' : '15:00';
    const end = type === 'theme_day' ? '17:00' : type === 'committee' ? '10:30' : '16:30';
    const m: Meeting = {
      ...base,
      ...meta(createdAt),
      updatedAt: finalisedAt ?? createdAt,
      year,
      seq: nextSeq(org.id, type, year),
      startTime: start,
      endTime: end,
      place: type === 'theme_day' && agenda[0]?.title.includes('廉政教育基地') ? '××市廉政教育基地' : `局机关${r.pick(['三楼第一会议室', '五楼第二会议室', '党员活动室'])}`,
      chairId: secretary?.id ?? null,
      chairName: secretary?.name ?? '',
      chairTitle: org.level === 'group' ? '党小组组长' : '支部书记',
      convenerId: null,
      convenerName: '',
      recorderId: recorder?.id ?? null,
      recorderName: recorder?.name ?? '',
      attendance,
      agenda,
      summary: `${secretary?.name ?? '主持人'}同志作小结：${r.pick(STUDY_POINTS)}；会议确定的各项事项，请相关同志抓好落实，支部将适时了解进展情况。`,
      status: final ? 'final' : 'draft',
      finalisedAt,
      chairSigned: final,
      recorderSigned: final,
      ...extra,
    };
    meetings.push(m);
    return m;
  }

  const studyItem = (title: string, chair: Member | undefined, attendance: () => Member[], nRemarks = 2, opening?: string): AgendaItem => {
    const speakers = attendance();
    const who = chair?.name ?? '';
    const first = opening ??
      (title.startsWith('学习')
        ? `${who}同志领学了${title.replace(/^学习/, '')}的有关内容。${pronoun(chair)}指出，${r.pick(STUDY_POINTS)}；${r.pick(STUDY_POINTS)}。`
        : `${who}同志就"${title}"作了说明和安排。${pronoun(chair)}强调，${r.pick(STUDY_POINTS)}。`);
    const speeches: Speech[] = [speech(chair, first)];
    for (let k = 0; k < nRemarks && speakers.length; k++) {
      const s = speakers.splice(r.int(0, speakers.length - 1), 1)[0];
      speeches.push(speech(s, r.pick(REMARKS)));
    }
    return { id: r.uuid(), title, speeches, decisions: [] };
  };
  const partyMembersOn = (org: Organisation, date: string) =>
    buildAttendance(org, members, date, org.level === 'group' ? 'group' : 'general_assembly', () => 'x')
      .filter((a) => a.presence === 'present')
      .map((a) => memberById.get(a.memberId!)!);

  const voteOn = (att: AttendanceEntry[], kind: Vote['kind'], subjectName: string): Vote => {
    const voting = att.filter(hasVotingRight);
    const present = voting.filter((a) => a.presence === 'present').length;
    const writtenYes = voting.length - present;
    return { kind, method: 'show_of_hands', yes: present, no: 0, abstain: 0, writtenYes, writtenNo: 0, writtenAbstain: 0, subjectName };
  };

  months.forEach(({ y, m }, mi) => {
    branchIds.forEach((bid, bi) => {
      const branch = orgById.get(bid)!;
      // 支委会, monthly (planted gap: branch 3 skips one month).
      if (!(bid === missingCommittee.branchId && mi === 4)) {
        const date = mid({ y, m }, 5 + bi);
        const titles = [COMMITTEE_TOPICS[(mi + bi) % COMMITTEE_TOPICS.length], COMMITTEE_TOPICS[(mi + bi + 3) % COMMITTEE_TOPICS.length]];
        const sec = memberById.get(seatsOn(branch, date).find((s) => s.role === 'secretary')!.memberId);
        const orgSeat = memberById.get(seatsOn(branch, date).find((s) => s.role === 'organisation')!.memberId);
        const agenda: AgendaItem[] = titles.map((t, ti) => ({
          id: r.uuid(),
          title: t,
          speeches: [
            speech(ti === 0 ? sec : orgSeat, `${ti === 0 ? sec?.name : orgSeat?.name}同志就"${t}"作了说明。${r.pick(STUDY_POINTS)}。`),
            speech(r.pick([sec, orgSeat].filter(Boolean) as Member[]), r.pick(REMARKS)),
          ],
          decisions: [
            {
              id: r.uuid(),
              text: ti === 0 ? '按照会议讨论意见抓好落实，下次支委会通报进展情况。' : `${t.replace(/^研究|^通报/, '')}工作由相关支委牵头负责，月底前完成。`,
              owner: (ti === 0 ? sec : orgSeat)?.name ?? '',
              deadline: iso(y, m, 28),
              vote: null,
            } satisfies Decision,
          ],
        }));
        // Branch 2 designated the admission candidate's examination at the committee in the admission month.
        if (bi === 1 && mi === admitMonth) {
          agenda.push({
            id: r.uuid(),
            title: `研究${PEOPLE[IDX.admitted].name}同志入党事宜，提交支部党员大会讨论`,
            speeches: [speech(orgSeat, `${orgSeat?.name}同志报告了发展对象${PEOPLE[IDX.admitted].name}同志的培养考察、政治审查和集中培训情况，经上级党委预审同意，各项程序符合规定。`)],
            decisions: [{ id: r.uuid(), text: `同意将${PEOPLE[IDX.admitted].name}同志的入党问题提交支部党员大会讨论。`, owner: orgSeat?.name ?? '', vote: null }],
          });
        }
        let classification: { level: ClassificationLevel; years: number | null } = { level: 'none', years: null };
        if (bi === 0 && mi === 2) {
          classification = { level: 'internal', years: null };
          agenda.push({
            id: r.uuid(),
            title: '研究本支部干部职工年度考核推荐意见',
            speeches: [speech(sec, '结合平时考核情况，对处室干部年度考核推荐意见进行了研究，具体名单按规定报人事处。')],
            decisions: [],
          });
        }
        if (bi === 0 && mi === 7) {
          classification = { level: 'secret', years: null };
          agenda.push({
            id: r.uuid(),
            title: '传达学习上级党组织下发的有关文件',
            speeches: [speech(sec, '传达了有关文件精神（具体内容按涉密载体管理规定另行保管，本记录不予摘录）。')],
            decisions: [],
          });
        }
        makeMeeting(branch, 'committee', date, mi, agenda, { classification });
      }

      // 主题党日, monthly.
      {
        const date = mid({ y, m }, 18 + bi);
        const [theme, form] = THEMES[(mi + bi * 4) % THEMES.length];
        const sec = memberById.get(seatsOn(branch, date).find((s) => s.role === 'secretary')!.memberId);
        const item = studyItem(theme, sec, () => partyMembersOn(branch, date).filter((x) => x.id !== sec?.id), 3);
        makeMeeting(branch, 'theme_day', date, mi, [item], {
          themeDay: {
            theme,
            activityForm: form,
            alsoCounts: [],
            agreedItems: '每名党员结合本职工作撰写一篇学习体会，由宣传委员汇总。',
            followUp: mi < 11 ? '学习体会已按时汇总，择优在局机关党建园地刊发。' : '',
          },
        });
      }

      // Quarterly: 党员大会 and 党课 in the last month of each quarter.
      if (m % 3 === 0) {
        const date = mid({ y, m }, 24);
        const sec = memberById.get(seatsOn(branch, date).find((s) => s.role === 'secretary')!.memberId);
        const orgSeat = memberById.get(seatsOn(branch, date).find((s) => s.role === 'organisation')!.memberId);
        const q = Math.floor((m - 1) / 3) + 1;
        const agenda: AgendaItem[] = [];
        let attendanceExtra: AttendanceEntry[] = [];
        let recordingMethod: Meeting['recordingMethod'] = 'summary';
        if (bi === 1 && mi === admitMonth) {
          // Admission vote.
          const who = members[IDX.admitted];
          recordingMethod = 'detailed';
          attendanceExtra = [
            { id: r.uuid(), kind: 'guest', memberId: who.id, name: who.name, title: '发展对象', status: 'candidate', standing: 'normal', isCommittee: false, presence: 'present', reason: '' },
          ];
          agenda.push({
            id: r.uuid(),
            title: `讨论接收${who.name}同志为预备党员`,
            speeches: [
              speech(who, `${who.name}同志汇报了自己对党的认识、入党动机、本人履历和需要向党组织说明的问题。`),
              speech(members[15], `入党介绍人何俊同志介绍了${who.name}同志的主要表现：政治立场坚定，工作认真负责，能够主动完成急难任务；不足之处是理论学习的系统性还需加强。`),
              speech(orgSeat, `${orgSeat?.name}同志代表支部委员会报告了对${who.name}同志的审查情况：培养教育、政治审查、集中培训等程序完备，上级党委已预审同意。`),
              speech(members[21], '同意接收。该同志业务熟练，群众基础好，希望今后加强理论学习。'),
            ],
            decisions: [
              {
                id: r.uuid(),
                text: `经支部党员大会讨论并举手表决，同意接收${who.name}同志为中共预备党员，预备期一年。报上级党委审批。`,
                owner: orgSeat?.name ?? '',
                vote: null,
              },
            ],
          });
        } else if (bi === 0 && mi === convertMonth) {
          const who = members[IDX.converted];
          recordingMethod = 'detailed';
          agenda.push({
            id: r.uuid(),
            title: `讨论${who.name}同志预备党员转正`,
            speeches: [
              speech(who, `${who.name}同志宣读了转正申请书，汇报了预备期间的思想、学习和工作情况，以及今后努力方向。`),
              speech(orgSeat, `${orgSeat?.name}同志代表支部委员会介绍了对${who.name}同志预备期的考察情况，认为其具备正式党员条件。`),
              speech(members[5], '该同志预备期间表现良好，积极参加组织生活，同意按期转正。'),
            ],
            decisions: [
              {
                id: r.uuid(),
                text: `经支部党员大会讨论并举手表决，同意${who.name}同志按期转为中共正式党员，党龄自${cnDate(fullFrom)}算起。报上级党委审批。`,
                owner: orgSeat?.name ?? '',
                vote: null,
              },
            ],
          });
        } else {
          agenda.push(
            studyItem(
              q === 1 ? '通报上年度支部工作情况和本年度工作计划' : q === 4 ? '开展民主评议党员动员部署' : '学习上级党组织近期会议精神',
              sec,
              () => partyMembersOn(branch, date).filter((x) => x.id !== sec?.id),
              2,
            ),
          );
        }
        const ga = makeMeeting(branch, 'general_assembly', date, mi, agenda, { recordingMethod });
        if (attendanceExtra.length) {
          // The person being admitted attends as 列席, not as a member line.
          ga.attendance = [...ga.attendance.filter((a) => a.memberId !== attendanceExtra[0].memberId), ...attendanceExtra];
        }
        for (const item of ga.agenda) {
          for (const d of item.decisions) {
            if (item.title.includes('预备党员') && !item.title.includes('转正')) d.vote = voteOn(ga.attendance, 'admission', members[IDX.admitted].name);
            if (item.title.includes('转正')) d.vote = voteOn(ga.attendance, 'confirmation', members[IDX.converted].name);
          }
        }

        const ldate = mid({ y, m }, 26);
        if (bid === missingLecture.branchId && mi === quarterEnds[2]) return; // planted: no 党课 this quarter
        const lecturer = q % 2 === 1 ? sec : (members.find((x) => x.isLeadingCadre && x.branchId === bid && x.id !== sec?.id) ?? sec);
        const topic = LECTURES[(q + bi) % LECTURES.length];
        const opening = `${lecturer?.name ?? ''}同志以"${topic}"为题讲授专题党课。${pronoun(lecturer)}结合财政工作实际，从思想认识、纪律要求和履职尽责等方面作了阐述，强调${r.pick(STUDY_POINTS)}。`;
        makeMeeting(branch, 'lecture', ldate, mi, [studyItem(`专题党课：${topic}`, lecturer, () => partyMembersOn(branch, ldate).filter((x) => x.id !== lecturer?.id), 2, opening)], {
          lecture: {
            lecturerMemberId: lecturer?.id ?? null,
            lecturer: lecturer?.name ?? '',
            lecturerTitle: `${lecturer?.department ?? ''}${lecturer?.adminPost ?? ''}`.slice(0, 60),
            topic,
            form: '讲授',
            outline: `一、充分认识${topic.split(' ')[0]}的重要意义；二、对照要求查找自身差距；三、以实际行动抓好贯彻落实。`,
          },
        });
      }
    });

    // 党小组会, monthly.
    groupIds.forEach((gid, gi) => {
      const group = orgById.get(gid)!;
      const date = mid({ y, m }, 11 + gi);
      const leader = memberById.get(seatsOn(group, date).find((s) => s.role === 'secretary')!.memberId);
      const title = GROUP_TOPICS[(mi + gi) % GROUP_TOPICS.length];
      makeMeeting(group, 'group', date, mi, [studyItem(title, leader, () => partyMembersOn(group, date).filter((x) => x.id !== leader?.id), 2)]);
    });
  });

  // ---- 组织生活会 of the last 年度 (January), its 民主评议 and 整改 items; talks before the next one.
  const janIdx = months.findIndex((x) => x.m === 1);
  const prevAnnual = months[janIdx].y - 1;
  const talks: Talk[] = [];
  const appraisals: Appraisal[] = [];
  const rectifications: Rectification[] = [];
  const rectMeta = (at: string) => meta(`${at}T03:00:00.000Z`);
  const emptyOrigin = { meetingId: null, participantId: null, problemId: null, criticismId: null, talkId: null };
  let overdueRectificationId = '';

  const participantsOf = (org: Organisation, att: AttendanceEntry[], date: string, withContent: boolean): LifeParticipant[] => {
    const seats = seatsOn(org, date);
    const present = att.filter((a) => a.kind === 'member' && a.presence === 'present' && a.memberId);
    return present.map((a, i) => {
      const seat = seats.find((x) => x.memberId === a.memberId);
      const critic = present[(i + 1) % present.length];
      return {
        id: r.uuid(),
        memberId: a.memberId,
        name: a.name,
        role: seat?.role === 'secretary' ? 'secretary' : seat ? 'committee' : 'member',
        paperReady: withContent || i % 3 !== 2,
        problems: withContent
          ? [
              {
                id: r.uuid(),
                aspect: LIFE_ASPECTS[i % LIFE_ASPECTS.length],
                manifestation: SELF_PROBLEMS[(i + org.order) % SELF_PROBLEMS.length],
                cause: '对自身要求有所放松，党性修养还需加强。',
                direction: '制定个人学习和整改计划，逐项对照落实。',
                rectificationId: null,
                noRectificationReason: '立行立改，已在会上表态并纳入个人学习计划',
              },
            ]
          : [],
        criticisms: withContent
          ? [{ id: r.uuid(), criticId: critic.memberId, criticName: critic.name, text: CRITICISMS[(i + org.order) % CRITICISMS.length], rectificationId: null }]
          : [],
        response: withContent ? '诚恳接受同志们的批评意见，会后认真对照整改。' : '',
      } satisfies LifeParticipant;
    });
  };

  branchIds.forEach((bid, bi) => {
    const branch = orgById.get(bid)!;
    const date = mid(months[janIdx], 13 + bi * 2);
    const sec = memberById.get(seatsOn(branch, date).find((x) => x.role === 'secretary')!.memberId);
    const agenda: AgendaItem[] = LIFE_AGENDA.map((title) => ({
      id: r.uuid(),
      title,
      speeches: [speech(sec, `${sec?.name}同志${title.startsWith('通报') ? '通报了上年度整改落实情况，各项整改事项已按期完成。' : '主持本项议程。'}`)],
      decisions: [],
    }));
    const lm = makeMeeting(branch, 'life_meeting', date, janIdx, agenda, { recordingMethod: 'detailed' });
    lm.status = 'final';
    lm.finalisedAt = `${addDays(date, 2)}T02:00:00.000Z`;
    lm.updatedAt = lm.finalisedAt;
    lm.chairSigned = true;
    lm.recorderSigned = true;
    const committeeProblems = TEAM_PROBLEMS.slice(bi, bi + 2).map((text, k) => ({
      id: r.uuid(),
      aspect: LIFE_ASPECTS[k],
      manifestation: text,
      cause: '支部班子抓党建与抓业务结合还不够紧密。',
      direction: '列入支部班子整改清单，明确责任人和完成时限。',
      rectificationId: null as string | null,
      noRectificationReason: '',
    }));
    const life: LifeBlock = {
      annualYear: prevAnnual,
      theme: `${prevAnnual}年度组织生活会`,
      heldAs: 'general_assembly',
      aspects: [...LIFE_ASPECTS],
      preparation: (['study', 'opinions', 'talks', 'papers'] as const).map((kind, k) => ({ kind, done: true, date: addDays(date, -20 + k * 4), note: '', links: [] })),
      lastYearReport: '上年度支部班子整改事项均已完成并销号，个人整改事项已由本人对照落实。',
      committeeProblems,
      committeePaperReady: true,
      participants: participantsOf(branch, lm.attendance, date, true),
      supervisorName: '郭建华',
      supervisorTitle: '机关党委副书记',
      supervisorRemarks: '会议准备充分，查摆问题比较具体，批评与自我批评开展得比较认真。',
      enquiries: '',
      reportFiledDate: addDays(date, 7),
    };
    lm.life = life;

    // 支部班子 rectification items, one per committee problem (+ one more in branch 1).
    committeeProblems.forEach((p, k) => {
      const id = r.uuid();
      p.rectificationId = id;
      const closed = k === 0 && bi !== 0;
      const overdue = bi === 0 && k === 1;
      const deadline = overdue ? addDays(todayStr, -20) : closed ? addDays(date, 60) : addDays(todayStr, 45);
      rectifications.push({
        ...rectMeta(date),
        id,
        orgId: bid,
        annualYear: prevAnnual,
        listKind: 'team',
        personId: null,
        personName: '',
        source: 'self_review',
        category: p.aspect,
        problem: p.manifestation,
        measures: RECT_MEASURES[(bi + k) % RECT_MEASURES.length],
        target: '按期完成并经支委会审核销号',
        ownerId: sec?.id ?? null,
        ownerName: sec?.name ?? '',
        leaderName: '',
        department: '',
        raisedDate: date,
        deadlineKind: 'by_date',
        deadline,
        progress: [
          { id: r.uuid(), date: addDays(date, 30), text: '已制定整改方案，明确责任分工，正在推进。' },
          ...(closed || overdue ? [] : [{ id: r.uuid(), date: addDays(todayStr, -25), text: '已完成阶段性任务，按计划继续推进。' }]),
        ],
        status: closed ? 'closed' : 'in_progress',
        closedDate: closed ? addDays(date, 55) : undefined,
        closedBy: closed ? (sec?.name ?? '') : '',
        evidence: closed ? '支委会会议记录、学习计划' : '',
        closedWithoutEvidence: false,
        publicity: closed ? '已在支部党员大会上通报' : '',
        origin: { ...emptyOrigin, meetingId: lm.id, problemId: p.id },
        carriedFromId: null,
      });
      if (overdue) overdueRectificationId = id;
    });

    // 民主评议 in branch 1, held with the 组织生活会.
    if (bi === 0) {
      const rated = lm.attendance.filter((a) => a.kind === 'member' && (a.status === 'full' || a.status === 'probationary'));
      const n = rated.length;
      const entries: AppraisalEntry[] = rated.map((a, k) => {
        const probationary = a.status === 'probationary';
        const grade = probationary ? null : k < 3 ? 'excellent' : k === n - 1 ? 'basic' : 'qualified';
        const votes = grade === 'excellent'
          ? { excellent: n - 3, qualified: 2, basic: 0, unqualified: 0 }
          : grade === 'basic'
            ? { excellent: 0, qualified: 3, basic: n - 4, unqualified: 0 }
            : { excellent: 1, qualified: n - 2, basic: 0, unqualified: 0 };
        return {
          id: r.uuid(),
          memberId: a.memberId,
          name: a.name,
          status: a.status ?? 'full',
          selfAppraisal: '对照合格党员标准，认真查找了自身在理论学习、履职尽责等方面的差距。',
          selfDone: true,
          peerComments: [{ id: r.uuid(), fromId: null, fromName: '党小组', text: '工作认真负责，希望进一步加强理论学习。' }],
          shouldRate: n,
          didRate: n - 1,
          votes,
          finalGrade: grade,
          gradeReason: '',
          feedbackBy: sec?.name ?? '',
          feedbackDate: addDays(date, 5),
          followUp: grade === 'basic' ? '书记已与本人谈话，指出差距，制定了帮扶计划，由组织委员跟踪。' : '',
        };
      });
      appraisals.push({
        ...rectMeta(date),
        orgId: bid,
        annualYear: prevAnnual,
        date,
        meetingId: lm.id,
        entries,
        committeeRating: [
          { label: '满意', count: n - 2 },
          { label: '基本满意', count: 1 },
          { label: '不满意', count: 0 },
        ],
        classification: { level: 'none', years: null },
        status: 'final',
      });
    }
  });

  // The next 组织生活会 of 第一党支部, planned three weeks ahead (a draft being prepared).
  const b1 = orgById.get(branchIds[0])!;
  const nextDate = workday(Number(addDays(todayStr, 21).slice(0, 4)), Number(addDays(todayStr, 21).slice(5, 7)), Number(addDays(todayStr, 21).slice(8, 10)));
  const next = makeMeeting(b1, 'life_meeting', nextDate, months.length, LIFE_AGENDA.map((title) => ({ id: r.uuid(), title, speeches: [], decisions: [] })), {
    recordingMethod: 'detailed',
  });
  for (const a of next.attendance) {
    a.presence = 'present';
    a.reason = '';
  }
  Object.assign(next, {
    status: 'draft',
    finalisedAt: null,
    chairSigned: false,
    recorderSigned: false,
    createdAt: nowStr,
    updatedAt: nowStr,
    summary: '',
    year: Number(nextDate.slice(0, 4)),
  });
  next.life = {
    annualYear: prevAnnual + 1,
    theme: `${prevAnnual + 1}年度组织生活会`,
    heldAs: 'general_assembly',
    aspects: [...LIFE_ASPECTS],
    preparation: [
      { kind: 'study', done: true, date: addDays(todayStr, -10), note: '集中学习 2 次', links: [] },
      { kind: 'opinions', done: true, date: addDays(todayStr, -6), note: '发放征求意见表 20 份', links: [] },
      { kind: 'talks', done: false, note: '', links: [] },
      { kind: 'papers', done: false, note: '', links: [] },
    ],
    lastYearReport: '',
    committeeProblems: [],
    committeePaperReady: false,
    participants: participantsOf(b1, next.attendance, nextDate, false),
    supervisorName: '',
    supervisorTitle: '',
    supervisorRemarks: '',
    enquiries: '',
  };

  // 会前谈心谈话 in 第一党支部: nearly complete — the secretary has not yet talked with two members,
  // two committee members have not talked with each other, one member has no peer talk (planted gaps).
  const b1People = buildAttendance(b1, members, todayStr, 'general_assembly', () => 'x')
    .filter((a) => a.kind === 'member' && a.memberId)
    .map((a) => memberById.get(a.memberId!)!);
  const b1Seats = seatsOn(b1, todayStr);
  const b1Secretary = memberById.get(b1Seats.find((x) => x.role === 'secretary')!.memberId)!;
  const b1Committee = b1Seats.filter((x) => x.role !== 'secretary').map((x) => memberById.get(x.memberId)!);
  const ordinary = b1People.filter((m) => m.id !== b1Secretary.id && !b1Committee.some((c) => c.id === m.id));
  const talkGapMembers = ordinary.slice(-2);
  const noPeer = ordinary.find((m) => m.isMobile) ?? ordinary[0];
  const talkOn = (k: number) => addDays(todayStr, -(3 + (k * 2) % 30));
  const party = (m: Member, post: string) => ({ memberId: m.id, name: m.name, post, politicalStatus: m.status === 'probationary' ? '中共预备党员' : '中共党员' });
  const addTalk = (a: Member, b: Member, k: number) => {
    const d = talkOn(k);
    talks.push({
      ...meta(`${d}T07:00:00.000Z`),
      orgId: b1.id,
      date: d,
      startTime: '16:00',
      endTime: '16:40',
      place: '党员活动室',
      type: 'pre_meeting',
      fiveMust: null,
      form: 'individual',
      interviewer: party(a, a.partyPost ?? a.adminPost ?? ''),
      interviewees: [party(b, b.partyPost ?? b.adminPost ?? '')],
      theme: '组织生活会前谈心谈话',
      interviewerPoints: '通报了支部班子查摆的主要问题，听取对支部工作的意见建议。',
      intervieweePoints: '对支部工作总体满意，建议多组织业务与党建结合的学习交流。',
      issues: [],
      criticism: '',
      attitude: '表示将认真准备发言提纲，在会上开展批评与自我批评。',
      followUps: [],
      recorderName: '',
      signedByBoth: false,
      lifeMeetingId: next.id,
      classification: { level: 'none', years: null },
      status: 'final',
    });
  };
  let k = 0;
  for (const m of b1People) if (m.id !== b1Secretary.id && !talkGapMembers.includes(m)) addTalk(b1Secretary, m, k++);
  for (let i = 0; i < b1Committee.length; i++)
    for (let j = i + 1; j < b1Committee.length; j++) if (!(i === b1Committee.length - 2 && j === b1Committee.length - 1)) addTalk(b1Committee[i], b1Committee[j], k++);
  const peers = ordinary.filter((m) => m !== noPeer);
  for (let i = 0; i + 1 < peers.length; i += 2) addTalk(peers[i], peers[i + 1], k++);
  if (peers.length % 2 === 1 && peers.length > 1) addTalk(peers[peers.length - 1], peers[0], k++);

  // Planted gap: one absentee without a reason in a draft.
  const draftWithPeople = meetings.find((x) => x.status === 'draft' && x.type === 'theme_day');
  const target = draftWithPeople ?? meetings[meetings.length - 1];
  if (target.status !== 'draft') {
    target.status = 'draft';
    target.finalisedAt = null;
    target.chairSigned = false;
    target.recorderSigned = false;
  }
  const victim =
    target.attendance.find(
      (a) =>
        a.kind === 'member' &&
        a.presence === 'present' &&
        a.memberId !== target.chairId &&
        a.memberId !== target.recorderId &&
        !target.agenda.some((it) => it.speeches.some((sp) => sp.speakerId === a.memberId)),
    ) ??
    target.attendance.find((a) => a.kind === 'member')!;
  victim.presence = 'absent';
  victim.reason = '';
  absentWithoutReasonMeetingId = target.id;

  // Validate everything, then write all at once.
  const vOrgs = orgs.map((o) => parseOrThrow(organisationSchema, o, '演示组织'));
  const vMembers = members.map((m) => parseOrThrow(memberSchema, m, '演示党员'));
  const vMeetings = meetings.map((m) => parseOrThrow(meetingSchema, m, '演示会议记录'));
  const vTalks = talks.map((t) => parseOrThrow(talkSchema, t, '演示谈心谈话记录'));
  const vAppraisals = appraisals.map((x) => parseOrThrow(appraisalSchema, x, '演示民主评议记录'));
  const vRects = rectifications.map((x) => parseOrThrow(rectificationSchema, x, '演示整改事项'));
  await db.transaction('rw', [db.organisations, db.members, db.meetings, db.meetingIndex, db.talks, db.appraisals, db.rectifications], async () => {
    const existing = (await db.organisations.count()) + (await db.members.count()) + (await db.meetings.count());
    if (existing > 0) throw new DbError('数据库中已有数据。演示数据只能在空白数据库中生成，以免与正式记录混在一起');
    await db.organisations.bulkAdd(vOrgs);
    await db.members.bulkAdd(vMembers);
    await db.meetings.bulkAdd(vMeetings);
    await db.talks.bulkAdd(vTalks);
    await db.appraisals.bulkAdd(vAppraisals);
    await db.rectifications.bulkAdd(vRects);
  });
  // The demo unit's name, unless the secretary already typed one.
  const settings = await getSettings(db);
  if (!settings.unitName.trim()) await putSettings(db, { ...settings, unitName: '××市财政局' });
  return {
    partyCommitteeId: pc,
    branchIds,
    groupIds,
    organisations: vOrgs.length,
    members: vMembers.length,
    meetings: vMeetings.length,
    drafts: vMeetings.filter((m) => m.status === 'draft').length,
    talks: vTalks.length,
    appraisals: vAppraisals.length,
    rectifications: vRects.length,
    gaps: {
      missingCommitteeMonth: missingCommittee,
      absentWithoutReasonMeetingId,
      missingLectureQuarter: missingLecture,
      overdueRectificationId,
      nextLifeMeetingId: next.id,
      talkGapMemberIds: talkGapMembers.map((m) => m.id),
      probationDueMemberId: members[25].id,
    },
  };
}
