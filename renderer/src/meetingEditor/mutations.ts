/**
 * Pure, immutable edits of a meeting record. Unchanged branches keep their identity, so memoised
 * rows (attendance lines, agenda items, speeches) skip re-rendering when something else changes.
 */
import { emptyVote, type AgendaItem, type AttendanceEntry, type Decision, type Meeting, type Speech, type Vote } from '../../../shared/model';

export type Updater = (m: Meeting) => Meeting;

export function newId(): string {
  return crypto.randomUUID();
}

export function mapById<T extends { id: string }>(list: readonly T[], id: string, fn: (t: T) => T): T[] {
  let changed = false;
  const out = list.map((x) => {
    if (x.id !== id) return x;
    const next = fn(x);
    if (next !== x) changed = true;
    return next;
  });
  return changed ? out : (list as T[]);
}

/** Moves the element with `id` by `delta` places (−1 up, +1 down); no-op at the ends. */
export function moveById<T extends { id: string }>(list: readonly T[], id: string, delta: number): T[] {
  const i = list.findIndex((x) => x.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= list.length) return list as T[];
  const out = [...list];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** Inserts `item` right after the element with `afterId` (at the end when not found / null). */
export function insertAfter<T extends { id: string }>(list: readonly T[], afterId: string | null, item: T): T[] {
  const i = afterId === null ? -1 : list.findIndex((x) => x.id === afterId);
  if (i < 0) return [...list, item];
  return [...list.slice(0, i + 1), item, ...list.slice(i + 1)];
}

export const setEntry =
  (entryId: string, patch: Partial<AttendanceEntry>): Updater =>
  (m) => ({ ...m, attendance: mapById(m.attendance, entryId, (e) => ({ ...e, ...patch })) });

export const setItem =
  (itemId: string, fn: (i: AgendaItem) => AgendaItem): Updater =>
  (m) => ({ ...m, agenda: mapById(m.agenda, itemId, fn) });

export const setSpeech = (itemId: string, speechId: string, patch: Partial<Speech>): Updater =>
  setItem(itemId, (i) => ({ ...i, speeches: mapById(i.speeches, speechId, (s) => ({ ...s, ...patch })) }));

export const setDecision = (itemId: string, decisionId: string, fn: (d: Decision) => Decision): Updater =>
  setItem(itemId, (i) => ({ ...i, decisions: mapById(i.decisions, decisionId, fn) }));

export const setVote = (itemId: string, decisionId: string, patch: Partial<Vote>): Updater =>
  setDecision(itemId, decisionId, (d) => (d.vote ? { ...d, vote: { ...d.vote, ...patch } } : d));

export function emptySpeech(): Speech {
  return { id: newId(), speakerId: null, speakerName: '', content: '' };
}

export function emptyDecision(): Decision {
  return { id: newId(), text: '', owner: '', vote: null };
}

export { emptyVote };

export function emptyItem(title = ''): AgendaItem {
  return { id: newId(), title, speeches: [], decisions: [] };
}

export function guestEntry(): AttendanceEntry {
  return {
    id: newId(),
    kind: 'guest',
    memberId: null,
    name: '',
    title: '',
    status: null,
    standing: null,
    isCommittee: false,
    presence: 'present',
    reason: '',
  };
}
