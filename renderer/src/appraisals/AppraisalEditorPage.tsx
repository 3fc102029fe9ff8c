/**
 * 民主评议党员 editor (#/appraisal/<id>): the five steps as tabs of one record, live checks
 * (shared/rules/appraisal.ts) in the side panel — a click switches to the step and focuses the row.
 * Autosaved like the meeting editor (debounce + write-ahead).
 */
import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, InputNumber, Radio, Result, Row, Select, Spin, Steps, Tag, Typography } from 'antd';
import { MEETING_TYPE_SHORT, RECORD_STATUS_LABELS, RECORD_STATUSES, type Appraisal, type AppraisalEntry } from '../../../shared/model';
import { classificationShort, isNationalSecret } from '../../../shared/format';
import { checkAppraisal, type AppraisalIssue } from '../../../shared/rules/appraisal';
import { APPRAISALS, deleteRecordOf, listMeetings, restoreRecordOf } from '../../db';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb, useUnitSettings } from '../dbContext';
import { formatShortDate, fromDayjs, toDayjs } from '../common/dates';
import { useConfirmDelete } from '../common/useUndo';
import { useOrganisations } from '../common/useOrganisations';
import { focusField, fieldFromIssuePath } from '../meetingEditor/focusField';
import { ClassificationField } from '../common/ClassificationField';
import { RecordHeader, StatusTag } from '../records/RecordHeader';
import { useRecordDraft } from '../records/useRecordDraft';
import { IssuesPanel } from '../common/IssuesPanel';
import { CommitteeRating, FeedbackStep, GradeStep, GradeTotalsBar, PeerStep, SelfStep, TallyStep, type SetEntry } from './steps';
import { ExportAppraisalButton } from '../wordExport/ExportAppraisalButton';
import './appraisals.css';

const STEP_TITLES = ['个人自评', '党员互评', '民主测评', '组织评定', '反馈'] as const;

/** Which step shows a field of the rules (entries.<id>.<key>). */
export function stepOfField(field: string): number {
  const key = field.split('.')[2] ?? '';
  if (key === 'selfAppraisal') return 0;
  if (key === 'peerComments') return 1;
  if (key === 'votes' || key === 'didRate' || key === 'shouldRate') return 2;
  if (key === 'feedback') return 4;
  return 3;
}

export function AppraisalEditorPage({ appraisalId }: { appraisalId: string }) {
  const db = useDb();
  const { message } = App.useApp();
  const draft = useRecordDraft(db, APPRAISALS, appraisalId);
  const orgs = useOrganisations();
  const confirmDelete = useConfirmDelete();
  const [step, setStep] = useState(0);
  const a = draft.record;
  const update = draft.update;
  const settings = useUnitSettings();
  const excellentMaxFraction = settings?.excellentMaxFraction;
  const issues = useMemo(() => (a ? checkAppraisal(a, { excellentMaxFraction }) : []), [a, excellentMaxFraction]);
  const issueMap = useMemo(() => {
    const m = new Map<string, AppraisalIssue>();
    for (const i of issues) if (!m.has(i.field) || i.severity === 'error') m.set(i.field, i);
    return m;
  }, [issues]);
  const issueAt = useCallback((f: string) => issueMap.get(f), [issueMap]);
  const setEntry: SetEntry = useCallback(
    (id, patch) =>
      update((x) => ({
        ...x,
        entries: x.entries.map((e): AppraisalEntry => (e.id === id ? { ...e, ...(typeof patch === 'function' ? patch(e) : patch) } : e)),
      })),
    [update],
  );
  const meetings = useLiveQuery(
    async () => (a ? (await listMeetings(db, { orgId: a.orgId, types: ['general_assembly', 'life_meeting'] }, { offset: 0, limit: 500 })).rows : []),
    [db, a?.orgId],
  );

  const onPick = useCallback(
    (field: string) => {
      if (field === 'entries') setStep(3);
      else if (field.startsWith('entries.')) setStep(stepOfField(field));
      // The step's table renders on the next frames; then focus the row's input.
      setTimeout(() => {
        if (!focusField(field)) message.info('请在页面上找到对应的填写项');
      }, 60);
    },
    [message],
  );

  if (draft.load === 'loading') return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (draft.load === 'missing' || !a)
    return (
      <Result
        status="404"
        title="找不到该民主评议记录"
        subTitle={draft.loadError ?? '可能已被删除（可到回收站恢复）。'}
        extra={
          <Button type="primary" href="#/appraisals">
            返回民主评议
          </Button>
        }
      />
    );

  const orgName = orgs?.byId.get(a.orgId)?.name ?? '';
  const marking = classificationShort(a.classification);
  const stepProps = { entries: a.entries, setEntry, issueAt };
  const overShare = issues.find((i) => i.code === 'EXCELLENT_OVER_SHARE');
  const stepStatus = (n: number) => {
    const mine = issues.filter((i) => i.field.startsWith('entries.') && stepOfField(i.field) === n);
    return mine.some((i) => i.severity === 'error') ? 'error' : mine.length ? 'process' : 'finish';
  };
  const onDelete = () =>
    confirmDelete({
      title: `删除 ${orgName} ${a.annualYear} 年度民主评议记录？`,
      content: '删除后移到回收站，可以恢复。',
      remove: async () => {
        await draft.flush();
        await deleteRecordOf(db, APPRAISALS, a.id);
        window.location.hash = '#/appraisals';
      },
      done: '已删除民主评议记录',
      undo: () => restoreRecordOf(db, APPRAISALS, a.id),
      refusedTitle: '未能删除',
      action: '删除',
    });

  return (
    <div className="pm-editor pm-appraisal-editor">
      <RecordHeader
        backHref="#/appraisals"
        backLabel="返回民主评议"
        classification={a.classification}
        title={`${orgName} ${a.annualYear} 年度民主评议党员`}
        tags={
          <>
            <StatusTag final={a.status === 'final'} />
            <Tag>参评 {a.entries.length} 人</Tag>
            {marking && <Tag color={isNationalSecret(a.classification) ? 'red' : 'orange'}>{marking}</Tag>}
          </>
        }
        saveState={draft.saveState}
        onDelete={onDelete}
        extraActions={
          // The export reads the stored record: write what was typed the moment the button is pressed.
          <span onPointerDownCapture={() => void draft.flush()} onKeyDownCapture={() => void draft.flush()}>
            <ExportAppraisalButton appraisalId={a.id} />
          </span>
        }
        onSaveErrorClick={() => {
          if (draft.saveState.kind === 'error' && draft.saveState.path) onPick(fieldFromIssuePath(a, draft.saveState.path));
        }}
      />
      {draft.restored && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="已恢复上次未来得及保存的内容" />}
      <div className="pm-body">
        <div className="pm-main">
          <Card size="small" title="基本情况" className="pm-section">
            <Form layout="vertical" component="div" className="pm-form">
              <Row gutter={16}>
                <Col span={5}>
                  <Form.Item label="评议年度" htmlFor="annualYear">
                    <InputNumber id="annualYear" min={1949} max={2200} precision={0} value={a.annualYear} suffix="年度" onChange={(v) => typeof v === 'number' && update((x) => ({ ...x, annualYear: v }))} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item label="评议日期" htmlFor="appraisalDate">
                    <DatePicker id="appraisalDate" allowClear={false} value={toDayjs(a.date) ?? null} onChange={(d) => {
                      const date = fromDayjs(d);
                      if (date) update((x) => ({ ...x, date }));
                    }} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item label="召开的会议" htmlFor="meetingId">
                    <Select
                      id="meetingId"
                      allowClear
                      placeholder="党员大会或组织生活会（可不选）"
                      value={a.meetingId ?? undefined}
                      options={(meetings ?? []).map((m) => ({ value: m.id, label: `${formatShortDate(m.date)} ${MEETING_TYPE_SHORT[m.type]}` }))}
                      onChange={(v?: string) => update((x) => ({ ...x, meetingId: v ?? null }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item label="密级">
                    <ClassificationField value={a.classification} onChange={(fn) => update((x) => ({ ...x, classification: fn(x.classification) }))} />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item label="记录状态">
                    <Radio.Group
                      optionType="button"
                      aria-label="记录状态"
                      value={a.status}
                      options={RECORD_STATUSES.map((s) => ({ value: s, label: RECORD_STATUS_LABELS[s] }))}
                      onChange={(e) => update((x) => ({ ...x, status: e.target.value as Appraisal['status'] }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
          </Card>
          <Card size="small" className="pm-section">
            <Steps
              size="small"
              current={step}
              onChange={setStep}
              items={STEP_TITLES.map((title, n) => ({ title, status: n === step ? 'process' : stepStatus(n) === 'error' ? 'error' : stepStatus(n) === 'finish' ? 'finish' : 'wait' }))}
              style={{ marginBottom: 12 }}
            />
            {a.entries.length === 0 && <Alert type="warning" showIcon title="评议名单为空：新建时该支部在评议日期没有正式党员或预备党员。请先完善党员花名册，再删除本记录后重新新建。" />}
            {step === 0 && <SelfStep {...stepProps} />}
            {step === 1 && <PeerStep {...stepProps} />}
            {step === 2 && (
              <TallyStep
                {...stepProps}
                onFillAll={(should, did) => update((x) => ({ ...x, entries: x.entries.map((e) => ({ ...e, shouldRate: should, didRate: did })) }))}
              />
            )}
            {step === 3 && (
              <>
                <GradeTotalsBar entries={a.entries} overShare={overShare} />
                <GradeStep {...stepProps} />
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  支部班子测评（可选）
                </Typography.Title>
                <CommitteeRating value={a.committeeRating} onChange={(committeeRating) => update((x) => ({ ...x, committeeRating }))} />
              </>
            )}
            {step === 4 && <FeedbackStep {...stepProps} />}
            <div className="pm-step-nav">
              {step > 0 && <Button onClick={() => setStep(step - 1)}>上一步：{STEP_TITLES[step - 1]}</Button>}
              {step < STEP_TITLES.length - 1 && (
                <Button type="primary" onClick={() => setStep(step + 1)}>
                  下一步：{STEP_TITLES[step + 1]}
                </Button>
              )}
            </div>
          </Card>
        </div>
        <aside className="pm-aside">
          <IssuesPanel issues={issues} onPick={onPick} />
        </aside>
      </div>
    </div>
  );
}
