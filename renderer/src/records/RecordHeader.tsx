/** Header of the 谈心谈话 / 民主评议 editors: back link, title and tags, autosave state, actions. */
import type { ReactNode } from 'react';
import { Alert, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined } from '@ant-design/icons';
import { SaveIndicator } from '../meetingEditor/HeaderBar';
import type { Classification } from '../../../shared/model';
import { ClassificationBanner } from '../security/ClassificationBanner';
import type { SaveState } from './useRecordDraft';
import '../meetingEditor/editor.css';

export interface RecordHeaderProps {
  backHref: string;
  backLabel: string;
  title: string;
  tags?: ReactNode;
  saveState: SaveState;
  onDelete: () => void;
  /** Word export and other buttons. */
  extraActions?: ReactNode;
  onSaveErrorClick?: () => void;
  /** The record's 密级: ★ records show the classified-handling banner under the header. */
  classification?: Classification | null;
}

export function RecordHeader(p: RecordHeaderProps) {
  return (
    <header className="pm-header">
      <div className="pm-header-top">
        <a href={p.backHref} className="pm-back">
          <ArrowLeftOutlined aria-hidden /> {p.backLabel}
        </a>
        <SaveIndicator state={p.saveState} readOnly={false} />
      </div>
      <div className="pm-header-main">
        <div className="pm-header-title">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {p.title}
          </Typography.Title>
          {p.tags && (
            <Space size={4} wrap style={{ marginTop: 6 }}>
              {p.tags}
            </Space>
          )}
        </div>
        <Space wrap className="pm-header-actions">
          <span className="pm-extra-actions" data-slot="extraActions">
            {p.extraActions}
          </span>
          <Tooltip title="删除后移到回收站，可恢复">
            <Button danger icon={<DeleteOutlined aria-hidden />} onClick={p.onDelete}>
              删除
            </Button>
          </Tooltip>
        </Space>
      </div>
      {p.saveState.kind === 'error' && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 10 }}
          title={`未能保存：${p.saveState.message}`}
          description="您输入的内容仍保留在页面上，不会丢失。请按提示修改，改好后会自动保存；也可按 Ctrl+S 再试一次。"
          action={
            p.onSaveErrorClick && (
              <Button size="small" onClick={p.onSaveErrorClick}>
                查看位置
              </Button>
            )
          }
        />
      )}
      <div style={{ marginTop: 10 }}>
        <ClassificationBanner classification={p.classification} />
      </div>
    </header>
  );
}

export function StatusTag({ final }: { final: boolean }) {
  return <Tag color={final ? 'green' : 'blue'}>{final ? '定稿' : '草稿'}</Tag>;
}
