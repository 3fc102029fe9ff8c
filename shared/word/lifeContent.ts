/**
 * The 组织生活会 / 民主生活会 parts of the minutes (domain §2.6, §2.9, §3.3), as layout-free sections
 * that buildMinutesContent adds to the ordinary header, attendance, agenda and signatures. The
 * per-person 批评与自我批评记录 (criticismRecord.ts) prints the same participant blocks, so the
 * minutes and the personal record can never disagree.
 *
 * Self-criticism, criticism and 表态 are SENSITIVE: they appear only inside these documents
 * (never in file names, titles or document properties).
 */
import type { LifeBlock, LifeParticipant, LifePrepItem, LifeProblem, Meeting } from '../model';
import { LIFE_PREP_LABELS, LIFE_ROLE_LABELS, MEETING_TYPE_LABELS } from '../model';
import { formatChineseDate } from '../format';
import { chineseNumber, type Block, type InfoLine, type Section } from './content';
import { oneLine, paragraphsOf } from './text';

/** 支部班子 for the branch 组织生活会, 领导班子 for the leadership 民主生活会. */
export function teamWord(meeting: Pick<Meeting, 'type'>): string {
  return meeting.type === 'democratic_life' ? '领导班子' : '支部班子';
}

/** Aspects in the order of the year's list, then any others in the order first met. */
export function aspectOrder(life: Pick<LifeBlock, 'aspects'>, problems: readonly LifeProblem[]): string[] {
  const out = life.aspects.map((a) => oneLine(a)).filter((a) => a.length > 0);
  for (const p of problems) {
    const a = oneLine(p.aspect) || '其他方面';
    if (!out.includes(a)) out.push(a);
  }
  return out;
}

/** Problems that say anything at all (an empty row from the editor is not printed or counted). */
export function filled(problems: readonly LifeProblem[]): LifeProblem[] {
  return problems.filter((p) => paragraphsOf(p.manifestation).length + paragraphsOf(p.cause).length + paragraphsOf(p.direction).length > 0);
}

function labelled(label: string, text: string): Block[] {
  return paragraphsOf(text).map((p, i) => (i === 0 ? { kind: 'para', label, text: p } : { kind: 'para', text: p }));
}

/** Number of (non-empty) problems per aspect, in aspect order; aspects without problems left out. */
export function problemCountsByAspect(life: Pick<LifeBlock, 'aspects'>, problems: readonly LifeProblem[]): [string, number][] {
  const list = filled(problems);
  return aspectOrder(life, list)
    .map((a): [string, number] => [a, list.filter((p) => (oneLine(p.aspect) || '其他方面') === a).length])
    .filter(([, n]) => n > 0);
}

/**
 * Problems grouped by aspect, then 具体表现 / 原因剖析 / 整改方向 per problem. Level 2 (the
 * committee's block): （一）方面 and 1. per problem; level 3 (inside a person's （一）): 1. 方面 and （1）.
 */
export function problemBlocks(life: Pick<LifeBlock, 'aspects'>, problems: readonly LifeProblem[], headingLevel: 2 | 3 = 2): Block[] {
  const list = filled(problems);
  const blocks: Block[] = [];
  let aspectNo = 0;
  for (const aspect of aspectOrder(life, list)) {
    const inAspect = list.filter((p) => (oneLine(p.aspect) || '其他方面') === aspect);
    if (inAspect.length === 0) continue;
    aspectNo++;
    const head = headingLevel === 2 ? `（${chineseNumber(aspectNo)}）${aspect}` : `${aspectNo}. ${aspect}`;
    blocks.push({ kind: 'heading', level: headingLevel, text: head });
    inAspect.forEach((p, i) => {
      const n = headingLevel === 2 ? `${i + 1}. ` : `（${i + 1}）`;
      const parts = [...labelled('具体表现：', p.manifestation), ...labelled('原因剖析：', p.cause), ...labelled('整改方向：', p.direction)];
      // The number goes in front of the problem's first line.
      const first = parts[0];
      if (first && first.kind === 'para') parts[0] = { ...first, label: `${n}${first.label ?? ''}` };
      blocks.push(...parts);
    });
  }
  return blocks;
}

/** 张三（书记） */
export function participantHeading(p: Pick<LifeParticipant, 'name' | 'role'>): string {
  return `${oneLine(p.name)}（${LIFE_ROLE_LABELS[p.role]}）`;
}

export interface ParticipantSections {
  selfCriticism: Block[];
  criticisms: Block[];
  response: Block[];
}

/** The three parts of one person's block; empty parts are empty arrays. */
export function participantSections(life: Pick<LifeBlock, 'aspects'>, p: LifeParticipant): ParticipantSections {
  const criticisms: Block[] = [];
  for (const c of p.criticisms) {
    const paras = paragraphsOf(c.text);
    if (paras.length === 0) continue;
    const critic = oneLine(c.criticName) || '（未注明批评人）';
    paras.forEach((t, i) => criticisms.push(i === 0 ? { kind: 'para', label: `${critic}：`, text: t } : { kind: 'para', text: t }));
  }
  return {
    selfCriticism: problemBlocks(life, p.problems, 3),
    criticisms,
    response: paragraphsOf(p.response).map((t) => ({ kind: 'para', text: t })),
  };
}

/** One person inside the minutes: （一）张三（书记）, then 自我批评 / 相互批评意见 / 表态 with 黑体 labels. */
function participantBlocks(life: LifeBlock, p: LifeParticipant, no: number): Block[] {
  const s = participantSections(life, p);
  if (s.selfCriticism.length + s.criticisms.length + s.response.length === 0) return [];
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: `（${chineseNumber(no)}）${participantHeading(p)}` }];
  if (s.selfCriticism.length) blocks.push({ kind: 'para', label: '自我批评：', text: '' }, ...s.selfCriticism);
  if (s.criticisms.length) blocks.push({ kind: 'para', label: '相互批评意见：', text: '' }, ...s.criticisms);
  if (s.response.length) blocks.push({ kind: 'para', label: '表态：', text: '' }, ...s.response);
  return blocks;
}

/** Talk records linked to a preparation item (the 谈心谈话 item's evidence). */
export function linkedTalkCount(item: LifePrepItem): number {
  return item.links.filter((l) => l.table === 'talks').length;
}

/** 会前学习：已完成（2025年1月5日）。说明 — one line per checklist item, facts only. */
export function prepLine(item: LifePrepItem, talkCount?: number): string {
  const parts: string[] = [item.done ? '已完成' : '未完成'];
  if (item.date) parts[0] += `（${formatChineseDate(item.date)}）`;
  const talks = talkCount ?? linkedTalkCount(item);
  if (item.kind === 'talks' && talks > 0) parts.push(`开展谈心谈话 ${talks} 次`);
  const note = oneLine(item.note);
  if (note) parts.push(note);
  return `${parts.join('，')}。`;
}

/** Header facts of a life meeting: 年度, 主题, 召开形式. */
export function lifeInfoLines(meeting: Meeting): InfoLine[] {
  const life = meeting.life;
  if (!life) return [];
  const out: InfoLine[] = [{ label: '年度', value: `${life.annualYear}年度` }];
  if (oneLine(life.theme)) out.push({ label: '主题', value: oneLine(life.theme) });
  if (meeting.type === 'life_meeting' && life.heldAs) out.push({ label: '召开形式', value: MEETING_TYPE_LABELS[life.heldAs] });
  return out;
}

/**
 * The life-meeting sections of the minutes, in the order the meeting runs (domain §2.6 step 6,
 * §2.9): 会前准备情况, 上年度整改落实情况通报, 班子对照检查, 批评与自我批评, 上级督导点评,
 * 谈话函询情况说明 (民主生活会). Empty sections are left out.
 */
export function lifeSections(meeting: Meeting): Section[] {
  const life = meeting.life;
  if (!life) return [];
  const out: Section[] = [];

  const prep: Block[] = life.preparation.map((item) => ({ kind: 'para', label: `${LIFE_PREP_LABELS[item.kind]}：`, text: prepLine(item) }));
  if (prep.length) out.push({ label: '会前准备情况', blocks: prep });

  const lastYear = paragraphsOf(life.lastYearReport).map((t): Block => ({ kind: 'para', text: t }));
  if (lastYear.length) out.push({ label: '上年度整改落实情况通报', blocks: lastYear });

  const team = problemBlocks(life, life.committeeProblems, 2);
  if (team.length) out.push({ label: `${teamWord(meeting)}对照检查`, blocks: team });

  const people: Block[] = [];
  let no = 0;
  for (const p of life.participants) {
    const blocks = participantBlocks(life, p, no + 1);
    if (blocks.length === 0) continue;
    no++;
    people.push(...blocks);
  }
  if (people.length) out.push({ label: '批评与自我批评', blocks: people });

  const remarks = paragraphsOf(life.supervisorRemarks);
  if (remarks.length) {
    const name = oneLine(life.supervisorName);
    const title = oneLine(life.supervisorTitle);
    const who = name ? (title ? `${name}（${title}）` : name) : '';
    out.push({
      label: '上级督导点评',
      blocks: remarks.map((t, i): Block => (i === 0 && who ? { kind: 'para', label: `${who}：`, text: t } : { kind: 'para', text: t })),
    });
  }

  if (meeting.type === 'democratic_life') {
    const enq = paragraphsOf(life.enquiries).map((t): Block => ({ kind: 'para', text: t }));
    if (enq.length) out.push({ label: '谈话函询情况说明', blocks: enq });
  }
  return out;
}
