/** 回收站: deleted organisations, members, meetings, talks, appraisals and rectification items; 恢复 and 彻底删除. */
import { useMemo, useState } from 'react';
import { App, Button, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { listRecycleBin, purgeRecord, restoreRecord, type RecycleItem, type RecycleTable } from '../../db';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';
import { formatLocalDateTime } from '../common/dates';

export const RECYCLE_KIND_LABELS: Record<RecycleTable, string> = {
  organisations: '党组织',
  members: '党员',
  meetings: '会议记录',
  talks: '谈心谈话',
  appraisals: '民主评议',
  rectifications: '整改事项',
};
const KIND_COLORS: Record<RecycleTable, string> = {
  organisations: 'blue',
  members: 'green',
  meetings: 'gold',
  talks: 'purple',
  appraisals: 'cyan',
  rectifications: 'orange',
};
const KIND_ORDER: RecycleTable[] = ['organisations', 'members', 'meetings', 'talks', 'appraisals', 'rectifications'];

type Filter = 'all' | RecycleTable;

export function RecycleBinTable() {
  const db = useDb();
  const { modal, message } = App.useApp();
  const items = useLiveQuery(() => listRecycleBin(db), [db]);
  const [filter, setFilter] = useState<Filter>('all');
  const [busy, setBusy] = useState<string | null>(null);

  const shown = useMemo(() => (items ?? []).filter((i) => filter === 'all' || i.table === filter), [items, filter]);
  const count = (t: RecycleTable) => (items ?? []).filter((i) => i.table === t).length;

  const restore = async (item: RecycleItem) => {
    setBusy(item.id);
    try {
      await restoreRecord(db, item.table, item.id);
      message.success(`已恢复${RECYCLE_KIND_LABELS[item.table]}“${item.label}”`);
    } catch (e) {
      message.error(errorText(e, '恢复'));
    } finally {
      setBusy(null);
    }
  };

  const purge = (item: RecycleItem) =>
    modal.confirm({
      title: `彻底删除“${item.label}”？`,
      content: '彻底删除后无法恢复。如果以后可能还要用到，请保留在回收站中。',
      okText: '彻底删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      focusable: { autoFocusButton: 'cancel' },
      onOk: async () => {
        try {
          await purgeRecord(db, item.table, item.id);
          message.success(`已彻底删除“${item.label}”`);
        } catch (e) {
          message.error(errorText(e, '彻底删除'));
        }
      },
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        删除的党组织、党员、会议记录、谈心谈话、民主评议和整改事项先放在这里，可以随时恢复。恢复前，需先恢复它所属的党组织。
      </Typography.Paragraph>
      <Segmented<Filter>
        aria-label="按类别筛选"
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: `全部（${items?.length ?? 0}）` },
          ...KIND_ORDER.map((t) => ({ value: t, label: `${RECYCLE_KIND_LABELS[t]}（${count(t)}）` })),
        ]}
      />
      <Table<RecycleItem>
        rowKey={(r) => `${r.table}:${r.id}`}
        loading={!items}
        dataSource={shown}
        pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description="回收站是空的" /> }}
        tableLayout="fixed"
        columns={[
          {
            title: '类别',
            dataIndex: 'table',
            width: 100,
            render: (t: RecycleTable) => <Tag color={KIND_COLORS[t]}>{RECYCLE_KIND_LABELS[t]}</Tag>,
          },
          { title: '名称', dataIndex: 'label', ellipsis: true },
          { title: '说明', dataIndex: 'detail', ellipsis: true, width: '24%' },
          { title: '删除时间', dataIndex: 'deletedAt', width: 150, render: (d: string) => formatLocalDateTime(d) },
          {
            title: '操作',
            key: 'actions',
            width: 190,
            render: (_, item) => (
              <Space size={4}>
                <Button size="small" onClick={() => restore(item)} loading={busy === item.id} aria-label={`恢复 ${item.label}`}>
                  恢复
                </Button>
                <Button size="small" danger type="text" onClick={() => purge(item)} aria-label={`彻底删除 ${item.label}`}>
                  彻底删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
