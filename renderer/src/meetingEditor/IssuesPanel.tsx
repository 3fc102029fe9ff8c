/** 检查结果: live checkMeeting output, errors first; each entry jumps to (and focuses) its field. */
import { memo } from 'react';
import { Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import type { MeetingIssue } from '../../../shared/rules/meetingChecks';

export interface IssuesPanelProps {
  issues: readonly MeetingIssue[];
  onPick: (field: string) => void;
  readOnly: boolean;
}

export const IssuesPanel = memo(function IssuesPanel({ issues, onPick, readOnly }: IssuesPanelProps) {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <section className="pm-issues" aria-label="检查结果">
      <Typography.Title level={5} style={{ margin: '0 0 4px' }}>
        检查结果
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {errors.length === 0 && warnings.length === 0
          ? '未发现问题'
          : `必须修改 ${errors.length} 项${warnings.length ? `，提醒 ${warnings.length} 项` : ''}`}
        {errors.length > 0 && !readOnly && '（改完才能定稿）'}
      </Typography.Text>
      {errors.length === 0 && (
        <div className="pm-issues-ok">
          <CheckCircleFilled aria-hidden style={{ color: '#389e0d' }} /> {readOnly ? '记录已定稿。' : '必填内容已齐全，可以定稿。'}
        </div>
      )}
      <ol className="pm-issue-list">
        {[...errors, ...warnings].map((i, n) => (
          <li key={`${i.code}-${i.field}-${n}`}>
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
