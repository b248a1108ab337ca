/**
 * What every part of the repository shares: the database, the clock, the errors callers catch, and
 * the helpers for idempotent creates and row updates. The parts (one per aggregate) build on it in
 * one chain; lib/db/repository/index.ts composes them into the one `Repository` callers use.
 */
import type { Collection, EntityTable, Table } from 'dexie';
import type { RapportDB } from '../db';
import type { Clock, Customer } from '../types';

export type { Clock };

export const systemClock: Clock = {
  now: () => Date.now(),
  uuid: () => crypto.randomUUID(),
};

export const normaliseEmail = (email: string | undefined) => {
  const e = email?.trim().toLowerCase();
  return e && /^[^\s@]+@[^\s@]+$/.test(e) ? e : undefined;
};

export const normaliseName = (name: string | undefined) => name?.replace(/\s+/g, ' ').trim() || undefined;


/**
 * Notes sent with `ticket.open`: the newest page only, so opening a ticket costs the same for a
 * customer with 3 notes or 3,000; the sidebar asks for the rest (`notes.list`) on "Show all".
 */
export const NOTES_PAGE = 20;

/**
 * Counts the sidebar shows ("Seen 12 times", "Show all 40 notes") stop at COUNT_CAP: IndexedDB
 * counts by walking the index (~5 µs an entry here), so an exact count cost a 1,000-ticket customer
 * ~4 ms on every open; "100+" tells the agent as much.
 */
export const COUNT_CAP = 100;

/** How many entries `collection` has, reading at most `cap + 1` keys; `capped` when there are more. */
export async function countUpTo(collection: Collection, cap: number): Promise<{ count: number; capped: boolean }> {
  const keys = await collection.limit(cap + 1).primaryKeys();
  return keys.length > cap ? { count: cap, capped: true } : { count: keys.length, capped: false };
}

export type SaveResult<T, M> = { ok: true; value: T } | { ok: false; conflict: { theirs: T; mine: M } };

export const cleanTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

export class RepositoryCore {
  constructor(
    protected readonly database: RapportDB,
    protected readonly clock: Clock = systemClock,
  ) {}

  /** A merged-away record stands for the customer it was merged into. */
  protected async survivorOf(found: Customer | undefined): Promise<Customer | undefined> {
    let c = found;
    for (let hop = 0; c?.mergedInto && hop < 10; hop++) {
      const next = await this.database.customers.get(c.mergedInto);
      if (!next) break;
      c = next;
    }
    return c;
  }

  async customer(customerId: string): Promise<Customer> {
    const c = await this.survivorOf(await this.database.customers.get(customerId));
    if (!c) throw new UnknownCustomerError(customerId);
    return c;
  }

  /** Runs reads in one read-only transaction over the memory tables. */
  readOnly<T>(work: () => Promise<T>): Promise<T> {
    return this.database.transaction('r', this.readableTables(), work);
  }

  protected readableTables() {
    const d = this.database;
    return [d.customers, d.visits, d.notes, d.facts, d.followUps, d.merges, d.apiFetches];
  }

  /**
   * The row a retried create already stored under its client-chosen id, if any. An id taken by a
   * different row (another customer, another text) is refused rather than overwritten.
   */
  protected async retried<T extends { id: string; customerId: string; text: string }>(
    table: EntityTable<T, 'id'>,
    input: { id?: string; customerId: string; text: string },
  ): Promise<T | undefined> {
    if (!input.id) return undefined;
    const stored = await (table as unknown as Table<T, string>).get(input.id);
    if (!stored) return undefined;
    if (stored.customerId === input.customerId && stored.text === input.text) return stored;
    throw new MergeError('That save conflicts with another one. Reload the ticket and try again.');
  }

  protected async updateRow<T extends { id: string }>(table: EntityTable<T, 'id'>, id: string, change: (row: T) => T): Promise<T> {
    return this.database.transaction('rw', table, async () => {
      const row = await (table as unknown as Table<T, string>).get(id);
      if (!row) throw new UnknownRowError(table.name);
      const next = change(row);
      await table.put({ ...next });
      return next;
    });
  }
}

export class UnknownRowError extends Error {
  override name = 'UnknownRowError';
  constructor(what: string) {
    super(`That ${what} no longer exists; it may have been removed in another tab. Reload the ticket.`);
  }
}

export class MergeError extends Error {
  override name = 'MergeError';
}

export class UnknownCustomerError extends Error {
  constructor(customerId: string) {
    super(`No customer with id ${customerId}; reload the ticket and try again.`);
    this.name = 'UnknownCustomerError';
  }
}
