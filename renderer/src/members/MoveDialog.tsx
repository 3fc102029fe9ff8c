/** 调动: move a member to another branch / 党小组 from an effective date. */
import { Alert, Checkbox, DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { endSeat, moveMember, setCommittee } from '../../db';
import type { Member } from '../../../shared/model';
import { useDb } from '../dbContext';
import { FormModal } from '../common/FormModal';
import { OrgTreeSelect } from '../common/OrgTreeSelect';
import { useOrganisations } from '../common/useOrganisations';
import { fromDayjs } from '../common/dates';

interface Values {
  branchId: string;
  groupId?: string | null;
  date: Dayjs;
  endSeats: boolean;
}

export function MoveDialog({ member, onClose, onDone }: { member: Member; onClose: () => void; onDone: (text: string) => void }) {
  const db = useDb();
  const orgs = useOrganisations();
  const [form] = Form.useForm<Values>();
  const branchId = Form.useWatch('branchId', form);
  const groups = branchId ? (orgs?.childrenOf.get(branchId) ?? []).filter((o) => o.level === 'group') : [];
  const seatsHeld = (orgs?.list ?? []).filter((o) => o.committee.some((s) => s.memberId === member.id && !s.to));
  const from = orgs?.byId.get(member.branchId)?.name ?? '原支部';

  const finish = async (v: Values) => {
    const date = fromDayjs(v.date)!;
    await moveMember(db, member.id, v.branchId, v.groupId ?? null, date);
    if (v.endSeats) {
      for (const o of seatsHeld) {
        // A seat in the new branch's own group stays; seats where the member no longer belongs end.
        if (o.id === v.branchId || o.id === v.groupId) continue;
        await setCommittee(db, o.id, endSeat(o.committee, member.id, date));
      }
    }
    const to = [orgs?.byId.get(v.branchId)?.name, v.groupId ? orgs?.byId.get(v.groupId)?.name : undefined].filter(Boolean).join(' / ');
    onDone(`已将${member.name}调至${to}（${date} 起）`);
  };

  return (
    <FormModal<Values>
      open
      title={`调动：${member.name}`}
      okText="确认调动"
      form={form}
      onFinish={finish}
      onCancel={onClose}
      action="调动"
      initialValues={{ date: dayjs(), endSeats: true, groupId: null }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`从${from}调出。调动前已记录的会议，出席名单保持原样；从生效日期起，新建的会议按新的支部（党小组）计算应到人员。`}
      />
      <Form.Item name="branchId" label="调入党支部" rules={[{ required: true, message: '请选择调入的党支部' }]} extra="党小组之间调整，也在这里选择本支部，再选党小组">
        <OrgTreeSelect selectableLevels={['branch']} onChange={() => form.setFieldValue('groupId', null)} />
      </Form.Item>
      <Form.Item name="groupId" label="调入党小组">
        <Select
          allowClear
          disabled={groups.length === 0}
          placeholder={groups.length ? '不编入党小组可留空' : '该支部未设党小组'}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
        />
      </Form.Item>
      <Form.Item name="date" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
        <DatePicker />
      </Form.Item>
      {seatsHeld.length > 0 && (
        <Form.Item name="endSeats" valuePropName="checked">
          <Checkbox>同时结束其在{seatsHeld.map((o) => o.name).join('、')}的职务（书记、委员或组长），任职记录保留</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
