/**
 * Shown before exporting a record that would not pass 定稿: lists what is missing or wrong (the
 * checkMeeting messages, plain Chinese) and lets the user go back or export a draft anyway.
 * Messages are rendered as text (React escapes them); nothing here is HTML.
 */
import { Button, Modal, Typography } from 'antd';
import type { MeetingIssue } from '../../../shared/rules/meetingChecks';
import { WORD_KIND_LABELS, type WordKind } from './exportData';

export interface MissingFieldsDialogProps {
  open: boolean;
  kind: WordKind;
  issues: readonly MeetingIssue[];
  onCancel: () => void;
  onContinue: () => void;
}

export function MissingFieldsDialog({ open, kind, issues, onCancel, onContinue }: MissingFieldsDialogProps) {
  const signIn = kind === 'sign-in';
  return (
    <Modal
      open={open}
      width={580}
      title={signIn ? `签到表中有 ${issues.length} 项内容尚未填写` : `这条记录还有 ${issues.length} 处问题，尚不能定稿`}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        <Button key="back" onClick={onCancel}>
          返回修改
        </Button>,
        <Button key="go" type="primary" onClick={onContinue}>
          {signIn ? '仍然导出签到表' : '仍导出草稿'}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {signIn
          ? '以下内容在签到表上会是空白，需要手写补上：'
          : '正式记录不能留空白或带着错误打印。以下内容请先在记录中补充或修改：'}
      </Typography.Paragraph>
      <ol className="pm-word-missing" aria-label="需要补充或修改的内容" style={{ paddingInlineStart: 24, maxHeight: 320, overflowY: 'auto' }}>
        {issues.map((i, n) => (
          <li key={`${i.code}-${i.field}-${n}`} style={{ marginBottom: 4 }}>
            {i.message}
          </li>
        ))}
      </ol>
      {!signIn && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          也可以先导出草稿用于核对：草稿每页页眉标注“草稿”，文件名带“（草稿）”。记录定稿后再导出，即为正式的
          {WORD_KIND_LABELS[kind]}。
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
