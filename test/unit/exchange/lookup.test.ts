import { describe, expect, it } from 'vitest';
import type { Table } from 'dexie';
import type { TicketVisit } from '@/lib/db/types';
import { getByIds } from '@/lib/exchange/import';
import { freshDb, visit } from './seed';

describe('getByIds (the import preview looks rows up by id ranges)', () => {
  it('answers each id its row, or undefined, in the order asked, also when local ids interleave densely', async () => {
    const database = freshDb();
    const table = database.visits as unknown as Table<TicketVisit, string>;
    // Local rows v-0000 … v-9999; the bundle asks for every 50th plus ids that are not here.
    await table.bulkPut(Array.from({ length: 10_000 }, (_, i) => visit({ id: `v-${String(i).padStart(4, '0')}`, ticketId: String(i) })));
    const ids = ['x-missing', ...Array.from({ length: 200 }, (_, i) => `v-${String(9999 - i * 50).padStart(4, '0')}`), 'a-missing', 'v-0050'];
    const rows = await getByIds(table, ids);
    expect(rows).toHaveLength(ids.length);
    expect(rows[0]).toBeUndefined();
    expect(rows[201]).toBeUndefined();
    ids.forEach((id, i) => {
      if (id.startsWith('v-')) expect(rows[i]?.id).toBe(id);
    });
    expect(await getByIds(table, [])).toEqual([]);
  });
});
