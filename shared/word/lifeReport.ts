/**
 * 组织生活会 / 民主生活会召开情况报告 to the higher organisation (domain §2.6 step 7, §2.9): ALWAYS a
 * draft. The facts are filled from the records (date, place, attendance, theme, preparation with
 * dates and talk counts, problems per aspect, criticisms, rectification items, appraisal totals);
 * every judgement or narrative is a clearly marked blank for the secretary. Nothing is invented.
 */
import { AlignmentType, Paragraph, type Document, type FileChild } from 'docx';
import type { Appraisal, Meeting, Rectification, Talk } from '../model';
import { DEADLINE_KIND_LABELS, DEADLINE_KINDS, LIFE_PREP_LABELS, MEETING_TYPE_LABELS, TALK_FORM_LABELS } from '../model';
import { formatChineseDate } from '../format';
import { countAttendance } from '../rules/attendance';
import { appraisalResultText, appraisalTotals } from './appraisalSheets';
import { attendanceHalves, chineseNumber, resolvedOrgName, splitTitle, type OrgForWord } from './content';
import { pageDocument } from './document';
import { recordFileName } from './fileName';
import { filled, prepLine, problemCountsByAspect, teamWord } from './lifeContent';
import { INDENT_2CHARS } from './page';
import { markingOf, type RecordDocOptions } from './recordCommon';
import { ledgerSummaryText } from './rectificationLedger';
import { oneLine, paragraphsOf } from './text';
import { bodyPara, emptyPara, headingPara, markingParas, plain, STYLE, titleParas } from './typography';

/** The blank the secretary fills in; always this shape, so it is easy to find and never mistaken for text. */
export function secretaryBlank(what: string): string {
  return `（此处由支部书记填写：${what}）`;
}

export interface LifeReportRecords {
  /** Talk records of the organisation; those linked to this meeting are counted. */
  talks: readonly Talk[];
  /** Rectification items of the organisation; those raised by this meeting, and last year's, are counted. */
  rectifications: readonly Rectification[];
  /** The year's 民主评议, if one was held. */
  appraisal: Appraisal | null;
}

export interface LifeReportOptions extends RecordDocOptions {
  /** YYYY-MM-DD: last year's items are reported as of this date (逾期 computed for it). */
  today: string;
}

export function lifeReportTitle(meeting: Meeting, org: OrgForWord, opts: RecordDocOptions): string {
  const year = meeting.life?.annualYear ?? meeting.year;
  return `${resolvedOrgName(org, opts.profile)}关于召开${year}年度${MEETING_TYPE_LABELS[meeting.type]}情况的报告`;
}

/** Talks that prepared this meeting: linked by the talk itself or from the 谈心谈话 checklist item. */
export function preparingTalks(meeting: Meeting, talks: readonly Talk[]): Talk[] {
  const linked = new Set((meeting.life?.preparation ?? []).flatMap((p) => p.links.filter((l) => l.table === 'talks').map((l) => l.id)));
  return talks.filter((t) => !t.deletedAt && (t.lifeMeetingId === meeting.id || linked.has(t.id)));
}

const counted = (pairs: readonly [string, number][]) => pairs.map(([a, n]) => `${a} ${n} 条`).join('，');

export function buildLifeMeetingReport(meeting: Meeting, org: OrgForWord, records: LifeReportRecords, opts: LifeReportOptions): Document {
  const children = lifeMeetingReportBody(meeting, org, records, opts);
  // A report is never final from here: the secretary completes and signs it outside the app.
  return pageDocument({ profile: opts.profile, draft: true, title: lifeReportTitle(meeting, org, opts), children });
}

/** The report's paragraphs without the page set-up. */
export function lifeMeetingReportBody(meeting: Meeting, org: OrgForWord, records: LifeReportRecords, opts: LifeReportOptions): FileChild[] {
  const life = meeting.life;
  if (!life) throw new Error('只有组织生活会、民主生活会记录才能生成召开情况报告。');
  const orgName = resolvedOrgName(org, opts.profile);
  const title = lifeReportTitle(meeting, org, opts);
  const meetingWord = MEETING_TYPE_LABELS[meeting.type];
  const team = teamWord(meeting);
  const children: FileChild[] = [];
  let section = 0;
  const heading = (text: string) => children.push(headingPara(1, `${chineseNumber(++section)}、${text}`));
  const para = (text: string, label?: string) => children.push(bodyPara(text, label));

  children.push(...markingParas(markingOf(meeting.classification, opts.nonSecretMarking)));
  children.push(...titleParas(splitTitle(title, orgName)));
  children.push(emptyPara());
  children.push(bodyPara(`${secretaryBlank('上级党组织名称')}：`, undefined, { indent: false }));

  // Opening: the facts of the meeting in one paragraph.
  const counts = countAttendance(meeting.attendance);
  const halves = attendanceHalves(counts);
  const absent = counts.absent.map((e) => `${oneLine(e.name)}（${oneLine(e.reason) || '未注明原因'}）`);
  const place = oneLine(meeting.place);
  const theme = oneLine(life.theme);
  const chair = oneLine(meeting.chairName);
  const supervisor = oneLine(life.supervisorName);
  const opening = [
    `${formatChineseDate(meeting.date)}，${orgName}${place ? `在${place}` : ''}召开${life.annualYear}年度${meetingWord}`,
    meeting.type === 'life_meeting' && life.heldAs ? `（以${MEETING_TYPE_LABELS[life.heldAs]}形式召开）` : '',
    theme ? `，会议主题为“${theme}”` : '',
    chair ? `。会议由${chair}主持` : '',
    supervisor ? `，${supervisor}${oneLine(life.supervisorTitle) ? `（${oneLine(life.supervisorTitle)}）` : ''}到会督导` : '',
    `。应到 ${halves.expected}，实到 ${halves.present}`,
    absent.length ? `；缺席 ${absent.length} 人：${absent.join('、')}` : '',
    '。现将有关情况报告如下：',
  ].join('');
  para(opening);

  heading('会前准备情况');
  const talks = preparingTalks(meeting, records.talks);
  // The talk count is its own line below (from the talk records), so the checklist line leaves it out.
  for (const item of life.preparation) para(prepLine(item, talks.length ? 0 : undefined), `${LIFE_PREP_LABELS[item.kind]}：`);
  if (talks.length) {
    const byForm = (['individual', 'group'] as const).map((f) => [TALK_FORM_LABELS[f], talks.filter((t) => t.form === f).length] as const).filter(([, n]) => n > 0);
    para(`会前共开展谈心谈话 ${talks.length} 次（${byForm.map(([f, n]) => `${f} ${n} 次`).join('，')}）。`, '谈心谈话记录：');
  }
  const papers = life.participants.filter((p) => p.paperReady).length;
  para(
    `${team}对照检查材料${life.committeePaperReady ? '已起草' : '尚未起草'}；参会人员中 ${papers} 人已提交对照检查材料或发言提纲（共 ${life.participants.length} 人）。`,
    '材料提交情况：',
  );
  para(secretaryBlank('会前学习、征求意见等准备工作的具体情况'));

  heading('会议召开情况');
  const lastYear = records.rectifications.filter((r) => !r.deletedAt && r.orgId === meeting.orgId && r.annualYear === life.annualYear - 1);
  if (lastYear.length || paragraphsOf(life.lastYearReport).length) {
    para(lastYear.length ? `上年度整改事项${ledgerSummaryText(lastYear, opts.today)}` : '会上通报了上年度整改落实情况。', '上年度整改落实情况：');
  }
  const teamProblems = filled(life.committeeProblems);
  const teamByAspect = problemCountsByAspect(life, teamProblems);
  para(`${team}查摆问题 ${teamProblems.length} 条${teamByAspect.length ? `，其中${counted(teamByAspect)}` : ''}。`, `${team}对照检查：`);
  const personal = life.participants.flatMap((p) => filled(p.problems));
  const speakers = life.participants.filter((p) => filled(p.problems).length > 0).length;
  const personalByAspect = problemCountsByAspect(life, personal);
  para(
    `${speakers} 名同志开展自我批评，共查摆问题 ${personal.length} 条${personalByAspect.length ? `，其中${counted(personalByAspect)}` : ''}。`,
    '自我批评：',
  );
  const criticisms = life.participants.flatMap((p) => p.criticisms.filter((c) => paragraphsOf(c.text).length > 0));
  const criticised = life.participants.filter((p) => p.criticisms.some((c) => paragraphsOf(c.text).length > 0)).length;
  para(`共提出批评意见 ${criticisms.length} 条，涉及 ${criticised} 名同志。`, '相互批评：');
  const responded = life.participants.filter((p) => paragraphsOf(p.response).length > 0).length;
  para(`${responded} 名同志作了表态发言。`, '表态：');
  if (paragraphsOf(life.supervisorRemarks).length) para(`${supervisor || '上级督导人员'}作了点评。`, '上级督导点评：');
  if (meeting.type === 'democratic_life' && paragraphsOf(life.enquiries).length) para('会上通报了谈话函询情况，有关同志作了说明。', '谈话函询：');
  para(secretaryBlank('会议总体情况和批评与自我批评开展的效果'));

  heading('整改措施');
  const raised = records.rectifications.filter((r) => !r.deletedAt && r.origin.meetingId === meeting.id);
  const teamItems = raised.filter((r) => r.listKind === 'team').length;
  const personalItems = raised.filter((r) => r.listKind === 'personal');
  const people = new Set(personalItems.map((r) => oneLine(r.personName)).filter(Boolean)).size;
  const kinds = DEADLINE_KINDS.map((k) => [DEADLINE_KIND_LABELS[k], raised.filter((r) => r.deadlineKind === k).length] as const).filter(([, n]) => n > 0);
  para(
    `会后列入${team}整改清单 ${teamItems} 项、个人整改清单 ${personalItems.length} 项（涉及 ${people} 人）${kinds.length ? `，其中${kinds.map(([k, n]) => `${k} ${n} 项`).join('，')}` : ''}。`,
    '整改清单：',
  );
  para(secretaryBlank('主要整改措施和下一步工作打算'));

  if (records.appraisal) {
    heading('民主评议党员情况');
    para(appraisalResultText(appraisalTotals(records.appraisal.entries)));
  }

  children.push(emptyPara());
  children.push(new Paragraph({ style: STYLE.bodyFlush, alignment: AlignmentType.RIGHT, indent: { right: INDENT_2CHARS }, children: [plain(orgName)] }));
  children.push(new Paragraph({ style: STYLE.bodyFlush, alignment: AlignmentType.RIGHT, indent: { right: INDENT_2CHARS }, children: [plain(secretaryBlank('报送日期'))] }));

  return children;
}

export function lifeReportFileName(meeting: Meeting, org: OrgForWord, opts: RecordDocOptions): string {
  return recordFileName(lifeReportTitle(meeting, org, opts), meeting.classification, true);
}
