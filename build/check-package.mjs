#!/usr/bin/env node
// @ts-check
/**
 * Checks what `npm run dist` produced, on the packaging machine (where the Electron zips exist):
 *
 *   node build/check-package.mjs [release]
 *
 * For every unpacked app under the folder (release/win-unpacked, release/linux-unpacked,
 * release/linux-arm64-unpacked …) it
 *  1. reads the fuse wire from the executable and compares it with `electronFuses` in
 *     build/electron-builder.json (design §5: runAsNode off, NODE_OPTIONS off, inspector off, cookie
 *     encryption on, asar integrity on, only load from asar, no file-protocol privileges);
 *  2. lists resources/app.asar and refuses tests, source maps, TypeScript sources, project source
 *     folders and node_modules (everything the app needs is bundled into out/ by electron-vite).
 * Exit code 0 when every app passes, 1 with one line per finding otherwise, 2 when nothing was found.
 * Plain Node (no TypeScript runner on Node 20); the pure parts are unit-tested in tests/build/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The marker Electron puts right before its fuse wire (same value as @electron/fuses SENTINEL). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** electron-builder `electronFuses` keys → position on the V1 fuse wire (@electron/fuses FuseV1Options). */
export const FUSE_POSITIONS = {
  runAsNode: 0,
  enableCookieEncryption: 1,
  enableNodeOptionsEnvironmentVariable: 2,
  enableNodeCliInspectArguments: 3,
  enableEmbeddedAsarIntegrityValidation: 4,
  onlyLoadAppFromAsar: 5,
  loadBrowserProcessSpecificV8Snapshot: 6,
  grantFileProtocolExtraPrivileges: 7,
};

const STATE_NAMES = { 48: '关闭 (off)', 49: '开启 (on)', 114: '已移除 (removed)' };

/**
 * Reads the fuse wire (version byte, length byte, one byte per fuse: '0' off, '1' on, 'r' removed).
 * A universal macOS binary has two wires; both are returned.
 * @param {Uint8Array} binary
 * @returns {{ version: number, states: number[] }[]}
 */
export function readFuseWires(binary) {
  const buf = Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength);
  const wires = [];
  let at = buf.indexOf(FUSE_SENTINEL, 0, 'latin1');
  while (at !== -1) {
    const pos = at + FUSE_SENTINEL.length;
    const version = buf[pos];
    const length = buf[pos + 1];
    wires.push({ version, states: [...buf.subarray(pos + 2, pos + 2 + length)] });
    at = buf.indexOf(FUSE_SENTINEL, pos, 'latin1');
  }
  return wires;
}

/**
 * Findings (empty = fine) for one wire against the configured fuses.
 * @param {{ version: number, states: number[] }} wire
 * @param {Record<string, boolean>} electronFuses  the `electronFuses` object of the builder config
 * @returns {string[]}
 */
export function judgeFuses(wire, electronFuses) {
  const out = [];
  if (wire.version !== 1) out.push(`熔断开关版本为 ${wire.version}，本检查只认识版本 1：请更新 build/check-package.mjs`);
  for (const [name, want] of Object.entries(electronFuses)) {
    const pos = /** @type {Record<string, number>} */ (FUSE_POSITIONS)[name];
    if (pos === undefined) {
      out.push(`未知的熔断开关 ${name}：请对照 @electron/fuses 的 FuseV1Options`);
      continue;
    }
    const got = wire.states[pos];
    const expected = want ? 49 : 48;
    if (got !== expected) {
      const gotName = /** @type {Record<number, string>} */ (STATE_NAMES)[got] ?? `未知值 ${got}`;
      out.push(`熔断开关 ${name} 应为${want ? '开启' : '关闭'}，实际为${gotName}`);
    }
  }
  return out;
}

/** What must never ship inside app.asar (paths as listed by @electron/asar: "/out/main/index.js"). */
const FORBIDDEN = [
  { re: /\.map$/i, why: '源码映射 (source map)' },
  { re: /\.(ts|tsx|mts|cts)$/i, why: 'TypeScript 源码' },
  { re: /^\/(tests|test|__tests__|e2e)(\/|$)/i, why: '测试文件' },
  { re: /\.(test|spec|bench)\.[cm]?js$/i, why: '测试文件' },
  { re: /^\/(shared|renderer|electron|src|docs|bench-results|\.tmp|\.ci|\.git)(\/|$)/, why: '项目源码或开发文件' },
  { re: /(^|\/)node_modules(\/|$)/, why: 'node_modules（依赖应已打包进 out/）' },
  { re: /(^|\/)\.env(\.|$)/, why: '环境变量文件' },
  { re: /^\/out\/web(\/|$)/, why: '浏览器版构建 (out/web)，桌面版不需要' },
];

/**
 * Findings for the file list of app.asar.
 * @param {readonly string[]} entries
 * @returns {string[]}
 */
export function judgeAsarEntries(entries) {
  const out = [];
  for (const raw of entries) {
    const p = raw.replace(/\\/g, '/').replace(/^(?!\/)/, '/');
    const hit = FORBIDDEN.find((f) => f.re.test(p));
    if (hit) out.push(`app.asar 中不应包含${hit.why}：${p}`);
  }
  if (!entries.some((e) => e.replace(/\\/g, '/').endsWith('/package.json'))) out.push('app.asar 中缺少 package.json');
  return out;
}

/**
 * Unpacked apps below `dir`: every folder holding resources/app.asar, with its executable.
 * @param {string} dir
 * @returns {{ root: string, asar: string, executable: string | null }[]}
 */
export function findPackagedApps(dir) {
  const apps = [];
  const walk = (/** @type {string} */ d, /** @type {number} */ depth) => {
    if (depth > 4) return;
    const asar = join(d, 'resources', 'app.asar');
    if (existsSync(asar)) {
      const names = readdirSync(d);
      const exe =
        names.find((n) => n.toLowerCase() === 'party-minutes.exe' || n === '党建会议记录.exe') ??
        names.find((n) => n === 'party-minutes') ??
        names.find((n) => /\.exe$/i.test(n) && !/uninstall/i.test(n)) ??
        null;
      apps.push({ root: d, asar, executable: exe ? join(d, exe) : null });
      return;
    }
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p, depth + 1);
    }
  };
  if (existsSync(dir)) walk(dir, 0);
  return apps;
}

async function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const config = JSON.parse(readFileSync(join(here, 'electron-builder.json'), 'utf8'));
  const dir = resolve(process.argv[2] ?? join(here, '..', 'release'));
  const apps = findPackagedApps(dir);
  if (apps.length === 0) {
    console.error(`在 ${dir} 下没有找到打包好的程序（应有 */resources/app.asar）。请先运行 npm run dist。`);
    process.exit(2);
  }
  const { listPackage } = await import('@electron/asar');
  let failed = 0;
  for (const app of apps) {
    const findings = [];
    if (!app.executable) findings.push('没有找到可执行文件');
    else {
      const wires = readFuseWires(readFileSync(app.executable));
      if (wires.length === 0) findings.push(`可执行文件中没有熔断开关标记：${app.executable}`);
      for (const w of wires) findings.push(...judgeFuses(w, config.electronFuses));
    }
    const entries = listPackage(app.asar, { isPack: false });
    findings.push(...judgeAsarEntries(entries));
    console.log(`\n${app.root}`);
    console.log(`  可执行文件：${app.executable ?? '（无）'}`);
    console.log(`  app.asar：${entries.length} 项`);
    for (const e of entries) console.log(`    ${e}`);
    if (findings.length) {
      failed++;
      for (const f of findings) console.log(`  ✗ ${f}`);
    } else console.log('  ✓ 熔断开关与 app.asar 内容符合要求');
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
