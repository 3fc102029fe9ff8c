/**
 * 民主评议党员 repository helpers (domain §2.7, §3.4). Save / delete / restore are the generic ones
 * of records.ts with kind APPRAISALS. One record per organisation per 年度.
 */
import { PARTY_MEMBER_STATUSES, type Appraisal, type AppraisalEntry, type AppraisalFields, type Member, type Organisation } from '../../shared/model';
import type { PartyMinutesDB } from './database';
import { newId, type WriteOptions } from './meta';
import { createRecord, APPRAISALS } from './records';
import { rosterFromMembers } from './roster';
import { DbError } from './validate';

/**
 * Entries for the Party members (正式 / 预备) on the roster of `org` on `date`, with the status they
 * had then (预备党员 are appraised, never graded). 应参评 / 实参评 start at 0: the secretary types
 * them from the mark sheets (who rated depends on who attended the 测评, not on the roster).
 */
export function appraisalEntriesFor(org: Pick<Organisation, 'id' | 'level'>, members: readonly Member[], date: string): AppraisalEntry[] {
  return rosterFromMembers(members, org, date)
    .filter((r) => PARTY_MEMBER_STATUSES.includes(r.status))
    .map((r) => ({
      id: newId(),
      memberId: r.member.id,
      name: r.member.name,
      status: r.status,
      selfAppraisal: '',
      selfDone: false,
      peerComments: [],
      shouldRate: 0,
      didRate: 0,
      votes: { excellent: 0, qualified: 0, basic: 0, unqualified: 0 },
      finalGrade: null,
      gradeReason: '',
      feedbackBy: '',
      feedbackDate: undefined,
      followUp: '',
    }));
}

/** The live appraisal of an organisation for a 年度, if any. */
export async function getAppraisalFor(db: PartyMinutesDB, orgId: string, annualYear: number): Promise<Appraisal | undefined> {
  const rows = await db.appraisals.where('annualYear').equals(annualYear).toArray();
  return rows.find((a) => a.orgId === orgId && !a.deletedAt);
}

/** New 民主评议 of `orgId` for `annualYear`, entries from the roster on `date`. One per org and year. */
export async function createAppraisal(db: PartyMinutesDB, orgId: string, annualYear: number, date: string, opts?: WriteOptions): Promise<Appraisal> {
  const [org, members, existing] = await db.transaction('r', db.organisations, db.members, db.appraisals, async () =>
    Promise.all([db.organisations.get(orgId), db.members.toArray(), getAppraisalFor(db, orgId, annualYear)]),
  );
  if (!org || org.deletedAt) throw new DbError('找不到该党组织，或该组织已删除，请重新选择');
  if (org.level !== 'branch' && org.level !== 'group') throw new DbError('民主评议党员以党支部为单位开展，请选择党支部');
  if (existing) throw new DbError(`${org.name} ${annualYear} 年度已有民主评议记录，请打开该记录继续填写`);
  const fields: AppraisalFields = {
    orgId,
    annualYear,
    date,
    meetingId: null,
    entries: appraisalEntriesFor(org, members, date),
    committeeRating: [],
    classification: { level: 'internal', years: null },
    status: 'draft',
  };
  return createRecord(db, APPRAISALS, fields, opts);
}
