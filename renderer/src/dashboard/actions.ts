/** What a grid cell or a finding lets the secretary do next: open the record, or start one. */
import type { Finding, ObligationCell, ObligationId } from '../../../shared/checks';
import type { MeetingType } from '../../../shared/model';
import { routeHref } from '../router';

export const OBLIGATION_MEETING_TYPE: Partial<Record<ObligationId, MeetingType>> = {
  committee: 'committee',
  general_assembly: 'general_assembly',
  group: 'group',
  lecture: 'lecture',
  secretary_lecture: 'lecture',
  theme_day: 'theme_day',
  life_meeting: 'life_meeting',
  democratic_life: 'democratic_life',
};

/** A date inside the cell's period for a new record: today when it falls inside, else the nearest end. */
export function suggestedDate(cell: Pick<ObligationCell, 'from' | 'due' | 'period'>, today: string): string {
  const yearEnd = `${cell.period.slice(0, 4)}-12-31`;
  const end = cell.due < yearEnd ? cell.due : yearEnd;
  if (today < cell.from) return cell.from;
  if (today > end) return end;
  return today;
}

export function recordHref(f: Finding): { href: string; label: string } | null {
  if (f.code === 'TALK_GAP') {
    const q: Record<string, string> = { org: f.orgId };
    if (f.otherMemberId) {
      q.interviewer = f.memberId ?? '';
      q.interviewee = f.otherMemberId;
    } else if (f.memberId) q.interviewee = f.memberId;
    if (f.recordRef?.table === 'meetings') q.lifeMeeting = f.recordRef.id;
    return { href: routeHref({ name: 'talk', id: 'new' }, q), label: '记录谈话' };
  }
  if (f.code === 'MOBILE_NO_REPORT' && f.memberId) {
    return { href: routeHref({ name: 'talk', id: 'new' }, { org: f.orgId, interviewee: f.memberId }), label: '记录联系谈话' };
  }
  const ref = f.recordRef;
  if (!ref) return null;
  switch (ref.table) {
    case 'meetings':
      return { href: routeHref({ name: 'meeting', id: ref.id }), label: '打开记录' };
    case 'appraisals':
      return { href: routeHref({ name: 'appraisal', id: ref.id }), label: '打开评议' };
    case 'talks':
      return { href: routeHref({ name: 'talk', id: ref.id }), label: '打开谈话' };
    case 'rectifications':
      return { href: routeHref({ name: 'rectifications' }), label: '打开整改台账' };
    case 'members':
      return { href: routeHref({ name: 'members' }), label: '打开花名册' };
    case 'organisations':
      return { href: routeHref({ name: 'organisations' }), label: '打开组织架构' };
  }
}
