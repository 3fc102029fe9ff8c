/**
 * 查摆问题 grouped under this year's 检视方面 (domain §3.3): 具体表现 / 原因剖析 / 整改方向, and
 * 列入整改 or 不列整改理由. Used for the committee's 对照检查 and for each participant.
 */
import { memo, useCallback, useMemo } from 'react';
import { Button, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { LifeProblem } from '../../../../shared/model';
import { useUndoToast } from '../../common/useUndo';
import { useEditor } from '../context';
import { focusFieldSoon } from '../focusField';
import { TextField } from '../fields';
import { useLife } from './lifeContext';
import { emptyProblem, setProblem, setProblems, type ProblemOwner } from './lifeMutations';
import { RectificationAction } from './RectificationAction';

const OTHER = '';

function ownerOf(pid: string | null): ProblemOwner {
  return pid ? { kind: 'participant', pid } : { kind: 'committee' };
}

interface ProblemCardProps {
  /** Participant id, or null for the committee's problems. */
  pid: string | null;
  problem: LifeProblem;
  n: number;
  prefix: string;
  ownerLabel: string;
  aspectOptions: { value: string; label: string }[];
}

const ProblemCard = memo(function ProblemCard({ pid, problem, n, prefix, ownerLabel, aspectOptions }: ProblemCardProps) {
  const { update, readOnly } = useEditor();
  const { status } = useLife();
  const undo = useUndoToast();
  const f = `${prefix}.${problem.id}`;
  const label = `${ownerLabel}-问题${n}`;
  const owner = useMemo(() => ownerOf(pid), [pid]);
  const set = useCallback((patch: Partial<LifeProblem>) => update(setProblem(owner, problem.id, patch), 'deferred'), [update, owner, problem.id]);
  const onManifestation = useCallback((v: string) => set({ manifestation: v }), [set]);
  const onCause = useCallback((v: string) => set({ cause: v }), [set]);
  const onDirection = useCallback((v: string) => set({ direction: v }), [set]);
  const onReason = useCallback((v: string) => set({ noRectificationReason: v }), [set]);
  const remove = () => {
    let at = -1;
    update(
      setProblems(owner, (list) => {
        at = list.findIndex((x) => x.id === problem.id);
        return list.filter((x) => x.id !== problem.id);
      }),
    );
    undo(`已删除${ownerLabel}的问题${n}`, async () => update(setProblems(owner, (list) => [...list.slice(0, Math.max(at, 0)), problem, ...list.slice(Math.max(at, 0))])));
  };
  return (
    <div className="pm-life-problem" data-field={f}>
      <div className="pm-life-problem-head">
        <Typography.Text strong>问题 {n}</Typography.Text>
        <Select
          size="small"
          aria-label={`检视方面-${label}`}
          value={problem.aspect}
          options={aspectOptions}
          disabled={readOnly}
          style={{ minWidth: 160 }}
          onChange={(v: string) => update(setProblem(owner, problem.id, { aspect: v }))}
        />
        {!readOnly && (
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除-${label}`} onClick={remove}>
            删除
          </Button>
        )}
      </div>
      <div className="pm-life-grid3">
        <label>
          <span className="pm-life-label">具体表现</span>
          <TextField field={`${f}.manifestation`} ariaLabel={`具体表现-${label}`} multiline minRows={2} value={problem.manifestation} onCommit={onManifestation} status={status(`${f}.manifestation`)} placeholder="结合具体事例写明问题表现" />
        </label>
        <label>
          <span className="pm-life-label">原因剖析</span>
          <TextField field={`${f}.cause`} ariaLabel={`原因剖析-${label}`} multiline minRows={2} value={problem.cause} onCommit={onCause} status={status(`${f}.cause`)} placeholder="从思想、党性、宗旨等方面剖析" />
        </label>
        <label>
          <span className="pm-life-label">整改方向</span>
          <TextField field={`${f}.direction`} ariaLabel={`整改方向-${label}`} multiline minRows={2} value={problem.direction} onCommit={onDirection} status={status(`${f}.direction`)} />
        </label>
      </div>
      <RectificationAction
        target={{ participantId: pid, problemId: problem.id }}
        rectificationId={problem.rectificationId}
        label={label}
        reason={{ field: `${f}.noRectificationReason`, value: problem.noRectificationReason, onCommit: onReason }}
      />
    </div>
  );
});

interface Props {
  /** Participant id, or null for the committee's problems. */
  pid: string | null;
  problems: readonly LifeProblem[];
  aspects: readonly string[];
  /** Field path of the list: 'life.committeeProblems' or 'life.participants.<id>.problems'. */
  prefix: string;
  /** 支部班子 / the participant's name, for labels and messages. */
  ownerLabel: string;
}

export const ProblemList = memo(function ProblemList({ pid, problems, aspects, prefix, ownerLabel }: Props) {
  const { update, readOnly } = useEditor();
  const owner = ownerOf(pid);
  const known = new Set(aspects);
  const groups: { aspect: string; title: string }[] = aspects.map((a) => ({ aspect: a, title: a }));
  const strays = problems.filter((p) => !known.has(p.aspect));
  if (aspects.length === 0 || strays.length > 0) groups.push({ aspect: OTHER, title: aspects.length ? '其他方面' : '查摆问题' });
  const strayKey = [...new Set(strays.map((p) => p.aspect))].filter(Boolean).join('\n');
  // Same options object while the aspects stay the same, so problem cards skip re-rendering.
  const aspectOptions = useMemo(
    () => [...aspects, ...(strayKey ? strayKey.split('\n') : [])].map((a) => ({ value: a, label: a })).concat({ value: OTHER, label: '其他方面' }),
    [aspects, strayKey],
  );
  const numberOf = new Map(problems.map((p, i) => [p.id, i + 1]));
  const add = (aspect: string) => {
    const p = emptyProblem(aspect);
    update(setProblems(owner, (list) => [...list, p]));
    focusFieldSoon(`${prefix}.${p.id}.manifestation`);
  };
  return (
    <div className="pm-life-problems" data-field={prefix}>
      {groups.map((g) => {
        const inGroup = g.aspect === OTHER && aspects.length ? strays : problems.filter((p) => (g.aspect === OTHER ? !known.has(p.aspect) : p.aspect === g.aspect));
        // Aspects without problems stay out of the way: only their 添加 button shows (below).
        if (inGroup.length === 0) return null;
        return (
          <section key={g.title} className="pm-life-aspect" aria-label={`${ownerLabel}-${g.title}`}>
            <Space className="pm-life-aspect-head" wrap>
              <Typography.Text strong>{g.title}</Typography.Text>
              <Typography.Text type="secondary">{inGroup.length} 个问题</Typography.Text>
            </Space>
            {inGroup.map((p) => (
              <ProblemCard key={p.id} pid={pid} problem={p} n={numberOf.get(p.id) ?? 0} prefix={prefix} ownerLabel={ownerLabel} aspectOptions={aspectOptions} />
            ))}
          </section>
        );
      })}
      {problems.length === 0 && <Typography.Text type="secondary">暂无查摆问题。</Typography.Text>}
      {!readOnly && (
        <Space className="pm-life-add-aspects" wrap size={[6, 6]}>
          <Typography.Text type="secondary">添加问题：</Typography.Text>
          {(aspects.length ? aspects : ['查摆问题']).map((a) => (
            <Button key={a} size="small" type="dashed" icon={<PlusOutlined />} aria-label={`添加问题-${ownerLabel}-${a}`} onClick={() => add(aspects.length ? a : OTHER)}>
              {a}
            </Button>
          ))}
        </Space>
      )}
    </div>
  );
});
