import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RecordMeta } from '../../../shared/model/meta';
import {
  applyMergePlan,
  bumpVersion,
  compareVersionVectors,
  contentKey,
  createRecordMeta,
  mergeVersionVectors,
  planMerge,
  type Resolution,
} from '../../../shared/transfer/merge';

type Rec = RecordMeta & { text: string; tags?: string[] };

const T = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString();

function rec(id: string, inst: string, text: string, at = 0): Rec {
  return { ...createRecordMeta(id, inst, T(at)), text };
}

describe('version vectors and bumpVersion', () => {
  it('compares and merges', () => {
    expect(compareVersionVectors({ a: 1 }, { a: 1 })).toBe('equal');
    expect(compareVersionVectors({ a: 2 }, { a: 1 })).toBe('greater');
    expect(compareVersionVectors({ a: 1 }, { a: 1, b: 1 })).toBe('less');
    expect(compareVersionVectors({ a: 2 }, { a: 1, b: 1 })).toBe('concurrent');
    expect(compareVersionVectors({}, {})).toBe('equal');
    expect(compareVersionVectors({ a: 0 }, {})).toBe('equal');
    expect(mergeVersionVectors({ b: 1, a: 3 }, { a: 2, c: 4 })).toEqual({ a: 3, b: 1, c: 4 });
  });

  it('bumpVersion: rev+1, vv[inst]+1, updatedAt, changedBy; input untouched', () => {
    const r = rec('rec-00001', 'A', 'x');
    const b = bumpVersion(r, 'B', T(5));
    expect(b).toEqual({ ...r, rev: 2, vv: { A: 1, B: 1 }, updatedAt: T(5), changedBy: 'B' });
    expect(r.vv).toEqual({ A: 1 });
  });
});

describe('planMerge / applyMergePlan', () => {
  const base = rec('rec-00001', 'A', 'original');

  it('classifies new / changed / deleted / unchanged / conflict / converged', () => {
    const edited = { ...bumpVersion(base, 'B', T(1)), text: 'edited by B' };
    const deleted = { ...bumpVersion(base, 'B', T(1)), deletedAt: T(1) };
    const localEdit = { ...bumpVersion(base, 'A', T(2)), text: 'edited by A' };
    const localSame = { ...bumpVersion(base, 'A', T(2)), text: 'edited by B' };
    const fresh = rec('rec-00002', 'B', 'new');
    expect(planMerge([], [fresh]).counts.added).toBe(1);
    expect(planMerge([base], [edited]).changed).toHaveLength(1);
    expect(planMerge([base], [deleted]).deleted).toHaveLength(1);
    expect(planMerge([base], [base]).unchanged).toHaveLength(1);
    expect(planMerge([edited], [base]).unchanged).toHaveLength(1);
    expect(planMerge([localEdit], [edited]).conflicts).toHaveLength(1);
    expect(planMerge([localEdit], [deleted]).conflicts).toHaveLength(1); // edit vs delete: the user decides
    expect(planMerge([localSame], [edited]).converged).toHaveLength(1);
    const bothDeleted = planMerge([{ ...localEdit, deletedAt: T(2) }], [deleted]);
    expect(bothDeleted.converged[0].merged.vv).toEqual({ A: 2, B: 1 });
    expect(() => planMerge([], [fresh, fresh])).toThrow(/重复/);
  });

  it('automatic convergence does not depend on which side is local', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(100), fc.nat(100), fc.boolean(), (ta, tb, da, db, sameText) => {
        const a = { ...bumpVersion(base, 'A', T(da)), text: ta, deletedAt: T(da) };
        const b = { ...bumpVersion(base, 'B', T(db)), text: sameText ? ta : tb, deletedAt: T(db) };
        const ab = planMerge([a], [b]).converged[0].merged;
        const ba = planMerge([b], [a]).converged[0].merged;
        expect({ ...ab, rev: 0 }).toEqual({ ...ba, rev: 0 });
      }),
    );
  });

  it('resolving a conflict: chosen content, vv = max + 1 for this installation, dominating both', () => {
    const mine = { ...bumpVersion(base, 'A', T(2)), text: 'mine' };
    const theirs = { ...bumpVersion(base, 'B', T(1)), text: 'theirs' };
    const plan = planMerge([mine], [theirs]);
    for (const choice of ['mine', 'theirs'] as Resolution[]) {
      const [out] = applyMergePlan(plan, new Map([[base.id, choice]]), 'A', T(9));
      expect(out.text).toBe(choice);
      expect(out.vv).toEqual({ A: 3, B: 1 });
      expect(out.updatedAt).toBe(T(9));
      expect(out.changedBy).toBe('A');
      expect(out.rev).toBeGreaterThan(Math.max(mine.rev, theirs.rev));
      expect(compareVersionVectors(out.vv, mine.vv)).toBe('greater');
      expect(compareVersionVectors(out.vv, theirs.vv)).toBe('greater');
    }
    expect(applyMergePlan(plan, new Map(), 'A', T(9))).toEqual([]); // unresolved: nothing written
  });
});

// ---------------------------------------------------------------------------------------------
// Simulation: machines edit, delete, create and exchange files in random orders.

type Db = Map<string, Rec>;
interface File {
  from: number;
  records: Rec[];
}
type Op =
  | { t: 'create'; m: number; text: string }
  | { t: 'edit'; m: number; pick: number; text: string }
  | { t: 'delete'; m: number; pick: number }
  | { t: 'restore'; m: number; pick: number }
  | { t: 'export'; m: number }
  | { t: 'import'; m: number; pick: number; choice: Resolution };

const inst = (m: number) => `machine-${m}`;

function opArb(machines: number): fc.Arbitrary<Op> {
  const m = fc.integer({ min: 0, max: machines - 1 });
  const text = fc.constantFrom('甲', '乙', '丙', '丁');
  return fc.oneof(
    { weight: 2, arbitrary: fc.record({ t: fc.constant('create' as const), m, text }) },
    { weight: 4, arbitrary: fc.record({ t: fc.constant('edit' as const), m, pick: fc.nat(), text }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), m, pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('restore' as const), m, pick: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('export' as const), m }) },
    { weight: 4, arbitrary: fc.record({ t: fc.constant('import' as const), m, pick: fc.nat(), choice: fc.constantFrom<Resolution>('mine', 'theirs') }) },
  );
}

class World {
  dbs: Db[];
  files: File[] = [];
  clock = 0;
  nextId = 0;
  conflicts = 0;

  constructor(machines: number) {
    this.dbs = Array.from({ length: machines }, () => new Map());
  }

  now(): string {
    return T(++this.clock);
  }

  live(m: number, deleted: boolean): Rec[] {
    return [...this.dbs[m].values()].filter((r) => (r.deletedAt !== null) === deleted).sort((a, b) => a.id.localeCompare(b.id));
  }

  exportFrom(m: number): File {
    return { from: m, records: [...this.dbs[m].values()].map((r) => structuredClone(r)) };
  }

  /** Import with invariant checks; returns how many conflicts the plan had. */
  importInto(m: number, file: File, choice: (r: Rec) => Resolution): number {
    const db = this.dbs[m];
    const before = new Set(db.keys());
    const plan = planMerge([...db.values()], file.records);
    const c = plan.counts;
    // The buckets partition the incoming records.
    expect(c.added + c.changed + c.deleted + c.unchanged + c.conflicts + c.converged).toBe(file.records.length);
    const resolutions = new Map(plan.conflicts.map(({ local }) => [local.id, choice(local)] as const));
    const writes = applyMergePlan(plan, resolutions, inst(m), this.now());
    expect(new Set(writes.map((w) => w.id)).size).toBe(writes.length); // nothing duplicated
    for (const w of writes) {
      const old = db.get(w.id);
      if (old) expect(w.rev).toBeGreaterThan(old.rev); // local rev only grows
      db.set(w.id, w);
    }
    // Nothing lost: every id known before or in the file is still there, nothing else appeared.
    const expected = new Set([...before, ...file.records.map((r) => r.id)]);
    expect(new Set(db.keys())).toEqual(expected);
    // Idempotent: importing the same file again changes nothing.
    const again = planMerge([...db.values()], file.records);
    expect(again.counts).toEqual({ added: 0, changed: 0, deleted: 0, unchanged: file.records.length, conflicts: 0, converged: 0 });
    this.checkEqualVectorsMeanEqualContent();
    this.conflicts += c.conflicts;
    return c.conflicts;
  }

  /** Two machines holding the same vector for a record must hold the same record content. */
  checkEqualVectorsMeanEqualContent(): void {
    const seen = new Map<string, string>();
    for (const db of this.dbs) {
      for (const r of db.values()) {
        const key = `${r.id} ${JSON.stringify(mergeVersionVectors(r.vv, {}))}`;
        const content = contentKey(r);
        if (seen.has(key)) expect(content, key).toBe(seen.get(key));
        seen.set(key, content);
      }
    }
  }

  run(op: Op): void {
    const db = this.dbs[op.m];
    switch (op.t) {
      case 'create': {
        const id = `rec-${String(this.nextId++).padStart(5, '0')}`;
        db.set(id, rec(id, inst(op.m), op.text, ++this.clock));
        break;
      }
      case 'edit':
      case 'delete':
      case 'restore': {
        const pool = this.live(op.m, op.t === 'restore');
        if (pool.length === 0) return;
        const r = pool[op.pick % pool.length];
        const now = this.now();
        const bumped = bumpVersion(r, inst(op.m), now);
        if (op.t === 'edit') db.set(r.id, { ...bumped, text: r.text + op.text });
        else db.set(r.id, { ...bumped, deletedAt: op.t === 'delete' ? now : null });
        break;
      }
      case 'export':
        this.files.push(this.exportFrom(op.m));
        break;
      case 'import': {
        if (this.files.length === 0) return;
        this.importInto(op.m, this.files[op.pick % this.files.length], () => op.choice);
        break;
      }
    }
  }

  /** Chain through every machine, then broadcast the last state: everyone ends equal. */
  fullSync(choice: Resolution): void {
    const n = this.dbs.length;
    for (let m = 1; m < n; m++) this.importInto(m, this.exportFrom(m - 1), () => choice);
    const last = this.exportFrom(n - 1);
    for (let m = 0; m < n - 1; m++) {
      expect(this.importInto(m, last, () => choice)).toBe(0); // the last state dominates: no conflict
    }
  }
}

/** Comparable view of a database: rev is a local counter and is left out. */
function view(db: Db): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const id of [...db.keys()].sort()) {
    const { rev: _rev, ...rest } = db.get(id)!;
    out[id] = { ...rest, vv: mergeVersionVectors(rest.vv, {}) };
  }
  return out;
}

describe.each([2, 3])('merge simulation on %i machines', (machines) => {
  it('no loss, no duplicates, idempotent imports; a full exchange makes every machine equal', () => {
    fc.assert(
      fc.property(fc.array(opArb(machines), { maxLength: 60 }), fc.constantFrom<Resolution>('mine', 'theirs'), (ops, choice) => {
        const w = new World(machines);
        for (const op of ops) w.run(op);
        w.fullSync(choice);
        const first = view(w.dbs[0]);
        for (const db of w.dbs.slice(1)) expect(view(db)).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it('importing independent files in any order gives the same result when nothing conflicts', () => {
    let meaningful = 0;
    fc.assert(
      fc.property(
        fc.array(opArb(machines), { maxLength: 50 }),
        fc.integer({ min: 0, max: machines - 1 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 6, maxLength: 6 }),
        (ops, target, shuffle) => {
          const w = new World(machines);
          for (const op of ops) w.run(op);
          const files = [...w.files.slice(-4), ...w.dbs.map((_, m) => w.exportFrom(m))].filter((f) => f.from !== target);
          const orderA = files;
          const orderB = [...files].sort((x, y) => shuffle[files.indexOf(x) % 6] - shuffle[files.indexOf(y) % 6]).reverse();
          const results = [orderA, orderB].map((order) => {
            const copy = new World(machines);
            copy.dbs = w.dbs.map((db) => new Map(db));
            copy.clock = w.clock;
            let conflicts = 0;
            for (const f of order) conflicts += copy.importInto(target, f, () => 'theirs');
            return { conflicts, state: view(copy.dbs[target]) };
          });
          if (results[0].conflicts > 0 || results[1].conflicts > 0) return; // property is about the conflict-free case
          meaningful++;
          expect(results[1].state).toEqual(results[0].state);
        },
      ),
      { numRuns: 200 },
    );
    expect(meaningful).toBeGreaterThan(50);
  });

  it('a record deleted on one side and untouched on the others ends deleted everywhere', () => {
    fc.assert(
      fc.property(
        fc.array(opArb(machines), { maxLength: 40 }),
        fc.integer({ min: 0, max: machines - 1 }),
        fc.nat(),
        fc.array(opArb(machines), { maxLength: 40 }),
        (history, deleter, pick, later) => {
          const w = new World(machines);
          for (const op of history) w.run(op);
          w.run({ t: 'create', m: 0, text: '保底' });
          w.fullSync('theirs');
          const pool = w.live(deleter, false);
          if (pool.length === 0) return;
          const victim = pool[pick % pool.length];
          const now = w.now();
          w.dbs[deleter].set(victim.id, { ...bumpVersion(victim, inst(deleter), now), deletedAt: now });
          // Later activity everywhere, exchanging files in random orders, never touching the victim.
          for (const op of later) {
            if ((op.t === 'edit' || op.t === 'delete' || op.t === 'restore') && op.m !== deleter) {
              const p = w.live(op.m, op.t === 'restore').filter((r) => r.id !== victim.id);
              if (p.length === 0) continue;
              const r = p[op.pick % p.length];
              const b = bumpVersion(r, inst(op.m), w.now());
              w.dbs[op.m].set(r.id, op.t === 'edit' ? { ...b, text: r.text + op.text } : { ...b, deletedAt: op.t === 'delete' ? b.updatedAt : null });
            } else if (op.t === 'edit' || op.t === 'delete' || op.t === 'restore') {
              continue; // the deleter keeps its hands off too
            } else {
              w.run(op);
            }
          }
          w.fullSync('theirs');
          for (const db of w.dbs) expect(db.get(victim.id)?.deletedAt).not.toBeNull();
        },
      ),
      { numRuns: 150 },
    );
  });
});
