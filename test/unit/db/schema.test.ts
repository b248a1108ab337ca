import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RapportDB } from '@/lib/db/db';
import { V1_STORES, V2_STORES, V3_STORES, V5_STORES, V8_STORES } from './stores';

// One test per schema version. A version that reshapes data stores rows of the previous shape with a
// bare Dexie declared at that version (test/unit/db/stores.ts), reopens with RapportDB and checks
// that nothing was lost.

const indexes = (database: Dexie, name: string) => database.table(name).schema.indexes.map((i) => i.name).sort();

describe('schema', () => {
  it('v1 creates customers, visits and notes with their indexes', async () => {
    const name = `schema-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    expect(indexes(v1, 'customers')).toEqual(['[helpdesk+account+externalId]', '[helpdesk+account+name]', 'emails', 'lastSeen']);
    expect(indexes(v1, 'visits')).toEqual(['[customerId+lastSeen]', 'customerId', 'lastSeen']);
    expect(indexes(v1, 'notes')).toEqual(['[customerId+createdAt]', 'customerId', 'tags', 'ticketKey', 'updatedAt']);
    await v1.delete();
  });

  it('v2 upgrades v1 data in place: every row kept, new fields defaulted, new tables empty', async () => {
    const name = `schema-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const customer = { id: 'c1', helpdesk: 'zendesk', account: 'a.zendesk.com', externalId: '9', name: 'Sam', emails: ['sam@example.com'], firstSeen: 1, lastSeen: 2, updatedAt: 2 };
    const visit = { id: 'zendesk:a.zendesk.com:1', helpdesk: 'zendesk', account: 'a.zendesk.com', ticketId: '1', subject: 'Hi', customerId: 'c1', firstSeen: 1, lastSeen: 2 };
    const note = { id: 'n1', customerId: 'c1', text: 'Prefers email', tags: ['pref'], createdAt: 1, updatedAt: 1 };
    await v1.table('customers').add(customer);
    await v1.table('visits').add(visit);
    await v1.table('notes').add(note);
    v1.close();

    const v2 = new RapportDB(name);
    await v2.open();
    // Opening with RapportDB runs every later version too (v3 only adds an index).
    expect(v2.verno).toBeGreaterThanOrEqual(2);
    expect(await v2.customers.get('c1')).toEqual({ ...customer, version: 1, workspace: 'default' });
    expect(await v2.visits.get(visit.id)).toEqual({ ...visit, source: 'visit' });
    expect(await v2.notes.get('n1')).toEqual({ ...note, pinned: false, edits: [], version: 1 });
    expect(await v2.customers.where('emails').equals('sam@example.com').count()).toBe(1);
    for (const table of ['facts', 'followUps', 'merges', 'replies', 'apiFetches']) expect(await v2.table(table).count()).toBe(0);
    expect(indexes(v2, 'followUps')).toEqual(['[customerId+status]', '[status+dueAt]', 'customerId']);
    await v2.delete();
  });

  it('v3 adds visits [customerId+firstSeen] over v2 data: every row kept and found through it', async () => {
    const name = `schema-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(V2_STORES);
    const visit = (id: string, customerId: string, firstSeen: number) => ({
      id,
      helpdesk: 'zendesk',
      account: 'a.zendesk.com',
      ticketId: id,
      customerId,
      firstSeen,
      lastSeen: firstSeen + 5,
      source: 'visit',
    });
    const rows = [visit('1', 'c1', 30), visit('2', 'c1', 10), visit('3', 'c2', 5), visit('4', 'c1', 20)];
    await v2.table('visits').bulkAdd(rows);
    await v2.table('customers').add({ id: 'c1', helpdesk: 'zendesk', account: 'a.zendesk.com', emails: [], firstSeen: 1, lastSeen: 2, updatedAt: 2, version: 1 });
    v2.close();

    const v3 = new RapportDB(name);
    await v3.open();
    expect(v3.verno).toBeGreaterThanOrEqual(3);
    expect(indexes(v3, 'visits')).toEqual(expect.arrayContaining(['[customerId+firstSeen]', '[customerId+lastSeen]', 'customerId', 'lastSeen']));
    expect(await v3.visits.toArray()).toEqual(rows.sort((a, b) => a.id.localeCompare(b.id)));
    expect(await v3.customers.count()).toBe(1);
    const byFirstSeen = await v3.visits.where('[customerId+firstSeen]').between(['c1', -Infinity], ['c1', Infinity]).toArray();
    expect(byFirstSeen.map((v) => v.id)).toEqual(['2', '4', '1']);
    await v3.delete();
  });

  it('v4 indexes the pinned notes of v3 data: every note kept as it was, the pinned ones found through the index', async () => {
    const name = `schema-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(V3_STORES);
    const note = (id: string, customerId: string, createdAt: number, pinned: boolean) => ({
      id,
      customerId,
      text: `Note ${id}`,
      tags: [],
      createdAt,
      updatedAt: createdAt + 1,
      pinned,
      edits: [{ text: 'before', at: createdAt }],
      version: 2,
    });
    const rows = [note('a', 'c1', 10, true), note('b', 'c1', 30, false), note('c', 'c1', 20, true), note('d', 'c2', 40, true), note('e', 'c1', 50, false)];
    await v3.table('notes').bulkAdd(rows);
    v3.close();

    const v4 = new RapportDB(name);
    await v4.open();
    expect(v4.verno).toBeGreaterThanOrEqual(4);
    expect(indexes(v4, 'notes')).toContain('[customerId+pinnedCreatedAt]');
    // Read back exactly as stored before: the index field is not part of what callers see.
    expect(await v4.notes.toArray()).toEqual(rows);
    const pinned = await v4.notes.where('[customerId+pinnedCreatedAt]').between(['c1', -Infinity], ['c1', Infinity]).toArray();
    expect(pinned.map((n) => n.id)).toEqual(['a', 'c']);
    v4.close();

    // On disk the pinned notes carry the field (their createdAt), the others don't.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stored = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const req = raw.transaction('notes').objectStore('notes').getAll();
      req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
      req.onerror = () => reject(req.error);
    });
    raw.close();
    expect(Object.fromEntries(stored.map((n) => [n.id, n.pinnedCreatedAt]))).toEqual({ a: 10, b: undefined, c: 20, d: 40, e: undefined });
    await new RapportDB(name).delete();
  });

  it('v7 adds the disputes table over v5 data: every row kept, disputes empty and indexed by rule, time and customer', async () => {
    const name = `schema-${crypto.randomUUID()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(V5_STORES);
    const customer = { id: 'c1', helpdesk: 'zendesk', account: 'a.zendesk.com', name: 'Dana', emails: [], firstSeen: 1, lastSeen: 2, updatedAt: 2, version: 1 };
    const reply = { id: 'r1', helpdesk: 'zendesk', account: 'a.zendesk.com', ticketId: '1', sentAt: 5, states: { 'next-step': 'fail' }, readiness: 0.5, packId: 'default', packVersion: 1 };
    const week = { id: '0|', week: 0, agent: '', replies: 1, readinessSum: 0.5, buckets: [0, 0, 0, 0, 0, 0, 0, 0], rules: { 'next-step': [0, 1] } };
    await v5.table('customers').add(customer);
    await v5.table('replies').add(reply);
    await v5.table('replyWeeks').add(week);
    v5.close();

    const v7 = new RapportDB(name);
    await v7.open();
    expect(v7.verno).toBeGreaterThanOrEqual(7);
    expect(await v7.customers.get('c1')).toEqual({ ...customer, workspace: 'default' }); // v6 put every customer in the default workspace
    expect(await v7.replies.get('r1')).toEqual(reply);
    expect(await v7.replyWeeks.toArray()).toEqual([week]);
    expect(await v7.disputes.count()).toBe(0);
    expect(indexes(v7, 'disputes')).toEqual(['at', 'customerId', 'rule']);
    await v7.disputes.add({ id: 'd1', kind: 'rule', rule: 'next-step', verdict: 'fail', why: 'No next step', evidence: [], at: 9, customerId: 'c1' });
    expect(await v7.disputes.where('rule').equals('next-step').count()).toBe(1);
    await v7.delete();
  });

  it('v9 indexes the tickets an agent opened over v8 data: every visit kept as it was, counted by who opened them', async () => {
    const name = `schema-${crypto.randomUUID()}`;
    const v8 = new Dexie(name);
    v8.version(8).stores(V8_STORES);
    const visit = (id: string, firstSeen: number, startedBy?: 'agent' | 'customer') => ({
      id,
      helpdesk: 'freescout',
      account: 'help.example.com',
      ticketId: id,
      customerId: 'c1',
      firstSeen,
      lastSeen: firstSeen + 5,
      source: 'visit',
      ...(startedBy ? { startedBy } : {}),
    });
    // Rows of v8 never had `startedBy`; one written by this release before its upgrade ran might.
    const rows = [visit('1', 10), visit('2', 20, 'agent'), visit('3', 30, 'customer'), visit('4', 40)];
    await v8.table('visits').bulkAdd(rows);
    v8.close();

    const v9 = new RapportDB(name);
    await v9.open();
    expect(v9.verno).toBeGreaterThanOrEqual(9);
    expect(indexes(v9, 'visits')).toContain('[customerId+startedBy+firstSeen]');
    expect(await v9.visits.toArray()).toEqual(rows);
    const opened = await v9.visits.where('[customerId+startedBy+firstSeen]').between(['c1', 'agent', 15], ['c1', 'agent', Infinity]).toArray();
    expect(opened.map((v) => v.id)).toEqual(['2']);
    await v9.delete();
  });
});
