import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, entryHash, GENESIS_HASH, linkEntry, verifyChain, type AuditAlg, type AuditEntry } from '../../../shared/security/auditChain';
import { sm3 } from '../../../shared/transfer/sm3';
import { toHex, utf8 } from '../../../shared/transfer/bytes';

function chain(n: number, alg: AuditAlg = 'sha256'): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(linkEntry(out[i - 1] ?? null, {
      at: `2025-01-0${1 + (i % 9)}T08:00:00.000Z`, kind: i % 2 ? 'record.update' : 'app.unlock', actor: '本机用户',
      installationId: 'inst-1', ok: true, target: `meetings:m${i}`, detail: `第${i}次`, alg,
    }));
  }
  return out;
}

describe('审计日志哈希链', () => {
  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: '中' }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":"中","z":1}]},"b":1}');
  });

  it('links: hash = H(prevHash ‖ canonical JSON without hash), SM3 under the 国密 profile', () => {
    const [a, b] = chain(2, 'sm3');
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    const { hash, ...body } = b;
    expect(hash).toBe(toHex(sm3(utf8(a.hash + canonicalJson(body)))));
    expect(entryHash(b)).toBe(b.hash);
  });

  it('an intact chain checks out, from the genesis or from an anchor', () => {
    const c = chain(6);
    expect(verifyChain(c)).toMatchObject({ ok: true, checked: 6 });
    expect(verifyChain(c.slice(2), { seq: 2, hash: c[1].hash })).toMatchObject({ ok: true, checked: 4 });
    expect(verifyChain(c.slice(2), null)).toMatchObject({ ok: false, firstBadSeq: 1, problem: 'missing' });
  });

  it('altering any field of any entry is reported at that entry', () => {
    const fields = ['at', 'kind', 'actor', 'target', 'detail', 'ok'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.constantFrom(...fields), (i, field) => {
        const c = chain(8);
        const old = c[i][field];
        c[i] = { ...c[i], [field]: typeof old === 'boolean' ? !old : `${String(old)}x` };
        const r = verifyChain(c);
        return !r.ok && r.firstBadSeq === i + 1 && r.problem === 'altered';
      }),
    );
  });

  it('a removed entry, a re-hashed entry and a cut-off tail are each found', () => {
    const c = chain(5);
    expect(verifyChain([...c.slice(0, 2), ...c.slice(3)])).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'missing' });
    // The forger recomputes entry 2's hash: entry 3 no longer links to it.
    const forged = { ...c[1], detail: '伪造' };
    forged.hash = entryHash(forged);
    expect(verifyChain([c[0], forged, ...c.slice(2)])).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'relinked' });
    const head = { seq: 5, hash: c[4].hash };
    expect(verifyChain(c.slice(0, 3), null, head)).toMatchObject({ ok: false, firstBadSeq: 4, problem: 'truncated' });
    expect(verifyChain(c, null, head).ok).toBe(true);
  });
});
