/**
 * The autosave core on its own, with a save the test holds open: what happens to the last
 * keystrokes when the page goes away while an earlier save is still on its way to IndexedDB.
 */
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { recordMetaSchema, type RecordMeta } from '../../../shared/model/meta';
import { useAutosave, type Autosave } from '../../../renderer/src/common/useAutosave';
import type { WriteAheadSlot } from '../../../renderer/src/common/writeAhead';

const noteSchema = recordMetaSchema.extend({ text: z.string() });
type Note = z.infer<typeof noteSchema>;
const SLOT: WriteAheadSlot<Note> = { name: 'autosave-test', schema: noteSchema };

function note(rev: number, text: string): Note {
  const meta: RecordMeta = {
    id: '6f1c2b1e-8d4a-4c53-9a57-2f1d3b8e9c10',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: `2026-01-01T00:00:0${rev}.000Z`,
    rev,
    vv: { me: rev },
    changedBy: 'me',
    deletedAt: null,
  };
  return { ...meta, text };
}

/** A save that stays pending until the test lets it land (or never, like a page that died). */
interface HeldSave {
  draft: Note;
  land: () => Note;
}

function mountEditor(stored: Note, held: HeldSave[]): { api: () => Autosave<Note>; shown: () => string | null; root: Root } {
  let api: Autosave<Note> | null = null;
  let shown: string | null = null;
  function Editor() {
    const [, setText] = useState<string | null>(null);
    api = useAutosave<Note>({
      read: readOnce,
      onLoaded: (draft) => {
        shown = draft.text;
        setText(draft.text);
      },
      save: saveHeld,
      slot: SLOT,
    });
    return null;
  }
  const readOnce = () => Promise.resolve(stored);
  const saveHeld = (draft: Note, base: Note) =>
    new Promise<Note>((resolve) => {
      held.push({
        draft,
        land: () => {
          const saved = { ...draft, rev: base.rev + 1 };
          resolve(saved);
          return saved;
        },
      });
    });
  const el = document.createElement('div');
  document.body.appendChild(el);
  const root = createRoot(el);
  inAct(() => root.render(<Editor />));
  roots.push(root);
  return { api: () => api!, shown: () => shown, root };
}

/** act() only around mounting and unmounting, as in mountApp.tsx; the rest runs like a page. */
function inAct(fn: () => void): void {
  const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  g.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    act(fn);
  } finally {
    g.IS_REACT_ACT_ENVIRONMENT = false;
  }
}

const roots: Root[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) inAct(() => r.unmount());
  localStorage.clear();
});

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
}

describe('自动保存：页面关闭时正在保存', () => {
  it('keeps the keystrokes typed after the save that was in flight when the page closed', async () => {
    const held: HeldSave[] = [];
    const first = mountEditor(note(1, ''), held);
    await until(() => first.api().load === 'ready');

    first.api().update((n) => ({ ...n, text: '大家一' }));
    await until(() => held.length === 1); // the debounced save of '大家一' is on its way
    first.api().update((n) => ({ ...n, text: '大家一致表示要' }));
    window.dispatchEvent(new Event('pagehide'));
    // The older save lands (rev 2 holds '大家一'); the one with the rest never does: the page is gone.
    const landed = held[0].land();
    await until(() => held.length === 2);
    expect(held[1].draft.text).toBe('大家一致表示要');
    inAct(() => first.root.unmount());

    const again = mountEditor(landed, []);
    await until(() => again.api().load === 'ready');
    expect(again.shown()).toBe('大家一致表示要');
    expect(again.api().restored).toBe(true);
  });

  it('drops the copy once a later save stored everything', async () => {
    const held: HeldSave[] = [];
    const first = mountEditor(note(1, ''), held);
    await until(() => first.api().load === 'ready');
    first.api().update((n) => ({ ...n, text: '大家一' }));
    await until(() => held.length === 1);
    first.api().update((n) => ({ ...n, text: '大家一致' }));
    window.dispatchEvent(new Event('pagehide'));
    held[0].land();
    await until(() => held.length === 2);
    // Someone else's edit (or a later save of ours) moved the record past what the copy knew.
    const later = note(4, '另一台电脑改过的内容');
    inAct(() => first.root.unmount());
    const again = mountEditor(later, []);
    await until(() => again.api().load === 'ready');
    expect(again.shown()).toBe('另一台电脑改过的内容');
    expect(again.api().restored).toBe(false);
  });
});
