/**
 * 上年度整改落实情况通报 (domain §2.6 step 6.1, check 37): the secretary's text, a button that
 * appends the facts of last 年度's ledger (carryOverReport: counts and the items' own fields, no
 * invented prose), and the live list of those items with their state.
 */
import { memo, useCallback } from 'react';
import { App, Button, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { RECTIFICATION_LIST_KIND_LABELS, type Rectification } from '../../../../shared/model';
import { carryOverReport, deadlineText, ledgerOrder } from '../../../../shared/rules/rectification';
import { listRectifications } from '../../../db';
import { useDb } from '../../dbContext';
import { todayString } from '../../common/dates';
import { navigate } from '../../router';
import { useEditor } from '../context';
import { TextField } from '../fields';
import { useLife } from './lifeContext';
import { patchLife, setLife } from './lifeMutations';
import { RectificationStatusTag } from './RectificationAction';

interface Props {
  orgId: string;
  annualYear: number;
  text: string;
}

export const LastYearReport = memo(function LastYearReport({ orgId, annualYear, text }: Props) {
  const db = useDb();
  const { message } = App.useApp();
  const { update, readOnly } = useEditor();
  const { status } = useLife();
  const lastYear = annualYear - 1;
  const items = useLiveQuery(async () => ledgerOrder(await listRectifications(db, { orgId, annualYear: lastYear })), [db, orgId, lastYear]);
  const onText = useCallback((v: string) => update(patchLife({ lastYearReport: v }), 'deferred'), [update]);

  const fill = async () => {
    const list = await listRectifications(db, { orgId, annualYear: lastYear });
    if (list.length === 0) {
      message.info(`整改台账中没有本组织 ${lastYear} 年度的整改事项，请如实填写通报内容`);
      return;
    }
    const facts = carryOverReport(list, todayString()).text;
    let appended = false;
    // Never overwrite what the secretary wrote: facts go after the existing text.
    update(
      setLife((l) => {
        appended = l.lastYearReport.trim() !== '';
        return { ...l, lastYearReport: appended ? `${l.lastYearReport.trimEnd()}\n\n${facts}` : facts };
      }),
    );
    message.success(appended ? '已把整改台账中的事实追加到现有内容之后，请据实修改' : '已按整改台账生成事实，请据实修改完善');
  };

  return (
    <div data-field="life.lastYearReport.section">
      <Space wrap style={{ marginBottom: 8 }}>
        {!readOnly && (
          <Button onClick={() => void fill()} aria-label="从整改台账生成事实">
            从整改台账生成事实
          </Button>
        )}
        <Typography.Text type="secondary">按 {lastYear} 年度整改台账统计，只列事实，请书记据实修改</Typography.Text>
      </Space>
      <TextField
        field="life.lastYearReport"
        ariaLabel="上年度整改落实情况通报"
        multiline
        minRows={3}
        maxRows={20}
        value={text}
        onCommit={onText}
        status={status('life.lastYearReport')}
        placeholder="通报上年度整改事项的完成情况；可点上方按钮从整改台账生成事实"
      />
      <Table<Rectification>
        size="small"
        style={{ marginTop: 8 }}
        rowKey="id"
        loading={items === undefined}
        dataSource={items ?? []}
        pagination={(items?.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: `${lastYear} 年度没有整改事项` }}
        aria-label="上年度整改事项"
        onRow={(r) => ({ onDoubleClick: () => navigate({ name: 'rectifications' }, { id: r.id }) })}
        columns={[
          {
            title: '清单',
            key: 'list',
            width: 110,
            render: (_, r) => (r.listKind === 'team' ? RECTIFICATION_LIST_KIND_LABELS.team : r.personName || RECTIFICATION_LIST_KIND_LABELS.personal),
          },
          { title: '问题', dataIndex: 'problem', ellipsis: true },
          { title: '责任人', dataIndex: 'ownerName', width: 90 },
          { title: '时限', key: 'deadline', width: 200, render: (_, r) => deadlineText(r) },
          { title: '状态', key: 'status', width: 90, render: (_, r) => <RectificationStatusTag item={r} /> },
          {
            title: '',
            key: 'open',
            width: 64,
            render: (_, r) => (
              <Button size="small" type="link" onClick={() => navigate({ name: 'rectifications' }, { id: r.id })}>
                查看
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
});
