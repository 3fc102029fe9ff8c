import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import {
  buildArchive,
  encodePmx,
  PmxError,
  readArchive,
  readTransferFile,
  sha256Hex,
  writeTransferFile,
  type BuildArchiveInput,
} from '../../../shared/transfer';
import { recordMetaSchema } from '../../../shared/model/meta';
import { pyZipManifest } from '../../fixtures/transfer/python';
import { crc32, inflateRaw, listZipEntries } from '../../../shared/transfer/zipFast';

const memberSchema = recordMetaSchema.extend({ name: z.string().min(1).max(50, '姓名不能超过 50 字') });
const meetingSchema = recordMetaSchema.extend({ title: z.string(), attachment: z.string().regex(/^[0-9a-f]{64}$/).optional() });
const SCHEMAS = { members: memberSchema, meetings: meetingSchema };
const OPTS = { currentSchemaVersion: 3, schemas: SCHEMAS };

const meta = (id: string, extra: Partial<z.infer<typeof recordMetaSchema>> = {}) => ({
  id, createdAt: '2025-03-01T00:00:00.000Z', updatedAt: '2025-03-01T00:00:00.000Z', rev: 1, vv: { 'inst-a': 1 }, changedBy: 'inst-a', deletedAt: null, ...extra,
});

const photo = Uint8Array.from({ length: 3000 }, (_, i) => (i * 13) & 255);

async function input(): Promise<BuildArchiveInput> {
  return {
    schemaVersion: 3,
    exportedAt: '2025-03-08T06:00:00.000Z',
    source: { installationId: 'inst-a', appVersion: '0.1.0', orgName: '第一党支部' },
    scope: { kind: 'all' },
    tables: {
      members: [{ ...meta('member-0001'), name: '张三' }, { ...meta('member-0002', { deletedAt: '2025-03-05T00:00:00.000Z' }), name: '李四' }],
      meetings: [{ ...meta('meeting-0001'), title: '支部委员会会议', attachment: await sha256Hex(photo) }],
    },
    attachments: [photo],
  };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PmxError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'NO ERROR';
}

/** Rebuild a ZIP after editing its entries (no manifest update unless the edit does it). */
function rezip(zip: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip);
  edit(files);
  return zipSync(files);
}

function editManifest(zip: Uint8Array, edit: (m: Record<string, unknown>) => void): Uint8Array {
  return rezip(zip, (f) => {
    const m = JSON.parse(new TextDecoder().decode(f['manifest.json']));
    edit(m);
    f['manifest.json'] = strToU8(JSON.stringify(m));
  });
}

describe('archive', () => {
  it('round-trips tables (tombstones included) and attachments; manifest as in design §6', async () => {
    const { zip, manifest } = await buildArchive(await input());
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(['attachments/' + (await sha256Hex(photo)), 'data/meetings.json', 'data/members.json', 'manifest.json']);
    expect(manifest).toMatchObject({ format: 'party-minutes-transfer', version: 1, schemaVersion: 3, counts: { members: 2, meetings: 1 } });
    const out = await readArchive(zip, OPTS);
    expect(out.tables.members.map((m) => m.name)).toEqual(['张三', '李四']);
    expect(out.tables.members[1].deletedAt).toBe('2025-03-05T00:00:00.000Z');
    expect(out.attachments.get(await sha256Hex(photo))).toEqual(photo);
    expect(out.manifest.source.orgName).toBe('第一党支部');
  });

  it('Python verifies the manifest hashes of a TypeScript-built ZIP', async () => {
    const { zip } = await buildArchive(await input());
    const m = pyZipManifest(zip) as { _tables: Record<string, { id: string }[]> };
    expect(m._tables.members.map((r) => r.id)).toEqual(['member-0001', 'member-0002']);
  });

  it('absent tables come back empty', async () => {
    const i = await input();
    delete i.tables.meetings;
    const out = await readArchive((await buildArchive({ ...i, attachments: [] })).zip, OPTS);
    expect(out.tables.meetings).toEqual([]);
  });

  it('a file whose content does not match the manifest hash is refused before anything is parsed', async () => {
    const { zip } = await buildArchive(await input());
    const bad = rezip(zip, (f) => { f['data/members.json'] = strToU8('not even json'); });
    expect(await codeOf(readArchive(bad, OPTS))).toMatch(/^hash-mismatch: .*data\/members\.json/);
    const badAtt = rezip(zip, (f) => { const k = Object.keys(f).find((n) => n.startsWith('attachments/'))!; f[k] = new Uint8Array(10); });
    expect(await codeOf(readArchive(badAtt, OPTS))).toMatch(/^hash-mismatch/);
    const extra = rezip(zip, (f) => { f['data/evil.json'] = strToU8('[]'); });
    expect(await codeOf(readArchive(extra, OPTS))).toMatch(/^hash-mismatch: .*不在清单中/);
    const missing = rezip(zip, (f) => { delete f['data/members.json']; });
    expect(await codeOf(readArchive(missing, OPTS))).toMatch(/^hash-mismatch: .*缺失/);
  });

  it('refuses a newer schemaVersion with a Chinese message; accepts older ones', async () => {
    const { zip } = await buildArchive(await input());
    const newer = editManifest(zip, (m) => { m.schemaVersion = 4; m.somethingNew = { x: 1 }; });
    const msg = await codeOf(readArchive(newer, OPTS));
    expect(msg).toMatch(/^schema-newer: 该文件由较新版本的软件导出.*4.*3/);
    const older = (await buildArchive({ ...(await input()), schemaVersion: 2 })).zip;
    expect((await readArchive(older, OPTS)).manifest.schemaVersion).toBe(2);
    const tooOld = editManifest(zip, (m) => { m.schemaVersion = 0; });
    expect(await codeOf(readArchive(tooOld, OPTS))).toMatch(/^bad-manifest/);
  });

  it('invalid JSON, bad manifest, not a ZIP', async () => {
    const { zip } = await buildArchive(await input());
    const badJson = rezip(zip, (f) => { f['manifest.json'] = strToU8('{"format": '); });
    expect(await codeOf(readArchive(badJson, OPTS))).toMatch(/^invalid-json: .*manifest\.json/);
    const noManifest = rezip(zip, (f) => { delete f['manifest.json']; });
    expect(await codeOf(readArchive(noManifest, OPTS))).toMatch(/^bad-archive/);
    const wrongFormat = editManifest(zip, (m) => { m.format = 'other'; });
    expect(await codeOf(readArchive(wrongFormat, OPTS))).toMatch(/^bad-manifest/);
    const badCount = editManifest(zip, (m) => { (m.counts as Record<string, number>).members = 5; });
    expect(await codeOf(readArchive(badCount, OPTS))).toMatch(/^bad-manifest: .*members/);
    expect(await codeOf(readArchive(strToU8('hello'), OPTS))).toMatch(/^bad-archive/);
  });

  it('invalid table JSON (with a correct hash) names the file', async () => {
    const text = strToU8('[{"id": ');
    const hash = await sha256Hex(text);
    const { zip } = await buildArchive(await input());
    const bad = rezip(editManifest(zip, (m) => { (m.files as Record<string, string>)['data/members.json'] = hash; }), (f) => { f['data/members.json'] = text; });
    expect(await codeOf(readArchive(bad, OPTS))).toMatch(/^invalid-json: .*data\/members\.json/);
  });

  it('record validation names the table and the first bad record', async () => {
    const i = await input();
    i.tables.members = [{ ...meta('member-0001'), name: '张三' }, { ...meta('member-0002'), name: '长'.repeat(60) }, { ...meta('member-0003'), name: '' }];
    const msg = await codeOf(readArchive((await buildArchive(i)).zip, OPTS));
    expect(msg).toMatch(/^invalid-record: .*数据表「members」第 2 条记录（编号 member-0002）不符合格式：name：姓名不能超过 50 字/);
    i.tables.members = [{ ...meta('member-0001'), name: 'a' }, { ...meta('member-0001'), name: 'b' }];
    expect(await codeOf(readArchive((await buildArchive(i)).zip, OPTS))).toMatch(/^invalid-record: .*编号重复/);
    i.tables.unknownTable = [];
    i.tables.members = [];
    expect(await codeOf(readArchive((await buildArchive(i)).zip, OPTS))).toMatch(/^bad-archive: .*unknownTable/);
  });

  it('whole path: valid encryption around invalid JSON / hash mismatch / newer schema is refused', async () => {
    const { zip } = await buildArchive(await input());
    const enc = (z: Uint8Array) => encodePmx(z, { password: 'pw', iterations: 10_000, chunkSize: 4096 });
    expect(await codeOf(readTransferFile(await enc(strToU8('{"not": "a zip"}')), 'pw', OPTS))).toMatch(/^bad-archive/);
    expect(await codeOf(readTransferFile(await enc(rezip(zip, (f) => { f['manifest.json'] = strToU8('{'); })), 'pw', OPTS))).toMatch(/^invalid-json/);
    expect(await codeOf(readTransferFile(await enc(rezip(zip, (f) => { f['data/members.json'] = strToU8('[]'); })), 'pw', OPTS))).toMatch(/^hash-mismatch/);
    expect(await codeOf(readTransferFile(await enc(editManifest(zip, (m) => { m.schemaVersion = 99; })), 'pw', OPTS))).toMatch(/^schema-newer/);
  });

  it('writeTransferFile / readTransferFile round trip, with the file hash for the audit log', async () => {
    const { file, sha256 } = await writeTransferFile(await input(), { password: '传输密码', cipher: 'SM4-GCM', iterations: 10_000 });
    const out = await readTransferFile(file, '传输密码', OPTS);
    expect(out.sha256).toBe(sha256);
    expect(out.info.cipher).toBe('SM4-GCM');
    expect(out.tables.meetings[0].title).toBe('支部委员会会议');
  });

  it('fast ZIP paths: CRC-32, central directory and native inflate agree with fflate', async () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    const data = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 251);
    expect(crc32(data.subarray(5000), crc32(data.subarray(0, 5000)))).toBe(crc32(data));
    const zip = zipSync({ 'a.json': [data, { level: 6 }], b: [photo, { level: 0 }] });
    const entries = listZipEntries(zip)!;
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([['a.json', 8, data.length], ['b', 0, photo.length]]);
    const a = entries[0];
    expect(await inflateRaw(zip.subarray(a.offset, a.offset + a.compressedSize), a.size)).toEqual(data);
    await expect(inflateRaw(zip.subarray(a.offset, a.offset + a.compressedSize), a.size - 1)).rejects.toThrow();
    expect(listZipEntries(strToU8('not a zip at all, not even close'))).toBeNull();
    // A declared size that lies is refused as a bad archive, not returned.
    const { zip: good } = await buildArchive(await input());
    const e = listZipEntries(good)!.find((x) => x.name === 'data/members.json')!;
    const cd = good.length - 22 - (good[good.length - 22 + 12] | (good[good.length - 22 + 13] << 8));
    const lying = good.slice();
    for (let p = cd; p < good.length - 22; ) {
      const nameLen = lying[p + 28] | (lying[p + 29] << 8);
      const name = new TextDecoder().decode(lying.subarray(p + 46, p + 46 + nameLen));
      if (name === 'data/members.json') new DataView(lying.buffer).setUint32(p + 24, e.size + 1, true);
      p += 46 + nameLen + (lying[p + 30] | (lying[p + 31] << 8)) + (lying[p + 32] | (lying[p + 33] << 8));
    }
    expect(await codeOf(readArchive(lying, OPTS))).toMatch(/^bad-archive/);
  });
});
