/** 添加 / 修改 one committee seat (支委) or the 组长 of a 党小组. */
import { DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { setCommittee } from '../../db';
import { COMMITTEE_ROLE_LABELS, COMMITTEE_ROLES, type CommitteeRole, type CommitteeSeat, type Organisation } from '../../../shared/model';
import { useDb } from '../dbContext';
import { FormModal } from '../common/FormModal';
import { MemberSelect } from '../common/MemberSelect';
import { fromDayjs, toDayjs } from '../common/dates';

interface Values {
  memberId: string;
  role: CommitteeRole;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

export function roleLabel(org: Pick<Organisation, 'level'>, role: CommitteeRole): string {
  return org.level === 'group' && role === 'secretary' ? '组长' : COMMITTEE_ROLE_LABELS[role];
}

/** `index` null = new seat. */
export function SeatDialog({ org, index, onClose }: { org: Organisation; index: number | null; onClose: () => void }) {
  const db = useDb();
  const [form] = Form.useForm<Values>();
  const isGroup = org.level === 'group';
  const seat: CommitteeSeat | undefined = index === null ? undefined : org.committee[index];
  const initial: Partial<Values> = seat
    ? { memberId: seat.memberId, role: seat.role, from: toDayjs(seat.from), to: toDayjs(seat.to) }
    : { role: isGroup || !org.committee.some((s) => s.role === 'secretary' && !s.to) ? 'secretary' : undefined, from: toDayjs(org.termStart) };
  const what = isGroup ? '组长' : '支委';

  const finish = async (v: Values) => {
    const next: CommitteeSeat = { memberId: v.memberId, role: isGroup ? 'secretary' : v.role, from: fromDayjs(v.from), to: fromDayjs(v.to) };
    const seats = index === null ? [...org.committee, next] : org.committee.map((s, i) => (i === index ? next : s));
    await setCommittee(db, org.id, seats);
    onClose();
  };

  return (
    <FormModal<Values>
      open
      title={seat ? `修改${what}` : `添加${what}`}
      okText="保存"
      form={form}
      initialValues={initial}
      onFinish={finish}
      onCancel={onClose}
      action={`保存${what}`}
    >
      <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]} extra={`只列出本${isGroup ? '党小组' : '支部'}的正式党员和预备党员`}>
        <MemberSelect orgId={org.id} partyOnly />
      </Form.Item>
      {!isGroup && (
        <Form.Item name="role" label="职务" rules={[{ required: true, message: '请选择职务' }]}>
          <Select options={COMMITTEE_ROLES.map((r) => ({ value: r, label: COMMITTEE_ROLE_LABELS[r] }))} placeholder="请选择职务" />
        </Form.Item>
      )}
      <Form.Item label="任职时间" style={{ marginBottom: 0 }} extra="截止日期留空表示现任。换届或调离时填写截止日期，以往会议的出席名单不受影响。">
        <Form.Item name="from" style={{ display: 'inline-block', marginRight: 12 }}>
          <DatePicker placeholder="起始日期" aria-label="任职起始日期" />
        </Form.Item>
        <Form.Item name="to" style={{ display: 'inline-block' }}>
          <DatePicker placeholder="截止日期（现任留空）" aria-label="任职截止日期" style={{ width: 200 }} />
        </Form.Item>
      </Form.Item>
    </FormModal>
  );
}
