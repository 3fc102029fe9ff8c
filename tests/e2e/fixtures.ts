/**
 * Shared Playwright fixture: every page records each request it makes, and each test ends by
 * asserting that nothing left localhost — the app must never touch a network.
 */
import { test as base, expect, type Page } from '@playwright/test';

const LOCAL = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;
const INERT = /^(data|blob|about|chrome-extension):/;

export function watchRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!LOCAL.test(url) && !INERT.test(url)) foreign.push(url);
  });
  return foreign;
}

export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: async ({ page }, use) => {
    const foreign = watchRequests(page);
    await use(foreign);
    expect(foreign, '页面向 localhost 以外发出了请求').toEqual([]);
  },
});

export { expect };
