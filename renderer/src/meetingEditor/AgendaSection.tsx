/** 会议议题: numbered items, "插入议程模板" (titles only, from shared/templates/agenda.ts), add item. */
import { memo, useRef } from 'react';
import { App, Alert, Button, Card, Dropdown, Space, Typography } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import type { AgendaItem, MeetingType, VoteKind } from '../../../shared/model';
import type { MeetingIssue } from '../../../shared/rules/meetingChecks';
import { agendaTemplatesFor, buildAgenda, getAgendaTemplate } from '../../../shared/templates/agenda';
import { useEditor } from './context';
import { AgendaItemCard } from './AgendaItemCard';
import type { FieldStatus } from './fields';
import { focusFieldSoon } from './focusField';
import { emptyItem, newId } from './mutations';
import type { VoteContext } from './VotePanel';

export interface AgendaSectionProps {
  agenda: readonly AgendaItem[];
  type: MeetingType;
  status: (field: string) => FieldStatus;
  decisionIssues: Readonly<Record<string, Readonly<Record<string, readonly MeetingIssue[]>>>>;
  sectionIssues: readonly MeetingIssue[];
  voteCtx: VoteContext;
}

export const AgendaSection = memo(function AgendaSection(p: AgendaSectionProps) {
  const { update, readOnly } = useEditor();
  const { modal } = App.useApp();
  /** Items that came from a template step where a vote is taken (not stored; a convenience). */
  const presets = useRef(new Map<string, VoteKind>());
  const templates = agendaTemplatesFor(p.type);

  const insertTemplate = (key: string) => {
    const t = getAgendaTemplate(key);
    if (!t) return;
    const doInsert = () => {
      const items = buildAgenda(key, newId);
      items.forEach((it, i) => {
        const k = t.items[i]?.voteKind;
        if (k) presets.current.set(it.id, k);
      });
      update((m) => ({ ...m, agenda: [...m.agenda, ...items] }));
    };
    if (p.agenda.length === 0) return doInsert();
    modal.confirm({
      title: `插入“${t.name}”议程模板？`,
      content: `将在现有 ${p.agenda.length} 项议题之后追加 ${t.items.length} 项议题（只有议题名称），现有内容不受影响。`,
      okText: '追加',
      cancelText: '取消',
      onOk: doInsert,
    });
  };

  const addItem = () => {
    const it = emptyItem();
    update((m) => ({ ...m, agenda: [...m.agenda, it] }));
    focusFieldSoon(`agenda.${it.id}.title`);
  };

  return (
    <Card
      title="会议议题与发言记录"
      size="small"
      id="section-agenda"
      className="pm-section"
      data-field="agenda"
      extra={
        !readOnly &&
        templates.length > 0 && (
          <Dropdown
            trigger={['click']}
            menu={{ items: templates.map((t) => ({ key: t.key, label: t.name })), onClick: ({ key }) => insertTemplate(key) }}
          >
            <Button>
              <Space>
                插入议程模板
                <DownOutlined aria-hidden />
              </Space>
            </Button>
          </Dropdown>
        )
      }
    >
      {p.sectionIssues.map((i) => (
        <Alert key={i.code} type={i.severity} showIcon title={i.message} style={{ marginBottom: 8 }} />
      ))}
      {p.agenda.length === 0 && (
        <Typography.Paragraph type="secondary">还没有议题。可点击右上角“插入议程模板”，或点击下方“添加议题”。</Typography.Paragraph>
      )}
      <div className="pm-items">
        {p.agenda.map((item, i) => (
          <AgendaItemCard
            key={item.id}
            item={item}
            index={i}
            total={p.agenda.length}
            titleStatus={p.status(`agenda.${item.id}.title`)}
            decisionIssues={p.decisionIssues[item.id]}
            voteCtx={p.voteCtx}
            presetKind={presets.current.get(item.id)}
          />
        ))}
      </div>
      {!readOnly && (
        <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={addItem} block style={{ marginTop: 12 }}>
          添加议题
        </Button>
      )}
    </Card>
  );
});
