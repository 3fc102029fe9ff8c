import { Flex, Typography } from 'antd';
import { MembersView } from '../members/MembersView';

export function MembersPage() {
  return (
    <Flex vertical gap={12} style={{ maxWidth: 1400 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        党员花名册
      </Typography.Title>
      <MembersView />
    </Flex>
  );
}
