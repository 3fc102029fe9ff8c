/**
 * 销号 (对单销号, domain §2.6 step 7): date, 审核人 and 佐证材料. Closing without evidence is
 * allowed after a warning and is recorded on the item (closedWithoutEvidence).
 */
import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Rectification } from '../../../shared/model';
import { closeItem } from '../../db';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';
import { fromDayjs, toDayjs, todayString } from '../common/dates';

export interface CloseItemDialogProps {
  open: boolean;
  item: Rectification;
  onCancel: () => void;
  onClosed: (item: Rectification) => void;
}

export function CloseItemDialog({ open, item, onCancel, onClosed }: CloseItemDialogProps) {
  const db = useDb();
  const { message, modal } = App.useApp();
  const [date, setDate] = useState<string | undefined>(todayString());
  const [approver, setApprover] = useState('');
  const [evidence, setEvidence] = useState(item.evidence);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);

  useEffect(() => {
    if (!open) return;
    setDate(todayString());
    setApprover('');
    setEvidence(item.evidence);
    setTried(false);
  }, [open, item.evidence]);

  const run = async () => {
    setBusy(true);
    try {
      const next = await closeItem(db, item.id, { date: date ?? '', approver, evidence });
      message.success(next.closedWithoutEvidence ? '已销号（已记录：销号时无佐证材料）' : '已销号');
      onClosed(next);
    } catch (e) {
      message.error(errorText(e, '销号'));
    } finally {
      setBusy(false);
    }
  };

  const onOk = () => {
    setTried(true);
    if (!approver.trim() || !date) return;
    if (!evidence.trim()) {
      modal.confirm({
        title: '没有佐证材料，仍要销号吗？',
        content: '对单销号一般应有佐证材料（整改报告、制度文件、会议记录等）。无佐证销号会记录在该事项上，整改台账和检查中会提示补充。',
        okText: '仍然销号',
        cancelText: '返回补充',
        onOk: run,
      });
      return;
    }
    void run();
  };

  return (
    <Modal open={open} title="销号" okText="销号" cancelText="取消" onOk={onOk} onCancel={onCancel} confirmLoading={busy} destroyOnHidden>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label="销号时间" validateStatus={tried && !date ? 'error' : undefined} help={tried && !date ? '请选择销号时间' : undefined}>
          <DatePicker aria-label="销号时间" value={toDayjs(date)} onChange={(d) => setDate(fromDayjs(d))} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label="销号审核人"
          validateStatus={tried && !approver.trim() ? 'error' : undefined}
          help={tried && !approver.trim() ? '请填写审核同意销号的同志' : undefined}
        >
          <Input aria-label="销号审核人" maxLength={50} value={approver} onChange={(e) => setApprover(e.target.value)} placeholder="如：支部书记 张建国" />
        </Form.Item>
        <Form.Item label="佐证材料">
          <Input.TextArea aria-label="销号佐证材料" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} value={evidence} onChange={(e) => setEvidence(e.target.value)} placeholder="整改报告、制度文件、会议记录编号等" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
