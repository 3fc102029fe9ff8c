/**
 * 会议记录编辑 (#/meeting/<id>): one record, edited in place and saved as you type.
 * Parts live in ../meetingEditor/; this file wires data, checks and actions together.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App, Alert, Button, Collapse, Drawer, Grid, Result, Spin, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_UNIT_SETTINGS, MAX_SECRECY_YEARS, isLifeMeetingType, type Meeting } from '../../../shared/model';
import { classificationMarking, isNationalSecret, meetingTitle } from '../../../shared/format';
import { CHAIR_CHECK_TYPES, checkMeeting, secretaryIdsOn, type MeetingIssue } from '../../../shared/rules/meetingChecks';
import {
  attendanceFromRoster,
  deleteMeeting,
  displayNames,
  finaliseMeeting,
  getOrganisation,
  listMembers,
  reopenMeeting,
  restoreRecord,
  rosterOn,
  type PartyMinutesDB,
} from '../../db';
import { useDb, useUnitSettings } from '../dbContext';
import { formatLocalDateTime, todayString } from '../common/dates';
import { useLifeTalkCoverage } from '../meetingEditor/life/useLifeTalkCoverage';
import { errorText } from '../common/errors';
import { useUndoToast } from '../common/useUndo';
import { navigate } from '../router';
import { AgendaSection } from '../meetingEditor/AgendaSection';
import { AttendanceSection, type RowIssue } from '../meetingEditor/AttendanceSection';
import { BasicInfoSection } from '../meetingEditor/BasicInfoSection';
import { EditorContext, PeopleContext, type EditorContextValue, type PersonOption } from '../meetingEditor/context';
import type { FieldStatus } from '../meetingEditor/fields';
import { fieldFromIssuePath, focusField } from '../meetingEditor/focusField';
import { HeaderBar } from '../meetingEditor/HeaderBar';
import { IssuesPanel } from '../common/IssuesPanel';
import { ReopenDialog } from '../meetingEditor/ReopenDialog';
import { useStableRecord } from '../meetingEditor/stable';
import { summariseAttendance, voteCounts } from '../meetingEditor/summaries';
import { LectureSection, SummarySection, ThemeDaySection } from '../meetingEditor/TypeSections';
import { LifeSection } from '../meetingEditor/life/LifeSection';
import { useMeetingDraft } from '../meetingEditor/useMeetingDraft';
import '../meetingEditor/editor.css';

export interface MeetingEditorActionsApi {
  /** The record as currently edited (may be ahead of the stored copy until flushed). */
  meeting: Meeting;
  /** Saves pending edits; resolves true once stored. Call before exporting. */
  flush: () => Promise<boolean>;
}

export interface MeetingEditorPageProps {
  meetingId: string;
  /** Slot for more header buttons (the Word export goes here). */
  extraActions?: (api: MeetingEditorActionsApi) => ReactNode;
}

/** Same-series records for the duplicate running-number check (small query on the index table). */
function sameSeries(db: PartyMinutesDB, m: Pick<Meeting, 'orgId' | 'year' | 'type'>) {
  return db.meetingIndex.where('[orgId+year+type]').equals([m.orgId, m.year, m.type]).toArray();
}

const NO_ISSUES: readonly MeetingIssue[] = [];

export function MeetingEditorPage({ meetingId, extraActions }: MeetingEditorPageProps) {
  const db = useDb();
  const { message, modal } = App.useApp();
  const undoToast = useUndoToast();
  const draft = useMeetingDraft(db, meetingId);
  const { meeting, stored, update, flush, replace, current } = draft;
  const settings = useUnitSettings() ?? DEFAULT_UNIT_SETTINGS;
  const screens = Grid.useBreakpoint();
  const wide = !!screens.xl;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [reopenOpen, setReopenOpen] = useState(false);

  const orgId = meeting?.orgId;
  const date = meeting?.date;
  const org = useLiveQuery(() => (orgId ? getOrganisation(db, orgId) : undefined), [db, orgId]);
  const allMembers = useLiveQuery(() => listMembers(db), [db]);
  const roster = useLiveQuery(
    () => (orgId && date ? rosterOn(db, orgId, date).catch(() => []) : []),
    [db, orgId, date],
  );
  const seriesRows = useLiveQuery(
    () => (meeting ? sameSeries(db, meeting) : []),
    [db, meeting?.orgId, meeting?.year, meeting?.type],
  );
  // Every autosave rewrites this record's projection row, so the query returns a new array after
  // each save; only the numbering facts matter to the checks, so keep the array while they hold.
  const seriesKey = seriesRows?.map((r) => `${r.id}:${r.type}:${r.year}:${r.seq}:${r.live}:${r.status}`).join('|');
  const series = useMemo(() => seriesRows, [seriesKey]); // seriesKey stands for seriesRows' content

  const readOnly = !stored || stored.status === 'final' || !!stored.deletedAt;

  // ---------------------------------------------------------------- people for the pickers
  const memberLabels = useMemo(() => (allMembers ? displayNames(allMembers) : new Map<string, string>()), [allMembers]);
  const attendance = meeting?.attendance;
  const people = useMemo<PersonOption[]>(() => {
    const out: PersonOption[] = [];
    const used = new Set<string>();
    const push = (o: PersonOption) => {
      let v = o.value || o.name;
      if (!v) return;
      for (let n = 2; used.has(v); n++) v = `${o.value}（${n}）`;
      used.add(v);
      out.push({ ...o, value: v });
    };
    const att = attendance ?? [];
    const seen = new Set<string>();
    const rank = (e: (typeof att)[number]) => (e.kind === 'guest' ? 2 : e.presence === 'present' ? 0 : 1);
    for (const e of [...att].sort((a, b) => rank(a) - rank(b))) {
      if (!e.name.trim()) continue;
      if (e.memberId) seen.add(e.memberId);
      const hint = e.kind === 'guest' ? '列席' : e.presence === 'present' ? '出席' : e.presence === 'absent' ? '缺席' : '请假';
      push({ value: (e.memberId && memberLabels.get(e.memberId)) || e.name, name: e.name, memberId: e.memberId, title: e.title, hint });
    }
    for (const r of roster ?? []) {
      if (seen.has(r.member.id)) continue;
      push({ value: memberLabels.get(r.member.id) ?? r.member.name, name: r.member.name, memberId: r.member.id, title: r.member.adminPost ?? '', hint: '花名册' });
    }
    return out;
  }, [attendance, roster, memberLabels]);

  const ctx = useMemo<EditorContextValue | null>(
    () => (meeting ? { update, readOnly, type: meeting.type } : null),
    [update, readOnly, meeting?.type],
  );

  // ---------------------------------------------------------------- live checks
  const checked = useDeferredValue(meeting);
  const talkCoverage = useLifeTalkCoverage(db, checked, org, allMembers, settings.talkWindowDays);
  const issues = useMemo<readonly MeetingIssue[]>(() => {
    if (!checked || !org) return NO_ISSUES;
    // today: enables the after-the-meeting checks of 组织生活会 / 民主生活会 (列入整改, 报告上级);
    // talkCoverage: who still owes whom a 谈心谈话 before a 组织生活会.
    return checkMeeting(checked, { org, settings, members: allMembers, otherMeetings: series, today: todayString(), talkCoverage });
  }, [checked, org, settings, allMembers, series, talkCoverage]);
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');

  const fieldSeverity = useMemo(() => {
    const m = new Map<string, 'error' | 'warning'>();
    for (const i of issues) if (m.get(i.field) !== 'error') m.set(i.field, i.severity);
    return m;
  }, [issues]);
  const status = useCallback((f: string): FieldStatus => fieldSeverity.get(f), [fieldSeverity]);

  const rowIssuesRaw: Record<string, RowIssue> = {};
  const decisionIssuesRaw: Record<string, Record<string, MeetingIssue[]>> = {};
  const attendanceSectionIssues: { message: string; severity: 'error' | 'warning' }[] = [];
  const agendaSectionIssues: MeetingIssue[] = [];
  for (const i of issues) {
    const parts = i.field.split('.');
    if (parts[0] === 'attendance' && parts.length >= 2) {
      const r = (rowIssuesRaw[parts[1]] ??= { reasonMissing: false });
      if (parts[2] === 'reason') r.reasonMissing = true;
      else if (!r.message || i.severity === 'error') {
        r.message = i.message;
        r.severity = i.severity;
      }
    } else if (i.field === 'attendance') {
      attendanceSectionIssues.push(i);
    } else if (i.field === 'agenda') {
      agendaSectionIssues.push(i);
    } else if (parts[0] === 'agenda' && parts[2] === 'decisions') {
      ((decisionIssuesRaw[parts[1]] ??= {})[parts[3]] ??= []).push(i);
    }
  }
  const rowIssues = useStableRecord(rowIssuesRaw);
  const decisionIssues = useStableRecord(decisionIssuesRaw);
  const attendanceSectionStable = useStableRecord({ a: attendanceSectionIssues }).a;
  const agendaSectionStable = useStableRecord({ a: agendaSectionIssues }).a;

  const summary = useMemo(() => (checked ? summariseAttendance(checked, settings) : null), [checked, settings]);
  const voteCtx = useMemo(() => {
    if (!meeting) return null;
    const { counts, electorate } = voteCounts(meeting);
    return { counts, electorate, settings };
  }, [meeting?.attendance, meeting?.type, settings]);

  // ---------------------------------------------------------------- chair / delegation
  const showDelegation = useMemo(() => {
    if (!meeting || !org) return false;
    if (meeting.delegation.trim()) return true;
    if (!CHAIR_CHECK_TYPES.includes(meeting.type) || !meeting.chairName.trim()) return false;
    const ids = secretaryIdsOn(org, meeting.date);
    if (ids.length === 0) return false;
    if (meeting.chairId) return !ids.includes(meeting.chairId);
    const names = new Set((allMembers ?? []).filter((m) => ids.includes(m.id)).map((m) => m.name));
    return !names.has(meeting.chairName.trim());
  }, [meeting, org, allMembers]);

  // ---------------------------------------------------------------- actions
  const pick = useCallback((field: string) => {
    setDrawerOpen(false);
    if (!focusField(field)) message.info('该问题对应的内容已不在页面上，请按提示检查');
  }, [message]);

  const saveNow = useCallback(async () => {
    if (readOnly) {
      message.info('记录已定稿，无需保存');
      return;
    }
    const ok = await flush();
    if (ok) message.success('已保存');
    else message.error('未能保存，请查看页面顶部的红色提示');
  }, [flush, message, readOnly]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S')) {
        e.preventDefault();
        void saveNow();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [saveNow]);

  const onFinalise = useCallback(async () => {
    const ok = await flush();
    const m = current();
    if (!ok || !m) {
      message.error('当前修改还未能保存，请先按页面顶部的提示处理，再定稿');
      return;
    }
    if (!org) {
      message.error('找不到该记录所属的党组织，暂不能定稿');
      return;
    }
    const list = checkMeeting(m, { org, settings, members: allMembers, otherMeetings: series, today: todayString(), talkCoverage });
    const errs = list.filter((i) => i.severity === 'error');
    const warns = list.filter((i) => i.severity === 'warning');
    if (errs.length > 0) {
      const dlg = modal.error({
        title: `还有 ${errs.length} 处必须修改，暂不能定稿`,
        width: 560,
        okText: '去修改',
        content: (
          <ol className="pm-dialog-list">
            {errs.map((i, n) => (
              <li key={n}>
                <a
                  onClick={() => {
                    dlg.destroy();
                    setTimeout(() => focusField(i.field), 50);
                  }}
                >
                  {i.message}
                </a>
              </li>
            ))}
          </ol>
        ),
        onOk: () => setTimeout(() => focusField(errs[0].field), 50),
      });
      return;
    }
    modal.confirm({
      title: '确认定稿？',
      width: 560,
      okText: '确认定稿',
      cancelText: '取消',
      content: (
        <div>
          <p>定稿后记录变为只读，不能再修改；如需更正，须“重新打开”并写明原因。</p>
          {warns.length > 0 && (
            <>
              <p>以下 {warns.length} 项提醒不影响定稿，请确认无误：</p>
              <ul className="pm-dialog-list">
                {warns.map((i, n) => (
                  <li key={n}>{i.message}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ),
      onOk: async () => {
        try {
          replace(await finaliseMeeting(db, m.id));
          message.success('已定稿');
        } catch (e) {
          message.error(errorText(e, '定稿'));
        }
      },
    });
  }, [flush, current, org, settings, allMembers, series, modal, message, replace, db]);

  const onReopen = useCallback(
    async (reason: string) => {
      try {
        replace(await reopenMeeting(db, meetingId, reason));
        setReopenOpen(false);
        message.success('已重新打开，可以修改');
      } catch (e) {
        message.error(errorText(e, '重新打开'));
      }
    },
    [db, meetingId, replace, message],
  );

  const onDelete = useCallback(() => {
    modal.confirm({
      title: '删除这份会议记录？',
      content: '记录将移到“回收站”，需要时可以从回收站恢复。',
      okText: '确认删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        await flush();
        try {
          await deleteMeeting(db, meetingId);
        } catch (e) {
          message.error(errorText(e, '删除'));
          return;
        }
        undoToast(
          '已移到回收站',
          async () => {
            await restoreRecord(db, 'meetings', meetingId);
            navigate({ name: 'meeting', id: meetingId });
          },
          '已撤销删除',
        );
        navigate({ name: 'meetings' });
      },
    });
  }, [modal, flush, db, meetingId, message, undoToast]);

  const onSaveErrorClick = useCallback(() => {
    if (draft.saveState.kind !== 'error') return;
    const m = current();
    const f = draft.saveState.path && m ? fieldFromIssuePath(m, draft.saveState.path) : '';
    if (!f || !focusField(f)) message.info(draft.saveState.message);
  }, [draft.saveState, current, message]);

  // ---------------------------------------------------------------- render
  if (draft.load === 'loading') return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} description="正在打开会议记录…" />;
  if (draft.load === 'missing' || !meeting || !stored || !ctx) {
    return (
      <Result
        status="404"
        title="找不到这份会议记录"
        subTitle={draft.loadError ?? '它可能已被彻底删除。可以回到会议记录列表，或到回收站查找。'}
        extra={[
          <Button key="list" type="primary" href="#/meetings">
            返回会议记录列表
          </Button>,
          <Button key="bin" href="#/recycle">
            打开回收站
          </Button>,
        ]}
      />
    );
  }
  if (stored.deletedAt) {
    return (
      <Result
        status="warning"
        title="这份会议记录在回收站中"
        subTitle="恢复后才能查看和修改。"
        extra={[
          <Button
            key="restore"
            type="primary"
            onClick={async () => {
              try {
                await restoreRecord(db, 'meetings', meetingId);
                window.location.reload();
              } catch (e) {
                message.error(errorText(e, '恢复'));
              }
            }}
          >
            恢复这份记录
          </Button>,
          <Button key="list" href="#/meetings">
            返回会议记录列表
          </Button>,
        ]}
      />
    );
  }

  const title = meetingTitle(org?.fullName ?? '', meeting.type, meeting.year, meeting.seq);
  const secret = isNationalSecret(meeting.classification);
  const issuesPanel = (
    <IssuesPanel
      issues={issues}
      onPick={pick}
      errorHint={readOnly ? undefined : '（改完才能定稿）'}
      okText={readOnly ? '记录已定稿。' : '必填内容已齐全，可以定稿。'}
      okDespiteWarnings
    />
  );

  return (
    <EditorContext.Provider value={ctx}>
      <PeopleContext.Provider value={people}>
      <div
        className={`pm-editor${readOnly ? ' pm-readonly' : ''}`}
        onBlurCapture={() => {
          if (!readOnly) void flush();
        }}
      >
        <HeaderBar
          title={title}
          meeting={meeting}
          stored={stored}
          saveState={draft.saveState}
          errorCount={errors.length}
          warningCount={warnings.length}
          onFinalise={() => void onFinalise()}
          onReopen={() => setReopenOpen(true)}
          onDelete={onDelete}
          onShowIssues={wide ? null : () => setDrawerOpen(true)}
          onSaveErrorClick={onSaveErrorClick}
          extraActions={extraActions?.({ meeting, flush })}
        />
        {draft.restored && (
          <Alert
            type="success"
            showIcon
            closable
            style={{ marginBottom: 12 }}
            title="已恢复上次关闭窗口前尚未保存的内容，请核对。"
          />
        )}
        {secret && (
          <Alert
            type="error"
            showIcon
            className="pm-secret-banner"
            title={`本记录标为国家秘密：${classificationMarking(meeting.classification, settings.nonSecretMarking)}${meeting.classification.years === null ? `（未填保密期限，按法定最长 ${MAX_SECRECY_YEARS[meeting.classification.level]} 年）` : ''}`}
            description={
              <ul className="pm-secret-rules">
                <li>只能在经批准的涉密计算机上处理，不得在连接互联网的计算机或普通办公电脑上处理。</li>
                <li>导出、拷贝、打印须按本单位涉密载体管理规定登记，只能使用登记的涉密移动存储介质。</li>
                <li>如只是内部工作材料，请把密级改为“内部”。</li>
              </ul>
            }
          />
        )}
        {readOnly && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="该记录已定稿，内容只读。如需更正，请点击右上角“重新打开”并写明原因（重新打开会留痕）。"
          />
        )}
        {stored.reopenLog.length > 0 && (
          <Collapse
            size="small"
            style={{ marginBottom: 12 }}
            items={[
              {
                key: 'log',
                label: `重新打开记录（${stored.reopenLog.length} 次）`,
                children: (
                  <ol className="pm-reopen-log" aria-label="重新打开记录">
                    {stored.reopenLog.map((r, i) => (
                      <li key={i}>
                        <Typography.Text type="secondary">{formatLocalDateTime(r.at)}</Typography.Text>　{r.reason}
                      </li>
                    ))}
                  </ol>
                ),
              },
            ]}
          />
        )}
        {!org && orgId && org !== undefined && <Alert type="warning" showIcon title="找不到该记录所属的党组织，检查结果暂不可用" />}
        <div className="pm-body">
          <main className="pm-main">
            <BasicInfoSection
              meeting={meeting}
              orgName={org?.fullName ?? org?.name ?? '（组织已删除）'}
              status={status}
              showDelegation={showDelegation}
              secretaryWord={org?.level === 'group' ? '组长' : '书记'}
            />
            {meeting.type === 'lecture' && <LectureSection lecture={meeting.lecture} status={status} />}
            {meeting.type === 'theme_day' && <ThemeDaySection themeDay={meeting.themeDay} status={status} />}
            {summary && (
              <AttendanceSection
                attendance={meeting.attendance}
                type={meeting.type}
                date={meeting.date}
                summary={summary}
                rowIssues={rowIssues}
                sectionIssues={attendanceSectionStable}
                memberLabels={memberLabels}
                roster={roster ?? []}
                loadRoster={() => attendanceFromRoster(db, meeting.orgId, current()?.date ?? meeting.date, meeting.type)}
              />
            )}
            {voteCtx && (
              <AgendaSection
                agenda={meeting.agenda}
                type={meeting.type}
                status={status}
                decisionIssues={decisionIssues}
                sectionIssues={agendaSectionStable}
                voteCtx={voteCtx}
              />
            )}
            {isLifeMeetingType(meeting.type) && (
              <LifeSection
                life={meeting.life}
                meetingId={meeting.id}
                orgId={meeting.orgId}
                org={org ?? undefined}
                type={meeting.type}
                date={meeting.date}
                attendance={meeting.attendance}
                status={status}
                draft={{ flush, current, replace }}
              />
            )}
            <SummarySection summary={meeting.summary} chairSigned={meeting.chairSigned} recorderSigned={meeting.recorderSigned} />
          </main>
          {wide && <aside className="pm-aside">{issuesPanel}</aside>}
        </div>
        {!wide && (
          <Drawer title={null} open={drawerOpen} onClose={() => setDrawerOpen(false)} size={380} placement="right">
            {issuesPanel}
          </Drawer>
        )}
        <ReopenDialog open={reopenOpen} onCancel={() => setReopenOpen(false)} onConfirm={onReopen} />
      </div>
      </PeopleContext.Provider>
    </EditorContext.Provider>
  );
}
