/**
 * 会前准备 (domain §2.6 steps 2–5): 会前学习, 征求意见, 谈心谈话, 对照检查材料 — each done / date /
 * note, with links to the records that prove it (this organisation's meetings and talks in the
 * 年度, and talks linked to this meeting). Labels show only date and type (plus who talked), never
 * contents.
 */
import { memo, useCallback, useMemo } from 'react';
import { Button, Checkbox, DatePicker, Select, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { LIFE_PREP_KINDS, LIFE_PREP_LABELS, MEETING_TYPE_SHORT, type LifePrepItem, type LifePrepKind, type RecordLink } from '../../../../shared/model';
import { useDb } from '../../dbContext';
import { fromDayjs, toDayjs } from '../../common/dates';
import { navigate } from '../../router';
import { useEditor } from '../context';
import { TextField } from '../fields';
import { useLife } from './lifeContext';
import { normalisePrep, setPrep } from './lifeMutations';

interface Candidate {
  key: string;
  link: RecordLink;
  date: string;
  label: string;
}

const keyOf = (l: RecordLink) => `${l.table}:${l.id}`;

/** Records of this organisation that can prove preparation: meetings and talks from 1 January of the 年度 on. */
function useCandidates(meetingId: string, orgId: string, annualYear: number, date: string): Candidate[] | undefined {
  const db = useDb();
  const from = `${annualYear}-01-01`;
  const to = date > `${annualYear}-12-31` ? date : `${annualYear}-12-31`;
  return useLiveQuery(async () => {
    const meetings = await db.meetingIndex.where('[live+orgId+date]').between([1, orgId, from], [1, orgId, to], true, true).toArray();
    const talksOfOrg = await db.talks.where('orgId').equals(orgId).toArray();
    const talksOfMeeting = await db.talks.where('lifeMeetingId').equals(meetingId).toArray();
    const seen = new Set<string>();
    const talks = [...talksOfMeeting, ...talksOfOrg].filter((t) => {
      if (t.deletedAt || seen.has(t.id)) return false;
      seen.add(t.id);
      return t.lifeMeetingId === meetingId || (t.date >= from && t.date <= to);
    });
    const out: Candidate[] = [
      ...meetings
        .filter((m) => m.id !== meetingId)
        .map((m) => ({
          key: `meetings:${m.id}`,
          link: { table: 'meetings' as const, id: m.id },
          date: m.date,
          label: `${m.date} ${MEETING_TYPE_SHORT[m.type]}（${m.year}年第${m.seq}次）`,
        })),
      ...talks.map((t) => ({
        key: `talks:${t.id}`,
        link: { table: 'talks' as const, id: t.id },
        date: t.date,
        label: `${t.date} 谈心谈话 ${t.interviewer.name}—${t.interviewees.map((p) => p.name).join('、')}`,
      })),
    ];
    return out.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
  }, [db, meetingId, orgId, from, to]);
}

function openLink(l: RecordLink) {
  navigate({ name: l.table === 'meetings' ? 'meeting' : 'talk', id: l.id });
}

interface RowProps {
  item: LifePrepItem;
  index: number;
  candidates: readonly Candidate[];
}

const PrepRow = memo(function PrepRow({ item, index, candidates }: RowProps) {
  const { update, readOnly } = useEditor();
  const { status } = useLife();
  const kind: LifePrepKind = item.kind;
  const label = LIFE_PREP_LABELS[kind];
  const f = `life.preparation.${index}`;
  const onNote = useCallback((v: string) => update(setPrep(kind, { note: v }), 'deferred'), [update, kind]);
  const byKey = useMemo(() => new Map(candidates.map((c) => [c.key, c])), [candidates]);
  // Talks first for the 谈心谈话 step, meetings first otherwise.
  const groups = useMemo(() => {
    const m = candidates.filter((c) => c.link.table === 'meetings').map((c) => ({ value: c.key, label: c.label }));
    const t = candidates.filter((c) => c.link.table === 'talks').map((c) => ({ value: c.key, label: c.label }));
    const mg = { label: '会议记录', options: m };
    const tg = { label: '谈心谈话记录', options: t };
    return kind === 'talks' ? [tg, mg] : [mg, tg];
  }, [candidates, kind]);
  return (
    <div className="pm-life-prep" data-field={`life.preparation.${kind}`}>
      <div data-field={f} className="pm-life-prep-head">
        <span data-field={`${f}.done`}>
          <Checkbox checked={item.done} disabled={readOnly} onChange={(e) => update(setPrep(kind, { done: e.target.checked }))}>
            <Typography.Text strong>{label}</Typography.Text>
          </Checkbox>
        </span>
        <span data-field={`${f}.date`}>
          <DatePicker
            aria-label={`${label}日期`}
            value={toDayjs(item.date)}
            disabled={readOnly}
            status={status(`${f}.date`)}
            placeholder="完成日期"
            onChange={(d) => update(setPrep(kind, { date: fromDayjs(d) }))}
          />
        </span>
        <div className="pm-life-prep-note">
          <TextField field={`${f}.note`} ariaLabel={`${label}说明`} value={item.note} onCommit={onNote} status={status(`${f}.note`)} placeholder="说明，如：学习了哪些篇目、征求意见多少条" limit={1000} />
        </div>
      </div>
      {/* 'life.talks' is the 谈心谈话 coverage issue: it lands on the talks row's links. */}
      <div className="pm-life-prep-links" data-field={kind === 'talks' ? 'life.talks' : `${f}.links`}>
        <Select
          mode="multiple"
          size="small"
          aria-label={`${label}佐证记录`}
          placeholder="关联佐证记录"
          disabled={readOnly}
          style={{ width: 220 }}
          value={item.links.map(keyOf)}
          maxTagCount={0}
          maxTagPlaceholder={(v) => `已关联 ${v.length} 份`}
          options={groups}
          showSearch={{ optionFilterProp: 'label' }}
          notFoundContent="本年度没有可关联的会议或谈话记录"
          onChange={(keys: string[]) =>
            update(setPrep(kind, { links: keys.map((k) => byKey.get(k)?.link ?? item.links.find((l) => keyOf(l) === k)).filter((l): l is RecordLink => !!l) }))
          }
        />
        <Space size={[4, 0]} wrap>
          {item.links.map((l) => {
            const c = byKey.get(keyOf(l));
            return (
              <Button key={keyOf(l)} size="small" type="link" onClick={() => openLink(l)} aria-label={`打开-${c?.label ?? '关联记录'}`}>
                {c?.label ?? (l.table === 'meetings' ? '会议记录（已删除或不在本年度）' : '谈心谈话记录（已删除或不在本年度）')}
              </Button>
            );
          })}
        </Space>
      </div>
    </div>
  );
});

interface Props {
  preparation: readonly LifePrepItem[];
  meetingId: string;
  orgId: string;
  annualYear: number;
  date: string;
}

export const PrepChecklist = memo(function PrepChecklist({ preparation, meetingId, orgId, annualYear, date }: Props) {
  const candidates = useCandidates(meetingId, orgId, annualYear, date);
  const items = normalisePrep(preparation);
  return (
    <div className="pm-life-preps" data-field="life.preparation">
      {LIFE_PREP_KINDS.map((k, i) => (
        <PrepRow key={k} item={items[i]} index={i} candidates={candidates ?? NONE} />
      ))}
    </div>
  );
});

const NONE: readonly Candidate[] = [];
