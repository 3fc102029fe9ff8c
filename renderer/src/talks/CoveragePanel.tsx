/**
 * 谈心谈话覆盖情况: who has talked with whom in a year, or in the window of `talkWindowDays` days
 * before a 组织生活会 (单位设置). Gaps link straight to a pre-filled new talk record.
 */
import { useMemo, useState } from 'react';
import { Alert, Empty, Radio, Select, Space, Spin, Statistic, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { talkCoverage, windowBefore, yearWindow, type CoverageRole, type TalkCoverage } from '../../../shared/rules/talkCoverage';
import { getSettings, listMembers, listRecords, TALKS } from '../../db';
import { useDb } from '../dbContext';
import { navigate } from '../router';
import { formatShortDate } from '../common/dates';
import { CoverageMatrix } from './CoverageMatrix';
import { lifeMeetingLabel, useLifeMeetings } from './useLifeMeetings';

const THIS_YEAR = new Date().getFullYear();

export type GapKind = 'secretary_committee' | 'secretary_member' | 'committee_committee' | 'member_peer';
export const GAP_KIND_LABELS: Record<GapKind, string> = {
  secretary_committee: '书记与支委',
  secretary_member: '书记与党员',
  committee_committee: '支委之间',
  member_peer: '党员之间（每人至少一次）',
};

/** Gaps counted by pairing kind, for the summary line. */
export function gapCounts(cov: TalkCoverage): Record<GapKind, number> {
  const role = new Map(cov.people.map((p) => [p.id, p.role]));
  const out: Record<GapKind, number> = { secretary_committee: 0, secretary_member: 0, committee_committee: 0, member_peer: 0 };
  for (const g of cov.gaps) {
    if (g.kind === 'peer') {
      out.member_peer++;
      continue;
    }
    const rs = [role.get(g.a), role.get(g.b)] as CoverageRole[];
    if (rs.includes('secretary')) out[rs.includes('committee') ? 'secretary_committee' : 'secretary_member']++;
    else out.committee_committee++;
  }
  return out;
}

export function CoveragePanel({ orgId }: { orgId: string | null }) {
  const db = useDb();
  const [mode, setMode] = useState<'year' | 'meeting'>('year');
  const [year, setYear] = useState(THIS_YEAR);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const lifeMeetings = useLifeMeetings(orgId);
  const data = useLiveQuery(async () => {
    if (!orgId) return null;
    const [org, members, talks, settings] = await Promise.all([db.organisations.get(orgId), listMembers(db), listRecords(db, TALKS), getSettings(db)]);
    return org ? { org, members, talks, windowDays: settings.talkWindowDays } : null;
  }, [db, orgId]);

  const meeting = mode === 'meeting' ? (lifeMeetings ?? []).find((m) => m.id === (meetingId ?? lifeMeetings?.[0]?.id)) : undefined;
  const window = useMemo(() => {
    if (mode === 'year') return yearWindow(year);
    if (meeting && data) return windowBefore(meeting.date, data.windowDays);
    return null;
  }, [mode, year, meeting, data]);
  const cov = useMemo(() => (data && window ? talkCoverage({ org: data.org, members: data.members, talks: data.talks }, window) : null), [data, window]);
  const talkById = useMemo(() => new Map((data?.talks ?? []).map((t) => [t.id, t])), [data]);

  if (!orgId) return <Empty description="请先在上方选择党支部，再查看谈话覆盖情况" />;
  if (data === undefined) return <Spin />;
  const counts = cov ? gapCounts(cov) : null;
  const openNew = (query: Record<string, string>) =>
    navigate({ name: 'talk', id: 'new' }, { org: orgId, ...(meeting ? { lifeMeeting: meeting.id } : {}), ...query });

  return (
    <div className="pm-coverage">
      <div className="pm-talks-filters">
        <Space wrap>
          <Radio.Group
            aria-label="统计范围"
            optionType="button"
            value={mode}
            onChange={(e) => setMode(e.target.value as 'year' | 'meeting')}
            options={[
              { value: 'year', label: '按年度' },
              { value: 'meeting', label: '按组织生活会' },
            ]}
          />
          {mode === 'year' ? (
            <Select
              aria-label="覆盖年度"
              value={year}
              style={{ width: 110 }}
              options={Array.from({ length: 6 }, (_, i) => THIS_YEAR - i).map((y) => ({ value: y, label: `${y}年` }))}
              onChange={setYear}
            />
          ) : (
            <Select
              aria-label="组织生活会"
              style={{ width: 240 }}
              value={meeting?.id}
              placeholder="本组织还没有组织生活会记录"
              options={(lifeMeetings ?? []).map((r) => ({ value: r.id, label: lifeMeetingLabel(r) }))}
              onChange={setMeetingId}
            />
          )}
          {window && (
            <Typography.Text type="secondary">
              统计 {formatShortDate(window.from)}–{formatShortDate(window.to)} 的谈话
              {mode === 'meeting' && data ? `（会前 ${data.windowDays} 天，可在“单位设置”中修改）` : ''}
            </Typography.Text>
          )}
        </Space>
      </div>
      {!cov ? (
        <Empty description="请选择一次组织生活会" />
      ) : cov.people.length === 0 ? (
        <Empty description="该组织在这段时间没有党员，请先在“党员花名册”中录入" />
      ) : (
        <>
          <div className="pm-coverage-summary" aria-label="覆盖情况汇总">
            <Statistic title="应谈（书记、支委）" value={cov.summary.requiredPairs} suffix="对" />
            <Statistic title="已谈" value={cov.summary.coveredPairs} suffix="对" />
            <Statistic title="未谈" value={cov.summary.gapPairs} suffix="对" styles={{ content: { color: cov.summary.gapPairs ? '#cf1322' : undefined } }} />
            <Statistic title="党员互谈已覆盖" value={`${cov.summary.peerMet}/${cov.summary.peerRequired}`} suffix="人" />
            <div className="pm-gap-kinds">
              {counts &&
                (Object.keys(GAP_KIND_LABELS) as GapKind[]).map((k) => (
                  <div key={k} className={counts[k] ? 'pm-gap-kind pm-gap-kind-bad' : 'pm-gap-kind'}>
                    {GAP_KIND_LABELS[k]}：{counts[k] ? `缺 ${counts[k]}` : '已齐'}
                  </div>
                ))}
            </div>
          </div>
          {cov.summary.complete && <Alert type="success" showIcon title="谈心谈话已全部覆盖" style={{ marginBottom: 8 }} />}
          <CoverageMatrix cov={cov} talkById={talkById} onGap={(a, b) => openNew({ interviewer: a, interviewee: b })} />
          {cov.gaps.length > 0 && (
            <section className="pm-gap-list" aria-label="未谈清单">
              <Typography.Title level={5}>未谈清单（{cov.gaps.length}）</Typography.Title>
              <ol>
                {cov.gaps.map((g) => (
                  <li key={g.kind === 'pair' ? `${g.a}-${g.b}` : g.personId}>
                    <a
                      href="#/talks"
                      onClick={(e) => {
                        e.preventDefault();
                        openNew(g.kind === 'pair' ? { interviewer: g.a, interviewee: g.b } : { interviewer: g.personId });
                      }}
                    >
                      {g.message}
                    </a>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </>
      )}
    </div>
  );
}
