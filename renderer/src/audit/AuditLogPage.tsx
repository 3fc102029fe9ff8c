import { Typography } from 'antd';

/** Placeholder: filled by the work on this screen. */
export function AuditLogPage() {
  return <Typography.Title level={3}>审计日志</Typography.Title>;
}
