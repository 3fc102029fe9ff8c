/**
 * Which automatic backups to keep (issue #4 §5): the newest `keepLast` (default 10), plus the
 * newest backup of every calendar month. Everything else may be deleted. Pure and deterministic.
 *
 * A backup's time is its `at` (ISO 8601, taken from its file name when the app wrote it, so that
 * copying a file — which changes its modification time — does not change its place in the list).
 * Ties are broken by name so the result never depends on input order.
 */

export interface RetentionItem {
  name: string;
  /** ISO 8601 time the snapshot was taken. */
  at: string;
}

export interface RetentionOptions {
  /** How many of the newest backups are always kept (default 10). */
  keepLast?: number;
  /** Month key of a time; default the UTC month `YYYY-MM` of the ISO string. */
  monthOf?: (at: string) => string;
}

export interface RetentionResult {
  /** Names kept, newest first. */
  keep: string[];
  /** Names that may be deleted, newest first. */
  remove: string[];
}

export const DEFAULT_KEEP_LAST = 10;

function newestFirst(a: RetentionItem, b: RetentionItem): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.name < b.name ? 1 : a.name > b.name ? -1 : 0;
}

export function selectBackupsToKeep(items: readonly RetentionItem[], options: RetentionOptions = {}): RetentionResult {
  const keepLast = Math.max(0, Math.floor(options.keepLast ?? DEFAULT_KEEP_LAST));
  const monthOf = options.monthOf ?? ((at: string) => at.slice(0, 7));
  // One entry per name (the same name listed twice is one file).
  const byName = new Map<string, RetentionItem>();
  for (const it of items) {
    const prev = byName.get(it.name);
    if (!prev || newestFirst(it, prev) < 0) byName.set(it.name, it);
  }
  const sorted = [...byName.values()].sort(newestFirst);
  const keep = new Set<string>();
  sorted.slice(0, keepLast).forEach((it) => keep.add(it.name));
  const months = new Set<string>();
  for (const it of sorted) {
    const m = monthOf(it.at);
    if (!months.has(m)) {
      months.add(m);
      keep.add(it.name);
    }
  }
  return {
    keep: sorted.filter((it) => keep.has(it.name)).map((it) => it.name),
    remove: sorted.filter((it) => !keep.has(it.name)).map((it) => it.name),
  };
}
