/**
 * Cells of the landscape ledgers and tally sheets (domain §4.10C): header labels 小四 黑体, cells 五号
 * 仿宋 (the GwLedgerLabel / GwLedgerCell styles), in a fixed table as wide as the landscape 版心.
 */
import { AlignmentType, Paragraph } from 'docx';
import { paragraphsOf } from './text';
import { plain, STYLE } from './typography';

export function ledgerLabel(text: string): Paragraph {
  return new Paragraph({ style: STYLE.ledgerLabel, children: [plain(text)] });
}

export function ledgerCell(text: string, opts: { center?: boolean } = {}): Paragraph {
  return new Paragraph({ style: STYLE.ledgerCell, alignment: opts.center ? AlignmentType.CENTER : undefined, children: text ? [plain(text)] : [] });
}

/** A long text cell: one paragraph per paragraph of the text (never an empty cell without a paragraph). */
export function ledgerTextCell(text: string): Paragraph[] {
  const paras = paragraphsOf(text);
  return paras.length ? paras.map((p) => ledgerCell(p)) : [ledgerCell('')];
}
