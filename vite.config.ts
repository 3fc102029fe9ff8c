/// <reference types="vitest/config" />
// One renderer config serves `npm run web`, the Electron renderer build, and every Vitest project.
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { CONTENT_SECURITY_POLICY } from './electron/security.ts';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=AutofillServerCommunication',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

/** Heavy dependencies pre-bundled up front so browser tests never hit a mid-run re-optimise. */
const OPTIMIZE = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'antd',
  'antd/locale/zh_CN',
  '@ant-design/icons',
  'dayjs',
  'dayjs/locale/zh-cn',
  'dexie',
  'dexie-react-hooks',
  'docx',
  'docx-preview',
  'zod',
  'fflate',
  'sm-crypto-v2',
  '@noble/hashes/sha2.js',
  '@noble/hashes/hmac.js',
  '@noble/ciphers/aes.js',
  '@tanstack/react-virtual',
];

/**
 * The built renderer carries the same CSP as the Electron protocol header, so `vite preview` and the
 * end-to-end tests run under it too. Build only: the dev server injects inline scripts (React refresh).
 * frame-ancestors is dropped because a <meta> CSP cannot carry it (the Electron header does).
 */
function contentSecurityPolicyMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'party-minutes-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * Parallel test runs on one machine (several developers' shells) each set their own ports and output
 * folder; CI and `npm test` use the defaults.
 */
const PREVIEW_PORT = Number(process.env.PM_PREVIEW_PORT ?? 4173);
const BROWSER_API_PORT = Number(process.env.PM_BROWSER_PORT ?? 63315);
const WEB_OUT = process.env.PM_WEB_OUT ?? 'out/web';

export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, WEB_OUT),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
  },
  optimizeDeps: { include: OPTIMIZE },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: PREVIEW_PORT, strictPort: true },
};

export default defineConfig({
  ...rendererConfig,
  test: {
    root: import.meta.dirname,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: import.meta.dirname,
          environment: 'node',
          include: ['tests/shared/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/build/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'idb-fake',
          root: import.meta.dirname,
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
          include: ['tests/renderer/db/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'chromium',
          root: import.meta.dirname,
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
            api: { host: '127.0.0.1', port: BROWSER_API_PORT, strictPort: true },
          },
        },
      },
    ],
  },
});
