/**
 * 工作台: the year at a glance for the chosen organisations — which 三会一课, 主题党日 and annual
 * meetings are held, due or overdue (grid), and what blocks (lists below). Every cell opens its
 * records or starts the missing one pre-filled; every finding links to where it is fixed.
 * 机关党委 sees every organisation in the database, including those that came by transfer file.
 */
import { useMemo, useState } from 'react';
import { Alert, Card, Empty, Flex, Select, Spin, Statistic, TreeSelect, Typography } from 'antd';
import type { ObligationCell } from '../../../shared/checks';
import type { Organisation } from '../../../shared/model';
import { todayString } from '../common/dates';
import { orgTreeData } from '../common/OrgTreeSelect';
import { useOrganisations } from '../common/useOrganisations';
import { NewMeetingDialog, type NewMeetingDefaults } from '../meetingList/NewMeetingDialog';
import { navigate, routeHref } from '../router';
import { OBLIGATION_MEETING_TYPE, suggestedDate } from './actions';
import { CellDrawer } from './CellDrawer';
import { AllFindings, BlockingLists } from './FindingsPanel';
import { Legend, ObligationGrid, type OrgSummary } from './ObligationGrid';
import { useDashboard } from './useDashboard';
import './dashboard.css';

export function DashboardPage() {
  const today = todayString();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [picked, setPicked] = useState<string[]>([]);
  const orgIndex = useOrganisations();

  // A picked organisation brings everything under it (a branch → its 党小组).
  const orgIds = useMemo(() => {
    if (!orgIndex || picked.length === 0) return undefined;
    const out = new Set<string>();
    const walk = (id: string) => {
      if (out.has(id)) return;
      out.add(id);
      for (const c of orgIndex.childrenOf.get(id) ?? []) walk(c.id);
    };
    picked.forEach(walk);
    return [...out];
  }, [orgIndex, picked]);

  const state = useDashboard(year, orgIds, today);
  const [open, setOpen] = useState<ObligationCell | null>(null);
  const [newMeeting, setNewMeeting] = useState<(NewMeetingDefaults & { key: number }) | null>(null);

  const orgName = (id: string) => orgIndex?.byId.get(id)?.name ?? '（已删除的组织）';
  const treeData = useMemo(() => (orgIndex ? orgTreeData(orgIndex) : []), [orgIndex]);

  const view = useMemo(() => {
    if (!state) return null;
    const { result } = state;
    const summaries = new Map<string, OrgSummary>();
    const sum = (id: string) => {
      let s = summaries.get(id);
      if (!s) summaries.set(id, (s = { overdue: 0, errors: 0, warnings: 0 }));
      return s;
    };
    let due = 0;
    let held = 0;
    let overdue = 0;
    for (const c of result.cells) {
      if (c.state === 'overdue') {
        overdue++;
        sum(c.orgId).overdue++;
      }
      if (c.state === 'held' || c.state === 'overdue') due++;
      if (c.state === 'held') held++;
    }
    let errors = 0;
    let warnings = 0;
    for (const f of result.findings) {
      if (f.code === 'CALENDAR_MISSING') continue; // counted as overdue cells
      if (f.severity === 'error') {
        errors++;
        sum(f.orgId).errors++;
      } else if (f.severity === 'warning') {
        warnings++;
        sum(f.orgId).warnings++;
      }
    }
    const orgs = result.orgIds.map((id) => state.data.input.organisations.find((o) => o.id === id)).filter((o): o is Organisation => !!o);
    return { summaries, due, held, overdue, errors, warnings, orgs };
  }, [state]);

  const startNew = (cell: ObligationCell) => {
    setOpen(null);
    if (cell.obligation === 'appraisal') {
      // The 民主评议 page creates the record (it picks the members of the 年度 itself).
      navigate({ name: 'appraisals' }, { org: cell.orgId, year: cell.period });
      return;
    }
    const type = OBLIGATION_MEETING_TYPE[cell.obligation];
    const annual = cell.obligation === 'life_meeting' || cell.obligation === 'democratic_life';
    setNewMeeting({
      key: Date.now(),
      defaultOrgId: cell.orgId,
      defaultType: type,
      defaultDate: suggestedDate(cell, today),
      defaultAnnualYear: annual ? Number(cell.period) : undefined,
    });
  };

  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);

  return (
    <Flex vertical gap={16} className="pm-dash">
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          工作台
        </Typography.Title>
        <Select aria-label="年度" value={year} onChange={setYear} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        <TreeSelect
          aria-label="党组织"
          treeData={treeData}
          value={picked}
          onChange={(v) => setPicked(v as string[])}
          treeCheckable
          showCheckedStrategy={TreeSelect.SHOW_PARENT}
          treeDefaultExpandAll
          placeholder="全部党组织"
          allowClear
          maxTagCount={3}
          style={{ minWidth: 280, maxWidth: 560 }}
          showSearch={{ treeNodeFilterProp: 'title' }}
        />
        {state && !state.complete && (
          <Typography.Text type="secondary">
            <Spin size="small" /> 正在检查每份记录…
          </Typography.Text>
        )}
      </Flex>

      {!state || !view ? (
        <Spin style={{ marginTop: 60 }} />
      ) : view.orgs.length === 0 ? (
        <Empty description="还没有党组织">
          <a href={routeHref({ name: 'organisations' })}>到“组织架构”建立党组织</a>
        </Empty>
      ) : (
        <>
          <Flex gap={12} wrap className="pm-dash-totals">
            <Card size="small">
              <Statistic title="党组织" value={view.orgs.length} suffix="个" />
            </Card>
            <Card size="small">
              <Statistic title="到期应开展 / 已开展" value={`${view.due} / ${view.held}`} />
            </Card>
            <Card size="small" className={view.overdue ? 'pm-total-bad' : ''}>
              <Statistic title="逾期未开展" value={view.overdue} suffix="项" />
            </Card>
            <Card size="small" className={view.errors ? 'pm-total-bad' : ''}>
              <Statistic title="错误" value={view.errors} suffix="项" />
            </Card>
            <Card size="small">
              <Statistic title="需注意" value={view.warnings} suffix="项" />
            </Card>
          </Flex>
          {year > thisYear && <Alert type="info" showIcon title={`${year}年尚未开始，表中显示各项事项的应开展时间`} />}
          <Legend />
          <ObligationGrid orgs={view.orgs} cells={state.result.cells} summaries={view.summaries} onOpen={setOpen} />
          <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
            待处理事项
          </Typography.Title>
          <BlockingLists findings={state.result.findings} orgName={orgName} />
          <AllFindings findings={state.result.findings} orgName={orgName} />
        </>
      )}

      <CellDrawer
        cell={open}
        org={open ? orgIndex?.byId.get(open.orgId) : undefined}
        rows={state?.data.rows ?? new Map()}
        appraisals={state?.data.input.appraisals ?? []}
        onClose={() => setOpen(null)}
        onNew={startNew}
      />
      {newMeeting && (
        <NewMeetingDialog
          key={newMeeting.key}
          open
          defaultOrgId={newMeeting.defaultOrgId}
          defaultType={newMeeting.defaultType}
          defaultDate={newMeeting.defaultDate}
          defaultAnnualYear={newMeeting.defaultAnnualYear}
          onClose={() => setNewMeeting(null)}
        />
      )}
    </Flex>
  );
}
