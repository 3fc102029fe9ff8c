/**
 * The 统计表 a higher level asks for, as plain tables (title, columns, rows of text) so the Word
 * table and the .xlsx sheet are built from the same cells and can never disagree.
 */
import { MEETING_TYPE_LABELS } from '../model/enums';
import type { MemberAttendance, OrgAttendance } from './attendance';
import type { QuarterRow } from './meetings';
import type { RectificationSummaryRow } from './rectification';

export interface StatColumn {
  label: string;
  /** Relative width (Word column widths and xlsx column widths are scaled from it). */
  weight: number;
  /** Numbers are centred; names flush left. */
  align: 'left' | 'center';
}

export interface StatTable {
  /** Sheet title and Word table title: 2025年度三会一课开展情况统计表 */
  title: string;
  /** Short sheet name (xlsx: at most 31 characters, no []:*?/\). */
  sheetName: string;
  /** 填报单位 / 统计范围 line under the title. */
  subtitle: string;
  columns: StatColumn[];
  rows: string[][];
}

/** 0.8571 → 85.7%; no rate → —. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

const left = (label: string, weight: number): StatColumn => ({ label, weight, align: 'left' });
const num = (label: string, weight = 1): StatColumn => ({ label, weight, align: 'center' });

export function meetingsQuarterTable(rows: readonly QuarterRow[], orgName: (id: string) => string, year: number, subtitle: string): StatTable {
  return {
    title: `${year}年度“三会一课”等组织生活开展情况统计表`,
    sheetName: '组织生活开展情况',
    subtitle,
    columns: [left('党组织', 3), left('会议类型', 2.2), num('一季度'), num('二季度'), num('三季度'), num('四季度'), num('全年合计', 1.2)],
    rows: rows.map((r) => [orgName(r.orgId), MEETING_TYPE_LABELS[r.type], ...r.quarters.map(String), String(r.total)]),
  };
}

export function memberAttendanceTable(rows: readonly MemberAttendance[], year: number, subtitle: string): StatTable {
  return {
    title: `${year}年度党员参加组织生活情况统计表`,
    sheetName: '党员出勤情况',
    subtitle,
    columns: [num('序号', 0.8), left('姓名', 1.8), num('应参加'), num('实参加'), num('请假'), num('缺席'), num('出勤率', 1.2)],
    rows: rows.map((r, i) => [String(i + 1), r.name, String(r.expected), String(r.present), String(r.excused), String(r.unexcused), percent(r.rate)]),
  };
}

export function orgAttendanceTable(rows: readonly OrgAttendance[], orgName: (id: string) => string, year: number, subtitle: string): StatTable {
  return {
    title: `${year}年度各党组织出勤情况统计表`,
    sheetName: '支部出勤情况',
    subtitle,
    columns: [left('党组织', 3), num('会议次数'), num('应到人次'), num('实到人次'), num('请假人次'), num('缺席人次'), num('出勤率', 1.2)],
    rows: rows.map((r) => [orgName(r.orgId), String(r.meetings), String(r.expected), String(r.present), String(r.excused), String(r.unexcused), percent(r.rate)]),
  };
}

export function rectificationSummaryTable(rows: readonly RectificationSummaryRow[], orgName: (id: string) => string, year: number, subtitle: string): StatTable {
  return {
    title: `${year}年度整改落实情况统计表`,
    sheetName: '整改落实情况',
    subtitle,
    columns: [left('党组织', 3), num('整改事项'), num('未开始'), num('推进中'), num('已完成'), num('已销号'), num('逾期'), num('完成率', 1.2)],
    rows: rows.map((r) => [
      orgName(r.orgId),
      String(r.total),
      String(r.notStarted),
      String(r.inProgress),
      String(r.done),
      String(r.closed),
      String(r.overdue),
      percent(r.completion),
    ]),
  };
}
