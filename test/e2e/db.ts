/**
 * The extension's database (IndexedDB "rapport") as an end-to-end test sees it: opened inside the
 * extension's own origin, its service worker or one of its pages, the only origin that can open it.
 *
 * A function given to `evaluate` is sent to the browser as source text and cannot call anything in
 * this file, so one self-contained function (`inDatabase`) does every access, told by its argument
 * which tables and what to do; the helpers below shape its answer.
 */
import type { Worker } from 'playwright-core';

/** Where the database can be opened: the extension's service worker or one of its pages. */
export type ExtensionRealm = Pick<Worker, 'evaluate'>;

/** What `inDatabase` does: `action` on each of `tables`. */
interface Access {
  tables: string[];
  action: 'getAll' | 'count' | 'clear';
}

/** `inDatabase` run in `realm`. */
const inRealm = (realm: ExtensionRealm, access: Access) => realm.evaluate(inDatabase, access);

/** Every row of each of `tables`, read in one transaction. */
export function readTables<T extends Record<string, unknown[]>>(realm: ExtensionRealm, ...tables: (keyof T & string)[]): Promise<T> {
  return inRealm(realm, { tables, action: 'getAll' }) as Promise<T>;
}

/** Every row of `table`. */
export async function readTable<T>(realm: ExtensionRealm, table: string): Promise<T[]> {
  const rows = await readTables<Record<string, T[]>>(realm, table);
  return rows[table] ?? [];
}

/** How many rows each of `tables` holds, counted in one transaction. */
export function countRows<K extends string>(realm: ExtensionRealm, ...tables: K[]): Promise<Record<K, number>> {
  return inRealm(realm, { tables, action: 'count' }) as Promise<Record<K, number>>;
}

/** Deletes every row of `table`. */
export async function clearTable(realm: ExtensionRealm, table: string): Promise<void> {
  await inRealm(realm, { tables: [table], action: 'clear' });
}

/**
 * In the browser: opens the database, does `action` on each of `tables` in one transaction and
 * answers each table's result by its name once the transaction is complete; closes it either way.
 */
function inDatabase({ tables, action }: Access): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('rapport');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const fail = (error: unknown) => {
        db.close();
        reject(error);
      };
      try {
        const tx = db.transaction(tables, action === 'clear' ? 'readwrite' : 'readonly');
        const asked = tables.map((table) => [table, tx.objectStore(table)[action]()] as const);
        tx.oncomplete = () => {
          db.close();
          resolve(Object.fromEntries(asked.map(([table, request]) => [table, request.result])));
        };
        tx.onerror = () => fail(tx.error);
        tx.onabort = () => fail(tx.error);
      } catch (error) {
        fail(error);
      }
    };
  });
}
