import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RapportDB } from '@/lib/db/db';

// One test per schema version. A version that reshapes data stores rows of the previous shape with a
// bare Dexie declared at that version, reopens with RapportDB and checks that nothing was lost.
const V1_STORES = {
  customers: 'id, [helpdesk+account+externalId], *emails, [helpdesk+account+name], lastSeen',
  visits: 'id, customerId, [customerId+lastSeen], lastSeen',
  notes: 'id, customerId, [customerId+createdAt], ticketKey, updatedAt, *tags',
};

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
    expect(v2.verno).toBe(2);
    expect(await v2.customers.get('c1')).toEqual({ ...customer, version: 1 });
    expect(await v2.visits.get(visit.id)).toEqual({ ...visit, source: 'visit' });
    expect(await v2.notes.get('n1')).toEqual({ ...note, pinned: false, edits: [], version: 1 });
    expect(await v2.customers.where('emails').equals('sam@example.com').count()).toBe(1);
    for (const table of ['facts', 'followUps', 'merges', 'replies', 'apiFetches']) expect(await v2.table(table).count()).toBe(0);
    expect(indexes(v2, 'followUps')).toEqual(['[customerId+status]', '[status+dueAt]', 'customerId']);
    await v2.delete();
  });
});
