/**
 * 操作记录: every export, import, backup and restore leaves one row in `operationLog` (schema v2),
 * where the audit-log feature can read it: when, which installation, who (as typed), which file
 * (name and SHA-256), how many records, and whether it succeeded.
 */
import type { OperationLogRow, PartyMinutesDB } from '../db/database';
import { getInstallationId } from '../db/meta';

export type NewOperation = Omit<OperationLogRow, 'id' | 'at' | 'installationId'> & { at?: string };

/** Adds a log row in its own transaction (or in the caller's when it includes operationLog). */
export async function logOperation(db: PartyMinutesDB, op: NewOperation): Promise<OperationLogRow> {
  const row = await operationRow(db, op);
  await db.operationLog.put(row);
  return row;
}

/** Builds the row (call before opening a transaction: the installation id may need its own). */
export async function operationRow(db: PartyMinutesDB, op: NewOperation): Promise<OperationLogRow> {
  const installationId = await getInstallationId(db);
  const row: OperationLogRow = {
    id: crypto.randomUUID(),
    at: op.at ?? new Date().toISOString(),
    kind: op.kind,
    installationId,
    fileName: op.fileName,
    fileSha256: op.fileSha256,
    counts: { ...op.counts },
    result: op.result,
  };
  if (op.operator?.trim()) row.operator = op.operator.trim().slice(0, 50);
  if (op.medium?.trim()) row.medium = op.medium.trim().slice(0, 100);
  if (op.detail) row.detail = op.detail.slice(0, 2000);
  return row;
}

/** Newest first. */
export async function listOperations(db: PartyMinutesDB, limit = 200): Promise<OperationLogRow[]> {
  return db.operationLog.orderBy('at').reverse().limit(limit).toArray();
}
