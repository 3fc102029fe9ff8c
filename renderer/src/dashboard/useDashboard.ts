/**
 * Dashboard data: a quick first pass (index rows + the few full records the grid needs) and a
 * complete pass (all full records of the year for the per-meeting checks). Both are live: any
 * change to the records re-runs them. The grid shows the quick pass until the complete one lands.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { runChecks, type ChecksResult } from '../../../shared/checks';
import { useDb } from '../dbContext';
import { loadChecksInput, type DashboardData } from './loadChecksInput';

export interface DashboardState {
  data: DashboardData;
  result: ChecksResult;
  /** False while only the quick pass is in: per-meeting findings are still coming. */
  complete: boolean;
}

export function useDashboard(year: number, orgIds: readonly string[] | undefined, today: string): DashboardState | undefined {
  const db = useDb();
  const grid = useLiveQuery(() => loadChecksInput(db, year, 'grid', today), [db, year, today]);
  // The complete pass starts once the grid is in, so the two do not compete for the database.
  const gridIn = grid?.input.year === year;
  const all = useLiveQuery(() => (gridIn ? loadChecksInput(db, year, 'all', today) : undefined), [db, year, today, gridIn]);
  // A live query keeps its last value while a new one runs: never show another year's data.
  const data = all?.input.year === year ? all : gridIn ? grid : undefined;
  return useMemo(() => {
    if (!data) return undefined;
    const result = runChecks({ ...data.input, orgIds }, data.settings, today);
    return { data, result, complete: data.detail === 'all' };
  }, [data, orgIds, today]);
}
