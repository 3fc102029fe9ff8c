/**
 * 谈心谈话 repository helpers (domain §3.2). Create / save / delete / restore are the generic ones
 * of records.ts with kind TALKS; this file adds the queries and the pre-fill of a new talk.
 */
import {
  COMMITTEE_ROLE_LABELS,
  type Member,
  type MemberStatus,
  type Organisation,
  type Talk,
  type TalkFields,
  type TalkParty,
} from '../../shared/model';
import type { PartyMinutesDB } from './database';
import { seatsOn, statusOn } from './roster';

/** 政治面貌 as printed on the talk record. */
export const POLITICAL_STATUS_OF: Record<MemberStatus, string> = {
  full: '中共党员',
  probationary: '中共预备党员',
  candidate: '群众（发展对象）',
  activist: '群众（入党积极分子）',
  applicant: '群众（入党申请人）',
};

export interface ListTalksQuery {
  orgId?: string;
  /** Inclusive YYYY-MM-DD bounds. */
  from?: string;
  to?: string;
  includeDeleted?: boolean;
}

/** Talks of an organisation and/or a date window, by date. */
export async function listTalks(db: PartyMinutesDB, q: ListTalksQuery = {}): Promise<Talk[]> {
  const from = q.from ?? '0000-01-01';
  const to = q.to ?? '9999-12-31';
  const rows = q.orgId !== undefined ? await db.talks.where('orgId').equals(q.orgId).toArray() : await db.talks.where('date').between(from, to, true, true).toArray();
  return rows
    .filter((t) => (q.includeDeleted || !t.deletedAt) && t.date >= from && t.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** Live talks linked to a 组织生活会 / 民主生活会 (lifeMeetingId), by date. */
export async function listTalksForLifeMeeting(db: PartyMinutesDB, meetingId: string): Promise<Talk[]> {
  const rows = await db.talks.where('lifeMeetingId').equals(meetingId).toArray();
  return rows.filter((t) => !t.deletedAt).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** A talk party from a roster member: post from the committee seat on `date`, else 党内职务 / 行政职务. */
export function talkPartyOf(m: Member, org: Pick<Organisation, 'committee' | 'level'> | undefined, date: string): TalkParty {
  const seat = org ? seatsOn(org, date).find((s) => s.memberId === m.id) : undefined;
  const post = seat ? (org?.level === 'group' && seat.role === 'secretary' ? '组长' : COMMITTEE_ROLE_LABELS[seat.role]) : (m.partyPost ?? m.adminPost ?? '');
  return { memberId: m.id, name: m.name, post: post.slice(0, 60), politicalStatus: POLITICAL_STATUS_OF[statusOn(m, date) ?? m.status] };
}

/** Pre-filled fields of a new 个别谈话 (pure): parties from the roster, everything else empty. */
export function newTalkFields(org: Organisation, interviewer: Member, interviewee: Member | readonly Member[], date: string): TalkFields {
  const list = Array.isArray(interviewee) ? (interviewee as readonly Member[]) : [interviewee as Member];
  return {
    orgId: org.id,
    date,
    place: '',
    type: 'routine',
    fiveMust: null,
    form: list.length > 1 ? 'group' : 'individual',
    interviewer: talkPartyOf(interviewer, org, date),
    interviewees: list.map((m) => talkPartyOf(m, org, date)),
    theme: '',
    interviewerPoints: '',
    intervieweePoints: '',
    issues: [],
    criticism: '',
    attitude: '',
    followUps: [],
    recorderName: '',
    signedByBoth: false,
    lifeMeetingId: null,
    classification: { level: 'internal', years: null },
    status: 'draft',
  };
}
