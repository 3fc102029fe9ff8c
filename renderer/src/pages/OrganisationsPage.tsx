import { Flex, Typography } from 'antd';
import { OrganisationsView } from '../organisations/OrganisationsView';

export function OrganisationsPage() {
  return (
    <Flex vertical gap={12} style={{ maxWidth: 1280 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        组织架构
      </Typography.Title>
      <OrganisationsView />
    </Flex>
  );
}
