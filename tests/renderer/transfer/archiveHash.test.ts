import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collectBytes, streamArchive } from '../../../renderer/transfer';
import { HOLD_FOR_NATIVE_HASH, TableHasher } from '../../../renderer/transfer/archiveStream';
import { readArchive, sha256Hex } from '../../../shared/transfer';

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + 17) & 255);

describe('table hashing in the streamed archive', () => {
  it('gives the WebCrypto SHA-256 whether the bytes are held or hashed incrementally', async () => {
    const data = bytes(10_000);
    const expected = await sha256Hex(data);
    for (const hold of [0, 1, 63, 64, 4_999, 9_999, 10_000, 1 << 20]) {
      for (const piece of [1, 64, 100, 4_096, 10_000]) {
        const h = new TableHasher(hold);
        for (let o = 0; o < data.length; o += piece) h.push(data.subarray(o, o + piece));
        expect(await h.digest(), `hold ${hold} piece ${piece}`).toBe(expected);
      }
    }
    expect(await new TableHasher(0).digest()).toBe(await sha256Hex(new Uint8Array(0)));
    expect(await new TableHasher().digest()).toBe(await sha256Hex(new Uint8Array(0)));
  });

  it('a table larger than the native-hash hold reads back with its hash checked', async () => {
    const text = '党支部会议记录'.repeat(500); // ≈ 10.5 KB of UTF-8 per row
    const rows = Array.from({ length: Math.ceil((HOLD_FOR_NATIVE_HASH * 1.2) / 10_000) }, (_, i) => ({ id: `id-${String(i).padStart(5, '0')}`, text }));
    const archive = streamArchive({
      schemaVersion: 2, exportedAt: '2025-03-08T06:00:00.000Z', source: { installationId: 'x', appVersion: '0', orgName: '' },
      scope: { kind: 'all' }, tables: { things: rows, small: rows.slice(0, 3) },
    });
    const zip = await collectBytes(archive.chunks);
    const json = new TextEncoder().encode(JSON.stringify(rows));
    expect(json.length).toBeGreaterThan(HOLD_FOR_NATIVE_HASH);
    expect(archive.manifest().files['data/things.json']).toBe(await sha256Hex(json));
    expect(archive.manifest().files['data/small.json']).toBe(await sha256Hex(new TextEncoder().encode(JSON.stringify(rows.slice(0, 3)))));
    const out = await readArchive(zip, { currentSchemaVersion: 2, schemas: { things: z.object({ id: z.string(), text: z.string() }), small: z.object({ id: z.string(), text: z.string() }) } });
    expect(out.tables.things).toHaveLength(rows.length);
    expect(out.tables.small).toEqual(rows.slice(0, 3));
  });
});
