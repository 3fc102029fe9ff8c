/**
 * Opens the one IndexedDB database once and hands it to every screen.
 * Screens read through `useLiveQuery`, so edits anywhere (another tab, an import) show up at once.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { Alert, Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { getSettings, type PartyMinutesDB } from '../db';
import { openDatabaseWithBackups } from '../transfer';
import type { UnitSettings } from '../../shared/model';
import { errorDetail } from './common/errors';

const DbContext = createContext<PartyMinutesDB | null>(null);

export function DatabaseProvider({ children, name }: { children: ReactNode; name?: string }) {
  const [db, setDb] = useState<PartyMinutesDB | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let opened: PartyMinutesDB | null = null;
    // Snapshots before a schema upgrade and once a day at start-up (desktop: backups folder on disk).
    openDatabaseWithBackups(name)
      .then((d) => {
        opened = d;
        setDb(d);
        // Ask the browser not to evict our data under storage pressure.
        void navigator.storage?.persist?.().catch(() => undefined);
      })
      .catch((e: unknown) => setError(errorDetail(e)));
    return () => opened?.close();
  }, [name]);
  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        style={{ margin: 40 }}
        title="无法打开本机数据库"
        description={`${error}。请关闭其他正在运行的“党建会议记录”窗口后重新打开；如仍失败，请联系信息化同事从备份恢复。`}
      />
    );
  }
  if (!db) return <Spin size="large" fullscreen description="正在打开数据库…" />;
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

export function useDb(): PartyMinutesDB {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb 必须在 DatabaseProvider 内使用');
  return db;
}

export function useUnitSettings(): UnitSettings | undefined {
  const db = useContext(DbContext);
  return useLiveQuery(() => (db ? getSettings(db) : undefined), [db]);
}
