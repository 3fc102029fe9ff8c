/**
 * 审计日志 as a printable Word table (A4 landscape, GB/T 9704 page, the shared ledger styles), for
 * the regular paper backup that 等保 §6.5 (c) expects. Every entry keeps its seq and hash, so the
 * printout can be checked against the chain.
 */
import type { Document, FileChild } from 'docx';
import type { DocumentProfile } from '../model/documentProfile';
import { pageDocument } from '../word/document';
import { LANDSCAPE_TABLE_WIDTH } from '../word/page';
import { ledgerCell, ledgerLabel } from '../word/ledgerTable';
import { fixedTable, type RowSpec } from '../word/tables';
import { bodyPara, titleParas } from '../word/typography';
import type { AuditEntry } from './auditChain';

const FIXED = [700, 2200, 1600, 2500, 700, 1200];
export const AUDIT_WORD_COLUMNS = [...FIXED, LANDSCAPE_TABLE_WIDTH - FIXED.reduce((a, b) => a + b, 0)];

export interface AuditWordOptions {
  profile: DocumentProfile;
  unitName: string;
  /** e.g. "2025-01-01 至 2025-06-30". */
  period: string;
  /** Result of the chain check at export time. */
  checkText: string;
  kindLabel: (kind: string) => string;
  localTime: (iso: string) => string;
}

export function buildAuditLogDocument(entries: readonly AuditEntry[], o: AuditWordOptions): Document {
  const header: RowSpec = { header: true, cells: ['序号', '时间', '事件', '对象', '结果', '操作人', '详情'].map((t) => ({ paragraphs: [ledgerLabel(t)] })) };
  const rows: RowSpec[] = [header, ...entries.map((e) => ({
    canSplit: true,
    cells: [
      { paragraphs: [ledgerCell(String(e.seq), { center: true })] },
      { paragraphs: [ledgerCell(o.localTime(e.at))] },
      { paragraphs: [ledgerCell(o.kindLabel(e.kind))] },
      { paragraphs: [ledgerCell(e.target)] },
      { paragraphs: [ledgerCell(e.ok ? '成功' : '失败', { center: true })] },
      { paragraphs: [ledgerCell(e.actor)] },
      { paragraphs: [ledgerCell(`${e.detail}${e.detail ? '；' : ''}哈希 ${e.hash.slice(0, 16)}…`)] },
    ],
  }))];
  const children: FileChild[] = [
    ...titleParas([`${o.unitName}审计日志`]),
    bodyPara(`期间：${o.period}；共 ${entries.length} 条。${o.checkText}`),
    fixedTable(AUDIT_WORD_COLUMNS, rows, LANDSCAPE_TABLE_WIDTH),
  ];
  return pageDocument({ profile: o.profile, draft: false, title: `${o.unitName}审计日志`, children, orientation: 'landscape' });
}
