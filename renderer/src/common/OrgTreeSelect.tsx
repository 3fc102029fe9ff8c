/**
 * Organisation picker (tree): 机关党委 → 党总支 → 党支部 → 党小组.
 * `selectableLevels` limits what can be picked (e.g. only 党支部 for a member's branch);
 * other levels stay visible as headings.
 */
import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { ORG_LEVEL_LABELS, type OrgLevel } from '../../../shared/model';
import { useOrganisations, type OrgIndex } from './useOrganisations';

export interface OrgTreeNode {
  value: string;
  title: string;
  selectable: boolean;
  children: OrgTreeNode[];
}

export function orgTreeData(index: OrgIndex, selectableLevels?: readonly OrgLevel[], parentId: string | null = null): OrgTreeNode[] {
  return (index.childrenOf.get(parentId) ?? []).map((o) => ({
    value: o.id,
    title: o.name,
    selectable: !selectableLevels || selectableLevels.includes(o.level),
    children: orgTreeData(index, selectableLevels, o.id),
  }));
}

export interface OrgTreeSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  selectableLevels?: readonly OrgLevel[];
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
  disabled?: boolean;
}

export function OrgTreeSelect({ selectableLevels, placeholder, allowClear, style, value, onChange, ...rest }: OrgTreeSelectProps) {
  const index = useOrganisations();
  const treeData = useMemo(() => (index ? orgTreeData(index, selectableLevels) : []), [index, selectableLevels]);
  const hint = selectableLevels ? `请选择${selectableLevels.map((l) => ORG_LEVEL_LABELS[l]).join('或')}` : '请选择党组织';
  return (
    <TreeSelect
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? hint}
      allowClear={allowClear}
      loading={!index}
      notFoundContent="还没有党组织，请先在“组织架构”中建立"
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
