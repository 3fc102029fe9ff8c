import { Typography } from 'antd';

/** Placeholder: filled by the work on this screen. */
export function AppraisalsPage() {
  return <Typography.Title level={3}>民主评议党员</Typography.Title>;
}
