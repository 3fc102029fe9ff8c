/**
 * 表格式 minutes (domain §4.10B), imitating the printed 记录本: one full-width table, label cells
 * in 黑体, the first row repeated on every page, the long 会议记录 cell allowed to run across pages,
 * and a final row for the signatures and the higher organisation's 审阅意见.
 */
import type { Document, FileChild, Paragraph } from 'docx';
import type { Meeting } from '../model';
import { buildMinutesContent, chineseNumber, type Block, type OrgForWord } from './content';
import { pageDocument } from './document';
import type { MinutesOptions } from './gongwen';
import { SZ_4HAO, TABLE_LINE } from './page';
import { cellPara, fixedTable, labelPara, type RowSpec } from './tables';
import { emptyPara, markingParas, titleParas, typoFor, type Typo } from './typography';

/**
 * Six grid columns: label 1300 (≈ 23 mm) | 1648 | 1648 | label 1300 | 1474 | 1474 = 8844.
 * Pairs use L(1) V(2–3) L(4) V(5–6); full rows L(1) V(2–6); the signature row three cells of 2948.
 */
export const MINUTES_TABLE_COLUMNS = [1300, 1648, 1648, 1300, 1474, 1474] as const;

/** Rows longer than this may split across pages; shorter rows never do. */
const SHORT_ROW_CHARS = 200;

function blocksToParas(t: Typo, blocks: readonly Block[]): Paragraph[] {
  return blocks.map((b) =>
    b.kind === 'heading' ? cellPara(t, '', { label: b.text }) : cellPara(t, b.text, { indent: true, label: b.label }),
  );
}

function fullRow(t: Typo, label: string, paras: Paragraph[], textLength: number, forceSplit = false): RowSpec {
  return {
    cells: [
      { paragraphs: [labelPara(t, label)] },
      { paragraphs: paras, span: 5, align: 'top' },
    ],
    canSplit: forceSplit || textLength > SHORT_ROW_CHARS,
  };
}

function pairRow(t: Typo, l1: string, v1: string, l2: string, v2: string): RowSpec {
  return {
    cells: [
      { paragraphs: [labelPara(t, l1)] },
      { paragraphs: [cellPara(t, v1)], span: 2 },
      { paragraphs: [labelPara(t, l2)] },
      { paragraphs: [cellPara(t, v2)], span: 2 },
    ],
  };
}

const textLength = (blocks: readonly Block[]) => blocks.reduce((n, b) => n + b.text.length + (b.kind === 'para' ? (b.label?.length ?? 0) : 0), 0);

export function buildTableMinutes(meeting: Meeting, org: OrgForWord, opts: MinutesOptions): Document {
  const c = buildMinutesContent(meeting, org, opts.profile, opts.nonSecretMarking);
  const titleTypo = typoFor(opts.profile);
  const t = typoFor(opts.profile, { size: SZ_4HAO, line: TABLE_LINE, condense: 0 });
  const rows: RowSpec[] = [];

  rows.push({ ...fullRow(t, '会议名称', [cellPara(t, c.meetingName)], 0), header: true });
  // 时间 gets the full width: in a half-width cell it wraps inside numbers.
  rows.push(fullRow(t, '时间', [cellPara(t, c.time)], 0));
  if (c.place) rows.push(fullRow(t, '地点', [cellPara(t, c.place)], c.place.length));
  rows.push(pairRow(t, '主持人', c.chair, '记录人', c.recorder));
  if (c.convener) rows.push(fullRow(t, '召集人', [cellPara(t, c.convener)], c.convener.length));
  rows.push(pairRow(t, '应到人数', c.expected, '实到人数', c.present));
  rows.push(fullRow(t, '缺席人员及原因', [cellPara(t, c.absent)], c.absent.length));
  if (c.guests) rows.push(fullRow(t, '列席人员', [cellPara(t, c.guests)], c.guests.length));
  for (const info of c.typeInfo) rows.push(fullRow(t, info.label, [cellPara(t, info.value)], info.value.length));

  if (c.agendaTitles.length) {
    const paras = c.agendaTitles.map((a, i) => cellPara(t, `${chineseNumber(i + 1)}、${a}`));
    rows.push(fullRow(t, '会议议题', paras, c.agendaTitles.join('').length));
  }
  if (c.outline) rows.push(fullRow(t, '内容提要', blocksToParas(t, c.outline.blocks), textLength(c.outline.blocks)));
  if (c.proceedings) {
    rows.push(fullRow(t, '会议记录（内容）', blocksToParas(t, c.proceedings.blocks), textLength(c.proceedings.blocks), true));
  }
  for (const s of c.themeSections) rows.push(fullRow(t, s.label, blocksToParas(t, s.blocks), textLength(s.blocks)));
  if (c.decisionLines.length) rows.push(fullRow(t, '会议决议', blocksToParas(t, c.decisionLines), textLength(c.decisionLines)));
  if (c.voteLines.length) rows.push(fullRow(t, '表决情况', blocksToParas(t, c.voteLines), textLength(c.voteLines)));
  if (c.summary) rows.push(fullRow(t, '主持人小结', blocksToParas(t, c.summary.blocks), textLength(c.summary.blocks)));

  rows.push({
    cells: [
      { paragraphs: [labelPara(t, '主持人签字', 'left')], span: 2, align: 'top' },
      { paragraphs: [labelPara(t, '记录人签字', 'left')], span: 2, align: 'top' },
      { paragraphs: [labelPara(t, '审阅意见（上级党组织）', 'left')], span: 2, align: 'top' },
    ],
    minHeight: 1800,
  });

  const children: FileChild[] = [
    ...markingParas(titleTypo, c.marking),
    ...titleParas(titleTypo, c.titleLines),
    emptyPara(titleTypo),
    fixedTable(MINUTES_TABLE_COLUMNS, rows),
  ];
  return pageDocument({ profile: opts.profile, draft: opts.draft, title: c.title, children });
}
