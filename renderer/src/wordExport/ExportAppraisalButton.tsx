/**
 * 民主评议 Word: the blank 民主测评表 (printed before the meeting for the anonymous marking; it never
 * names who votes) and the 测评汇总表 (A4 landscape, after the count).
 */
import { Button, Dropdown, type MenuProps } from 'antd';
import { DownOutlined, FileWordOutlined } from '@ant-design/icons';
import { useDb } from '../dbContext';
import { buildAppraisalFile, type AppraisalSheet } from './recordExportData';
import { useRecordExport } from './useRecordExport';

export interface ExportAppraisalButtonProps {
  appraisalId: string;
  size?: 'small' | 'middle' | 'large';
}

const SHEET_LABELS: Record<AppraisalSheet, string> = {
  'mark-sheet': '民主测评表（空白，供无记名测评）',
  tally: '测评汇总表',
};

const ITEMS: MenuProps['items'] = (Object.keys(SHEET_LABELS) as AppraisalSheet[]).map((k) => ({ key: k, label: `导出${SHEET_LABELS[k]}` }));

export function ExportAppraisalButton({ appraisalId, size }: ExportAppraisalButtonProps) {
  const db = useDb();
  const { busy, run } = useRecordExport();
  const onClick: MenuProps['onClick'] = ({ key }) => {
    const sheet = key as AppraisalSheet;
    void run(sheet === 'tally' ? '测评汇总表' : '民主测评表', () => buildAppraisalFile(db, appraisalId, sheet));
  };
  return (
    <Dropdown menu={{ items: ITEMS, onClick }} trigger={['click']} disabled={busy}>
      <Button icon={<FileWordOutlined />} loading={busy} size={size}>
        导出 Word <DownOutlined />
      </Button>
    </Dropdown>
  );
}
