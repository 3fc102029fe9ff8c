/**
 * 公文版式 minutes (domain §4.10A): title, facts with 黑体 labels, 会议议题, 会议内容, 会议决定 with
 * 表决情况, type-specific sections, 主持人小结, signature lines. GB/T 9704 page, fonts and grid.
 */
import type { Document, FileChild } from 'docx';
import type { Meeting } from '../model';
import type { DocumentProfile } from '../model/documentProfile';
import { buildMinutesContent, chineseNumber, type InfoLine, type OrgForWord, type Section } from './content';
import { pageDocument } from './document';
import { blockParas, bodyPara, emptyPara, markingParas, signatureParas, titleParas } from './typography';

export interface MinutesOptions {
  profile: DocumentProfile;
  /** Draft exports carry 草稿 in the header (and （草稿） in the file name). */
  draft: boolean;
  /**
   * The unit's marking for 内部 records (UnitSettings.nonSecretMarking, e.g. 内部资料 注意保存).
   * The UI always passes it; omitted, the default marking applies.
   */
  nonSecretMarking?: string;
}

function infoParas(lines: readonly InfoLine[]) {
  return lines.filter((l) => l.value).map((l) => bodyPara(l.value, `${l.label}：`));
}

function sectionParas(s: Section | null): FileChild[] {
  if (!s || s.blocks.length === 0) return [];
  return [bodyPara('', `${s.label}：`), ...blockParas(s.blocks)];
}

/** The record's paragraphs without the page set-up, for documents that bind several records (台账合订本). */
export interface MinutesBody {
  title: string;
  children: FileChild[];
}

export function buildGongwenMinutes(meeting: Meeting, org: OrgForWord, opts: MinutesOptions): Document {
  const { title, children } = gongwenMinutesBody(meeting, org, opts);
  return pageDocument({ profile: opts.profile, draft: opts.draft, title, children });
}

export function gongwenMinutesBody(meeting: Meeting, org: OrgForWord, opts: MinutesOptions): MinutesBody {
  const c = buildMinutesContent(meeting, org, opts.profile, opts.nonSecretMarking);
  const children: FileChild[] = [];

  children.push(...markingParas(c.marking));
  children.push(...titleParas(c.titleLines));
  children.push(emptyPara());

  const info: InfoLine[] = [
    { label: '时间', value: c.time },
    { label: '地点', value: c.place },
    { label: '主持人', value: c.chair },
    { label: '召集人', value: c.convener },
    { label: '记录人', value: c.recorder },
    { label: '应到', value: c.expected },
    { label: '实到', value: c.present },
    { label: '缺席人员及原因', value: c.absent },
    { label: '列席人员', value: c.guests },
    ...c.typeInfo,
  ];
  children.push(...infoParas(info));

  if (c.agendaTitles.length) {
    children.push(bodyPara('', '会议议题：'));
    c.agendaTitles.forEach((title, i) => children.push(bodyPara(`${chineseNumber(i + 1)}、${title}`)));
  }
  children.push(...sectionParas(c.outline));
  for (const s of c.lifeSections) children.push(...sectionParas(s));
  children.push(...sectionParas(c.proceedings));
  children.push(...sectionParas(c.decisions));
  for (const s of c.themeSections) children.push(...sectionParas(s));
  children.push(...sectionParas(c.summary));
  children.push(...signatureParas());

  return { title: c.title, children };
}
