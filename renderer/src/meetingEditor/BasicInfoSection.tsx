/** 基本信息: number, date and time, place, chair / convener / recorder, recording method, 密级. */
import { memo, useCallback } from 'react';
import { Card, Col, DatePicker, Form, InputNumber, Radio, Row, Space, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { MEETING_TYPE_LABELS, NATIONAL_SECRET_LEVELS, type Meeting } from '../../../shared/model';
import { ClassificationField } from '../common/ClassificationField';
import { toDayjs } from '../common/dates';
import { useEditor, type PersonOption } from './context';
import { PersonField, TextField, type FieldStatus } from './fields';

export interface BasicInfoProps {
  meeting: Meeting;
  orgName: string;
  /** Field path → worst severity among the live issues. */
  status: (field: string) => FieldStatus;
  /** Show 委托说明: chair is not the 书记 (组长) on the meeting date, or a delegation is already written. */
  showDelegation: boolean;
  secretaryWord: string;
}

function helpFor(status: FieldStatus, msg: string | undefined) {
  return status && msg ? msg : undefined;
}

export const BasicInfoSection = memo(function BasicInfoSection({ meeting: m, orgName, status, showDelegation, secretaryWord }: BasicInfoProps) {
  const { update, readOnly } = useEditor();
  const setText = useCallback(
    <K extends 'place' | 'chairTitle' | 'delegation'>(key: K) =>
      (v: string) => update((x) => ({ ...x, [key]: v }), 'deferred'),
    [update],
  );
  const onPlace = useCallback((v: string) => setText('place')(v), [setText]);
  const onChairTitle = useCallback((v: string) => setText('chairTitle')(v), [setText]);
  const onDelegation = useCallback((v: string) => setText('delegation')(v), [setText]);
  const onChair = useCallback(
    (name: string, o: PersonOption | null) =>
      update(
        (x) => ({ ...x, chairName: name, chairId: o?.memberId ?? null, chairTitle: o ? o.title || x.chairTitle : x.chairTitle }),
        o ? 'now' : 'deferred',
      ),
    [update],
  );
  const onConvener = useCallback(
    (name: string, o: PersonOption | null) => update((x) => ({ ...x, convenerName: name, convenerId: o?.memberId ?? null }), o ? 'now' : 'deferred'),
    [update],
  );
  const onRecorder = useCallback(
    (name: string, o: PersonOption | null) => update((x) => ({ ...x, recorderName: name, recorderId: o?.memberId ?? null }), o ? 'now' : 'deferred'),
    [update],
  );

  const secret = NATIONAL_SECRET_LEVELS.includes(m.classification.level);
  const vs = (f: string) => status(f);

  return (
    <Card title="基本信息" size="small" id="section-basic" className="pm-section">
      <Form layout="vertical" component="div" disabled={readOnly} className="pm-form">
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="党组织">
              <Typography.Text strong>{orgName}</Typography.Text>
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="会议类型">
              <Typography.Text strong>{MEETING_TYPE_LABELS[m.type]}</Typography.Text>
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              label="届次 / 编号"
              validateStatus={vs('seq')}
              help={helpFor(vs('seq'), '该编号已被使用，请改用其他编号')}
            >
              <Space.Compact data-field="seq">
                <InputNumber
                  id="seq-year"
                  aria-label="编号年度"
                  min={1949}
                  max={2200}
                  precision={0}
                  value={m.year}
                  onChange={(v) => typeof v === 'number' && update((x) => ({ ...x, year: v }))}
                  style={{ width: 96 }}
                  suffix="年"
                />
                <InputNumber
                  id="seq"
                  aria-label="编号次数"
                  min={1}
                  max={999}
                  precision={0}
                  value={m.seq}
                  status={vs('seq')}
                  onChange={(v) => typeof v === 'number' && update((x) => ({ ...x, seq: v }))}
                  style={{ width: 104 }}
                  prefix="第"
                  suffix="次"
                />
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="会议日期" required validateStatus={vs('date')}>
              <DatePicker
                id="date"
                data-field="date"
                aria-label="会议日期"
                allowClear={false}
                value={toDayjs(m.date) ?? null}
                format="YYYY年M月D日 dddd"
                style={{ width: '100%' }}
                onChange={(d) => {
                  if (!d) return;
                  const date = d.format('YYYY-MM-DD');
                  update((x) => {
                    // Keep the running-number year in step with the date unless it was set apart on purpose.
                    const year = x.year === Number(x.date.slice(0, 4)) ? d.year() : x.year;
                    return { ...x, date, year };
                  });
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              label="起止时间"
              validateStatus={vs('endTime')}
              help={helpFor(vs('endTime'), '结束时间应晚于开始时间')}
            >
              <Space.Compact style={{ width: '100%' }}>
                <TimePicker
                  id="startTime"
                  data-field="startTime"
                  aria-label="开始时间"
                  format="HH:mm"
                  needConfirm={false}
                  placeholder="开始"
                  value={m.startTime ? dayjs(m.startTime, 'HH:mm') : null}
                  onChange={(t) => update((x) => ({ ...x, startTime: t ? t.format('HH:mm') : undefined }))}
                  style={{ width: '50%' }}
                />
                <TimePicker
                  id="endTime"
                  data-field="endTime"
                  aria-label="结束时间"
                  format="HH:mm"
                  needConfirm={false}
                  placeholder="结束"
                  status={vs('endTime')}
                  value={m.endTime ? dayjs(m.endTime, 'HH:mm') : null}
                  onChange={(t) => update((x) => ({ ...x, endTime: t ? t.format('HH:mm') : undefined }))}
                  style={{ width: '50%' }}
                />
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="地点" required validateStatus={vs('place')}>
              <TextField field="place" ariaLabel="地点" value={m.place} onCommit={onPlace} status={vs('place')} placeholder="如：局机关三楼会议室" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="主持人" required validateStatus={vs('chairName')}>
              <PersonField field="chairName" ariaLabel="主持人" value={m.chairName} onCommit={onChair} status={vs('chairName')} placeholder="从名单选择或直接输入" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="主持人职务">
              <TextField field="chairTitle" ariaLabel="主持人职务" value={m.chairTitle} onCommit={onChairTitle} placeholder="如：支部书记" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="召集人" tooltip="与主持人相同时可不填">
              <PersonField field="convenerName" ariaLabel="召集人" value={m.convenerName} onCommit={onConvener} placeholder="与主持人相同时可不填" />
            </Form.Item>
          </Col>
          {showDelegation && (
            <Col xs={24}>
              <Form.Item
                label="委托说明"
                validateStatus={vs('chairName') === 'error' ? 'error' : undefined}
                extra={`主持人不是${secretaryWord}时，写明委托情况，如：${secretaryWord}张三公出，委托组织委员李四主持`}
              >
                <TextField field="delegation" ariaLabel="委托说明" value={m.delegation} onCommit={onDelegation} status={vs('chairName') === 'error' ? 'error' : undefined} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="记录人" required validateStatus={vs('recorderName')}>
              <PersonField field="recorderName" ariaLabel="记录人" value={m.recorderName} onCommit={onRecorder} status={vs('recorderName')} placeholder="从名单选择或直接输入" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="记录方式" tooltip="接收预备党员、转正、选举、处分等重要会议宜详细记录，特别是不同意见">
              <Radio.Group
                data-field="recordingMethod"
                aria-label="记录方式"
                optionType="button"
                value={m.recordingMethod}
                onChange={(e) => update((x) => ({ ...x, recordingMethod: e.target.value as Meeting['recordingMethod'] }))}
                options={[
                  { value: 'summary', label: '摘要记录' },
                  { value: 'detailed', label: '详细记录' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="密级" validateStatus={secret ? 'warning' : undefined}>
              <ClassificationField value={m.classification} onChange={(fn) => update((x) => ({ ...x, classification: fn(x.classification) }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
});
