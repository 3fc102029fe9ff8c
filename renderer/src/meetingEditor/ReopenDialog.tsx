/** 重新打开: the reason is required and kept on the record (reopenLog). */
import { useState } from 'react';
import { Input, Modal, Typography } from 'antd';

export function ReopenDialog({ open, onCancel, onConfirm }: { open: boolean; onCancel: () => void; onConfirm: (reason: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const empty = !reason.trim();
  return (
    <Modal
      open={open}
      title="重新打开已定稿的记录"
      okText="确认重新打开"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onCancel}
      afterClose={() => {
        setReason('');
        setTouched(false);
      }}
      onOk={async () => {
        setTouched(true);
        if (empty) return;
        setBusy(true);
        try {
          await onConfirm(reason.trim());
        } finally {
          setBusy(false);
        }
      }}
    >
      <Typography.Paragraph>
        重新打开后记录变回草稿，可以修改，修改完成后需再次定稿。重新打开的时间和原因会记在这份记录上，检查时可以看到。
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="重新打开原因"
        autoFocus
        maxLength={500}
        showCount
        autoSize={{ minRows: 3, maxRows: 6 }}
        value={reason}
        status={touched && empty ? 'error' : undefined}
        placeholder="必填，例如：更正发言记录中的错别字"
        onChange={(e) => setReason(e.target.value)}
      />
      {touched && empty && <Typography.Text type="danger">请填写重新打开的原因</Typography.Text>}
    </Modal>
  );
}
