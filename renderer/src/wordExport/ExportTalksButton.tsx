/**
 * 导出谈心谈话记录表: one talk, or a selection (e.g. a year's talks) in one file, one form per page.
 * Placed by the talk screens; the file is built from the stored records at the moment of export.
 */
import { Button } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useDb } from '../dbContext';
import { buildTalksFile } from './recordExportData';
import { useRecordExport } from './useRecordExport';

export interface ExportTalksButtonProps {
  talkIds: string[];
  size?: 'small' | 'middle' | 'large';
}

export function ExportTalksButton({ talkIds, size }: ExportTalksButtonProps) {
  const db = useDb();
  const { busy, run } = useRecordExport();
  const many = talkIds.length > 1;
  return (
    <Button
      icon={<FileWordOutlined />}
      loading={busy}
      size={size}
      disabled={talkIds.length === 0}
      title={talkIds.length === 0 ? '请先选择要导出的谈心谈话记录' : undefined}
      onClick={() => void run('谈心谈话记录表', () => buildTalksFile(db, talkIds))}
    >
      {many ? `导出谈心谈话记录表（${talkIds.length} 份）` : '导出谈心谈话记录表'}
    </Button>
  );
}
