/** First run: no organisations yet. Explains the first steps in order, with buttons. */
import { Button, Card, Steps, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb, useUnitSettings } from '../dbContext';
import { navigate } from '../router';
import { DemoDataButton } from '../common/demo';

export function GettingStarted() {
  const db = useDb();
  const settings = useUnitSettings();
  const members = useLiveQuery(() => db.members.filter((m) => !m.deletedAt).count(), [db]);
  const unitDone = !!settings?.unitName;
  const current = unitDone ? 1 : 0;
  return (
    <Card style={{ maxWidth: 760 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        欢迎使用党建会议记录
      </Typography.Title>
      <Typography.Paragraph>
        开始记录会议之前，请按下面的顺序做好准备。这些信息只需填写一次，以后每次新建会议时，参会人员会按花名册自动生成。
      </Typography.Paragraph>
      <Steps
        orientation="vertical"
        current={current}
        items={[
          {
            title: '设置单位名称',
            content: (
              <>
                <div>例如“××市财政局”，会出现在文件名和记录中。</div>
                <Button style={{ marginTop: 8 }} type={unitDone ? 'default' : 'primary'} onClick={() => navigate({ name: 'settings' })}>
                  {unitDone ? `已设置：${settings?.unitName}` : '去设置单位名称'}
                </Button>
              </>
            ),
          },
          {
            title: '建立组织架构',
            content: (
              <>
                <div>建立机关党委、党支部和党小组，并登记书记、支委（组长）。</div>
                <Button style={{ marginTop: 8 }} type={unitDone ? 'primary' : 'default'} onClick={() => navigate({ name: 'organisations' })}>
                  去建立组织架构
                </Button>
              </>
            ),
          },
          {
            title: '录入党员',
            content: (
              <>
                <div>在党员花名册中录入每个支部的党员、预备党员和入党积极分子。{members ? `（已录入 ${members} 人）` : ''}</div>
                <Button style={{ marginTop: 8 }} onClick={() => navigate({ name: 'members' })}>
                  去录入党员
                </Button>
              </>
            ),
          },
          { title: '新建会议记录', content: '以上完成后，回到本页点“新建会议记录”。' },
        ]}
      />
      <div style={{ borderTop: '1px solid #f0f0f0', marginTop: 8, paddingTop: 16 }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          想先看看软件怎么用？可以填充一套虚构的演示数据（仅限空白数据库）。
        </Typography.Paragraph>
        <DemoDataButton />
      </div>
    </Card>
  );
}
