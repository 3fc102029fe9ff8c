/**
 * 检查结果 of any editor (meeting, 谈心谈话, 民主评议): the live check output, errors first; each
 * entry jumps to (and focuses) its field. What "all clear" means differs per record, so the texts
 * around the list come from the editor.
 */
import { memo } from 'react';
import { Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, WarningFilled } from '@ant-design/icons';

export interface PanelIssue {
  severity: 'error' | 'warning';
  /** Field path the entry focuses. */
  field: string;
  message: string;
}

export interface IssuesPanelProps {
  issues: readonly PanelIssue[];
  onPick: (field: string) => void;
  title?: string;
  /** Said after the count while there are errors (meetings: 改完才能定稿). */
  errorHint?: string;
  /** Shown when nothing needs correcting. */
  okText?: string;
  /** Show `okText` even while warnings remain (a meeting's warnings do not block 定稿). */
  okDespiteWarnings?: boolean;
}

export const IssuesPanel = memo(function IssuesPanel({
  issues,
  onPick,
  title = '检查结果',
  errorHint,
  okText = '填写完整。',
  okDespiteWarnings = false,
}: IssuesPanelProps) {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const ok = errors.length === 0 && (okDespiteWarnings || warnings.length === 0);
  return (
    <section className="pm-issues" aria-label={title}>
      <Typography.Title level={5} style={{ margin: '0 0 4px' }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {errors.length === 0 && warnings.length === 0
          ? '未发现问题'
          : `必须修改 ${errors.length} 项${warnings.length ? `，提醒 ${warnings.length} 项` : ''}`}
        {errors.length > 0 && errorHint}
      </Typography.Text>
      {ok && (
        <div className="pm-issues-ok">
          <CheckCircleFilled aria-hidden style={{ color: '#389e0d' }} /> {okText}
        </div>
      )}
      <ol className="pm-issue-list">
        {[...errors, ...warnings].map((i, n) => (
          <li key={`${i.field}-${n}`}>
            <button type="button" className={`pm-issue pm-issue-${i.severity}`} onClick={() => onPick(i.field)}>
              {i.severity === 'error' ? <CloseCircleFilled aria-hidden className="pm-issue-icon" /> : <WarningFilled aria-hidden className="pm-issue-icon" />}
              <span>{i.message}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
});
