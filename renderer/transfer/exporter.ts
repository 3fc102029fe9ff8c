/**
 * Export (issue #4 §2): collect the records of the scope → stream them into the archive →
 * encrypt chunk by chunk → one .pmx file, then save it through the host and log it.
 * Nothing here holds a Dexie transaction across WebCrypto calls.
 */
import { version as appVersion } from '../../package.json';
import type { PmxCipherName, PmxLabel, Manifest } from '../../shared/transfer';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { HostApi } from '../../shared/host';
import { FILE_KIND_INFO } from '../../shared/filename';
import { CURRENT_SCHEMA_VERSION, type PartyMinutesDB } from '../db/database';
import { getInstallationId } from '../db/meta';
import { getSettings } from '../db/settings';
import { streamArchive, type StreamArchiveInput } from './archiveStream';
import { collectRecords, type ExportScope } from './collect';
import { logOperation } from './operationLog';
import { sealPmxStream } from './sealStream';
import { throttleProgress, yieldToUi, type ProgressListener } from './progress';
import { RECORD_TABLES, type RecordTable } from './tables';

/** Larger chunks than the format's default: fewer WebCrypto calls, still ≤ 1 MiB so a reader's
 *  trailing-data search covers them (docs/pmx-format.md §3). */
export const EXPORT_CHUNK_SIZE = 1024 * 1024;

/** Attachments to pack, fetched one at a time (records have none yet; the bench uses this). */
export interface AttachmentSource {
  count: number;
  totalBytes: number;
  items(): AsyncIterable<Uint8Array>;
}

export interface EncryptArchiveOptions {
  password: string;
  cipher?: PmxCipherName;
  label?: PmxLabel;
  iterations?: number;
  chunkSize?: number;
  createdAt?: string;
}

/** Runs the archive through the (pipelined) .pmx encoder, handing each encrypted part to `onPart`. */
async function sealArchive(input: StreamArchiveInput, options: EncryptArchiveOptions, onPart: (part: Uint8Array) => void): Promise<Manifest> {
  const archive = streamArchive(input);
  for await (const part of sealPmxStream(archive.chunks, {
    password: options.password,
    cipher: options.cipher,
    label: options.label,
    iterations: options.iterations,
    chunkSize: options.chunkSize ?? EXPORT_CHUNK_SIZE,
    createdAt: options.createdAt,
  })) {
    onPart(part);
  }
  return archive.manifest();
}

/** Streams an archive through the (pipelined) .pmx encoder; returns the whole file (one buffer). */
export async function encryptArchive(
  input: StreamArchiveInput,
  options: EncryptArchiveOptions,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; manifest: Manifest }> {
  const parts: Uint8Array[] = [];
  let total = 0;
  const manifest = await sealArchive(input, options, (part) => {
    parts.push(part);
    total += part.length;
  });
  const bytes = new Uint8Array(total);
  let o = 0;
  for (let i = 0; i < parts.length; i++) {
    bytes.set(parts[i], o);
    o += parts[i].length;
    parts[i] = EMPTY; // let each part go as soon as it is copied
  }
  return { bytes, manifest };
}
const EMPTY = new Uint8Array(0);

/** A finished .pmx file held as a Blob: its data lives in the browser's blob store, not the JS heap. */
export interface EncryptedBlob {
  file: Blob;
  size: number;
  /** SHA-256 of the whole file (hex), computed part by part. */
  sha256: string;
  manifest: Manifest;
}

/**
 * Streams an archive through the .pmx encoder into a Blob: each encrypted part is hashed, turned
 * into a Blob part and dropped, so the whole file is never held in the JS heap.
 */
export async function encryptArchiveToBlob(input: StreamArchiveInput, options: EncryptArchiveOptions): Promise<EncryptedBlob> {
  const parts: Blob[] = [];
  const hash = sha256.create();
  let size = 0;
  const manifest = await sealArchive(input, options, (part) => {
    hash.update(part);
    parts.push(new Blob([part as Uint8Array<ArrayBuffer>]));
    size += part.length;
  });
  const file = new Blob(parts, { type: FILE_KIND_INFO.pmx.mime });
  return { file, size, sha256: bytesToHex(hash.digest()), manifest };
}

export interface ExportOptions extends EncryptArchiveOptions {
  scope: ExportScope;
  attachments?: AttachmentSource;
  onProgress?: ProgressListener;
  now?: Date;
}

/** An export held as a Blob (what exportAndSave saves): the file never sits whole in the JS heap. */
export interface ExportedFile {
  file: Blob;
  /** File size in bytes. */
  size: number;
  sha256: string;
  manifest: Manifest;
  counts: Record<RecordTable, number> & { attachments: number };
  suggestedName: string;
}

/** An export read back into one buffer (tests, tools; the app saves the Blob instead). */
export interface ExportResult extends Omit<ExportedFile, 'file' | 'size'> {
  bytes: Uint8Array<ArrayBuffer>;
}

/** `source.orgName` and the file name: the unit name, else the top organisation of the scope. */
async function sourceName(db: PartyMinutesDB): Promise<string> {
  const s = await getSettings(db);
  if (s.unitName.trim()) return s.unitName.trim();
  const top = (await db.organisations.toArray()).filter((o) => !o.parentId && !o.deletedAt);
  return top[0]?.name ?? '';
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

/** Export into a Blob, part by part: the peak JS heap stays bounded by a few chunks and one attachment. */
export async function exportRecordsToBlob(db: PartyMinutesDB, options: ExportOptions): Promise<ExportedFile> {
  const progress = throttleProgress(options.onProgress);
  progress({ stage: 'collect', fraction: 0 });
  const now = options.now ?? new Date();
  const installationId = await getInstallationId(db);
  const orgName = await sourceName(db);
  const collected = await collectRecords(db, options.scope);
  const totalRows = RECORD_TABLES.reduce((n, t) => n + collected.counts[t], 0);
  const attBytes = options.attachments?.totalBytes ?? 0;
  // Weigh rows by an average JSON size so records and attachments share one bar.
  const rowWeight = 3000;
  const total = Math.max(1, totalRows * rowWeight + attBytes);
  let done = 0;
  const tick = () => progress({ stage: 'encrypt', fraction: 0.02 + (0.96 * done) / total });
  progress({ stage: 'encrypt', fraction: 0.02 });
  await yieldToUi();

  let attachmentCount = 0;
  const { file, size, sha256, manifest } = await encryptArchiveToBlob(
    {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      exportedAt: now.toISOString(),
      source: { installationId, appVersion, orgName: orgName.slice(0, 200) },
      scope: collected.scope,
      tables: collected.tables,
      attachments: options.attachments?.items(),
      onRows: (n) => {
        done += n * rowWeight;
        tick();
      },
      onAttachment: (n) => {
        attachmentCount++;
        done += n;
        tick();
      },
    },
    { ...options, createdAt: now.toISOString() },
  );
  progress({ stage: 'done', fraction: 1 });
  const label = collected.scope.kind === 'orgs' && Array.isArray(collected.scope.names) ? String(collected.scope.names[0] ?? '') : orgName;
  return {
    file,
    size,
    sha256,
    manifest,
    counts: {
      ...(Object.fromEntries(RECORD_TABLES.map((t) => [t, manifest.counts[t] ?? 0])) as Record<RecordTable, number>),
      attachments: attachmentCount,
    },
    suggestedName: `党建记录-${label || '导出'}-${stamp(now)}.pmx`,
  };
}

/** Export into one buffer (the whole file in the JS heap; the app itself saves the Blob). */
export async function exportRecords(db: PartyMinutesDB, options: ExportOptions): Promise<ExportResult> {
  const { file, size: _size, ...rest } = await exportRecordsToBlob(db, options);
  return { ...rest, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export interface SaveExportOptions extends ExportOptions {
  operator?: string;
  medium?: string;
}

/** Export, save through the host (dialog or download), and record it in the operation log. */
export async function exportAndSave(
  db: PartyMinutesDB,
  host: HostApi,
  options: SaveExportOptions,
): Promise<{ result: ExportedFile; saved: boolean; fileName: string }> {
  let result: ExportedFile;
  try {
    result = await exportRecordsToBlob(db, options);
  } catch (e) {
    await logOperation(db, {
      kind: 'export', fileName: '', fileSha256: '', counts: {}, result: 'failed',
      operator: options.operator, medium: options.medium, detail: e instanceof Error ? e.message : String(e),
    }).catch(() => undefined);
    throw e;
  }
  const saved = await host.saveFile({ suggestedName: result.suggestedName, kind: 'pmx', bytes: result.file });
  const fileName = saved.fileName ?? result.suggestedName;
  await logOperation(db, {
    kind: 'export',
    fileName: saved.saved ? fileName : '',
    fileSha256: result.sha256,
    counts: { ...result.counts },
    result: saved.saved ? 'ok' : 'cancelled',
    operator: options.operator,
    medium: options.medium,
    detail: `范围：${JSON.stringify(result.manifest.scope).slice(0, 500)}`,
  });
  return { result, saved: saved.saved, fileName };
}
