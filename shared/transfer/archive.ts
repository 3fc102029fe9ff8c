/**
 * The plaintext inside a .pmx file: a ZIP archive (design §6) with
 *   manifest.json            format, versions, source, scope, counts, sha256 of every other file
 *   data/<table>.json        arrays of records, tombstones included
 *   attachments/<sha256>     binary attachments
 * The reader checks every file against the manifest before it parses or returns anything.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { decodeUtf8Strict, own, toHex, utf8, type Bytes } from './bytes';
import { PmxError } from './errors';
import { inflateRaw, listZipEntries } from './zipFast';

export const ARCHIVE_FORMAT = 'party-minutes-transfer';
export const ARCHIVE_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
const TABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const DATA_PATH = /^data\/([A-Za-z][A-Za-z0-9_]{0,63})\.json$/;
const ATTACHMENT_PATH = /^attachments\/([0-9a-f]{64})$/;
/** Ceilings against archives that expand to absurd sizes (declared sizes, checked before inflating). */
const MAX_ENTRIES = 200_000;
const MAX_TOTAL_SIZE = 2 * 1024 * 1024 * 1024;

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.string().min(10).max(40),
  source: z.object({
    installationId: z.string().min(1).max(64),
    appVersion: z.string().max(40),
    orgName: z.string().max(200),
  }),
  scope: z.record(z.string(), z.unknown()),
  counts: z.record(z.string().regex(TABLE_NAME), z.number().int().nonnegative()),
  files: z.record(z.string(), z.string().regex(SHA256_HEX)),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestSource = Manifest['source'];

export async function sha256Hex(data: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', own(data))));
}

export interface BuildArchiveInput {
  /** Data schema version of the exporting app (the Dexie schema version). */
  schemaVersion: number;
  exportedAt: string;
  source: ManifestSource;
  /** What was exported (e.g. { kind: 'all' } or { from, to, types }); free-form, travels as is. */
  scope: Record<string, unknown>;
  /** table name → records (tombstones included). */
  tables: Record<string, readonly unknown[]>;
  /** Attachment bytes; each is stored under its SHA-256. */
  attachments?: Iterable<Uint8Array>;
}

/** The manifest (design §6), checked before it is written: both archive writers use this. */
export function buildManifest(
  input: Pick<BuildArchiveInput, 'schemaVersion' | 'exportedAt' | 'source' | 'scope'>,
  counts: Manifest['counts'],
  files: Manifest['files'],
): Manifest {
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    schemaVersion: input.schemaVersion,
    exportedAt: input.exportedAt,
    source: input.source,
    scope: input.scope,
    counts,
    files,
  };
  const checked = manifestSchema.safeParse(manifest);
  if (!checked.success) throw new PmxError('bad-options', `清单内容不合法：${formatIssue(checked.error.issues[0])}`);
  return manifest;
}

/** Build the plaintext ZIP. Deterministic for the same input (fixed entry times, sorted order). */
export async function buildArchive(input: BuildArchiveInput): Promise<{ zip: Bytes; manifest: Manifest }> {
  const entries: Zippable = {};
  const files: Record<string, string> = {};
  const counts: Record<string, number> = {};
  const mtime = new Date('2000-01-01T00:00:00Z');
  for (const table of Object.keys(input.tables).sort()) {
    if (!TABLE_NAME.test(table)) throw new PmxError('bad-options', `数据表名称不合法：${table}`);
    const rows = input.tables[table];
    const bytes = utf8(JSON.stringify(rows));
    const path = `data/${table}.json`;
    entries[path] = [bytes, { level: 6, mtime }];
    files[path] = await sha256Hex(bytes);
    counts[table] = rows.length;
  }
  for (const att of input.attachments ?? []) {
    const hash = await sha256Hex(att);
    const path = `attachments/${hash}`;
    entries[path] = [att, { level: 0, mtime }];
    files[path] = hash;
  }
  const manifest = buildManifest(input, counts, files);
  const ordered: Zippable = { [MANIFEST_PATH]: [utf8(JSON.stringify(manifest, null, 1)), { level: 6, mtime }] };
  for (const [k, v] of Object.entries(entries)) ordered[k] = v;
  return { zip: zipSync(ordered) as Bytes, manifest };
}

export interface ReadArchiveOptions<S extends Record<string, z.ZodType>> {
  /** The data schema version this app writes; newer files are refused. */
  currentSchemaVersion: number;
  /** Oldest schema version the caller can still migrate (default 1). */
  minSchemaVersion?: number;
  /** table → record schema. Tables in the file but not here are refused. */
  schemas: S;
}

export interface ArchiveContents<S extends Record<string, z.ZodType>> {
  manifest: Manifest;
  /** Every table of `schemas`; a table absent from the file is an empty array. */
  tables: { [K in keyof S]: z.output<S[K]>[] };
  /** sha256 hex → bytes (already verified). */
  attachments: Map<string, Bytes>;
}

function formatIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return '未知错误';
  const path = issue.path.map(String).join('.');
  return path ? `${path}：${issue.message}` : issue.message;
}

function parseJson(bytes: Uint8Array, path: string): unknown {
  try {
    return JSON.parse(decodeUtf8Strict(bytes));
  } catch {
    throw new PmxError('invalid-json', `${path} 不是有效的 JSON`);
  }
}

/** Read, verify and validate the plaintext ZIP. Throws PmxError; returns nothing partial. */
export async function readArchive<S extends Record<string, z.ZodType>>(
  zip: Uint8Array,
  options: ReadArchiveOptions<S>,
): Promise<ArchiveContents<S>> {
  // 1. Unzip, with limits and no duplicate names (declared sizes, checked before inflating).
  const seen = new Set<string>();
  let total = 0;
  const admit = (name: string, size: number) => {
    if (seen.has(name)) throw new PmxError('bad-archive', `重复的文件 ${name}`);
    seen.add(name);
    total += size;
    if (seen.size > MAX_ENTRIES || total > MAX_TOTAL_SIZE) throw new PmxError('bad-archive', '数据包过大');
  };
  let files: Record<string, Uint8Array>;
  const listed = listZipEntries(zip);
  if (listed) {
    // Plain archive (what this app writes): inflate with the platform's zlib.
    for (const entry of listed) admit(entry.name, entry.size);
    files = {};
    try {
      for (const entry of listed) {
        const raw = zip.subarray(entry.offset, entry.offset + entry.compressedSize);
        files[entry.name] = entry.method === 0 ? raw : await inflateRaw(raw, entry.size);
      }
    } catch (e) {
      throw new PmxError('bad-archive', '不是有效的 ZIP 数据包', { cause: e });
    }
  } else {
    seen.clear();
    total = 0;
    try {
      files = unzipSync(zip, {
        filter: (f) => {
          admit(f.name, f.originalSize);
          return true;
        },
      });
    } catch (e) {
      if (e instanceof PmxError) throw e;
      throw new PmxError('bad-archive', '不是有效的 ZIP 数据包', { cause: e });
    }
  }

  // 2. Manifest: JSON, shape, versions.
  const manifestBytes = files[MANIFEST_PATH];
  if (!manifestBytes) throw new PmxError('bad-archive', '缺少 manifest.json');
  const rawManifest = parseJson(manifestBytes, MANIFEST_PATH);
  if (typeof rawManifest === 'object' && rawManifest !== null && 'schemaVersion' in rawManifest) {
    const sv = (rawManifest as { schemaVersion: unknown }).schemaVersion;
    if (typeof sv === 'number' && Number.isInteger(sv) && sv > options.currentSchemaVersion) {
      throw new PmxError('schema-newer', `文件数据版本 ${sv}，本软件支持到 ${options.currentSchemaVersion}`);
    }
  }
  const parsed = manifestSchema.safeParse(rawManifest);
  if (!parsed.success) throw new PmxError('bad-manifest', formatIssue(parsed.error.issues[0]));
  const manifest = parsed.data;
  const minVersion = options.minSchemaVersion ?? 1;
  if (manifest.schemaVersion < minVersion) {
    throw new PmxError('bad-manifest', `不认识的数据版本 ${manifest.schemaVersion}（本软件支持 ${minVersion}–${options.currentSchemaVersion}）`);
  }

  // 3. Every file listed, every listed file present, every hash right — before parsing any data.
  const names = Object.keys(files).filter((n) => n !== MANIFEST_PATH);
  for (const name of names) {
    if (!(name in manifest.files)) throw new PmxError('hash-mismatch', `${name} 不在清单中`);
  }
  const listedFiles = Object.entries(manifest.files);
  for (const [path] of listedFiles) {
    if (!files[path]) throw new PmxError('hash-mismatch', `清单中的 ${path} 缺失`);
    if (!DATA_PATH.test(path) && !ATTACHMENT_PATH.test(path)) throw new PmxError('bad-archive', `不认识的文件 ${path}`);
  }
  // All digests run in WebCrypto at once; the first mismatch in manifest order is reported.
  const digests = await Promise.all(listedFiles.map(([path]) => sha256Hex(files[path])));
  listedFiles.forEach(([path, expected], i) => {
    if (digests[i] !== expected) throw new PmxError('hash-mismatch', path);
    const att = ATTACHMENT_PATH.exec(path);
    if (att && att[1] !== expected) throw new PmxError('hash-mismatch', `${path} 的名称与内容不符`);
  });

  // 4. Tables: known names, JSON arrays, counts, record schemas, unique ids.
  const tables: Record<string, unknown[]> = {};
  for (const table of Object.keys(options.schemas)) tables[table] = [];
  for (const table of Object.keys(manifest.counts)) {
    if (!(`data/${table}.json` in manifest.files)) throw new PmxError('bad-manifest', `counts 中的 ${table} 没有对应文件`);
  }
  for (const path of Object.keys(manifest.files)) {
    const m = DATA_PATH.exec(path);
    if (!m) continue;
    const table = m[1];
    const schema = Object.prototype.hasOwnProperty.call(options.schemas, table) ? options.schemas[table] : undefined;
    if (!schema) throw new PmxError('bad-archive', `包含本软件不认识的数据表「${table}」`);
    const rows = parseJson(files[path], path);
    if (!Array.isArray(rows)) throw new PmxError('invalid-record', `数据表「${table}」应为记录数组`);
    if (manifest.counts[table] !== rows.length) {
      throw new PmxError('bad-manifest', `数据表「${table}」清单记 ${manifest.counts[table] ?? '无'} 条，实有 ${rows.length} 条`);
    }
    const out: unknown[] = [];
    const ids = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      const r = schema.safeParse(rows[i]);
      const id = (rows[i] as { id?: unknown } | null)?.id;
      const idText = typeof id === 'string' ? `（编号 ${id.slice(0, 64)}）` : '';
      if (!r.success) {
        throw new PmxError('invalid-record', `数据表「${table}」第 ${i + 1} 条记录${idText}不符合格式：${formatIssue(r.error.issues[0])}`);
      }
      if (typeof id === 'string') {
        if (ids.has(id)) throw new PmxError('invalid-record', `数据表「${table}」第 ${i + 1} 条记录${idText}编号重复`);
        ids.add(id);
      }
      out.push(r.data);
    }
    tables[table] = out;
  }

  const attachments = new Map<string, Bytes>();
  for (const path of Object.keys(manifest.files)) {
    const m = ATTACHMENT_PATH.exec(path);
    if (m) attachments.set(m[1], own(files[path]));
  }
  return { manifest, tables: tables as ArchiveContents<S>['tables'], attachments };
}
