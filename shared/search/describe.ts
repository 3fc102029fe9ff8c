/** Filter and list facts of a searchable record: organisation, date, year, kind, title. */
import { MEETING_TYPE_SHORT, TALK_TYPE_LABELS, type Appraisal, type Meeting, type Rectification, type Talk } from '../model';
import type { RecordOfTable, SearchTable } from './searchText';

export interface SearchFacts {
  orgId: string;
  /** The record's date (YYYY-MM-DD): sort order of results. */
  date: string;
  /** Calendar year of `date`. */
  year: number;
  /** Meeting type, talk type, 'appraisal', or the rectification list kind (team / personal). */
  kind: string;
  live: 0 | 1;
}

export function searchFacts<T extends SearchTable>(table: T, record: RecordOfTable[T]): SearchFacts {
  const r = record as Meeting | Talk | Appraisal | Rectification;
  const date = table === 'rectifications' ? (r as Rectification).raisedDate : (r as Meeting | Talk | Appraisal).date;
  const kind =
    table === 'meetings' ? (r as Meeting).type : table === 'talks' ? (r as Talk).type : table === 'appraisals' ? 'appraisal' : (r as Rectification).listKind;
  return { orgId: r.orgId, date, year: Number(date.slice(0, 4)), kind, live: r.deletedAt ? 0 : 1 };
}

const clip = (s: string, n: number) => (Array.from(s).length > n ? Array.from(s).slice(0, n).join('') + '…' : s);

/**
 * The line a result is listed under: 第一党支部 2025年第3次支委会 / 谈心谈话 张三→李四 2025-03-02.
 * Only non-sensitive facts.
 */
export function searchTitle<T extends SearchTable>(table: T, record: RecordOfTable[T], orgName: string): string {
  const org = orgName || '（组织已删除）';
  switch (table) {
    case 'meetings': {
      const m = record as Meeting;
      return `${org} ${m.year}年第${m.seq}次${MEETING_TYPE_SHORT[m.type]}`;
    }
    case 'talks': {
      const t = record as Talk;
      return `谈心谈话 ${t.interviewer.name}→${clip(t.interviewees.map((p) => p.name).join('、'), 20)} ${t.date}（${TALK_TYPE_LABELS[t.type]}）`;
    }
    case 'appraisals': {
      const a = record as Appraisal;
      return `${org} ${a.annualYear}年度民主评议党员`;
    }
    default: {
      const r = record as Rectification;
      return `${org} 整改事项：${clip(r.problem, 30)}`;
    }
  }
}
