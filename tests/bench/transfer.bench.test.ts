/**
 * Transfer benchmark (npm run bench), real Chromium: 10,000 realistic meetings plus 50 MB of
 * synthetic attachments (records have no attachments yet; the archive path is generic).
 * Reports medians (console + bench-results/transfer.json); asserts only that the data is right.
 * Targets (issue #4): export throughput ≥ 0.5 × raw WebCrypto AES-GCM over the same bytes;
 * import with merge of 10,000 records < 5 s; peak JS heap during export < 3 × largest attachment + 50 MB.
 * Heap (performance.memory, precise; the bench config adds --expose-gc and
 * --enable-precise-memory-info): the baseline is taken after a forced gc(); "sampled" is the
 * highest usedJSHeapSize seen (progress callbacks, each attachment, a 5 ms timer), live data and
 * garbage not yet collected alike; "retained" is usedJSHeapSize right after a forced gc() at
 * points during one extra export (every 5 % of progress and every few attachments): live data only.
 * The export measured is the app's own path (exportRecordsToBlob, what exportAndSave saves): each
 * encrypted chunk becomes a Blob part, so the finished file lives in the blob store, not the JS heap.
 */
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { openDatabase, type PartyMinutesDB } from '../../renderer/db/database';
import { indexPending, setBackgroundIndexing } from '../../renderer/db/searchIndexer';
import { emptyMeetingFields } from '../../renderer/db/meetings';
import { stampMeta } from '../../renderer/db/meta';
import { applyImport, collectBytes, collectRecords, encryptArchive, exportRecords, exportRecordsToBlob, prepareImport, streamArchive, type AttachmentSource } from '../../renderer/transfer';
import { bumpVersion } from '../../shared/transfer';
import type { AttendanceEntry, Meeting, MeetingType } from '../../shared/model';

// One thing measured at a time: search grams are derived only where this bench asks (indexPending).
setBackgroundIndexing(false);

const MEETINGS = 10_000;
const ATTACHMENTS = 25;
const ATTACHMENT_BYTES = 2 * 1024 * 1024; // 25 × 2 MiB = 50 MiB
const RUNS = 3;
const PASSWORD = 'Bench-传输-2025';
const MB = 1024 * 1024;

const NAMES = ['王建国', '李秀英', '张伟', '刘静', '陈磊', '杨丽', '黄晓东', '赵敏', '吴海涛', '周红', '徐峰', '孙晓燕', '马俊', '朱建华', '胡婷'];
const SENTENCES = [
  '要把学习成果转化为做好本职工作的实际行动，在预算编制、资金监管等工作中严格执行财经纪律。',
  '结合本处室工作，今后将在提高办文办事效率、改进服务方式上下功夫。',
  '对照党章党规，自己在理论学习的系统性上还有差距，今后将制定个人学习计划并抓好落实。',
];
const TYPES: MeetingType[] = ['committee', 'theme_day', 'general_assembly', 'lecture'];
const orgIds = Array.from({ length: 20 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

function meeting(k: number, now: string): Meeting {
  const type = TYPES[k % TYPES.length];
  const year = 2016 + (k % 10);
  const date = `${year}-${String((k % 12) + 1).padStart(2, '0')}-${String((k % 28) + 1).padStart(2, '0')}`;
  const attendance: AttendanceEntry[] = NAMES.map((name, i) => ({
    id: crypto.randomUUID(), kind: 'member', memberId: crypto.randomUUID(), name, title: i === 0 ? '书记' : '一级主任科员',
    status: 'full', standing: 'normal', isCommittee: i < 3, presence: i === 13 ? 'leave' : 'present', reason: i === 13 ? '公出' : '',
  }));
  const fields = emptyMeetingFields(orgIds[k % orgIds.length], type, date);
  return {
    ...fields,
    ...stampMeta(undefined, 'bench-installation-A', now, crypto.randomUUID()),
    seq: (Math.floor(k / orgIds.length) % 999) + 1,
    place: '局机关三楼第一会议室',
    chairName: NAMES[0],
    recorderName: NAMES[1],
    attendance,
    agenda: [0, 1].map((j) => ({
      id: crypto.randomUUID(),
      title: j === 0 ? '学习上级党组织近期会议精神' : '研究本月主题党日活动安排',
      speeches: [0, 1, 2].map((s) => ({ id: crypto.randomUUID(), speakerId: null, speakerName: NAMES[(k + s) % 15], content: SENTENCES[(k + s) % 3] + SENTENCES[(k + j) % 3] })),
      decisions: [{ id: crypto.randomUUID(), text: '按照会议讨论意见抓好落实。', owner: NAMES[1], vote: null }],
    })),
    summary: SENTENCES[k % 3],
  } as Meeting;
}

/** 25 × 2 MiB of incompressible bytes, produced one at a time from one random template. */
function attachments(onItem?: (i: number) => void): AttachmentSource {
  const template = new Uint8Array(ATTACHMENT_BYTES);
  for (let o = 0; o < template.length; o += 65536) crypto.getRandomValues(template.subarray(o, o + 65536));
  return {
    count: ATTACHMENTS,
    totalBytes: ATTACHMENTS * ATTACHMENT_BYTES,
    async *items() {
      for (let i = 0; i < ATTACHMENTS; i++) {
        const a = template.slice();
        a[0] = i; // distinct content → distinct hash
        onItem?.(i);
        yield a;
      }
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const r1 = (x: number) => Math.round(x * 10) / 10;
const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));
/** A full, synchronous major GC (V8's --expose-gc; bench config only). */
function gcNow(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the transfer bench needs --js-flags=--expose-gc (tests/bench/vitest.bench.config.ts)');
  gc();
}
/** usedJSHeapSize after everything collectable has been collected. */
async function settledHeap(): Promise<number> {
  gcNow();
  await sleep(50);
  gcNow();
  gcNow();
  return heap();
}

async function rawAesGcm(bytes: number, chunk: number): Promise<number> {
  const key = await crypto.subtle.importKey('raw', crypto.getRandomValues(new Uint8Array(32)), 'AES-GCM', false, ['encrypt']);
  const data = new Uint8Array(chunk);
  for (let o = 0; o < data.length; o += 65536) crypto.getRandomValues(data.subarray(o, o + 65536));
  const iv = new Uint8Array(12);
  const t0 = performance.now();
  for (let done = 0, i = 0; done < bytes; done += chunk, i++) {
    new DataView(iv.buffer).setUint32(8, i);
    const n = Math.min(chunk, bytes - done);
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new Uint8Array(200) }, key, n === chunk ? data : data.subarray(0, n));
  }
  return performance.now() - t0;
}

async function pbkdf2Ms(): Promise<number> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(PASSWORD), 'PBKDF2', false, ['deriveBits']);
  const t0 = performance.now();
  await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(16), iterations: 600_000 }, base, 256);
  return performance.now() - t0;
}

describe('transfer benchmark (10,000 meetings + 50 MB attachments)', () => {
  const results: Record<string, unknown> = { meetings: MEETINGS, attachments: `${ATTACHMENTS} × ${ATTACHMENT_BYTES / MB} MiB`, runs: RUNS, userAgent: navigator.userAgent };
  const names = { a: `pm-bench-xfer-a-${Date.now()}`, b: `pm-bench-xfer-b-${Date.now()}` };
  const done = { export: false, rest: false };
  let a: PartyMinutesDB;
  let b: PartyMinutesDB | undefined;
  /** The last export with attachments, as the Blob the app saves (the second test reads its header). */
  let file: Blob = new Blob([]);

  beforeAll(async () => {
    a = await openDatabase(names.a);
    const now = new Date().toISOString();
    for (let c = 0; c < MEETINGS; c += 1000) {
      const rows = Array.from({ length: 1000 }, (_, i) => meeting(c + i, now));
      await a.meetings.bulkPut(rows);
    }
    expect(await a.meetings.count()).toBe(MEETINGS);
    results.meetingJsonBytes = JSON.stringify(await a.meetings.limit(1).first()).length;
  });

  afterAll(async () => {
    a?.close();
    b?.close();
    await Dexie.delete(names.a);
    if (b) await Dexie.delete(b.name);
    console.log('[bench] transfer', JSON.stringify(results, null, 2));
    // Only a full run replaces the recorded results (`-t` runs just print).
    if (done.export && done.rest) await commands.writeFile('bench-results/transfer.json', JSON.stringify({ at: new Date().toISOString(), ...results }, null, 2) + '\n');
  });

  it('export: time and JS heap', async () => {
    // Does usedJSHeapSize count ArrayBuffer backing stores (which live outside V8's heap)?
    const probeBase = await settledHeap();
    let probe: Uint8Array | null = new Uint8Array(32 * MB).fill(1);
    const probeHeld = await settledHeap();
    expect(probe[32 * MB - 1]).toBe(1);
    probe = null;
    const probeFreed = await settledHeap();
    results.heapProbe32MiBArrayBufferMB = { held: r1((probeHeld - probeBase) / MB), afterRelease: r1((probeFreed - probeBase) / MB) };

    // Timed runs: sampled heap only (no forced gc during the export).
    const exportMs: number[] = [];
    const sampledOverBase: number[] = [];
    const bases: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      file = new Blob([]);
      const base = await settledHeap();
      let peak = base;
      const sample = () => void (peak = Math.max(peak, heap()));
      const timer = setInterval(sample, 5);
      const t0 = performance.now();
      const out = await exportRecordsToBlob(a, { scope: { kind: 'all' }, password: PASSWORD, attachments: attachments(sample), onProgress: sample });
      exportMs.push(performance.now() - t0);
      clearInterval(timer);
      sample();
      sampledOverBase.push(peak - base);
      bases.push(base);
      file = out.file;
      expect(out.counts.meetings).toBe(MEETINGS);
      expect(out.counts.attachments).toBe(ATTACHMENTS);
    }

    // One more export with forced gc() at checkpoints: the live (retained) heap.
    file = new Blob([]);
    const base = await settledHeap();
    const retained: { at: string; mb: number }[] = [];
    const checkpoint = (at: string) => {
      // Twice: V8 frees dead ArrayBuffers' backing stores in a concurrent sweep after a GC; the
      // next GC finishes that sweep first, so usedJSHeapSize then counts live buffers only.
      gcNow();
      gcNow();
      retained.push({ at, mb: r1((heap() - base) / MB) });
    };
    let nextMark = 0.05;
    const t0 = performance.now();
    const out = await exportRecordsToBlob(a, {
      scope: { kind: 'all' },
      password: PASSWORD,
      attachments: attachments((i) => void (i % 5 === 4 && checkpoint(`attachment ${i + 1}`))),
      onProgress: (p) => {
        if (p.fraction < nextMark || p.fraction >= 1) return;
        while (nextMark <= p.fraction) nextMark += 0.05;
        checkpoint(`${p.stage} ${Math.round(p.fraction * 100)} %`);
      },
    });
    const gcRunMs = performance.now() - t0;
    const withFile = await settledHeap();
    file = out.file;
    const fileBytes = out.size;
    expect(out.file.size).toBe(fileBytes);
    expect(out.counts.meetings).toBe(MEETINGS);

    const retainedPeak = Math.max(...retained.map((x) => x.mb));
    const exp = median(exportMs);
    Object.assign(results, {
      fileMB: r1(fileBytes / MB),
      exportMsMedian: Math.round(exp),
      exportMsRuns: exportMs.map(Math.round),
      heapBaseAfterGcMB: r1(median(bases) / MB),
      heapSampledPeakOverBaseMB: r1(median(sampledOverBase) / MB),
      heapSampledPeakOverBaseRunsMB: sampledOverBase.map((x) => r1(x / MB)),
      heapRetainedPeakOverBaseMB: retainedPeak,
      heapRetainedCheckpointsMB: retained.map((x) => `${x.at}: ${x.mb}`),
      heapRetainedAfterExportWithResultFileMB: r1((withFile - base) / MB),
      heapBudgetMB: r1((3 * ATTACHMENT_BYTES) / MB + 50),
      exportWithGcCheckpointsMs: Math.round(gcRunMs),
    });
    done.export = true;
  });

  it('export stages, import and merge', async () => {
    if (file.size === 0) file = (await exportRecordsToBlob(a, { scope: { kind: 'all' }, password: PASSWORD, attachments: attachments() })).file;
    let plainBytes = 0;
    // Plaintext (ZIP) size = file minus preamble minus one tag per 1 MiB chunk.
    const { readPmxHeader } = await import('../../shared/transfer');
    const info = readPmxHeader(new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer()));
    const payload = file.size - info.preambleLength;
    plainBytes = payload - 16 * Math.ceil(payload / (info.chunkSize + 16));
    const rawChunkedXs: number[] = [];
    for (let r = 0; r < RUNS; r++) rawChunkedXs.push(await rawAesGcm(plainBytes, info.chunkSize));
    const rawChunked = median(rawChunkedXs);
    const rawOneShotXs: number[] = [];
    for (let r = 0; r < RUNS; r++) rawOneShotXs.push(await rawAesGcm(plainBytes, plainBytes));
    const rawOneShot = median(rawOneShotXs);
    // The .pmx container alone (chunking + AES-GCM + PBKDF2) over a buffer of the same size.
    const { encodePmxStream } = await import('../../shared/transfer');
    const { EXPORT_CHUNK_SIZE } = await import('../../renderer/transfer');
    const plain = new Uint8Array(plainBytes);
    for (let o = 0; o < plain.length; o += 65536) crypto.getRandomValues(plain.subarray(o, Math.min(plain.length, o + 65536)));
    const containerXs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      let n = 0;
      for await (const part of encodePmxStream([plain], { password: PASSWORD, chunkSize: EXPORT_CHUNK_SIZE })) n += part.length;
      containerXs.push(performance.now() - t0);
      expect(n).toBeGreaterThan(plainBytes);
    }
    const container = median(containerXs);
    // Stages of the export, separately: reading the records from IndexedDB; packaging alone
    // (JSON, deflate, CRC, SHA-256) from records in memory; packaging + encryption from memory.
    const readXs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const c = await collectRecords(a, { kind: 'all' });
      let n = 0;
      for await (const page of c.tables.meetings as AsyncIterable<readonly unknown[]>) n += page.length;
      readXs.push(performance.now() - t0);
      expect(n).toBe(MEETINGS);
    }
    const rows = await a.meetings.toArray();
    const stageInput = () => ({
      schemaVersion: 2, exportedAt: new Date().toISOString(), source: { installationId: 'bench', appVersion: '0', orgName: '' },
      scope: { kind: 'all' }, tables: { organisations: [], members: [], meetings: rows }, attachments: attachments().items(),
    });
    const packXs: number[] = [];
    const stageXs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      let t0 = performance.now();
      const zipBytes = await collectBytes(streamArchive(stageInput()).chunks);
      packXs.push(performance.now() - t0);
      expect(zipBytes.length).toBeGreaterThan(ATTACHMENTS * ATTACHMENT_BYTES);
      t0 = performance.now();
      await encryptArchive(stageInput(), { password: PASSWORD });
      stageXs.push(performance.now() - t0);
    }
    rows.length = 0;
    const stage = median(stageXs);
    const kdfXs: number[] = [];
    for (let r = 0; r < RUNS; r++) kdfXs.push(await pbkdf2Ms());
    const kdf = median(kdfXs);
    const exp = Number(results.exportMsMedian ?? NaN);
    Object.assign(results, {
      plaintextZipMB: r1(plainBytes / MB),
      exportMBps: r1(plainBytes / MB / (exp / 1000)),
      rawAesGcmChunkedMs: Math.round(rawChunked),
      rawAesGcmOneShotMs: Math.round(rawOneShot),
      pbkdf2_600k_Ms: Math.round(kdf),
      ratioVsRawChunked: Math.round((rawChunked / exp) * 100) / 100,
      ratioVsRawOneShot: Math.round((rawOneShot / exp) * 100) / 100,
      ratioVsRawChunkedExcludingKdf: Math.round((rawChunked / (exp - kdf)) * 100) / 100,
      containerOnlyMs: Math.round(container),
      readRecordsMsMedian: Math.round(median(readXs)),
      packagingOnlyFromMemoryMsMedian: Math.round(median(packXs)),
      packagingAndEncryptionFromMemoryMsMedian: Math.round(stage),
      stageRatioVsRawChunked: Math.round((rawChunked / stage) * 100) / 100,
      containerOnlyRatioVsRawChunked: Math.round((rawChunked / container) * 100) / 100,
      containerOnlyRatioExcludingKdf: Math.round((rawChunked / (container - kdf)) * 100) / 100,
    });

    // ---- import: 10,000 new records into an empty database
    const small = (await exportRecords(a, { scope: { kind: 'all' }, password: PASSWORD })).bytes;
    results.fileWithoutAttachmentsMB = r1(small.length / MB);
    const importNew: number[] = [];
    const indexAfterImport: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      b?.close();
      if (b) await Dexie.delete(b.name);
      b = await openDatabase(`${names.b}-${r}`);
      const t0 = performance.now();
      const preview = await prepareImport(b, { name: 'a.pmx', bytes: small }, PASSWORD);
      const s = await applyImport(b, preview, new Map());
      importNew.push(performance.now() - t0);
      expect(s.added).toBe(MEETINGS);
      // The search grams are derived after the import commits (renderer/db/searchIndexer.ts), in
      // the background while the secretary goes on; measured apart, never inside the import.
      const ti = performance.now();
      expect(await indexPending(b)).toBe(MEETINGS);
      indexAfterImport.push(performance.now() - ti);
    }
    // ---- merge: the same records changed on A (1,000 of them) into B that has them all
    const changed = (await a.meetings.limit(1000).toArray()).map((m) => bumpVersion({ ...m, summary: `${m.summary}（补充）` }, 'bench-installation-A', new Date().toISOString()));
    await a.meetings.bulkPut(changed);
    const second = (await exportRecords(a, { scope: { kind: 'all' }, password: PASSWORD })).bytes;
    const mergeMs: number[] = [];
    const indexAfterMerge: number[] = [];
    const sameMs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      // B (last run's) holds the old versions: 1,000 changed + 9,000 unchanged, then the same file again.
      const t0 = performance.now();
      const p1 = await prepareImport(b!, { name: 'a2.pmx', bytes: second }, PASSWORD);
      const s1 = await applyImport(b!, p1, new Map());
      mergeMs.push(performance.now() - t0);
      if (r === 0) expect([s1.changed, s1.unchanged]).toEqual([1000, 9000]);
      const ti = performance.now();
      await indexPending(b!);
      indexAfterMerge.push(performance.now() - ti);
      const t1 = performance.now();
      const p2 = await prepareImport(b!, { name: 'a2.pmx', bytes: second }, PASSWORD);
      const s2 = await applyImport(b!, p2, new Map());
      sameMs.push(performance.now() - t1);
      expect(s2.written).toBe(0);
      if (r < RUNS - 1) {
        // put the old versions back for the next run
        await b!.meetings.bulkPut(p1.tables.meetings.plan.changed.map((c) => c.local));
        await indexPending(b!);
      }
    }
    Object.assign(results, {
      importNewMsMedian: Math.round(median(importNew)),
      importNewMsRuns: importNew.map(Math.round),
      searchIndexAfterImportMsMedian: Math.round(median(indexAfterImport)),
      searchIndexAfterImportMsRuns: indexAfterImport.map(Math.round),
      importMerge1000Changed9000UnchangedMsMedian: Math.round(median(mergeMs)),
      searchIndexAfterMergeMsMedian: Math.round(median(indexAfterMerge)),
      importSameFileAgainMsMedian: Math.round(median(sameMs)),
    });
    done.rest = true;
  });
});
