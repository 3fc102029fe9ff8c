// The search benchmark needs a persistent (on-disk) Chromium profile: its 50,000-record index
// (~30 million IndexedDB index entries) exceeds the in-memory quota of a regular, off-the-record
// Playwright context. The app itself always runs on a persistent profile.
// PM_SEARCH_BENCH_PROFILE chooses the profile folder (deleted and recreated per run by the caller).
import { mergeConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import base from './vitest.bench.config';
import { CHROMIUM_ARGS } from '../../vite.config';

const config = mergeConfig(base, {
  test: {
    include: ['tests/bench/search.bench.test.ts'],
    browser: {
      provider: playwright({
        persistentContext: process.env.PM_SEARCH_BENCH_PROFILE ?? '.tmp/search-bench-profile',
        launchOptions: { executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'] },
      }),
    },
  },
});

// mergeConfig concatenates arrays: keep this run to the search benchmark only.
config.test!.include = ['tests/bench/search.bench.test.ts'];
config.test!.exclude = ['**/node_modules/**'];
// Deriving ~30 million index entries on disk takes tens of minutes on a 2-core machine.
config.test!.testTimeout = 3_600_000;
export default config;
