/**
 * Bad input (issue #4): every case is refused with its own Chinese message (PmxError code), and
 * the database is exactly as before. Runs on fake-indexeddb and in real Chromium.
 */
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../../renderer/db/meetings';
import { exportRecords, prepareImport, logImportFailure, listOperations } from '../../../renderer/transfer';
import { buildArchive, encodePmx, isPmxError, PMX_ERROR_MESSAGES, readPmxHeader, sha256Hex, type PmxErrorCode } from '../../../shared/transfer';
import { concatBytes } from '../../../shared/transfer/bytes';
import { craft, headerJson } from '../../fixtures/transfer/hostile';
import { dataState, PASSWORD, TEST_ITERATIONS } from '../transfer/helpers';
import { freshDb, makePeople, makeUnit } from './helpers';
import type { PartyMinutesDB } from '../../../renderer/db/database';

let source: PartyMinutesDB;
let valid: Uint8Array;
let multiChunk: Uint8Array;
let meetingRow: Record<string, unknown>;

const enc = new TextEncoder();
const source0 = { installationId: 'other-machine', appVersion: '0.1.0', orgName: '第一党支部' };

async function pmxOf(zip: Uint8Array): Promise<Uint8Array> {
  return encodePmx(zip, { password: PASSWORD, iterations: TEST_ITERATIONS });
}

/** A ZIP with a hand-made manifest (hashes computed over what is really stored unless overridden). */
async function handZip(files: Record<string, Uint8Array>, edit?: (m: Record<string, unknown>) => void): Promise<Uint8Array> {
  const hashes: Record<string, string> = {};
  const counts: Record<string, number> = {};
  for (const [p, b] of Object.entries(files)) {
    hashes[p] = await sha256Hex(b);
    const t = /^data\/(\w+)\.json$/.exec(p);
    if (t) {
      try {
        counts[t[1]] = (JSON.parse(new TextDecoder().decode(b)) as unknown[]).length;
      } catch {
        counts[t[1]] = 1;
      }
    }
  }
  const manifest: Record<string, unknown> = { format: 'party-minutes-transfer', version: 1, schemaVersion: 2, exportedAt: '2025-03-08T06:00:00.000Z', source: source0, scope: { kind: 'all' }, counts, files: hashes };
  edit?.(manifest);
  return zipSync({ 'manifest.json': enc.encode(JSON.stringify(manifest)), ...files });
}

beforeAll(async () => {
  source = await freshDb();
  const u = await makeUnit(source);
  await makePeople(source, u);
  const m = await createMeeting(source, { orgId: u.b1.id, type: 'committee', date: '2025-02-10' });
  meetingRow = m as unknown as Record<string, unknown>;
  for (let i = 1; i <= 28; i++) await createMeeting(source, { orgId: u.b2.id, type: 'lecture', date: `2025-02-${String(i).padStart(2, '0')}`, summary: `第${i}次党课小结：${'学习贯彻'.repeat(i * 20)}` });
  valid = (await exportRecords(source, { scope: { kind: 'all' }, password: PASSWORD, iterations: TEST_ITERATIONS })).bytes;
  multiChunk = (await exportRecords(source, { scope: { kind: 'all' }, password: PASSWORD, iterations: TEST_ITERATIONS, chunkSize: 4096 })).bytes;
});

async function cases(): Promise<{ name: string; bytes: Uint8Array; code: PmxErrorCode; password?: string }[]> {
  const info = readPmxHeader(valid);
  const flipped = valid.slice();
  flipped[info.preambleLength + 40] ^= 0x01;
  const mInfo = readPmxHeader(multiChunk);
  const sealed = 4096 + 16;
  expect(multiChunk.length).toBeGreaterThan(mInfo.preambleLength + sealed);
  const cutAtBoundary = multiChunk.subarray(0, mInfo.preambleLength + sealed);
  const h = headerJson(valid);
  const meetings = enc.encode(JSON.stringify([meetingRow]));
  return [
    { name: 'not a .pmx (a Word file)', bytes: concatBytes(enc.encode('PK\u0003\u0004'), new Uint8Array(200)), code: 'not-pmx' },
    { name: 'wrong password', bytes: valid, code: 'wrong-password', password: '别的密码-123' },
    { name: 'one byte flipped', bytes: flipped, code: 'tampered' },
    { name: 'truncated at a chunk boundary', bytes: cutAtBoundary, code: 'truncated' },
    { name: 'truncated in the middle of a chunk', bytes: valid.subarray(0, valid.length - 7), code: 'tampered' },
    { name: 'extra bytes at the end', bytes: concatBytes(valid, new Uint8Array([1, 2, 3])), code: 'trailing-data' },
    { name: 'hostile header (10^9 iterations)', bytes: craft(JSON.stringify({ ...h, kdf: { ...(h.kdf as object), iterations: 1_000_000_000 } })), code: 'out-of-range' },
    { name: 'newer format version', bytes: craft(JSON.stringify({ ...h, version: 2 })), code: 'unsupported-version' },
    { name: 'invalid JSON', bytes: await pmxOf(await handZip({ 'data/meetings.json': enc.encode('[{"id": ') })), code: 'invalid-json' },
    {
      name: 'a record failing the schema',
      bytes: await pmxOf(await handZip({ 'data/meetings.json': enc.encode(JSON.stringify([{ ...meetingRow, date: '2025-13-45x' }])) })),
      code: 'invalid-record',
    },
    {
      name: 'manifest hash mismatch',
      bytes: await pmxOf(await handZip({ 'data/meetings.json': meetings }, (m) => void ((m.files as Record<string, string>)['data/meetings.json'] = '0'.repeat(64)))),
      code: 'hash-mismatch',
    },
    {
      name: 'data from a newer app schema',
      bytes: await pmxOf((await buildArchive({ schemaVersion: 4, exportedAt: '2025-03-08T06:00:00.000Z', source: source0, scope: {}, tables: { meetings: [meetingRow] } })).zip),
      code: 'schema-newer',
    },
  ];
}

describe('bad input is refused and changes nothing', () => {
  it('each case has its own clear Chinese message; the database is unchanged', async () => {
    const db = await freshDb();
    const u = await makeUnit(db);
    await makePeople(db, u);
    const before = await dataState(db);
    const seen = new Set<string>();
    for (const c of await cases()) {
      let err: unknown;
      try {
        await prepareImport(db, { name: `${c.name}.pmx`, bytes: c.bytes }, c.password ?? PASSWORD);
      } catch (e) {
        err = e;
      }
      expect(isPmxError(err), c.name).toBe(true);
      const e = err as Error & { code: PmxErrorCode };
      expect(e.code, c.name).toBe(c.code);
      expect(e.message.startsWith(PMX_ERROR_MESSAGES[c.code]), c.name).toBe(true);
      expect(e.message, c.name).toMatch(/[\u4e00-\u9fa5]/);
      seen.add(c.code);
      await logImportFailure(db, { name: `${c.name}.pmx`, bytes: c.bytes }, err);
      expect(await dataState(db), c.name).toEqual(before);
    }
    // eleven distinct messages (the mid-chunk cut is reported as damaged, docs/pmx-format.md §3)
    expect(seen.size).toBe(11);
    const log = await listOperations(db);
    expect(log).toHaveLength(12);
    expect(log.every((l) => l.kind === 'import' && l.result === 'failed' && /^[0-9a-f]{64}$/.test(l.fileSha256))).toBe(true);
  });
});
