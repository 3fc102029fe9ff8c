/**
 * Wraps the app: nothing is shown before the start-up password is given, and after an idle or
 * manual lock the screens stay mounted but hidden and inert under the lock screen (an autosave
 * under way can finish; nothing typed is lost).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Spin } from 'antd';
import { initSecurity, lock } from '../../security/appLock';
import { getSecurityConfig } from '../../security/config';
import { keyringOf, subscribe } from '../../security/keyring';
import { startupBackup } from '../../transfer';
import { getHost } from '../../host';
import { useDb } from '../dbContext';
import { LockScreen } from './LockScreen';
import { useLockState } from './useSecurity';

const ACTIVITY = ['mousedown', 'mousemove', 'keydown', 'wheel', 'touchstart', 'pointerdown'] as const;

/** Locks after `minutes` without keyboard or mouse input (0 = never). */
function useIdleLock(minutes: number, enabled: boolean, onIdle: () => void) {
  useEffect(() => {
    if (!enabled || minutes <= 0) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) onIdle();
    }, 1000);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, touch, { capture: true });
    };
  }, [minutes, enabled, onIdle]);
}

export function LockGate({ children }: { children: ReactNode }) {
  const db = useDb();
  const state = useLockState(db);
  const [idleMinutes, setIdleMinutes] = useState(0);
  const [mounted, setMounted] = useState(false);

  useEffect(() => {
    void initSecurity(db);
    const load = () => void getSecurityConfig(db).then((c) => setIdleMinutes(c.idleMinutes));
    load();
    return subscribe(keyringOf(db), load);
  }, [db]);
  useEffect(() => {
    if (!state.loaded || state.locked || mounted) return;
    setMounted(true);
    // With encryption on, the start-up snapshot (run before the password was typed) could not read
    // the sealed fields; take today's snapshot now (a no-op when it was already written today).
    if (state.encryption) void startupBackup(db, getHost()).catch(() => undefined);
  }, [db, state.loaded, state.locked, state.encryption, mounted]);
  const onIdle = useCallback(() => void lock(db, '长时间无操作'), [db]);
  useIdleLock(idleMinutes, state.passwordSet && !state.locked, onIdle);

  if (!state.loaded) return <Spin size="large" fullscreen description="正在打开…" />;
  return (
    <>
      {mounted && (
        <div hidden={state.locked} inert={state.locked} aria-hidden={state.locked}>
          {children}
        </div>
      )}
      {state.locked && <LockScreen />}
    </>
  );
}
