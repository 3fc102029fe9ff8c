/** Type-specific blocks: 党课 (主讲人, 题目, 授课形式, 内容提要) and 主题党日 (主题, 形式, 同时计为, 议定事项, 落实情况). */
import { memo, useCallback } from 'react';
import { Card, Checkbox, Col, Form, Row, Select, Typography } from 'antd';
import {
  LECTURE_FORMS,
  MEETING_TYPES,
  MEETING_TYPE_LABELS,
  THEME_DAY_FORMS,
  type Meeting,
  type MeetingType,
} from '../../../shared/model';
import { useEditor, type PersonOption } from './context';
import { PersonField, TextField, type FieldStatus } from './fields';

type Lecture = NonNullable<Meeting['lecture']>;
type ThemeDay = NonNullable<Meeting['themeDay']>;

const EMPTY_LECTURE: Lecture = { lecturerMemberId: null, lecturer: '', lecturerTitle: '', topic: '', form: '讲授', outline: '' };
const EMPTY_THEME_DAY: ThemeDay = { theme: '', activityForm: '学习', alsoCounts: [], agreedItems: '', followUp: '' };

const formOptions = (forms: readonly string[]) => forms.map((f) => ({ value: f, label: f }));

export const LectureSection = memo(function LectureSection({ lecture, status }: { lecture: Lecture | null; status: (f: string) => FieldStatus }) {
  const { update, readOnly } = useEditor();
  const l = lecture ?? EMPTY_LECTURE;
  const set = useCallback(
    (patch: Partial<Lecture>, mode: 'now' | 'deferred' = 'deferred') =>
      update((m) => ({ ...m, lecture: { ...(m.lecture ?? EMPTY_LECTURE), ...patch } }), mode),
    [update],
  );
  const onLecturer = useCallback(
    (name: string, o: PersonOption | null) =>
      set(o ? { lecturer: name, lecturerMemberId: o.memberId, lecturerTitle: o.title || l.lecturerTitle } : { lecturer: name, lecturerMemberId: null }, o ? 'now' : 'deferred'),
    [set, l.lecturerTitle],
  );
  const onTitle = useCallback((v: string) => set({ lecturerTitle: v }), [set]);
  const onTopic = useCallback((v: string) => set({ topic: v }), [set]);
  const onOutline = useCallback((v: string) => set({ outline: v }), [set]);
  return (
    <Card title="党课信息" size="small" id="section-lecture" className="pm-section">
      <Form layout="vertical" component="div" disabled={readOnly}>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="主讲人" required validateStatus={status('lecture.lecturer')}>
              <PersonField field="lecture.lecturer" ariaLabel="主讲人" value={l.lecturer} onCommit={onLecturer} status={status('lecture.lecturer')} placeholder="从名单选择或直接输入" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="主讲人职务">
              <TextField field="lecture.lecturerTitle" ariaLabel="主讲人职务" value={l.lecturerTitle} onCommit={onTitle} placeholder="如：支部书记、处长" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="授课形式">
              <Select aria-label="授课形式" value={l.form} options={formOptions(LECTURE_FORMS)} onChange={(v: string) => set({ form: v }, 'now')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="党课题目" required validateStatus={status('lecture.topic')}>
              <TextField field="lecture.topic" ariaLabel="党课题目" value={l.topic} onCommit={onTopic} status={status('lecture.topic')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="内容提要">
              <TextField field="lecture.outline" ariaLabel="内容提要" multiline minRows={3} maxRows={20} value={l.outline} onCommit={onOutline} placeholder="党课的主要内容" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
});

const ALSO_COUNTS_OPTIONS = MEETING_TYPES.filter((t) => t !== 'theme_day').map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] }));

export const ThemeDaySection = memo(function ThemeDaySection({ themeDay, status }: { themeDay: ThemeDay | null; status: (f: string) => FieldStatus }) {
  const { update, readOnly } = useEditor();
  const t = themeDay ?? EMPTY_THEME_DAY;
  const set = useCallback(
    (patch: Partial<ThemeDay>, mode: 'now' | 'deferred' = 'deferred') =>
      update((m) => ({ ...m, themeDay: { ...(m.themeDay ?? EMPTY_THEME_DAY), ...patch } }), mode),
    [update],
  );
  const onTheme = useCallback((v: string) => set({ theme: v }), [set]);
  const onAgreed = useCallback((v: string) => set({ agreedItems: v }), [set]);
  const onFollowUp = useCallback((v: string) => set({ followUp: v }), [set]);
  return (
    <Card title="主题党日信息" size="small" id="section-themeday" className="pm-section">
      <Form layout="vertical" component="div" disabled={readOnly}>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item label="活动主题" required validateStatus={status('themeDay.theme')}>
              <TextField field="themeDay.theme" ariaLabel="活动主题" value={t.theme} onCommit={onTheme} status={status('themeDay.theme')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="活动形式">
              <Select aria-label="活动形式" value={t.activityForm} options={formOptions(THEME_DAY_FORMS)} onChange={(v: string) => set({ activityForm: v }, 'now')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="同时计为" tooltip="主题党日中同时召开了党员大会、上了党课等，可在此勾选，分别计入相应的会议次数">
              <Select
                mode="multiple"
                aria-label="同时计为"
                allowClear
                placeholder="不计入其他会议"
                value={t.alsoCounts}
                options={ALSO_COUNTS_OPTIONS}
                onChange={(v: MeetingType[]) => set({ alsoCounts: v }, 'now')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="议定事项">
              <TextField field="themeDay.agreedItems" ariaLabel="议定事项" multiline minRows={3} value={t.agreedItems} onCommit={onAgreed} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="落实情况">
              <TextField field="themeDay.followUp" ariaLabel="落实情况" multiline minRows={3} value={t.followUp} onCommit={onFollowUp} placeholder="会后跟进填写" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
});

export const SummarySection = memo(function SummarySection({ summary, chairSigned, recorderSigned }: Pick<Meeting, 'summary' | 'chairSigned' | 'recorderSigned'>) {
  const { update, readOnly } = useEditor();
  const onSummary = useCallback((v: string) => update((m) => ({ ...m, summary: v }), 'deferred'), [update]);
  return (
    <Card title="主持人小结与签字" size="small" id="section-summary" className="pm-section">
      <TextField field="summary" ariaLabel="主持人小结" multiline minRows={3} maxRows={20} value={summary} onCommit={onSummary} placeholder="主持人对会议的小结" />
      <div style={{ marginTop: 12 }} className="pm-signs">
        <Checkbox checked={chairSigned} disabled={readOnly} onChange={(e) => update((m) => ({ ...m, chairSigned: e.target.checked }))}>
          主持人已签字
        </Checkbox>
        <Checkbox checked={recorderSigned} disabled={readOnly} onChange={(e) => update((m) => ({ ...m, recorderSigned: e.target.checked }))}>
          记录人已签字
        </Checkbox>
        <Typography.Text type="secondary">在打印的纸质记录上签字后勾选</Typography.Text>
      </div>
    </Card>
  );
});
