/**
 * 列入整改 for one problem / criticism: either the linked rectification item (status, click opens
 * the 整改台账) or a button that creates it, plus (problems only) 不列整改理由 (check 27).
 */
import { memo, useState } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { RECTIFICATION_STATUS_LABELS, type Rectification } from '../../../../shared/model';
import { effectiveStatus } from '../../../../shared/rules/rectification';
import { useDb } from '../../dbContext';
import { todayString } from '../../common/dates';
import { navigate } from '../../router';
import { useEditor } from '../context';
import { TextField } from '../fields';
import { useLife, type LifeTarget } from './lifeContext';

const STATUS_COLOR: Record<keyof typeof RECTIFICATION_STATUS_LABELS, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'cyan',
  closed: 'success',
  overdue: 'error',
};

export function RectificationStatusTag({ item }: { item: Pick<Rectification, 'status' | 'deadline'> }) {
  const s = effectiveStatus(item, todayString());
  return <Tag color={STATUS_COLOR[s]}>{RECTIFICATION_STATUS_LABELS[s]}</Tag>;
}

export const RectificationLink = memo(function RectificationLink({ id }: { id: string }) {
  const db = useDb();
  const item = useLiveQuery(() => db.rectifications.get(id), [db, id]);
  if (item === undefined) return <Typography.Text type="secondary">已列入整改</Typography.Text>;
  if (item.deletedAt) return <Typography.Text type="warning">已列入整改，但该整改事项已移到回收站</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Typography.Text type="secondary">已列入整改</Typography.Text>
      <RectificationStatusTag item={item} />
      <Button size="small" type="link" onClick={() => navigate({ name: 'rectifications' }, { id })} aria-label="打开整改事项">
        在整改台账中查看
      </Button>
    </Space>
  );
});

interface Props {
  target: LifeTarget;
  rectificationId: string | null;
  /** Problems only: why no item (field path prefix, value, commit). */
  reason?: { field: string; value: string; onCommit: (v: string) => void };
  label: string;
}

export const RectificationAction = memo(function RectificationAction({ target, rectificationId, reason, label }: Props) {
  const { readOnly } = useEditor();
  const { toRectification } = useLife();
  const [busy, setBusy] = useState(false);
  if (rectificationId) return <RectificationLink id={rectificationId} />;
  return (
    <div className="pm-life-rect">
      {!readOnly && (
        <Button
          size="small"
          loading={busy}
          aria-label={`列入整改-${label}`}
          onClick={async () => {
            setBusy(true);
            try {
              await toRectification(target);
            } finally {
              setBusy(false);
            }
          }}
        >
          列入整改
        </Button>
      )}
      {reason && (
        <div className="pm-life-reason">
          <TextField field={reason.field} ariaLabel={`不列整改理由-${label}`} value={reason.value} onCommit={reason.onCommit} placeholder="如不列入整改，请写明理由（如：已当场整改到位）" limit={300} />
        </div>
      )}
    </div>
  );
});
