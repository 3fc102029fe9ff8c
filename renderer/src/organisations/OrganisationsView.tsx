/** 组织架构: the tree on the left, the selected organisation with its committee on the right. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Space, Tag, Tree, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { deleteOrganisation, organisationContents, restoreRecord } from '../../db';
import { ORG_CHILD_LEVELS, ORG_LEVEL_LABELS, ORG_LEVELS, type OrgLevel, type Organisation } from '../../../shared/model';
import { useDb } from '../dbContext';
import { formatShortDate } from '../common/dates';
import { useConfirmDelete } from '../common/useUndo';
import { useOrganisations, type OrgIndex } from '../common/useOrganisations';
import { OrgFormDialog, type OrgDialogState } from './OrgFormDialog';
import { CommitteePanel } from './CommitteePanel';

const LEVEL_COLORS: Record<OrgLevel, string> = { party_committee: 'red', general_branch: 'volcano', branch: 'orange', group: 'gold' };
const ROOT_LEVELS: OrgLevel[] = ['party_committee', 'general_branch', 'branch'];

interface TreeNode {
  key: string;
  title: React.ReactNode;
  children: TreeNode[];
}

function treeNodes(index: OrgIndex, parentId: string | null): TreeNode[] {
  return (index.childrenOf.get(parentId) ?? []).map((o) => ({
    key: o.id,
    title: (
      <span>
        {o.name}
        <Tag color={LEVEL_COLORS[o.level]} style={{ marginLeft: 8, fontSize: 12 }} variant="filled">
          {ORG_LEVEL_LABELS[o.level]}
        </Tag>
      </span>
    ),
    children: treeNodes(index, o.id),
  }));
}

export function OrganisationsView() {
  const db = useDb();
  const { message } = App.useApp();
  const confirmDelete = useConfirmDelete();
  const index = useOrganisations();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OrgDialogState | null>(null);

  const nodes = useMemo(() => (index ? treeNodes(index, null) : []), [index]);
  const selected = selectedId ? index?.byId.get(selectedId) : undefined;

  // Select the first organisation once loaded, and move on when the selected one disappears
  // (but not while a just-created one is on its way from the database).
  const justCreated = useRef<string | null>(null);
  useEffect(() => {
    if (!index) return;
    if (selectedId && index.byId.has(selectedId)) {
      if (justCreated.current === selectedId) justCreated.current = null;
      return;
    }
    if (selectedId && justCreated.current === selectedId) return;
    setSelectedId(index.list[0]?.id ?? null);
  }, [index, selectedId]);

  const remove = (org: Organisation) =>
    confirmDelete({
      title: `删除“${org.name}”？`,
      content: '删除后放入回收站，可以撤销或在回收站中恢复。组织下还有下级组织、党员或会议记录时不能删除。',
      remove: () => deleteOrganisation(db, org.id),
      done: `已删除“${org.name}”`,
      undo: () => restoreRecord(db, 'organisations', org.id),
      refusedTitle: '不能删除该组织',
      action: '删除组织',
    });

  if (!index) return null;

  return (
    <Flex gap={16} align="flex-start" wrap>
      <Card
        title="组织树"
        style={{ flex: '1 1 260px', maxWidth: 380, minWidth: 240 }}
        extra={
          <Button type="primary" size="small" onClick={() => setDialog({ mode: 'create', parent: null, levels: ROOT_LEVELS })}>
            新建组织
          </Button>
        }
      >
        {nodes.length === 0 ? (
          <Empty description="还没有党组织">
            <Typography.Paragraph type="secondary" style={{ textAlign: 'left' }}>
              一般先建立“机关党委”，再在其下添加党支部；党支部下可以设党小组。
            </Typography.Paragraph>
            <Button type="primary" onClick={() => setDialog({ mode: 'create', parent: null, levels: ROOT_LEVELS })}>
              建立第一个党组织
            </Button>
          </Empty>
        ) : (
          <Tree
            aria-label="组织树"
            treeData={nodes}
            defaultExpandAll
            blockNode
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(keys) => keys[0] && setSelectedId(String(keys[0]))}
          />
        )}
      </Card>
      <div style={{ flex: '3 1 420px', minWidth: 0 }}>
        {selected ? (
          <OrgDetail org={selected} index={index} onEdit={() => setDialog({ mode: 'edit', org: selected })} onAddChild={(level) => setDialog({ mode: 'create', parent: selected, levels: [level] })} onDelete={() => remove(selected)} />
        ) : (
          nodes.length > 0 && <Empty description="请在左侧选择一个组织" />
        )}
      </div>
      <OrgFormDialog
        state={dialog}
        onClose={() => setDialog(null)}
        onSaved={(org) => {
          setDialog(null);
          justCreated.current = org.id;
          setSelectedId(org.id);
          message.success(`已保存“${org.name}”`);
        }}
      />
    </Flex>
  );
}

function OrgDetail({
  org,
  index,
  onEdit,
  onAddChild,
  onDelete,
}: {
  org: Organisation;
  index: OrgIndex;
  onEdit: () => void;
  onAddChild: (level: OrgLevel) => void;
  onDelete: () => void;
}) {
  const db = useDb();
  const contents = useLiveQuery(() => organisationContents(db, org.id), [db, org.id, org.rev]);
  const parent = org.parentId ? index.byId.get(org.parentId) : undefined;
  const childLevels = ORG_CHILD_LEVELS[org.level];
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space>
            <span>{org.name}</span>
            <Tag color={LEVEL_COLORS[org.level]}>{ORG_LEVEL_LABELS[org.level]}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            <Button onClick={onEdit}>编辑组织</Button>
            <Button danger onClick={onDelete}>
              删除组织
            </Button>
          </Space>
        }
      >
        <Descriptions
          column={1}
          size="small"
          styles={{ label: { width: 100 } }}
          items={[
            { key: 'fullName', label: '全称', children: org.fullName },
            { key: 'parent', label: '上级组织', children: parent ? parent.name : '（无，顶层组织）' },
            ...(org.level !== 'group'
              ? [
                  {
                    key: 'term',
                    label: '本届任期',
                    children:
                      org.termStart || org.termEnd ? `${formatShortDate(org.termStart) || '…'} 至 ${formatShortDate(org.termEnd) || '…'}` : '未填写',
                  },
                ]
              : []),
            {
              key: 'contents',
              label: '包含',
              children: contents
                ? [contents.children ? `${contents.children} 个下级组织` : '', `${contents.members} 名人员`, `${contents.meetings} 条会议记录`]
                    .filter(Boolean)
                    .join('，')
                : '…',
            },
            ...(org.note ? [{ key: 'note', label: '备注', children: org.note }] : []),
          ]}
        />
        {childLevels.length > 0 && (
          <Space wrap style={{ marginTop: 12 }}>
            {ORG_LEVELS.filter((l) => childLevels.includes(l)).map((l) => (
              <Button key={l} onClick={() => onAddChild(l)}>
                添加{ORG_LEVEL_LABELS[l]}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      {(org.level === 'branch' || org.level === 'group') && (
        <Card>
          <CommitteePanel org={org} />
        </Card>
      )}
    </Flex>
  );
}
