/** Renders one screen with the real providers on an isolated IndexedDB database. */
import type { ReactNode } from 'react';
import { page } from 'vitest/browser';
import type { PartyMinutesDB } from '../../../renderer/db';
import { eventually, freshTestDb, mountApp } from '../mountApp';

export { eventually };

export function freshScreenDb(): Promise<PartyMinutesDB> {
  return freshTestDb('pm-screen');
}

/** Mounts `ui` against the database `db` (opened by the test for seeding and checks). */
export function mount(ui: ReactNode, db: PartyMinutesDB): Promise<void> {
  return mountApp(db, ui, { size: [1280, 800] });
}

/**
 * A dialog (Modal / Drawer / confirm) by the text it shows. In Vitest, rc-util's useId returns
 * "test-id" for every element, so aria-labelledby names are not unique there (they are in the app).
 */
export function dialog(text: string) {
  return page.getByRole('dialog').filter({ hasText: text });
}
