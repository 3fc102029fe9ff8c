import { Flex, Typography } from 'antd';
import { RecycleBinTable } from '../recycleBin/RecycleBinTable';

export function RecycleBinPage() {
  return (
    <Flex vertical gap={12} style={{ maxWidth: 1200 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        回收站
      </Typography.Title>
      <RecycleBinTable />
    </Flex>
  );
}
