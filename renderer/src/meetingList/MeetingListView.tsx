/** 会议记录: filters, total, the virtualised list, 新建会议记录, first-run guide. */
import { useMemo, useState } from 'react';
import { Alert, Button, Empty, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useOrganisations } from '../common/useOrganisations';
import { errorText } from '../common/errors';
import { EMPTY_FILTER, isFiltered, toListFilter, type ListFilterState } from './filters';
import { MeetingFilters } from './MeetingFilters';
import { MeetingVirtualList } from './MeetingVirtualList';
import { NewMeetingDialog } from './NewMeetingDialog';
import { GettingStarted } from './GettingStarted';
import { useMeetingRows } from './useMeetingRows';

const FILTER_KEY = 'pm.meetingList.filter';

function loadFilter(): ListFilterState {
  try {
    const raw = sessionStorage.getItem(FILTER_KEY);
    return raw ? { ...EMPTY_FILTER, ...(JSON.parse(raw) as Partial<ListFilterState>) } : EMPTY_FILTER;
  } catch {
    return EMPTY_FILTER;
  }
}

export function MeetingListView() {
  const orgs = useOrganisations();
  const [filter, setFilterState] = useState<ListFilterState>(loadFilter);
  const [creating, setCreating] = useState(false);
  const setFilter = (f: ListFilterState) => {
    setFilterState(f);
    try {
      sessionStorage.setItem(FILTER_KEY, JSON.stringify(f));
    } catch {
      /* the filter is a convenience; ignore storage failures */
    }
  };
  // An organisation deleted since the filter was saved is dropped.
  const effective = orgs && filter.orgId && !orgs.byId.has(filter.orgId) ? { ...filter, orgId: undefined } : filter;
  const listFilter = useMemo(() => toListFilter(effective, orgs), [effective, orgs]);
  const { total, loaded, getRow, ensureRange, error } = useMeetingRows(listFilter);

  if (!orgs) return null;
  if (orgs.list.length === 0) return <GettingStarted />;

  return (
    <Flex vertical gap={12} style={{ height: 'calc(100vh - 40px)', minHeight: 420 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          会议记录
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建会议记录
        </Button>
      </Flex>
      <MeetingFilters value={effective} onChange={setFilter} />
      <Typography.Text type="secondary" aria-live="polite" data-testid="meeting-total">
        {loaded ? `共 ${(total ?? 0).toLocaleString('zh-CN')} 条记录，按会议日期从新到旧排列` : '正在读取…'}
      </Typography.Text>
      {error ? <Alert type="error" showIcon title={errorText(error, '读取会议记录')} /> : null}
      {loaded && total === 0 ? (
        <Empty description={isFiltered(effective) ? '没有符合筛选条件的会议记录' : '还没有会议记录'} style={{ marginTop: 48 }}>
          {isFiltered(effective) ? (
            <Button onClick={() => setFilter(EMPTY_FILTER)}>清除筛选</Button>
          ) : (
            <Button type="primary" onClick={() => setCreating(true)}>
              新建第一条会议记录
            </Button>
          )}
        </Empty>
      ) : (
        <MeetingVirtualList total={total ?? 0} getRow={getRow} ensureRange={ensureRange} orgs={orgs} resetKey={JSON.stringify(listFilter)} />
      )}
      <NewMeetingDialog open={creating} defaultOrgId={effective.orgId} onClose={() => setCreating(false)} />
    </Flex>
  );
}
