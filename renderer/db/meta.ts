/**
 * Record metadata (design §7): ids, times, revision, version vector, installation.
 *
 * `stampMeta` is the ONE place in renderer/db that stamps meta; it uses shared/model/versioning.ts.
 */
import Dexie from 'dexie';
import type { RecordMeta } from '../../shared/model';
import { bumpVersion, createRecordMeta } from '../../shared/model/versioning';
import type { PartyMinutesDB } from './database';

/** Options every write accepts. `now` makes tests and demo data deterministic. */
export interface WriteOptions {
  /** Time of the change; defaults to the current time. */
  now?: Date;
}

export function nowIso(opts?: WriteOptions): string {
  return (opts?.now ?? new Date()).toISOString();
}

/** YYYY-MM-DD of the local calendar day (what the secretary means by "today"). */
export function todayLocal(opts?: WriteOptions): string {
  const d = opts?.now ?? new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function newId(): string {
  return crypto.randomUUID();
}

/**
 * New record (prev undefined): rev 1, vv {me: 1}, createdAt = updatedAt = now.
 * Update: rev + 1, vv[me] + 1, updatedAt = now. Always changedBy = me. deletedAt is carried over.
 * Delegates to shared/model/versioning.ts so local edits and transfer merges agree.
 */
export function stampMeta(prev: RecordMeta | undefined, installationId: string, now: string, id?: string): RecordMeta {
  if (!prev) return createRecordMeta(id ?? newId(), installationId, now);
  const b = bumpVersion(prev, installationId, now);
  return { id: b.id, createdAt: b.createdAt, updatedAt: b.updatedAt, rev: b.rev, vv: b.vv, changedBy: b.changedBy, deletedAt: b.deletedAt };
}

const INSTALLATION_KEY = 'installationId';
const cache = new WeakMap<PartyMinutesDB, Promise<string>>();

/**
 * This installation's id: generated once, kept in the `local` table (never exported in transfer
 * files). Call it before opening a write transaction (it opens its own).
 */
export function getInstallationId(db: PartyMinutesDB): Promise<string> {
  let p = cache.get(db);
  if (!p) {
    // Own transaction even when called inside a caller's transaction that lacks `local`.
    p = Dexie.ignoreTransaction(() =>
      db.transaction('rw', db.local, async () => {
        const row = await db.local.get(INSTALLATION_KEY);
        if (typeof row?.value === 'string' && row.value) return row.value;
        const id = newId();
        await db.local.put({ key: INSTALLATION_KEY, value: id });
        return id;
      }),
    );
    p.catch(() => cache.delete(db));
    cache.set(db, p);
  }
  return p;
}
