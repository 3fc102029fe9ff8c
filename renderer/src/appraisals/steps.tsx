/**
 * The five steps of 民主评议 (domain §2.7, §3.4), one table per step, one row per member:
 * 个人自评 → 党员互评 → 民主测评 → 组织评定 → 反馈. Every input carries `data-field`
 * (entries.<entryId>.<key>) so the 检查结果 panel can focus it.
 */
import { memo, useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, InputNumber, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { APPRAISAL_GRADES, APPRAISAL_GRADE_LABELS, type Appraisal, type AppraisalEntry, type AppraisalGrade, type GradeVotes } from '../../../shared/model';
import { excellentRate, gradeTotals, isGraded, majorityGrade, totalVotes, type AppraisalIssue } from '../../../shared/rules/appraisal';
import { newId } from '../../db/meta';
import { fromDayjs, toDayjs } from '../common/dates';
import { RecordText } from '../records/RecordText';

export type SetEntry = (id: string, patch: Partial<AppraisalEntry> | ((e: AppraisalEntry) => Partial<AppraisalEntry>)) => void;

export interface StepProps {
  entries: readonly AppraisalEntry[];
  setEntry: SetEntry;
  /** Issues of the record, by field. */
  issueAt: (field: string) => AppraisalIssue | undefined;
}

function NameCell({ e }: { e: AppraisalEntry }) {
  return (
    <span>
      {e.name}
      {e.status === 'probationary' && (
        <Tag color="gold" style={{ marginLeft: 6 }}>
          预备党员
        </Tag>
      )}
    </span>
  );
}

const nameColumn = { title: '姓名', key: 'name', width: 130, fixed: 'left' as const, render: (_: unknown, e: AppraisalEntry) => <NameCell e={e} /> };

/** The table every step shows: one row per member, the name column first, rows with issues marked. */
function StepTable({ entries, issueAt, fields, columns }: Pick<StepProps, 'entries' | 'issueAt'> & { fields: readonly string[]; columns: TableColumnsType<AppraisalEntry> }) {
  return (
    <Table<AppraisalEntry>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={entries as AppraisalEntry[]}
      rowClassName={rowClass(issueAt, fields)}
      columns={[nameColumn, ...columns]}
    />
  );
}

function rowClass(issueAt: StepProps['issueAt'], keys: readonly string[]) {
  return (e: AppraisalEntry) => {
    const sev = keys.map((k) => issueAt(`entries.${e.id}.${k}`)?.severity);
    return sev.includes('error') ? 'pm-row-error' : sev.includes('warning') ? 'pm-row-warning' : '';
  };
}

export const SelfStep = memo(function SelfStep({ entries, setEntry, issueAt }: StepProps) {
  return (
    <StepTable
      entries={entries}
      issueAt={issueAt}
      fields={['selfAppraisal']}
      columns={[
        {
          title: '已自评',
          key: 'done',
          width: 80,
          render: (_, e) => <Checkbox aria-label={`${e.name}已自评`} checked={e.selfDone} onChange={(x) => setEntry(e.id, { selfDone: x.target.checked })} />,
        },
        {
          title: '个人自评（对照合格党员标准和入党誓词，或注明“见发言提纲”）',
          key: 'text',
          render: (_, e) => (
            <RecordText
              field={`entries.${e.id}.selfAppraisal`}
              ariaLabel={`${e.name}个人自评`}
              multiline
              minRows={1}
              value={e.selfAppraisal}
              status={issueAt(`entries.${e.id}.selfAppraisal`) ? 'warning' : undefined}
              onCommit={(selfAppraisal) => setEntry(e.id, { selfAppraisal })}
            />
          ),
        },
      ]}
    />
  );
});

export const PeerStep = memo(function PeerStep({ entries, setEntry, issueAt }: StepProps) {
  const fromOptions = entries.map((x) => ({ value: x.memberId ?? `name:${x.name}`, label: x.name }));
  return (
    <StepTable
      entries={entries}
      issueAt={issueAt}
      fields={['peerComments']}
      columns={[
        {
          title: '党员互评意见（评议人和意见）',
          key: 'peer',
          render: (_, e) => (
            <div data-field={`entries.${e.id}.peerComments`} tabIndex={-1}>
              {e.peerComments.map((c) => (
                <Space key={c.id} align="start" style={{ display: 'flex', marginBottom: 6 }}>
                  <Select
                    aria-label={`${e.name}的评议人`}
                    style={{ width: 120 }}
                    placeholder="评议人"
                    value={c.fromId ?? (c.fromName ? `name:${c.fromName}` : undefined)}
                    options={fromOptions.filter((o) => o.label !== e.name)}
                    showSearch={{ optionFilterProp: 'label' }}
                    onChange={(v: string) => {
                      const o = fromOptions.find((x) => x.value === v);
                      setEntry(e.id, (cur) => ({
                        peerComments: cur.peerComments.map((y) => (y.id === c.id ? { ...y, fromId: v.startsWith('name:') ? null : v, fromName: o?.label ?? '' } : y)),
                      }));
                    }}
                  />
                  <RecordText
                    field={`entries.${e.id}.peerComments.${c.id}.text`}
                    ariaLabel={`${e.name}的互评意见`}
                    multiline
                    minRows={1}
                    style={{ width: 560 }}
                    value={c.text}
                    onCommit={(text) => setEntry(e.id, (cur) => ({ peerComments: cur.peerComments.map((y) => (y.id === c.id ? { ...y, text } : y)) }))}
                  />
                  <Button
                    aria-label="删除该互评意见"
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => setEntry(e.id, (cur) => ({ peerComments: cur.peerComments.filter((y) => y.id !== c.id) }))}
                  />
                </Space>
              ))}
              <Button
                size="small"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setEntry(e.id, (cur) => ({ peerComments: [...cur.peerComments, { id: newId(), fromId: null, fromName: '', text: '' }] }))}
              >
                添加互评意见
              </Button>
            </div>
          ),
        },
      ]}
    />
  );
});

const VOTE_KEYS: { key: keyof GradeVotes; label: string }[] = [
  { key: 'excellent', label: '优秀' },
  { key: 'qualified', label: '合格' },
  { key: 'basic', label: '基本合格' },
  { key: 'unqualified', label: '不合格' },
];

function percent(r: number | null): string {
  return r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
}

export const TallyStep = memo(function TallyStep({ entries, setEntry, issueAt, onFillAll }: StepProps & { onFillAll: (should: number, did: number) => void }) {
  return (
    <>
      <FillAll onFill={onFillAll} />
      <StepTable
        entries={entries}
        issueAt={issueAt}
        fields={['votes', 'didRate']}
        columns={[
          {
            title: '应参评',
            key: 'should',
            width: 84,
            render: (_, e) => (
              <InputNumber aria-label={`${e.name}应参评人数`} size="small" min={0} max={100000} precision={0} value={e.shouldRate} onChange={(v) => setEntry(e.id, { shouldRate: typeof v === 'number' ? v : 0 })} style={{ width: 70 }} />
            ),
          },
          {
            title: '实参评',
            key: 'did',
            width: 84,
            render: (_, e) => (
              <span data-field={`entries.${e.id}.didRate`}>
                <InputNumber
                  aria-label={`${e.name}实参评人数`}
                  size="small"
                  min={0}
                  max={100000}
                  precision={0}
                  value={e.didRate}
                  status={issueAt(`entries.${e.id}.didRate`) ? 'error' : undefined}
                  onChange={(v) => setEntry(e.id, { didRate: typeof v === 'number' ? v : 0 })}
                  style={{ width: 70 }}
                />
              </span>
            ),
          },
          ...VOTE_KEYS.map(({ key, label }) => ({
            title: `${label}票`,
            key,
            width: 84,
            render: (_: unknown, e: AppraisalEntry) => (
              <span data-field={key === 'excellent' ? `entries.${e.id}.votes` : undefined}>
                <InputNumber
                  aria-label={`${e.name}${label}票`}
                  size="small"
                  min={0}
                  max={100000}
                  precision={0}
                  value={e.votes[key]}
                  status={issueAt(`entries.${e.id}.votes`) ? 'error' : undefined}
                  onChange={(v) => setEntry(e.id, (cur) => ({ votes: { ...cur.votes, [key]: typeof v === 'number' ? v : 0 } }))}
                  style={{ width: 70 }}
                />
              </span>
            ),
          })),
          { title: '合计', key: 'sum', width: 56, render: (_, e) => totalVotes(e.votes) },
          { title: '优秀票率', key: 'rate', width: 86, render: (_, e) => <span aria-label={`${e.name}优秀票率`}>{percent(excellentRate(e))}</span> },
          {
            title: '得票最多',
            key: 'major',
            width: 90,
            render: (_, e) => {
              const m = majorityGrade(e.votes);
              return m ? APPRAISAL_GRADE_LABELS[m] : totalVotes(e.votes) ? <Typography.Text type="secondary">票数相同</Typography.Text> : '—';
            },
          },
        ]}
      />
    </>
  );
});

function FillAll({ onFill }: { onFill: (should: number, did: number) => void }) {
  const [should, setShould] = useState(0);
  const [did, setDid] = useState(0);
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary">测评表人数相同时可统一填写：</Typography.Text>
      <InputNumber aria-label="统一应参评人数" size="small" min={0} precision={0} placeholder="应参评" onChange={(v) => setShould(typeof v === 'number' ? v : 0)} />
      <InputNumber aria-label="统一实参评人数" size="small" min={0} precision={0} placeholder="实参评" onChange={(v) => setDid(typeof v === 'number' ? v : 0)} />
      <Button size="small" onClick={() => onFill(should, did)}>
        应用到所有人
      </Button>
    </Space>
  );
}

const GRADE_OPTIONS = APPRAISAL_GRADES.map((g) => ({ value: g, label: APPRAISAL_GRADE_LABELS[g] }));

export const GradeStep = memo(function GradeStep({ entries, setEntry, issueAt }: StepProps) {
  return (
    <StepTable
      entries={entries}
      issueAt={issueAt}
      fields={['finalGrade', 'gradeReason', 'followUp']}
      columns={[
        {
          title: '得票最多',
          key: 'major',
          width: 92,
          render: (_, e) => {
            const m = majorityGrade(e.votes);
            return m ? APPRAISAL_GRADE_LABELS[m] : '—';
          },
        },
        {
          title: '组织评定等次',
          key: 'grade',
          width: 170,
          render: (_, e) => {
            const issue = issueAt(`entries.${e.id}.finalGrade`);
            if (!isGraded(e))
              return (
                <div data-field={`entries.${e.id}.finalGrade`}>
                  <Select aria-label={`${e.name}评定等次`} disabled value={undefined} placeholder="参评不定等次" style={{ width: 150 }} />
                  {e.finalGrade && (
                    <div className="pm-field-error" role="alert">
                      已存有等次“{APPRAISAL_GRADE_LABELS[e.finalGrade]}”，预备党员不定等次。
                      <Button size="small" type="link" onClick={() => setEntry(e.id, { finalGrade: null })}>
                        清除等次
                      </Button>
                    </div>
                  )}
                </div>
              );
            return (
              <span data-field={`entries.${e.id}.finalGrade`}>
                <Select
                  aria-label={`${e.name}评定等次`}
                  allowClear
                  placeholder="请选择"
                  value={e.finalGrade ?? undefined}
                  options={GRADE_OPTIONS}
                  status={issue ? (issue.severity === 'error' ? 'error' : 'warning') : undefined}
                  onChange={(v?: AppraisalGrade) => setEntry(e.id, { finalGrade: v ?? null })}
                  style={{ width: 150 }}
                />
              </span>
            );
          },
        },
        {
          title: '评定理由（与得票最多的等次不同时必填）',
          key: 'reason',
          render: (_, e) => {
            const issue = issueAt(`entries.${e.id}.gradeReason`);
            return (
              <>
                <RecordText
                  field={`entries.${e.id}.gradeReason`}
                  ariaLabel={`${e.name}评定理由`}
                  value={e.gradeReason}
                  status={issue ? 'error' : undefined}
                  placeholder={issue ? '请填写评定理由' : ''}
                  onCommit={(gradeReason) => setEntry(e.id, { gradeReason })}
                />
                {issue && (
                  <div className="pm-field-error" role="alert">
                    {issue.message}
                  </div>
                )}
              </>
            );
          },
        },
        {
          title: '处置措施（基本合格、不合格）',
          key: 'followUp',
          width: 200,
          render: (_, e) =>
            e.finalGrade === 'basic' || e.finalGrade === 'unqualified' || e.followUp ? (
              <RecordText
                field={`entries.${e.id}.followUp`}
                ariaLabel={`${e.name}处置措施`}
                multiline
                minRows={1}
                value={e.followUp}
                status={issueAt(`entries.${e.id}.followUp`) ? 'warning' : undefined}
                placeholder="如：指出差距、帮扶计划、组织处置"
                onCommit={(followUp) => setEntry(e.id, { followUp })}
              />
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
      ]}
    />
  );
});

export function GradeTotalsBar({ entries, overShare }: { entries: readonly AppraisalEntry[]; overShare: AppraisalIssue | undefined }) {
  const t = gradeTotals(entries);
  return (
    <div className="pm-grade-totals" aria-label="评定结果合计" data-field="entries" tabIndex={-1}>
      <Space size={18} wrap>
        {APPRAISAL_GRADES.map((g) => (
          <span key={g}>
            {APPRAISAL_GRADE_LABELS[g]} <strong>{t[g]}</strong> 人
          </span>
        ))}
        <span>
          未评定 <strong>{t.ungraded}</strong> 人
        </span>
        <span>
          预备党员（参评不定等次）<strong>{t.probationary}</strong> 人
        </span>
        <Typography.Text type="secondary">优秀一般不超过参加定等党员的三分之一（{t.gradedMembers} 人中最多 {Math.floor(t.gradedMembers / 3)} 人）</Typography.Text>
      </Space>
      {overShare && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={overShare.message} />}
    </div>
  );
}

export const FeedbackStep = memo(function FeedbackStep({ entries, setEntry, issueAt }: StepProps) {
  return (
    <StepTable
      entries={entries}
      issueAt={issueAt}
      fields={['feedback']}
      columns={[
        {
          title: '评定等次',
          key: 'grade',
          width: 120,
          render: (_, e) => (!isGraded(e) ? '参评不定等次' : e.finalGrade ? APPRAISAL_GRADE_LABELS[e.finalGrade] : <Typography.Text type="warning">未评定</Typography.Text>),
        },
        {
          title: '反馈人',
          key: 'by',
          width: 180,
          render: (_, e) => (
            <RecordText
              field={`entries.${e.id}.feedback`}
              ariaLabel={`${e.name}反馈人`}
              value={e.feedbackBy}
              status={issueAt(`entries.${e.id}.feedback`) ? 'warning' : undefined}
              onCommit={(feedbackBy) => setEntry(e.id, { feedbackBy })}
            />
          ),
        },
        {
          title: '反馈时间',
          key: 'date',
          width: 170,
          render: (_, e) => <DatePicker aria-label={`${e.name}反馈时间`} value={toDayjs(e.feedbackDate) ?? null} onChange={(d) => setEntry(e.id, { feedbackDate: fromDayjs(d) })} />,
        },
        {
          title: '处置措施',
          key: 'followUp',
          render: (_, e) => (e.followUp ? e.followUp : <Typography.Text type="secondary">—</Typography.Text>),
        },
      ]}
    />
  );
});

export function CommitteeRating({ value, onChange }: { value: Appraisal['committeeRating']; onChange: (v: Appraisal['committeeRating']) => void }) {
  return (
    <div data-field="committeeRating">
      {value.length === 0 && (
        <Space wrap style={{ marginBottom: 6 }}>
          <Typography.Text type="secondary">如同时测评支部班子，可选用常用档次：</Typography.Text>
          <Button size="small" onClick={() => onChange(['满意', '基本满意', '不满意'].map((label) => ({ label, count: 0 })))}>
            满意 / 基本满意 / 不满意
          </Button>
          <Button size="small" onClick={() => onChange(['好', '较好', '一般', '差'].map((label) => ({ label, count: 0 })))}>
            好 / 较好 / 一般 / 差
          </Button>
        </Space>
      )}
      <Space wrap>
        {value.map((r, i) => (
          <Space.Compact key={i}>
            <RecordText field={`committeeRating.${i}.label`} ariaLabel="班子测评选项" value={r.label} style={{ width: 90 }} onCommit={(label) => onChange(value.map((x, n) => (n === i ? { ...x, label } : x)))} />
            <InputNumber aria-label={`${r.label}票数`} min={0} precision={0} value={r.count} suffix="票" style={{ width: 90 }} onChange={(v) => onChange(value.map((x, n) => (n === i ? { ...x, count: typeof v === 'number' ? v : 0 } : x)))} />
            <Button aria-label={`删除选项${r.label}`} icon={<DeleteOutlined aria-hidden />} onClick={() => onChange(value.filter((_, n) => n !== i))} />
          </Space.Compact>
        ))}
        {value.length > 0 && value.length < 6 && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onChange([...value, { label: '', count: 0 }])}>
            添加选项
          </Button>
        )}
      </Space>
    </div>
  );
}
