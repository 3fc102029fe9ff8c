/**
 * 出席情况: the list as it was on the meeting date, presence per line (keyboard: Tab moves line to
 * line, arrow keys change 出席/缺席/请假), reasons with quick picks, 列席 guests, live counts and
 * the quorum spelled out. Rows are memoised: typing a reason re-renders one row only.
 */
import { memo, useCallback, useMemo, useState } from 'react';
import { App, Alert, Button, Card, Checkbox, Popconfirm, Radio, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, ExclamationCircleFilled, ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  MEMBER_STATUS_LABELS,
  PRESENCES,
  PRESENCE_LABELS,
  type AttendanceEntry,
  type MeetingType,
  type Member,
  type Presence,
} from '../../../shared/model';
import { errorText } from '../common/errors';
import { useEditor } from './context';
import { TextField } from './fields';
import { guestEntry, newId, setEntry } from './mutations';
import type { AttendanceSummary } from './summaries';

export const REASON_CHIPS = ['公出', '病假', '事假', '培训', '出差'] as const;

const PRESENCE_OPTIONS = PRESENCES.map((p) => ({ value: p, label: PRESENCE_LABELS[p] }));

export interface RowIssue {
  reasonMissing: boolean;
  /** Other line-level issue (duplicate, not a party member…). */
  message?: string;
  severity?: 'error' | 'warning';
}

interface RowProps {
  entry: AttendanceEntry;
  index: number;
  label: string;
  issue: RowIssue | undefined;
  showCommittee: boolean;
}

const MemberRow = memo(function MemberRow({ entry: e, index, label, issue, showCommittee }: RowProps) {
  const { update, readOnly } = useEditor();
  const absent = e.presence !== 'present';
  const missing = absent && (issue?.reasonMissing ?? !e.reason.trim());
  const onReason = useCallback((v: string) => update(setEntry(e.id, { reason: v }), 'deferred'), [update, e.id]);
  const onName = useCallback((v: string) => update(setEntry(e.id, { name: v }), 'deferred'), [update, e.id]);
  const who = e.name || `第 ${index + 1} 行`;
  return (
    <tr className={missing ? 'pm-row-missing' : absent ? 'pm-row-absent' : undefined} data-field={`attendance.${e.id}`}>
      <td className="pm-num">{index + 1}</td>
      <td className="pm-name">
        {e.memberId ? (
          <span className="pm-person">{label}</span>
        ) : (
          <TextField field={`attendance.${e.id}.name`} ariaLabel={`姓名-${who}`} value={e.name} onCommit={onName} placeholder="姓名" style={{ width: 120 }} />
        )}
        <span className="pm-tags">
          {e.status && (
            <Tag color={e.status === 'full' ? 'red' : e.status === 'probationary' ? 'orange' : 'default'} variant="outlined">
              {e.status === 'full' ? '正式' : e.status === 'probationary' ? '预备' : MEMBER_STATUS_LABELS[e.status]}
            </Tag>
          )}
          {e.standing === 'probation_sanction' && <Tag color="purple">留党察看</Tag>}
          {e.title && <Typography.Text type="secondary" className="pm-title">{e.title}</Typography.Text>}
          {issue?.message && (
            <Tooltip title={issue.message}>
              <ExclamationCircleFilled style={{ color: issue.severity === 'error' ? '#cf1322' : '#d48806', marginLeft: 4 }} aria-label={issue.message} />
            </Tooltip>
          )}
        </span>
      </td>
      {showCommittee && (
        <td className="pm-committee">
          <Checkbox
            aria-label={`支委-${who}`}
            checked={e.isCommittee}
            disabled={readOnly}
            onChange={(ev) => update(setEntry(e.id, { isCommittee: ev.target.checked }))}
          />
        </td>
      )}
      <td className="pm-presence">
        <Radio.Group
          name={`presence-${e.id}`}
          aria-label={`出席情况-${who}`}
          optionType="button"
          buttonStyle="solid"
          size="small"
          disabled={readOnly}
          value={e.presence}
          options={PRESENCE_OPTIONS}
          onChange={(ev) => update(setEntry(e.id, { presence: ev.target.value as Presence }))}
        />
      </td>
      <td className="pm-reason">
        {absent ? (
          <div className="pm-reason-box">
            <TextField
              field={`attendance.${e.id}.reason`}
              ariaLabel={`缺席原因-${who}`}
              value={e.reason}
              onCommit={onReason}
              status={missing ? 'error' : undefined}
              placeholder={`请填写${PRESENCE_LABELS[e.presence]}原因（必填）`}
            />
            {!readOnly && (
              <span className="pm-chips">
                {REASON_CHIPS.map((r) => (
                  <button
                    key={r}
                    type="button"
                    tabIndex={-1}
                    aria-label={`${r}-${who}`}
                    className={`pm-chip${e.reason === r ? ' pm-chip-on' : ''}`}
                    onClick={() => update(setEntry(e.id, { reason: r }))}
                  >
                    {r}
                  </button>
                ))}
              </span>
            )}
          </div>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        )}
      </td>
      <td className="pm-ops">
        {!readOnly && (
          <Popconfirm title={`从出席情况中移除“${e.name || '该行'}”？`} okText="移除" cancelText="取消" onConfirm={() => update((m) => ({ ...m, attendance: m.attendance.filter((x) => x.id !== e.id) }))}>
            <Button type="text" size="small" icon={<DeleteOutlined aria-hidden />} aria-label={`移除-${who}`} />
          </Popconfirm>
        )}
      </td>
    </tr>
  );
});

const GuestRow = memo(function GuestRow({ entry: e, index }: { entry: AttendanceEntry; index: number }) {
  const { update, readOnly } = useEditor();
  const onName = useCallback((v: string) => update(setEntry(e.id, { name: v }), 'deferred'), [update, e.id]);
  const onTitle = useCallback((v: string) => update(setEntry(e.id, { title: v }), 'deferred'), [update, e.id]);
  const who = e.name || `第 ${index + 1} 位`;
  return (
    <tr data-field={`attendance.${e.id}`}>
      <td className="pm-num">{index + 1}</td>
      <td style={{ width: 180 }}>
        <TextField field={`attendance.${e.id}.name`} ariaLabel={`列席人员姓名-${who}`} value={e.name} onCommit={onName} placeholder="姓名" status={e.name.trim() ? undefined : 'warning'} />
      </td>
      <td>
        <TextField field={`attendance.${e.id}.title`} ariaLabel={`列席人员身份-${who}`} value={e.title} onCommit={onTitle} placeholder="职务/身份，如：上级党组织督导人员、入党积极分子" />
      </td>
      <td className="pm-ops">
        {!readOnly && (
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined aria-hidden />}
            aria-label={`移除列席-${who}`}
            onClick={() => update((m) => ({ ...m, attendance: m.attendance.filter((x) => x.id !== e.id) }))}
          />
        )}
      </td>
    </tr>
  );
});

export interface AttendanceSectionProps {
  attendance: readonly AttendanceEntry[];
  type: MeetingType;
  date: string;
  summary: AttendanceSummary;
  rowIssues: Readonly<Record<string, RowIssue>>;
  /** Section-level issues (quorum, empty list…). */
  sectionIssues: readonly { message: string; severity: 'error' | 'warning' }[];
  /** Same-name members told apart: memberId → 王伟（办公室，1985年生）. */
  memberLabels: ReadonlyMap<string, string>;
  /** Roster on the meeting date, for adding a line. */
  roster: readonly { member: Member; status: AttendanceEntry['status'] }[];
  loadRoster: () => Promise<AttendanceEntry[]>;
}

export const AttendanceSection = memo(function AttendanceSection(p: AttendanceSectionProps) {
  const { update, readOnly } = useEditor();
  const { modal, message } = App.useApp();
  const [loading, setLoading] = useState(false);
  const members = useMemo(() => p.attendance.filter((e) => e.kind === 'member'), [p.attendance]);
  const guests = useMemo(() => p.attendance.filter((e) => e.kind === 'guest'), [p.attendance]);
  const showCommittee = p.type === 'committee';

  const listed = useMemo(() => new Set(members.map((e) => e.memberId).filter(Boolean)), [members]);
  const addOptions = useMemo(
    () => [
      ...p.roster
        .filter((r) => !listed.has(r.member.id))
        .map((r) => ({
          value: r.member.id,
          label: `${p.memberLabels.get(r.member.id) ?? r.member.name}${r.status ? `（${MEMBER_STATUS_LABELS[r.status]}）` : ''}`,
        })),
      { value: '__manual__', label: '手动添加（花名册中没有的党员）' },
    ],
    [p.roster, listed, p.memberLabels],
  );

  const addMember = (value: string) => {
    let entry: AttendanceEntry;
    if (value === '__manual__') {
      entry = { ...guestEntry(), kind: 'member', status: 'full', standing: 'normal' };
    } else {
      const r = p.roster.find((x) => x.member.id === value);
      if (!r) return;
      entry = {
        id: newId(),
        kind: 'member',
        memberId: r.member.id,
        name: r.member.name,
        title: (r.member.adminPost ?? '').slice(0, 60),
        status: r.status,
        standing: r.member.standing === 'probation_sanction' ? 'probation_sanction' : 'normal',
        isCommittee: false,
        presence: 'present',
        reason: '',
      };
    }
    update((m) => {
      const lastMember = m.attendance.map((x) => x.kind).lastIndexOf('member');
      const att = [...m.attendance];
      att.splice(lastMember + 1, 0, entry);
      return { ...m, attendance: att };
    });
  };

  const doLoad = async () => {
    setLoading(true);
    try {
      const fresh = await p.loadRoster();
      update((m) => {
        const old = new Map(m.attendance.filter((e) => e.memberId).map((e) => [e.memberId, e]));
        const merged = fresh.map((e) => {
          const o = e.memberId ? old.get(e.memberId) : undefined;
          return o ? { ...e, id: o.id, presence: o.presence, reason: o.reason || e.reason } : e;
        });
        return { ...m, attendance: [...merged, ...m.attendance.filter((e) => e.kind === 'guest')] };
      });
      message.success(`已按会议日期载入 ${fresh.length} 人`);
    } catch (e) {
      message.error(errorText(e, '载入出席名单'));
    } finally {
      setLoading(false);
    }
  };

  const askLoad = async () => {
    if (members.length === 0) return doLoad();
    let fresh: AttendanceEntry[];
    try {
      fresh = await p.loadRoster();
    } catch (e) {
      message.error(errorText(e, '载入出席名单'));
      return;
    }
    const ids = new Set(fresh.map((e) => e.memberId));
    const dropped = members.filter((e) => !e.memberId || !ids.has(e.memberId)).map((e) => e.name || '（未填姓名）');
    const added = fresh.filter((e) => !listed.has(e.memberId ?? '')).length;
    modal.confirm({
      title: '按会议日期重新载入出席名单？',
      content: (
        <div>
          <p>将按会议当天的花名册重新生成应到人员名单（共 {fresh.length} 人）。已填写的出席状态和原因会保留；列席人员不变。</p>
          {added > 0 && <p>新增 {added} 人。</p>}
          {dropped.length > 0 && <p style={{ color: '#cf1322' }}>以下人员不在当天花名册中，将从名单中移除：{dropped.join('、')}</p>}
        </div>
      ),
      okText: '重新载入',
      cancelText: '取消',
      onOk: doLoad,
    });
  };

  const s = p.summary;
  return (
    <Card
      title="出席情况"
      size="small"
      id="section-attendance"
      className="pm-section"
      data-field="attendance"
      extra={
        !readOnly && (
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void askLoad()} loading={loading}>
            按会议日期从花名册载入
          </Button>
        )
      }
    >
      <div className="pm-counts" aria-live="polite">
        <div className="pm-counts-main">{s.line}</div>
        {s.voting && <div>{s.voting}</div>}
        {s.quorum && (
          <div style={{ color: s.quorumOk ? '#389e0d' : '#cf1322' }}>
            {s.quorumOk ? '✔ ' : '✘ '}
            {s.quorum}
          </div>
        )}
        {s.absentLine && <div>{s.absentLine}</div>}
      </div>
      {p.sectionIssues.map((i) => (
        <Alert key={i.message} type={i.severity} showIcon title={i.message} style={{ marginBottom: 8 }} />
      ))}
      {members.length > 0 ? (
        <table className="pm-table pm-attendance" aria-label="应到会人员">
          <thead>
            <tr>
              <th className="pm-num">序号</th>
              <th>姓名</th>
              {showCommittee && <th>支委</th>}
              <th>出席情况</th>
              <th>缺席、请假原因</th>
              <th className="pm-ops" aria-label="操作" />
            </tr>
          </thead>
          <tbody>
            {members.map((e, i) => (
              <MemberRow
                key={e.id}
                entry={e}
                index={i}
                label={(e.memberId && p.memberLabels.get(e.memberId)) || e.name}
                issue={p.rowIssues[e.id]}
                showCommittee={showCommittee}
              />
            ))}
          </tbody>
        </table>
      ) : (
        <Typography.Paragraph type="secondary">还没有应到会人员。请点击右上角“按会议日期从花名册载入”，或在下方逐个添加。</Typography.Paragraph>
      )}
      {!readOnly && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={null}
            placeholder="添加党员（从花名册选择）"
            aria-label="添加党员"
            options={addOptions}
            onChange={(v: string) => addMember(v)}
            style={{ width: 280 }}
            suffixIcon={<UserAddOutlined />}
          />
          <Button icon={<UserAddOutlined aria-hidden />} onClick={() => update((m) => ({ ...m, attendance: [...m.attendance, guestEntry()] }))}>
            添加列席人员
          </Button>
        </Space>
      )}
      {guests.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            列席人员（不计入应到、实到人数）
          </Typography.Title>
          <table className="pm-table" aria-label="列席人员">
            <tbody>
              {guests.map((e, i) => (
                <GuestRow key={e.id} entry={e} index={i} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
});
