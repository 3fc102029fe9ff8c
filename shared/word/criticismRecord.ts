/**
 * 批评与自我批评记录 (domain §3.3): one person's block of a 组织生活会 / 民主生活会 as its own
 * document, or every person in one file, one person per page. Same page, fonts and marking as the
 * 公文版式 minutes; the texts are the participant sections the minutes print (lifeContent.ts).
 */
import type { Document, FileChild } from 'docx';
import type { LifeParticipant, Meeting } from '../model';
import { LIFE_ROLE_LABELS, MEETING_TYPE_LABELS } from '../model';
import { formatMeetingTime } from '../format';
import { resolvedOrgName, splitTitle, type Block, type OrgForWord } from './content';
import { pageDocument } from './document';
import { participantSections } from './lifeContent';
import { markingOf, markingParasBreak, signLine, titleParasBreak, type RecordDocOptions } from './recordCommon';
import { oneLine } from './text';
import { blockParas, bodyPara, emptyPara } from './typography';
import { recordFileName } from './fileName';

export interface CriticismRecordOptions extends RecordDocOptions {
  /** 草稿 in the header when the meeting record is not 定稿. */
  draft: boolean;
  /** One participant (id), or every participant with a block, one per page. */
  participantId: string | 'all';
}

/** 中共××党支部2025年度组织生活会批评与自我批评记录 */
export function criticismRecordTitle(meeting: Meeting, org: OrgForWord, opts: RecordDocOptions): string {
  const year = meeting.life?.annualYear ?? meeting.year;
  return `${resolvedOrgName(org, opts.profile)}${year}年度${MEETING_TYPE_LABELS[meeting.type]}批评与自我批评记录`;
}

/** The participants a file covers (throws with a Chinese message when the person is not there). */
export function criticismParticipants(meeting: Meeting, participantId: string | 'all'): LifeParticipant[] {
  const all = meeting.life?.participants ?? [];
  if (participantId === 'all') return all;
  const one = all.find((p) => p.id === participantId);
  if (!one) throw new Error('这条记录里没有这名参会人员的批评与自我批评内容，可能已被删除。请刷新后重新选择。');
  return [one];
}

const NOT_RECORDED: Block[] = [{ kind: 'para', text: '（未记录）' }];

function personChildren(meeting: Meeting, p: LifeParticipant, title: string, orgName: string, opts: CriticismRecordOptions, first: boolean): FileChild[] {
  const life = meeting.life;
  if (!life) return [];
  const s = participantSections(life, p);
  const part = (label: string, blocks: Block[]) => [bodyPara('', label), ...blockParas(blocks.length ? blocks : NOT_RECORDED)];
  return [
    ...markingParasBreak(markingOf(meeting.classification, opts.nonSecretMarking), !first),
    ...titleParasBreak(splitTitle(title, orgName), !first && !markingOf(meeting.classification, opts.nonSecretMarking)),
    emptyPara(),
    bodyPara(oneLine(p.name), '姓名：'),
    bodyPara(LIFE_ROLE_LABELS[p.role], '身份：'),
    bodyPara(formatMeetingTime(meeting.date, meeting.startTime, meeting.endTime), '时间：'),
    ...(oneLine(meeting.place) ? [bodyPara(oneLine(meeting.place), '地点：')] : []),
    ...(oneLine(life.theme) ? [bodyPara(oneLine(life.theme), '会议主题：')] : []),
    ...part('自我批评（查摆问题）：', s.selfCriticism),
    ...part('相互批评意见：', s.criticisms),
    ...part('表态：', s.response),
    ...signLine(['本人', '记录人']),
  ];
}

export function buildCriticismRecord(meeting: Meeting, org: OrgForWord, opts: CriticismRecordOptions): Document {
  return pageDocument({ profile: opts.profile, draft: opts.draft, title: criticismRecordTitle(meeting, org, opts), children: criticismRecordBody(meeting, org, opts) });
}

/** The people's pages without the page set-up; throws like buildCriticismRecord when there is nothing to print. */
export function criticismRecordBody(meeting: Meeting, org: OrgForWord, opts: CriticismRecordOptions): FileChild[] {
  if (!meeting.life) throw new Error('只有组织生活会、民主生活会记录才有批评与自我批评记录。');
  const people = criticismParticipants(meeting, opts.participantId);
  if (people.length === 0) throw new Error('这次会议还没有录入参会人员的批评与自我批评，请先在会议记录中填写。');
  const title = criticismRecordTitle(meeting, org, opts);
  const orgName = resolvedOrgName(org, opts.profile);
  return people.flatMap((p, i) => personChildren(meeting, p, title, orgName, opts, i === 0));
}

/** …批评与自我批评记录（张三）.docx for one person, …（全体）.docx for everyone; marking and 草稿 as the minutes. */
export function criticismFileName(meeting: Meeting, org: OrgForWord, opts: CriticismRecordOptions): string {
  const who = opts.participantId === 'all' ? '全体' : oneLine(criticismParticipants(meeting, opts.participantId)[0].name);
  return recordFileName(`${criticismRecordTitle(meeting, org, opts)}（${who}）`, meeting.classification, opts.draft);
}
