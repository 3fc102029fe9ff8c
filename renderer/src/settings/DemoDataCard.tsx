import { Card, Space, Typography } from 'antd';
import { DemoDataButton, useDatabaseEmpty } from '../common/demo';
import { navigate } from '../router';

export function DemoDataCard() {
  const empty = useDatabaseEmpty();
  return (
    <Card title="演示数据" id="settings-demo">
      <Space orientation="vertical" size={12}>
        <Typography.Paragraph style={{ margin: 0 }}>
          生成一个虚构的示例单位（机关党委、3 个党支部、约 40 名党员、近一年的会议记录），用于熟悉软件或培训。
        </Typography.Paragraph>
        {empty === false && (
          <Typography.Text type="secondary">
            本机已有组织、党员或会议记录（含回收站中的内容），为避免与正式记录混在一起，不能再填充演示数据。
          </Typography.Text>
        )}
        <DemoDataButton onDone={() => navigate({ name: 'meetings' })} />
      </Space>
    </Card>
  );
}
