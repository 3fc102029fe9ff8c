/** 填充演示数据: only on an empty database, after the secretary confirms. */
import { useState } from 'react';
import { App, Button } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { fillDemoData, type PartyMinutesDB } from '../../db';
import { useDb } from '../dbContext';
import { errorText } from './errors';

/** Everything fillDemoData counts, recycle bin included. */
export async function databaseIsEmpty(db: PartyMinutesDB): Promise<boolean> {
  const n = (await db.organisations.count()) + (await db.members.count()) + (await db.meetings.count());
  return n === 0;
}

export function useDatabaseEmpty(): boolean | undefined {
  const db = useDb();
  return useLiveQuery(() => databaseIsEmpty(db), [db]);
}

export function DemoDataButton({ onDone, type = 'default' }: { onDone?: () => void; type?: 'default' | 'primary' | 'link' }) {
  const db = useDb();
  const { modal, message } = App.useApp();
  const empty = useDatabaseEmpty();
  const [busy, setBusy] = useState(false);
  const run = () =>
    modal.confirm({
      title: '填充演示数据？',
      content:
        '将生成一个示例单位（机关党委、3 个党支部、约 40 名党员和近一年的会议记录），用于熟悉软件。演示数据都是虚构的，不要与正式记录混用：建议只在试用或培训用的电脑上填充。',
      okText: '填充演示数据',
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        try {
          const s = await fillDemoData(db, { now: new Date() });
          message.success(`已生成演示数据：${s.organisations} 个组织、${s.members} 名人员、${s.meetings} 条会议记录`);
          onDone?.();
        } catch (e) {
          message.error(errorText(e, '填充演示数据'));
        } finally {
          setBusy(false);
        }
      },
    });
  return (
    <Button type={type} onClick={run} loading={busy} disabled={empty === false}>
      填充演示数据
    </Button>
  );
}
