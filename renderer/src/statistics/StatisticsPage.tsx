/**
 * 统计 (issue #6): meetings per month by type, attendance per member and per organisation, and the
 * rectification burn-down for the chosen organisations and year; the 统计表 a higher level asks for
 * export as Word or Excel (domain §5.1: produce the tallies instead of retyping them).
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Dropdown, Empty, Flex, Row, Select, Space, Table, TreeSelect, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { MEETING_TYPE_SHORT, MEETING_TYPES, ROUTINE_MEETING_TYPES, type MeetingType } from '../../../shared/model';
import {
  attendanceByOrg,
  attendanceRates,
  meetingsPerMonth,
  meetingsPerQuarter,
  meetingsQuarterTable,
  memberAttendanceTable,
  monthEnds,
  orgAttendanceTable,
  percent,
  rectificationBurndown,
  rectificationSummary,
  rectificationSummaryTable,
  type MemberAttendance,
  type StatTable,
} from '../../../shared/stats';
import { getDocumentProfile, getSettings } from '../../db';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';
import { useOrganisations } from '../common/useOrganisations';
import { orgTreeData } from '../common/OrgTreeSelect';
import { todayLocal } from '../../db/meta';
import { Chart } from './LazyChart';
import type { ChartOption } from './echarts';
import { loadStatsData, type StatsData } from './statsData';
import { saveStatTables, type StatsFormat } from './statsExport';

/** Members shown in the attendance chart (the table lists everyone). */
const CHART_MEMBERS = 15;
const COLORS = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#91c7ae', '#749f83', '#ca8622'];
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

function yearOptions(current: number) {
  return Array.from({ length: 11 }, (_, i) => current - i).map((y) => ({ value: y, label: `${y}年` }));
}

export function StatisticsPage() {
  const db = useDb();
  const { message } = App.useApp();
  const orgs = useOrganisations();
  const today = todayLocal();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [picked, setPicked] = useState<string[] | null>(null);
  const [data, setData] = useState<StatsData | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);

  // Until the user picks, every organisation is chosen (党小组会 are recorded under their 党小组).
  const orgIds = useMemo(() => picked ?? orgs?.list.map((o) => o.id) ?? [], [orgs, picked]);
  const orgName = useMemo(() => (id: string) => orgs?.byId.get(id)?.name ?? '（已删除的组织）', [orgs]);

  useEffect(() => {
    let live = true;
    if (orgIds.length === 0) {
      setData(null);
      return;
    }
    setLoading(true);
    loadStatsData(db, orgIds, year)
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && message.error(errorText(e, '读取统计数据')))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [db, orgIds, year, message]);

  const perMonth = useMemo(() => (data ? meetingsPerMonth(data.meetings, year) : []), [data, year]);
  const members = useMemo(() => (data ? attendanceRates(data.attendance) : []), [data]);
  const byOrg = useMemo(() => (data ? attendanceByOrg(data.attendance, data.orgIds) : []), [data]);
  // The chart shows organisations that held meetings; the exported table lists every chosen one.
  const byOrgShown = useMemo(() => byOrg.filter((o) => o.expected > 0), [byOrg]);
  const yearEnd = `${year}-12-31`;
  const burndown = useMemo(() => {
    if (!data) return [];
    return rectificationBurndown(data.rectifications, monthEnds(year, today < yearEnd ? today : undefined));
  }, [data, year, today, yearEnd]);

  const monthOption = useMemo<ChartOption>(() => {
    const used = MEETING_TYPES.filter((t) => perMonth.some((m) => m.counts[t] > 0));
    return {
      color: COLORS,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 48, bottom: 28 },
      xAxis: { type: 'category', data: MONTHS },
      yAxis: { type: 'value', minInterval: 1, name: '次' },
      series: used.map((t) => ({ name: MEETING_TYPE_SHORT[t], type: 'bar', stack: 'count', data: perMonth.map((m) => m.counts[t]) })),
    };
  }, [perMonth]);

  const memberOption = useMemo<ChartOption>(() => {
    const shown = members.filter((m) => m.rate !== null).slice(0, CHART_MEMBERS);
    return {
      color: ['#c23531'],
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${Number(v).toFixed(1)}%` },
      grid: { left: 44, right: 16, top: 16, bottom: 60 },
      xAxis: { type: 'category', data: shown.map((m) => m.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', max: 100, name: '%' },
      series: [{ name: '出勤率', type: 'bar', data: shown.map((m) => Number(((m.rate ?? 0) * 100).toFixed(1))) }],
    };
  }, [members]);

  const orgOption = useMemo<ChartOption>(
    () => ({
      color: ['#2f4554'],
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${Number(v).toFixed(1)}%` },
      grid: { left: 44, right: 16, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: byOrgShown.map((o) => orgName(o.orgId)), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', max: 100, name: '%' },
      series: [{ name: '出勤率', type: 'bar', barMaxWidth: 48, data: byOrgShown.map((o) => Number(((o.rate ?? 0) * 100).toFixed(1))) }],
    }),
    [byOrgShown, orgName],
  );

  const burnOption = useMemo<ChartOption>(
    () => ({
      color: ['#c23531', '#d48265', '#91c7ae'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 48, bottom: 28 },
      xAxis: { type: 'category', data: burndown.map((p) => `${Number(p.date.slice(5, 7))}月`) },
      yAxis: { type: 'value', minInterval: 1, name: '项' },
      series: [
        { name: '未完成整改事项', type: 'line', data: burndown.map((p) => p.open) },
        { name: '本月新增', type: 'bar', data: burndown.map((p) => p.raised) },
        { name: '本月完成', type: 'bar', data: burndown.map((p) => p.closed) },
      ],
    }),
    [burndown],
  );

  const memberColumns: TableColumnsType<MemberAttendance> = [
    { title: '姓名', dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    { title: '应参加', dataIndex: 'expected', align: 'center', sorter: (a, b) => a.expected - b.expected },
    { title: '实参加', dataIndex: 'present', align: 'center', sorter: (a, b) => a.present - b.present },
    { title: '请假', dataIndex: 'excused', align: 'center', sorter: (a, b) => a.excused - b.excused },
    { title: '缺席', dataIndex: 'unexcused', align: 'center', sorter: (a, b) => a.unexcused - b.unexcused },
    {
      title: '出勤率',
      dataIndex: 'rate',
      align: 'center',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => (a.rate ?? 1) - (b.rate ?? 1),
      render: (r: number | null) => percent(r),
    },
  ];

  const scope = useMemo(() => {
    if (!orgs) return '';
    const names = orgIds.map(orgName);
    return names.length > 3 ? `${names.slice(0, 3).join('、')}等 ${names.length} 个党组织` : names.join('、');
  }, [orgIds, orgName, orgs]);

  async function exportTables(format: StatsFormat) {
    if (!data) return;
    setExporting(true);
    try {
      const [settings, profile] = await Promise.all([getSettings(db), getDocumentProfile(db)]);
      const unit = settings.unitName.trim();
      const subtitle = `${unit ? `填报单位：${unit}　` : ''}统计范围：${scope}　统计日期：${today}`;
      const types: MeetingType[] = [...ROUTINE_MEETING_TYPES, 'life_meeting'];
      const from = `${year}-01-01`;
      const tables: StatTable[] = [
        meetingsQuarterTable(meetingsPerQuarter(data.meetings, year, data.orgIds, types), orgName, year, subtitle),
        memberAttendanceTable(members, year, subtitle),
        orgAttendanceTable(byOrg, orgName, year, subtitle),
        rectificationSummaryTable(
          rectificationSummary(data.rectifications.filter((r) => !r.closedDate || r.closedDate >= from), data.orgIds, today),
          orgName,
          year,
          subtitle,
        ),
      ];
      const r = await saveStatTables(tables, format, { profile, fileTitle: `${unit}${year}年度党建工作统计表` });
      if (r.saved) message.success(`已导出：${r.fileName ?? '统计表'}`);
    } catch (e) {
      message.error(errorText(e, format === 'docx' ? '导出 Word 统计表' : '导出 Excel 统计表'));
    } finally {
      setExporting(false);
    }
  }

  const treeData = useMemo(() => (orgs ? orgTreeData(orgs) : []), [orgs]);
  const noOrgs = orgs && orgs.list.length === 0;
  const totalMeetings = perMonth.reduce((n, m) => n + m.total, 0);

  return (
    <Flex vertical gap={12}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          统计
        </Typography.Title>
        <Space wrap>
          <TreeSelect
            aria-label="统计的党组织"
            multiple
            treeDefaultExpandAll
            treeData={treeData}
            value={orgIds}
            onChange={(v: string[]) => setPicked(v)}
            placeholder="请选择党组织"
            maxTagCount={3}
            style={{ minWidth: 320 }}
            popupMatchSelectWidth={false}
          />
          <Select aria-label="统计年度" value={year} onChange={setYear} options={yearOptions(Number(today.slice(0, 4)))} style={{ width: 110 }} />
          <Dropdown
            disabled={!data || exporting}
            menu={{
              items: [
                { key: 'docx', icon: <FileWordOutlined />, label: '导出 Word 统计表' },
                { key: 'xlsx', icon: <FileExcelOutlined />, label: '导出 Excel 统计表' },
              ],
              onClick: ({ key }) => void exportTables(key as StatsFormat),
            }}
          >
            <Button icon={<DownloadOutlined />} loading={exporting}>
              导出统计表
            </Button>
          </Dropdown>
        </Space>
      </Flex>
      {noOrgs ? (
        <Empty description="还没有党组织。请先在“组织架构”中建立党组织，再来查看统计。" />
      ) : orgIds.length === 0 && orgs ? (
        <Alert type="info" showIcon title="请在上方选择要统计的党组织。" />
      ) : (
        <>
          <Typography.Text type="secondary">
            {year}年，{scope}：共 {totalMeetings} 次会议，{members.length} 名党员有出勤记录，{data?.rectifications.length ?? 0} 项整改事项。
          </Typography.Text>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <Card size="small" title="会议开展情况（按月、按类型）" loading={loading && !data}>
                <Chart option={monthOption} height={260} label="每月会议次数" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="整改事项销号进度（月末未完成数）" loading={loading && !data}>
                {data && data.rectifications.length === 0 ? (
                  <Empty style={{ height: 236, paddingTop: 48 }} description="所选范围内还没有整改事项" />
                ) : (
                  <Chart option={burnOption} height={260} label="整改销号进度" />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={`党员出勤率（最低的 ${CHART_MEMBERS} 名）`} loading={loading && !data}>
                <Chart option={memberOption} height={260} label="党员出勤率" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="各党组织出勤率" loading={loading && !data}>
                <Chart option={orgOption} height={260} label="各党组织出勤率" />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="党员出勤明细（点击表头排序；请假为因故请假，缺席为未请假缺席）">
            <Table<MemberAttendance>
              size="small"
              rowKey="key"
              columns={memberColumns}
              dataSource={members}
              loading={loading}
              pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
              locale={{ emptyText: '所选范围内还没有会议出勤记录' }}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
