/** Live organisation data for pickers and lists. */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listOrganisations } from '../../db';
import type { Organisation } from '../../../shared/model';
import { useDb } from '../dbContext';

export interface OrgIndex {
  list: Organisation[];
  byId: Map<string, Organisation>;
  childrenOf: Map<string | null, Organisation[]>;
}

export function indexOrganisations(list: Organisation[]): OrgIndex {
  const byId = new Map(list.map((o) => [o.id, o]));
  const childrenOf = new Map<string | null, Organisation[]>();
  for (const o of list) {
    const parent = o.parentId && byId.has(o.parentId) ? o.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), o]);
  }
  return { list, byId, childrenOf };
}

/** Live organisations (undefined while loading). */
export function useOrganisations(): OrgIndex | undefined {
  const db = useDb();
  const list = useLiveQuery(() => listOrganisations(db), [db]);
  return useMemo(() => (list ? indexOrganisations(list) : undefined), [list]);
}
