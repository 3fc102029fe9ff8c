import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../electron/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('buildMenuTemplate', () => {
  it.each([
    [false, false],
    [true, false],
    [false, true],
  ])('has Chinese labels, no help menu and no clickable links (dev=%s, mac=%s)', (isDev, isMac) => {
    const all = flatten(buildMenuTemplate({ isDev, isMac }));
    for (const item of all) {
      if (item.type !== 'separator') expect(item.label).toMatch(/[\u4e00-\u9fff]/);
      expect(item.role).not.toBe('help');
      expect(item.role).not.toBe('about');
      expect(item.click).toBeUndefined();
    }
    expect(all.some((i) => i.label === '帮助')).toBe(false);
  });

  it('offers DevTools and reload only in development', () => {
    const prod = flatten(buildMenuTemplate({ isDev: false, isMac: false }));
    expect(prod.some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
    const dev = flatten(buildMenuTemplate({ isDev: true, isMac: false }));
    expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('keeps the clipboard shortcuts', () => {
    const roles = flatten(buildMenuTemplate({ isDev: false, isMac: false })).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'undo', 'redo', 'quit']));
  });
});
