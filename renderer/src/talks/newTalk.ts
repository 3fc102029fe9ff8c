/**
 * `#/talk/new?…` → a stored talk. The query comes from our own links (coverage matrix, list,
 * member pages) but is still checked: unknown ids are ignored, never trusted.
 */
import type { Member, Talk } from '../../../shared/model';
import { createRecord, DbError, newTalkFields, TALKS, type PartyMinutesDB } from '../../db';
import { todayString } from '../common/dates';

export interface TalkPrefill {
  orgId: string | null;
  interviewerId: string | null;
  intervieweeIds: string[];
  lifeMeetingId: string | null;
  date: string | null;
}

const ID = /^[A-Za-z0-9_-]{8,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function talkPrefillFromQuery(q: URLSearchParams): TalkPrefill {
  const id = (v: string | null) => (v && ID.test(v) ? v : null);
  return {
    orgId: id(q.get('org')),
    interviewerId: id(q.get('interviewer')),
    intervieweeIds: q.getAll('interviewee').flatMap((v) => v.split(',')).map(id).filter((v): v is string => !!v),
    lifeMeetingId: id(q.get('lifeMeeting')),
    date: q.get('date') && DATE.test(q.get('date')!) ? q.get('date') : null,
  };
}

export async function createTalkFromQuery(db: PartyMinutesDB, p: TalkPrefill): Promise<Talk> {
  const date = p.date ?? todayString();
  if (p.interviewerId && p.intervieweeIds.includes(p.interviewerId)) {
    throw new DbError('谈话人和谈话对象不能是同一人，请重新选择谈话对象');
  }
  const [interviewer, ...interviewees] = await Promise.all(
    [p.interviewerId, ...p.intervieweeIds].map(async (id) => {
      const m = id ? await db.members.get(id) : undefined;
      return m && !m.deletedAt ? m : undefined;
    }),
  );
  let orgId = p.orgId;
  if (orgId && !(await db.organisations.get(orgId))) orgId = null;
  orgId ??= interviewer?.branchId ?? interviewees[0]?.branchId ?? null;
  if (!orgId) {
    const branches = (await db.organisations.toArray()).filter((o) => !o.deletedAt && o.level === 'branch');
    if (branches.length === 1) orgId = branches[0].id;
  }
  if (!orgId) throw new DbError('请先在“谈心谈话”页面选择党组织，再新建谈话记录');
  const org = await db.organisations.get(orgId);
  let lifeMeetingId = p.lifeMeetingId;
  if (lifeMeetingId) {
    const lm = await db.meetings.get(lifeMeetingId);
    if (!lm || lm.deletedAt) lifeMeetingId = null;
  }
  if (!interviewer) throw new DbError('花名册中找不到所选的谈话人（可能已删除），请重新选择');
  const people = interviewees.filter((m): m is Member => !!m);
  if (people.length === 0) throw new DbError('花名册中找不到所选的谈话对象（可能已删除），请重新选择');
  if (!org || org.deletedAt) throw new DbError('找不到该党组织，或该组织已删除，请重新选择');
  const fields = { ...newTalkFields(org, interviewer, people, date), lifeMeetingId, type: lifeMeetingId ? ('pre_meeting' as const) : ('routine' as const) };
  return createRecord(db, TALKS, fields);
}
