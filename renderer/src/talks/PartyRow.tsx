/**
 * One side of a talk (谈话人 or one 谈话对象): pick from the branch roster (post and 政治面貌 are
 * filled in) or type a name for someone not on it (上级领导, 外单位同志).
 */
import { memo, useCallback } from 'react';
import { Button, Select, Space } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { TalkParty } from '../../../shared/model';
import { RecordText } from '../records/RecordText';
import { partyOf, type OrgPerson } from '../records/useOrgPeople';

export interface PartyRowProps {
  /** data-field path and label prefix: interviewer / interviewees.0 */
  field: string;
  label: string;
  value: TalkParty;
  people: readonly OrgPerson[];
  /** A patch applied to the latest draft (never a stale copy of the row). */
  onChange: (patch: Partial<TalkParty>) => void;
  onRemove?: () => void;
  error?: string;
}

export const PartyRow = memo(function PartyRow({ field, label, value, people, onChange, onRemove, error }: PartyRowProps) {
  const onName = useCallback((name: string) => onChange({ name, memberId: null }), [onChange]);
  const onPost = useCallback((post: string) => onChange({ post }), [onChange]);
  const onPs = useCallback((politicalStatus: string) => onChange({ politicalStatus }), [onChange]);
  return (
    <div className="pm-party-row" data-field={field}>
      <Space wrap size={8} align="start">
        <Select
          aria-label={`${label}（从花名册选择）`}
          value={value.memberId ?? undefined}
          placeholder="从花名册选择"
          style={{ width: 190 }}
          status={error ? 'error' : undefined}
          showSearch={{ filterOption: (input, opt) => !!opt?.label.includes(input.trim()) }}
          options={people.map((p) => ({ value: p.memberId, label: p.label }))}
          onChange={(id: string) => {
            const p = people.find((x) => x.memberId === id);
            if (p) onChange(partyOf(p));
          }}
          notFoundContent="花名册中没有此人，可直接在右侧填写姓名"
        />
        <RecordText field={`${field}.name`} ariaLabel={`${label}姓名`} placeholder="姓名" value={value.name} onCommit={onName} style={{ width: 120 }} status={error ? 'error' : undefined} />
        <RecordText field={`${field}.post`} ariaLabel={`${label}职务`} placeholder="职务（书记、组织委员、科员…）" value={value.post} onCommit={onPost} style={{ width: 200 }} />
        <RecordText field={`${field}.politicalStatus`} ariaLabel={`${label}政治面貌`} placeholder="政治面貌" value={value.politicalStatus} onCommit={onPs} style={{ width: 130 }} />
        {onRemove && <Button aria-label={`删除${label}`} icon={<DeleteOutlined aria-hidden />} onClick={onRemove} />}
      </Space>
      {error && (
        <div className="pm-field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
});
