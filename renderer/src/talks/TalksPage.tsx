/**
 * 谈心谈话: the records (who, when, which kind — never what was said) and the 覆盖情况 matrix
 * for the 组织生活会 preparation (domain §5.2 item 24). Organisation is shared by both tabs.
 */
import { useState } from 'react';
import { Space, Tabs, Typography } from 'antd';
import { OrgTreeSelect } from '../common/OrgTreeSelect';
import { useOrganisations } from '../common/useOrganisations';
import { TalkList } from './TalkList';
import { CoveragePanel } from './CoveragePanel';
import './talks.css';

export function TalksPage() {
  const orgs = useOrganisations();
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  const [tab, setTab] = useState('list');
  // Until the secretary picks one, the only branch (the usual case) is preselected.
  const branches = orgs?.list.filter((o) => o.level === 'branch') ?? [];
  const orgId = picked === undefined ? (branches.length === 1 ? branches[0].id : null) : picked;
  return (
    <div className="pm-talks-page">
      <div className="pm-talks-top">
        <Typography.Title level={3} style={{ margin: 0 }}>
          谈心谈话
        </Typography.Title>
        <Space>
          <label htmlFor="talks-org">党组织</label>
          <OrgTreeSelect id="talks-org" value={orgId} allowClear placeholder="全部党组织" onChange={(v) => setPicked(v ?? null)} style={{ width: 240 }} />
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'list', label: '谈话记录', children: <TalkList orgId={orgId} /> },
          { key: 'coverage', label: '谈心谈话覆盖情况', children: <CoveragePanel orgId={orgId} /> },
        ]}
      />
    </div>
  );
}
