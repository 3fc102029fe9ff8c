/**
 * 导出整改台账 / 整改清单 (A4 landscape): the 年度's whole ledger, or only the 支部班子 / 个人 list.
 * 逾期 is computed for the day of export.
 */
import { Button } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { RECTIFICATION_LIST_KIND_LABELS, type RectificationListKind } from '../../../shared/model';
import { useDb } from '../dbContext';
import { buildRectificationsFile } from './recordExportData';
import { useRecordExport } from './useRecordExport';

export interface ExportRectificationsButtonProps {
  orgId: string;
  annualYear: number;
  listKind?: RectificationListKind;
  size?: 'small' | 'middle' | 'large';
}

export function ExportRectificationsButton({ orgId, annualYear, listKind, size }: ExportRectificationsButtonProps) {
  const db = useDb();
  const { busy, run } = useRecordExport();
  const what = listKind ? `${RECTIFICATION_LIST_KIND_LABELS[listKind]}整改清单` : '整改台账';
  return (
    <Button icon={<FileWordOutlined />} loading={busy} size={size} onClick={() => void run(what, () => buildRectificationsFile(db, orgId, annualYear, listKind))}>
      导出{what}（Word）
    </Button>
  );
}
