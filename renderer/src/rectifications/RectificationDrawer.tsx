/**
 * Add / edit one 整改事项 (domain §3.5): every field, the rule issues shown next to their fields
 * (shared/rules/rectification.ts), dated progress entries, 销号 and 重新打开.
 *
 * Progress, 销号 and 重新打开 write at once (each its own transaction) and the drawer continues
 * from the stored record, so unsaved field edits are kept and never overwrite a newer copy.
 */
import { useEffect, useMemo, useState } from 'react';
import { App, Alert, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, List, Popconfirm, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  DEADLINE_KIND_LABELS,
  DEADLINE_KINDS,
  RECTIFICATION_LIST_KIND_LABELS,
  RECTIFICATION_LIST_KINDS,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUS_LABELS,
  type Rectification,
  type RectificationFields,
  type RectificationStatus,
} from '../../../shared/model';
import { checkRectification, type RectificationIssue } from '../../../shared/rules/rectification';
import { addProgress, createRectification, listMembers, RECTIFICATIONS, removeProgress, reopenItem, saveRecord } from '../../db';
import { useDb, useUnitSettings } from '../dbContext';
import { errorText } from '../common/errors';
import { fromDayjs, toDayjs, todayString } from '../common/dates';
import { OrgTreeSelect } from '../common/OrgTreeSelect';
import { MemberSelect } from '../common/MemberSelect';
import { CloseItemDialog } from './CloseItemDialog';
import { StatusTag } from './StatusTag';

export interface RectificationDrawerProps {
  open: boolean;
  /** The stored item being edited, or null for a new one. */
  item: Rectification | null;
  /** Starting fields of a new item. */
  initial: RectificationFields;
  onClose: () => void;
  /** After a save: the stored item (new or updated). */
  onSaved?: (item: Rectification) => void;
}

/** Statuses the secretary sets by hand; 已销号 goes through the 销号 dialog. */
const MANUAL_STATUSES: RectificationStatus[] = ['not_started', 'in_progress', 'done'];

function fieldsOf(r: Rectification): RectificationFields {
  const { id: _i, createdAt: _c, updatedAt: _u, rev: _r, vv: _v, changedBy: _b, deletedAt: _d, ...f } = r;
  return f;
}

export function RectificationDrawer({ open, item, initial, onClose, onSaved }: RectificationDrawerProps) {
  const db = useDb();
  const settings = useUnitSettings();
  const { message } = App.useApp();
  const [stored, setStored] = useState<Rectification | null>(item);
  const [draft, setDraft] = useState<RectificationFields>(item ? fieldsOf(item) : initial);
  const [saving, setSaving] = useState(false);
  const [closing, setClosing] = useState(false);
  const [progressDate, setProgressDate] = useState<string | undefined>(todayString());
  const [progressText, setProgressText] = useState('');
  const [reopenReason, setReopenReason] = useState('');
  const members = useLiveQuery(() => listMembers(db), [db]);
  const nameOf = useMemo(() => new Map((members ?? []).map((m) => [m.id, m.name])), [members]);

  useEffect(() => {
    setStored(item);
    setDraft(item ? fieldsOf(item) : initial);
    setProgressText('');
    setReopenReason('');
    // Only when another item is opened: `initial` is rebuilt by the parent on each render.
  }, [item?.id, open]);

  const today = todayString();
  // Progress, status and closing come from the stored record (written by their own actions).
  const view: RectificationFields = stored
    ? { ...draft, progress: stored.progress, status: draft.status === 'closed' || stored.status === 'closed' ? stored.status : draft.status, closedDate: stored.closedDate, closedBy: stored.closedBy, closedWithoutEvidence: stored.closedWithoutEvidence }
    : draft;
  const issues = checkRectification(view, { today, staleDays: settings?.rectificationStaleDays ?? 90 });
  const byField = new Map<string, RectificationIssue[]>();
  for (const i of issues) byField.set(i.field, [...(byField.get(i.field) ?? []), i]);
  const errors = issues.filter((i) => i.severity === 'error');
  const set = <K extends keyof RectificationFields>(k: K, v: RectificationFields[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const fieldProps = (field: string) => {
    const list = byField.get(field);
    if (!list) return {};
    return {
      validateStatus: list.some((i) => i.severity === 'error') ? ('error' as const) : ('warning' as const),
      help: list.map((i) => i.message).join('；'),
    };
  };
  const closed = stored?.status === 'closed';

  const save = async () => {
    if (errors.length) {
      message.error(`还有 ${errors.length} 处需要修改（见标红的内容），修改后再保存`);
      return;
    }
    setSaving(true);
    try {
      const fields: RectificationFields = { ...view, problem: view.problem.trim() };
      const next = stored ? await saveRecord(db, RECTIFICATIONS, { ...stored, ...fields }) : await createRectification(db, fields);
      setStored(next);
      setDraft(fieldsOf(next));
      message.success(stored ? '整改事项已保存' : '已添加整改事项');
      onSaved?.(next);
    } catch (e) {
      message.error(errorText(e, '保存整改事项'));
    } finally {
      setSaving(false);
    }
  };

  /** Adopts a record written by an action, keeping the unsaved field edits. */
  const adopt = (next: Rectification) => {
    setStored(next);
    setDraft((d) => ({ ...d, status: next.status, progress: next.progress }));
  };

  const onAddProgress = async () => {
    if (!stored) return;
    if (!progressDate) {
      message.error('请选择进展日期');
      return;
    }
    try {
      adopt(await addProgress(db, stored.id, { date: progressDate, text: progressText }));
      setProgressText('');
      message.success('已记录进展');
    } catch (e) {
      message.error(errorText(e, '记录进展'));
    }
  };

  const onReopen = async () => {
    if (!stored) return;
    try {
      const next = await reopenItem(db, stored.id, reopenReason);
      setStored(next);
      setDraft((d) => ({ ...d, status: next.status, progress: next.progress, closedDate: undefined, closedBy: '', closedWithoutEvidence: false }));
      setReopenReason('');
      message.success('已重新打开，状态改为推进中');
    } catch (e) {
      message.error(errorText(e, '重新打开'));
    }
  };

  const memberChoice = (idKey: 'ownerId' | 'personId', nameKey: 'ownerName' | 'personName') => (id: string | undefined) =>
    setDraft((d) => ({ ...d, [idKey]: id ?? null, [nameKey]: id ? (nameOf.get(id) ?? d[nameKey]) : d[nameKey] }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={stored ? '整改事项' : '新增整改事项'}
      destroyOnHidden
      extra={
        <Space>
          {stored && <StatusTag item={view} />}
          <Button type="primary" loading={saving} onClick={() => void save()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form layout="vertical" requiredMark={false}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="党组织">
              <OrgTreeSelect aria-label="事项所属党组织" value={draft.orgId} onChange={(v) => v && set('orgId', v)} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="年度">
              <InputNumber aria-label="事项年度" min={1949} max={2200} precision={0} value={draft.annualYear} onChange={(v) => v && set('annualYear', v)} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="提出日期">
              <DatePicker aria-label="提出日期" value={toDayjs(draft.raisedDate)} allowClear={false} onChange={(d) => { const v = fromDayjs(d); if (v) set('raisedDate', v); }} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="清单类型">
              <Radio.Group
                aria-label="清单类型"
                value={draft.listKind}
                onChange={(e) => set('listKind', e.target.value)}
                options={RECTIFICATION_LIST_KINDS.map((k) => ({ value: k, label: RECTIFICATION_LIST_KIND_LABELS[k] }))}
                optionType="button"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            {draft.listKind === 'personal' && (
              <Form.Item label="个人清单所属党员" {...fieldProps('personName')}>
                <MemberSelect aria-label="个人清单所属党员" orgId={draft.orgId} partyOnly allowClear value={draft.personId} onChange={memberChoice('personId', 'personName')} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="问题来源">
              <Select aria-label="问题来源" value={draft.source} onChange={(v) => set('source', v)} options={RECTIFICATION_SOURCES.map((s) => ({ value: s, label: RECTIFICATION_SOURCE_LABELS[s] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="问题类别（方面）">
              <Input aria-label="问题类别" maxLength={60} value={draft.category} onChange={(e) => set('category', e.target.value)} placeholder="如：理论学习、组织纪律" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="问题表现" {...fieldProps('problem')}>
          <Input.TextArea aria-label="问题表现" autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} value={draft.problem} onChange={(e) => set('problem', e.target.value)} placeholder="一个问题一条，写明具体表现" />
        </Form.Item>
        <Form.Item label="整改措施" {...fieldProps('measures')}>
          <Input.TextArea aria-label="整改措施" autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} value={draft.measures} onChange={(e) => set('measures', e.target.value)} />
        </Form.Item>
        <Form.Item label="整改目标（完成标准）">
          <Input.TextArea aria-label="整改目标" autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} value={draft.target} onChange={(e) => set('target', e.target.value)} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="责任人" {...fieldProps('ownerName')}>
              <MemberSelect aria-label="责任人" orgId={draft.orgId} allowClear value={draft.ownerId} onChange={memberChoice('ownerId', 'ownerName')} placeholder={draft.ownerName || '从本组织党员中选择'} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="责任领导">
              <Input aria-label="责任领导" maxLength={50} value={draft.leaderName} onChange={(e) => set('leaderName', e.target.value)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="责任部门">
              <Input aria-label="责任部门" maxLength={60} value={draft.department} onChange={(e) => set('department', e.target.value)} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="完成时限">
              <Radio.Group
                aria-label="时限类型"
                value={draft.deadlineKind}
                onChange={(e) => set('deadlineKind', e.target.value)}
                options={DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }))}
                optionType="button"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={draft.deadlineKind === 'by_date' ? '完成日期' : '完成日期（可不填）'} {...fieldProps('deadline')}>
              <DatePicker aria-label="完成日期" value={toDayjs(draft.deadline)} onChange={(d) => set('deadline', fromDayjs(d))} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="状态">
              {closed ? (
                <Space wrap>
                  <Tag color="success">已销号</Tag>
                  <Typography.Text type="secondary">
                    {stored?.closedDate} 经 {stored?.closedBy} 审核销号{stored?.closedWithoutEvidence ? '（销号时无佐证材料）' : ''}
                  </Typography.Text>
                </Space>
              ) : (
                <Select
                  aria-label="状态"
                  value={draft.status}
                  onChange={(v) => set('status', v)}
                  options={MANUAL_STATUSES.map((s) => ({ value: s, label: RECTIFICATION_STATUS_LABELS[s] }))}
                />
              )}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="公示通报情况">
              <Input aria-label="公示通报情况" maxLength={500} value={draft.publicity} onChange={(e) => set('publicity', e.target.value)} placeholder="如：2026-01-20 在支部党员大会上通报" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="佐证材料" {...fieldProps('evidence')}>
          <Input.TextArea aria-label="佐证材料" autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} value={draft.evidence} onChange={(e) => set('evidence', e.target.value)} placeholder="整改报告、制度文件、会议记录编号等" />
        </Form.Item>
        {(byField.get('closedBy') ?? byField.get('closedDate')) && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={[...(byField.get('closedBy') ?? []), ...(byField.get('closedDate') ?? [])].map((i) => i.message).join('；')} />
        )}
      </Form>

      <Typography.Title level={5}>整改进展（{view.progress.length}）</Typography.Title>
      {byField.get('progress') && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={byField.get('progress')!.map((i) => i.message).join('；')} />}
      {stored ? (
        <>
          <List
            size="small"
            bordered
            dataSource={view.progress}
            locale={{ emptyText: '还没有进展记录' }}
            renderItem={(p) => (
              <List.Item
                actions={[
                  <Popconfirm key="del" title="删除这条进展记录？" okText="删除" cancelText="取消" onConfirm={async () => {
                    try {
                      adopt(await removeProgress(db, stored.id, p.id));
                    } catch (e) {
                      message.error(errorText(e, '删除进展'));
                    }
                  }}>
                    <Button size="small" type="link" danger disabled={closed}>
                      删除
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Space align="start">
                  <Typography.Text strong>{p.date}</Typography.Text>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{p.text}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          {!closed && (
            <Space.Compact style={{ width: '100%', marginTop: 8 }}>
              <DatePicker aria-label="进展日期" value={toDayjs(progressDate)} onChange={(d) => setProgressDate(fromDayjs(d))} style={{ width: 150 }} />
              <Input aria-label="进展情况" value={progressText} maxLength={5000} onChange={(e) => setProgressText(e.target.value)} placeholder="如：已修订支部学习制度并印发" onPressEnter={() => void onAddProgress()} />
              <Button onClick={() => void onAddProgress()}>记录进展</Button>
            </Space.Compact>
          )}
          <div style={{ marginTop: 24 }}>
            {closed ? (
              <Space.Compact style={{ width: '100%' }}>
                <Input aria-label="重新打开原因" value={reopenReason} onChange={(e) => setReopenReason(e.target.value)} placeholder="重新打开的原因，如：上级检查发现未整改到位" />
                <Button onClick={() => void onReopen()}>重新打开</Button>
              </Space.Compact>
            ) : (
              <Button type="primary" ghost onClick={() => setClosing(true)}>
                销号
              </Button>
            )}
          </div>
          <CloseItemDialog
            open={closing}
            item={stored}
            onCancel={() => setClosing(false)}
            onClosed={(next) => {
              setClosing(false);
              setStored(next);
              setDraft((d) => ({ ...d, status: next.status, evidence: next.evidence, closedDate: next.closedDate, closedBy: next.closedBy, closedWithoutEvidence: next.closedWithoutEvidence }));
            }}
          />
        </>
      ) : (
        <Typography.Text type="secondary">保存后可记录整改进展、办理销号。</Typography.Text>
      )}
    </Drawer>
  );
}
