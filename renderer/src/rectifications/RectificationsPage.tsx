import { Typography } from 'antd';

/** Placeholder: filled by the work on this screen. */
export function RectificationsPage() {
  return <Typography.Title level={3}>整改台账</Typography.Title>;
}
