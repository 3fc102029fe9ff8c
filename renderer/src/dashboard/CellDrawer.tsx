/** One grid cell opened: the records that satisfy it, and a button that starts the missing one. */
import { Alert, Button, Drawer, Empty, Flex, List, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { CELL_STATE_LABELS, OBLIGATION_LABELS, type ObligationCell } from '../../../shared/checks';
import { MEETING_TYPE_SHORT, RECORD_STATUS_LABELS, type Appraisal, type Organisation } from '../../../shared/model';
import { cnDate } from '../../../shared/checks/periods';
import type { MeetingIndexRow } from '../../db/database';
import { routeHref } from '../router';
import { OBLIGATION_MEETING_TYPE } from './actions';

const STATE_COLOR = { held: 'success', missing: 'warning', overdue: 'error', upcoming: 'default', not_applicable: 'default' } as const;

export function CellDrawer({
  cell,
  org,
  rows,
  appraisals,
  onClose,
  onNew,
}: {
  cell: ObligationCell | null;
  org: Organisation | undefined;
  rows: Map<string, MeetingIndexRow>;
  appraisals: readonly Appraisal[];
  onClose: () => void;
  onNew: (cell: ObligationCell) => void;
}) {
  const what = cell ? OBLIGATION_LABELS[cell.obligation] : '';
  const newLabel = cell?.obligation === 'appraisal' ? '到“民主评议”新建' : cell ? `新建${cell.obligation === 'secretary_lecture' ? '书记讲党课' : MEETING_TYPE_SHORT[OBLIGATION_MEETING_TYPE[cell.obligation]!]}记录` : '';
  return (
    <Drawer open={!!cell} onClose={onClose} title={cell ? `${org?.name ?? ''} · ${what} · ${cell.periodLabel}` : ''} size={460} destroyOnHidden>
      {cell && (
        <Flex vertical gap={16}>
          <div>
            <Tag color={STATE_COLOR[cell.state]}>{CELL_STATE_LABELS[cell.state]}</Tag>
            <Typography.Text type="secondary">
              要求 {cell.required} 次，已记录 {cell.held} 次；期限 {cnDate(cell.due)}
            </Typography.Text>
          </div>
          {cell.state === 'overdue' && (
            <Alert
              type="warning"
              showIcon
              title={`没有找到${cell.periodLabel}的${what}记录`}
              description="如果会议已经召开，请补录（记录会标记为补录，不会隐藏）；如果没有召开，请尽快安排。"
            />
          )}
          {cell.recordIds.length > 0 ? (
            <List
              header={<strong>已有记录</strong>}
              bordered
              size="small"
              dataSource={cell.recordIds}
              renderItem={(id) => {
                if (cell.recordTable === 'appraisals') {
                  const a = appraisals.find((x) => x.id === id);
                  return (
                    <List.Item>
                      <a href={routeHref({ name: 'appraisal', id })}>{a ? `${a.annualYear}年度民主评议（${cnDate(a.date)}）` : '民主评议记录'}</a>
                    </List.Item>
                  );
                }
                const r = rows.get(id);
                return (
                  <List.Item extra={r ? <Tag>{RECORD_STATUS_LABELS[r.status]}</Tag> : null}>
                    <a href={routeHref({ name: 'meeting', id })}>{r ? `${cnDate(r.date)} ${MEETING_TYPE_SHORT[r.type]}${r.topics[0] ? `：${r.topics[0]}` : ''}` : '会议记录'}</a>
                  </List.Item>
                );
              }}
            />
          ) : (
            <Empty description={`${cell.periodLabel}还没有${what}记录`} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
          {cell.state !== 'not_applicable' && (
            <Button type={cell.state === 'held' ? 'default' : 'primary'} icon={<PlusOutlined />} onClick={() => onNew(cell)}>
              {newLabel}
            </Button>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
