/**
 * 整改台账 repository (domain §3.5): items, progress, 销号, carry-over to the next 年度, and the
 * link from a 组织生活会 / 民主生活会 problem or criticism to the item it produced. Every write is
 * one Dexie transaction; generic save / delete / restore live in records.ts (RECTIFICATIONS).
 */
import {
  meetingSchema,
  rectificationSchema,
  type LifeBlock,
  type Meeting,
  type ProgressEntry,
  type Rectification,
  type RectificationFields,
  type RectificationListKind,
} from '../../shared/model';
import { isOpen } from '../../shared/rules/rectification';
import type { PartyMinutesDB } from './database';
import { getInstallationId, newId, nowIso, stampMeta, todayLocal, type WriteOptions } from './meta';
import { createRecord, RECTIFICATIONS, updateRecord } from './records';
import { DbError, parseOrThrow } from './validate';

const WHAT = RECTIFICATIONS.what;

/** Empty fields of a new item (pure): 限期整改 without a date yet, 未开始. */
export function emptyRectificationFields(orgId: string, annualYear: number, raisedDate: string): RectificationFields {
  return {
    orgId,
    annualYear,
    listKind: 'team',
    personId: null,
    personName: '',
    source: 'self_review',
    category: '',
    problem: '',
    measures: '',
    target: '',
    ownerId: null,
    ownerName: '',
    leaderName: '',
    department: '',
    raisedDate,
    deadlineKind: 'by_date',
    progress: [],
    status: 'not_started',
    closedBy: '',
    evidence: '',
    closedWithoutEvidence: false,
    publicity: '',
    origin: { meetingId: null, participantId: null, problemId: null, criticismId: null, talkId: null },
    carriedFromId: null,
  };
}

/** New item from complete fields (validated; Chinese message on bad input). */
export async function createRectification(db: PartyMinutesDB, fields: RectificationFields, opts?: WriteOptions & { id?: string }): Promise<Rectification> {
  return createRecord(db, RECTIFICATIONS, fields, opts);
}

export interface LifeRectificationTarget {
  /** The speaker block, or null for the 支部班子 / 领导班子 对照检查 (committeeProblems). */
  participantId: string | null;
  problemId?: string;
  criticismId?: string;
}

/**
 * Creates the item for one problem or criticism of a life meeting and writes its id back into
 * that problem / criticism, in ONE transaction (both or neither). The meeting's revision goes up:
 * an open editor must adopt the stored meeting afterwards. 定稿 meetings are refused (reopen first);
 * a problem that already links a live item is refused.
 */
export async function createRectificationFromLife(
  db: PartyMinutesDB,
  meetingId: string,
  target: LifeRectificationTarget,
  opts?: WriteOptions,
): Promise<Rectification> {
  if (!target.problemId === !target.criticismId) throw new DbError('请选择一条查摆问题或一条批评意见列入整改');
  if (target.participantId === null && target.criticismId) throw new DbError('班子对照检查只有查摆问题，请选择其中一条问题');
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  return db.transaction('rw', [db.meetings, db.meetingIndex, db.rectifications], async () => {
    const m = await db.meetings.get(meetingId);
    if (!m || m.deletedAt) throw new DbError('找不到该会议记录，可能已被删除');
    if (!m.life) throw new DbError('该会议记录不是组织生活会或民主生活会，不能从中生成整改事项');
    if (m.status === 'final') throw new DbError('该会议记录已定稿。如需从中列入整改事项，请先"重新打开"并说明原因');
    const life = m.life;
    const participant = target.participantId === null ? null : life.participants.find((p) => p.id === target.participantId);
    if (target.participantId !== null && !participant) throw new DbError('找不到该发言人，可能已被删除，请刷新后重试');

    const problems = participant ? participant.problems : life.committeeProblems;
    const problem = target.problemId ? problems.find((p) => p.id === target.problemId) : undefined;
    const criticism = target.criticismId ? participant?.criticisms.find((c) => c.id === target.criticismId) : undefined;
    if (target.problemId && !problem) throw new DbError('找不到该查摆问题，可能已被删除，请刷新后重试');
    if (target.criticismId && !criticism) throw new DbError('找不到该批评意见，可能已被删除，请刷新后重试');
    const existing = (problem ?? criticism)!.rectificationId;
    if (existing) {
      const linked = await db.rectifications.get(existing);
      if (linked && !linked.deletedAt) throw new DbError('这一条已经列入整改台账，请在整改台账中查看');
    }
    const text = (problem ? problem.manifestation : criticism!.text).trim();
    if (!text) throw new DbError(problem ? '请先填写该问题的具体表现，再列入整改' : '请先填写批评意见内容，再列入整改');

    const listKind: RectificationListKind = participant ? 'personal' : 'team';
    const fields: RectificationFields = {
      ...emptyRectificationFields(m.orgId, life.annualYear, m.date),
      listKind,
      personId: participant?.memberId ?? null,
      personName: participant?.name ?? '',
      source: problem ? 'self_review' : 'criticism',
      category: problem?.aspect ?? '',
      problem: text.slice(0, 5000),
      // 整改方向 as the person wrote it; the measures are theirs to refine.
      measures: (problem?.direction ?? '').trim().slice(0, 5000),
      ownerId: participant?.memberId ?? null,
      ownerName: participant?.name ?? '',
      origin: {
        meetingId: m.id,
        participantId: participant?.id ?? null,
        problemId: problem?.id ?? null,
        criticismId: criticism?.id ?? null,
        talkId: null,
      },
    };
    const item = parseOrThrow(rectificationSchema, { ...fields, ...stampMeta(undefined, me, now) }, WHAT);
    const nextLife = linkInLife(life, target, item.id);
    const nextMeeting = parseOrThrow(meetingSchema, { ...m, life: nextLife, ...stampMeta(m, me, now) }, '会议记录') as Meeting;
    await db.rectifications.add(item);
    await db.meetings.put(nextMeeting);
    return item;
  });
}

function linkInLife(life: LifeBlock, t: LifeRectificationTarget, id: string): LifeBlock {
  if (t.participantId === null) {
    return { ...life, committeeProblems: life.committeeProblems.map((p) => (p.id === t.problemId ? { ...p, rectificationId: id } : p)) };
  }
  return {
    ...life,
    participants: life.participants.map((p) =>
      p.id !== t.participantId
        ? p
        : {
            ...p,
            problems: p.problems.map((x) => (x.id === t.problemId ? { ...x, rectificationId: id } : x)),
            criticisms: p.criticisms.map((x) => (x.id === t.criticismId ? { ...x, rectificationId: id } : x)),
          },
    ),
  };
}

/** Adds a dated 整改进展; an item not started yet moves to 推进中. Returns the stored item. */
export async function addProgress(db: PartyMinutesDB, id: string, entry: { date: string; text: string }, opts?: WriteOptions): Promise<Rectification> {
  const text = entry.text.trim();
  if (!text) throw new DbError('请填写进展情况');
  return updateRecord(
    db,
    RECTIFICATIONS,
    id,
    (prev) => {
      if (prev.status === 'closed') throw new DbError('该事项已销号，不能再添加进展。如需继续整改，请先“重新打开”');
      const progress: ProgressEntry[] = [...prev.progress, { id: newId(), date: entry.date, text }].sort((a, b) => a.date.localeCompare(b.date));
      return { ...prev, progress, status: prev.status === 'not_started' ? 'in_progress' : prev.status };
    },
    opts,
  );
}

/** Removes one progress entry (a mistyped one). */
export async function removeProgress(db: PartyMinutesDB, id: string, progressId: string, opts?: WriteOptions): Promise<Rectification> {
  return updateRecord(db, RECTIFICATIONS, id, (prev) => ({ ...prev, progress: prev.progress.filter((p) => p.id !== progressId) }), opts);
}

export interface CloseInput {
  date: string;
  /** 销号审核人 (required). */
  approver: string;
  /** 佐证材料; empty is allowed after a warning and recorded as closedWithoutEvidence. */
  evidence: string;
}

/** 销号: the item is closed after review; without evidence it is still closed, and that is recorded. */
export async function closeItem(db: PartyMinutesDB, id: string, input: CloseInput, opts?: WriteOptions): Promise<Rectification> {
  const approver = input.approver.trim();
  if (!approver) throw new DbError('请填写销号审核人（审核同意销号的同志）');
  if (!input.date) throw new DbError('请填写销号时间');
  const evidence = input.evidence.trim();
  return updateRecord(
    db,
    RECTIFICATIONS,
    id,
    (prev) => {
      if (prev.status === 'closed') throw new DbError('该事项已经销号');
      if (input.date < prev.raisedDate) throw new DbError(`销号时间不能早于问题提出日期 ${prev.raisedDate}`);
      return { ...prev, status: 'closed', closedDate: input.date, closedBy: approver, evidence, closedWithoutEvidence: evidence === '' };
    },
    opts,
  );
}

/**
 * Takes a 销号 item back to 推进中 (review found it unfinished). The closing date and approver are
 * cleared; a dated progress entry keeps the reason and the earlier closing on record.
 */
export async function reopenItem(db: PartyMinutesDB, id: string, reason: string, opts?: WriteOptions): Promise<Rectification> {
  const why = reason.trim();
  if (!why) throw new DbError('请填写重新打开的原因');
  const today = todayLocal(opts);
  return updateRecord(
    db,
    RECTIFICATIONS,
    id,
    (prev) => {
      if (prev.status !== 'closed' && prev.status !== 'done') throw new DbError('该事项尚未完成或销号，无需重新打开');
      const was = prev.status === 'closed' ? `原于 ${prev.closedDate ?? ''} 经 ${prev.closedBy} 审核销号` : '原标记为已完成';
      const note = { id: newId(), date: today, text: `重新打开（${was}）：${why}`.slice(0, 5000) };
      const { closedDate: _closed, ...rest } = prev;
      return { ...rest, status: 'in_progress', closedBy: '', closedWithoutEvidence: false, progress: [...prev.progress, note] };
    },
    opts,
  );
}

export interface ListRectificationsQuery {
  orgId?: string;
  annualYear?: number;
  /** Items of this person's list OR with this person as 责任人. */
  personId?: string;
  listKind?: RectificationListKind;
  /** Include items in the 回收站 (default false). */
  includeDeleted?: boolean;
}

/** Items matching the query (live only unless includeDeleted). Unordered: use ledgerOrder to print. */
export async function listRectifications(db: PartyMinutesDB, q: ListRectificationsQuery = {}): Promise<Rectification[]> {
  const t = db.rectifications;
  let rows: Rectification[];
  if (q.orgId !== undefined && q.annualYear !== undefined) rows = await t.where('[orgId+annualYear]').equals([q.orgId, q.annualYear]).toArray();
  else if (q.orgId !== undefined) rows = await t.where('orgId').equals(q.orgId).toArray();
  else if (q.annualYear !== undefined) rows = await t.where('annualYear').equals(q.annualYear).toArray();
  else rows = await t.toArray();
  return rows.filter(
    (r) =>
      (q.includeDeleted || !r.deletedAt) &&
      (q.personId === undefined || r.personId === q.personId || r.ownerId === q.personId) &&
      (q.listKind === undefined || r.listKind === q.listKind),
  );
}

export interface CarryOverResult {
  created: Rectification[];
  /** Open items that already had a copy in the next year (this run or an earlier one). */
  alreadyCarried: number;
}

/**
 * 结转: every open item of `fromYear` gets a copy in `fromYear + 1` with source 上年度未完成,
 * pointing back through carriedFromId. Idempotent: an item that already has a copy (even one in
 * the 回收站 — restore it from there) is not copied again. Progress stays with the original.
 */
export async function carryOver(db: PartyMinutesDB, orgId: string, fromYear: number, opts?: WriteOptions): Promise<CarryOverResult> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  return db.transaction('rw', db.rectifications, async () => {
    const from = (await db.rectifications.where('[orgId+annualYear]').equals([orgId, fromYear]).toArray()).filter((r) => !r.deletedAt && isOpen(r));
    const next = await db.rectifications.where('[orgId+annualYear]').equals([orgId, fromYear + 1]).toArray();
    const carried = new Set(next.map((r) => r.carriedFromId).filter((x): x is string => !!x));
    const created: Rectification[] = [];
    let alreadyCarried = 0;
    for (const r of from) {
      if (carried.has(r.id)) {
        alreadyCarried++;
        continue;
      }
      const { id: _id, createdAt: _c, updatedAt: _u, rev: _r, vv: _v, changedBy: _b, deletedAt: _d, ...fields } = r;
      const copy = parseOrThrow(
        rectificationSchema,
        {
          ...fields,
          annualYear: fromYear + 1,
          source: 'carried_over',
          carriedFromId: r.id,
          progress: [],
          status: r.status === 'in_progress' ? 'in_progress' : 'not_started',
          ...stampMeta(undefined, me, now),
        },
        WHAT,
      );
      created.push(copy);
    }
    if (created.length) await db.rectifications.bulkAdd(created);
    return { created, alreadyCarried };
  });
}
