/**
 * Packaging (issue #7 item 5) without the Electron zips: the builder configuration is validated by
 * electron-builder's own schema code, and the post-build checker (build/check-package.mjs) is run on
 * a synthetic executable whose fuse wire was flipped by @electron/fuses (the library
 * electron-builder uses) from our configuration, and on real asar archives made by @electron/asar.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackage } from '@electron/asar';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { FUSE_POSITIONS, FUSE_SENTINEL, findPackagedApps, judgeAsarEntries, judgeFuses, readFuseWires } from '../../build/check-package.mjs';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const CONFIG_PATH = join(ROOT, 'build', 'electron-builder.json');

interface BuilderConfig {
  electronFuses: Record<string, boolean>;
  [key: string]: unknown;
}
const config = JSON.parse(await readFile(CONFIG_PATH, 'utf8')) as BuilderConfig;

// electron-builder's own validation (app-builder-lib reads scheme.json and runs its schema validator).
type Validate = (config: unknown, debugLogger: { isEnabled: boolean; add(k: string, v: unknown): void }) => Promise<void>;
const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js')) as unknown as { validateConfiguration: Validate };
const quietLogger = { isEnabled: false, add: () => undefined };

describe('build/electron-builder.json', () => {
  it("passes electron-builder's own JSON schema", async () => {
    const { $schema: _ignored, ...withoutSchemaKey } = config;
    await expect(validateConfiguration(withoutSchemaKey, quietLogger)).resolves.toBeUndefined();
  });

  it('the validator really rejects a misspelt option (so the test above can fail)', async () => {
    const { $schema: _ignored, ...rest } = config;
    await expect(validateConfiguration({ ...rest, asr: true }, quietLogger)).rejects.toThrow(/asr/);
    await expect(validateConfiguration({ ...rest, nsis: { ...(rest.nsis as object), oneClik: false } }, quietLogger)).rejects.toThrow(/configuration\.nsis/);
  });

  it('builds NSIS for Windows x64 and deb + AppImage for Linux x64 and arm64, asar, never publishes', () => {
    const c = config as Record<string, Record<string, unknown> & { target?: { target: string; arch: string[] }[] }>;
    expect(c.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(c.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.asar).toBe(true);
    for (const key of [null, 'win', 'nsis', 'linux', 'deb', 'appImage']) {
      const section = key ? (config[key] as Record<string, unknown>) : config;
      expect(section.publish, `publish in ${key ?? 'root'}`).toBeNull();
    }
    expect(JSON.stringify(config)).not.toMatch(/autoUpdat|updater|https?:\/\//i);
  });

  it('sets every fuse of design §5', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('build/check-package.mjs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pm-package-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A stand-in executable: filler bytes around an unflipped V1 wire of 8 fuses with Electron's defaults. */
  async function fakeExecutable(path: string): Promise<void> {
    const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, 8]), Buffer.from('10110001', 'latin1')]);
    await writeFile(path, Buffer.concat([Buffer.alloc(4096, 7), wire, Buffer.alloc(4096, 9)]));
  }

  /** Our config expressed as @electron/fuses options, flipped the way electron-builder does it. */
  function fusesFromConfig(fuses: Record<string, boolean>) {
    const out: Record<number, boolean> = {};
    for (const [name, on] of Object.entries(fuses)) out[FUSE_POSITIONS[name]] = on;
    return { version: FuseVersion.V1, ...out } as Parameters<typeof flipFuses>[1];
  }

  it('positions match @electron/fuses', () => {
    expect(FUSE_POSITIONS.runAsNode).toBe(FuseV1Options.RunAsNode);
    expect(FUSE_POSITIONS.enableCookieEncryption).toBe(FuseV1Options.EnableCookieEncryption);
    expect(FUSE_POSITIONS.enableNodeOptionsEnvironmentVariable).toBe(FuseV1Options.EnableNodeOptionsEnvironmentVariable);
    expect(FUSE_POSITIONS.enableNodeCliInspectArguments).toBe(FuseV1Options.EnableNodeCliInspectArguments);
    expect(FUSE_POSITIONS.enableEmbeddedAsarIntegrityValidation).toBe(FuseV1Options.EnableEmbeddedAsarIntegrityValidation);
    expect(FUSE_POSITIONS.onlyLoadAppFromAsar).toBe(FuseV1Options.OnlyLoadAppFromAsar);
    expect(FUSE_POSITIONS.grantFileProtocolExtraPrivileges).toBe(FuseV1Options.GrantFileProtocolExtraPrivileges);
  });

  it('reads back a wire flipped from our configuration and finds nothing wrong', async () => {
    const exe = join(dir, 'flipped');
    await fakeExecutable(exe);
    await flipFuses(exe, fusesFromConfig(config.electronFuses));
    const wires = readFuseWires(await readFile(exe));
    expect(wires).toHaveLength(1);
    expect(judgeFuses(wires[0], config.electronFuses)).toEqual([]);
  });

  it('names each fuse left at the Electron default', async () => {
    const exe = join(dir, 'default');
    await fakeExecutable(exe);
    const findings = judgeFuses(readFuseWires(await readFile(exe))[0], config.electronFuses);
    // Every configured fuse differs from Electron's default wire, so each one is named.
    expect(findings).toHaveLength(7);
    expect(findings.join('\n')).toMatch(/runAsNode 应为关闭，实际为开启/);
    expect(findings.join('\n')).toMatch(/onlyLoadAppFromAsar 应为开启，实际为关闭/);
    expect(judgeFuses({ version: 1, states: [48, 49, 48, 48, 49, 49, 48, 114] }, config.electronFuses)).toEqual([
      '熔断开关 grantFileProtocolExtraPrivileges 应为关闭，实际为已移除 (removed)',
    ]);
  });

  it('accepts a bundled app and refuses maps, tests, sources and node_modules in app.asar', () => {
    const good = ['/package.json', '/out', '/out/main', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/renderer/assets/index-abc.js'];
    expect(judgeAsarEntries(good)).toEqual([]);
    const bad = judgeAsarEntries([...good, '/out/main/index.js.map', '/tests/e2e/a.spec.ts', '/shared/model/meeting.ts', '/node_modules/zod/index.js', '/out/renderer/a.test.js']);
    expect(bad).toHaveLength(5);
    expect(bad.join('\n')).toMatch(/源码映射/);
    expect(bad.join('\n')).toMatch(/node_modules/);
    expect(judgeAsarEntries(['/out/main/index.js'])).toEqual(['app.asar 中缺少 package.json']);
  });

  it('end to end: a release folder with a good and a bad app gives exit code 1 and names the bad one', async () => {
    const release = join(dir, 'release');
    const make = async (name: string, extra: Record<string, string>, flip: boolean) => {
      const root = join(release, name);
      const src = join(dir, `src-${name}`);
      const files: Record<string, string> = { 'package.json': '{"name":"party-minutes"}', 'out/main/index.js': '1', ...extra };
      for (const [p, text] of Object.entries(files)) {
        await mkdir(join(src, p, '..'), { recursive: true });
        await writeFile(join(src, p), text);
      }
      await mkdir(join(root, 'resources'), { recursive: true });
      await createPackage(src, join(root, 'resources', 'app.asar'));
      await fakeExecutable(join(root, 'party-minutes'));
      if (flip) await flipFuses(join(root, 'party-minutes'), fusesFromConfig(config.electronFuses));
    };
    await make('linux-unpacked', {}, true);
    expect(findPackagedApps(release).map((a) => a.executable)).toEqual([join(release, 'linux-unpacked', 'party-minutes')]);
    const ok = await run(process.execPath, [join(ROOT, 'build', 'check-package.mjs'), release]);
    expect(ok.stdout).toMatch(/✓ 熔断开关与 app.asar 内容符合要求/);

    await make('linux-arm64-unpacked', { 'out/main/index.js.map': '{}' }, false);
    const failed = await run(process.execPath, [join(ROOT, 'build', 'check-package.mjs'), release]).then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/linux-arm64-unpacked[\s\S]*源码映射[\s\S]*/);
    expect(failed?.stdout).toMatch(/runAsNode 应为关闭/);
  });
});
