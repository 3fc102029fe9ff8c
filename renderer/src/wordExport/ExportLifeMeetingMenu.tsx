/**
 * The 组织生活会 / 民主生活会 part of the 导出 Word dropdown: 批评与自我批评记录 (one person, or
 * everyone in one file, one person per page) and the 召开情况报告（草稿）. The minutes themselves
 * stay the dropdown's own items (the minutes builder prints the life-meeting blocks).
 *
 * `useLifeMeetingMenu` gives ExportWordButton the extra items and their click handler; the
 * `ExportLifeMeetingMenu` component is the same menu as a button of its own, for other screens.
 * The menu lists participants by name and role only: no criticism text ever appears in the UI here.
 */
import { useCallback, useMemo } from 'react';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { DownOutlined, FileDoneOutlined, FileWordOutlined, SolutionOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { LIFE_ROLE_LABELS, isLifeMeetingType } from '../../../shared/model';
import { useDb } from '../dbContext';
import { buildCriticismFile, buildLifeReportFile } from './recordExportData';
import { useRecordExport } from './useRecordExport';

const KEY_PREFIX = 'life:';
const REPORT_KEY = 'life:report';
const CRITICISM_ALL_KEY = 'life:criticism:all';
const criticismKey = (participantId: string) => `life:criticism:${participantId}`;

export interface LifeMeetingMenu {
  /** The extra dropdown items; empty when the record is not a 组织生活会 / 民主生活会. */
  items: NonNullable<MenuProps['items']>;
  /** Runs the export of one of its own keys and returns true; returns false for any other key. */
  onClick: (key: string) => boolean;
  busy: boolean;
}

export function useLifeMeetingMenu(meetingId: string, beforeExport?: () => Promise<boolean>): LifeMeetingMenu {
  const db = useDb();
  const { message } = App.useApp();
  const { busy, run } = useRecordExport();
  // Names and roles only (for the sub-menu); the record is read again, fresh, at export time.
  const info = useLiveQuery(async () => {
    const m = await db.meetings.get(meetingId);
    if (!m || m.deletedAt || !isLifeMeetingType(m.type)) return null;
    return { type: m.type, people: (m.life?.participants ?? []).map((p) => ({ id: p.id, label: `${p.name}（${LIFE_ROLE_LABELS[p.role]}）` })) };
  }, [db, meetingId]);

  const items = useMemo<NonNullable<MenuProps['items']>>(() => {
    if (!info) return [];
    const people = info.people;
    return [
      { type: 'divider' },
      {
        key: 'life:criticism',
        icon: <SolutionOutlined />,
        label: '导出批评与自我批评记录',
        disabled: people.length === 0,
        children: [
          { key: CRITICISM_ALL_KEY, label: `全体人员（一人一页，共 ${people.length} 人）` },
          ...(people.length ? [{ type: 'divider' as const }] : []),
          ...people.map((p) => ({ key: criticismKey(p.id), label: p.label })),
        ],
      },
      { key: REPORT_KEY, icon: <FileDoneOutlined />, label: `导出${info.type === 'democratic_life' ? '民主生活会' : '组织生活会'}召开情况报告（草稿）` },
    ];
  }, [info]);

  const exportKey = useCallback(
    async (key: string) => {
      if (beforeExport && !(await beforeExport())) {
        message.error('当前修改还未能保存，请先按页面顶部的提示处理，再导出');
        return;
      }
      if (key === REPORT_KEY) {
        await run('召开情况报告', () => buildLifeReportFile(db, meetingId), '报告中的“此处由支部书记填写”部分请补充完整，核对后再报送上级党组织。');
      } else {
        const participantId = key === CRITICISM_ALL_KEY ? 'all' : key.slice('life:criticism:'.length);
        await run('批评与自我批评记录', () => buildCriticismFile(db, meetingId, participantId));
      }
    },
    [beforeExport, db, meetingId, message, run],
  );

  const onClick = useCallback(
    (key: string) => {
      if (!key.startsWith(KEY_PREFIX)) return false;
      void exportKey(key);
      return true;
    },
    [exportKey],
  );

  return { items, onClick, busy };
}

export interface ExportLifeMeetingMenuProps {
  meetingId: string;
  beforeExport?: () => Promise<boolean>;
  size?: 'small' | 'middle' | 'large';
}

/** The same items as a stand-alone button (nothing is shown for other meeting types). */
export function ExportLifeMeetingMenu({ meetingId, beforeExport, size }: ExportLifeMeetingMenuProps) {
  const menu = useLifeMeetingMenu(meetingId, beforeExport);
  if (menu.items.length === 0) return null;
  return (
    <Dropdown menu={{ items: menu.items.slice(1), onClick: ({ key }) => void menu.onClick(key) }} trigger={['click']} disabled={menu.busy}>
      <Button icon={<FileWordOutlined />} loading={menu.busy} size={size}>
        生活会材料 <DownOutlined />
      </Button>
    </Dropdown>
  );
}
