/** Meeting records (三会一课, 主题党日): create, autosave, 定稿 / 重新打开, copy from last, bulk import. */
import {
  meetingSchema,
  type AgendaItem,
  type AttendanceEntry,
  type Meeting,
  type MeetingFields,
  type MeetingType,
  type Organisation,
  type RecordMeta,
} from '../../shared/model';
import type { PartyMinutesDB } from './database';
import { getInstallationId, newId, nowIso, stampMeta, type WriteOptions } from './meta';
import { buildAttendance } from './roster';
import { DbError, parseOrThrow } from './validate';

const WHAT = '会议记录';

/** Fields the caller may give to createMeeting; everything else gets a sensible empty default. */
export type MeetingInput = Pick<MeetingFields, 'orgId' | 'type' | 'date'> &
  Partial<Omit<MeetingFields, 'orgId' | 'type' | 'date' | 'status' | 'finalisedAt' | 'reopenLog'>>;

/** What copyFromLast pre-fills. */
export interface MeetingPrefill {
  /** The meeting it was copied from. */
  sourceId: string;
  place: string;
  chairId: string | null;
  chairName: string;
  chairTitle: string;
  recorderId: string | null;
  recorderName: string;
  /** Same people (and guests), everyone present, reasons cleared, new line ids. */
  attendance: AttendanceEntry[];
  /** Titles only: no speeches, no decisions, new ids. */
  agenda: AgendaItem[];
}

export async function getMeeting(db: PartyMinutesDB, id: string): Promise<Meeting | undefined> {
  return db.meetings.get(id);
}

/** Next running number (2025年第N次) for org + type + year. Counts live records and those in the recycle bin. */
export async function nextRunningNumber(db: PartyMinutesDB, orgId: string, type: MeetingType, year: number): Promise<number> {
  const rows = await db.meetingIndex.where('[orgId+year+type]').equals([orgId, year, type]).toArray();
  return rows.reduce((max, r) => Math.max(max, r.seq), 0) + 1;
}

function checkOrgForType(org: Organisation | undefined, type: MeetingType): Organisation {
  if (!org || org.deletedAt) throw new DbError('找不到该党组织，或该组织已删除，请重新选择');
  if (type === 'group' && org.level !== 'group') throw new DbError('党小组会只能在党小组下记录，请先选择党小组');
  if (type !== 'group' && org.level !== 'branch') throw new DbError('该类会议只能在党支部下记录，请先选择党支部');
  return org;
}

/** Empty defaults for a new record of `type` (pure). */
export function emptyMeetingFields(orgId: string, type: MeetingType, date: string): MeetingFields {
  return {
    orgId,
    type,
    year: Number(date.slice(0, 4)),
    seq: 1,
    date,
    place: '',
    chairId: null,
    chairName: '',
    chairTitle: '',
    delegation: '',
    convenerId: null,
    convenerName: '',
    recorderId: null,
    recorderName: '',
    attendance: [],
    agenda: [],
    summary: '',
    classification: { level: 'none', years: null },
    recordingMethod: type === 'general_assembly' ? 'detailed' : 'summary',
    lecture:
      type === 'lecture' ? { lecturerMemberId: null, lecturer: '', lecturerTitle: '', topic: '', form: '讲授', outline: '' } : null,
    themeDay: type === 'theme_day' ? { theme: '', activityForm: '学习', alsoCounts: [], agreedItems: '', followUp: '' } : null,
    status: 'draft',
    finalisedAt: null,
    reopenLog: [],
    chairSigned: false,
    recorderSigned: false,
  };
}

/**
 * New draft. Year defaults to the date's year, seq to the next running number, attendance to
 * the roster on that date (attendanceFromRoster); pass `attendance: []` to start empty.
 */
export async function createMeeting(db: PartyMinutesDB, input: MeetingInput, opts?: WriteOptions): Promise<Meeting> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  return db.transaction('rw', [db.meetings, db.meetingIndex, db.organisations, db.members], async () => {
    const org = checkOrgForType(await db.organisations.get(input.orgId), input.type);
    const base = emptyMeetingFields(input.orgId, input.type, input.date);
    const year = input.year ?? base.year;
    const seq = input.seq ?? (await nextRunningNumber(db, input.orgId, input.type, year));
    const attendance = input.attendance ?? buildAttendance(org, await db.members.toArray(), input.date, input.type, newId);
    const m = parseOrThrow(meetingSchema, { ...base, ...input, year, seq, attendance, ...stampMeta(undefined, me, now) }, WHAT);
    await db.meetings.add(m);
    return m;
  });
}

const META_KEYS: ReadonlySet<string> = new Set<keyof RecordMeta>(['id', 'createdAt', 'updatedAt', 'rev', 'vv', 'changedBy', 'deletedAt']);

/**
 * Structural equality of JSON-like values: key order does not matter and a key holding
 * `undefined` counts as absent (what a JSON round trip would give). Returns at the first
 * difference and skips shared references, so comparing a large record with a copy that differs
 * in one keystroke costs a walk of the small fields plus one string comparison per long text —
 * no serialisation, no allocation (the old canonical-JSON comparison built two ~300,000-character
 * strings per autosave of a large record).
 */
export function sameJson(a: unknown, b: unknown, skip?: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k) || skip?.has(k) || x[k] === undefined) continue;
    if (!Object.hasOwn(y, k) || !sameJson(x[k], y[k])) return false;
    n++;
  }
  for (const k in y) if (Object.hasOwn(y, k) && !skip?.has(k) && y[k] !== undefined) n--;
  return n === 0;
}

/** Same content fields (meta excluded, key order and undefined-valued keys ignored). */
export function sameMeetingContent(a: Meeting, b: Meeting): boolean {
  return sameJson(a, b, META_KEYS);
}

async function liveMeeting(db: PartyMinutesDB, id: string): Promise<Meeting> {
  const m = await db.meetings.get(id);
  if (!m) throw new DbError('找不到该会议记录，可能已被彻底删除');
  if (m.deletedAt) throw new DbError('该会议记录在回收站中，请先恢复后再修改');
  return m;
}

export const FINAL_LOCKED_MESSAGE = '该会议记录已定稿，不能直接修改。如需修改，请先"重新打开"并说明原因';

/**
 * Autosave: validates and writes the edited record, bumping meta. Cheap when nothing changed
 * (returns the stored record untouched, no revision bump). Refuses 定稿 records, records in the
 * recycle bin, and stale copies (`meeting.rev` older than the stored one: edited elsewhere).
 * Status, finalisedAt and reopenLog are kept from the stored record (use finalise/reopen).
 * Callers must serialise saves and continue editing from the returned record.
 */
export async function saveMeeting(db: PartyMinutesDB, meeting: Meeting, opts?: WriteOptions): Promise<Meeting> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  return db.transaction('rw', db.meetings, db.meetingIndex, async () => {
    const prev = await liveMeeting(db, meeting.id);
    if (prev.status === 'final') throw new DbError(FINAL_LOCKED_MESSAGE);
    if (meeting.rev !== prev.rev) {
      throw new DbError('该会议记录已在别处修改（另一个窗口或导入），为避免覆盖，请关闭后重新打开该记录再编辑');
    }
    const fixed = { status: prev.status, finalisedAt: prev.finalisedAt, reopenLog: prev.reopenLog };
    const candidate = parseOrThrow(meetingSchema, { ...meeting, ...fixed, ...metaOf(prev) }, WHAT);
    if (sameMeetingContent(candidate, prev)) return prev;
    const next = { ...candidate, ...stampMeta(prev, me, now) };
    await db.meetings.put(next);
    return next;
  });
}

function metaOf(m: RecordMeta): RecordMeta {
  const { id, createdAt, updatedAt, rev, vv, changedBy, deletedAt } = m;
  return { id, createdAt, updatedAt, rev, vv, changedBy, deletedAt };
}

/** 定稿: status final + finalisedAt. The caller runs the completeness rules first. */
export async function finaliseMeeting(db: PartyMinutesDB, id: string, opts?: WriteOptions): Promise<Meeting> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  return db.transaction('rw', db.meetings, db.meetingIndex, async () => {
    const prev = await liveMeeting(db, id);
    if (prev.status === 'final') throw new DbError('该会议记录已经定稿');
    const next = parseOrThrow(meetingSchema, { ...prev, status: 'final', finalisedAt: now, ...stampMeta(prev, me, now) }, WHAT);
    await db.meetings.put(next);
    return next;
  });
}

/** 重新打开 a 定稿 record for correction: back to draft, the reason logged with time and installation. */
export async function reopenMeeting(db: PartyMinutesDB, id: string, reason: string, opts?: WriteOptions): Promise<Meeting> {
  const why = reason.trim();
  if (!why) throw new DbError('请填写重新打开的原因（例如：更正发言记录中的错字）');
  if (why.length > 500) throw new DbError('重新打开的原因不能超过 500 字');
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  return db.transaction('rw', db.meetings, db.meetingIndex, async () => {
    const prev = await liveMeeting(db, id);
    if (prev.status !== 'final') throw new DbError('该会议记录还是草稿，无需重新打开');
    const reopenLog = [...prev.reopenLog, { at: now, reason: why, by: me }];
    if (reopenLog.length > 100) throw new DbError('该记录重新打开次数过多（超过 100 次），请联系上级党组织');
    const next = parseOrThrow(
      meetingSchema,
      { ...prev, status: 'draft', finalisedAt: null, reopenLog, ...stampMeta(prev, me, now) },
      WHAT,
    );
    await db.meetings.put(next);
    return next;
  });
}

/** Soft delete (回收站). 定稿 records must be reopened first. */
export async function deleteMeeting(db: PartyMinutesDB, id: string, opts?: WriteOptions): Promise<void> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  await db.transaction('rw', db.meetings, db.meetingIndex, async () => {
    const prev = await liveMeeting(db, id);
    if (prev.status === 'final') throw new DbError('已定稿的会议记录不能删除。如确需删除，请先"重新打开"并说明原因');
    await db.meetings.put({ ...prev, ...stampMeta(prev, me, now), deletedAt: now });
  });
}

/**
 * Pre-fill from the latest live meeting of `type` held by `orgId` (optionally only meetings
 * before `before`): place, chair, recorder, attendance skeleton, agenda titles. Null if none.
 */
export async function copyFromLast(
  db: PartyMinutesDB,
  orgId: string,
  type: MeetingType,
  opts: { before?: string } = {},
): Promise<MeetingPrefill | null> {
  const upper = opts.before ?? '\uffff';
  const last = await db.meetingIndex
    .where('[live+orgId+type+date]')
    .between([1, orgId, type, ''], [1, orgId, type, upper], true, false)
    .last();
  if (!last) return null;
  const src = await db.meetings.get(last.id);
  if (!src) return null;
  return {
    sourceId: src.id,
    place: src.place,
    chairId: src.chairId,
    chairName: src.chairName,
    chairTitle: src.chairTitle,
    recorderId: src.recorderId,
    recorderName: src.recorderName,
    attendance: src.attendance.map((a) => ({ ...a, id: newId(), presence: 'present', reason: '' })),
    agenda: src.agenda.map((a) => ({ id: newId(), title: a.title, speeches: [], decisions: [] })),
  };
}

/** One row for bulkImportMeetings: complete fields, optionally a fixed id. */
export type BulkMeetingInput = MeetingFields & { id?: string };

/**
 * Bulk path (imports, demo data, benchmark): validates and stamps everything in memory first —
 * any invalid row rejects the whole batch with its position — then writes with one bulk write in
 * one transaction. Uses bulkAdd, so an id that already exists aborts the batch instead of
 * overwriting a record. Does not check organisations or running numbers.
 */
export async function bulkImportMeetings(db: PartyMinutesDB, inputs: readonly BulkMeetingInput[], opts?: WriteOptions): Promise<Meeting[]> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  const rows: Meeting[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const { id, ...fields } = inputs[i];
    rows[i] = parseOrThrow(meetingSchema, { ...fields, ...stampMeta(undefined, me, now, id) }, `第 ${i + 1} 条${WHAT}`);
  }
  await db.transaction('rw', db.meetings, db.meetingIndex, async () => {
    await db.meetings.bulkAdd(rows);
  });
  return rows;
}
