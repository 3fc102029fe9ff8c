/** 单位设置: unit name, quorum reading, markings and thresholds (all [practice]/[uncertain] values). */
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { getSettings, putSettings, type PartyMinutesDB } from '../../db';
import { QUORUM_RULE_LABELS, QUORUM_RULES, type QuorumRule, type UnitSettings } from '../../../shared/model';
import { useSettingsForm } from '../common/useSettingsForm';

interface FormValues {
  unitName: string;
  quorumRule: QuorumRule;
  nonSecretMarking: string;
  attendanceWarnPercent: number;
  /** Shown as a percentage; stored as a fraction. */
  electionQuorumPercent: number;
  /** Shown as a percentage; stored as a fraction. */
  democraticLifeQuorumPercent: number;
  lifeReportDeadlineDays: number;
  talkWindowDays: number;
  rectificationStaleDays: number;
  excellentMaxPercent: number;
}

const toForm = (s: UnitSettings): FormValues => ({
  unitName: s.unitName,
  quorumRule: s.quorumRule,
  nonSecretMarking: s.nonSecretMarking,
  attendanceWarnPercent: s.attendanceWarnPercent,
  electionQuorumPercent: Math.round(s.electionQuorumFraction * 100),
  // One decimal so the default 2/3 shows as 66.7 % and saves back as exactly 2/3.
  democraticLifeQuorumPercent: Math.round(s.democraticLifeQuorumFraction * 1000) / 10,
  lifeReportDeadlineDays: s.lifeReportDeadlineDays,
  talkWindowDays: s.talkWindowDays,
  rectificationStaleDays: s.rectificationStaleDays,
  excellentMaxPercent: Math.round(s.excellentMaxFraction * 1000) / 10,
});

/** 66.7 % means two thirds and 33.3 % one third (the defaults), not 0.667 / 0.333. */
const percentToFraction = (p: number) => (Math.abs(p - 66.7) < 1e-9 ? 2 / 3 : Math.abs(p - 33.3) < 1e-9 ? 1 / 3 : p / 100);

const FIELD_OF: Record<string, keyof FormValues> = {
  unitName: 'unitName',
  quorumRule: 'quorumRule',
  nonSecretMarking: 'nonSecretMarking',
  attendanceWarnPercent: 'attendanceWarnPercent',
  electionQuorumFraction: 'electionQuorumPercent',
  democraticLifeQuorumFraction: 'democraticLifeQuorumPercent',
  lifeReportDeadlineDays: 'lifeReportDeadlineDays',
  talkWindowDays: 'talkWindowDays',
  rectificationStaleDays: 'rectificationStaleDays',
  excellentMaxFraction: 'excellentMaxPercent',
};

const load = (db: PartyMinutesDB) => getSettings(db).then(toForm);

export function UnitSettingsForm() {
  const { db, form, loaded, saving, dirty, setDirty, save: saveWith } = useSettingsForm(load, '读取设置');

  const save = (v: FormValues) =>
    saveWith({
      write: () =>
        putSettings(db, {
          unitName: v.unitName.trim(),
          quorumRule: v.quorumRule,
          nonSecretMarking: v.nonSecretMarking.trim(),
          attendanceWarnPercent: v.attendanceWarnPercent,
          electionQuorumFraction: v.electionQuorumPercent / 100,
          democraticLifeQuorumFraction: percentToFraction(v.democraticLifeQuorumPercent),
          lifeReportDeadlineDays: v.lifeReportDeadlineDays,
          talkWindowDays: v.talkWindowDays,
          rectificationStaleDays: v.rectificationStaleDays,
          excellentMaxFraction: percentToFraction(v.excellentMaxPercent),
        }),
      success: '设置已保存',
      action: '保存设置',
      fieldOf: (key) => FIELD_OF[key],
    });

  return (
    <Card title="单位设置" id="settings-unit">
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={save}
        onValuesChange={() => setDirty(true)}
        disabled={!loaded}
        style={{ maxWidth: 640 }}
        requiredMark={false}
      >
        <Form.Item
          name="unitName"
          label="单位名称"
          extra="显示在左上角，并用于文件名和记录中的单位信息。例如：××市财政局"
          rules={[
            { required: true, whitespace: true, message: '请填写单位名称' },
            { max: 120, message: '单位名称不能超过 120 字' },
          ]}
        >
          <Input placeholder="例如：××市财政局" autoComplete="off" />
        </Form.Item>

        <Form.Item name="quorumRule" label="法定人数计算口径" rules={[{ required: true, message: '请选择法定人数计算口径' }]}>
          <Radio.Group vertical options={QUORUM_RULES.map((r) => ({ value: r, label: QUORUM_RULE_LABELS[r] }))} />
        </Form.Item>
        <Alert
          type="info"
          style={{ marginTop: -8, marginBottom: 24 }}
          title="两种口径的区别"
          description={
            <>
              《支部工作条例》规定“有表决权的到会人数超过应到会有表决权的党员半数，会议有效”，各单位对“半数以上”的理解不同。
              <br />
              例如：应到 10 人时：超过半数需 6 人；半数及以上需 5 人。
              <br />
              无论选哪一种，表决通过都需要赞成票超过应到会有表决权党员的半数。如不确定，请保留默认并向上级党组织确认。
            </>
          }
        />

        <Form.Item
          name="nonSecretMarking"
          label="非涉密记录标识"
          extra="密级选“内部”的记录，打印时在首页左上角显示这行字。"
          rules={[
            { required: true, whitespace: true, message: '请填写非涉密记录标识，例如：内部资料 注意保存' },
            { max: 40, message: '标识不能超过 40 字' },
          ]}
        >
          <Input placeholder="内部资料 注意保存" autoComplete="off" />
        </Form.Item>

        <Form.Item
          name="attendanceWarnPercent"
          label="出席率提醒阈值"
          extra="实到人数占应到人数的比例低于此值时，会议记录中会给出提醒。许多单位要求主题党日不低于 85%。"
          rules={[{ required: true, message: '请填写 0 到 100 之间的数字' }]}
        >
          <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 140 }} aria-label="出席率提醒阈值" />
        </Form.Item>

        <Form.Item
          name="electionQuorumPercent"
          label="换届选举到会比例"
          extra="换届选举时，到会有选举权的党员须超过应到人数的这一比例，选举方为有效。一般为 80%（五分之四）。"
          rules={[{ required: true, message: '请填写 50 到 100 之间的数字' }]}
        >
          <InputNumber min={50} max={100} precision={0} suffix="%" style={{ width: 140 }} aria-label="换届选举到会比例" />
        </Form.Item>

        <Form.Item
          name="democraticLifeQuorumPercent"
          label="民主生活会到会比例"
          extra="到会人数低于应到人数的这一比例时，民主生活会记录会提示不符合要求。常见要求为三分之二（66.7%）。"
          rules={[{ required: true, message: '请填写 50 到 100 之间的数字' }]}
        >
          <InputNumber min={50} max={100} precision={1} suffix="%" style={{ width: 140 }} aria-label="民主生活会到会比例" />
        </Form.Item>

        <Form.Item
          name="lifeReportDeadlineDays"
          label="组织生活会 / 民主生活会报送期限"
          extra="会后多少天内向上级党组织报送情况。各地规定不一（常见为 15 天），请按上级要求填写。"
          rules={[{ required: true, message: '请填写 1 到 365 之间的天数' }]}
        >
          <InputNumber min={1} max={365} precision={0} suffix="天" style={{ width: 140 }} aria-label="报送期限" />
        </Form.Item>

        <Form.Item
          name="talkWindowDays"
          label="会前谈心谈话统计范围"
          extra="核对组织生活会前谈心谈话是否谈到位时，统计会前多少天内的谈话记录。"
          rules={[{ required: true, message: '请填写 1 到 366 之间的天数' }]}
        >
          <InputNumber min={1} max={366} precision={0} suffix="天" style={{ width: 140 }} aria-label="会前谈心谈话统计范围" />
        </Form.Item>

        <Form.Item
          name="rectificationStaleDays"
          label="整改进展提醒"
          extra="整改事项超过这么多天没有新的进展记录时，整改台账会给出提醒。"
          rules={[{ required: true, message: '请填写 7 到 730 之间的天数' }]}
        >
          <InputNumber min={7} max={730} precision={0} suffix="天" style={{ width: 140 }} aria-label="整改进展提醒" />
        </Form.Item>

        <Form.Item
          name="excellentMaxPercent"
          label="民主评议优秀比例上限"
          extra="评为“优秀”的党员超过参加定等次党员的这一比例时给出提醒。通常不超过三分之一（33.3%）。"
          rules={[{ required: true, message: '请填写 5 到 100 之间的数字' }]}
        >
          <InputNumber min={5} max={100} precision={1} suffix="%" style={{ width: 140 }} aria-label="民主评议优秀比例上限" />
        </Form.Item>

        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存设置
          </Button>
          {dirty && <Typography.Text type="warning">有尚未保存的修改</Typography.Text>}
        </Space>
      </Form>
    </Card>
  );
}
