/** What the life-meeting rows need besides `update`: 列入整改 and who may be named as critic. */
import { createContext, useContext } from 'react';
import type { PersonOption } from '../context';
import type { FieldStatus } from '../fields';

/** A problem or criticism inside the block (participantId null = the committee's problems). */
export interface LifeTarget {
  participantId: string | null;
  problemId?: string;
  criticismId?: string;
}

export interface LifeContextValue {
  /** Creates the rectification item for `target` and links it; resolves when linked. */
  toRectification: (target: LifeTarget) => Promise<void>;
  /** Present attendees (members), offered as 批评人. */
  critics: readonly PersonOption[];
  /** Names of attendees who were absent or on leave (for the inline hint). */
  absentNames: ReadonlySet<string>;
  status: (field: string) => FieldStatus;
}

export const LifeContext = createContext<LifeContextValue | null>(null);

export function useLife(): LifeContextValue {
  const v = useContext(LifeContext);
  if (!v) throw new Error('useLife 必须在组织生活会编辑区内使用');
  return v;
}
