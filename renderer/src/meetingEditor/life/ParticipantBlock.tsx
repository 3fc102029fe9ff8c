/**
 * One 被检查人 block (domain §3.3): name, role, paper ready; self-criticism problems by aspect;
 * criticism received (critic limited to present attendees); 表态. All texts here are sensitive and
 * stay inside the opened record.
 */
import { memo, useCallback, useMemo } from 'react';
import { Button, Checkbox, Select, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { LIFE_ROLE_LABELS, type LifeCriticism, type LifeParticipant, type LifeRole, type MeetingType } from '../../../../shared/model';
import { useUndoToast } from '../../common/useUndo';
import { useEditor, usePeople, type PersonOption } from '../context';
import { focusFieldSoon } from '../focusField';
import { PersonField, TextField } from '../fields';
import { useLife } from './lifeContext';
import { emptyCriticism, setCriticism, setParticipant } from './lifeMutations';
import { ProblemList } from './ProblemList';
import { RectificationAction } from './RectificationAction';

const ROLE_OPTIONS: Record<'branch' | 'team', { value: LifeRole; label: string }[]> = {
  branch: (['secretary', 'committee', 'member'] as const).map((r) => ({ value: r, label: LIFE_ROLE_LABELS[r] })),
  team: (['leader', 'team_member'] as const).map((r) => ({ value: r, label: LIFE_ROLE_LABELS[r] })),
};

/** Why a critic entry looks wrong, shown under the picker (the issues panel has the full list). */
export function criticHint(c: Pick<LifeCriticism, 'criticId' | 'criticName'>, p: Pick<LifeParticipant, 'memberId' | 'name'>, absent: ReadonlySet<string>): string | null {
  const name = c.criticName.trim();
  if (!name) return null;
  if ((c.criticId && c.criticId === p.memberId) || name === p.name.trim()) return '批评人不能是被检查人本人；本人的问题请写在上面的“自我批评”中';
  if (absent.has(name)) return `${name}未出席本次会议（出席名单中为缺席或请假），不能作为批评人`;
  return null;
}

interface CriticismRowProps {
  pid: string;
  participant: Pick<LifeParticipant, 'memberId' | 'name'>;
  c: LifeCriticism;
  n: number;
  prefix: string;
  onRemove: (c: LifeCriticism) => void;
}

const CriticismRow = memo(function CriticismRow({ pid, participant, c, n, prefix, onRemove }: CriticismRowProps) {
  const { update, readOnly } = useEditor();
  const { critics, absentNames, status } = useLife();
  const f = `${prefix}.${c.id}`;
  const label = `${participant.name || '被检查人'}-批评${n}`;
  const onCritic = useCallback(
    (name: string, o: PersonOption | null) => update(setCriticism(pid, c.id, { criticName: name, criticId: o?.memberId ?? null }), o ? 'now' : 'deferred'),
    [update, pid, c.id],
  );
  const onText = useCallback((v: string) => update(setCriticism(pid, c.id, { text: v }), 'deferred'), [update, pid, c.id]);
  const onReason = useCallback((v: string) => update(setCriticism(pid, c.id, { noRectificationReason: v }), 'deferred'), [update, pid, c.id]);
  const hint = criticHint(c, participant, absentNames);
  const criticStatus = status(`${f}.criticName`) ?? status(`${f}.criticId`) ?? (hint ? 'error' : undefined);
  return (
    <div className="pm-life-criticism" data-field={f}>
      <div className="pm-life-criticism-head">
        <Typography.Text strong>批评 {n}</Typography.Text>
        <div style={{ flex: '1 1 220px', maxWidth: 320 }}>
          <PersonField field={`${f}.criticName`} ariaLabel={`批评人-${label}`} value={c.criticName} onCommit={onCritic} options={critics} status={criticStatus} placeholder="批评人（出席人员）" />
        </div>
        {!readOnly && (
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除-${label}`} onClick={() => onRemove(c)}>
            删除
          </Button>
        )}
      </div>
      {hint && (
        <Typography.Text type="danger" className="pm-life-hint" role="alert">
          {hint}
        </Typography.Text>
      )}
      <TextField field={`${f}.text`} ariaLabel={`批评意见-${label}`} multiline minRows={2} value={c.text} onCommit={onText} status={status(`${f}.text`)} placeholder="点人点事、具体明确的批评意见" />
      <RectificationAction
        target={{ participantId: pid, criticismId: c.id }}
        rectificationId={c.rectificationId}
        label={label}
        reason={{ field: `${f}.noRectificationReason`, value: c.noRectificationReason ?? '', onCommit: onReason }}
      />
    </div>
  );
});

interface Props {
  participant: LifeParticipant;
  index: number;
  count: number;
  aspects: readonly string[];
  type: MeetingType;
  onMove: (id: string, delta: number) => void;
  onRemove: (id: string) => void;
}

export const ParticipantBlock = memo(function ParticipantBlock({ participant: p, index, count, aspects, type, onMove, onRemove }: Props) {
  const { update, readOnly } = useEditor();
  const { status } = useLife();
  const undo = useUndoToast();
  const people = usePeople();
  const attendees = useMemo(() => people.filter((o) => o.hint !== '花名册'), [people]);
  const f = `life.participants.${p.id}`;
  const who = p.name || `第 ${index + 1} 位`;
  const set = useCallback((patch: Partial<LifeParticipant>, mode: 'now' | 'deferred' = 'deferred') => update(setParticipant(p.id, (x) => ({ ...x, ...patch })), mode), [update, p.id]);
  const onName = useCallback((name: string, o: PersonOption | null) => set(o ? { name, memberId: o.memberId } : { name, memberId: null }, o ? 'now' : 'deferred'), [set]);
  const onResponse = useCallback((v: string) => set({ response: v }), [set]);
  const addCriticism = () => {
    const c = emptyCriticism();
    update(setParticipant(p.id, (x) => ({ ...x, criticisms: [...x.criticisms, c] })));
    focusFieldSoon(`${f}.criticisms.${c.id}.criticName`);
  };
  const removeCriticism = useCallback(
    (c: LifeCriticism) => {
      let at = 0;
      update(
        setParticipant(p.id, (x) => {
          at = Math.max(0, x.criticisms.findIndex((y) => y.id === c.id));
          return { ...x, criticisms: x.criticisms.filter((y) => y.id !== c.id) };
        }),
      );
      undo('已删除一条批评意见', async () => update(setParticipant(p.id, (x) => ({ ...x, criticisms: [...x.criticisms.slice(0, at), c, ...x.criticisms.slice(at)] }))));
    },
    [update, undo, p.id],
  );
  const team = type === 'democratic_life';
  return (
    <article className="pm-life-person" data-field={f} aria-label={`被检查人-${who}`}>
      <header className="pm-life-person-head">
        <Tag color="red">{index + 1}</Tag>
        <div style={{ width: 200 }}>
          <PersonField field={`${f}.name`} ariaLabel={`被检查人姓名-${index + 1}`} value={p.name} onCommit={onName} options={attendees} status={status(`${f}.name`)} placeholder="姓名" />
        </div>
        <Select
          aria-label={`角色-${who}`}
          value={p.role}
          options={team ? ROLE_OPTIONS.team : ROLE_OPTIONS.branch}
          disabled={readOnly}
          style={{ width: 140 }}
          onChange={(v: LifeRole) => set({ role: v }, 'now')}
        />
        <span data-field={`${f}.paperReady`}>
          <Checkbox checked={p.paperReady} disabled={readOnly} onChange={(e) => set({ paperReady: e.target.checked }, 'now')}>
            {p.role === 'member' ? '发言提纲已准备' : '对照检查材料已准备'}
          </Checkbox>
        </span>
        {!readOnly && (
          <Space size={0} className="pm-life-person-tools">
            <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={`上移-${who}`} onClick={() => onMove(p.id, -1)} />
            <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} aria-label={`下移-${who}`} onClick={() => onMove(p.id, 1)} />
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`移除-${who}`} onClick={() => onRemove(p.id)}>
              移除
            </Button>
          </Space>
        )}
      </header>
      <div className="pm-life-sub">
        <Typography.Title level={5}>自我批评（查摆问题）</Typography.Title>
        <ProblemList pid={p.id} problems={p.problems} aspects={aspects} prefix={`${f}.problems`} ownerLabel={who} />
      </div>
      <div className="pm-life-sub" data-field={`${f}.criticisms`}>
        <Space className="pm-life-aspect-head" wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            相互批评意见
          </Typography.Title>
          <Typography.Text type="secondary">{p.criticisms.length ? `${p.criticisms.length} 条` : '暂无'}</Typography.Text>
          {!readOnly && (
            <Button size="small" type="dashed" icon={<PlusOutlined />} aria-label={`添加批评意见-${who}`} onClick={addCriticism}>
              添加批评意见
            </Button>
          )}
        </Space>
        {p.criticisms.map((c, i) => (
          <CriticismRow key={c.id} pid={p.id} participant={p} c={c} n={i + 1} prefix={`${f}.criticisms`} onRemove={removeCriticism} />
        ))}
      </div>
      <div className="pm-life-sub">
        <Typography.Title level={5}>表态</Typography.Title>
        <TextField field={`${f}.response`} ariaLabel={`表态-${who}`} multiline minRows={2} value={p.response} onCommit={onResponse} status={status(`${f}.response`)} placeholder="对大家提出的批评意见的回应和整改表态" />
      </div>
    </article>
  );
});

