/**
 * Export of the 审计日志 (domain §6.5 c: backed up regularly):
 *  - .pmx: the ordinary transfer format (shared/transfer) with one table `auditLog` and the chain
 *    anchor in the manifest scope; a saved .pmx is the checkpoint that allows pruning old entries;
 *  - Word: a printable table (shared/security/auditWord.ts).
 */
import { version as appVersion } from '../../package.json';
import { buildAuditLogDocument } from '../../shared/security/auditWord';
import type { AuditEntry } from '../../shared/security/auditChain';
import { sha256Hex, writeTransferFile, type PmxCipherName } from '../../shared/transfer';
import { toDocxBytes } from '../../shared/word';
import { CURRENT_SCHEMA_VERSION, type AuditLogRow, type PartyMinutesDB } from '../db/database';
import { getDocumentProfile } from '../db/documentProfile';
import { getInstallationId } from '../db/meta';
import { getSettings } from '../db/settings';
import { getHost } from '../host';
import { AUDIT_KINDS, auditAnchor, auditQuietly, checkAuditChain, recordCheckpoint, type AuditKind } from './auditLog';

const stamp = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');

export function auditKindLabel(kind: string): string {
  return AUDIT_KINDS[kind as AuditKind] ?? kind;
}

export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The whole log as an encrypted .pmx; when saved, becomes the pruning checkpoint. */
export async function exportAuditPmx(db: PartyMinutesDB, password: string, cipher: PmxCipherName, now = new Date()): Promise<{ saved: boolean; fileName: string; sha256: string; count: number }> {
  const [rows, anchor, installationId, settings] = await Promise.all([
    db.auditLog.orderBy('seq').toArray(),
    auditAnchor(db),
    getInstallationId(db),
    getSettings(db),
  ]);
  const last = rows[rows.length - 1];
  const { file, sha256 } = await writeTransferFile(
    {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      exportedAt: now.toISOString(),
      source: { installationId, appVersion, orgName: (settings.unitName ?? '').slice(0, 200) },
      scope: { kind: 'audit-log', fromSeq: rows[0]?.seq ?? null, toSeq: last?.seq ?? null, anchor },
      tables: { auditLog: rows },
    },
    { password, cipher, label: { classification: '内部', note: '审计日志' } },
  );
  const fileName = `审计日志-${stamp(now)}.pmx`;
  const r = await getHost().saveFile({ suggestedName: fileName, kind: 'pmx', bytes: file });
  const shown = r.fileName ?? fileName;
  if (r.saved && last) await recordCheckpoint(db, { seq: last.seq, at: now.toISOString(), fileSha256: sha256 }, shown);
  return { saved: r.saved, fileName: shown, sha256, count: rows.length };
}

/** The given entries (the viewer's filter) as a printable Word file. */
export async function exportAuditDocx(db: PartyMinutesDB, rows: readonly AuditLogRow[], period: string, now = new Date()): Promise<{ saved: boolean; fileName: string }> {
  const [profile, settings, check] = await Promise.all([getDocumentProfile(db), getSettings(db), checkAuditChain(db)]);
  const doc = buildAuditLogDocument([...rows].sort((a, b) => a.seq - b.seq) as AuditEntry[], {
    profile,
    unitName: settings.unitName || '本单位',
    period,
    checkText: `导出时完整性校验：${check.message}。`,
    kindLabel: auditKindLabel,
    localTime,
  });
  const bytes = new Uint8Array(await toDocxBytes(doc));
  const fileName = `审计日志-${stamp(now)}.docx`;
  const r = await getHost().saveFile({ suggestedName: fileName, kind: 'docx', bytes });
  const shown = r.fileName ?? fileName;
  if (r.saved) await auditQuietly(db, { kind: 'audit.export', target: shown, detail: `Word，${rows.length} 条；文件 SHA-256：${await sha256Hex(bytes)}` });
  return { saved: r.saved, fileName: shown };
}
