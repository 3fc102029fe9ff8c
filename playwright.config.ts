// End-to-end: the built renderer served by `vite preview` on localhost, driven in Debian Chromium.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './vite.config';

const PORT = Number(process.env.PM_PREVIEW_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.PM_WEB_OUT ? `.tmp/e2e-results-${PORT}` : '.tmp/e2e-results',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  },
  webServer: {
    command: 'npx vite build && npx vite preview',
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
