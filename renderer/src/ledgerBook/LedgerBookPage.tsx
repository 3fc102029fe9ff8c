import { Typography } from 'antd';

/** Placeholder: filled by the work on this screen. */
export function LedgerBookPage() {
  return <Typography.Title level={3}>台账合订本</Typography.Title>;
}
