/**
 * 谈心谈话记录 editor (#/talk/<id>). `#/talk/new?interviewer=…&interviewee=…&org=…&lifeMeeting=…`
 * creates the record from the pre-fill (the coverage matrix links here) and then replaces the URL
 * with the real id, so 后退 never creates a second record.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Result, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { FIVE_MUST_LABELS, TALK_TYPE_LABELS, type Talk } from '../../../shared/model';
import { classificationShort, isNationalSecret } from '../../../shared/format';
import { deleteRecordOf, restoreRecordOf, TALKS } from '../../db';
import { useDb } from '../dbContext';
import { routeHref, useRouteQuery } from '../router';
import { errorText } from '../common/errors';
import { useConfirmDelete } from '../common/useUndo';
import { useOrganisations } from '../common/useOrganisations';
import { focusField, fieldFromIssuePath } from '../meetingEditor/focusField';
import { RecordHeader, StatusTag } from '../records/RecordHeader';
import { useRecordDraft } from '../records/useRecordDraft';
import { useOrgPeople } from '../records/useOrgPeople';
import { IssuesPanel } from '../common/IssuesPanel';
import { TalkForm } from './TalkForm';
import { checkTalk } from './talkChecks';
import { createTalkFromQuery, talkPrefillFromQuery, type TalkPrefill } from './newTalk';
import { NewTalkForm } from './NewTalkForm';
import { ExportTalksButton } from '../wordExport/ExportTalksButton';
import './talks.css';

export function TalkEditorPage({ talkId }: { talkId: string }) {
  return talkId === 'new' ? <NewTalk /> : <TalkEditor talkId={talkId} />;
}

/**
 * Creates the record once, then moves to its own URL (history entry replaced). Without both
 * people in the link, asks for them first: a talk record always names 谈话人 and 谈话对象.
 */
function NewTalk() {
  const db = useDb();
  const query = useRouteQuery();
  const queryText = query.toString();
  const prefill = useMemo(() => talkPrefillFromQuery(new URLSearchParams(queryText)), [queryText]);
  const [chosen, setChosen] = useState<TalkPrefill | null>(null);
  const started = useRef(false);
  const [error, setError] = useState<string | null>(null);
  // A link naming both people creates at once; after a refusal the secretary chooses again.
  const ready = chosen ?? (!error && prefill.interviewerId && prefill.intervieweeIds.length ? prefill : null);
  useEffect(() => {
    if (!ready || started.current) return;
    started.current = true;
    createTalkFromQuery(db, ready)
      .then((t) => window.location.replace(routeHref({ name: 'talk', id: t.id })))
      .catch((e: unknown) => {
        started.current = false;
        setChosen(null);
        setError(errorText(e, '新建谈心谈话记录'));
      });
  }, [db, ready]);
  if (!ready)
    return (
      <div className="pm-new-talk">
        <a href="#/talks" className="pm-back">
          <ArrowLeftOutlined aria-hidden /> 返回谈心谈话
        </a>
        <Typography.Title level={3}>新建谈心谈话记录</Typography.Title>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <NewTalkForm initial={prefill} onSubmit={setChosen} />
      </div>
    );
  return <Spin style={{ display: 'block', marginTop: 80 }} />;
}

function TalkEditor({ talkId }: { talkId: string }) {
  const db = useDb();
  const { message } = App.useApp();
  const draft = useRecordDraft(db, TALKS, talkId);
  const orgs = useOrganisations();
  const people = useOrgPeople(draft.record?.orgId);
  const confirmDelete = useConfirmDelete();
  const t = draft.record;
  const issues = useMemo(() => (t ? checkTalk(t) : []), [t]);
  const update = draft.update;
  const onPick = useCallback((field: string) => {
    if (!focusField(field)) message.info('请在页面上找到对应的填写项');
  }, [message]);

  if (draft.load === 'loading') return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (draft.load === 'missing' || !t)
    return (
      <Result
        status="404"
        title="找不到该谈心谈话记录"
        subTitle={draft.loadError ?? '可能已被删除（可到回收站恢复）。'}
        extra={
          <Button type="primary" href="#/talks">
            返回谈心谈话
          </Button>
        }
      />
    );

  const orgName = orgs?.byId.get(t.orgId)?.name ?? '';
  const who = `${t.interviewer.name || '（谈话人）'} → ${t.interviewees.map((p) => p.name).filter(Boolean).join('、') || '（谈话对象）'}`;
  const marking = classificationShort(t.classification);
  const onDelete = () =>
    confirmDelete({
      title: '删除这条谈心谈话记录？',
      content: `${t.date} ${who}。删除后移到回收站，可以恢复。`,
      remove: async () => {
        await draft.flush();
        await deleteRecordOf(db, TALKS, t.id);
        window.location.hash = '#/talks';
      },
      done: '已删除谈心谈话记录',
      undo: () => restoreRecordOf(db, TALKS, t.id),
      refusedTitle: '未能删除',
      action: '删除',
    });

  return (
    <div className="pm-editor pm-talk-editor">
      <RecordHeader
        backHref="#/talks"
        backLabel="返回谈心谈话"
        classification={t.classification}
        title={`谈心谈话记录：${who}`}
        tags={
          <>
            <StatusTag final={t.status === 'final'} />
            <Tag>{t.type === 'five_musts' && t.fiveMust ? `五必谈·${FIVE_MUST_LABELS[t.fiveMust]}` : TALK_TYPE_LABELS[t.type]}</Tag>
            {marking && <Tag color={isNationalSecret(t.classification) ? 'red' : 'orange'}>{marking}</Tag>}
          </>
        }
        saveState={draft.saveState}
        onDelete={onDelete}
        extraActions={
          // The export reads the stored record: write what was typed the moment the button is pressed.
          <span onPointerDownCapture={() => void draft.flush()} onKeyDownCapture={() => void draft.flush()}>
            <ExportTalksButton talkIds={[t.id]} />
          </span>
        }
        onSaveErrorClick={() => {
          if (draft.saveState.kind === 'error' && draft.saveState.path) onPick(fieldFromIssuePath(t, draft.saveState.path));
        }}
      />
      {draft.restored && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="已恢复上次未来得及保存的内容" description="上次关闭时最后输入的内容已找回并保存。" />
      )}
      <div className="pm-body">
        <div className="pm-main">
          <TalkForm talk={t} orgName={orgName} people={people ?? []} issues={issues} update={update as (fn: (x: Talk) => Talk) => void} />
        </div>
        <aside className="pm-aside">
          <IssuesPanel issues={issues} onPick={onPick} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 12, marginBottom: 0 }}>
            内容随时自动保存。谈话内容属敏感信息，只在本页显示。
          </Typography.Paragraph>
        </aside>
      </div>
    </div>
  );
}
