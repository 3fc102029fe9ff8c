/**
 * 民主评议党员: one record per organisation per 年度 (the round held in Jan–Mar still belongs to
 * the previous 年度, domain §5.2 item 7). 新建 snapshots the roster of the branch on the date.
 */
import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Empty, Form, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Appraisal } from '../../../shared/model';
import { checkAppraisal, gradeTotals } from '../../../shared/rules/appraisal';
import { APPRAISALS, createAppraisal, deleteRecordOf, listRecords, restoreRecordOf } from '../../db';
import { useDb, useUnitSettings } from '../dbContext';
import { navigate, useRouteQuery } from '../router';
import { errorText } from '../common/errors';
import { formatShortDate, fromDayjs, toDayjs, todayString } from '../common/dates';
import { OrgTreeSelect } from '../common/OrgTreeSelect';
import { useConfirmDelete } from '../common/useUndo';
import { useOrganisations } from '../common/useOrganisations';

interface Row {
  id: string;
  orgName: string;
  annualYear: number;
  date: string;
  people: number;
  probationary: number;
  excellent: number;
  qualified: number;
  basic: number;
  unqualified: number;
  ungraded: number;
  errors: number;
  warnings: number;
  status: Appraisal['status'];
}

/** The 年度 a round held today most likely belongs to: Jan–Mar → last year. */
export function defaultAnnualYear(today: string): number {
  const y = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) <= 3 ? y - 1 : y;
}

export function AppraisalsPage() {
  const db = useDb();
  const orgs = useOrganisations();
  const confirmDelete = useConfirmDelete();
  // The 工作台 links here with ?org=…&year=… when a branch's 民主评议 is missing: open the new-record
  // dialog for that branch and 年度 straight away.
  const query = useRouteQuery();
  const queryYear = Number(query.get('year'));
  const [orgId, setOrgId] = useState<string | null>(query.get('org'));
  const [creating, setCreating] = useState(() => query.get('org') !== null && Number.isInteger(queryYear) && queryYear > 1949);
  const list = useLiveQuery(() => listRecords(db, APPRAISALS, orgId ?? undefined), [db, orgId]);
  const excellentMaxFraction = useUnitSettings()?.excellentMaxFraction;
  const rows = useMemo<Row[]>(
    () =>
      (list ?? [])
        .map((a) => {
          const t = gradeTotals(a.entries);
          const issues = checkAppraisal(a, { excellentMaxFraction });
          return {
            id: a.id,
            orgName: orgs?.byId.get(a.orgId)?.name ?? '',
            annualYear: a.annualYear,
            date: a.date,
            people: a.entries.length,
            probationary: t.probationary,
            excellent: t.excellent,
            qualified: t.qualified,
            basic: t.basic,
            unqualified: t.unqualified,
            ungraded: t.ungraded,
            errors: issues.filter((i) => i.severity === 'error').length,
            warnings: issues.filter((i) => i.severity === 'warning').length,
            status: a.status,
          };
        })
        .sort((a, b) => b.annualYear - a.annualYear || a.orgName.localeCompare(b.orgName, 'zh-CN')),
    [list, orgs, excellentMaxFraction],
  );
  const remove = (r: Row) =>
    confirmDelete({
      title: `删除 ${r.orgName} ${r.annualYear} 年度民主评议记录？`,
      content: '删除后移到回收站，可以恢复。',
      remove: () => deleteRecordOf(db, APPRAISALS, r.id),
      done: `已删除 ${r.orgName} ${r.annualYear} 年度民主评议记录`,
      undo: () => restoreRecordOf(db, APPRAISALS, r.id),
      refusedTitle: '未能删除',
      action: '删除',
    });

  return (
    <div>
      <div className="pm-talks-top" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          民主评议党员
        </Typography.Title>
        <Space wrap>
          <label htmlFor="appraisals-org">党组织</label>
          <OrgTreeSelect id="appraisals-org" value={orgId} allowClear placeholder="全部党组织" onChange={(v) => setOrgId(v ?? null)} style={{ width: 240 }} />
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            新建年度民主评议
          </Button>
        </Space>
      </div>
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={!list}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有民主评议记录。每个党支部每年度一份，点击“新建年度民主评议”开始" /> }}
        columns={[
          { title: '年度', dataIndex: 'annualYear', width: 90, render: (y: number, r) => <a href={`#/appraisal/${encodeURIComponent(r.id)}`}>{y}年度</a> },
          { title: '党组织', dataIndex: 'orgName' },
          { title: '评议日期', dataIndex: 'date', width: 110, render: (d: string) => formatShortDate(d) },
          { title: '参评', dataIndex: 'people', width: 90, render: (n: number, r) => `${n} 人${r.probationary ? `（预备 ${r.probationary}）` : ''}` },
          {
            title: '评定结果（优秀/合格/基本合格/不合格）',
            key: 'grades',
            render: (_, r) => (
              <span>
                {r.excellent} / {r.qualified} / {r.basic} / {r.unqualified}
                {r.ungraded > 0 && <Typography.Text type="warning"> 未评定 {r.ungraded} 人</Typography.Text>}
              </span>
            ),
          },
          {
            title: '检查',
            key: 'issues',
            width: 150,
            render: (_, r) =>
              r.errors ? <Tag color="red">需修改 {r.errors} 项</Tag> : r.warnings ? <Tag color="orange">待完善 {r.warnings} 项</Tag> : <Tag color="green">已完整</Tag>,
          },
          { title: '状态', dataIndex: 'status', width: 72, render: (s: Appraisal['status']) => <Tag color={s === 'final' ? 'green' : 'blue'}>{s === 'final' ? '定稿' : '草稿'}</Tag> },
          {
            title: '操作',
            key: 'ops',
            width: 70,
            render: (_, r) => (
              <Button size="small" type="text" danger aria-label={`删除 ${r.orgName} ${r.annualYear} 年度民主评议`} icon={<DeleteOutlined aria-hidden />} onClick={() => remove(r)} />
            ),
          },
        ]}
      />
      {creating && (
        <NewAppraisalDialog initialOrg={orgId} initialYear={Number.isInteger(queryYear) && queryYear > 1949 ? queryYear : undefined} onClose={() => setCreating(false)} />
      )}
    </div>
  );
}

function NewAppraisalDialog({ initialOrg, initialYear, onClose }: { initialOrg: string | null; initialYear?: number; onClose: () => void }) {
  const db = useDb();
  const { message } = App.useApp();
  const today = todayString();
  const [orgId, setOrgId] = useState<string | null>(initialOrg);
  const [year, setYear] = useState<number | null>(initialYear ?? defaultAnnualYear(today));
  const [date, setDate] = useState<string>(today);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!orgId) return setError('请选择开展评议的党支部');
    if (!year) return setError('请填写评议年度');
    setBusy(true);
    try {
      const a = await createAppraisal(db, orgId, year, date);
      message.success(`已新建 ${year} 年度民主评议，评议名单取自 ${formatShortDate(date)} 的党员花名册`);
      onClose();
      navigate({ name: 'appraisal', id: a.id });
    } catch (e) {
      setError(errorText(e, '新建民主评议'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="新建年度民主评议" okText="新建" cancelText="取消" onOk={() => void submit()} confirmLoading={busy} onCancel={onClose}>
      <Form layout="vertical" component="div">
        <Form.Item label="党支部" htmlFor="new-appraisal-org" required>
          <OrgTreeSelect id="new-appraisal-org" value={orgId} selectableLevels={['branch']} onChange={(v) => setOrgId(v ?? null)} style={{ width: '100%' }} />
        </Form.Item>
        <Space size={16}>
          <Form.Item label="评议年度" htmlFor="new-appraisal-year" required extra="次年一季度开展的评议仍属上一年度">
            <InputNumber id="new-appraisal-year" min={1949} max={2200} precision={0} value={year} onChange={(v) => setYear(typeof v === 'number' ? v : null)} suffix="年度" />
          </Form.Item>
          <Form.Item label="评议日期" htmlFor="new-appraisal-date" required extra="按此日期的花名册生成评议名单">
            <DatePicker id="new-appraisal-date" allowClear={false} value={toDayjs(date)} onChange={(d) => setDate(fromDayjs(d) ?? today)} />
          </Form.Item>
        </Space>
        {error && (
          <Typography.Text type="danger" role="alert">
            {error}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
