import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { applyRetention, eraseCustomer, erasePreview, exportCsv, retentionPreview, safeCell, toCsv, CSV_TABLES } from '@/lib/exchange';
import { dana, freshDb, note, sam, seed, T0, visit } from './seed';

const MONTH = 31 * 86_400_000;

describe('retention', () => {
  it('is off by default (0 months deletes nothing) and previews what N months would delete', async () => {
    const database = freshDb();
    await seed(database);
    await database.notes.put(note({ id: 'old', createdAt: T0 - 14 * MONTH, updatedAt: T0 - 14 * MONTH }));
    await database.visits.put(visit({ id: 'zendesk:acme.zendesk.com:87', ticketId: '87', firstSeen: T0 - 20 * MONTH, lastSeen: T0 - 20 * MONTH }));
    expect(await retentionPreview(database, 0, T0)).toEqual({ visits: 0, notes: 0 });
    expect(await retentionPreview(database, 12, T0)).toEqual({ visits: 1, notes: 1 });
    expect(await database.notes.count()).toBe(3);
    expect(await applyRetention(database, 12, T0)).toEqual({ visits: 1, notes: 1 });
    expect(await database.notes.get('old')).toBeUndefined();
    expect(await database.notes.get('n-1')).toBeDefined();
    expect(await database.visits.count()).toBe(1);
  });
});

describe('erasing a customer', () => {
  it('removes them everywhere, including records merged into them and their merges; others stay', async () => {
    const database = freshDb();
    await seed(database);
    await database.customers.put(sam({ id: 'c-sam-old', mergedInto: 'c-sam', emails: ['sam@old.example'] }));
    await database.notes.put(note({ id: 'n-old', customerId: 'c-sam-old' }));
    await database.merges.put({
      id: 'm-1',
      survivorId: 'c-sam',
      mergedId: 'c-sam-old',
      at: T0,
      moved: { visits: [], notes: [], facts: [], followUps: [], replies: [] },
      survivorBefore: sam(),
    });
    await database.disputes.put({ id: 'd-1', kind: 'rule', rule: 'next-step', verdict: 'fail', why: 'x', evidence: [], at: T0, customerId: 'c-sam-old', draft: 'Hi Sam Rivera' });
    await database.disputes.put({ id: 'd-2', kind: 'cue', rule: 'vip', verdict: 'shown', why: 'VIP', evidence: [], at: T0, customerId: 'c-dana' });
    expect(await erasePreview(database, 'c-sam')).toEqual({ customers: 2, visits: 1, notes: 2, facts: 1, followUps: 1, replies: 1, merges: 1, disputes: 1 });
    await eraseCustomer(database, 'c-sam');
    for (const table of database.tables) {
      const rows = JSON.stringify(await table.toArray());
      expect(rows, table.name).not.toMatch(/c-sam|Sam Rivera|sam\.rivera/);
    }
    expect(await database.customers.get('c-dana')).toBeDefined();
    expect(await database.notes.get('n-2')).toBeDefined();
    expect(await database.disputes.get('d-2')).toBeDefined();
  });
});

describe('CSV', () => {
  it('neutralises formula injection and quotes hostile text', () => {
    expect(safeCell('=HYPERLINK("http://evil","click")')).toBe(`'=HYPERLINK("http://evil","click")`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(safeCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(safeCell('Sam Rivera')).toBe('Sam Rivera');
    // Spreadsheets trim leading whitespace before deciding a cell is a formula (issue #15).
    for (const padded of ['  =cmd|"/c calc"!A1', '\u00a0+1+1', '\n-2+3', ' \t@SUM(1)', '\u3000=1', '\uff1d1+1']) {
      expect(safeCell(padded)).toBe(`'${padded}`);
    }
    expect(safeCell('  plain text')).toBe('  plain text');
    const csv = toCsv([dana({ name: '=HYPERLINK("http://evil","x"), "quoted"\nnew line' })], CSV_TABLES.customers);
    const parsed = Papa.parse<string[]>(csv).data;
    expect(parsed[0]![1]).toBe('name');
    expect(parsed[1]![1]).toBe(`'=HYPERLINK("http://evil","x"), "quoted"\nnew line`);
    expect(csv.split('\r\n')[1]!.startsWith('"')).toBe(true);
  });

  it('exports a table as CSV with a header and one line per row', async () => {
    const database = freshDb();
    await seed(database);
    const text = await (await exportCsv(database, 'customers')).text();
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r[0] === 'c-dana')?.[1]).toBe(`Dana 'HYPERLINK("http://evil")`.replace(`Dana '`, 'Dana ='));
    const empty = await (await exportCsv(freshDb(), 'replies')).text();
    expect(empty).toMatch(/"id","ticket"/);
  });
});
