/** 检查结果 of a talk or an appraisal: errors first; each entry focuses its field. */
import { Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, WarningFilled } from '@ant-design/icons';

export interface PanelIssue {
  severity: 'error' | 'warning';
  field: string;
  message: string;
}

export function TalkIssuesPanel({ issues, onPick, title = '检查结果' }: { issues: readonly PanelIssue[]; onPick: (field: string) => void; title?: string }) {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <section className="pm-issues" aria-label={title}>
      <Typography.Title level={5} style={{ margin: '0 0 4px' }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {errors.length === 0 && warnings.length === 0 ? '未发现问题' : `必须修改 ${errors.length} 项${warnings.length ? `，提醒 ${warnings.length} 项` : ''}`}
      </Typography.Text>
      {errors.length === 0 && warnings.length === 0 && (
        <div className="pm-issues-ok">
          <CheckCircleFilled aria-hidden style={{ color: '#389e0d' }} /> 填写完整。
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
}
