import { Typography } from 'antd';

/** Placeholder: filled by the work on this screen. */
export function SearchPage() {
  return <Typography.Title level={3}>搜索</Typography.Title>;
}
