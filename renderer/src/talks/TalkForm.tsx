/**
 * Every field of a 谈心谈话记录 (domain §3.2, shared/model/talk.ts), in the order of the paper form:
 * 基本情况 → 谈话双方 → 谈话内容 (sensitive) → 反映的问题 → 批评意见与表态 → 后续跟进 → 记录与签字.
 */
import { useCallback } from 'react';
import { Button, Card, Checkbox, Col, DatePicker, Form, Radio, Row, Select, Space, TimePicker, Typography } from 'antd';
import { LockOutlined, PlusOutlined, DeleteOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  FIVE_MUSTS,
  FIVE_MUST_LABELS,
  RECORD_STATUS_LABELS,
  RECORD_STATUSES,
  TALK_FORMS,
  TALK_FORM_LABELS,
  TALK_ISSUE_TARGETS,
  TALK_ISSUE_TARGET_LABELS,
  TALK_TYPES,
  TALK_TYPE_LABELS,
  type Talk,
  type TalkParty,
} from '../../../shared/model';
import { newId } from '../../db/meta';
import { fromDayjs, toDayjs } from '../common/dates';
import { ClassificationField } from '../common/ClassificationField';
import { RecordText } from '../records/RecordText';
import type { OrgPerson } from '../records/useOrgPeople';
import { PartyRow } from './PartyRow';
import type { TalkIssue } from './talkChecks';
import { lifeMeetingLabel, useLifeMeetings } from './useLifeMeetings';

export interface TalkFormProps {
  talk: Talk;
  orgName: string;
  people: readonly OrgPerson[];
  issues: readonly TalkIssue[];
  update: (fn: (t: Talk) => Talk) => void;
}

const EMPTY_PARTY: TalkParty = { memberId: null, name: '', post: '', politicalStatus: '' };

export function TalkForm({ talk: t, orgName, people, issues, update }: TalkFormProps) {
  const lifeMeetings = useLifeMeetings(t.orgId);
  const errorAt = (field: string) => issues.find((i) => i.severity === 'error' && i.field === field)?.message;
  const statusAt = (field: string): 'error' | 'warning' | undefined => issues.find((i) => i.field === field)?.severity;
  const setText = useCallback(
    <K extends 'place' | 'theme' | 'interviewerPoints' | 'intervieweePoints' | 'criticism' | 'attitude' | 'recorderName'>(key: K) =>
      (v: string) =>
        update((x) => ({ ...x, [key]: v })),
    [update],
  );
  const onPlace = useCallback((v: string) => setText('place')(v), [setText]);
  const onTheme = useCallback((v: string) => setText('theme')(v), [setText]);
  const onA = useCallback((v: string) => setText('interviewerPoints')(v), [setText]);
  const onB = useCallback((v: string) => setText('intervieweePoints')(v), [setText]);
  const onCriticism = useCallback((v: string) => setText('criticism')(v), [setText]);
  const onAttitude = useCallback((v: string) => setText('attitude')(v), [setText]);
  const onRecorder = useCallback((v: string) => setText('recorderName')(v), [setText]);
  const onInterviewer = useCallback((patch: Partial<TalkParty>) => update((x) => ({ ...x, interviewer: { ...x.interviewer, ...patch } })), [update]);
  const onInterviewee = useCallback(
    (i: number) => (patch: Partial<TalkParty>) =>
      update((x) => ({ ...x, interviewees: x.interviewees.map((p, n) => (n === i ? { ...p, ...patch } : p)) })),
    [update],
  );

  const lifeOptions = (lifeMeetings ?? []).map((r) => ({ value: r.id, label: lifeMeetingLabel(r) }));

  return (
    <Form layout="vertical" component="div" className="pm-form pm-talk-form">
      <Card title="基本情况" size="small" className="pm-section">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="党组织">
              <Typography.Text strong>{orgName}</Typography.Text>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="谈话日期" htmlFor="date" required>
              <DatePicker
                id="date"
                data-field="date"
                allowClear={false}
                value={toDayjs(t.date) ?? null}
                onChange={(d) => {
                  const date = fromDayjs(d);
                  if (date) update((x) => ({ ...x, date }));
                }}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="谈话时间" validateStatus={statusAt('endTime')} help={errorAt('endTime')}>
              <Space.Compact data-field="endTime" style={{ width: '100%' }}>
                <TimePicker
                  aria-label="开始时间"
                  format="HH:mm"
                  placeholder="开始"
                  value={t.startTime ? dayjs(t.startTime, 'HH:mm') : null}
                  onChange={(d) => update((x) => ({ ...x, startTime: d ? d.format('HH:mm') : undefined }))}
                  style={{ width: '50%' }}
                />
                <TimePicker
                  aria-label="结束时间"
                  format="HH:mm"
                  placeholder="结束"
                  value={t.endTime ? dayjs(t.endTime, 'HH:mm') : null}
                  onChange={(d) => update((x) => ({ ...x, endTime: d ? d.format('HH:mm') : undefined }))}
                  style={{ width: '50%' }}
                />
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="谈话地点" htmlFor="place">
              <RecordText field="place" ariaLabel="谈话地点" value={t.place} onCommit={onPlace} placeholder="如：支部书记办公室" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="谈话类型" htmlFor="type" required>
              <Select
                id="type"
                data-field="type"
                value={t.type}
                options={TALK_TYPES.map((v) => ({ value: v, label: TALK_TYPE_LABELS[v] }))}
                onChange={(type) => update((x) => ({ ...x, type, fiveMust: type === 'five_musts' ? x.fiveMust : null }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            {t.type === 'five_musts' ? (
              <Form.Item label="五必谈情形" htmlFor="fiveMust" required validateStatus={statusAt('fiveMust')} help={errorAt('fiveMust')}>
                <Select
                  id="fiveMust"
                  data-field="fiveMust"
                  value={t.fiveMust ?? undefined}
                  placeholder="请选择属于哪一种情形"
                  options={FIVE_MUSTS.map((v) => ({ value: v, label: FIVE_MUST_LABELS[v] }))}
                  onChange={(fiveMust) => update((x) => ({ ...x, fiveMust }))}
                />
              </Form.Item>
            ) : (
              <Form.Item label="谈话方式" validateStatus={statusAt('form')} help={errorAt('form')}>
                <FormRadio value={t.form} onChange={(form) => update((x) => ({ ...x, form }))} />
              </Form.Item>
            )}
          </Col>
          {t.type === 'five_musts' && (
            <Col span={8}>
              <Form.Item label="谈话方式" validateStatus={statusAt('form')} help={errorAt('form')}>
                <FormRadio value={t.form} onChange={(form) => update((x) => ({ ...x, form }))} />
              </Form.Item>
            </Col>
          )}
          <Col span={8}>
            <Form.Item label="所准备的组织生活会" htmlFor="lifeMeetingId" validateStatus={statusAt('lifeMeetingId')}>
              <Select
                id="lifeMeetingId"
                data-field="lifeMeetingId"
                allowClear
                placeholder={lifeOptions.length ? '不属于会前谈心可不选' : '本组织还没有组织生活会记录'}
                value={t.lifeMeetingId ?? undefined}
                options={lifeOptions}
                onChange={(v?: string) => update((x) => ({ ...x, lifeMeetingId: v ?? null }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="密级">
              <ClassificationField value={t.classification} onChange={(fn) => update((x) => ({ ...x, classification: fn(x.classification) }))} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title="谈话双方" size="small" className="pm-section">
        <Form.Item label="谈话人" required>
          <PartyRow field="interviewer" label="谈话人" value={t.interviewer} people={people} onChange={onInterviewer} error={errorAt('interviewer')} />
        </Form.Item>
        <Form.Item label={t.form === 'group' ? `谈话对象（${t.interviewees.length} 人）` : '谈话对象'} required>
          <div data-field="interviewees">
            {errorAt('interviewees') && (
              <div className="pm-field-error" role="alert">
                {errorAt('interviewees')}
              </div>
            )}
            {t.interviewees.map((p, i) => (
              <PartyRow
                key={i}
                field={`interviewees.${i}`}
                label={t.interviewees.length > 1 ? `谈话对象${i + 1}` : '谈话对象'}
                value={p}
                people={people}
                onChange={onInterviewee(i)}
                error={errorAt(`interviewees.${i}`)}
                onRemove={t.interviewees.length > 1 ? () => update((x) => ({ ...x, interviewees: x.interviewees.filter((_, n) => n !== i) })) : undefined}
              />
            ))}
            {t.form === 'group' && (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => update((x) => ({ ...x, interviewees: [...x.interviewees, EMPTY_PARTY] }))}>
                添加谈话对象
              </Button>
            )}
          </div>
        </Form.Item>
      </Card>

      <Card
        title="谈话内容"
        size="small"
        className="pm-section"
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            <LockOutlined aria-hidden /> 敏感内容，只在本页显示，不出现在列表和搜索结果中
          </Typography.Text>
        }
      >
        <Form.Item label="谈话主题 / 提纲" htmlFor="theme">
          <RecordText field="theme" ariaLabel="谈话主题" value={t.theme} onCommit={onTheme} placeholder="如：围绕组织生活会主题交流思想" status={statusAt('theme')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="谈话人谈的主要内容" htmlFor="interviewerPoints">
              <RecordText field="interviewerPoints" ariaLabel="谈话人谈的主要内容" multiline minRows={4} value={t.interviewerPoints} onCommit={onA} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="谈话对象谈的主要内容" htmlFor="intervieweePoints">
              <RecordText field="intervieweePoints" ariaLabel="谈话对象谈的主要内容" multiline minRows={4} value={t.intervieweePoints} onCommit={onB} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="反映的问题、意见建议">
          <div data-field="issues">
            {t.issues.map((is) => (
              <Space key={is.id} align="start" style={{ display: 'flex', marginBottom: 8 }} className="pm-talk-issue">
                <Select
                  aria-label="问题针对"
                  value={is.target}
                  style={{ width: 130 }}
                  options={TALK_ISSUE_TARGETS.map((v) => ({ value: v, label: TALK_ISSUE_TARGET_LABELS[v] }))}
                  onChange={(target) => update((x) => ({ ...x, issues: x.issues.map((y) => (y.id === is.id ? { ...y, target } : y)) }))}
                />
                <RecordText
                  field={`issues.${is.id}.text`}
                  ariaLabel="反映的问题内容"
                  multiline
                  minRows={1}
                  style={{ width: 640 }}
                  value={is.text}
                  onCommit={(text) => update((x) => ({ ...x, issues: x.issues.map((y) => (y.id === is.id ? { ...y, text } : y)) }))}
                />
                <Button aria-label="删除该问题" icon={<DeleteOutlined aria-hidden />} onClick={() => update((x) => ({ ...x, issues: x.issues.filter((y) => y.id !== is.id) }))} />
              </Space>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => update((x) => ({ ...x, issues: [...x.issues, { id: newId(), target: 'committee', text: '' }] }))}>
              添加一条问题或建议
            </Button>
          </div>
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="相互提出的批评意见" htmlFor="criticism">
              <RecordText field="criticism" ariaLabel="相互提出的批评意见" multiline value={t.criticism} onCommit={onCriticism} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="谈话对象态度 / 表态" htmlFor="attitude">
              <RecordText field="attitude" ariaLabel="谈话对象态度" multiline value={t.attitude} onCommit={onAttitude} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title="后续跟进" size="small" className="pm-section">
        <div data-field="followUps">
          {t.followUps.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
              谈话中答应办的事、需要帮扶解决的困难，可在这里登记并跟踪办理情况。
            </Typography.Paragraph>
          )}
          {t.followUps.map((f) => {
            const set = (patch: Partial<typeof f>) => update((x) => ({ ...x, followUps: x.followUps.map((y) => (y.id === f.id ? { ...y, ...patch } : y)) }));
            return (
              <Space key={f.id} align="center" style={{ display: 'flex', marginBottom: 8 }}>
                <RecordText field={`followUps.${f.id}.who`} ariaLabel="跟进人" placeholder="跟进人" style={{ width: 110 }} value={f.who} onCommit={(who) => set({ who })} />
                <RecordText field={`followUps.${f.id}.what`} ariaLabel="跟进事项" placeholder="跟进事项" style={{ width: 420 }} value={f.what} onCommit={(what) => set({ what })} />
                <DatePicker aria-label="完成时限" placeholder="完成时限" value={toDayjs(f.by) ?? null} onChange={(d) => set({ by: fromDayjs(d) })} />
                <Checkbox checked={f.done} onChange={(e) => set({ done: e.target.checked })}>
                  已办结
                </Checkbox>
                <Button aria-label="删除该跟进事项" icon={<DeleteOutlined aria-hidden />} onClick={() => update((x) => ({ ...x, followUps: x.followUps.filter((y) => y.id !== f.id) }))} />
              </Space>
            );
          })}
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => update((x) => ({ ...x, followUps: [...x.followUps, { id: newId(), who: '', what: '', done: false }] }))}>
            添加跟进事项
          </Button>
        </div>
      </Card>

      <Card title="记录与签字" size="small" className="pm-section">
        <Row gutter={16} align="bottom">
          <Col span={8}>
            <Form.Item label="记录人" htmlFor="recorderName">
              <RecordText field="recorderName" ariaLabel="记录人" value={t.recorderName} onCommit={onRecorder} placeholder="由谈话人本人记录可不填" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="签字">
              <Checkbox data-field="signedByBoth" checked={t.signedByBoth} onChange={(e) => update((x) => ({ ...x, signedByBoth: e.target.checked }))}>
                双方已在纸质记录上签字
              </Checkbox>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="记录状态">
              <Radio.Group
                aria-label="记录状态"
                optionType="button"
                value={t.status}
                options={RECORD_STATUSES.map((s) => ({ value: s, label: RECORD_STATUS_LABELS[s] }))}
                onChange={(e) => update((x) => ({ ...x, status: e.target.value as Talk['status'] }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </Form>
  );
}

function FormRadio({ value, onChange }: { value: Talk['form']; onChange: (v: Talk['form']) => void }) {
  return (
    <Radio.Group
      data-field="form"
      aria-label="谈话方式"
      optionType="button"
      value={value}
      options={TALK_FORMS.map((f) => ({ value: f, label: TALK_FORM_LABELS[f] }))}
      onChange={(e) => onChange(e.target.value as Talk['form'])}
    />
  );
}
