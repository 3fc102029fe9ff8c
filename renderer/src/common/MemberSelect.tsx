/**
 * Member picker for one branch (or 党小组). Same-name members are told apart by 部门 + 出生年份.
 * `partyOnly` keeps 正式党员 / 预备党员 (e.g. for committee seats).
 */
import { useMemo, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { displayNames, listMembers, listMembersByBranch } from '../../db';
import { ACTIVE_STANDINGS, MEMBER_STATUS_LABELS, PARTY_MEMBER_STATUSES } from '../../../shared/model';
import { useDb } from '../dbContext';

export interface MemberSelectProps {
  id?: string;
  /** Branch or 党小组 whose members are offered; undefined = nobody (pick an organisation first). */
  orgId?: string | null;
  value?: string | null;
  onChange?: (memberId: string | undefined) => void;
  partyOnly?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
  disabled?: boolean;
}

export function MemberSelect({ orgId, value, onChange, partyOnly, placeholder, allowClear, style, ...rest }: MemberSelectProps) {
  const db = useDb();
  const data = useLiveQuery(async () => {
    if (!orgId) return { members: [], names: new Map<string, string>() };
    const [members, all] = await Promise.all([listMembersByBranch(db, orgId), listMembers(db)]);
    return { members, names: displayNames(all) };
  }, [db, orgId]);
  const options = useMemo(
    () =>
      (data?.members ?? [])
        .filter((m) => ACTIVE_STANDINGS.includes(m.standing))
        .filter((m) => !partyOnly || PARTY_MEMBER_STATUSES.includes(m.status))
        .map((m) => ({
          value: m.id,
          label: data?.names.get(m.id) ?? m.name,
          search: `${m.name} ${m.department ?? ''}`,
          status: MEMBER_STATUS_LABELS[m.status],
        })),
    [data, partyOnly],
  );
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      showSearch={{ filterOption: (input, opt) => !!opt?.search.includes(input.trim()) }}
      optionRender={(opt) => (
        <span>
          {opt.data.label}
          <span style={{ color: '#8c8c8c', marginLeft: 8, fontSize: 13 }}>{opt.data.status}</span>
        </span>
      )}
      placeholder={placeholder ?? (orgId ? '输入姓名查找' : '请先选择党组织')}
      notFoundContent={orgId ? '该组织还没有符合条件的党员，请先在“党员花名册”中录入' : '请先选择党组织'}
      allowClear={allowClear}
      loading={!data}
      style={{ minWidth: 180, ...style }}
    />
  );
}
