/**
 * The hash chain of the 审计日志 (domain §6.5): every entry carries the hash of the previous one,
 *   hash = H(prevHash ‖ canonical JSON of the entry without `hash`)
 * with H = SHA-256 or SM3 (国密 profile; each entry names its algorithm, so switching the setting
 * never breaks old links). Synchronous on purpose: entries are appended inside Dexie transactions,
 * where awaiting WebCrypto would commit the transaction early.
 *
 * Old entries may be removed only after an exported checkpoint; the chain then starts from an
 * anchor (seq and hash of the last removed entry), checked like any other link.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex, utf8 } from '../transfer/bytes';
import { sm3 } from '../transfer/sm3';

export type AuditAlg = 'sha256' | 'sm3';

/** prevHash of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  at: string;
  kind: string;
  actor: string;
  installationId: string;
  ok: boolean;
  target: string;
  detail: string;
  alg: AuditAlg;
  prevHash: string;
  hash: string;
}

export interface AuditAnchor {
  /** seq of the last removed entry. */
  seq: number;
  hash: string;
}

/** JSON with object keys sorted at every level and no spaces: the same bytes on every machine. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    if (s === undefined) throw new Error('canonicalJson: value cannot be serialised');
    return s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function hashHex(alg: AuditAlg, data: Uint8Array): string {
  return toHex(alg === 'sm3' ? sm3(data) : sha256(data));
}

/** The hash an entry must carry. */
export function entryHash(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...body } = entry;
  void _ignored;
  return hashHex(entry.alg, utf8(entry.prevHash + canonicalJson(body)));
}

/** Appends to the chain: fills seq, prevHash and hash. */
export function linkEntry(
  prev: { seq: number; hash: string } | null,
  entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>,
): AuditEntry {
  const body = { ...entry, seq: (prev?.seq ?? 0) + 1, prevHash: prev?.hash ?? GENESIS_HASH };
  return { ...body, hash: entryHash(body) };
}

export type ChainProblem = 'missing' | 'altered' | 'relinked' | 'truncated';

export interface ChainCheck {
  ok: boolean;
  /** Entries checked. */
  checked: number;
  /** seq of the FIRST entry that is missing, altered or re-linked; null when the chain is intact. */
  firstBadSeq: number | null;
  problem: ChainProblem | null;
  /** Chinese explanation for the viewer. */
  message: string;
}

/**
 * Checks entries (any order; sorted here) from the anchor (or the genesis) on. `head`, when
 * given, is the last link recorded at append time: a chain that ends before it lost entries.
 */
export function verifyChain(
  entries: readonly AuditEntry[],
  anchor: AuditAnchor | null = null,
  head: { seq: number; hash: string } | null = null,
): ChainCheck {
  const rows = [...entries].sort((a, b) => a.seq - b.seq);
  let expectedSeq = (anchor?.seq ?? 0) + 1;
  let prevHash = anchor?.hash ?? GENESIS_HASH;
  let checked = 0;
  const bad = (seq: number, problem: ChainProblem, message: string): ChainCheck => ({ ok: false, checked, firstBadSeq: seq, problem, message });
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return bad(expectedSeq, 'missing', `第 ${expectedSeq} 条记录缺失（被删除）`);
    }
    if (row.prevHash !== prevHash) {
      return bad(row.seq, 'relinked', `第 ${row.seq} 条记录与前一条衔接不上：前一条被改动或删除`);
    }
    if (entryHash(row) !== row.hash) {
      return bad(row.seq, 'altered', `第 ${row.seq} 条记录的内容被改动过`);
    }
    prevHash = row.hash;
    expectedSeq++;
    checked++;
  }
  if (head && (head.seq >= expectedSeq || (head.seq === expectedSeq - 1 && head.hash !== prevHash))) {
    return bad(expectedSeq, 'truncated', `最后的记录缺失：应有第 ${head.seq} 条，现只到第 ${expectedSeq - 1} 条`);
  }
  return { ok: true, checked, firstBadSeq: null, problem: null, message: checked ? `${checked} 条记录完整，未发现改动` : '暂无记录' };
}
