/**
 * One export at a time, with the messages of ExportWordButton: 已导出 / 已导出草稿, or the error in
 * Chinese. Shared by the record export buttons (谈心谈话, 民主评议, 整改, 生活会).
 */
import { useCallback, useRef, useState } from 'react';
import { App } from 'antd';
import { errorText } from '../common/errors';
import type { WordFile } from './exportData';
import { saveWordFile } from './recordExportData';

export interface RecordExportRunner {
  busy: boolean;
  /** `draftNote` replaces the default advice shown after a draft export. */
  run: (what: string, make: () => Promise<WordFile>, draftNote?: string) => Promise<void>;
}

export function useRecordExport(): RecordExportRunner {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // A ref as well as state: two quick clicks must not start two exports.
  const running = useRef(false);
  const run = useCallback(
    async (what: string, make: () => Promise<WordFile>, draftNote?: string) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      try {
        const file = await make();
        const shown = await saveWordFile(file);
        if (shown === null) return;
        if (file.draft) message.warning(`已导出草稿：${shown}。${draftNote ?? `记录定稿后再导出，即为正式${what}。`}`, 6);
        else message.success(`已导出：${shown}`);
      } catch (e) {
        message.error(errorText(e, `导出${what}`));
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [message],
  );
  return { busy, run };
}
