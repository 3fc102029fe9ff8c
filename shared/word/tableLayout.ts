/**
 * 表格式 minutes (domain §4.10B), imitating the printed 记录本: one full-width table, label cells
 * in 黑体, the first row repeated on every page, the long 会议记录 cell allowed to run across pages,
 * and a final row for the signatures and the higher organisation's 审阅意见.
 */
import type { Document, FileChild, Paragraph } from 'docx';
import type { Meeting } from '../model';
import { buildMinutesContent, chineseNumber, type Block, type OrgForWord } from './content';
import { pageDocument } from './document';
import type { MinutesBody, MinutesOptions } from './gongwen';
import { cellPara, fixedTable, labelPara, type RowSpec } from './tables';
import { emptyPara, markingParas, titleParas } from './typography';

/**
 * Six grid columns: label 1300 (≈ 23 mm) | 1648 | 1648 | label 1300 | 1474 | 1474 = 8844.
 * Pairs use L(1) V(2–3) L(4) V(5–6); full rows L(1) V(2–6); the signature row three cells of 2948.
 */
export const MINUTES_TABLE_COLUMNS = [1300, 1648, 1648, 1300, 1474, 1474] as const;

/** Rows longer than this may split across pages; shorter rows never do. */
const SHORT_ROW_CHARS = 200;

function blocksToParas(blocks: readonly Block[]): Paragraph[] {
  return blocks.map((b) =>
    b.kind === 'heading' ? cellPara('', { label: b.text }) : cellPara(b.text, { indent: true, label: b.label }),
  );
}

function fullRow(label: string, paras: Paragraph[], textLength: number, forceSplit = false): RowSpec {
  return {
    cells: [
      { paragraphs: [labelPara(label)] },
      { paragraphs: paras, span: 5, align: 'top' },
    ],
    canSplit: forceSplit || textLength > SHORT_ROW_CHARS,
  };
}

function pairRow(l1: string, v1: string, l2: string, v2: string): RowSpec {
  return {
    cells: [
      { paragraphs: [labelPara(l1)] },
      { paragraphs: [cellPara(v1)], span: 2 },
      { paragraphs: [labelPara(l2)] },
      { paragraphs: [cellPara(v2)], span: 2 },
    ],
  };
}

const textLength = (blocks: readonly Block[]) => blocks.reduce((n, b) => n + b.text.length + (b.kind === 'para' ? (b.label?.length ?? 0) : 0), 0);

export function buildTableMinutes(meeting: Meeting, org: OrgForWord, opts: MinutesOptions): Document {
  const { title, children } = tableMinutesBody(meeting, org, opts);
  return pageDocument({ profile: opts.profile, draft: opts.draft, title, children });
}

/** The record's table and title without the page set-up (台账合订本). */
export function tableMinutesBody(meeting: Meeting, org: OrgForWord, opts: MinutesOptions): MinutesBody {
  const c = buildMinutesContent(meeting, org, opts.profile, opts.nonSecretMarking);
  const rows: RowSpec[] = [];

  rows.push({ ...fullRow('会议名称', [cellPara(c.meetingName)], 0), header: true });
  // 时间 gets the full width: in a half-width cell it wraps inside numbers.
  rows.push(fullRow('时间', [cellPara(c.time)], 0));
  if (c.place) rows.push(fullRow('地点', [cellPara(c.place)], c.place.length));
  rows.push(pairRow('主持人', c.chair, '记录人', c.recorder));
  if (c.convener) rows.push(fullRow('召集人', [cellPara(c.convener)], c.convener.length));
  rows.push(pairRow('应到人数', c.expected, '实到人数', c.present));
  rows.push(fullRow('缺席人员及原因', [cellPara(c.absent)], c.absent.length));
  if (c.guests) rows.push(fullRow('列席人员', [cellPara(c.guests)], c.guests.length));
  for (const info of c.typeInfo) rows.push(fullRow(info.label, [cellPara(info.value)], info.value.length));

  if (c.agendaTitles.length) {
    const paras = c.agendaTitles.map((a, i) => cellPara(`${chineseNumber(i + 1)}、${a}`));
    rows.push(fullRow('会议议题', paras, c.agendaTitles.join('').length));
  }
  if (c.outline) rows.push(fullRow('内容提要', blocksToParas(c.outline.blocks), textLength(c.outline.blocks)));
  for (const s of c.lifeSections) rows.push(fullRow(s.label, blocksToParas(s.blocks), textLength(s.blocks)));
  if (c.proceedings) {
    rows.push(fullRow('会议记录（内容）', blocksToParas(c.proceedings.blocks), textLength(c.proceedings.blocks), true));
  }
  for (const s of c.themeSections) rows.push(fullRow(s.label, blocksToParas(s.blocks), textLength(s.blocks)));
  if (c.decisionLines.length) rows.push(fullRow('会议决议', blocksToParas(c.decisionLines), textLength(c.decisionLines)));
  if (c.voteLines.length) rows.push(fullRow('表决情况', blocksToParas(c.voteLines), textLength(c.voteLines)));
  if (c.summary) rows.push(fullRow('主持人小结', blocksToParas(c.summary.blocks), textLength(c.summary.blocks)));

  rows.push({
    cells: [
      { paragraphs: [labelPara('主持人签字', 'left')], span: 2, align: 'top' },
      { paragraphs: [labelPara('记录人签字', 'left')], span: 2, align: 'top' },
      { paragraphs: [labelPara('审阅意见（上级党组织）', 'left')], span: 2, align: 'top' },
    ],
    minHeight: 1800,
  });

  const children: FileChild[] = [
    ...markingParas(c.marking),
    ...titleParas(c.titleLines),
    emptyPara(),
    fixedTable(MINUTES_TABLE_COLUMNS, rows),
  ];
  return { title: c.title, children };
}
