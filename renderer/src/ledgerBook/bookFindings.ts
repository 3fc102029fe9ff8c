/**
 * The 合订本's appendix: the period's findings of the checks engine (shared/checks runChecks) for the
 * book's organisation, with the unit's check settings, as the 工作台 shows them. Only who/when of
 * talks goes in (never their contents); findings of periods outside the book are left out.
 */
import { checkCategory, meetingFacts, periodsOfYear, runChecks, type CheckCategory, type Finding, type Period } from '../../../shared/checks';
import { MEETING_TYPE_LABELS, type Meeting } from '../../../shared/model';
import { formatChineseDate } from '../../../shared/format';
import { periodRange, type AppendixFinding, type BookPeriod } from '../../../shared/word/ledgerBook';
import { getSettings, listMembers, listOrganisations, type PartyMinutesDB } from '../../db';
import { getCheckSettings } from '../../db/checkSettings';

const CATEGORY_LABELS: Record<CheckCategory, string> = {
  calendar: '会议频次',
  attendance: '出勤与表决',
  completeness: '记录完整性',
  life: '组织生活会',
  appraisal: '民主评议',
  rectification: '整改落实',
  roster: '党员队伍',
  quality: '质量提示',
};

function periodsByKey(year: number): Map<string, Period> {
  const all = (['month', 'quarter', 'half', 'year'] as const).flatMap((k) => periodsOfYear(k, year));
  return new Map(all.map((p) => [p.key, p]));
}

/** Findings of the book's period, in the appendix's shape (errors first, then by check number). */
export function toAppendix(findings: readonly Finding[], book: BookPeriod, meetingsById: ReadonlyMap<string, Meeting>): AppendixFinding[] {
  const { from, to } = periodRange(book);
  const periods = periodsByKey(book.year);
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return findings
    .filter((f) => {
      const p = f.period ? periods.get(f.period) : undefined;
      if (p) return p.from >= from && p.to <= to;
      const m = f.recordRef?.table === 'meetings' ? meetingsById.get(f.recordRef.id) : undefined;
      return m ? m.date >= from && m.date <= to : !book.quarter;
    })
    .sort((a, b) => rank[a.severity] - rank[b.severity] || a.checkId - b.checkId)
    .map((f) => {
      const m = f.recordRef?.table === 'meetings' ? meetingsById.get(f.recordRef.id) : undefined;
      const where = m ? `${formatChineseDate(m.date)}${MEETING_TYPE_LABELS[m.type]}` : f.period ? (periods.get(f.period)?.label ?? f.period) : '';
      return { severity: f.severity, check: `${CATEGORY_LABELS[checkCategory(f.checkId)]}（第 ${f.checkId} 项）`, message: f.message, where };
    });
}

export async function loadBookFindings(db: PartyMinutesDB, orgId: string, book: BookPeriod, today: string): Promise<AppendixFinding[]> {
  const year = book.year;
  const [organisations, members, unit, settings, rows, talks, appraisals, rectifications] = await Promise.all([
    listOrganisations(db),
    listMembers(db),
    getSettings(db),
    getCheckSettings(db),
    db.meetingIndex.where('[live+orgId+date]').between([1, orgId, `${year - 1}-01-01`], [1, orgId, `${year + 1}-12-31`], true, true).toArray(),
    db.talks.where('orgId').equals(orgId).toArray(),
    db.appraisals.where('orgId').equals(orgId).toArray(),
    db.rectifications.where('orgId').equals(orgId).toArray(),
  ]);
  const meetings = (await db.meetings.bulkGet(rows.map((r) => r.id))).filter((m): m is Meeting => !!m && !m.deletedAt);
  const result = runChecks(
    {
      year,
      organisations,
      members,
      meetings: meetings.map(meetingFacts),
      talks: talks
        .filter((t) => !t.deletedAt)
        .map((t) => ({
          id: t.id,
          orgId: t.orgId,
          date: t.date,
          type: t.type,
          deletedAt: t.deletedAt,
          lifeMeetingId: t.lifeMeetingId,
          // Who talked with whom (names, posts): never the talk's contents.
          interviewer: t.interviewer,
          interviewees: t.interviewees,
        })),
      appraisals: appraisals.filter((a) => !a.deletedAt),
      rectifications: rectifications.filter((r) => !r.deletedAt),
      unit,
      orgIds: [orgId],
      tzOffsetMinutes: -new Date().getTimezoneOffset(),
    },
    settings,
    today,
  );
  return toAppendix(result.findings.filter((f) => f.orgId === orgId), book, new Map(meetings.map((m) => [m.id, m])));
}
