/** Meeting records (三会一课, 主题党日): create, autosave, 定稿 / 重新打开, copy from last, bulk import. */
import {
  COMMITTEE_ROLES,
  isLifeMeetingType,
  LIFE_PREP_KINDS,
  lifeAspectsFor,
  meetingSchema,
  type AgendaItem,
  type AttendanceEntry,
  type Meeting,
  type MeetingFields,
  type MeetingType,
  type LifeBlock,
  type LifeHeldAs,
  type LifeParticipant,
  type Member,
  type Organisation,
  type RecordMeta,
} from '../../shared/model';
import type { PartyMinutesDB } from './database';
import { getInstallationId, newId, nowIso, stampMeta, type WriteOptions } from './meta';
import { buildAttendance, seatsOn } from './roster';
import { getAllLifeAspects } from './settings';
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

function checkOrgForType(org: Organisation | undefined, type: MeetingType, heldAs: LifeHeldAs | null = null): Organisation {
  if (!org || org.deletedAt) throw new DbError('找不到该党组织，或该组织已删除，请重新选择');
  if (type === 'democratic_life') {
    if (org.level === 'group') throw new DbError('民主生活会由领导班子召开，请选择机关党委、党总支或党支部');
    return org;
  }
  if (type === 'life_meeting') {
    if (org.level === 'branch') return org;
    if (org.level === 'group' && heldAs === 'group') return org;
    throw new DbError(
      org.level === 'group'
        ? '在党小组下记录组织生活会时，请将召开形式选为“党小组会”；否则请选择所在党支部'
        : '组织生活会以党支部为单位召开，请先选择党支部',
    );
  }
  if (type === 'group' && org.level !== 'group') throw new DbError('党小组会只能在党小组下记录，请先选择党小组');
  if (type !== 'group' && org.level !== 'branch') throw new DbError('该类会议只能在党支部下记录，请先选择党支部');
  return org;
}

/**
 * 年度 of an annual meeting held on `date`: the calendar year, except that a round held in
 * January–March usually belongs to the previous year (domain §5.2 item 7). The secretary can change it.
 */
export function lifeAnnualYear(date: string): number {
  const y = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) <= 3 ? y - 1 : y;
}

/** An empty `life` block (pure): aspects from the settings of its 年度 when given, else the defaults. */
export function emptyLifeBlock(type: MeetingType, date: string, opts: { aspects?: readonly string[]; heldAs?: LifeHeldAs | null } = {}): LifeBlock {
  const annualYear = lifeAnnualYear(date);
  return {
    annualYear,
    theme: '',
    heldAs: type === 'life_meeting' ? (opts.heldAs ?? 'general_assembly') : null,
    aspects: opts.aspects ? [...opts.aspects] : lifeAspectsFor(undefined, annualYear),
    preparation: LIFE_PREP_KINDS.map((kind) => ({ kind, done: false, note: '', links: [] })),
    lastYearReport: '',
    committeeProblems: [],
    committeePaperReady: false,
    participants: [],
    supervisorName: '',
    supervisorTitle: '',
    supervisorRemarks: '',
    enquiries: '',
  };
}

/**
 * Speaker blocks from the attendance (Party members only, guests never): 书记 (主要负责同志) first,
 * then the committee (班子成员) in seat order, then members in attendance order.
 */
export function lifeParticipantsFrom(
  org: Pick<Organisation, 'committee'>,
  attendance: readonly AttendanceEntry[],
  type: MeetingType,
  date: string,
  makeId: () => string = newId,
): LifeParticipant[] {
  const seats = seatsOn(org, date);
  const seatRank = (memberId: string | null) => {
    const s = memberId ? seats.find((x) => x.memberId === memberId) : undefined;
    return s ? COMMITTEE_ROLES.indexOf(s.role) : COMMITTEE_ROLES.length;
  };
  const team = type === 'democratic_life';
  return attendance
    .filter((e) => e.kind === 'member' && (e.status === null || e.status === 'full' || e.status === 'probationary'))
    .map((e, i) => ({ e, i, k: seatRank(e.memberId) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map(({ e, k }) => {
      const secretary = k === 0 && seats.some((s) => s.role === 'secretary' && s.memberId === e.memberId);
      const committee = k < COMMITTEE_ROLES.length;
      const role: LifeParticipant['role'] = team
        ? secretary ? 'leader' : 'team_member'
        : secretary ? 'secretary' : committee ? 'committee' : 'member';
      return { id: makeId(), memberId: e.memberId, name: e.name, role, paperReady: false, problems: [], criticisms: [], response: '' };
    });
}

/** Attendance a life meeting starts from: the team (committee seats) or the branch / group roster. */
function lifeAttendance(org: Organisation, members: readonly Member[], date: string, type: MeetingType, heldAs: LifeHeldAs | null): AttendanceEntry[] {
  // buildAttendance checks levels for the routine types; a team's seats are read the same way at any level.
  if (type === 'democratic_life') return buildAttendance({ ...org, level: 'branch' }, members, date, 'committee', newId);
  if (org.level === 'group') return buildAttendance(org, members, date, 'group', newId);
  return buildAttendance(org, members, date, heldAs === 'committee' ? 'committee' : 'general_assembly', newId);
}

/** Empty defaults for a new record of `type` (pure). Life meetings get a `life` block (aspects from `opts` or the defaults). */
export function emptyMeetingFields(orgId: string, type: MeetingType, date: string, opts: { aspects?: readonly string[]; heldAs?: LifeHeldAs | null } = {}): MeetingFields {
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
    life: isLifeMeetingType(type) ? emptyLifeBlock(type, date, opts) : null,
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
 * 组织生活会 / 民主生活会: `life` defaults to an empty block whose aspects come from the settings
 * of its 年度 and whose speaker blocks come from the attendance (书记, 支委, 党员); a given
 * `life` is kept as it is, except that empty participants are filled from the attendance.
 */
export async function createMeeting(db: PartyMinutesDB, input: MeetingInput, opts?: WriteOptions): Promise<Meeting> {
  const me = await getInstallationId(db);
  const now = nowIso(opts);
  return db.transaction('rw', [db.meetings, db.meetingIndex, db.organisations, db.members, db.settings], async () => {
    const stored = await db.organisations.get(input.orgId);
    // A 组织生活会 recorded at a 党小组 is held as a 党小组会 unless the caller says otherwise.
    const heldAs = input.life?.heldAs ?? (input.type === 'life_meeting' ? (stored?.level === 'group' ? 'group' : 'general_assembly') : null);
    const org = checkOrgForType(stored, input.type, heldAs);
    const life = isLifeMeetingType(input.type);
    const aspects = life ? lifeAspectsFor(await getAllLifeAspects(db), input.life?.annualYear ?? lifeAnnualYear(input.date)) : undefined;
    const base = emptyMeetingFields(input.orgId, input.type, input.date, { aspects, heldAs });
    const year = input.year ?? base.year;
    const seq = input.seq ?? (await nextRunningNumber(db, input.orgId, input.type, year));
    const attendance =
      input.attendance ??
      (life
        ? lifeAttendance(org, await db.members.toArray(), input.date, input.type, heldAs)
        : buildAttendance(org, await db.members.toArray(), input.date, input.type, newId));
    let lifeBlock = input.life ?? base.life;
    if (lifeBlock && lifeBlock.participants.length === 0) {
      lifeBlock = { ...lifeBlock, participants: lifeParticipantsFrom(org, attendance, input.type, input.date) };
    }
    const m = parseOrThrow(
      meetingSchema,
      { ...base, ...input, year, seq, attendance, life: life ? lifeBlock : (input.life ?? null), ...stampMeta(undefined, me, now) },
      WHAT,
    );
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
