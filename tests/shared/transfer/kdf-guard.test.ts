/** Hostile headers are refused before any key derivation runs (counted with a mock, not timing). */
import { describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../shared/transfer/kdf', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../shared/transfer/kdf')>();
  return {
    ...original,
    deriveKeys: (...args: Parameters<typeof original.deriveKeys>) => {
      calls.count++;
      return original.deriveKeys(...args);
    },
  };
});

const { decodePmx, encodePmx } = await import('../../../shared/transfer/pmx');
const { preKdfCases } = await import('../../fixtures/transfer/hostile');

describe('parameter ceilings come before the KDF', () => {
  it('no hostile header reaches deriveKeys; a valid one does exactly once', async () => {
    const valid = await encodePmx(new Uint8Array(100), { password: 'pw', iterations: 10_000, chunkSize: 4096 });
    expect(calls.count).toBe(1); // the encoder's own derivation
    calls.count = 0;
    for (const c of preKdfCases(valid)) {
      await expect(decodePmx(c.bytes, 'pw'), c.name).rejects.toMatchObject({ code: c.code });
    }
    expect(calls.count).toBe(0);
    await decodePmx(valid, 'pw');
    expect(calls.count).toBe(1);
  });
});
