/**
 * Pure, immutable edits of the 组织生活会 / 民主生活会 block (`meeting.life`). Like mutations.ts,
 * unchanged branches keep their identity so memoised participant blocks skip re-rendering.
 */
import {
  LIFE_PREP_KINDS,
  type LifeBlock,
  type LifeCriticism,
  type LifeParticipant,
  type LifePrepItem,
  type LifePrepKind,
  type LifeProblem,
  type LifeRole,
  type Meeting,
} from '../../../../shared/model';
import { emptyLifeBlock } from '../../../db';
import { mapById, newId, type Updater } from '../mutations';

export function emptyPrep(kind: LifePrepKind): LifePrepItem {
  return { kind, done: false, note: '', links: [] };
}

/** All four checklist items, in the fixed order (missing ones added, unknown order repaired). */
export function normalisePrep(list: readonly LifePrepItem[]): LifePrepItem[] {
  const ordered = LIFE_PREP_KINDS.map((k) => list.find((p) => p.kind === k) ?? emptyPrep(k));
  return ordered.every((p, i) => p === list[i]) && list.length === ordered.length ? (list as LifePrepItem[]) : ordered;
}

/** Edit the block (created on first edit when missing). */
export const setLife =
  (fn: (l: LifeBlock) => LifeBlock): Updater =>
  (m) => {
    const cur = m.life ?? emptyLifeBlock(m.type, m.date);
    const next = fn(cur);
    return next === m.life ? m : { ...m, life: next };
  };

export const patchLife = (patch: Partial<LifeBlock>): Updater => setLife((l) => ({ ...l, ...patch }));

export const setPrep = (kind: LifePrepKind, patch: Partial<LifePrepItem>): Updater =>
  setLife((l) => ({ ...l, preparation: normalisePrep(l.preparation).map((p) => (p.kind === kind ? { ...p, ...patch } : p)) }));

export const setParticipant = (pid: string, fn: (p: LifeParticipant) => LifeParticipant): Updater =>
  setLife((l) => ({ ...l, participants: mapById(l.participants, pid, fn) }));

/** Where a problem list lives: the committee's, or one participant's. */
export type ProblemOwner = { kind: 'committee' } | { kind: 'participant'; pid: string };

export const setProblems = (owner: ProblemOwner, fn: (list: LifeProblem[]) => LifeProblem[]): Updater =>
  owner.kind === 'committee'
    ? setLife((l) => ({ ...l, committeeProblems: fn(l.committeeProblems) }))
    : setParticipant(owner.pid, (p) => ({ ...p, problems: fn(p.problems) }));

export const setProblem = (owner: ProblemOwner, id: string, patch: Partial<LifeProblem>): Updater =>
  setProblems(owner, (list) => mapById(list, id, (x) => ({ ...x, ...patch })));

export const setCriticism = (pid: string, id: string, patch: Partial<LifeCriticism>): Updater =>
  setParticipant(pid, (p) => ({ ...p, criticisms: mapById(p.criticisms, id, (c) => ({ ...c, ...patch })) }));

export function emptyProblem(aspect: string): LifeProblem {
  return { id: newId(), aspect, manifestation: '', cause: '', direction: '', rectificationId: null, noRectificationReason: '' };
}

export function emptyCriticism(): LifeCriticism {
  return { id: newId(), criticId: null, criticName: '', text: '', rectificationId: null };
}

export function emptyParticipant(name = '', memberId: string | null = null, role: LifeRole = 'member'): LifeParticipant {
  return { id: newId(), memberId, name, role, paperReady: false, problems: [], criticisms: [], response: '' };
}

/** Set the link to a rectification item on a problem / criticism (after 列入整改). */
export function linkRectification(m: Meeting, t: { participantId: string | null; problemId?: string; criticismId?: string }, rectificationId: string): Meeting {
  const owner: ProblemOwner = t.participantId ? { kind: 'participant', pid: t.participantId } : { kind: 'committee' };
  if (t.problemId) return setProblem(owner, t.problemId, { rectificationId })(m);
  if (t.criticismId && t.participantId) return setCriticism(t.participantId, t.criticismId, { rectificationId })(m);
  return m;
}
