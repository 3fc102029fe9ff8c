import { Typography } from 'antd';

/** Placeholder: filled by the work on this screen. */
export function DashboardPage() {
  return <Typography.Title level={3}>工作台</Typography.Title>;
}
