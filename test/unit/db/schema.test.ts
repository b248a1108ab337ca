import { describe, expect, it } from 'vitest';
import { RapportDB } from '@/lib/db/db';

// One test per schema version. A version that reshapes data adds a test that stores rows of the
// previous shape with a bare Dexie at that version, reopens with RapportDB and checks the rows.
describe('schema', () => {
  it('v1 creates customers, visits and notes with their indexes', async () => {
    const database = new RapportDB(`schema-${crypto.randomUUID()}`);
    await database.open();
    expect(database.verno).toBe(1);
    const indexes = (name: string) => database.table(name).schema.indexes.map((i) => i.name).sort();
    expect(indexes('customers')).toEqual(['[helpdesk+account+externalId]', '[helpdesk+account+name]', 'emails', 'lastSeen']);
    expect(indexes('visits')).toEqual(['[customerId+lastSeen]', 'customerId', 'lastSeen']);
    expect(indexes('notes')).toEqual(['[customerId+createdAt]', 'customerId', 'tags', 'ticketKey', 'updatedAt']);
    await database.delete();
  });
});
