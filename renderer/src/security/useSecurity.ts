/** The keyring as React state (useSyncExternalStore over its listeners). */
import { useCallback, useSyncExternalStore } from 'react';
import type { PartyMinutesDB } from '../../db';
import { keyringOf, subscribe } from '../../security/keyring';

export interface LockState {
  loaded: boolean;
  locked: boolean;
  passwordSet: boolean;
  encryption: boolean;
}

export function useLockState(db: PartyMinutesDB): LockState {
  const ring = keyringOf(db);
  const sub = useCallback((fn: () => void) => subscribe(ring, fn), [ring]);
  // A string snapshot: stable between changes, so React does not re-render in a loop.
  const snap = useSyncExternalStore(sub, () => `${+ring.loaded}${+ring.locked}${+ring.passwordSet}${+ring.encryption}`);
  return { loaded: snap[0] === '1', locked: snap[1] === '1', passwordSet: snap[2] === '1', encryption: snap[3] === '1' };
}
