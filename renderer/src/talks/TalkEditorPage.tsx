import { Typography } from 'antd';

/** Placeholder: filled by the work on this screen. */
export function TalkEditorPage(_props: { talkId: string }) {
  return <Typography.Title level={3}>谈心谈话记录</Typography.Title>;
}
