/** Committee seats of a branch (支委会) or the 组长 of a 党小组, with the domain §1.2 hint. */
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { displayNames, endSeat, listMembers, listMembersByBranch, setCommittee } from '../../db';
import { ACTIVE_STANDINGS, COMMITTEE_ROLES, type CommitteeSeat, type Organisation } from '../../../shared/model';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';
import { formatShortDate, fromDayjs, todayString } from '../common/dates';
import { useUndoToast } from '../common/useUndo';
import { committeeAdvice } from './committeeAdvice';
import { SeatDialog, roleLabel } from './SeatDialog';

export function CommitteePanel({ org }: { org: Organisation }) {
  const db = useDb();
  const { modal, message } = App.useApp();
  const undoToast = useUndoToast();
  const [dialog, setDialog] = useState<{ index: number | null } | null>(null);
  const data = useLiveQuery(async () => {
    const [inOrg, all] = await Promise.all([listMembersByBranch(db, org.id), listMembers(db, { includeDeleted: true })]);
    return { inOrg, names: displayNames(all) };
  }, [db, org.id]);
  const isGroup = org.level === 'group';
  const what = isGroup ? '组长' : '支委';
  const fullCount = (data?.inOrg ?? []).filter((m) => m.status === 'full' && ACTIVE_STANDINGS.includes(m.standing)).length;
  const current = org.committee.filter((s) => !s.to);
  const advice = committeeAdvice(org.level, fullCount, current);

  const rows = org.committee
    .map((seat, index) => ({ seat, index }))
    .sort((a, b) => Number(!!a.seat.to) - Number(!!b.seat.to) || COMMITTEE_ROLES.indexOf(a.seat.role) - COMMITTEE_ROLES.indexOf(b.seat.role));
  const nameOf = (s: CommitteeSeat) => data?.names.get(s.memberId) ?? '（已删除的党员）';

  const save = async (seats: CommitteeSeat[], done: string) => {
    const before = org.committee;
    try {
      await setCommittee(db, org.id, seats);
      undoToast(done, () => setCommittee(db, org.id, before));
    } catch (e) {
      message.error(errorText(e, '保存'));
    }
  };

  const endDialog = (s: CommitteeSeat) => {
    let date: Dayjs | null = null;
    modal.confirm({
      title: `${nameOf(s)}卸任${roleLabel(org, s.role)}`,
      content: (
        <Space orientation="vertical">
          <span>请选择卸任日期（换届或调离的日期）。卸任后仍保留在历届名单中，以往会议的出席名单不变。</span>
          <DatePicker aria-label="卸任日期" onChange={(d) => (date = d)} placeholder="卸任日期（默认今天）" />
        </Space>
      ),
      okText: '卸任',
      cancelText: '取消',
      onOk: () => save(endSeat(org.committee, s.memberId, nextDay(fromDayjs(date) ?? todayString())), `${nameOf(s)}已卸任`),
    });
  };

  const remove = (index: number) => {
    const s = org.committee[index];
    modal.confirm({
      title: `删除这条任职记录？`,
      content: `${nameOf(s)}（${roleLabel(org, s.role)}）。仅在录入有误时删除；正常换届请用“卸任”，以便保留历届名单。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => save(org.committee.filter((_, i) => i !== index), '已删除任职记录'),
    });
  };

  return (
    <section aria-label={isGroup ? '党小组组长' : '支部委员会'}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {isGroup ? '党小组组长' : '支部委员会（书记、委员）'}
        </Typography.Title>
        <Button onClick={() => setDialog({ index: null })} disabled={isGroup && current.length > 0}>
          添加{what === '组长' ? '组长' : '支委'}
        </Button>
      </Space>
      {data && <Alert type={advice.type} showIcon title={advice.text} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey={(r) => String(r.index)}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: `还没有登记${what}` }}
        tableLayout="fixed"
        columns={[
          { title: '职务', width: 100, render: (_, r) => roleLabel(org, r.seat.role) },
          { title: '姓名', ellipsis: true, render: (_, r) => nameOf(r.seat) },
          {
            title: '任职时间',
            width: 200,
            render: (_, r) =>
              r.seat.to ? (
                <Typography.Text type="secondary">
                  {formatShortDate(r.seat.from) || '…'} 至 {formatShortDate(r.seat.to)}
                </Typography.Text>
              ) : (
                <Space size={4}>
                  <span>{r.seat.from ? `${formatShortDate(r.seat.from)} 起` : ''}</span>
                  <Tag color="red">现任</Tag>
                </Space>
              ),
          },
          {
            title: '操作',
            width: 170,
            render: (_, r) => {
              const who = `${nameOf(r.seat)}`;
              return (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => setDialog({ index: r.index })} aria-label={`修改 ${who}`}>
                    修改
                  </Button>
                  {!r.seat.to && (
                    <Button size="small" type="link" onClick={() => endDialog(r.seat)} aria-label={`卸任 ${who}`}>
                      卸任
                    </Button>
                  )}
                  <Button size="small" type="link" danger onClick={() => remove(r.index)} aria-label={`删除任职 ${who}`}>
                    删除
                  </Button>
                </Space>
              );
            },
          },
        ]}
      />
      {dialog && <SeatDialog org={org} index={dialog.index} onClose={() => setDialog(null)} />}
    </section>
  );
}

/** endSeat stores `to` = the day before the given date; the secretary picks the last day in office. */
function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
