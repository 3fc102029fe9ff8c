/** 党员花名册: filter by organisation, search by name / department, add, edit, 调动, 状态变更, delete. */
import { useMemo, useState } from 'react';
import { App, Button, Checkbox, Dropdown, Empty, Flex, Input, Table, Typography } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { deleteMember, displayNames, listMembers, restoreRecord } from '../../db';
import { ACTIVE_STANDINGS, type Member } from '../../../shared/model';
import { birthYear, maskIdNumber } from '../../../shared/format';
import { useDb } from '../dbContext';
import { formatShortDate } from '../common/dates';
import { OrgTreeSelect } from '../common/OrgTreeSelect';
import { useOrganisations } from '../common/useOrganisations';
import { useConfirmDelete } from '../common/useUndo';
import { roleLabel } from '../organisations/SeatDialog';
import { MemberDrawer, type MemberDrawerState } from './MemberDrawer';
import { MemberTags } from './memberLabels';
import { MoveDialog } from './MoveDialog';
import { StatusDialog } from './StatusDialog';

export function MembersView() {
  const db = useDb();
  const { message } = App.useApp();
  const confirmDelete = useConfirmDelete();
  const orgs = useOrganisations();
  const members = useLiveQuery(() => listMembers(db), [db]);
  const [orgId, setOrgId] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [dept, setDept] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [drawer, setDrawer] = useState<MemberDrawerState | null>(null);
  const [moving, setMoving] = useState<Member | null>(null);
  const [statusOf, setStatusOf] = useState<Member | null>(null);

  const names = useMemo(() => displayNames(members ?? []), [members]);
  /** memberId → current seat labels (书记 / 组织委员 / 组长 …). */
  const seats = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const o of orgs?.list ?? []) {
      for (const s of o.committee) if (!s.to) map.set(s.memberId, [...(map.get(s.memberId) ?? []), roleLabel(o, s.role)]);
    }
    return map;
  }, [orgs]);

  const rows = useMemo(() => {
    const n = name.trim();
    const d = dept.trim();
    return (members ?? []).filter(
      (m) =>
        (!orgId || m.branchId === orgId || m.groupId === orgId || isUnder(m.branchId, orgId)) &&
        (!n || m.name.includes(n)) &&
        (!d || (m.department ?? '').includes(d)) &&
        (showInactive || ACTIVE_STANDINGS.includes(m.standing)),
    );
    function isUnder(id: string, ancestor: string): boolean {
      let cur = orgs?.byId.get(id);
      for (let i = 0; cur && i < 10; i++) {
        if (cur.parentId === ancestor) return true;
        cur = cur.parentId ? orgs?.byId.get(cur.parentId) : undefined;
      }
      return false;
    }
  }, [members, orgs, orgId, name, dept, showInactive]);

  const remove = (m: Member) =>
    confirmDelete({
      title: `删除党员“${m.name}”？`,
      content: '删除后放入回收站，可以撤销或在回收站中恢复。已记录的会议出席名单不受影响。党员组织关系转出的，请在编辑中把党籍状态改为“已转出”，不要删除。',
      remove: () => deleteMember(db, m.id),
      done: `已删除党员“${m.name}”`,
      undo: () => restoreRecord(db, 'members', m.id),
      refusedTitle: '不能删除该党员',
      action: '删除党员',
    });

  const noBranches = orgs && !orgs.list.some((o) => o.level === 'branch');

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <OrgTreeSelect aria-label="按组织筛选" value={orgId} onChange={setOrgId} allowClear placeholder="全部党组织" style={{ width: 220 }} />
        <Input.Search aria-label="按姓名查找" placeholder="按姓名查找" allowClear value={name} onChange={(e) => setName(e.target.value)} style={{ width: 180 }} />
        <Input aria-label="按部门查找" placeholder="按部门查找" allowClear value={dept} onChange={(e) => setDept(e.target.value)} style={{ width: 160 }} />
        <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
          含已转出、停止党籍等
        </Checkbox>
        <div style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create', orgId })} disabled={noBranches}>
          新增党员
        </Button>
      </Flex>
      {noBranches && (
        <Typography.Text type="warning">
          还没有党支部。请先到 <a href="#/organisations">组织架构</a> 建立党支部，再录入党员。
        </Typography.Text>
      )}
      <Table<Member>
        rowKey="id"
        size="middle"
        loading={!members}
        dataSource={rows}
        tableLayout="fixed"
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人` }}
        locale={{ emptyText: <Empty description={members?.length ? '没有符合条件的人员' : '还没有录入党员'} /> }}
        onRow={(m) => ({ onDoubleClick: () => setDrawer({ mode: 'edit', member: m }) })}
        footer={() => `共 ${rows.length} 人`}
        columns={[
          {
            title: '姓名',
            key: 'name',
            render: (_, m) => {
              const shown = names.get(m.id) ?? m.name;
              const clash = shown !== m.name;
              return (
                <span>
                  <Typography.Text strong>{m.name}</Typography.Text>
                  {clash && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                      {[m.department, birthYear(m.birthDate)].filter(Boolean).join('，')}
                    </Typography.Text>
                  )}
                </span>
              );
            },
          },
          { title: '性别', dataIndex: 'gender', width: 56 },
          { title: '状态', key: 'status', width: 170, render: (_, m) => <MemberTags m={m} /> },
          {
            title: '所在支部 / 党小组',
            key: 'group',
            width: 150,
            render: (_, m) => (
              <span>
                {orgs?.byId.get(m.branchId)?.name}
                {m.groupId && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>{orgs?.byId.get(m.groupId)?.name}</Typography.Text>}
              </span>
            ),
          },
          { title: '党内职务', key: 'post', width: 100, render: (_, m) => seats.get(m.id)?.join('、') ?? m.partyPost ?? '' },
          { title: '入党日期', dataIndex: 'joinDate', width: 104, render: (d?: string) => formatShortDate(d) },
          { title: '身份证号', dataIndex: 'idNumber', width: 170, responsive: ['xl'], render: (id?: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{maskIdNumber(id)}</span> },
          {
            title: '操作',
            key: 'actions',
            width: 124,
            render: (_, m) => (
              <Flex gap={0}>
                <Button size="small" type="link" onClick={() => setDrawer({ mode: 'edit', member: m })} aria-label={`编辑 ${m.name}`}>
                  编辑
                </Button>
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      { key: 'move', label: '调动' },
                      { key: 'status', label: '状态变更' },
                      { type: 'divider' },
                      { key: 'delete', label: '删除', danger: true },
                    ],
                    onClick: ({ key }) => (key === 'move' ? setMoving(m) : key === 'status' ? setStatusOf(m) : remove(m)),
                  }}
                >
                  <Button size="small" type="link" aria-label={`更多操作 ${m.name}`}>
                    更多 <DownOutlined />
                  </Button>
                </Dropdown>
              </Flex>
            ),
          },
        ]}
      />
      <MemberDrawer
        state={drawer}
        onClose={() => setDrawer(null)}
        onSaved={(m, created) => {
          setDrawer(null);
          message.success(created ? `已新增党员“${m.name}”` : `已保存“${m.name}”的信息`);
        }}
        onMove={(m) => setMoving(m)}
        onChangeStatus={(m) => setStatusOf(m)}
      />
      {moving && (
        <MoveDialog
          member={moving}
          onClose={() => setMoving(null)}
          onDone={(t) => {
            setMoving(null);
            setDrawer(null);
            message.success(t);
          }}
        />
      )}
      {statusOf && (
        <StatusDialog
          member={statusOf}
          onClose={() => setStatusOf(null)}
          onDone={(t) => {
            setStatusOf(null);
            setDrawer(null);
            message.success(t);
          }}
        />
      )}
    </Flex>
  );
}
