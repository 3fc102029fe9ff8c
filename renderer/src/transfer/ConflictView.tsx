/** One conflict, side by side: 本机的版本 | 对方的版本, differing fields highlighted; choose one. */
import { useState } from 'react';
import { Button, Card, Radio, Table, Typography } from 'antd';
import type { RecordMeta } from '../../../shared/model';
import type { Resolution } from '../../../shared/transfer';
import type { RecordTable } from '../../transfer';
import { diffRecords, type FieldDiff } from './labels';

export interface ConflictViewProps {
  table: RecordTable;
  title: string;
  mine: RecordMeta;
  theirs: RecordMeta;
  sourceName: string;
  orgNames: ReadonlyMap<string, string>;
  value?: Resolution;
  onChange: (r: Resolution) => void;
}

const cell = (text: string, differs: boolean, chosen: boolean) => (
  <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 160, overflow: 'auto', background: differs ? (chosen ? '#f6ffed' : '#fff7e6') : undefined, padding: differs ? '2px 4px' : 0 }}>
    {text}
  </div>
);

export function ConflictView({ table, title, mine, theirs, sourceName, orgNames, value, onChange }: ConflictViewProps) {
  const [showSame, setShowSame] = useState(false);
  const rows = diffRecords(table, mine, theirs, orgNames);
  const differing = rows.filter((r) => r.differs && r.key !== 'updatedAt');
  const shown = showSame ? rows : rows.filter((r) => r.differs);
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 12, borderColor: value ? undefined : '#faad14' }}
      extra={
        <Radio.Group
          aria-label={`${title} 的处理方式`}
          value={value}
          onChange={(e) => onChange(e.target.value as Resolution)}
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'mine', label: '保留本机' },
            { value: 'theirs', label: '采用对方' },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        两台电脑在上次交换之后都修改了这条记录（{differing.length} 处不同，已标色）。请选择保留哪一个版本，另一版本的这些修改将不再保留。
      </Typography.Paragraph>
      <Table<FieldDiff>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={shown}
        columns={[
          { title: '项目', dataIndex: 'label', width: 130 },
          { title: '本机的版本', render: (_, r) => cell(r.mine, r.differs, value === 'mine') },
          { title: `对方的版本（${sourceName}）`, render: (_, r) => cell(r.theirs, r.differs, value === 'theirs') },
        ]}
      />
      <Button type="link" size="small" onClick={() => setShowSame((s) => !s)} style={{ paddingLeft: 0 }}>
        {showSame ? '只看不同之处' : '同时显示相同的项目'}
      </Button>
    </Card>
  );
}
