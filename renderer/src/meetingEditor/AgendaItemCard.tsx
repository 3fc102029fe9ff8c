/**
 * One agenda item: title, speeches (speaker + content; Ctrl+Enter adds the next speech and puts
 * the cursor in its speaker field), decisions with 责任人 / 期限 and an optional vote.
 */
import { memo, useCallback, type KeyboardEvent } from 'react';
import { Button, Card, DatePicker, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AgendaItem, Decision, Speech, VoteKind } from '../../../shared/model';
import type { MeetingIssue } from '../../../shared/rules/meetingChecks';
import { fromDayjs, toDayjs } from '../common/dates';
import { useEditor, type PersonOption } from './context';
import { PersonField, TextField, type FieldStatus } from './fields';
import { focusFieldSoon } from './focusField';
import { emptyDecision, emptySpeech, emptyVote, insertAfter, moveById, setDecision, setItem, setSpeech } from './mutations';
import { VotePanel, type VoteContext } from './VotePanel';

const SpeechRow = memo(function SpeechRow({ itemId, speech: s, index }: { itemId: string; speech: Speech; index: number }) {
  const { update, readOnly } = useEditor();
  const base = `agenda.${itemId}.speeches.${s.id}`;
  const onSpeaker = useCallback(
    (name: string, o: PersonOption | null) => update(setSpeech(itemId, s.id, { speakerName: name, speakerId: o?.memberId ?? null }), o ? 'now' : 'deferred'),
    [update, itemId, s.id],
  );
  const onContent = useCallback((v: string) => update(setSpeech(itemId, s.id, { content: v }), 'deferred'), [update, itemId, s.id]);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !readOnly) {
        e.preventDefault();
        const next = emptySpeech();
        update(setItem(itemId, (i) => ({ ...i, speeches: insertAfter(i.speeches, s.id, next) })));
        focusFieldSoon(`agenda.${itemId}.speeches.${next.id}.speaker`);
      }
    },
    [update, itemId, s.id, readOnly],
  );
  return (
    <div className="pm-speech" data-field={base}>
      <div className="pm-speech-head">
        <span className="pm-speech-no">{index + 1}.</span>
        <PersonField field={`${base}.speaker`} ariaLabel="发言人" value={s.speakerName} onCommit={onSpeaker} placeholder="发言人" style={{ width: 200 }} />
        {!readOnly && (
          <Popconfirm
            title="删除这条发言？"
            description={s.content.trim() ? '发言内容将一并删除。' : undefined}
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => update(setItem(itemId, (i) => ({ ...i, speeches: i.speeches.filter((x) => x.id !== s.id) })))}
          >
            <Button type="text" size="small" icon={<DeleteOutlined aria-hidden />} aria-label="删除发言" tabIndex={-1} />
          </Popconfirm>
        )}
      </div>
      <TextField
        field={`${base}.content`}
        ariaLabel="发言内容"
        multiline
        minRows={2}
        maxRows={18}
        value={s.content}
        onCommit={onContent}
        onKeyDown={onKeyDown}
        placeholder="发言要点（Ctrl+Enter 添加下一位发言）"
      />
    </div>
  );
});

const DecisionBlock = memo(function DecisionBlock({
  itemId,
  decision: d,
  index,
  voteCtx,
  issues,
  presetKind,
}: {
  itemId: string;
  decision: Decision;
  index: number;
  voteCtx: VoteContext;
  issues: readonly MeetingIssue[] | undefined;
  presetKind: VoteKind | undefined;
}) {
  const { update, readOnly } = useEditor();
  const base = `agenda.${itemId}.decisions.${d.id}`;
  const onText = useCallback((v: string) => update(setDecision(itemId, d.id, (x) => ({ ...x, text: v })), 'deferred'), [update, itemId, d.id]);
  const onOwner = useCallback(
    (name: string, o: PersonOption | null) => update(setDecision(itemId, d.id, (x) => ({ ...x, owner: name })), o ? 'now' : 'deferred'),
    [update, itemId, d.id],
  );
  return (
    <div className="pm-decision" data-field={base}>
      <div className="pm-decision-head">
        <Typography.Text strong>决定 {index + 1}</Typography.Text>
        {!readOnly && (
          <Popconfirm
            title="删除这条决定？"
            description={d.vote ? '其表决情况将一并删除。' : undefined}
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => update(setItem(itemId, (i) => ({ ...i, decisions: i.decisions.filter((x) => x.id !== d.id) })))}
          >
            <Button type="text" size="small" icon={<DeleteOutlined aria-hidden />} aria-label="删除决定" />
          </Popconfirm>
        )}
      </div>
      <TextField field={`${base}.text`} ariaLabel="决定内容" multiline minRows={1} maxRows={10} value={d.text} onCommit={onText} placeholder="决定事项内容" />
      <Space wrap style={{ marginTop: 8 }} size={[16, 8]}>
        <Space size={6}>
          <span>责任人</span>
          <PersonField field={`${base}.owner`} ariaLabel="责任人" value={d.owner} onCommit={onOwner} placeholder="可不填" style={{ width: 160 }} />
        </Space>
        <Space size={6}>
          <span>期限</span>
          <DatePicker
            aria-label="期限"
            disabled={readOnly}
            value={toDayjs(d.deadline) ?? null}
            format="YYYY年M月D日"
            placeholder={readOnly ? '' : '可不填'}
            onChange={(v) => update(setDecision(itemId, d.id, (x) => ({ ...x, deadline: fromDayjs(v) })))}
          />
        </Space>
        {!d.vote && !readOnly && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => update(setDecision(itemId, d.id, (x) => ({ ...x, vote: emptyVote(presetKind) })))}>
            添加表决
          </Button>
        )}
      </Space>
      {d.vote && <VotePanel itemId={itemId} decisionId={d.id} vote={d.vote} voteCtx={voteCtx} issues={issues} />}
    </div>
  );
});

export interface AgendaItemCardProps {
  item: AgendaItem;
  index: number;
  total: number;
  titleStatus: FieldStatus;
  /** Issues of this item's decisions: decisionId → issues (stable arrays when unchanged). */
  decisionIssues: Readonly<Record<string, readonly MeetingIssue[]>> | undefined;
  voteCtx: VoteContext;
  /** From the template the item came from: pre-select this kind when a vote is added. */
  presetKind: VoteKind | undefined;
}

export const AgendaItemCard = memo(function AgendaItemCard({ item, index, total, titleStatus, decisionIssues, voteCtx, presetKind }: AgendaItemCardProps) {
  const { update, readOnly } = useEditor();
  const onTitle = useCallback((v: string) => update(setItem(item.id, (i) => ({ ...i, title: v })), 'deferred'), [update, item.id]);
  const hasContent = item.speeches.length > 0 || item.decisions.length > 0;
  const addSpeech = () => {
    const s = emptySpeech();
    update(setItem(item.id, (i) => ({ ...i, speeches: [...i.speeches, s] })));
    focusFieldSoon(`agenda.${item.id}.speeches.${s.id}.speaker`);
  };
  const addDecision = () => {
    const d = emptyDecision();
    update(setItem(item.id, (i) => ({ ...i, decisions: [...i.decisions, d] })));
    focusFieldSoon(`agenda.${item.id}.decisions.${d.id}.text`);
  };
  return (
    <Card
      size="small"
      className="pm-item"
      data-field={`agenda.${item.id}`}
      title={
        <div className="pm-item-title">
          <span className="pm-item-no">{index + 1}</span>
          <TextField
            field={`agenda.${item.id}.title`}
            ariaLabel={`议题标题-${index + 1}`}
            value={item.title}
            onCommit={onTitle}
            status={titleStatus}
            placeholder="议题名称"
          />
        </div>
      }
      extra={
        !readOnly && (
          <Space size={0}>
            <Tooltip title="上移">
              <Button type="text" size="small" icon={<ArrowUpOutlined aria-hidden />} aria-label="上移议题" disabled={index === 0} onClick={() => update((m) => ({ ...m, agenda: moveById(m.agenda, item.id, -1) }))} />
            </Tooltip>
            <Tooltip title="下移">
              <Button type="text" size="small" icon={<ArrowDownOutlined aria-hidden />} aria-label="下移议题" disabled={index === total - 1} onClick={() => update((m) => ({ ...m, agenda: moveById(m.agenda, item.id, 1) }))} />
            </Tooltip>
            <Popconfirm
              title={`删除第 ${index + 1} 项议题？`}
              description={hasContent ? `该议题下的 ${item.speeches.length} 条发言和 ${item.decisions.length} 条决定将一并删除。` : undefined}
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => update((m) => ({ ...m, agenda: m.agenda.filter((x) => x.id !== item.id) }))}
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label="删除议题" />
            </Popconfirm>
          </Space>
        )
      }
    >
      <div className="pm-subhead">发言记录</div>
      {item.speeches.length === 0 && <Typography.Text type="secondary">暂无发言。</Typography.Text>}
      {item.speeches.map((s, i) => (
        <SpeechRow key={s.id} itemId={item.id} speech={s} index={i} />
      ))}
      {!readOnly && (
        <Button icon={<PlusOutlined aria-hidden />} size="small" onClick={addSpeech} style={{ marginTop: 6 }}>
          添加发言
        </Button>
      )}
      <div className="pm-subhead" style={{ marginTop: 14 }}>决定事项</div>
      {item.decisions.length === 0 && <Typography.Text type="secondary">暂无决定。</Typography.Text>}
      {item.decisions.map((d, i) => (
        <DecisionBlock key={d.id} itemId={item.id} decision={d} index={i} voteCtx={voteCtx} issues={decisionIssues?.[d.id]} presetKind={presetKind} />
      ))}
      {!readOnly && (
        <Button icon={<PlusOutlined aria-hidden />} size="small" onClick={addDecision} style={{ marginTop: 6 }}>
          添加决定
        </Button>
      )}
    </Card>
  );
});
