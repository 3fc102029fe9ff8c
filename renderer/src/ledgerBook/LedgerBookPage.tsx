/**
 * 台账合订本 (issue #6): choose an organisation and a quarter or year; the page lists the records of
 * that period (meetings, 谈心谈话, 民主评议测评汇总表, 整改台账) and binds them into one .docx (cover,
 * contents, every record in date order, the check results as an appendix). The book is built in a Web Worker with progress per record and a 取消
 * button; the window stays usable meanwhile.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Progress, Radio, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { BookOutlined, StopOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { CLASSIFICATION_LABELS, NATIONAL_SECRET_LEVELS, RECORD_STATUS_LABELS } from '../../../shared/model';
import { DOCUMENT_LAYOUT_LABELS, type DocumentLayout } from '../../../shared/model/documentProfile';
import { formatChineseDate } from '../../../shared/format';
import { periodLabel, type BookPeriod } from '../../../shared/word/ledgerBook';
import { getDocumentProfile } from '../../db';
import { todayLocal } from '../../db/meta';
import { getHost } from '../../host';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';
import { OrgTreeSelect } from '../common/OrgTreeSelect';
import { useOrganisations } from '../common/useOrganisations';
import { loadBookFindings } from './bookFindings';
import { bookFileName, bookRecordCount, loadBookInput, PAGE_ESTIMATE_MAX_RECORDS, periodBookRows, type BookListRow } from './bookData';
import { BookCancelled, type BookProgress } from './bookTypes';
import { runLedgerBook, type BookRun } from './runBook';

type PeriodKey = 'year' | '1' | '2' | '3' | '4';
const PERIOD_OPTIONS: { value: PeriodKey; label: string }[] = [
  { value: 'year', label: '全年' },
  { value: '1', label: '一季度' },
  { value: '2', label: '二季度' },
  { value: '3', label: '三季度' },
  { value: '4', label: '四季度' },
];

const PHASE_TEXT: Record<BookProgress['phase'], string> = {
  records: '正在排版记录',
  pages: '正在计算目录页码',
  pack: '正在生成文件',
};

export interface LedgerBookPageProps {
  /** Tests: run on the main thread (the fallback path) instead of a worker. */
  forceMainThread?: boolean;
}

export function LedgerBookPage({ forceMainThread }: LedgerBookPageProps = {}) {
  const db = useDb();
  const { message } = App.useApp();
  const orgs = useOrganisations();
  const thisYear = Number(todayLocal().slice(0, 4));
  const [orgId, setOrgId] = useState<string | undefined>();
  const [year, setYear] = useState(thisYear);
  const [periodKey, setPeriodKey] = useState<PeriodKey>('year');
  const [layout, setLayout] = useState<DocumentLayout | null>(null);
  const [withChecks, setWithChecks] = useState(true);
  const [progress, setProgress] = useState<BookProgress | null>(null);
  const [running, setRunning] = useState(false);
  const run = useRef<BookRun | null>(null);

  const period: BookPeriod = useMemo(() => (periodKey === 'year' ? { year } : { year, quarter: Number(periodKey) as 1 | 2 | 3 | 4 }), [year, periodKey]);

  // First branch by default; the profile's layout by default.
  useEffect(() => {
    if (!orgId && orgs?.list.length) setOrgId((orgs.list.find((o) => o.level === 'branch') ?? orgs.list[0]).id);
  }, [orgs, orgId]);
  useEffect(() => {
    if (layout) return;
    getDocumentProfile(db).then(
      (p) => setLayout((l) => l ?? p.defaultLayout),
      () => setLayout((l) => l ?? 'gongwen'),
    );
  }, [db, layout]);
  // A build still running when the page is left is stopped.
  useEffect(() => () => run.current?.cancel(), []);

  const rows = useLiveQuery(async () => (orgId ? periodBookRows(db, orgId, period, todayLocal()) : []), [db, orgId, period]);
  const drafts = rows?.filter((r) => r.draft).length ?? 0;
  const secret = rows?.some((r) => NATIONAL_SECRET_LEVELS.includes(r.level)) ?? false;

  const build = useCallback(async () => {
    if (!orgId || running) return;
    setRunning(true);
    setProgress(null);
    try {
      const findings = withChecks ? await loadBookFindings(db, orgId, period, todayLocal()) : null;
      const input = await loadBookInput(db, orgId, period, { layout: layout ?? 'gongwen', findings });
      if (bookRecordCount(input) === 0) {
        message.warning(`${periodLabel(period)}没有可装订的记录。请换一个时段，或先录入记录。`);
        return;
      }
      const r = runLedgerBook(input, setProgress, { forceMainThread });
      run.current = r;
      const bytes = await r.result;
      const saved = await getHost().saveFile({ suggestedName: bookFileName(input), kind: 'docx', bytes });
      if (saved.saved) message.success(`已生成合订本：${saved.fileName ?? bookFileName(input)}`);
    } catch (e) {
      if (e instanceof BookCancelled) message.info('已取消生成合订本，未保存任何文件。');
      else message.error(errorText(e, '生成合订本'));
    } finally {
      run.current = null;
      setRunning(false);
      setProgress(null);
    }
  }, [db, forceMainThread, layout, message, orgId, period, running, withChecks]);

  const columns: TableColumnsType<BookListRow> = [
    { title: '序号', width: 64, align: 'center', render: (_v, _r, i) => i + 1 },
    { title: '日期', dataIndex: 'date', width: 140, render: (d: string) => formatChineseDate(d) },
    { title: '记录', render: (_v, r) => (r.landscape ? `${r.label}　（横排）` : r.label) },
    {
      title: '状态',
      width: 90,
      render: (_v, r) => <Tag color={r.draft ? 'orange' : 'green'}>{RECORD_STATUS_LABELS[r.draft ? 'draft' : 'final']}</Tag>,
    },
    { title: '密级', width: 80, render: (_v, r) => (r.level === 'none' ? '' : CLASSIFICATION_LABELS[r.level]) },
  ];

  const pct = progress ? Math.round((progress.done / Math.max(progress.total, 1)) * (progress.phase === 'records' ? 90 : 95)) : 0;

  if (orgs && orgs.list.length === 0) {
    return (
      <Flex vertical gap={12}>
        <Typography.Title level={3}>台账合订本</Typography.Title>
        <Empty description="还没有党组织。请先在“组织架构”中建立党组织并录入会议记录。" />
      </Flex>
    );
  }

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        台账合订本
      </Typography.Title>
      <Card size="small">
        <Flex vertical gap={12}>
          <Space wrap size={[16, 8]}>
            <Space>
              <span>党组织</span>
              <OrgTreeSelect aria-label="合订本的党组织" value={orgId} onChange={setOrgId} style={{ width: 240 }} disabled={running} />
            </Space>
            <Space>
              <span>年度</span>
              <Select
                aria-label="合订本年度"
                value={year}
                onChange={setYear}
                disabled={running}
                style={{ width: 110 }}
                options={Array.from({ length: 11 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))}
              />
            </Space>
            <Segmented aria-label="时段" value={periodKey} onChange={(v) => setPeriodKey(v as PeriodKey)} options={PERIOD_OPTIONS} disabled={running} />
          </Space>
          <Space wrap size={[16, 8]}>
            <span>会议记录版式</span>
            <Radio.Group
              value={layout}
              onChange={(e) => setLayout(e.target.value as DocumentLayout)}
              disabled={running}
              options={(['gongwen', 'table'] as const).map((l) => ({ value: l, label: DOCUMENT_LAYOUT_LABELS[l] }))}
            />
            <Checkbox checked={withChecks} onChange={(e) => setWithChecks(e.target.checked)} disabled={running}>
              附本期检查结果
            </Checkbox>
          </Space>
          <Typography.Text type="secondary">
            合订本依次包含：封面、目录（含页码）、本期全部记录（会议记录、谈心谈话记录表、民主评议测评汇总表、整改台账，按日期排序，每份另起一页；整改台账排在时段末，测评汇总表和整改台账为横排页）、检查结果附件；页码从目录页起连续编排。
          </Typography.Text>
          {(rows?.length ?? 0) > PAGE_ESTIMATE_MAX_RECORDS && (
            <Alert
              type="info"
              showIcon
              title={`本期记录超过 ${PAGE_ESTIMATE_MAX_RECORDS} 份：目录列出全部条目，页码在用 Word 或 WPS 打开时自动更新（WPS/Word 询问“是否更新域”时选“是”）。`}
            />
          )}
          {drafts > 0 && <Alert type="warning" showIcon title={`本期有 ${drafts} 份记录尚未定稿，合订本中将在其目录条目后标注“（草稿）”。`} />}
          {secret && (
            <Alert
              type="error"
              showIcon
              title="本期含有国家秘密（★）记录：封面将标注最高密级。请按本单位涉密载体管理规定保存和传递合订本，不得存入非涉密 U 盘或通过互联网传输。"
            />
          )}
          <Flex gap={12} align="center" wrap>
            <Button type="primary" icon={<BookOutlined />} onClick={() => void build()} loading={running && !progress} disabled={!orgId || running || !rows?.length}>
              生成合订本（{rows?.length ?? 0} 份记录）
            </Button>
            {running && (
              <Button icon={<StopOutlined />} onClick={() => run.current?.cancel()} danger>
                取消
              </Button>
            )}
          </Flex>
          {running && progress && (
            <div role="status" aria-live="polite">
              <Progress percent={pct} status="active" />
              <Typography.Text>
                {PHASE_TEXT[progress.phase]}
                {progress.phase === 'records' ? `：第 ${progress.done} / ${progress.total} 份　${progress.label}` : '，请稍候……'}
              </Typography.Text>
            </div>
          )}
        </Flex>
      </Card>
      <Card size="small" title={`${periodLabel(period)}的记录`}>
        <Table<BookListRow>
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={rows ?? []}
          loading={!rows}
          pagination={{ pageSize: 15, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: `${periodLabel(period)}还没有可装订的记录` }}
        />
      </Card>
    </Flex>
  );
}
