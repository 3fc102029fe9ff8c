/**
 * Keeps `searchIndex` (design §8) in step with the searchable record tables (meetings, talks,
 * appraisals, rectifications) inside the same IndexedDB transaction, whoever writes (repositories,
 * transfer merge, raw table calls), like meetingIndex.ts does for the meeting list.
 *
 * A put or add writes a small PENDING row (the record's filter facts, no grams): deriving and
 * storing hundreds of multiEntry grams per record inside the writer's transaction made a 10,000-
 * meeting import 50× slower. searchIndexer.ts fills the grams shortly after the transaction
 * commits; search.ts checks pending records directly, so results stay exact meanwhile. Deletes
 * remove the row at once. How sensitive text is tokenised: searchRow.ts.
 *
 * This middleware must see plaintext records: an encryption middleware must sit below it (closer
 * to IndexedDB, i.e. a lower Dexie middleware `level`).
 */
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { SEARCH_TABLES, searchFacts, type RecordOfTable, type SearchTable } from '../../shared/search';
import type { PartyMinutesDB } from './database';
import { catalogueOnCommit, resetCatalogue, type CatalogueOp } from './searchCatalogue';
import { indexAfterCommit, pendingIndexRow, resetPending } from './searchIndexer';
import { searchIndexRow, searchKey } from './searchRow';

export {
  getSensitiveGramTokenizer,
  plainSensitiveTokenizer,
  searchIndexRow,
  searchKey,
  setSensitiveGramTokenizer,
  type SensitiveGramTokenizer,
} from './searchRow';
export { indexPending, PENDING_GRAM } from './searchIndexer';

const SEARCHABLE: ReadonlySet<string> = new Set(SEARCH_TABLES);

function succeeded(req: DBCoreMutateRequest, res: DBCoreMutateResponse): number[] {
  if (req.type !== 'add' && req.type !== 'put') return [];
  const idx: number[] = [];
  for (let i = 0; i < req.values.length; i++) if (!res.failures?.[i]) idx.push(i);
  return idx;
}

/** The index key range of a record-table key range (ids are strings; RangeType 3 = any). */
function indexRange(table: SearchTable, range: DBCoreKeyRange): DBCoreKeyRange {
  const p = `${table}:`;
  const bound = (k: unknown, dflt: string) => (typeof k === 'string' ? p + k : dflt);
  if (range.type === 3) return { type: 2, lower: p, upper: p + '\uffff', lowerOpen: false, upperOpen: false } as DBCoreKeyRange;
  return {
    type: range.type,
    lower: bound(range.lower, p),
    lowerOpen: typeof range.lower === 'string' ? range.lowerOpen : false,
    upper: bound(range.upper, p + '\uffff'),
    upperOpen: typeof range.upper === 'string' ? range.upperOpen : false,
  } as DBCoreKeyRange;
}

function wrap(dbName: string, name: SearchTable, table: DBCoreTable, indexTable: () => DBCoreTable): DBCoreTable {
  return {
    ...table,
    async mutate(req) {
      const trans: DBCoreTransaction = req.trans;
      const index = indexTable();
      const res = await table.mutate(req);
      const ops: CatalogueOp[] = [];
      switch (req.type) {
        case 'add':
        case 'put': {
          const values = succeeded(req, res).map((i) => req.values[i] as RecordOfTable[SearchTable]);
          if (values.length) {
            const facts = values.map((v) => searchFacts(name, v));
            const r = await index.mutate({ type: 'put', trans, values: values.map((v, i) => pendingIndexRow(name, v.id, facts[i])) });
            if (r.numFailures) throw r.failures[Number(Object.keys(r.failures)[0])];
            values.forEach((v, i) => ops.push({ put: { key: searchKey(name, v.id), table: name, id: v.id, ...facts[i] } }));
            indexAfterCommit(dbName, trans, { added: values.map((v) => searchKey(name, v.id)) });
          }
          break;
        }
        case 'delete': {
          const keys = req.keys.map((k) => searchKey(name, String(k)));
          await index.mutate({ type: 'delete', trans, keys });
          for (const key of keys) ops.push({ remove: key });
          indexAfterCommit(dbName, trans, { removed: keys });
          break;
        }
        case 'deleteRange':
          await index.mutate({ type: 'deleteRange', trans, range: indexRange(name, req.range) });
          ops.push({ reset: true });
          resetPending(dbName);
          break;
      }
      if (ops.length) catalogueOnCommit(dbName, trans, ops);
      return res;
    },
  };
}

export const searchIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'searchIndex',
  create(down) {
    const dbName = down.schema.name;
    // A (re)opened database starts with no cached catalogue or pending set: it may have been changed meanwhile.
    resetCatalogue(dbName);
    resetPending(dbName);
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.some((s) => SEARCHABLE.has(s)) && !stores.includes('searchIndex') ? [...stores, 'searchIndex'] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        // The index table is looked up on first write: while upgrading from v2, the core that reads
        // meetings does not know `searchIndex` yet.
        return SEARCHABLE.has(name) ? wrap(dbName, name as SearchTable, table, () => down.table('searchIndex')) : table;
      },
    };
  },
};

/**
 * Re-derives every index row from the records (after the sensitive tokenizer changed, or to repair).
 * Works in short transactions of `chunk` records so the app stays responsive; `onProgress` gets
 * the number of records done.
 */
export async function rebuildSearchIndex(db: PartyMinutesDB, { chunk = 500, onProgress }: { chunk?: number; onProgress?: (done: number) => void } = {}): Promise<number> {
  let done = 0;
  for (const name of SEARCH_TABLES) {
    const table = db.table(name);
    let after: string | null = null;
    for (;;) {
      const last: string | null = after;
      const page = await db.transaction('rw', [table, db.searchIndex], async () => {
        const rows = (await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(chunk).toArray()) as RecordOfTable[SearchTable][];
        if (rows.length) await db.searchIndex.bulkPut(rows.map((r) => searchIndexRow(name, r)));
        return rows;
      });
      if (!page.length) break;
      done += page.length;
      onProgress?.(done);
      after = page[page.length - 1].id;
      if (page.length < chunk) break;
    }
  }
  return done;
}
