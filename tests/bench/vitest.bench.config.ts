// `npm run bench`: database benchmarks in real Debian Chromium (never part of `npm test`).
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS } from '../../vite.config';

export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  optimizeDeps: { include: ['dexie', 'zod', 'docx', 'fflate', 'sm-crypto-v2'] },
  test: {
    root: resolve(import.meta.dirname, '../..'),
    include: ['tests/bench/**/*.bench.test.ts'],
    // The search benchmark needs an on-disk profile (its index exceeds the in-memory quota):
    // it has its own config, tests/bench/vitest.search-bench.config.ts.
    exclude: ['**/node_modules/**', 'tests/bench/search.bench.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      // CHROMIUM_ARGS maps every other host to NOTFOUND; serve the page on an excluded host.
      api: { host: 'localhost', port: Number(process.env.PM_BENCH_PORT ?? 63330) },
      provider: playwright({
        // An on-disk profile like the app's: 50,000 meetings with their search index (~600 index
        // entries each) exceed the quota of an in-memory (off-the-record) context. PM_BENCH_PROFILE
        // chooses the folder; each bench deletes its own databases.
        persistentContext: process.env.PM_BENCH_PROFILE ?? '.tmp/bench-profile',
        // Bench-only: gc() for honest heap baselines, unquantised performance.memory.
        launchOptions: { executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'] },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
