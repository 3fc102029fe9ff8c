/** 表决情况: kind, method, 赞成/反对/弃权 (+ 书面意见 for admissions), live arithmetic and result. */
import { memo, useCallback } from 'react';
import { Alert, Button, Col, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import {
  VOTE_KINDS,
  VOTE_KIND_LABELS,
  VOTE_METHODS,
  VOTE_METHOD_LABELS,
  type UnitSettings,
  type Vote,
  type VoteKind,
  type VoteMethod,
} from '../../../shared/model';
import type { AttendanceCounts } from '../../../shared/rules/attendance';
import { countsWrittenOpinions } from '../../../shared/rules/quorum';
import type { MeetingIssue } from '../../../shared/rules/meetingChecks';
import { useEditor } from './context';
import { TextField } from './fields';
import { setDecision, setVote } from './mutations';
import { summariseVote } from './summaries';

export interface VoteContext {
  counts: AttendanceCounts;
  electorate: string;
  settings: UnitSettings;
}

interface Props {
  itemId: string;
  decisionId: string;
  vote: Vote;
  voteCtx: VoteContext;
  issues: readonly MeetingIssue[] | undefined;
}

const KIND_OPTIONS = VOTE_KINDS.map((k) => ({ value: k, label: VOTE_KIND_LABELS[k] }));
const METHOD_OPTIONS = VOTE_METHODS.map((k) => ({ value: k, label: VOTE_METHOD_LABELS[k] }));

function CountInput({ label, value, onChange, status }: { label: string; value: number; onChange: (n: number) => void; status?: 'error' }) {
  const { readOnly } = useEditor();
  return (
    <label className="pm-count">
      <span>{label}</span>
      <InputNumber
        aria-label={label}
        min={0}
        max={9999}
        precision={0}
        value={value}
        disabled={readOnly}
        status={status}
        suffix="票"
        style={{ width: 100 }}
        onChange={(v) => onChange(typeof v === 'number' && v >= 0 ? v : 0)}
      />
    </label>
  );
}

export const VotePanel = memo(function VotePanel({ itemId, decisionId, vote, voteCtx, issues }: Props) {
  const { update, readOnly } = useEditor();
  const set = useCallback((patch: Partial<Vote>) => update(setVote(itemId, decisionId, patch)), [update, itemId, decisionId]);
  const onSubject = useCallback((v: string) => update(setVote(itemId, decisionId, { subjectName: v }), 'deferred'), [update, itemId, decisionId]);
  const field = `agenda.${itemId}.decisions.${decisionId}.vote`;
  const sum = summariseVote(vote, voteCtx.counts, voteCtx.electorate, voteCtx.settings);
  const errors = (issues ?? []).filter((i) => i.severity === 'error');
  const overCount = errors.some((i) => i.code === 'VOTE_EXCEEDS_PRESENT');
  const writtenOver = errors.some((i) => i.code === 'VOTE_WRITTEN_EXCEEDS_ABSENT');
  const showWritten = countsWrittenOpinions(vote.kind) || vote.writtenYes + vote.writtenNo + vote.writtenAbstain > 0;
  const needsSubject = vote.kind === 'admission' || vote.kind === 'confirmation' || vote.kind === 'extension';
  const empty = sum.inRoom + vote.writtenYes + vote.writtenNo + vote.writtenAbstain === 0;

  return (
    <div className="pm-vote" data-field={field} role="group" aria-label="表决情况">
      <Row gutter={[12, 8]} align="middle">
        <Col>
          <Space size={6}>
            <span>表决事项</span>
            <Select
              aria-label="表决事项类型"
              value={vote.kind}
              options={KIND_OPTIONS}
              disabled={readOnly}
              style={{ width: 150 }}
              onChange={(k: VoteKind) => set({ kind: k })}
            />
          </Space>
        </Col>
        <Col>
          <Radio.Group
            aria-label="表决方式"
            optionType="button"
            size="middle"
            value={vote.method}
            options={METHOD_OPTIONS}
            disabled={readOnly}
            onChange={(e) => set({ method: e.target.value as VoteMethod })}
          />
        </Col>
        <Col flex="auto">
          <Space size={6} style={{ width: '100%' }}>
            <span style={{ whiteSpace: 'nowrap' }}>{needsSubject ? '表决对象' : '表决对象（可选）'}</span>
            <TextField
              field={`${field}.subjectName`}
              ariaLabel="表决对象"
              value={vote.subjectName}
              onCommit={onSubject}
              placeholder={needsSubject ? '被表决人姓名' : '如：某项工作安排'}
              style={{ minWidth: 140 }}
            />
          </Space>
        </Col>
      </Row>
      <div className="pm-counts-row">
        <CountInput label="赞成" value={vote.yes} onChange={(n) => set({ yes: n })} status={overCount ? 'error' : undefined} />
        <CountInput label="反对" value={vote.no} onChange={(n) => set({ no: n })} status={overCount ? 'error' : undefined} />
        <CountInput label="弃权" value={vote.abstain} onChange={(n) => set({ abstain: n })} status={overCount ? 'error' : undefined} />
      </div>
      {showWritten && (
        <div className="pm-counts-row">
          <Typography.Text type="secondary" style={{ marginRight: 4 }}>
            因故未到会党员的书面意见{countsWrittenOpinions(vote.kind) ? '（计入票数）' : '（本类表决不计入）'}：
          </Typography.Text>
          <CountInput label="书面意见赞成" value={vote.writtenYes} onChange={(n) => set({ writtenYes: n })} status={writtenOver ? 'error' : undefined} />
          <CountInput label="书面意见反对" value={vote.writtenNo} onChange={(n) => set({ writtenNo: n })} status={writtenOver ? 'error' : undefined} />
          <CountInput label="书面意见弃权" value={vote.writtenAbstain} onChange={(n) => set({ writtenAbstain: n })} status={writtenOver ? 'error' : undefined} />
        </div>
      )}
      <div className="pm-vote-result" aria-live="polite">
        {empty ? (
          <Typography.Text type="secondary">
            填写票数后自动计算：赞成票须超过应到会{voteCtx.electorate} {voteCtx.counts.votingExpected} 人的半数（至少 {sum.need} 票）才能通过。
          </Typography.Text>
        ) : (
          <>
            {sum.passes ? <CheckCircleFilled aria-hidden style={{ color: '#389e0d' }} /> : <CloseCircleFilled aria-hidden style={{ color: '#cf1322' }} />}{' '}
            <span>{sum.text}</span>
          </>
        )}
        {sum.election && <div>{sum.election}</div>}
      </div>
      {(issues ?? []).filter((i) => i.code !== 'VOTE_EMPTY').map((i) => (
        <Alert key={i.code + i.message} type={i.severity} showIcon title={i.message} style={{ marginTop: 6 }} />
      ))}
      {!readOnly && (
        <Button
          size="small"
          type="link"
          danger
          style={{ paddingLeft: 0, marginTop: 4 }}
          onClick={() => update(setDecision(itemId, decisionId, (d) => ({ ...d, vote: null })))}
        >
          删除表决
        </Button>
      )}
    </div>
  );
});
