/** Builds the chosen 统计表 as Word or Excel and hands the file to the host (save dialog / download). */
import type { StatTable } from '../../../shared/stats';
import type { DocumentProfile } from '../../../shared/model/documentProfile';
import { safeFileStem, toDocxBytes } from '../../../shared/word';
import { buildStatisticsWord } from '../../../shared/word/statsTables';
import { getHost } from '../../host';
import { buildStatsXlsx } from './statsXlsx';

export type StatsFormat = 'docx' | 'xlsx';

export async function saveStatTables(tables: readonly StatTable[], format: StatsFormat, opts: { profile: DocumentProfile; fileTitle: string }) {
  const stem = safeFileStem(opts.fileTitle);
  if (format === 'docx') {
    const raw = await toDocxBytes(buildStatisticsWord(tables, { profile: opts.profile, title: opts.fileTitle }));
    const bytes = raw.buffer instanceof ArrayBuffer ? (raw as Uint8Array<ArrayBuffer>) : new Uint8Array(raw);
    return getHost().saveFile({ suggestedName: `${stem}.docx`, kind: 'docx', bytes });
  }
  const bytes = await buildStatsXlsx(tables);
  return getHost().saveFile({ suggestedName: `${stem}.xlsx`, kind: 'xlsx', bytes });
}
