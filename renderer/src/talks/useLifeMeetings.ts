/** The 组织生活会 / 民主生活会 of one organisation (light index rows), newest first. */
import { useLiveQuery } from 'dexie-react-hooks';
import { listMeetings, type MeetingListRow } from '../../db';
import { MEETING_TYPE_SHORT } from '../../../shared/model';
import { useDb } from '../dbContext';
import { formatShortDate } from '../common/dates';

export function useLifeMeetings(orgId: string | null | undefined): MeetingListRow[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    if (!orgId) return [];
    const page = await listMeetings(db, { orgId, types: ['life_meeting', 'democratic_life'] }, { offset: 0, limit: 500 });
    return page.rows;
  }, [db, orgId]);
}

/** 2025年12月20日组织生活会 style label for selects and list cells. */
export function lifeMeetingLabel(r: Pick<MeetingListRow, 'type' | 'date'>): string {
  return `${formatShortDate(r.date)} ${MEETING_TYPE_SHORT[r.type]}`;
}
