/** Renders one screen with the real providers on an isolated IndexedDB database. */
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { page } from 'vitest/browser';
import { openDatabase, type PartyMinutesDB } from '../../../renderer/db';
import { DatabaseProvider } from '../../../renderer/src/dbContext';

const mounted: { root: Root; el: HTMLElement; db: PartyMinutesDB }[] = [];
let counter = 0;

export async function freshScreenDb(): Promise<PartyMinutesDB> {
  const name = `pm-screen-${Date.now().toString(36)}-${counter++}-${Math.random().toString(36).slice(2, 7)}`;
  return openDatabase(name);
}

/** Mounts `ui` against the database `db` (opened by the test for seeding and checks). */
export async function mount(ui: ReactNode, db: PartyMinutesDB): Promise<void> {
  await page.viewport(1280, 800);
  const el = document.createElement('div');
  document.body.appendChild(el);
  const root = createRoot(el);
  // Same button setting as App.tsx: two-character labels stay 删除, not 删 除.
  root.render(
      <ConfigProvider locale={zhCN} theme={{ token: { motion: false } }} button={{ autoInsertSpace: false }}>
        <AntApp>
          <DatabaseProvider name={db.name}>{ui}</DatabaseProvider>
        </AntApp>
      </ConfigProvider>,
  );
  mounted.push({ root, el, db });
}

afterEach(async () => {
  while (mounted.length) {
    const m = mounted.pop()!;
    m.root.unmount();
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
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * A dialog (Modal / Drawer / confirm) by the text it shows. In Vitest, rc-util's useId returns
 * "test-id" for every element, so aria-labelledby names are not unique there (they are in the app).
 */
export function dialog(text: string) {
  return page.getByRole('dialog').filter({ hasText: text });
}
