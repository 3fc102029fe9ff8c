/** Title, status and 密级 tags, autosave indicator, 定稿 / 重新打开 / 删除, and the slot for export. */
import { memo, type ReactNode } from 'react';
import { Alert, Badge, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, DeleteOutlined, LoadingOutlined, UnlockOutlined, WarningOutlined } from '@ant-design/icons';
import { RECORD_STATUS_LABELS, type Meeting } from '../../../shared/model';
import { classificationShort, isNationalSecret } from '../../../shared/format';
import type { SaveState } from './useMeetingDraft';
import { formatClock, formatLocalDateTime } from '../common/dates';


export function SaveIndicator({ state, readOnly }: { state: SaveState; readOnly: boolean }) {
  if (readOnly) return <Typography.Text type="secondary">已定稿，只读</Typography.Text>;
  switch (state.kind) {
    case 'pending':
    case 'saving':
      return (
        <Typography.Text type="secondary" role="status">
          <LoadingOutlined aria-hidden /> 正在保存…
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success" role="status">
          <CheckOutlined aria-hidden /> 已自动保存 {formatClock(state.at)}
        </Typography.Text>
      );
    case 'clean':
      return (
        <Typography.Text type="secondary" role="status">
          {state.at ? `上次保存 ${formatClock(state.at)}` : '已保存'}
        </Typography.Text>
      );
    case 'error':
      return (
        <Typography.Text type="danger" role="alert">
          <WarningOutlined aria-hidden /> 未能保存
        </Typography.Text>
      );
  }
}

export interface HeaderBarProps {
  title: string;
  meeting: Meeting;
  stored: Meeting;
  saveState: SaveState;
  errorCount: number;
  warningCount: number;
  onFinalise: () => void;
  onReopen: () => void;
  onDelete: () => void;
  onShowIssues: (() => void) | null;
  onSaveErrorClick: () => void;
  /** Slot for the Word-export button (added by the export work). */
  extraActions?: ReactNode;
}

export const HeaderBar = memo(function HeaderBar(p: HeaderBarProps) {
  const final = p.stored.status === 'final';
  const marking = classificationShort(p.meeting.classification);
  const secret = isNationalSecret(p.meeting.classification);
  return (
    <header className="pm-header">
      <div className="pm-header-top">
        <a href="#/meetings" className="pm-back">
          <ArrowLeftOutlined aria-hidden /> 返回会议记录列表
        </a>
        <SaveIndicator state={p.saveState} readOnly={final} />
      </div>
      <div className="pm-header-main">
        <div className="pm-header-title">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {p.title}
          </Typography.Title>
          <Space size={4} wrap style={{ marginTop: 6 }}>
            <Tag color={final ? 'green' : 'blue'}>{RECORD_STATUS_LABELS[p.stored.status]}</Tag>
            {marking && <Tag color={secret ? 'red' : 'orange'}>{marking}</Tag>}
            {final && p.stored.finalisedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                定稿于 {formatLocalDateTime(p.stored.finalisedAt)}
              </Typography.Text>
            )}
          </Space>
        </div>
        <Space wrap className="pm-header-actions">
          {/* ↓ extraActions: slot for the Word export button (added later). */}
          <span className="pm-extra-actions" data-slot="extraActions">
            {p.extraActions}
          </span>
          {p.onShowIssues && (
            <Badge count={p.errorCount} size="small" offset={[-4, 2]}>
              <Button onClick={p.onShowIssues} icon={<WarningOutlined aria-hidden />}>
                检查结果
              </Button>
            </Badge>
          )}
          {final ? (
            <Button icon={<UnlockOutlined aria-hidden />} onClick={p.onReopen}>
              重新打开
            </Button>
          ) : (
            <>
              <Tooltip title="删除后移到回收站，可恢复">
                <Button danger icon={<DeleteOutlined aria-hidden />} onClick={p.onDelete}>
                  删除
                </Button>
              </Tooltip>
              <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={p.onFinalise}>
                定稿
              </Button>
            </>
          )}
        </Space>
      </div>
      {p.saveState.kind === 'error' && !final && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 10 }}
          title={`未能保存：${p.saveState.message}`}
          description="您输入的内容仍保留在页面上，不会丢失。请按提示修改（点击“查看位置”可跳到出错处），改好后会自动保存；也可按 Ctrl+S 再试一次。"
          action={
            <Button size="small" onClick={p.onSaveErrorClick}>
              查看位置
            </Button>
          }
        />
      )}
    </header>
  );
});
