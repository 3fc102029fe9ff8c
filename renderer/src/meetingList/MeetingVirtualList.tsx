/**
 * The virtualised list of meeting records (stays smooth with 50,000 rows): only the visible rows
 * exist in the page; rows are links, so click or Enter opens the record; ↑/↓ move between rows.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Tag, Tooltip } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { MeetingListRow } from '../../db';
import {
  CLASSIFICATION_LABELS,
  MEETING_TYPE_SHORT,
  NATIONAL_SECRET_LEVELS,
  RECORD_STATUS_LABELS,
} from '../../../shared/model';
import { formatRunningNumber, weekdayOf } from '../../../shared/format';
import { routeHref } from '../router';
import type { OrgIndex } from '../common/useOrganisations';
import './meetingList.css';

export const ROW_HEIGHT = 64;
const HEADER_HEIGHT = 40;

export interface MeetingVirtualListProps {
  total: number;
  getRow: (index: number) => MeetingListRow | undefined;
  ensureRange: (start: number, end: number) => void;
  orgs: OrgIndex | undefined;
  /** Scroll back to the top when this changes (new filter). */
  resetKey: string;
}

export function MeetingVirtualList({ total, getRow, ensureRange, orgs, resetKey }: MeetingVirtualListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    ensureRange(first, last);
  }, [first, last, ensureRange]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const focusRow = (index: number) => {
    const i = Math.max(0, Math.min(total - 1, index));
    virtualizer.scrollToIndex(i, { align: 'auto' });
    requestAnimationFrame(() =>
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLAnchorElement>(`[data-index="${i}"] a`)?.focus()),
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const i = Number(row.dataset.index);
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 }[e.key];
    if (step !== undefined) {
      e.preventDefault();
      focusRow(i + step);
    } else if (e.key === 'Home' && e.ctrlKey) {
      e.preventDefault();
      focusRow(0);
    } else if (e.key === 'End' && e.ctrlKey) {
      e.preventDefault();
      focusRow(total - 1);
    }
  };

  return (
    <div ref={scrollRef} className="pm-mlist" onKeyDown={onKeyDown}>
      <div className="pm-mlist-row pm-mlist-head" style={{ height: HEADER_HEIGHT }} aria-hidden>
        <span>日期</span>
        <span>党组织</span>
        <span>会议</span>
        <span>议题</span>
        <span>应到 / 实到</span>
        <span>状态</span>
      </div>
      <div role="list" aria-label="会议记录列表" aria-rowcount={total} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = getRow(item.index);
          return (
            <div
              role="listitem"
              key={row?.id ?? `pending-${item.index}`}
              data-index={item.index}
              aria-posinset={item.index + 1}
              aria-setsize={total}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
            >
              {row ? <Row row={row} orgs={orgs} /> : <div className="pm-mlist-row pm-mlist-pending">正在读取…</div>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function Row({ row, orgs }: { row: MeetingListRow; orgs: OrgIndex | undefined }) {
  const org = orgs?.byId.get(row.orgId);
  const secret = NATIONAL_SECRET_LEVELS.includes(row.level);
  const topics = row.topics.length ? row.topics.map((t, i) => `${i + 1}. ${t}`).join('  ') : '（尚未填写议题）';
  return (
    <a className="pm-mlist-row pm-mlist-link" href={routeHref({ name: 'meeting', id: row.id })}>
      <span className="pm-two">
        <span className="pm-date">{row.date}</span>
        <span className="pm-sub">
          {weekdayOf(row.date)}
          {row.startTime ? ` ${row.startTime}` : ''}
        </span>
      </span>
      <span className="pm-ellipsis" title={org?.name}>
        {org?.name ?? '（组织已删除）'}
      </span>
      <span className="pm-two">
        <span className="pm-type">{MEETING_TYPE_SHORT[row.type]}</span>
        <span className="pm-sub">{formatRunningNumber(row.year, row.seq)}</span>
      </span>
      <span className={`pm-topics${row.topics.length ? '' : ' pm-muted'}`} title={row.topics.join('\n')}>
        {topics}
      </span>
      <span className="pm-two">
        <span>
          {row.expected} / {row.present}
        </span>
        {row.absentWithoutReason > 0 && (
          <Tooltip title="有缺席或请假人员没有填写原因，检查时最常见的问题，请补上">
            <span className="pm-warn">
              <span className="pm-dot" aria-hidden />
              {row.absentWithoutReason} 人缺席未写原因
            </span>
          </Tooltip>
        )}
      </span>
      <span className="pm-tags">
        <Tag color={row.status === 'final' ? 'green' : 'default'}>{RECORD_STATUS_LABELS[row.status]}</Tag>
        {row.level !== 'none' && <Tag color={secret ? 'red' : 'blue'}>{CLASSIFICATION_LABELS[row.level]}{secret ? '★' : ''}</Tag>}
      </span>
    </a>
  );
}
