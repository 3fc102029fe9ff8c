import { describe, expect, it } from 'vitest';
import { collectBytes, streamArchive } from '../../../renderer/transfer';
import { sealPmxStream } from '../../../renderer/transfer/sealStream';
import { decodePmx, encodePmxStream, readArchive } from '../../../shared/transfer';
import { z } from 'zod';

const fixed = { password: '口令-1', iterations: 10_000, chunkSize: 4096, salt: new Uint8Array(16).fill(1), nonce: new Uint8Array(16).fill(2), createdAt: '2025-03-08T06:00:00.000Z' };
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 255);
function split(data: Uint8Array, sizes: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let o = 0, k = 0; o < data.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length]);
    out.push(data.subarray(o, o + n));
    o += n;
  }
  return out;
}

describe('pipelined .pmx encoder (export)', () => {
  it('writes exactly the bytes of encodePmxStream for any split of the plaintext', async () => {
    for (const n of [0, 1, 4095, 4096, 4097, 3 * 4096, 50_001]) {
      const data = bytes(n);
      for (const cipher of ['AES-256-GCM', 'SM4-GCM'] as const) {
        const expected = await collectBytes(encodePmxStream([data], { ...fixed, cipher }));
        for (const sizes of [[n || 1], [1000, 3, 9000], [4096], [4097, 1]]) {
          const got = await collectBytes(sealPmxStream(split(data, sizes), { ...fixed, cipher }));
          expect(got, `${cipher} ${n} ${sizes.join('/')}`).toEqual(expected);
        }
      }
      expect((await decodePmx(await collectBytes(sealPmxStream([data], fixed)), fixed.password)).plaintext).toEqual(data);
    }
  });

  it('refuses bad options like the reference encoder', async () => {
    await expect(collectBytes(sealPmxStream([bytes(10)], { ...fixed, password: '' }))).rejects.toMatchObject({ code: 'bad-options' });
    await expect(collectBytes(sealPmxStream([bytes(10)], { ...fixed, chunkSize: 100 }))).rejects.toMatchObject({ code: 'bad-options' });
  });

  it('streamed archive (native deflate and fflate) reads back with attachments', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({ id: `id-${String(i).padStart(5, '0')}`, text: '党支部会议'.repeat(i % 50) }));
    const att = [bytes(70_000), bytes(3)];
    for (const deflateLevel of [undefined, 1]) {
      const archive = streamArchive({
        schemaVersion: 2, exportedAt: '2025-03-08T06:00:00.000Z', source: { installationId: 'x', appVersion: '0', orgName: '' },
        scope: { kind: 'all' }, tables: { things: rows, empty: [] }, attachments: att, deflateLevel,
      });
      const zip = await collectBytes(archive.chunks);
      const out = await readArchive(zip, { currentSchemaVersion: 2, schemas: { things: z.object({ id: z.string(), text: z.string() }), empty: z.object({}) } });
      expect(out.tables.things).toEqual(rows);
      expect(out.tables.empty).toEqual([]);
      expect(out.attachments.size).toBe(2);
      expect(out.manifest).toEqual(archive.manifest());
    }
  });
});
