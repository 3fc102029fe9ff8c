/**
 * The talk records of an organisation: date, 谈话人 → 谈话对象, type, form, linked 组织生活会.
 * The contents are sensitive and never shown here (not even a preview).
 */
import { useMemo, useState } from 'react';
import { Button, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { FIVE_MUST_LABELS, TALK_FORM_LABELS, TALK_TYPE_LABELS, TALK_TYPES, type Talk, type TalkType } from '../../../shared/model';
import { deleteRecordOf, listRecords, restoreRecordOf, TALKS } from '../../db';
import { useDb } from '../dbContext';
import { navigate } from '../router';
import { formatShortDate } from '../common/dates';
import { useConfirmDelete } from '../common/useUndo';
import { useOrganisations } from '../common/useOrganisations';
import { ExportTalksButton } from '../wordExport/ExportTalksButton';
import { lifeMeetingLabel, useLifeMeetings } from './useLifeMeetings';

/** What a row may show: no contents (TALK_SENSITIVE_FIELDS) ever reach the table. */
export interface TalkRow {
  id: string;
  orgId: string;
  date: string;
  interviewer: string;
  interviewees: string;
  type: string;
  form: string;
  lifeMeetingId: string | null;
  status: Talk['status'];
}

export function talkRow(t: Talk): TalkRow {
  return {
    id: t.id,
    orgId: t.orgId,
    date: t.date,
    interviewer: t.interviewer.name,
    interviewees: t.interviewees.map((p) => p.name).join('、'),
    type: t.type === 'five_musts' && t.fiveMust ? `五必谈（${FIVE_MUST_LABELS[t.fiveMust]}）` : TALK_TYPE_LABELS[t.type],
    form: TALK_FORM_LABELS[t.form],
    lifeMeetingId: t.lifeMeetingId,
    status: t.status,
  };
}

const THIS_YEAR = new Date().getFullYear();

export function TalkList({ orgId }: { orgId: string | null }) {
  const db = useDb();
  const orgs = useOrganisations();
  const lifeMeetings = useLifeMeetings(orgId);
  const confirmDelete = useConfirmDelete();
  const [year, setYear] = useState<number | null>(THIS_YEAR);
  const [type, setType] = useState<TalkType | null>(null);
  const talks = useLiveQuery(() => listRecords(db, TALKS, orgId ?? undefined), [db, orgId]);
  const years = useMemo(() => {
    const ys = new Set<number>([THIS_YEAR]);
    for (const t of talks ?? []) ys.add(Number(t.date.slice(0, 4)));
    return [...ys].sort((a, b) => b - a);
  }, [talks]);
  const rows = useMemo(
    () =>
      (talks ?? [])
        .filter((t) => (year === null || t.date.startsWith(`${year}-`)) && (type === null || t.type === type))
        .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))
        .map(talkRow),
    [talks, year, type],
  );
  const lmLabel = new Map((lifeMeetings ?? []).map((r) => [r.id, lifeMeetingLabel(r)]));

  const remove = (r: TalkRow) =>
    confirmDelete({
      title: '删除这条谈心谈话记录？',
      content: `${formatShortDate(r.date)} ${r.interviewer} → ${r.interviewees}。删除后移到回收站，可以恢复。`,
      remove: () => deleteRecordOf(db, TALKS, r.id),
      done: `已删除 ${r.interviewer} → ${r.interviewees} 的谈话记录`,
      undo: () => restoreRecordOf(db, TALKS, r.id),
      refusedTitle: '未能删除',
      action: '删除',
    });

  return (
    <div>
      <div className="pm-talks-filters">
        <Space wrap>
          <Select
            aria-label="年度"
            value={year ?? 'all'}
            style={{ width: 120 }}
            options={[{ value: 'all', label: '全部年度' }, ...years.map((y) => ({ value: y, label: `${y}年` }))]}
            onChange={(v: number | 'all') => setYear(v === 'all' ? null : v)}
          />
          <Select
            aria-label="谈话类型"
            value={type ?? 'all'}
            style={{ width: 180 }}
            options={[{ value: 'all', label: '全部类型' }, ...TALK_TYPES.map((t) => ({ value: t, label: TALK_TYPE_LABELS[t] }))]}
            onChange={(v: TalkType | 'all') => setType(v === 'all' ? null : v)}
          />
          <Typography.Text type="secondary">共 {rows.length} 条</Typography.Text>
        </Space>
        <Space>
          {/* Batch: every talk the filters show. */}
          <ExportTalksButton talkIds={rows.map((r) => r.id)} />
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate({ name: 'talk', id: 'new' }, orgId ? { org: orgId } : undefined)}>
            新建谈话记录
          </Button>
        </Space>
      </div>
      <Table<TalkRow>
        size="middle"
        rowKey="id"
        loading={!talks}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description={year ? `${year}年还没有谈心谈话记录` : '还没有谈心谈话记录'} /> }}
        onRow={(r) => ({ onDoubleClick: () => navigate({ name: 'talk', id: r.id }) })}
        columns={[
          { title: '谈话日期', dataIndex: 'date', width: 110, render: (d: string) => formatShortDate(d) },
          {
            title: '谈话人 → 谈话对象',
            key: 'who',
            render: (_, r) => (
              <a href={`#/talk/${encodeURIComponent(r.id)}`}>
                {r.interviewer || '（未填）'} → {r.interviewees || '（未填）'}
              </a>
            ),
          },
          { title: '谈话类型', dataIndex: 'type', width: 220 },
          { title: '方式', dataIndex: 'form', width: 96 },
          {
            title: '关联组织生活会',
            dataIndex: 'lifeMeetingId',
            width: 170,
            render: (id: string | null) => (id ? (lmLabel.get(id) ?? '（其他组织的会议）') : <Typography.Text type="secondary">—</Typography.Text>),
          },
          ...(orgId ? [] : [{ title: '党组织', dataIndex: 'orgId', width: 130, render: (id: string) => orgs?.byId.get(id)?.name ?? '' }]),
          { title: '状态', dataIndex: 'status', width: 72, render: (s: Talk['status']) => <Tag color={s === 'final' ? 'green' : 'blue'}>{s === 'final' ? '定稿' : '草稿'}</Tag> },
          {
            title: '操作',
            key: 'ops',
            width: 76,
            render: (_, r) => <Button size="small" type="text" danger aria-label={`删除 ${r.interviewer} → ${r.interviewees}`} icon={<DeleteOutlined aria-hidden />} onClick={() => remove(r)} />,
          },
        ]}
      />
    </div>
  );
}
