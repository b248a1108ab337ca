/**
 * The pinned-notes index (schema v4). IndexedDB cannot index a boolean, so finding a customer's
 * newest pinned note meant reading their notes until one had `pinned: true` — hundreds of rows on
 * every open for a long history. Notes now also store `pinnedCreatedAt`: the note's `createdAt`
 * while it is pinned, absent otherwise, and `[customerId+pinnedCreatedAt]` holds only pinned notes,
 * in the same order as `[customerId+createdAt]` (time, then id). The newest pinned note is the last
 * entry of that range: one row, however many notes the customer has.
 *
 * The field is a storage detail, kept right by this Dexie middleware rather than by each writer:
 * - every note written (put/add: the repository, bundle import, merge and undo, the dashboard, the
 *   v4 upgrade) gets it derived from `pinned` and `createdAt`, so it can never disagree with them;
 * - every note read (get, getMany, query, cursor) comes back without it, so callers, exports and
 *   bundles see notes exactly as before v4 — a bundle stays importable by older and newer Rapport.
 */
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';

export const PINNED_FIELD = 'pinnedCreatedAt';
const NOTES = 'notes';

type Row = Record<string, unknown>;
const isRow = (x: unknown): x is Row => typeof x === 'object' && x !== null;

/** The note as stored: with PINNED_FIELD exactly when pinned. */
export function stored(note: unknown): unknown {
  if (!isRow(note)) return note;
  if (note.pinned === true && typeof note.createdAt === 'number') {
    return note[PINNED_FIELD] === note.createdAt ? note : { ...note, [PINNED_FIELD]: note.createdAt };
  }
  return PINNED_FIELD in note ? shown(note) : note;
}

/** The note as callers see it: without PINNED_FIELD. */
export function shown(note: unknown): unknown {
  if (!isRow(note) || !(PINNED_FIELD in note)) return note;
  const { [PINNED_FIELD]: _derived, ...rest } = note;
  return rest;
}

// Promise chains on Dexie's own promises, as Dexie's middlewares do (no native async/await: inside
// a transaction every native await costs Dexie extra work to keep the transaction's zone).
function notesTable(down: DBCoreTable): DBCoreTable {
  return {
    ...down,
    mutate: (req) => (req.type === 'put' || req.type === 'add' ? down.mutate({ ...req, values: req.values.map(stored) }) : down.mutate(req)),
    get: (req) => down.get(req).then(shown),
    getMany: (req) => down.getMany(req).then((rows) => rows.map(shown)),
    query: (req) => (req.values ? down.query(req).then((res) => ({ ...res, result: res.result.map(shown) })) : down.query(req)),
    openCursor: (req) =>
      down.openCursor(req).then((cursor) => {
        if (!cursor || !req.values) return cursor;
        // Same wrapping as Dexie's own middlewares: forward key/primaryKey, hide the field in value.
        return Object.create(cursor, {
          key: { get: () => cursor.key },
          primaryKey: { get: () => cursor.primaryKey },
          value: { get: () => shown(cursor.value) },
        }) as DBCoreCursor;
      }),
  };
}

export const pinnedNotesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'rapport-pinned-notes',
  create: (down) => {
    // Dexie asks for a table on every transaction: wrap the notes table once.
    let notes: DBCoreTable | undefined;
    return { ...down, table: (name) => (name === NOTES ? (notes ??= notesTable(down.table(name))) : down.table(name)) };
  },
};
