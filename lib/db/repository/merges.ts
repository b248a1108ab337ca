/** Merging two records of one customer, and undoing it row for row. */
import type { Table } from 'dexie';
import { PROFILE_KEYS } from '../../memory/profile';
import { workspaceOf } from '../../workspaces/rule';
import type { Customer, Merge } from '../types';
import { MergeError, UnknownCustomerError, UnknownRowError } from './core';
import { FollowUpRepository } from './follow-ups';

/** Any table whose rows belong to a customer (for re-pointing rows on merge/undo). */
type OwnedTable = Table<{ id: string; customerId?: string }, string>;

export class MergeRepository extends FollowUpRepository {
  /**
   * Merges `mergedId` into `survivorId`: every row of the merged customer is re-pointed to the
   * survivor, and the Merge row lists exactly which rows moved so `undoMerge` can put them back.
   */
  async mergeCustomers(survivorId: string, mergedId: string): Promise<Merge> {
    if (survivorId === mergedId) throw new MergeError('A customer cannot be merged with itself.');
    const { customers, visits, notes, facts, followUps, replies, merges } = this.database;
    return this.database.transaction('rw', [customers, visits, notes, facts, followUps, replies, merges], async () => {
      const survivor = await customers.get(survivorId);
      const merged = await customers.get(mergedId);
      if (!survivor) throw new UnknownCustomerError(survivorId);
      if (!merged) throw new UnknownCustomerError(mergedId);
      if (survivor.mergedInto || merged.mergedInto) throw new MergeError('One of these customers was already merged. Undo that merge first.');
      if (workspaceOf(survivor) !== workspaceOf(merged)) throw new MergeError('These customers are in different workspaces; join the workspaces first (Options).');
      const now = this.clock.now();
      const moved: Merge['moved'] = { visits: [], notes: [], facts: [], followUps: [], replies: [] };
      for (const [name, table] of [
        ['visits', visits],
        ['notes', notes],
        ['facts', facts],
        ['followUps', followUps],
      ] as const) {
        const t = table as unknown as OwnedTable;
        const ids = (await t.where('customerId').equals(mergedId).primaryKeys()) as string[];
        moved[name] = ids;
        await t.where('id').anyOf(ids).modify({ customerId: survivorId });
      }
      const replyIds = (await replies.where('customerId').equals(mergedId).primaryKeys()) as string[];
      moved.replies = replyIds;
      await replies.where('id').anyOf(replyIds).modify({ customerId: survivorId });

      const profileFill: Partial<Customer> = {};
      for (const key of PROFILE_KEYS) {
        if (survivor[key] === undefined && merged[key] !== undefined) (profileFill as Record<string, unknown>)[key] = merged[key];
      }
      const next: Customer = {
        ...survivor,
        ...profileFill,
        name: survivor.name ?? merged.name,
        emails: [...new Set([...survivor.emails, ...merged.emails])],
        firstSeen: Math.min(survivor.firstSeen, merged.firstSeen),
        lastSeen: Math.max(survivor.lastSeen, merged.lastSeen),
        updatedAt: now,
        version: (survivor.version ?? 1) + 1,
      };
      await customers.put({ ...next });
      await customers.put({ ...merged, mergedInto: survivorId, updatedAt: now });
      const merge: Merge = { id: this.clock.uuid(), survivorId, mergedId, at: now, moved, survivorBefore: { ...survivor } };
      await merges.add({ ...merge });
      return merge;
    });
  }

  /**
   * Undoes a merge: the rows that moved go back, the merged customer stands on its own again and
   * the survivor gets its identity fields back. Rows added to the survivor since the merge stay.
   */
  async undoMerge(mergeId: string): Promise<Merge> {
    const { customers, visits, notes, facts, followUps, replies, merges } = this.database;
    return this.database.transaction('rw', [customers, visits, notes, facts, followUps, replies, merges], async () => {
      const merge = await merges.get(mergeId);
      if (!merge) throw new UnknownRowError('merge');
      if (merge.undoneAt) throw new MergeError('This merge was already undone.');
      const tables = { visits, notes, facts, followUps, replies } as const;
      for (const name of Object.keys(tables) as (keyof typeof tables)[]) {
        await (tables[name] as unknown as OwnedTable).where('id').anyOf(merge.moved[name]).modify({ customerId: merge.mergedId });
      }
      const now = this.clock.now();
      const survivor = await customers.get(merge.survivorId);
      if (survivor) {
        const before = merge.survivorBefore;
        const restored: Customer = { ...before, lastSeen: Math.max(before.lastSeen, survivor.lastSeen), updatedAt: now, version: (survivor.version ?? 1) + 1 };
        // Profile edits made after the merge are kept unless they came from the merged customer.
        for (const key of PROFILE_KEYS) {
          if (survivor[key] !== undefined && before[key] === undefined && JSON.stringify(survivor[key]) !== JSON.stringify((await customers.get(merge.mergedId))?.[key])) {
            (restored as unknown as Record<string, unknown>)[key] = survivor[key];
          }
        }
        await customers.put({ ...restored });
      }
      const merged = await customers.get(merge.mergedId);
      if (merged) {
        const { mergedInto: _gone, ...rest } = merged;
        await customers.put({ ...rest, updatedAt: now });
      }
      const done: Merge = { ...merge, undoneAt: now };
      await merges.put({ ...done });
      return done;
    });
  }

  async mergesOf(customerId: string): Promise<Merge[]> {
    const rows = await this.database.merges.where('survivorId').equals(customerId).toArray();
    return rows.filter((m) => !m.undoneAt).sort((a, b) => b.at - a.at);
  }
}
