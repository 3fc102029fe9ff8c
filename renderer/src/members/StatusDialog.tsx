/** 状态变更: e.g. 预备党员 → 正式党员 from a date; the earlier status stays in the history. */
import { Alert, DatePicker, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { changeMemberStatus } from '../../db';
import { MEMBER_STATUS_LABELS, MEMBER_STATUSES, type Member, type MemberStatus } from '../../../shared/model';
import { useDb } from '../dbContext';
import { FormModal } from '../common/FormModal';
import { fromDayjs } from '../common/dates';

interface Values {
  status: MemberStatus;
  date: Dayjs;
}

const NEXT: Partial<Record<MemberStatus, MemberStatus>> = {
  applicant: 'activist',
  activist: 'candidate',
  candidate: 'probationary',
  probationary: 'full',
};
const HINT: Partial<Record<MemberStatus, string>> = {
  activist: '日期填支委会确定为入党积极分子的日期',
  candidate: '日期填支委会确定为发展对象的日期',
  probationary: '日期填支部党员大会通过接收为预备党员的日期（入党日期）',
  full: '日期填预备期满、支部党员大会讨论通过转正的日期（转正日期从预备期满之日算起）',
};

export function StatusDialog({ member, onClose, onDone }: { member: Member; onClose: () => void; onDone: (text: string) => void }) {
  const db = useDb();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const finish = async (v: Values) => {
    if (v.status === member.status) {
      form.setFields([{ name: 'status', errors: ['新状态与当前状态相同，请选择其他状态'] }]);
      throw new Error('新状态与当前状态相同');
    }
    const date = fromDayjs(v.date)!;
    await changeMemberStatus(db, member.id, v.status, date);
    onDone(`${member.name}已变更为${MEMBER_STATUS_LABELS[v.status]}（${date} 起）`);
  };
  return (
    <FormModal<Values>
      open
      title={`状态变更：${member.name}`}
      okText="确认变更"
      form={form}
      onFinish={finish}
      onCancel={onClose}
      action="状态变更"
      initialValues={{ status: NEXT[member.status] ?? member.status, date: dayjs() }}
    >
      <Typography.Paragraph>
        当前状态：<Typography.Text strong>{MEMBER_STATUS_LABELS[member.status]}</Typography.Text>
      </Typography.Paragraph>
      <Form.Item name="status" label="变更为" rules={[{ required: true, message: '请选择新的状态' }]}>
        <Select options={MEMBER_STATUSES.filter((s) => s !== member.status).map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s] }))} />
      </Form.Item>
      <Form.Item name="date" label="变更日期" rules={[{ required: true, message: '请选择变更日期' }]} extra={status ? HINT[status] : undefined}>
        <DatePicker />
      </Form.Item>
      <Alert type="info" showIcon title="变更会保留历史：变更日期之前的会议仍按原状态统计应到、实到和表决权人数。" />
    </FormModal>
  );
}
