/**
 * 新增 / 编辑党员: the roster fields of domain §1.4, grouped. Branch, group and status change
 * through 调动 / 状态变更 for an existing member, so their history is kept.
 */
import { useEffect, useState } from 'react';
import { Alert, AutoComplete, Button, Checkbox, Col, DatePicker, Divider, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { createMember, DbValidationError, updateMember, type MemberInput, type MemberPatch } from '../../db';
import {
  MEMBER_STATUS_LABELS,
  MEMBER_STATUSES,
  PARTY_STANDING_LABELS,
  PARTY_STANDINGS,
  memberFieldsSchema,
  type Member,
  type MemberStatus,
  type PartyStanding,
} from '../../../shared/model';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';
import { fromDayjs, toDayjs } from '../common/dates';
import { OrgTreeSelect } from '../common/OrgTreeSelect';
import { useOrganisations } from '../common/useOrganisations';
import { issuesToFields, validateFields } from '../common/zodForm';
import { CATEGORY_OPTIONS, EDUCATION_OPTIONS, ETHNICITY_OPTIONS, MemberTags } from './memberLabels';

const DATE_FIELDS = ['birthDate', 'workStartDate', 'joinDate', 'fullMemberDate', 'activistDate', 'candidateDate', 'transferInDate', 'transferOutDate'] as const;
type DateField = (typeof DATE_FIELDS)[number];
const TEXT_FIELDS = ['name', 'ethnicity', 'idNumber', 'nativePlace', 'education', 'department', 'adminPost', 'title', 'personnelCategory', 'sponsors', 'partyPost', 'mobileNote', 'phone', 'address', 'note'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

type Values = { [K in TextField]?: string } & { [K in DateField]?: Dayjs | null } & {
  gender?: '男' | '女';
  status: MemberStatus;
  standing: PartyStanding;
  branchId?: string;
  groupId?: string | null;
  isLeadingCadre?: boolean;
  isMobile?: boolean;
  isLostContact?: boolean;
  duesMonthly?: number | null;
  duesPaidUntil?: Dayjs | null;
};

export type MemberDrawerState = { mode: 'create'; orgId?: string } | { mode: 'edit'; member: Member };

function toValues(m: Member): Values {
  const v: Values = {
    gender: m.gender,
    status: m.status,
    standing: m.standing,
    branchId: m.branchId,
    groupId: m.groupId,
    isLeadingCadre: m.isLeadingCadre,
    isMobile: m.isMobile,
    isLostContact: m.isLostContact,
    duesMonthly: m.duesMonthly,
    duesPaidUntil: m.duesPaidUntil ? dayjs(`${m.duesPaidUntil}-01`) : undefined,
  };
  for (const f of TEXT_FIELDS) v[f] = m[f];
  for (const f of DATE_FIELDS) v[f] = toDayjs(m[f]);
  return v;
}

/** Form values → model fields (empty → undefined, ID number upper-cased). */
function toFields(v: Values) {
  const out: Record<string, unknown> = {
    gender: v.gender,
    status: v.status,
    standing: v.standing,
    isLeadingCadre: !!v.isLeadingCadre,
    isMobile: !!v.isMobile,
    isLostContact: !!v.isLostContact,
    duesMonthly: v.duesMonthly ?? undefined,
    duesPaidUntil: v.duesPaidUntil ? v.duesPaidUntil.format('YYYY-MM') : undefined,
  };
  for (const f of TEXT_FIELDS) {
    const s = v[f]?.trim();
    out[f] = s ? s : undefined;
  }
  if (typeof out.idNumber === 'string') out.idNumber = out.idNumber.toUpperCase();
  for (const f of DATE_FIELDS) out[f] = fromDayjs(v[f]);
  return out as Omit<MemberInput, 'branchId'>;
}

const FORM_FIELDS: readonly string[] = [...TEXT_FIELDS, ...DATE_FIELDS, 'gender', 'status', 'standing', 'branchId', 'groupId', 'duesMonthly', 'duesPaidUntil'];

function Section({ title }: { title: string }) {
  return (
    <Divider titlePlacement="start" style={{ marginTop: 8 }}>
      <Typography.Text strong>{title}</Typography.Text>
    </Divider>
  );
}

export function MemberDrawer({
  state,
  onClose,
  onSaved,
  onMove,
  onChangeStatus,
}: {
  state: MemberDrawerState | null;
  onClose: () => void;
  onSaved: (m: Member, created: boolean) => void;
  onMove: (m: Member) => void;
  onChangeStatus: (m: Member) => void;
}) {
  const db = useDb();
  const orgs = useOrganisations();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const branchId = Form.useWatch('branchId', form);
  const isMobile = Form.useWatch('isMobile', form);
  const status = Form.useWatch('status', form);
  const editing = state?.mode === 'edit' ? state.member : null;

  useEffect(() => {
    if (!state) return;
    setError(null);
    form.resetFields();
    if (state.mode === 'edit') {
      form.setFieldsValue(toValues(state.member));
    } else {
      const org = state.orgId ? orgs?.byId.get(state.orgId) : undefined;
      const branches = (orgs?.list ?? []).filter((o) => o.level === 'branch');
      const branch =
        org?.level === 'group' ? (org.parentId ?? undefined) : org?.level === 'branch' ? org.id : branches.length === 1 ? branches[0].id : undefined;
      form.setFieldsValue({ status: 'full', standing: 'normal', branchId: branch, groupId: org?.level === 'group' ? org.id : null, ethnicity: '汉族' });
    }
    // Only when the drawer opens for another person (not when organisations reload).
  }, [state]);

  const groups = branchId ? (orgs?.childrenOf.get(branchId) ?? []).filter((o) => o.level === 'group') : [];

  const fillFromIdNumber = () => {
    const id = (form.getFieldValue('idNumber') as string | undefined)?.trim() ?? '';
    const m = /^\d{6}(\d{4})(\d{2})(\d{2})\d{2}(\d)[\dXx]$/.exec(id);
    if (!m) return;
    const birth = dayjs(`${m[1]}-${m[2]}-${m[3]}`, 'YYYY-MM-DD', true);
    if (birth.isValid() && !form.getFieldValue('birthDate')) form.setFieldValue('birthDate', birth);
    if (!form.getFieldValue('gender')) form.setFieldValue('gender', Number(m[4]) % 2 === 1 ? '男' : '女');
  };

  const finish = async (v: Values) => {
    setError(null);
    const fields = toFields(v);
    const check = editing ? { ...editing, ...fields, status: editing.status } : { ...fields, branchId: v.branchId ?? '', groupId: v.groupId ?? null, statusHistory: [], memberships: [{ branchId: v.branchId ?? '', groupId: null, from: '1900-01-01' }] };
    const errs = validateFields(memberFieldsSchema, check).filter((e) => FORM_FIELDS.includes(e.name));
    if (errs.length) {
      form.setFields(errs as Parameters<typeof form.setFields>[0]);
      setError('有几项填写不正确，请按红色提示修改后再保存');
      return;
    }
    setBusy(true);
    try {
      let saved: Member;
      if (editing) {
        const { status: _s, ...patch } = fields;
        saved = await updateMember(db, editing.id, patch as MemberPatch);
      } else {
        saved = await createMember(db, { ...fields, branchId: v.branchId!, groupId: v.groupId ?? null });
      }
      onSaved(saved, !editing);
    } catch (e) {
      if (e instanceof DbValidationError) form.setFields(issuesToFields(e.issues, FORM_FIELDS) as Parameters<typeof form.setFields>[0]);
      setError(errorText(e, '保存党员信息'));
    } finally {
      setBusy(false);
    }
  };

  const dateItem = (name: DateField, label: string, extra?: string) => (
    <Col xs={24} sm={12}>
      <Form.Item name={name} label={label} extra={extra}>
        <DatePicker style={{ width: '100%' }} placeholder="选择日期" />
      </Form.Item>
    </Col>
  );
  const textItem = (name: TextField, label: string, max: number, node?: React.ReactNode, extra?: string, span = 12) => (
    <Col xs={24} sm={span}>
      <Form.Item name={name} label={label} extra={extra} rules={[{ max, message: `${label}不能超过 ${max} 字` }]}>
        {node ?? <Input autoComplete="off" />}
      </Form.Item>
    </Col>
  );

  return (
    <Drawer
      open={!!state}
      onClose={onClose}
      size={720}
      title={editing ? `编辑党员信息：${editing.name}` : '新增党员'}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" onClick={() => form.submit()} loading={busy}>
            保存
          </Button>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={finish} scrollToFirstError>
        {/* Enter in a text field saves, as in every dialog. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Section title="基本信息" />
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '姓名不能超过 50 字' }]}>
              <Input autoComplete="off" autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="gender" label="性别">
              <Radio.Group options={['男', '女']} />
            </Form.Item>
          </Col>
          {textItem('ethnicity', '民族', 20, <AutoComplete options={ETHNICITY_OPTIONS} />)}
          {dateItem('birthDate', '出生日期')}
          {textItem('idNumber', '公民身份号码', 18, <Input autoComplete="off" onBlur={fillFromIdNumber} />, '选填。列表中只显示前 6 位和后 4 位。填写后可自动带出出生日期和性别。')}
          {textItem('nativePlace', '籍贯', 60)}
          {textItem('education', '学历', 30, <AutoComplete options={EDUCATION_OPTIONS} />)}
        </Row>

        <Section title="党籍信息" />
        <Row gutter={16}>
          {editing ? (
            <Col span={24}>
              <Form.Item label="所在党支部 / 党小组 · 人员状态">
                <Flex gap={12} align="center" wrap>
                  <span>
                    {orgs?.byId.get(editing.branchId)?.name ?? '（已删除的支部）'}
                    {editing.groupId ? ` / ${orgs?.byId.get(editing.groupId)?.name ?? ''}` : ''}
                  </span>
                  <MemberTags m={editing} />
                  <Button size="small" onClick={() => onMove(editing)}>
                    调动
                  </Button>
                  <Button size="small" onClick={() => onChangeStatus(editing)}>
                    状态变更
                  </Button>
                </Flex>
              </Form.Item>
            </Col>
          ) : (
            <>
              <Col xs={24} sm={12}>
                <Form.Item name="branchId" label="所在党支部" rules={[{ required: true, message: '请选择所在党支部' }]}>
                  <OrgTreeSelect selectableLevels={['branch']} onChange={() => form.setFieldValue('groupId', null)} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="groupId" label="所在党小组" extra={branchId && groups.length === 0 ? '该支部未设党小组' : undefined}>
                  <Select
                    allowClear
                    disabled={groups.length === 0}
                    placeholder={groups.length ? '不编入党小组可留空' : '—'}
                    options={groups.map((g) => ({ value: g.id, label: g.name }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="status" label="人员状态" rules={[{ required: true, message: '请选择人员状态' }]}>
                  <Select options={MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s] }))} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="standing" label="党籍状态" rules={[{ required: true, message: '请选择党籍状态' }]}>
              <Select options={PARTY_STANDINGS.map((s) => ({ value: s, label: PARTY_STANDING_LABELS[s] }))} />
            </Form.Item>
          </Col>
          {dateItem('joinDate', '入党日期', '支部大会通过接收为预备党员的日期')}
          {dateItem('fullMemberDate', '转正日期')}
          {(status === 'activist' || status === 'candidate' || status === 'probationary' || editing?.activistDate) && dateItem('activistDate', '确定入党积极分子日期')}
          {(status === 'candidate' || status === 'probationary' || editing?.candidateDate) && dateItem('candidateDate', '确定发展对象日期')}
          {textItem('sponsors', '入党介绍人', 60, undefined, '两人之间用顿号隔开')}
          {textItem('partyPost', '党内职务', 60, undefined, '支委职务在“组织架构”中登记；此处可填其他党内职务')}
          {dateItem('transferInDate', '组织关系转入日期')}
          {dateItem('transferOutDate', '组织关系转出日期')}
          <Col span={24}>
            <Form.Item label="其他情况" style={{ marginBottom: 8 }}>
              <Space wrap size={[24, 8]}>
                <Form.Item name="isLeadingCadre" valuePropName="checked" noStyle>
                  <Checkbox>党员领导干部（需参加双重组织生活）</Checkbox>
                </Form.Item>
                <Form.Item name="isMobile" valuePropName="checked" noStyle>
                  <Checkbox>流动党员</Checkbox>
                </Form.Item>
                <Form.Item name="isLostContact" valuePropName="checked" noStyle>
                  <Checkbox>失联党员</Checkbox>
                </Form.Item>
              </Space>
            </Form.Item>
          </Col>
          {isMobile && textItem('mobileNote', '流动情况', 200, <Input placeholder="例如：在××区驻村帮扶，持《流动党员活动证》" />, '新建会议时，流动党员默认记为“请假”，原因填此处内容', 24)}
        </Row>

        <Section title="工作信息" />
        <Row gutter={16}>
          {textItem('department', '工作部门', 60, undefined, '同名党员靠部门和出生年份区分')}
          {textItem('adminPost', '行政职务 / 职级', 60)}
          {textItem('title', '职称', 60)}
          {textItem('personnelCategory', '人员类别', 30, <AutoComplete options={CATEGORY_OPTIONS} />)}
          {dateItem('workStartDate', '参加工作日期')}
        </Row>

        <Section title="联系方式" />
        <Row gutter={16}>
          {textItem('phone', '联系电话', 30)}
          {textItem('address', '现居住地', 120)}
        </Row>

        <Section title="党费" />
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="duesMonthly" label="党费缴纳标准（元/月）">
              <InputNumber min={0} max={100000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="duesPaidUntil" label="党费交至">
              <DatePicker picker="month" style={{ width: '100%' }} placeholder="选择年月" />
            </Form.Item>
          </Col>
        </Row>

        <Section title="备注" />
        <Form.Item name="note" label="备注" rules={[{ max: 2000, message: '备注不能超过 2000 字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
