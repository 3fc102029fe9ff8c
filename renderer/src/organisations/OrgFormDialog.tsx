/** 新建 / 编辑 党组织: 简称, 全称 (as printed), 任期, 备注. */
import { Alert, DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { createOrganisation, updateOrganisation } from '../../db';
import { ORG_LEVEL_LABELS, type OrgLevel, type Organisation } from '../../../shared/model';
import { useDb } from '../dbContext';
import { FormModal } from '../common/FormModal';
import { fromDayjs, toDayjs } from '../common/dates';

interface Values {
  level: OrgLevel;
  name: string;
  fullName: string;
  termStart?: Dayjs | null;
  termEnd?: Dayjs | null;
  note?: string;
}

export type OrgDialogState =
  | { mode: 'create'; parent: Organisation | null; levels: OrgLevel[] }
  | { mode: 'edit'; org: Organisation };

const FULL_NAME_EXAMPLES: Record<OrgLevel, string> = {
  party_committee: '中共××市财政局机关委员会',
  general_branch: '中共××市财政局机关第一总支部委员会',
  branch: '中共××市财政局机关第一支部委员会',
  group: '第一党支部第一党小组',
};
const NAME_EXAMPLES: Record<OrgLevel, string> = {
  party_committee: '机关党委',
  general_branch: '第一党总支',
  branch: '第一党支部',
  group: '第一党小组',
};

export function OrgFormDialog({ state, onClose, onSaved }: { state: OrgDialogState | null; onClose: () => void; onSaved: (org: Organisation) => void }) {
  const db = useDb();
  const [form] = Form.useForm<Values>();
  const level = Form.useWatch('level', form) ?? (state?.mode === 'create' ? state.levels[0] : state?.org.level);
  if (!state) return null;
  const creating = state.mode === 'create';
  const initial: Partial<Values> = creating
    ? { level: state.levels[0], name: '', fullName: '' }
    : {
        level: state.org.level,
        name: state.org.name,
        fullName: state.org.fullName,
        termStart: toDayjs(state.org.termStart),
        termEnd: toDayjs(state.org.termEnd),
        note: state.org.note,
      };
  const title = creating
    ? state.parent
      ? `在“${state.parent.name}”下添加${state.levels.length === 1 ? ORG_LEVEL_LABELS[state.levels[0]] : '下级组织'}`
      : '新建党组织'
    : `编辑“${state.org.name}”`;

  const finish = async (v: Values) => {
    const fields = {
      name: v.name.trim(),
      fullName: v.fullName.trim(),
      termStart: fromDayjs(v.termStart),
      termEnd: fromDayjs(v.termEnd),
      note: v.note?.trim() || undefined,
    };
    if (fields.termStart && fields.termEnd && fields.termEnd < fields.termStart) {
      form.setFields([{ name: 'termEnd', errors: ['任期届满日期不能早于任期开始日期'] }]);
      throw new Error('任期届满日期不能早于任期开始日期');
    }
    const org = creating
      ? await createOrganisation(db, { ...fields, level: state.levels.length === 1 ? state.levels[0] : v.level, parentId: state.parent?.id ?? null })
      : await updateOrganisation(db, state.org.id, fields);
    onSaved(org);
  };

  return (
    <FormModal<Values>
      open
      title={title}
      okText={creating ? '创建' : '保存'}
      form={form}
      initialValues={initial}
      onFinish={finish}
      onCancel={onClose}
      action={creating ? '创建组织' : '保存组织信息'}
      fieldOf={(k) => (['name', 'fullName', 'termStart', 'termEnd', 'note'].includes(k) ? k : undefined)}
    >
      {creating && state.levels.length > 1 && (
        <Form.Item name="level" label="组织层级" rules={[{ required: true, message: '请选择组织层级' }]}>
          <Radio.Group optionType="button" options={state.levels.map((l) => ({ value: l, label: ORG_LEVEL_LABELS[l] }))} />
        </Form.Item>
      )}
      {creating && !state.parent && level === 'branch' && (
        <Alert type="info" style={{ marginBottom: 16 }} title="没有机关党委、党支部直接隶属上级党组织的，可直接建立党支部。" />
      )}
      <Form.Item
        name="name"
        label="简称"
        extra="在列表和菜单中显示"
        rules={[
          { required: true, whitespace: true, message: '请填写组织简称' },
          { max: 60, message: '简称不能超过 60 字' },
        ]}
      >
        <Input placeholder={`例如：${NAME_EXAMPLES[level ?? 'branch']}`} autoFocus autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="fullName"
        label="全称"
        extra="打印在会议记录标题上，请按上级批复的名称填写"
        rules={[
          { required: true, whitespace: true, message: '请填写组织全称（打印在记录标题上）' },
          { max: 120, message: '全称不能超过 120 字' },
        ]}
      >
        <Input placeholder={`例如：${FULL_NAME_EXAMPLES[level ?? 'branch']}`} autoComplete="off" />
      </Form.Item>
      {level !== 'group' && (
        <Form.Item label="本届任期" extra="机关党支部委员会每届任期一般为 3 年" style={{ marginBottom: 8 }}>
          <Form.Item name="termStart" style={{ display: 'inline-block', marginRight: 12 }}>
            <DatePicker placeholder="任期开始" aria-label="任期开始" />
          </Form.Item>
          <Form.Item name="termEnd" style={{ display: 'inline-block' }}>
            <DatePicker placeholder="任期届满" aria-label="任期届满" />
          </Form.Item>
        </Form.Item>
      )}
      <Form.Item name="note" label="备注" rules={[{ max: 2000, message: '备注不能超过 2000 字' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}
