/**
 * Below the grid: what blocks, grouped the way a secretary works through it (quorum errors,
 * absences without reasons, overdue rectifications, talk gaps, 转正, long absences), then every
 * finding in one filterable table. Messages never quote talk or criticism texts (engine rule).
 */
import { useMemo, useState } from 'react';
import { Badge, Card, Collapse, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { checkCategory, type CheckCategory, type Finding, type FindingSeverity } from '../../../shared/checks';
import { recordHref } from './actions';

interface Group {
  key: string;
  title: string;
  hint: string;
  match: (f: Finding) => boolean;
}

export const BLOCKING_GROUPS: Group[] = [
  { key: 'quorum', title: '法定人数与表决', hint: '到会人数不足或票数不符的会议，表决可能无效', match: (f) => f.checkId >= 10 && f.checkId <= 14 && f.severity === 'error' },
  { key: 'reasons', title: '缺席未写原因', hint: '每名缺席、请假人员都应写明原因', match: (f) => f.code === 'ABSENCE_REASON_MISSING' },
  { key: 'rectification', title: '逾期整改事项', hint: '超过完成时限仍未完成的整改事项', match: (f) => f.code === 'RECTIFICATION_OVERDUE' },
  { key: 'talks', title: '组织生活会前谈心谈话', hint: '书记与每名党员、支委之间、党员之间的谈话还缺哪些', match: (f) => f.code === 'TALK_GAP' },
  { key: 'probation', title: '预备党员转正', hint: '预备期届满或即将届满，需召开党员大会讨论转正', match: (f) => f.code === 'PROBATION_DUE' || f.code === 'PROBATION_OVERDUE' },
  { key: 'absent', title: '连续 6 个月未参加组织生活', hint: '按党章第九条须及时谈话了解情况', match: (f) => f.code === 'ABSENT_MONTHS' },
];

export const CATEGORY_LABELS: Record<CheckCategory, string> = {
  calendar: '会议开展',
  attendance: '出席与表决',
  completeness: '记录完整',
  life: '组织生活会',
  appraisal: '民主评议',
  rectification: '整改台账',
  roster: '党员队伍',
  quality: '质量提示',
};

const SEVERITY: Record<FindingSeverity, { label: string; color: string }> = {
  error: { label: '错误', color: 'red' },
  warning: { label: '需注意', color: 'orange' },
  info: { label: '提示', color: 'blue' },
};

const SHOW = 8;

function FindingLine({ f, orgName }: { f: Finding; orgName: string }) {
  const link = recordHref(f);
  // Most messages already start with the organisation's name; add it only when they do not.
  const named = f.message.includes(orgName);
  return (
    <li className="pm-finding">
      {!named && <span className="pm-finding-org">{orgName}</span>}
      <span className="pm-finding-msg">{f.message}</span>
      {link && (
        <a href={link.href} className="pm-finding-link">
          {link.label}
        </a>
      )}
    </li>
  );
}

export function BlockingLists({ findings, orgName }: { findings: Finding[]; orgName: (id: string) => string }) {
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const groups = BLOCKING_GROUPS.map((g) => ({ g, items: findings.filter(g.match) }));
  return (
    <div className="pm-dash-blocking">
      {groups.map(({ g, items }) => (
        <Card
          key={g.key}
          size="small"
          title={
            <Flex gap={8} align="center">
              <span>{g.title}</span>
              <Badge count={items.length} showZero color={items.length ? (g.key === 'quorum' || g.key === 'rectification' ? '#cf1322' : '#d46b08') : '#52c41a'} overflowCount={999} />
            </Flex>
          }
          data-testid={`blocking-${g.key}`}
        >
          {items.length === 0 ? (
            <Typography.Text type="secondary">无</Typography.Text>
          ) : (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {g.hint}
              </Typography.Text>
              <ul className="pm-finding-list">
                {(expanded[g.key] ? items : items.slice(0, SHOW)).map((f, i) => (
                  <FindingLine key={`${f.code}-${f.recordRef?.id ?? ''}-${f.memberId ?? ''}-${f.otherMemberId ?? ''}-${i}`} f={f} orgName={orgName(f.orgId)} />
                ))}
              </ul>
              {items.length > SHOW && (
                <a role="button" tabIndex={0} onClick={() => setExpanded((e) => ({ ...e, [g.key]: !e[g.key] }))} onKeyDown={(e) => e.key === 'Enter' && setExpanded((x) => ({ ...x, [g.key]: !x[g.key] }))}>
                  {expanded[g.key] ? '收起' : `显示全部 ${items.length} 项`}
                </a>
              )}
            </>
          )}
        </Card>
      ))}
    </div>
  );
}

export function AllFindings({ findings, orgName }: { findings: Finding[]; orgName: (id: string) => string }) {
  const [category, setCategory] = useState<CheckCategory | 'all'>('all');
  const [severity, setSeverity] = useState<FindingSeverity | 'all'>('all');
  const rows = useMemo(
    () =>
      findings
        .filter((f) => (category === 'all' || checkCategory(f.checkId) === category) && (severity === 'all' || f.severity === severity))
        .map((f, i) => ({ ...f, key: i })),
    [findings, category, severity],
  );
  if (findings.length === 0) return <Empty description="没有发现问题" />;
  return (
    <Collapse
      items={[
        {
          key: 'all',
          label: `全部检查结果（${findings.length} 项）`,
          children: (
            <Flex vertical gap={8}>
              <Flex gap={8} wrap>
                <Select
                  aria-label="按类别筛选"
                  value={category}
                  onChange={setCategory}
                  style={{ width: 160 }}
                  options={[{ value: 'all', label: '全部类别' }, ...Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))]}
                />
                <Select
                  aria-label="按程度筛选"
                  value={severity}
                  onChange={setSeverity}
                  style={{ width: 120 }}
                  options={[{ value: 'all', label: '全部程度' }, ...Object.entries(SEVERITY).map(([value, s]) => ({ value, label: s.label }))]}
                />
              </Flex>
              <Table
                size="small"
                dataSource={rows}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                columns={[
                  { title: '程度', dataIndex: 'severity', width: 80, render: (s: FindingSeverity) => <Tag color={SEVERITY[s].color}>{SEVERITY[s].label}</Tag> },
                  { title: '类别', dataIndex: 'checkId', width: 100, render: (id: number) => CATEGORY_LABELS[checkCategory(id)] },
                  { title: '组织', dataIndex: 'orgId', width: 120, render: (id: string) => orgName(id) },
                  { title: '问题及处理', dataIndex: 'message' },
                  {
                    title: '',
                    key: 'go',
                    width: 110,
                    render: (_: unknown, f: Finding) => {
                      const link = recordHref(f);
                      return link ? <a href={link.href}>{link.label}</a> : null;
                    },
                  },
                ]}
              />
            </Flex>
          ),
        },
      ]}
    />
  );
}
