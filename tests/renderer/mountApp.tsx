/**
 * One way for component tests to render UI like App.tsx does: the same antd providers and button
 * setting, DatabaseProvider on an isolated IndexedDB database, and cleanup after every test.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { page } from 'vitest/browser';
import { openDatabase, type PartyMinutesDB } from '../../renderer/db';
import { DatabaseProvider } from '../../renderer/src/dbContext';

const mounted: { root: Root; el: HTMLElement; db: PartyMinutesDB }[] = [];
let counter = 0;

export async function freshTestDb(prefix = 'pm-ui'): Promise<PartyMinutesDB> {
  return openDatabase(`${prefix}-${Date.now().toString(36)}-${counter++}-${Math.random().toString(36).slice(2, 7)}`);
}

/** act() only for mounting and unmounting; everything else is awaited through locators. */
async function inAct(fn: () => void): Promise<void> {
  const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  g.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    await act(async () => fn());
  } finally {
    g.IS_REACT_ACT_ENVIRONMENT = false;
  }
}

export interface MountOptions {
  size?: [number, number];
  padding?: number;
}

/** Mounts `ui` against `db` (opened by the test for seeding and checks). */
export async function mountApp(db: PartyMinutesDB, ui: ReactNode, { size = [1280, 800], padding = 0 }: MountOptions = {}): Promise<void> {
  await page.viewport(size[0], size[1]);
  const el = document.createElement('div');
  if (padding) el.style.padding = `${padding}px`;
  document.body.appendChild(el);
  const root = createRoot(el);
  await inAct(() => {
    // Same button setting as App.tsx: two-character labels stay 删除, not 删 除.
    root.render(
      <ConfigProvider locale={zhCN} theme={{ token: { motion: false } }} button={{ autoInsertSpace: false }}>
        <AntApp>
          <DatabaseProvider name={db.name}>{ui}</DatabaseProvider>
        </AntApp>
      </ConfigProvider>,
    );
  });
  mounted.push({ root, el, db });
}

afterEach(async () => {
  while (mounted.length) {
    const m = mounted.pop()!;
    await inAct(() => m.root.unmount());
    m.el.remove();
    // Let live queries of the unmounted screen settle before the database goes away.
    await new Promise((r) => setTimeout(r, 100));
    m.db.close();
    await Dexie.delete(m.db.name);
  }
  document.body.innerHTML = '';
  window.location.hash = '';
});

/** Polls until `fn` passes (for database state after UI actions). */
export async function eventually<T>(fn: () => Promise<T> | T, timeout = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() - start > timeout) throw e;
      await new Promise((r) => setTimeout(r, 40));
    }
  }
}
