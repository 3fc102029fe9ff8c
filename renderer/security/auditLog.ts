/**
 * 审计日志 (domain §6.5): append-only, hash-chained (shared/security/auditChain.ts), in the v3
 * `auditLog` store.
 *
 * Who writes:
 *  - `auditMiddleware` (DBCore, same transaction as the change), so nothing can change data without
 *    a log line, whoever writes:
 *      record tables → record.create / update / delete (回收站) / restore / purge (彻底删除) /
 *        finalise (定稿) / reopen — table and id only, never contents. A run of autosaves of one
 *        record is coalesced: an update is not logged again while the newest entry is an update of
 *        the same record less than 10 minutes old;
 *      `operationLog` rows (every export, import, backup, restore in renderer/transfer) →
 *        transfer.<kind> with the file name and its SHA-256, operator and medium;
 *      `settings` puts → settings.change (keys only).
 *    Transactions that also write `operationLog` (import, restore) log the summary only, not one
 *    line per merged record.
 *  - `audit(db, event)` for everything else (start, lock/unlock, passwords, Word export…).
 * The middleware refuses put / delete on `auditLog` (no overwrite, no removal), except in the
 * transaction of `pruneAuditLog`, which first requires an exported checkpoint.
 */
import Dexie, { type DBCore, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { linkEntry, verifyChain, type AuditAlg, type AuditAnchor, type AuditEntry, type ChainCheck } from '../../shared/security/auditChain';
import type { AuditLogRow, OperationLogRow, PartyMinutesDB } from '../db/database';
import { securityConfigSchema, SECURITY_KEYS } from './config';

export const RECORD_TABLES_AUDITED = ['organisations', 'members', 'meetings', 'talks', 'appraisals', 'rectifications'] as const;
const WATCHED = new Set<string>([...RECORD_TABLES_AUDITED, 'settings', 'operationLog']);

export const AUDIT_KINDS = {
  'app.start': '启动软件',
  'app.lock': '锁定',
  'app.unlock': '解锁',
  'record.create': '新建记录',
  'record.update': '修改记录',
  'record.delete': '删除到回收站',
  'record.restore': '从回收站恢复',
  'record.purge': '彻底删除',
  'record.finalise': '定稿',
  'record.reopen': '撤销定稿',
  'transfer.export': '导出数据',
  'transfer.import': '导入数据',
  'transfer.backup': '备份',
  'transfer.restore': '从备份恢复',
  'word.export': '导出 Word / 打印',
  'settings.change': '修改设置',
  'password.set': '设置启动密码',
  'password.change': '修改启动密码',
  'password.remove': '取消启动密码',
  'encryption.on': '开启敏感数据加密',
  'encryption.off': '关闭敏感数据加密',
  'audit.export': '导出审计日志',
  'audit.prune': '清理过期审计日志',
} as const;
export type AuditKind = keyof typeof AUDIT_KINDS;

export const TABLE_NAMES: Record<string, string> = {
  organisations: '党组织',
  members: '党员',
  meetings: '会议记录',
  talks: '谈心谈话',
  appraisals: '民主评议',
  rectifications: '整改台账',
};

export interface AuditEvent {
  kind: AuditKind;
  ok?: boolean;
  target?: string;
  detail?: string;
  /** Defaults to now. */
  at?: string;
  /** Who, when known (经办人); defaults to 本机用户. */
  actor?: string;
}

const COALESCE_MS = 10 * 60_000;

/** Transactions whose record writes are not logged one by one (migrations, imports). */
const quiet = new WeakSet<object>();
/** Transactions allowed to delete audit rows (pruneAuditLog only). */
const pruning = new WeakSet<object>();
/** Appends of one transaction run one after another (each needs the previous link). */
const queues = new WeakMap<object, Promise<unknown>>();

/** Marks the current Dexie transaction as not logging record writes (call inside it). */
export function quietCurrentTransaction(): void {
  const t = Dexie.currentTransaction?.idbtrans;
  if (t) quiet.add(t);
}

async function lastEntry(table: DBCoreTable, trans: DBCoreTransaction): Promise<AuditLogRow | undefined> {
  const cursor = await table.openCursor({ trans, values: true, reverse: true, query: { index: table.schema.primaryKey, range: { type: 3, lower: undefined, upper: undefined } } }); // DBCoreRangeType.Any
  return (cursor?.value as AuditLogRow | undefined) ?? undefined;
}

/** Appends events inside the transaction `trans` of `core` (which must include auditLog and local). */
function appendEvents(core: DBCore, trans: DBCoreTransaction, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return Promise.resolve();
  const prev = queues.get(trans) ?? Promise.resolve();
  const next = prev.catch(() => undefined).then(async () => {
    const log = core.table('auditLog');
    const local = core.table('local');
    const [cfgRow, idRow] = (await local.getMany({ trans, keys: [SECURITY_KEYS.config, 'installationId'] })) as ({ value?: unknown } | undefined)[];
    const cfg = securityConfigSchema.safeParse(cfgRow?.value);
    const alg: AuditAlg = cfg.success && cfg.data.gm ? 'sm3' : 'sha256';
    const installationId = typeof idRow?.value === 'string' ? idRow.value : 'unknown';
    let last: { seq: number; hash: string; kind?: string; target?: string; at?: string } | null = (await lastEntry(log, trans)) ?? null;
    if (!last) {
      const anchor = (await local.get({ trans, key: SECURITY_KEYS.auditAnchor })) as { value?: AuditAnchor } | undefined;
      if (anchor?.value) last = anchor.value;
    }
    const rows: AuditLogRow[] = [];
    for (const e of events) {
      const at = e.at ?? new Date().toISOString();
      const target = (e.target ?? '').slice(0, 300);
      if (
        e.kind === 'record.update' && last?.kind === 'record.update' && last.target === target && last.at &&
        Date.parse(at) - Date.parse(last.at) < COALESCE_MS
      ) continue;
      const row = linkEntry(last, {
        at, kind: e.kind, actor: (e.actor ?? '本机用户').slice(0, 50), installationId,
        ok: e.ok ?? true, target, detail: (e.detail ?? '').slice(0, 2000), alg,
      });
      rows.push(row);
      last = row;
    }
    if (rows.length === 0) return;
    const res = await log.mutate({ type: 'add', trans, values: rows });
    if (res.numFailures) throw res.failures[Number(Object.keys(res.failures)[0])];
    const head = rows[rows.length - 1];
    await local.mutate({ type: 'put', trans, values: [{ key: SECURITY_KEYS.auditHead, value: { seq: head.seq, hash: head.hash } }] });
  });
  queues.set(trans, next);
  return next;
}

interface RecordLike {
  id?: unknown;
  deletedAt?: unknown;
  status?: unknown;
}

function recordEvent(table: string, prev: RecordLike | undefined, next: RecordLike): AuditEvent {
  const target = `${table}:${String(next.id)}`;
  const detail = TABLE_NAMES[table] ?? table;
  if (!prev) return { kind: 'record.create', target, detail };
  if (!prev.deletedAt && next.deletedAt) return { kind: 'record.delete', target, detail };
  if (prev.deletedAt && !next.deletedAt) return { kind: 'record.restore', target, detail };
  if (prev.status !== 'final' && next.status === 'final') return { kind: 'record.finalise', target, detail };
  if (prev.status === 'final' && next.status === 'draft') return { kind: 'record.reopen', target, detail };
  return { kind: 'record.update', target, detail };
}

function operationEvent(row: OperationLogRow): AuditEvent {
  const parts = [`文件 SHA-256：${row.fileSha256 || '（无）'}`];
  if (row.operator) parts.push(`经办人：${row.operator}`);
  if (row.medium) parts.push(`介质：${row.medium}`);
  const counts = Object.entries(row.counts).map(([k, n]) => `${TABLE_NAMES[k] ?? k} ${n}`).join('，');
  if (counts) parts.push(`数量：${counts}`);
  if (row.detail) parts.push(row.detail);
  return {
    kind: `transfer.${row.kind}` as AuditKind,
    ok: row.result === 'ok',
    target: row.fileName,
    detail: parts.join('；') + (row.result === 'cancelled' ? '；已取消' : ''),
    at: row.at,
    actor: row.operator,
  };
}

function wrap(core: DBCore, name: string, table: DBCoreTable): DBCoreTable {
  if (name === 'auditLog') {
    return {
      ...table,
      mutate(req) {
        if (req.type !== 'add' && !pruning.has(req.trans)) {
          return Promise.reject(new Error('审计日志只能追加，不能修改或删除'));
        }
        return table.mutate(req);
      },
    };
  }
  if (!WATCHED.has(name)) return table;
  return {
    ...table,
    async mutate(req) {
      const trans = req.trans;
      const silent = quiet.has(trans) || (name !== 'operationLog' && (trans as unknown as IDBTransaction).objectStoreNames?.contains?.('operationLog'));
      if (silent && name !== 'operationLog') return table.mutate(req);
      if (name === 'operationLog' || name === 'settings') {
        const res = await table.mutate(req);
        if (req.type === 'put' || req.type === 'add') {
          const ok = req.values.filter((_, i) => !res.failures?.[i]);
          const events: AuditEvent[] = name === 'operationLog'
            ? ok.map((v) => operationEvent(v as OperationLogRow))
            : ok.length ? [{ kind: 'settings.change', target: ok.map((v) => String((v as { key?: unknown }).key)).join('，') }] : [];
          await appendEvents(core, trans, events);
        }
        return res;
      }
      // Record tables.
      if (req.type === 'put' || req.type === 'add') {
        const ids = req.values.map((v) => (v as RecordLike).id);
        const prev = (await table.getMany({ trans, keys: ids })) as (RecordLike | undefined)[];
        const res = await table.mutate(req);
        const events = req.values
          .map((v, i) => (res.failures?.[i] ? null : recordEvent(name, prev[i], v as RecordLike)))
          .filter((e): e is AuditEvent => e !== null);
        await appendEvents(core, trans, events);
        return res;
      }
      const res = await table.mutate(req);
      if (req.type === 'delete') {
        await appendEvents(core, trans, req.keys.map((k) => ({ kind: 'record.purge', target: `${name}:${String(k)}`, detail: TABLE_NAMES[name] ?? name })));
      } else if (req.type === 'deleteRange') {
        await appendEvents(core, trans, [{ kind: 'record.purge', target: `${name}:*`, detail: `${TABLE_NAMES[name] ?? name}（整表）` }]);
      }
      return res;
    },
  };
}

export const auditMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'auditLog',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some((s) => WATCHED.has(s));
        const all = widen ? [...new Set([...stores, 'auditLog', 'local'])] : stores;
        return down.transaction(all, mode, options);
      },
      table(name) {
        return wrap(down, name, down.table(name));
      },
    };
  },
};

/** Appends one event (own transaction, or the caller's when it includes auditLog and local). */
export async function audit(db: PartyMinutesDB, event: AuditEvent): Promise<void> {
  await db.transaction('rw', [db.auditLog, db.local], async () => {
    const trans = Dexie.currentTransaction.idbtrans as unknown as DBCoreTransaction;
    await appendEvents(db.core, trans, [event]);
  });
}

/** Never throws: a log line must not break the action it describes (the failure goes to the console). */
export function auditQuietly(db: PartyMinutesDB, event: AuditEvent): Promise<void> {
  return audit(db, event).catch((e: unknown) => console.error('审计日志写入失败', e));
}

export interface AuditFilter {
  from?: string;
  to?: string;
  kinds?: readonly string[];
  ok?: boolean;
}

/** Matching entries, newest first. */
export async function listAudit(db: PartyMinutesDB, filter: AuditFilter = {}): Promise<AuditLogRow[]> {
  const rows = await db.auditLog.orderBy('seq').reverse().toArray();
  return rows.filter((r) =>
    (!filter.from || r.at >= filter.from) &&
    (!filter.to || r.at <= filter.to) &&
    (!filter.kinds?.length || filter.kinds.some((k) => r.kind === k || r.kind.startsWith(`${k}.`))) &&
    (filter.ok === undefined || r.ok === filter.ok));
}

export async function auditAnchor(db: PartyMinutesDB): Promise<AuditAnchor | null> {
  const row = await db.local.get(SECURITY_KEYS.auditAnchor);
  return (row?.value as AuditAnchor | undefined) ?? null;
}

/** Checks the whole chain from its anchor; points at the first missing or altered entry. */
export async function checkAuditChain(db: PartyMinutesDB): Promise<ChainCheck> {
  return db.transaction('r', [db.auditLog, db.local], async () => {
    const rows = await db.auditLog.orderBy('seq').toArray();
    const anchor = await auditAnchor(db);
    const head = (await db.local.get(SECURITY_KEYS.auditHead))?.value as { seq: number; hash: string } | undefined;
    return verifyChain(rows as AuditEntry[], anchor, head ?? null);
  });
}

export interface AuditCheckpoint {
  /** Last seq included in an exported file. */
  seq: number;
  at: string;
  fileSha256: string;
}

export async function lastCheckpoint(db: PartyMinutesDB): Promise<AuditCheckpoint | null> {
  return ((await db.local.get(SECURITY_KEYS.auditCheckpoint))?.value as AuditCheckpoint | undefined) ?? null;
}

/** Records an export of the log up to `seq` (the file's hash), which allows pruning up to there. */
export async function recordCheckpoint(db: PartyMinutesDB, cp: AuditCheckpoint, fileName: string): Promise<void> {
  await db.transaction('rw', [db.auditLog, db.local], async () => {
    await db.local.put({ key: SECURITY_KEYS.auditCheckpoint, value: cp });
    const trans = Dexie.currentTransaction.idbtrans as unknown as DBCoreTransaction;
    await appendEvents(db.core, trans, [{ kind: 'audit.export', target: fileName, detail: `导出至第 ${cp.seq} 条；文件 SHA-256：${cp.fileSha256}` }]);
  });
}

/**
 * Removes entries older than `retentionMonths` (never fewer than 6) that are covered by an exported
 * checkpoint; the last removed entry becomes the anchor, and the removal itself is logged.
 * Returns how many were removed.
 */
export async function pruneAuditLog(db: PartyMinutesDB, retentionMonths: number, now = new Date()): Promise<number> {
  const months = Math.max(6, retentionMonths);
  const cutoff = new Date(now);
  cutoff.setMonth(cutoff.getMonth() - months);
  const cp = await lastCheckpoint(db);
  if (!cp) return 0;
  return db.transaction('rw', [db.auditLog, db.local], async () => {
    const trans = Dexie.currentTransaction.idbtrans;
    const old = await db.auditLog.where('seq').belowOrEqual(cp.seq).filter((r) => r.at < cutoff.toISOString()).toArray();
    // Only a leading run can go: the chain must stay contiguous after the anchor.
    const first = (await db.auditLog.orderBy('seq').first())?.seq ?? 0;
    const removable: AuditLogRow[] = [];
    for (const r of old.sort((a, b) => a.seq - b.seq)) {
      if (r.seq !== first + removable.length) break;
      removable.push(r);
    }
    if (removable.length === 0) return 0;
    const lastRemoved = removable[removable.length - 1];
    pruning.add(trans);
    await db.auditLog.bulkDelete(removable.map((r) => r.seq));
    pruning.delete(trans);
    await db.local.put({ key: SECURITY_KEYS.auditAnchor, value: { seq: lastRemoved.seq, hash: lastRemoved.hash } satisfies AuditAnchor });
    await appendEvents(db.core, trans as unknown as DBCoreTransaction, [{
      kind: 'audit.prune',
      detail: `清理第 ${removable[0].seq}–${lastRemoved.seq} 条（已于 ${cp.at.slice(0, 10)} 导出，文件 SHA-256：${cp.fileSha256}）；锚点哈希：${lastRemoved.hash}`,
    }]);
    return removable.length;
  });
}
