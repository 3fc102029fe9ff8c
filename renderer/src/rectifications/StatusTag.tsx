/** 状态 of a 整改事项 as a tag; 逾期 (computed for today) in red. */
import { Tag } from 'antd';
import { RECTIFICATION_STATUS_LABELS, type RectificationFields } from '../../../shared/model';
import { effectiveStatus, type EffectiveStatus } from '../../../shared/rules/rectification';
import { todayString } from '../common/dates';

export const STATUS_COLORS: Record<EffectiveStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  overdue: 'red',
  done: 'cyan',
  closed: 'success',
};

export function StatusTag({ item, today }: { item: Pick<RectificationFields, 'status' | 'deadline'>; today?: string }) {
  const s = effectiveStatus(item, today ?? todayString());
  return (
    <Tag color={STATUS_COLORS[s]} data-status={s}>
      {RECTIFICATION_STATUS_LABELS[s]}
    </Tag>
  );
}
