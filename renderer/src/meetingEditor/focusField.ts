/**
 * Issue → field: the rules name fields by stable paths ('attendance.<entryId>.reason',
 * 'agenda.<itemId>.decisions.<decisionId>.vote'…); inputs carry them in `data-field`.
 */

function selectorFor(field: string): string {
  return `[data-field="${CSS.escape(field)}"]`;
}

/** The element for `field`, or for the closest parent path that exists ('a.b.c' → 'a.b' → 'a'). */
export function findField(field: string, root: ParentNode = document): HTMLElement | null {
  let f = field;
  for (;;) {
    const el = root.querySelector<HTMLElement>(selectorFor(f));
    if (el) return el;
    const cut = f.lastIndexOf('.');
    if (cut < 0) return null;
    f = f.slice(0, cut);
  }
}

const FOCUSABLE =
  'input:not([disabled]):checked, textarea:not([disabled]), input:not([disabled]):not([type="radio"]), input[type="radio"]:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Scrolls the field into view and focuses it (or its first focusable descendant). */
export function focusField(field: string): boolean {
  const el = findField(field);
  if (!el) return false;
  el.scrollIntoView({ block: 'center', behavior: 'auto' });
  const target = el.matches('input, textarea, button, [tabindex]') ? el : el.querySelector<HTMLElement>(FOCUSABLE);
  (target ?? el).focus({ preventScroll: true });
  el.classList.add('pm-flash');
  setTimeout(() => el.classList.remove('pm-flash'), 1200);
  return true;
}

/** Focus a field that is about to be rendered (after adding a row): retries for a few frames. */
export function focusFieldSoon(field: string, tries = 20): void {
  const attempt = (left: number) => {
    const el = document.querySelector<HTMLElement>(selectorFor(field));
    if (el) {
      const target = el.matches('input, textarea') ? el : el.querySelector<HTMLElement>('input, textarea');
      (target ?? el).focus();
      return;
    }
    if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(tries));
}

/**
 * Path of a zod issue on the whole record (['agenda', 0, 'speeches', 2, 'content']) → the
 * editor's field path ('agenda.<itemId>.speeches.<speechId>.content').
 */
export function fieldFromIssuePath(meeting: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = meeting;
  for (const p of path) {
    if (typeof p === 'number' && Array.isArray(node)) {
      const el: unknown = node[p];
      const id = el && typeof el === 'object' && 'id' in el ? String((el as { id: unknown }).id) : String(p);
      parts.push(id);
      node = el;
    } else {
      parts.push(String(p));
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(p)] : undefined;
    }
  }
  return parts.join('.');
}
