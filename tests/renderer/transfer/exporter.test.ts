/**
 * The exporter hands the host a Blob built part by part (the file never sits whole in the JS heap)
 * and still logs the SHA-256 of the whole file.
 */
import { describe, expect, it } from 'vitest';
import { encryptArchive, encryptArchiveToBlob, exportAndSave, exportRecordsToBlob, listOperations } from '../../../renderer/transfer';
import { sha256Hex } from '../../../shared/transfer';
import type { HostApi, SaveFileRequest } from '../../../shared/host';
import { freshDb, makePeople, makeUnit } from '../db/helpers';
import { fakeHost, importFile, PASSWORD, TEST_ITERATIONS } from './helpers';

const blobBytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

describe('export to a Blob', () => {
  it('exportAndSave passes a Blob; the logged SHA-256 is the file’s; the file imports', async () => {
    const a = await freshDb();
    const u = await makeUnit(a);
    await makePeople(a, u);
    const host = fakeHost();
    const out = await exportAndSave(a, host, { scope: { kind: 'all' }, password: PASSWORD, iterations: TEST_ITERATIONS, chunkSize: 4096, operator: '张三' });
    expect(out.saved).toBe(true);
    const req: SaveFileRequest = host.saved[0];
    expect(req.kind).toBe('pmx');
    expect(req.bytes).toBeInstanceOf(Blob);
    const file = await blobBytes(req.bytes as Blob);
    expect(file.length).toBe(out.result.size);
    expect(out.result.sha256).toBe(await sha256Hex(file));
    const [log] = await listOperations(a);
    expect(log).toMatchObject({ kind: 'export', result: 'ok', fileSha256: out.result.sha256 });

    const b = await freshDb();
    const { summary } = await importFile(b, file);
    expect(summary.added).toBeGreaterThan(0);
  });

  it('a cancelled save is logged as cancelled, with the hash', async () => {
    const a = await freshDb();
    await makeUnit(a);
    const host: HostApi = { ...fakeHost(), saveFile: async () => ({ saved: false }) };
    const out = await exportAndSave(a, host, { scope: { kind: 'all' }, password: PASSWORD, iterations: TEST_ITERATIONS });
    expect(out.saved).toBe(false);
    const [log] = await listOperations(a);
    expect(log).toMatchObject({ result: 'cancelled', fileName: '', fileSha256: out.result.sha256 });
  });

  it('gives the same file as the one-buffer encoder, hashed incrementally', async () => {
    const input = () => ({
      schemaVersion: 2, exportedAt: '2025-03-08T06:00:00.000Z', source: { installationId: 'x', appVersion: '0', orgName: '' },
      scope: { kind: 'all' }, tables: { things: Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, text: '党支部'.repeat(i) })) },
      attachments: (async function* () {
        yield Uint8Array.from({ length: 50_000 }, (_, i) => (i * 7) & 255);
      })(),
    });
    const options = { password: PASSWORD, iterations: TEST_ITERATIONS, chunkSize: 4096, createdAt: '2025-03-08T06:00:00.000Z' };
    const blob = await encryptArchiveToBlob(input(), options);
    const bytes = await blobBytes(blob.file);
    expect(blob.size).toBe(bytes.length);
    expect(blob.file.type).toBe('application/octet-stream');
    expect(blob.sha256).toBe(await sha256Hex(bytes));
    // Same structure and size as the buffer path (salt and IVs are random, so not the same bytes).
    const whole = await encryptArchive(input(), options);
    expect(whole.bytes.length).toBe(bytes.length);
    expect(whole.manifest.files).toEqual(blob.manifest.files);
  });

  it('exportRecordsToBlob reports counts and a suggested name', async () => {
    const a = await freshDb();
    const u = await makeUnit(a);
    await makePeople(a, u);
    const r = await exportRecordsToBlob(a, { scope: { kind: 'all' }, password: PASSWORD, iterations: TEST_ITERATIONS, now: new Date(2025, 2, 8, 9, 5) });
    expect(r.counts.organisations).toBe(5);
    expect(r.suggestedName).toMatch(/^党建记录-.+-20250308-0905\.pmx$/);
    expect(r.file.size).toBe(r.size);
  });
});
