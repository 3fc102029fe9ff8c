/**
 * Audit helpers for screens owned by other parts (Word export) and the ★ check before a transfer
 * export (domain §6.1 c, §6.3).
 */
import { NATIONAL_SECRET_LEVELS, type ClassificationLevel } from '../../shared/model';
import { sha256Hex } from '../../shared/transfer';
import type { PartyMinutesDB } from '../db/database';
import { collectRecords, type ExportScope } from '../transfer';
import { auditQuietly } from './auditLog';

/** Logs a saved Word file (导出 / 打印) with its SHA-256. Never throws. */
export async function auditWordExport(
  db: PartyMinutesDB,
  e: { table?: string; id: string; fileName: string; bytes: Uint8Array | Blob; what: string },
): Promise<void> {
  let hash = '';
  try {
    const bytes = e.bytes instanceof Blob ? new Uint8Array(await e.bytes.arrayBuffer()) : e.bytes;
    hash = await sha256Hex(bytes);
  } catch {
    hash = '（未能计算）';
  }
  await auditQuietly(db, { kind: 'word.export', target: `${e.table ?? 'meetings'}:${e.id}`, detail: `${e.what}：${e.fileName}；文件 SHA-256：${hash}` });
}

export function isNationalSecret(level: ClassificationLevel | undefined | null): boolean {
  return !!level && NATIONAL_SECRET_LEVELS.includes(level);
}

/** How many live records of the export scope are marked 秘密 / 机密 / 绝密 (★). */
export async function classifiedInScope(db: PartyMinutesDB, scope: ExportScope): Promise<number> {
  const c = await collectRecords(db, scope);
  let n = 0;
  for (const [table, src] of Object.entries(c.tables)) {
    if (table === 'organisations' || table === 'members') continue;
    const batches: (readonly unknown[])[] = [];
    if (Array.isArray(src)) batches.push(src);
    else for await (const b of src as AsyncIterable<readonly unknown[]>) batches.push(b);
    for (const rows of batches) {
      for (const r of rows as { deletedAt?: string | null; classification?: { level?: ClassificationLevel } }[]) {
        if (!r.deletedAt && isNationalSecret(r.classification?.level)) n++;
      }
    }
  }
  return n;
}
