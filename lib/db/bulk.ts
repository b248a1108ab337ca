/**
 * Bulk writes for an import (lib/exchange/import.ts plans them; this writes them): accounts first,
 * then each table's rows, then the weekly reply sums. Call inside the import's read-write transaction
 * over every table written here, so a failure anywhere aborts all of it.
 *
 * The rows go to IndexedDB directly, through the Dexie transaction's own IDBTransaction: Dexie's
 * bulkPut costs about as much again as the puts themselves on 500,000 rows (a request wrapper, key
 * extraction and middleware pass per row). What Dexie's write path would add is done here instead:
 * notes get their derived pinned field (lib/db/pinned.ts), customers their workspace, and live
 * queries everywhere are told which tables changed (`tablesChanged`, after the commit).
 */
import Dexie, { RangeSet } from 'dexie';
import type { RapportDB } from './db';
import { stored as storedNote } from './pinned';
import { updateReplyWeeks } from './reply-stats';
import type { HelpdeskAccount, ReplyRecord } from './types';
import { DEFAULT_WORKSPACE } from '../workspaces/rule';

// Progress is told every slice; two slices are in flight at a time, so IndexedDB never waits for the
// page to issue the next one (and 500,000 requests at once are not all held in memory).
const WRITE_CHUNK = 10_000;

export interface BulkProgress {
  /** Rows written so far, of `total` rows to write. */
  done: number;
  total: number;
}

type Prepare = (row: unknown) => unknown;
const PREPARE: Record<string, Prepare> = {
  notes: storedNote,
  customers: (row) => {
    const c = row as { workspace?: string };
    return c.workspace === undefined ? { ...c, workspace: DEFAULT_WORKSPACE } : c;
  },
};

/** Puts rows[from, to) and settles when the last of them is stored (requests finish in order). */
function putSlice(store: IDBObjectStore, rows: readonly unknown[], from: number, to: number, prepare: Prepare | undefined): Promise<void> {
  return new Dexie.Promise<void>((resolve, reject) => {
    let last: IDBRequest | undefined;
    for (let i = from; i < to; i++) last = store.put(prepare ? prepare(rows[i]) : rows[i]);
    if (!last) return resolve();
    last.onsuccess = () => resolve();
    // An error aborts the whole transaction (nothing of the import is kept).
    last.onerror = () => reject(last!.error);
    store.transaction.addEventListener('abort', () => reject(store.transaction.error ?? new Error('The import was aborted')));
  });
}

export async function writeBulk(
  database: RapportDB,
  newAccounts: readonly HelpdeskAccount[],
  writes: readonly (readonly [table: string, rows: readonly unknown[]])[],
  onProgress?: (p: BulkProgress) => void,
): Promise<void> {
  const idbtrans = Dexie.currentTransaction?.idbtrans;
  if (!idbtrans) throw new Error('writeBulk runs inside a read-write transaction');
  if (newAccounts.length) await database.accounts.bulkPut(newAccounts.map((a) => ({ ...a })));
  const total = writes.reduce((n, [, rows]) => n + rows.length, 0);
  let done = 0;
  onProgress?.({ done, total });
  let previous: Promise<void> | undefined;
  let previousSize = 0;
  for (const [table, rows] of writes) {
    const store = idbtrans.objectStore(table);
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
      const end = Math.min(rows.length, i + WRITE_CHUNK);
      const slice = putSlice(store, rows, i, end, PREPARE[table]);
      if (previous) {
        await previous;
        done += previousSize;
        onProgress?.({ done, total });
      }
      previous = slice;
      previousSize = end - i;
    }
  }
  if (previous) {
    await previous;
    done += previousSize;
    onProgress?.({ done, total });
  }
  // Reply records are only ever added by an import (an existing one is kept as it is).
  const replies = writes.find(([t]) => t === 'replies')?.[1] ?? [];
  await updateReplyWeeks(database, replies as ReplyRecord[]);
}

/**
 * Tells live queries in every extension page (Dexie's storage-mutated event, which Dexie relays
 * between pages) that these tables changed as a whole. Call after the transaction of `writeBulk`
 * committed: its rows bypassed Dexie, which would otherwise have told them.
 */
export function tablesChanged(database: RapportDB, tables: readonly string[]): void {
  const everything = () => new RangeSet(-Infinity, [[[]]]);
  const parts: Record<string, RangeSet> = {};
  for (const name of tables) {
    const table = database.table(name);
    const prefix = `idb://${database.name}/${name}/`;
    parts[prefix] = everything();
    parts[`${prefix}:dels`] = everything();
    for (const index of table.schema.indexes) if (index.name) parts[`${prefix}${index.name}`] = everything();
  }
  Dexie.on.storagemutated.fire(parts);
}
