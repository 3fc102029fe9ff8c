/** Filter bar of the meeting list. */
import { Button, Checkbox, Flex, Select } from 'antd';
import {
  CLASSIFICATION_LABELS,
  CLASSIFICATION_LEVELS,
  MEETING_TYPE_SHORT,
  MEETING_TYPES,
  RECORD_STATUS_LABELS,
  RECORD_STATUSES,
  type RecordStatus,
} from '../../../shared/model';
import { OrgTreeSelect } from '../common/OrgTreeSelect';
import { EMPTY_FILTER, isFiltered, type ListFilterState } from './filters';

const PERIODS = [
  { value: 'all', label: '全年' },
  { value: 'q1', label: '第一季度' },
  { value: 'q2', label: '第二季度' },
  { value: 'q3', label: '第三季度' },
  { value: 'q4', label: '第四季度' },
  ...Array.from({ length: 12 }, (_, i) => ({ value: `m${i + 1}`, label: `${i + 1}月` })),
];

function yearOptions() {
  const now = new Date().getFullYear();
  return Array.from({ length: now + 1 - 2015 + 1 }, (_, i) => now + 1 - i).map((y) => ({ value: y, label: `${y}年` }));
}

export function MeetingFilters({ value, onChange }: { value: ListFilterState; onChange: (f: ListFilterState) => void }) {
  const set = (patch: Partial<ListFilterState>) => onChange({ ...value, ...patch });
  return (
    <Flex gap={8} wrap align="center" role="search" aria-label="筛选会议记录">
      <OrgTreeSelect aria-label="党组织" value={value.orgId} onChange={(orgId) => set({ orgId })} allowClear placeholder="全部党组织" style={{ width: 190 }} />
      <Checkbox checked={value.includeSub} onChange={(e) => set({ includeSub: e.target.checked })} disabled={!value.orgId}>
        含下级组织
      </Checkbox>
      <Select
        aria-label="会议类型"
        mode="multiple"
        allowClear
        placeholder="全部类型"
        maxTagCount="responsive"
        value={value.types}
        onChange={(types) => set({ types })}
        options={MEETING_TYPES.map((t) => ({ value: t, label: MEETING_TYPE_SHORT[t] }))}
        style={{ width: 170 }}
      />
      <Select
        aria-label="年度"
        allowClear
        placeholder="全部年份"
        value={value.year}
        onChange={(year) => set({ year, period: year ? value.period : 'all' })}
        options={yearOptions()}
        style={{ width: 110 }}
      />
      <Select aria-label="季度或月份" value={value.period} onChange={(period) => set({ period })} options={PERIODS} disabled={!value.year} style={{ width: 110 }} />
      <Select<RecordStatus>
        aria-label="状态"
        allowClear
        placeholder="全部状态"
        value={value.status}
        onChange={(status) => set({ status })}
        options={RECORD_STATUSES.map((s) => ({ value: s, label: RECORD_STATUS_LABELS[s] }))}
        style={{ width: 110 }}
      />
      <Select
        aria-label="密级"
        mode="multiple"
        allowClear
        placeholder="全部密级"
        maxTagCount="responsive"
        value={value.levels}
        onChange={(levels) => set({ levels })}
        options={CLASSIFICATION_LEVELS.map((l) => ({ value: l, label: l === 'none' ? '未标密级' : CLASSIFICATION_LABELS[l] }))}
        style={{ width: 130 }}
      />
      {isFiltered(value) && (
        <Button type="link" onClick={() => onChange(EMPTY_FILTER)}>
          清除筛选
        </Button>
      )}
    </Flex>
  );
}
