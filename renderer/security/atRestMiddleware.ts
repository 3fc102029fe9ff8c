/**
 * 敏感数据加密 at rest as the INNERMOST DBCore middleware (level -10: below Dexie's own cache,
 * observability and hooks layers at -1..2, and below meetingIndex / searchIndex / audit at 10), so
 * every other layer sees plaintext and only IndexedDB sees envelopes (shared/security/fieldCrypto).
 *
 * Writes: sensitive values are sealed when encryption is on (LockedError when the key is not in
 * memory: nothing is ever written in clear by mistake). Reads: envelopes are opened with the key;
 * without the key a read that meets an envelope throws LockedError instead of returning ciphertext
 * or plaintext.
 */
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { isEnvelope, mapSensitive, openValue, sealValue, SENSITIVE_PATHS } from '../../shared/security/fieldCrypto';
import { keyFor, LockedError, type Keyring } from './keyring';

export function sealRow<T>(ring: Keyring, table: string, row: T): T {
  if (!ring.encryption) return row;
  return mapSensitive(table, row, (v, aad) => (isEnvelope(v) ? v : sealValue(v, ring.cipher, keyFor(ring, ring.cipher), aad)));
}

export function openRow<T>(ring: Keyring, table: string, row: T): T {
  return mapSensitive(table, row, (v, aad) => {
    if (!isEnvelope(v)) return v;
    if (!ring.dataKey) throw new LockedError();
    return openValue(v, keyFor(ring, v.c), aad);
  });
}

function wrapCursor(ring: Keyring, table: string, cursor: DBCoreCursor): DBCoreCursor {
  let raw: unknown;
  let opened: unknown;
  return Object.create(cursor, {
    continue: { value: (key?: unknown) => cursor.continue(key) },
    continuePrimaryKey: { value: (key: unknown, pk: unknown) => cursor.continuePrimaryKey(key, pk) },
    advance: { value: (n: number) => cursor.advance(n) },
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get: () => {
        const v: unknown = cursor.value;
        if (v !== raw) {
          raw = v;
          opened = openRow(ring, table, v);
        }
        return opened;
      },
    },
  }) as DBCoreCursor;
}

function wrapTable(ring: Keyring, name: string, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      if ((req.type === 'put' || req.type === 'add') && ring.encryption) {
        return table.mutate({ ...req, values: req.values.map((v) => sealRow(ring, name, v)) });
      }
      return table.mutate(req);
    },
    get(req) {
      return table.get(req).then((v) => (v === undefined ? v : openRow(ring, name, v)));
    },
    getMany(req) {
      return table.getMany(req).then((rows) => rows.map((v) => (v === undefined ? v : openRow(ring, name, v))));
    },
    query(req) {
      if (!req.values) return table.query(req);
      return table.query(req).then((res) => ({ ...res, result: res.result.map((v) => openRow(ring, name, v)) }));
    },
    openCursor(req) {
      if (!req.values && req.values !== undefined) return table.openCursor(req);
      return table.openCursor(req).then((c) => c && wrapCursor(ring, name, c));
    },
  };
}

export function atRestMiddleware(ring: Keyring): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'atRestEncryption',
    level: -10,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return name in SENSITIVE_PATHS ? wrapTable(ring, name, table) : table;
        },
      };
    },
  };
}
