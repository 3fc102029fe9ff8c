/** 操作记录: every export, import, backup and restore (for checks and the later audit log). */
import { Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { OperationLogRow } from '../../db';
import { listOperations } from '../../transfer';
import { useDb } from '../dbContext';
import { formatLocalDateTime } from '../common/dates';

const KIND = { export: '导出', import: '导入', backup: '备份', restore: '恢复' } as const;
const RESULT = { ok: ['成功', 'green'], failed: ['失败', 'red'], cancelled: ['已取消', 'default'] } as const;
const COUNT_LABELS: Record<string, string> = {
  organisations: '党组织', members: '党员', meetings: '会议记录', attachments: '附件', settings: '设置', purged: '删除标记',
  added: '新增', changed: '修改', deleted: '删除', unchanged: '未变', conflicts: '冲突', converged: '自动合并', skipped: '不再导入',
  keptMine: '保留本机', tookTheirs: '采用对方', written: '写入',
};

function counts(c: Record<string, number>): string {
  return Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${COUNT_LABELS[k] ?? k} ${n}`)
    .join('，');
}

export function OperationLogPanel() {
  const db = useDb();
  const rows = useLiveQuery(() => listOperations(db, 500), [db]);
  return (
    <Table<OperationLogRow>
      size="small"
      rowKey="id"
      loading={!rows}
      dataSource={rows ?? []}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: '还没有导出、导入或备份' }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 150, render: (at: string) => formatLocalDateTime(at) },
        { title: '操作', dataIndex: 'kind', width: 64, render: (k: OperationLogRow['kind']) => KIND[k] },
        { title: '结果', dataIndex: 'result', width: 76, render: (r: OperationLogRow['result']) => <Tag color={RESULT[r][1]}>{RESULT[r][0]}</Tag> },
        { title: '文件', dataIndex: 'fileName', render: (n: string) => n || '—' },
        {
          title: '校验码（SHA-256）',
          dataIndex: 'fileSha256',
          width: 140,
          render: (h: string) => (h ? <Typography.Text copyable={{ text: h }} style={{ fontFamily: 'monospace', fontSize: 12 }}>{h.slice(0, 12)}…</Typography.Text> : '—'),
        },
        { title: '数量', dataIndex: 'counts', render: counts },
        { title: '经办人 / U 盘', render: (_, r) => [r.operator, r.medium].filter(Boolean).join(' / ') || '—' },
        { title: '说明', dataIndex: 'detail', render: (d?: string) => <Typography.Text type="secondary" style={{ fontSize: 13 }}>{d ?? ''}</Typography.Text> },
      ]}
    />
  );
}
