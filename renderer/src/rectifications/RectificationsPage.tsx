/**
 * 整改台账 (domain §3.5, §5.2 items 33–37): the ledger of one organisation and 年度 — or all —
 * filtered by list, person and status (逾期 computed for today), with add / edit, progress,
 * 销号, delete with 撤销, and 结转上年度未完成事项. `#/rectifications?id=…` opens one item.
 */
import { useEffect, useMemo, useState } from 'react';
import { App, Button, InputNumber, Segmented, Select, Space, Table, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  DEADLINE_KIND_LABELS,
  RECTIFICATION_LIST_KIND_LABELS,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  type Rectification,
  type RectificationListKind,
} from '../../../shared/model';
import { checkRectification, EFFECTIVE_STATUSES, effectiveStatus, ledgerOrder, ledgerSummary, percentText, type EffectiveStatus } from '../../../shared/rules/rectification';
import { carryOver, deleteRecordOf, emptyRectificationFields, lifeAnnualYear, listRectifications, RECTIFICATIONS, restoreRecordOf } from '../../db';
import { useDb, useUnitSettings } from '../dbContext';
import { errorText } from '../common/errors';
import { todayString } from '../common/dates';
import { OrgTreeSelect } from '../common/OrgTreeSelect';
import { MemberSelect } from '../common/MemberSelect';
import { useOrganisations } from '../common/useOrganisations';
import { useConfirmDelete } from '../common/useUndo';
import { navigate, useRouteQuery } from '../router';
import { ExportRectificationsButton } from '../wordExport/ExportRectificationsButton';
import { RectificationDrawer } from './RectificationDrawer';
import { StatusTag } from './StatusTag';

type ListFilter = 'all' | RectificationListKind;

export function RectificationsPage() {
  const db = useDb();
  const { message, modal } = App.useApp();
  const confirmDelete = useConfirmDelete();
  const settings = useUnitSettings();
  const orgs = useOrganisations();
  const query = useRouteQuery();
  const today = todayString();

  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  const [year, setYear] = useState<number | null>(() => lifeAnnualYear(today));
  const [listKind, setListKind] = useState<ListFilter>('all');
  const [personId, setPersonId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<EffectiveStatus | undefined>(undefined);
  const [editing, setEditing] = useState<Rectification | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);

  // Until the secretary picks one, the only branch (the usual case) is preselected.
  const branches = orgs?.list.filter((o) => o.level === 'branch') ?? [];
  const orgId = picked === undefined ? (branches.length === 1 ? branches[0].id : null) : picked;

  const all = useLiveQuery(
    () => listRectifications(db, { orgId: orgId ?? undefined, annualYear: year ?? undefined }),
    [db, orgId, year],
  );
  const rows = useMemo(() => {
    const filtered = (all ?? []).filter(
      (r) =>
        (listKind === 'all' || r.listKind === listKind) &&
        (!personId || r.personId === personId || r.ownerId === personId) &&
        (!status || effectiveStatus(r, today) === status),
    );
    return ledgerOrder(filtered);
  }, [all, listKind, personId, status, today]);
  const summary = useMemo(() => ledgerSummary(all ?? [], today), [all, today]);

  // `?id=` from links elsewhere (life-meeting editor, last year's report): open that item.
  const wanted = query.get('id');
  useEffect(() => {
    if (!wanted) return;
    let alive = true;
    void db.rectifications.get(wanted).then((r) => {
      if (!alive || !r || r.deletedAt) return;
      setPicked(r.orgId);
      setYear(r.annualYear);
      setEditing(r);
      setDrawerOpen(true);
    });
    return () => {
      alive = false;
    };
  }, [db, wanted]);

  const closeDrawer = () => {
    setDrawerOpen(false);
    if (wanted) navigate({ name: 'rectifications' });
  };

  const orgName = (id: string) => orgs?.byId.get(id)?.name ?? '';
  const newFields = emptyRectificationFields(orgId ?? '', year ?? lifeAnnualYear(today), today);

  const onAdd = () => {
    if (!orgId) {
      message.info('请先在上方选择党组织，再新增整改事项');
      return;
    }
    setEditing(null);
    setDrawerOpen(true);
  };

  const onDelete = (r: Rectification) =>
    confirmDelete({
      title: '删除这条整改事项？',
      content: `“${r.problem.slice(0, 40)}”将移入回收站，可以撤销或在回收站中恢复。`,
      remove: () => deleteRecordOf(db, RECTIFICATIONS, r.id),
      done: '已删除整改事项',
      undo: () => restoreRecordOf(db, RECTIFICATIONS, r.id),
      refusedTitle: '不能删除该整改事项',
      action: '删除整改事项',
    });

  const onCarryOver = async () => {
    if (!orgId || year === null) {
      message.info('请先选择党组织和年度，再结转上年度未完成事项');
      return;
    }
    const from = year - 1;
    try {
      const open = (await listRectifications(db, { orgId, annualYear: from })).filter((r) => r.status !== 'done' && r.status !== 'closed');
      if (open.length === 0) {
        message.info(`${orgName(orgId)} ${from} 年度没有未完成的整改事项`);
        return;
      }
      modal.confirm({
        title: `结转 ${from} 年度未完成事项`,
        content: `${from} 年度有 ${open.length} 项整改事项尚未完成，将作为“上年度未完成”事项列入 ${year} 年度台账（已结转过的不会重复结转）。原事项保留在 ${from} 年度。`,
        okText: '结转',
        cancelText: '取消',
        onOk: async () => {
          try {
            const r = await carryOver(db, orgId, from);
            message.success(
              r.created.length ? `已结转 ${r.created.length} 项${r.alreadyCarried ? `（另有 ${r.alreadyCarried} 项此前已结转）` : ''}` : `这 ${r.alreadyCarried} 项此前都已结转，本次没有新增`,
            );
          } catch (e) {
            message.error(errorText(e, '结转'));
          }
        },
      });
    } catch (e) {
      message.error(errorText(e, '结转'));
    }
  };

  const staleDays = settings?.rectificationStaleDays ?? 90;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          整改台账
        </Typography.Title>
        <Space wrap>
          <Button onClick={() => void onCarryOver()}>结转上年度未完成事项</Button>
          {/* Word export of the ledger / lists (another part owns the button). */}
          {orgId && year !== null && <ExportRectificationsButton orgId={orgId} annualYear={year} listKind={listKind === 'all' ? undefined : listKind} />}
          <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
            新增整改事项
          </Button>
        </Space>
      </Space>

      <Space wrap size={[16, 8]}>
        <Space>
          <label htmlFor="rect-org">党组织</label>
          <OrgTreeSelect
            id="rect-org"
            value={orgId}
            allowClear
            placeholder="全部党组织"
            onChange={(v) => {
              setPicked(v ?? null);
              setPersonId(undefined);
            }}
            style={{ width: 220 }}
          />
        </Space>
        <Space>
          <label htmlFor="rect-year">年度</label>
          <InputNumber id="rect-year" min={1949} max={2200} precision={0} value={year} onChange={(v) => setYear(v ?? null)} placeholder="全部" style={{ width: 100 }} />
        </Space>
        <Segmented<ListFilter>
          aria-label="清单类型"
          value={listKind}
          onChange={setListKind}
          options={[
            { value: 'all', label: '全部' },
            { value: 'team', label: RECTIFICATION_LIST_KIND_LABELS.team },
            { value: 'personal', label: RECTIFICATION_LIST_KIND_LABELS.personal },
          ]}
        />
        <MemberSelect aria-label="按党员筛选" orgId={orgId} allowClear value={personId} onChange={setPersonId} placeholder="全部党员" style={{ width: 160 }} />
        <Select<EffectiveStatus>
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          value={status}
          onChange={(v) => setStatus(v)}
          style={{ width: 120 }}
          options={EFFECTIVE_STATUSES.map((s) => ({ value: s, label: RECTIFICATION_STATUS_LABELS[s] }))}
        />
      </Space>

      <Typography.Text type="secondary" aria-label="台账统计">
        共 {summary.total} 项：未开始 {summary.byStatus.not_started}，推进中 {summary.byStatus.in_progress}，
        <Typography.Text type={summary.byStatus.overdue ? 'danger' : 'secondary'}>逾期 {summary.byStatus.overdue}</Typography.Text>，已完成{' '}
        {summary.byStatus.done}，已销号 {summary.byStatus.closed}（销号率 {percentText(summary.closedRate)}）
      </Typography.Text>

      <Table<Rectification>
        rowKey="id"
        size="middle"
        aria-label="整改事项"
        loading={all === undefined}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: orgId ? '没有符合条件的整改事项' : '没有符合条件的整改事项（可在上方选择党组织）' }}
        onRow={(r) => ({ onDoubleClick: () => { setEditing(r); setDrawerOpen(true); } })}
        columns={[
          { title: '序号', key: 'seq', width: 60, render: (_, __, i) => i + 1 },
          {
            title: '清单',
            key: 'list',
            width: 100,
            render: (_, r) => (r.listKind === 'team' ? RECTIFICATION_LIST_KIND_LABELS.team : r.personName || RECTIFICATION_LIST_KIND_LABELS.personal),
          },
          { title: '来源', key: 'source', width: 96, render: (_, r) => RECTIFICATION_SOURCE_LABELS[r.source] },
          { title: '类别', dataIndex: 'category', width: 96, ellipsis: true },
          { title: '问题表现', dataIndex: 'problem', ellipsis: true },
          { title: '整改措施', dataIndex: 'measures', ellipsis: true },
          { title: '责任人', dataIndex: 'ownerName', width: 80, render: (v: string) => v || <Typography.Text type="warning">未填</Typography.Text> },
          {
            title: '时限',
            key: 'deadline',
            width: 130,
            render: (_, r) => (
              <span>
                {DEADLINE_KIND_LABELS[r.deadlineKind]}
                {r.deadline && <div style={{ fontSize: 12, color: '#888' }}>{r.deadline}</div>}
              </span>
            ),
          },
          {
            title: '状态',
            key: 'status',
            width: 100,
            render: (_, r) => {
              const warn = checkRectification(r, { today, staleDays }).filter((i) => i.code !== 'OVERDUE');
              return (
                <Space size={4} orientation="vertical">
                  <StatusTag item={r} today={today} />
                  {warn.length > 0 && (
                    <Tooltip title={warn.map((i) => i.message).join('；')}>
                      <Typography.Text type="warning" style={{ fontSize: 12 }}>
                        {warn.length} 处待完善
                      </Typography.Text>
                    </Tooltip>
                  )}
                </Space>
              );
            },
          },
          { title: '进展', key: 'progress', width: 60, align: 'center', render: (_, r) => r.progress.length },
          {
            title: '操作',
            key: 'ops',
            width: 110,
            render: (_, r) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => { setEditing(r); setDrawerOpen(true); }} aria-label={`编辑整改事项：${r.problem.slice(0, 20)}`}>
                  编辑
                </Button>
                <Button type="link" size="small" danger onClick={() => onDelete(r)} aria-label={`删除整改事项：${r.problem.slice(0, 20)}`}>
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />

      <RectificationDrawer
        open={drawerOpen}
        item={editing}
        initial={newFields}
        onClose={closeDrawer}
        onSaved={(r) => setEditing(r)}
      />
    </Space>
  );
}
