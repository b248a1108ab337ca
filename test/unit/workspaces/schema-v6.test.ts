/** Schema v6 (#15): the upgrade puts everything stored under v5 into the default workspace. */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { RapportDB } from '@/lib/db/db';
import { V5_STORES } from '../db/stores';

const fixture = JSON.parse(readFileSync('test/fixtures/db/v5-two-tenants.json', 'utf8')) as Record<string, Record<string, unknown>[]>;

describe('schema v6', () => {
  it('keeps every v5 row, puts every customer and account in the default workspace', async () => {
    const name = `schema-${crypto.randomUUID()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(V5_STORES);
    for (const table of ['customers', 'visits', 'notes', 'replies']) await v5.table(table).bulkAdd(fixture[table]!);
    v5.close();

    const v6 = new RapportDB(name);
    await v6.open();
    expect(v6.verno).toBeGreaterThanOrEqual(6);
    const customers = await v6.customers.orderBy('id').toArray();
    expect(customers).toEqual(fixture.customers!.map((c): Record<string, unknown> => ({ ...c, workspace: 'default' })).sort((a, b) => String(a.id).localeCompare(String(b.id))));
    expect(await v6.customers.where('workspace').equals('default').count()).toBe(3);
    expect(await v6.visits.count()).toBe(2);
    expect(await v6.notes.get('n-1')).toMatchObject({ text: 'Prefers email', pinned: true });
    expect(await v6.replies.count()).toBe(1);
    const accounts = await v6.accounts.orderBy('host').toArray();
    expect(accounts.map((a) => [a.host, a.helpdesk, a.workspace])).toEqual([
      ['acme.freshdesk.com', 'freshdesk', 'default'],
      ['other.zendesk.com', 'zendesk', 'default'],
      ['tenant-a.zendesk.com', 'zendesk', 'default'],
      ['tenant-b.zendesk.com', 'zendesk', 'default'],
    ]);
    await v6.delete();
  });
});
