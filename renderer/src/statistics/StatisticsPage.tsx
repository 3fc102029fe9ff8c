import { Typography } from 'antd';

/** Placeholder: filled by the work on this screen. */
export function StatisticsPage() {
  return <Typography.Title level={3}>统计</Typography.Title>;
}
