/** Keeps object identity for values that did not change, so memoised rows skip re-rendering. */
import { useRef } from 'react';

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function useStableRecord<T>(next: Record<string, T>): Record<string, T> {
  const prev = useRef<Record<string, T>>({});
  const out: Record<string, T> = {};
  let changed = Object.keys(prev.current).length !== Object.keys(next).length;
  for (const [k, v] of Object.entries(next)) {
    const old = prev.current[k];
    if (old !== undefined && same(old, v)) out[k] = old;
    else {
      out[k] = v;
      changed = true;
    }
  }
  if (changed) prev.current = out;
  return prev.current;
}
