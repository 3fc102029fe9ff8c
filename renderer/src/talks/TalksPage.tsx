import { Typography } from 'antd';

/** Placeholder: filled by the work on this screen. */
export function TalksPage() {
  return <Typography.Title level={3}>谈心谈话</Typography.Title>;
}
