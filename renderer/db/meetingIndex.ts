/**
 * Keeps the `meetingIndex` projection in step with `meetings`, inside the same IndexedDB
 * transaction, whoever writes (repositories, transfer merge, raw table calls).
 */
import { GRID_FACT_TYPES, gridFacts } from '../../shared/checks/engine';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import type { Meeting } from '../../shared/model';
import type { MeetingIndexRow } from './database';

const MAX_TOPICS = 10;
const MAX_TOPIC_CHARS = 100;

/** The list row for one meeting. Pure; exported for tests and fixtures. */
export function meetingIndexRow(m: Meeting): MeetingIndexRow {
  let expected = 0;
  let present = 0;
  let absentWithoutReason = 0;
  for (const a of m.attendance ?? []) {
    if (a.kind !== 'member') continue;
    expected++;
    if (a.presence === 'present') present++;
    else if (!a.reason?.trim()) absentWithoutReason++;
  }
  return {
    id: m.id,
    live: m.deletedAt ? 0 : 1,
    orgId: m.orgId,
    type: m.type,
    year: m.year,
    seq: m.seq,
    date: m.date,
    startTime: m.startTime ?? null,
    place: m.place ?? '',
    chairName: m.chairName ?? '',
    recorderName: m.recorderName ?? '',
    status: m.status,
    level: m.classification?.level ?? 'none',
    expected,
    present,
    absentWithoutReason,
    topics: (m.agenda ?? []).slice(0, MAX_TOPICS).map((a) => a.title.slice(0, MAX_TOPIC_CHARS)),
    updatedAt: m.updatedAt,
    deletedAt: m.deletedAt ?? null,
    ...(GRID_FACT_TYPES.has(m.type) ? { grid: gridFacts(m) } : {}),
  };
}

function succeeded(req: DBCoreMutateRequest, res: DBCoreMutateResponse): number[] {
  if (req.type !== 'add' && req.type !== 'put') return [];
  const idx: number[] = [];
  for (let i = 0; i < req.values.length; i++) if (!res.failures?.[i]) idx.push(i);
  return idx;
}

function wrapMeetings(meetings: DBCoreTable, index: DBCoreTable): DBCoreTable {
  return {
    ...meetings,
    async mutate(req) {
      const trans = req.trans;
      if (req.type === 'put') {
        // Issue both writes together (IndexedDB runs them in order in this transaction). A put
        // that fails aborts the whole transaction anyway when the caller does not catch it; when
        // it is caught, the stale projection row is removed below.
        const [res, idx] = await Promise.all([
          meetings.mutate(req),
          index.mutate({ type: 'put', trans, values: req.values.map((v) => meetingIndexRow(v as Meeting)) }),
        ]);
        if (res.numFailures || idx.numFailures) {
          // Rows whose meeting put failed must not keep a fresh projection: put back what is stored.
          const failed = Object.keys(res.failures).map(Number);
          const ids = failed.map((i) => (req.values[i] as Meeting).id).filter((id) => typeof id === 'string');
          if (ids.length) {
            const stored = await meetings.getMany({ trans, keys: ids });
            await index.mutate({ type: 'delete', trans, keys: ids });
            const back = stored.filter(Boolean).map((m) => meetingIndexRow(m as Meeting));
            if (back.length) await index.mutate({ type: 'put', trans, values: back });
          }
          const unexpected = Object.keys(idx.failures).map(Number).filter((i) => !(i in res.failures));
          if (unexpected.length) throw idx.failures[unexpected[0]];
        }
        return res;
      }
      const res = await meetings.mutate(req);
      switch (req.type) {
        case 'add': {
          const ok = succeeded(req, res);
          if (ok.length > 0) {
            const values = ok.map((i) => meetingIndexRow(req.values[i] as Meeting));
            const r = await index.mutate({ type: 'put', trans, values });
            if (r.numFailures) throw r.failures[Object.keys(r.failures)[0] as unknown as number];
          }
          break;
        }
        case 'delete':
          await index.mutate({ type: 'delete', trans, keys: req.keys });
          break;
        case 'deleteRange':
          await index.mutate({ type: 'deleteRange', trans, range: req.range });
          break;
      }
      return res;
    },
  };
}

export const meetingIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'meetingIndex',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.includes('meetings') && !stores.includes('meetingIndex')
            ? [...stores, 'meetingIndex']
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === 'meetings' ? wrapMeetings(table, down.table('meetingIndex')) : table;
      },
    };
  },
};
