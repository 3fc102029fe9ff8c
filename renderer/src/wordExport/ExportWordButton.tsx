/**
 * 导出 Word: one dropdown for the minutes (公文版式 / 表格式), the 签到表 and the preview.
 *
 * Every export reads the record fresh from the database, runs the 定稿 checks (checkMeeting) and,
 * when the record would not pass, lists the problems first (MissingFieldsDialog): the user goes back
 * or exports a draft (草稿 in every page header and （草稿） in the file name). A 定稿 record exports
 * as final. Files go through the host: a save dialog on the desktop, a download in the browser.
 */
import { useCallback, useState } from 'react';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { DownOutlined, EyeOutlined, FileTextOutlined, FileWordOutlined, TableOutlined, TeamOutlined } from '@ant-design/icons';
import type { MeetingIssue } from '../../../shared/rules/meetingChecks';
import { getHost } from '../../host';
import { getDocumentProfile } from '../../db/documentProfile';
import { useDb } from '../dbContext';
import { auditWordExport } from '../../security/recordEvents';
import { errorText } from '../common/errors';
import { blockingIssues, buildWordFile, isDraftExport, loadExportContext, WORD_KIND_LABELS, type ExportContext, type WordKind } from './exportData';
import { MissingFieldsDialog } from './MissingFieldsDialog';
import { WordPreviewModal } from './WordPreviewModal';
import { useLifeMeetingMenu } from './ExportLifeMeetingMenu';

export interface ExportWordButtonProps {
  meetingId: string;
  /**
   * Called before the record is read, e.g. the editor's `flush` so the last keystrokes are in the
   * database. Resolve false to stop (the user is told to save first).
   */
  beforeExport?: () => Promise<boolean>;
  disabled?: boolean;
  size?: 'small' | 'middle' | 'large';
}

type MenuKey = WordKind | 'preview';

const MENU: MenuProps['items'] = [
  { key: 'gongwen', icon: <FileTextOutlined />, label: '导出会议记录（公文版式）' },
  { key: 'table', icon: <TableOutlined />, label: '导出会议记录（表格式）' },
  { key: 'sign-in', icon: <TeamOutlined />, label: '导出签到表' },
  { type: 'divider' },
  { key: 'preview', icon: <EyeOutlined />, label: '预览' },
];

interface Pending {
  ctx: ExportContext;
  kind: WordKind;
  issues: MeetingIssue[];
}

export function ExportWordButton({ meetingId, beforeExport, disabled, size }: ExportWordButtonProps) {
  const db = useDb();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // Kept after the dialog closes so its text does not change during the closing animation.
  const [pending, setPending] = useState<Pending | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [preview, setPreview] = useState<{ open: boolean; kind?: WordKind }>({ open: false });
  // 组织生活会 / 民主生活会: 批评与自我批评记录 and 召开情况报告 (no items for other types).
  const life = useLifeMeetingMenu(meetingId, beforeExport);

  const save = useCallback(
    async (ctx: ExportContext, kind: WordKind) => {
      const file = await buildWordFile(ctx, kind);
      const r = await getHost().saveFile({ suggestedName: file.name, kind: 'docx', bytes: file.bytes });
      if (!r.saved) return;
      const shown = r.fileName ?? file.name;
      void auditWordExport(db, { id: ctx.meeting.id, fileName: shown, bytes: file.bytes, what: WORD_KIND_LABELS[kind] });
      if (file.draft) {
        message.warning(`已导出草稿：${shown}。记录定稿后再导出，即为正式${WORD_KIND_LABELS[kind]}。`, 6);
      } else {
        message.success(`已导出：${shown}`);
      }
    },
    [db, message],
  );

  const run = useCallback(
    async (kind: WordKind) => {
      if (busy) return;
      setBusy(true);
      try {
        if (beforeExport && !(await beforeExport())) {
          message.error('当前修改还未能保存，请先按页面顶部的提示处理，再导出');
          return;
        }
        const ctx = await loadExportContext(db, meetingId);
        const issues = blockingIssues(ctx, kind);
        // 定稿 records export as final; everything else is told what is missing first.
        if (issues.length > 0 && (isDraftExport(ctx, kind) || kind === 'sign-in')) {
          setPending({ ctx, kind, issues });
          setDialogOpen(true);
          return;
        }
        await save(ctx, kind);
      } catch (e) {
        message.error(errorText(e, '导出 Word'));
      } finally {
        setBusy(false);
      }
    },
    [beforeExport, busy, db, meetingId, message, save],
  );

  const continueDraft = useCallback(async () => {
    const p = pending;
    setDialogOpen(false);
    if (!p) return;
    setBusy(true);
    try {
      await save(p.ctx, p.kind);
    } catch (e) {
      message.error(errorText(e, '导出 Word'));
    } finally {
      setBusy(false);
    }
  }, [pending, message, save]);

  const openPreview = useCallback(async () => {
    try {
      if (beforeExport && !(await beforeExport())) {
        message.error('当前修改还未能保存，请先按页面顶部的提示处理，再预览');
        return;
      }
      const profile = await getDocumentProfile(db);
      setPreview({ open: true, kind: profile.defaultLayout });
    } catch (e) {
      message.error(errorText(e, '预览'));
    }
  }, [beforeExport, db, message]);

  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (life.onClick(key)) return;
    const k = key as MenuKey;
    if (k === 'preview') void openPreview();
    else void run(k);
  };

  return (
    <>
      <Dropdown menu={{ items: [...(MENU ?? []), ...life.items], onClick: onMenu }} trigger={['click']} disabled={disabled || busy || life.busy}>
        <Button icon={<FileWordOutlined />} loading={busy || life.busy} size={size}>
          导出 Word <DownOutlined />
        </Button>
      </Dropdown>
      <MissingFieldsDialog
        open={dialogOpen}
        kind={pending?.kind ?? 'gongwen'}
        issues={pending?.issues ?? []}
        onCancel={() => setDialogOpen(false)}
        onContinue={() => void continueDraft()}
      />
      <WordPreviewModal
        open={preview.open}
        meetingId={meetingId}
        initialKind={preview.kind}
        exporting={busy}
        onClose={() => setPreview({ open: false })}
        onExport={(k) => void run(k)}
      />
    </>
  );
}
