/**
 * 谈心谈话 coverage for an open 组织生活会 (domain §5.2 item 24): the branch's talks in the window of
 * `talkWindowDays` before the meeting date, so the editor's checks can say who still owes whom a talk.
 * Only for a 组织生活会 of a 党支部; other meetings get undefined (the check is skipped).
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Meeting, Member, Organisation } from '../../../../shared/model';
import { talkCoverage, windowBefore, type TalkCoverage } from '../../../../shared/rules/talkCoverage';
import { listTalks, type PartyMinutesDB } from '../../../db';

export function useLifeTalkCoverage(
  db: PartyMinutesDB,
  meeting: Pick<Meeting, 'type' | 'date' | 'orgId'> | null | undefined,
  org: Organisation | undefined,
  members: readonly Member[] | undefined,
  windowDays: number,
): TalkCoverage | undefined {
  const applies = meeting?.type === 'life_meeting' && org?.level === 'branch';
  const date = applies ? meeting?.date : undefined;
  const window = useMemo(() => (date ? windowBefore(date, windowDays) : null), [date, windowDays]);
  const talks = useLiveQuery(
    () => (window && org ? listTalks(db, { orgId: org.id, from: window.from, to: window.to }) : Promise.resolve(undefined)),
    [db, org?.id, window?.from, window?.to],
  );
  return useMemo(() => (window && org && members && talks ? talkCoverage({ org, members, talks }, window) : undefined), [window, org, members, talks]);
}
