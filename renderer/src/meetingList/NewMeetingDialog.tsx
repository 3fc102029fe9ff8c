/**
 * 新建会议记录: organisation, type, date, agenda template, and "copy from last"; creates the draft
 * and opens it in the editor.
 */
import { App, Checkbox, DatePicker, Form, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { attendanceFromRoster, copyFromLast, createMeeting, emptyLifeBlock, getLifeAspects, lifeAnnualYear, seatsOn, type MeetingInput } from '../../db';
import {
  LIFE_HELD_AS,
  MEETING_TYPE_LABELS,
  MEETING_TYPE_SHORT,
  MEETING_TYPES,
  isLifeMeetingType,
  type LifeHeldAs,
  type MeetingType,
  type OrgLevel,
  type Organisation,
} from '../../../shared/model';
import { agendaTemplatesFor, buildAgenda, defaultAgendaTemplateKey } from '../../../shared/templates/agenda';
import { useDb } from '../dbContext';
import { navigate } from '../router';
import { FormModal } from '../common/FormModal';
import { OrgTreeSelect } from '../common/OrgTreeSelect';
import { fromDayjs, todayString } from '../common/dates';
import { useOrganisations } from '../common/useOrganisations';

interface Values {
  orgId?: string;
  type?: MeetingType;
  date: Dayjs;
  template?: string;
  copyLast: boolean;
  /** 组织生活会 / 民主生活会 only. */
  annualYear?: number;
  /** 组织生活会 only: held as 党员大会 / 支委会 / 党小组会. */
  heldAs?: LifeHeldAs;
}

/** Levels that may hold each meeting type (民主生活会: leadership teams of 机关党委 / 党总支 / 党支部). */
const HOLDER_LEVELS: Record<MeetingType, readonly OrgLevel[]> = {
  general_assembly: ['branch'],
  committee: ['branch'],
  group: ['group'],
  lecture: ['branch'],
  theme_day: ['branch'],
  life_meeting: ['branch'],
  democratic_life: ['party_committee', 'general_branch', 'branch'],
};
const SELECTABLE_LEVELS: readonly OrgLevel[] = ['party_committee', 'general_branch', 'branch', 'group'];

const HELD_AS_OPTIONS = LIFE_HELD_AS.map((h) => ({ value: h, label: `以${MEETING_TYPE_SHORT[h]}形式召开` }));

/** Why `type` cannot be held by `org` on `date` (null = fine). */
export function typeProblem(org: Organisation | undefined, type: MeetingType, date: string): string | null {
  if (!org) return null;
  if (type === 'group') return org.level === 'group' ? null : '党小组会请在“党组织”中选择一个党小组';
  if (type === 'democratic_life') return HOLDER_LEVELS.democratic_life.includes(org.level) ? null : '民主生活会请在“党组织”中选择机关党委、党总支或党支部';
  if (org.level !== 'branch') return `${MEETING_TYPE_LABELS[type]}请在“党组织”中选择一个党支部`;
  if (type === 'committee' && seatsOn(org, date).length === 0) {
    return '该支部还没有登记支委（或会议日期时无人在任）。请先到“组织架构”登记支部委员会成员';
  }
  return null;
}

/** Pre-fill from the 工作台 (a missing 支委会 in May → that branch, 支委会, a date in May). */
export interface NewMeetingDefaults {
  defaultOrgId?: string;
  defaultType?: MeetingType;
  defaultDate?: string;
  defaultAnnualYear?: number;
}

export function NewMeetingDialog({ open, defaultOrgId, defaultType, defaultDate, defaultAnnualYear, onClose }: NewMeetingDefaults & { open: boolean; onClose: () => void }) {
  const db = useDb();
  const { message } = App.useApp();
  const orgs = useOrganisations();
  const [form] = Form.useForm<Values>();
  const orgId = Form.useWatch('orgId', form);
  const type = Form.useWatch('type', form);
  const date = Form.useWatch('date', form);
  const copyLast = Form.useWatch('copyLast', form);
  const org = orgId ? orgs?.byId.get(orgId) : undefined;
  const dateStr = fromDayjs(date) ?? todayString();

  const holders = (orgs?.list ?? []).filter((o) => o.level === 'branch' || o.level === 'group');
  const lifeType = !!type && isLifeMeetingType(type);
  const initialOrg = defaultOrgId && holders.some((o) => o.id === defaultOrgId) ? defaultOrgId : holders.length === 1 ? holders[0].id : undefined;
  const initialOrgLevel = initialOrg ? orgs?.byId.get(initialOrg)?.level : undefined;
  const initialType: MeetingType | undefined = defaultType ?? (initialOrgLevel === 'group' ? 'group' : initialOrgLevel === 'branch' ? 'general_assembly' : undefined);

  // The organisations load after the first render, when the form has already taken its initial
  // values: apply a pre-filled organisation (工作台, meeting list) once they are in.
  useEffect(() => {
    if (initialOrg && !form.getFieldValue('orgId')) form.setFieldsValue({ orgId: initialOrg });
  }, [initialOrg, form]);

  const templates = type ? agendaTemplatesFor(type) : [];

  const finish = async (v: Values) => {
    const day = fromDayjs(v.date)!;
    const chosen = orgs?.byId.get(v.orgId!);
    const problem = typeProblem(chosen, v.type!, day);
    if (problem) {
      form.setFields([{ name: 'type', errors: [problem] }]);
      throw new Error(problem);
    }
    const input: MeetingInput = { orgId: v.orgId!, type: v.type!, date: day };
    const life = isLifeMeetingType(v.type!);
    let agenda = buildAgenda(v.template ?? defaultAgendaTemplateKey(v.type!), () => crypto.randomUUID());
    let note: string | null = null;
    const prefill = v.copyLast ? await copyFromLast(db, v.orgId!, v.type!, { before: day }) : null;
    if (prefill) {
      Object.assign(input, {
        place: prefill.place,
        chairId: prefill.chairId,
        chairName: prefill.chairName,
        chairTitle: prefill.chairTitle,
        recorderId: prefill.recorderId,
        recorderName: prefill.recorderName,
        attendance: prefill.attendance,
      });
      if (prefill.agenda.length) agenda = prefill.agenda;
    } else {
      if (v.copyLast) note = `${chosen?.name ?? ''}在该日期之前没有${MEETING_TYPE_LABELS[v.type!]}记录可复制，已按花名册和议程模板新建`;
      // Life meetings: createMeeting takes the attendance from the form of meeting (支委会 → the
      // committee, 民主生活会 → the team) and the speaker blocks from that attendance.
      if (!life) input.attendance = await attendanceFromRoster(db, v.orgId!, day, v.type!);
    }
    if (life) {
      const annualYear = v.annualYear ?? lifeAnnualYear(day);
      const heldAs = v.type === 'life_meeting' ? (v.heldAs ?? 'general_assembly') : null;
      input.life = { ...emptyLifeBlock(v.type!, day, { heldAs, aspects: await getLifeAspects(db, annualYear) }), annualYear };
    }
    const m = await createMeeting(db, { ...input, agenda });
    onClose();
    if (note) message.info(note);
    if (m.attendance.length === 0) message.warning('该组织在会议日期没有应到人员，出席名单是空的。请先录入党员，或在记录中添加参会人员');
    navigate({ name: 'meeting', id: m.id });
  };

  return (
    <FormModal<Values>
      open={open}
      title="新建会议记录"
      okText="新建并开始记录"
      form={form}
      onFinish={finish}
      onCancel={onClose}
      action="新建会议记录"
      width={580}
      initialValues={{
        orgId: initialOrg,
        type: initialType,
        date: defaultDate ? dayjs(defaultDate) : dayjs(),
        template: initialType ? defaultAgendaTemplateKey(initialType) : undefined,
        copyLast: false,
        annualYear: defaultAnnualYear ?? lifeAnnualYear(defaultDate ?? todayString()),
        heldAs: 'general_assembly',
      }}
      onValuesChange={(changed) => {
        if ('type' in changed && changed.type) form.setFieldValue('template', defaultAgendaTemplateKey(changed.type));
        if ('date' in changed) form.setFieldValue('annualYear', lifeAnnualYear(fromDayjs(changed.date as Dayjs) ?? todayString()));
        if ('orgId' in changed) {
          const o = changed.orgId ? orgs?.byId.get(changed.orgId) : undefined;
          const t = form.getFieldValue('type') as MeetingType | undefined;
          if (o?.level === 'group' && t !== 'group') form.setFieldsValue({ type: 'group', template: defaultAgendaTemplateKey('group') });
          if (o?.level === 'branch' && (t === 'group' || !t)) form.setFieldsValue({ type: 'general_assembly', template: defaultAgendaTemplateKey('general_assembly') });
          if ((o?.level === 'party_committee' || o?.level === 'general_branch') && t !== 'democratic_life') {
            form.setFieldsValue({ type: 'democratic_life', template: defaultAgendaTemplateKey('democratic_life') });
          }
        }
      }}
    >
      <Form.Item name="orgId" label="党组织" rules={[{ required: true, message: '请选择召开会议的党组织' }]} extra="党小组会选党小组，民主生活会选召开会议的领导班子所在组织，其他会议选党支部">
        <OrgTreeSelect selectableLevels={SELECTABLE_LEVELS} />
      </Form.Item>
      <Form.Item
        name="type"
        label="会议类型"
        rules={[
          { required: true, message: '请选择会议类型' },
          {
            validator: async (_, t?: MeetingType) => {
              const p = t ? typeProblem(org, t, dateStr) : null;
              if (p) throw new Error(p);
            },
          },
        ]}
        dependencies={['orgId', 'date']}
      >
        <Select
          placeholder="请选择会议类型"
          options={MEETING_TYPES.map((t) => {
            const p = typeProblem(org, t, dateStr);
            return { value: t, label: MEETING_TYPE_LABELS[t], disabled: !!p && !!org && !HOLDER_LEVELS[t].includes(org.level) };
          })}
        />
      </Form.Item>
      <Form.Item name="date" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]} extra="应到人员按该日期的党员名单生成">
        <DatePicker allowClear={false} />
      </Form.Item>
      {lifeType && (
        <Form.Item
          name="annualYear"
          label="年度"
          rules={[{ required: true, message: '请填写这次会议属于哪个年度' }]}
          extra="1—3 月召开的，通常是上一年度的会议；检视方面和上年度整改情况按年度查找"
        >
          <InputNumber aria-label="年度" min={1949} max={2200} precision={0} suffix="年度" style={{ width: 160 }} />
        </Form.Item>
      )}
      {type === 'life_meeting' && (
        <Form.Item name="heldAs" label="召开形式" rules={[{ required: true, message: '请选择召开形式' }]}>
          <Select aria-label="召开形式" options={HELD_AS_OPTIONS} />
        </Form.Item>
      )}
      <Form.Item name="template" label="议程模板" extra={copyLast ? '勾选了“从上次会议复制”时，议程沿用上次会议的议题；没有上次会议时使用此模板' : '只生成议题标题，发言和决定由您记录'}>
        <Select placeholder={type ? '请选择议程模板' : '请先选择会议类型'} options={templates.map((t) => ({ value: t.key, label: t.name }))} disabled={!type} />
      </Form.Item>
      <Form.Item name="copyLast" valuePropName="checked" style={{ marginBottom: 4 }}>
        <Checkbox>从上次会议复制（地点、参会人员、议程框架）</Checkbox>
      </Form.Item>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {copyLast ? '复制后所有人默认“出席”，缺席原因清空；发言和决定不会复制。' : '不复制时，参会人员按会议日期的党员名单生成（支委会为当时在任的支委）。'}
      </Typography.Text>
    </FormModal>
  );
}
