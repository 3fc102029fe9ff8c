/**
 * The 组织生活会 / 民主生活会 part of the meeting editor (domain §2.6, §2.9, §3.1, §3.3): theme and
 * 年度, preparation checklist, last year's rectification report, the committee's examination,
 * one block per 被检查人, supervisor and report. Header, attendance, agenda, signatures and 定稿
 * stay the ordinary editor's.
 *
 * Everything here edits `meeting.life` through the editor's `update` (autosave + write-ahead), so
 * nothing typed is lost. 列入整改 writes a rectification item in its own transaction; the draft is
 * flushed first and the stored record adopted afterwards (see toRectification).
 */
import { memo, useCallback, useMemo } from 'react';
import { App, Button, Card, Checkbox, Col, DatePicker, Empty, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import { PlusOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import {
  LIFE_HELD_AS,
  MEETING_TYPE_SHORT,
  type AttendanceEntry,
  type LifeBlock,
  type LifeHeldAs,
  type LifeParticipant,
  type Meeting,
  type MeetingType,
  type Organisation,
} from '../../../../shared/model';
import { createRectificationFromLife, emptyLifeBlock, getLifeAspects, getMeeting, lifeParticipantsFrom } from '../../../db';
import { useDb } from '../../dbContext';
import { errorText } from '../../common/errors';
import { fromDayjs, toDayjs } from '../../common/dates';
import { useUndoToast } from '../../common/useUndo';
import { useEditor, usePeople } from '../context';
import type { FieldStatus } from '../fields';
import { focusFieldSoon } from '../focusField';
import { moveById } from '../mutations';
import { TextField } from '../fields';
import { LastYearReport } from './LastYearReport';
import { LifeContext, type LifeContextValue, type LifeTarget } from './lifeContext';
import { emptyParticipant, linkRectification, patchLife, setLife } from './lifeMutations';
import { ParticipantBlock } from './ParticipantBlock';
import { PrepChecklist } from './PrepChecklist';
import { ProblemList } from './ProblemList';
import './life.css';

/** What the section needs from the draft besides `update` (MeetingEditorPage passes it). */
export interface LifeDraftApi {
  flush: () => Promise<boolean>;
  current: () => Meeting | null;
  replace: (m: Meeting) => void;
}

export interface LifeSectionProps {
  life: LifeBlock | null | undefined;
  meetingId: string;
  orgId: string;
  type: MeetingType;
  date: string;
  attendance: readonly AttendanceEntry[];
  /** The holding organisation (its secretary leads the speakers). */
  org: Organisation | undefined;
  status: (field: string) => FieldStatus;
  draft: LifeDraftApi;
}

const HELD_AS_OPTIONS = LIFE_HELD_AS.map((h: LifeHeldAs) => ({ value: h, label: MEETING_TYPE_SHORT[h] }));

export function LifeSection(p: LifeSectionProps) {
  const db = useDb();
  const { message } = App.useApp();
  const { update } = useEditor();
  const people = usePeople();
  const { flush, current, replace } = p.draft;
  const { meetingId } = p;

  const toRectification = useCallback(
    async (target: LifeTarget) => {
      if (!(await flush())) {
        message.error('当前修改还未能保存，请先按页面顶部的提示处理，再列入整改');
        return;
      }
      try {
        const item = await createRectificationFromLife(db, meetingId, target);
        // The item may have been linked in the stored record too: adopt it, then re-apply what was
        // typed meanwhile (with the link) so neither the link nor a keystroke is lost.
        const fresh = await getMeeting(db, meetingId);
        const draft = current();
        if (fresh && draft) {
          replace(fresh);
          update(() => linkRectification(draft, target, item.id));
        } else {
          update((m) => linkRectification(m, target, item.id));
        }
        message.success('已列入整改台账，请到“整改台账”补充整改措施、责任人和时限');
      } catch (e) {
        message.error(errorText(e, '列入整改'));
      }
    },
    [db, meetingId, flush, current, replace, update, message],
  );

  const critics = useMemo(() => people.filter((o) => o.hint === '出席'), [people]);
  const absentNames = useMemo(
    () => new Set(p.attendance.filter((e) => e.kind === 'member' && e.presence !== 'present' && e.name.trim()).map((e) => e.name.trim())),
    [p.attendance],
  );
  const ctx = useMemo<LifeContextValue>(() => ({ toRectification, critics, absentNames, status: p.status }), [toRectification, critics, absentNames, p.status]);
  const fallback = useMemo(() => emptyLifeBlock(p.type, p.date), [p.type, p.date]);
  const life = p.life ?? fallback;

  return (
    <LifeContext.Provider value={ctx}>
      <LifeBasics life={life} type={p.type} status={p.status} />
      <Card title="会前准备" size="small" id="section-life-prep" className="pm-section">
        <PrepChecklist preparation={life.preparation} meetingId={meetingId} orgId={p.orgId} annualYear={life.annualYear} date={p.date} />
      </Card>
      <Card title="上年度整改落实情况通报" size="small" id="section-life-lastyear" className="pm-section">
        <LastYearReport orgId={p.orgId} annualYear={life.annualYear} text={life.lastYearReport} />
      </Card>
      <CommitteeExamination life={life} type={p.type} />
      <Participants life={life} type={p.type} date={p.date} attendance={p.attendance} org={p.org} />
      <SupervisorSection life={life} type={p.type} status={p.status} />
    </LifeContext.Provider>
  );
}

const LifeBasics = memo(function LifeBasics({ life, type, status }: { life: LifeBlock; type: MeetingType; status: (f: string) => FieldStatus }) {
  const db = useDb();
  const { message } = App.useApp();
  const { update, readOnly } = useEditor();
  const onTheme = useCallback((v: string) => update(patchLife({ theme: v }), 'deferred'), [update]);
  const loadAspects = async () => {
    const list = await getLifeAspects(db, life.annualYear);
    let added = 0;
    update(
      setLife((l) => {
        const more = list.filter((a) => !l.aspects.includes(a));
        added = more.length;
        return more.length ? { ...l, aspects: [...l.aspects, ...more].slice(0, 30) } : l;
      }),
    );
    message.success(added ? `已载入 ${life.annualYear} 年度的检视方面（在“设置”中可按年度修改）` : '设置中的检视方面都已在列表中');
  };
  return (
    <Card title={type === 'democratic_life' ? '民主生活会' : '组织生活会'} size="small" id="section-life" className="pm-section">
      <Form layout="vertical" component="div" disabled={readOnly}>
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Form.Item label="主题" required validateStatus={status('life.theme')}>
              <TextField field="life.theme" ariaLabel="会议主题" value={life.theme} onCommit={onTheme} status={status('life.theme')} placeholder="按上级通知填写本年度主题" limit={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item label="年度" validateStatus={status('life.annualYear')} tooltip="1—3 月召开的，通常属于上一年度">
              <span data-field="life.annualYear">
                <InputNumber
                  aria-label="年度"
                  min={1949}
                  max={2200}
                  precision={0}
                  value={life.annualYear}
                  suffix="年度"
                  style={{ width: '100%' }}
                  onChange={(v) => {
                    if (typeof v === 'number' && v >= 1949 && v <= 2200) update(patchLife({ annualYear: v }));
                  }}
                />
              </span>
            </Form.Item>
          </Col>
          {type === 'life_meeting' && (
            <Col xs={12} md={6} xl={8}>
              <Form.Item label="召开形式" validateStatus={status('life.heldAs')}>
                <span data-field="life.heldAs">
                  <Select aria-label="召开形式" value={life.heldAs ?? undefined} placeholder="请选择" options={HELD_AS_OPTIONS} onChange={(v: LifeHeldAs) => update(patchLife({ heldAs: v }))} />
                </span>
              </Form.Item>
            </Col>
          )}
          <Col xs={24}>
            <Form.Item label="本年度检视方面" validateStatus={status('life.aspects')} extra="按上级当年通知填写，查摆问题按这些方面分组；回车添加">
              <div data-field="life.aspects">
              <Space.Compact style={{ width: '100%' }}>
                <Select
                  mode="tags"
                  aria-label="检视方面"
                  value={life.aspects}
                  tokenSeparators={['，', ',', '、']}
                  placeholder="如：政治纪律、组织纪律、廉洁纪律"
                  open={false}
                  style={{ flex: 1 }}
                  onChange={(v: string[]) => update(patchLife({ aspects: [...new Set(v.map((a) => a.trim()).filter(Boolean))].slice(0, 30) }))}
                />
                {!readOnly && <Button onClick={() => void loadAspects()}>从设置载入</Button>}
              </Space.Compact>
              </div>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
});

const CommitteeExamination = memo(function CommitteeExamination({ life, type }: { life: LifeBlock; type: MeetingType }) {
  const { update, readOnly } = useEditor();
  const team = type === 'democratic_life' ? '领导班子' : '支部班子';
  return (
    <Card title={`${team}对照检查`} size="small" id="section-life-committee" className="pm-section">
      <div data-field="life.committeePaperReady" style={{ marginBottom: 8 }}>
        <Checkbox checked={life.committeePaperReady} disabled={readOnly} onChange={(e) => update(patchLife({ committeePaperReady: e.target.checked }))}>
          {team}对照检查材料已起草
        </Checkbox>
      </div>
      <ProblemList pid={null} problems={life.committeeProblems} aspects={life.aspects} prefix="life.committeeProblems" ownerLabel={team} />
    </Card>
  );
});

const Participants = memo(function Participants({
  life,
  type,
  date,
  attendance,
  org,
}: {
  life: LifeBlock;
  type: MeetingType;
  date: string;
  attendance: readonly AttendanceEntry[];
  org: Organisation | undefined;
}) {
  const { update, readOnly } = useEditor();
  const undo = useUndoToast();
  const list = life.participants;
  const taken = new Set(list.map((x) => x.memberId ?? `name:${x.name}`));
  const addable = attendance.filter((e) => e.kind === 'member' && e.presence === 'present' && e.name.trim() && !taken.has(e.memberId ?? `name:${e.name}`));

  const onMove = useCallback((id: string, delta: number) => update(setLife((l) => ({ ...l, participants: moveById(l.participants, id, delta) }))), [update]);
  const onRemove = useCallback(
    (id: string) => {
      let at = 0;
      let removed: LifeParticipant | undefined;
      update(
        setLife((l) => {
          at = l.participants.findIndex((x) => x.id === id);
          removed = l.participants[at];
          return { ...l, participants: l.participants.filter((x) => x.id !== id) };
        }),
      );
      const r = removed;
      if (!r) return;
      undo(`已移除被检查人${r.name ? `“${r.name}”` : ''}（连同其发言内容）`, async () =>
        update(setLife((l) => ({ ...l, participants: [...l.participants.slice(0, Math.max(at, 0)), r, ...l.participants.slice(Math.max(at, 0))] }))),
      );
    },
    [update, undo],
  );
  const add = (x: LifeParticipant) => {
    update(setLife((l) => ({ ...l, participants: [...l.participants, x] })));
    focusFieldSoon(`life.participants.${x.id}.name`);
  };
  const addFromAttendance = (entryId: string) => {
    const e = attendance.find((a) => a.id === entryId);
    if (!e) return;
    const [made] = lifeParticipantsFrom(org ?? { committee: [] }, [e], type, date);
    if (made) update(setLife((l) => ({ ...l, participants: [...l.participants, made] })));
  };
  const fillAll = () => update(setLife((l) => ({ ...l, participants: [...l.participants, ...lifeParticipantsFrom(org ?? { committee: [] }, addable, type, date)] })));

  return (
    <Card
      title="批评与自我批评"
      size="small"
      id="section-life-people"
      className="pm-section"
      extra={<Typography.Text type="secondary">{list.length ? `共 ${list.length} 位被检查人` : ''}</Typography.Text>}
    >
      <div data-field="life.participants">
        {list.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有被检查人。可按出席人员生成发言顺序（书记在前，再委员、党员），也可逐个添加">
            {!readOnly && addable.length > 0 && (
              <Button type="primary" icon={<UsergroupAddOutlined />} onClick={fillAll}>
                按出席人员生成（{addable.length} 人）
              </Button>
            )}
          </Empty>
        )}
        {list.map((x, i) => (
          <ParticipantBlock key={x.id} participant={x} index={i} count={list.length} aspects={life.aspects} type={type} onMove={onMove} onRemove={onRemove} />
        ))}
        {!readOnly && (
          <Space wrap style={{ marginTop: 8 }}>
            {addable.length > 0 && (
              <Select
                aria-label="添加出席人员为被检查人"
                placeholder="添加出席人员…"
                value={null}
                style={{ width: 200 }}
                options={addable.map((e) => ({ value: e.id, label: e.name }))}
                onChange={(v: string) => addFromAttendance(v)}
              />
            )}
            <Button icon={<PlusOutlined />} onClick={() => add(emptyParticipant('', null, type === 'democratic_life' ? 'team_member' : 'member'))}>
              添加其他被检查人
            </Button>
          </Space>
        )}
      </div>
    </Card>
  );
});

const SupervisorSection = memo(function SupervisorSection({ life, type, status }: { life: LifeBlock; type: MeetingType; status: (f: string) => FieldStatus }) {
  const { update, readOnly } = useEditor();
  const onName = useCallback((v: string) => update(patchLife({ supervisorName: v }), 'deferred'), [update]);
  const onTitle = useCallback((v: string) => update(patchLife({ supervisorTitle: v }), 'deferred'), [update]);
  const onRemarks = useCallback((v: string) => update(patchLife({ supervisorRemarks: v }), 'deferred'), [update]);
  const onEnquiries = useCallback((v: string) => update(patchLife({ enquiries: v }), 'deferred'), [update]);
  return (
    <Card title="上级督导与报告" size="small" id="section-life-supervisor" className="pm-section">
      <Form layout="vertical" component="div" disabled={readOnly}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="上级督导人员">
              <TextField field="life.supervisorName" ariaLabel="上级督导人员" value={life.supervisorName} onCommit={onName} status={status('life.supervisorName')} limit={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="督导人员职务">
              <TextField field="life.supervisorTitle" ariaLabel="督导人员职务" value={life.supervisorTitle} onCommit={onTitle} limit={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="报告上级日期" validateStatus={status('life.reportFiledDate')} extra="会议情况报告报送上级党组织的日期">
              <span data-field="life.reportFiledDate">
                <DatePicker aria-label="报告上级日期" value={toDayjs(life.reportFiledDate)} style={{ width: '100%' }} onChange={(d) => update(patchLife({ reportFiledDate: fromDayjs(d) }))} />
              </span>
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="督导人员点评意见">
              <TextField field="life.supervisorRemarks" ariaLabel="督导人员点评意见" multiline minRows={2} value={life.supervisorRemarks} onCommit={onRemarks} />
            </Form.Item>
          </Col>
          {type === 'democratic_life' && (
            <Col xs={24}>
              <Form.Item label="谈话函询情况说明" extra="班子成员受到谈话函询的，由主要负责同志通报，本人作出说明">
                <TextField field="life.enquiries" ariaLabel="谈话函询情况说明" multiline minRows={2} value={life.enquiries} onCommit={onEnquiries} status={status('life.enquiries')} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Card>
  );
});
