/**
 * 检查设置 (工作台): the [practice] / [uncertain] thresholds of the checks, and the 工作日历 —
 * statutory holidays and 调休 working days typed or imported from a text/CSV file (no network).
 * Values the editors share (quorum reading, attendance %, talk window, report days, stale days)
 * are in 单位设置 above.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import {
  DEFAULT_CHECK_SETTINGS,
  LECTURE_FREQUENCIES,
  LECTURE_FREQUENCY_LABELS,
  formatWorkCalendarText,
  parseWorkCalendarText,
  type CheckSettings,
} from '../../../shared/checks';
import { getCheckSettings, putCheckSettings } from '../../db/checkSettings';
import { DbValidationError } from '../../db';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';

type Values = Omit<CheckSettings, 'workCalendar' | 'excellentMaxFraction'> & { excellentMaxPercent: number; calendarText: string };

const MAX_FILE_BYTES = 512 * 1024;

function toValues(s: CheckSettings): Values {
  const { workCalendar, excellentMaxFraction, ...rest } = s;
  return { ...rest, excellentMaxPercent: Math.round(excellentMaxFraction * 1000) / 10, calendarText: formatWorkCalendarText(workCalendar) };
}

export function CheckSettingsCard() {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);
  const text = Form.useWatch('calendarText', form) ?? '';
  const windowOn = Form.useWatch('themeDayWindowEnabled', form);
  const parsed = useMemo(() => parseWorkCalendarText(text), [text]);

  useEffect(() => {
    let alive = true;
    getCheckSettings(db)
      .then((s) => {
        if (!alive) return;
        form.setFieldsValue(toValues(s));
        setLoaded(true);
      })
      .catch((e) => message.error(errorText(e, '读取检查设置')));
    return () => {
      alive = false;
    };
  }, [db, form, message]);

  const importFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      message.error('文件过大（超过 512 KB），请确认选择的是节假日安排文本或 CSV 文件');
      return;
    }
    const incoming = await file.text();
    const r = parseWorkCalendarText(incoming);
    const current = form.getFieldValue('calendarText') as string;
    // Appended, not replaced: what was typed is never lost; later lines win on the same date.
    form.setFieldValue('calendarText', [current.trim(), incoming.trim()].filter(Boolean).join('\n'));
    if (r.errors.length) message.warning(`已导入 ${r.accepted} 行，另有 ${r.errors.length} 行无法识别，已在下方标出，请修改后保存`);
    else message.success(`已导入 ${r.accepted} 行节假日安排，请核对后保存`);
  };

  const save = async () => {
    const v = await form.validateFields();
    if (parsed.errors.length) {
      message.error('工作日历中有无法识别的行，请按提示修改后再保存（已填写的内容不会丢失）');
      return;
    }
    setSaving(true);
    try {
      const { calendarText: _text, excellentMaxPercent, ...rest } = v;
      void _text;
      const next: CheckSettings = { ...DEFAULT_CHECK_SETTINGS, ...rest, excellentMaxFraction: excellentMaxPercent / 100, workCalendar: parsed.calendar };
      await putCheckSettings(db, next);
      message.success('检查设置已保存，工作台将按新设置检查');
    } catch (e) {
      if (e instanceof DbValidationError) message.error(e.issues.map((i) => i.message).join('；'));
      else message.error(errorText(e, '保存检查设置'));
    } finally {
      setSaving(false);
    }
  };

  const num = (name: keyof Values, label: string, min: number, max: number, addon: string, extra?: string) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={min} max={max} precision={0} suffix={addon} style={{ width: 160 }} />
    </Form.Item>
  );

  return (
    <Card title="检查设置（工作台）" id="checks">
      <Typography.Paragraph type="secondary">
        各单位要求不同的检查标准在此设置。法定人数口径、出席率、谈心谈话时间范围、报送时限和整改无进展天数在上方“单位设置”中。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={!loaded} requiredMark={false}>
        <Space wrap size={[24, 0]} align="start">
          <Form.Item name="lectureFrequency" label="党课频次" style={{ minWidth: 240 }}>
            <Select options={LECTURE_FREQUENCIES.map((f) => ({ value: f, label: LECTURE_FREQUENCY_LABELS[f] }))} />
          </Form.Item>
          {num('writeUpLatencyWorkingDays', '会后记录时限', 0, 60, '个工作日', '超过即标记为补录')}
          {num('annualRoundLastMonth', '年度组织生活会最迟于次年', 1, 12, '月底前')}
        </Space>
        <Space wrap size={[24, 0]} align="start">
          <Form.Item name="themeDayWindowEnabled" label="主题党日固定日期" valuePropName="checked">
            <Switch checkedChildren="检查" unCheckedChildren="不限" />
          </Form.Item>
          {num('themeDayFromDay', '每月从', 1, 31, '日')}
          {num('themeDayToDay', '至', 1, 31, '日')}
          {!windowOn && <Typography.Text type="secondary" style={{ marginTop: 36, display: 'block' }}>打开后，不在该日期范围内的主题党日会提示</Typography.Text>}
        </Space>
        <Space wrap size={[24, 0]} align="start">
          {num('consecutiveAbsenceMonths', '连续未参加组织生活', 1, 24, '个月', '党章规定 6 个月')}
          {num('absenceCountWarn', '年度缺席提醒', 1, 100, '次及以上')}
          <Form.Item name="excellentMaxPercent" label="优秀比例上限" rules={[{ required: true, message: '请填写优秀比例上限' }]}>
            <InputNumber min={5} max={100} precision={1} suffix="%" style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Space wrap size={[24, 0]} align="start">
          {num('committeeTermYears', '支委会任期', 1, 10, '年', '机关党支部一般 3 年')}
          {num('termReminderDays', '任期届满提前提醒', 0, 366, '天')}
          {num('probationMonths', '预备期', 1, 36, '个月')}
          {num('probationReminderDays', '转正提前提醒', 0, 180, '天')}
          {num('activistMonths', '积极分子培养期', 1, 60, '个月')}
        </Space>
        <Space wrap size={[24, 0]}>
          <Form.Item name="democraticLifeRequired" label="机关党委检查民主生活会" valuePropName="checked">
            <Switch checkedChildren="检查" unCheckedChildren="不检查" />
          </Form.Item>
          <Form.Item name="showQualityHints" label="批评意见质量提示" valuePropName="checked" extra="内容雷同、以表扬代替批评时温和提示">
            <Switch checkedChildren="提示" unCheckedChildren="不提示" />
          </Form.Item>
        </Space>

        <Form.Item
          name="calendarText"
          label="工作日历（法定节假日与调休上班日）"
          extra="每行一条：2026-10-01~2026-10-07 休；2026-10-10 班（调休上班）。周六日无需填写。可从文本或 CSV 文件导入，本软件不联网获取。"
        >
          <Input.TextArea rows={6} spellCheck={false} aria-label="工作日历" placeholder={'2026-10-01~2026-10-07 休\n2026-09-27 班\n2026-10-10 班'} />
        </Form.Item>
      </Form>
      {parsed.errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`工作日历有 ${parsed.errors.length} 行无法识别`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {parsed.errors.slice(0, 10).map((e) => (
                <li key={e.line}>{e.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Space wrap>
        <Button type="primary" onClick={save} loading={saving} disabled={!loaded}>
          保存检查设置
        </Button>
        <Button icon={<UploadOutlined />} disabled={!loaded} onClick={() => document.getElementById('pm-calendar-file')?.click()}>
          从文件导入节假日
        </Button>
        <input
          id="pm-calendar-file"
          type="file"
          accept=".txt,.csv,text/plain,text/csv"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f).catch((err) => message.error(errorText(err, '导入节假日')));
          }}
        />
        <Typography.Text type="secondary">
          已登记放假 {parsed.calendar.holidays.length} 天、调休上班 {parsed.calendar.workdays.length} 天
        </Typography.Text>
      </Space>
    </Card>
  );
}
