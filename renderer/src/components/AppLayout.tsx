import type { ReactNode } from 'react';
import { Layout, Menu, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  DashboardOutlined,
  SearchOutlined,
  StarOutlined,
  DeleteOutlined,
  FileTextOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { navigate, useRoute, type ListRouteName, type Route } from '../router';
import { useUnitSettings } from '../dbContext';
import { QuickSearch } from '../search/QuickSearch';

const ITEMS: { key: ListRouteName; label: string; icon: ReactNode }[] = [
  { key: 'dashboard', label: '工作台', icon: <DashboardOutlined /> },
  { key: 'meetings', label: '会议记录', icon: <FileTextOutlined /> },
  { key: 'talks', label: '谈心谈话', icon: <CommentOutlined /> },
  { key: 'appraisals', label: '民主评议', icon: <StarOutlined /> },
  { key: 'rectifications', label: '整改台账', icon: <CheckSquareOutlined /> },
  { key: 'search', label: '搜索', icon: <SearchOutlined /> },
  { key: 'statistics', label: '统计', icon: <BarChartOutlined /> },
  { key: 'ledger', label: '台账合订本', icon: <BookOutlined /> },
  { key: 'organisations', label: '组织架构', icon: <ApartmentOutlined /> },
  { key: 'members', label: '党员花名册', icon: <TeamOutlined /> },
  { key: 'transfer', label: '数据交换与备份', icon: <SwapOutlined /> },
  { key: 'recycle', label: '回收站', icon: <DeleteOutlined /> },
  { key: 'audit', label: '审计日志', icon: <AuditOutlined /> },
  { key: 'settings', label: '设置', icon: <SettingOutlined /> },
];

/** Record pages highlight their list in the menu. */
const MENU_OF: Partial<Record<Route['name'], ListRouteName>> = { meeting: 'meetings', talk: 'talks', appraisal: 'appraisals' };

export function AppLayout({ children }: { children: ReactNode }) {
  const route = useRoute();
  const settings = useUnitSettings();
  const selected = MENU_OF[route.name] ?? route.name;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={188} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '18px 20px 12px' }}>
          <Typography.Title level={4} style={{ margin: 0, color: '#b4232a' }}>
            党建会议记录
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 13 }} ellipsis>
            {settings?.unitName || '未设置单位名称'}
          </Typography.Text>
        </div>
        <div style={{ padding: '0 16px 8px' }}>
          <QuickSearch />
        </div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={ITEMS.map((i) => ({ key: i.key, icon: i.icon, label: <a href={`#/${i.key}`}>{i.label}</a> }))}
          onClick={({ key }) => navigate({ name: key as ListRouteName })}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout.Content style={{ padding: 20, minWidth: 0 }}>{children}</Layout.Content>
    </Layout>
  );
}
