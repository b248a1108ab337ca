/**
 * Hostile bundles (issue #15): each is refused with the reason and the database stays exactly as it
 * was. They are signed (the checksum matches): a checksum proves the file is intact, not that it is
 * sane.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyImport, BundleError, databaseDigest, dataChecksum, eraseReplies, eraseRepliesPreview, planImport, readBundle, type Bundle } from '@/lib/exchange';
import { canonicalJson } from '@/lib/exchange/canonical';
import type { RapportDB } from '@/lib/db/db';
import { dana, freshDb, note, reply, sam, T0, visit } from './seed';

let database: RapportDB;
beforeEach(async () => {
  database = freshDb();
  await database.customers.bulkPut([sam()]);
  await database.notes.put(note({ id: 'n-local' }));
});
afterEach(() => database.delete());

const NOW = T0 + 7 * 86_400_000;
const empty = () => ({ customers: [], visits: [], notes: [], facts: [], followUps: [], replies: [] }) as unknown as Bundle['data'];

/** A signed bundle text of `data` (raw JSON, so keys like __proto__ survive as written). */
async function signed(data: Record<string, unknown[]>, rawReplace?: [string, string]): Promise<string> {
  const full = { ...empty(), ...data } as Bundle['data'];
  let text = JSON.stringify({ format: 'rapport-bundle', schemaVersion: 1, exportedAt: T0, agent: 'Mallory', counts: {}, checksum: '', data: full });
  if (rawReplace) text = text.replace(rawReplace[0], rawReplace[1]);
  const parsed = JSON.parse(text) as Bundle;
  const counts = Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, v.length]));
  const checksum = await dataChecksum(parsed.data);
  return text.replace('"counts":{}', `"counts":${canonicalJson(counts)}`).replace('"checksum":""', `"checksum":"${checksum}"`);
}

async function refused(text: string): Promise<string> {
  const before = await databaseDigest(database);
  let message = '';
  try {
    const bundle = await readBundle(text, { now: NOW });
    await planImport(database, bundle);
    await applyImport(database, bundle);
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    message = (e as Error).message;
  }
  expect(await databaseDigest(database)).toBe(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return message;
}

describe('hostile bundles are refused with the reason, the database unchanged', () => {
  it('a reply dated in the year 275760', async () => {
    expect(await refused(await signed({ customers: [dana()], replies: [reply({ customerId: 'c-dana', sentAt: 8.64e15 })] }))).toMatch(
      /data\.replies\[0\]\.sentAt: the date .* is more than a year from now/,
    );
  });

  it('a reply marked checked in part with anything but true', async () => {
    const text = await signed({ customers: [dana()], replies: [reply({ customerId: 'c-dana' })] }, ['"readiness":', '"partlyChecked":"yes","readiness":']);
    expect(await refused(text)).toMatch(/data\.replies\[0\]\.partlyChecked/);
    // As Rapport writes it, it is read.
    const good = await readBundle(await signed({ customers: [dana()], replies: [reply({ customerId: 'c-dana', partlyChecked: true })] }), { now: NOW });
    expect(good.data.replies[0]).toMatchObject({ partlyChecked: true });
  });

  it('a date before 2000', async () => {
    expect(await refused(await signed({ customers: [dana({ firstSeen: 5 })] }))).toMatch(/data\.customers\[0\]\.firstSeen: the date 1970-01-01 is before 2000/);
  });

  it('__proto__ in a reply’s rule states, and anywhere else', async () => {
    const states = await signed({ customers: [dana()], replies: [reply({ customerId: 'c-dana' })] }, ['"states":{', '"states":{"__proto__":{"polluted":"pass"},']);
    expect(await refused(states)).toMatch(/data\.replies\[0\]\.states\.__proto__: this key is not allowed/);
    const deep = await signed({ customers: [dana()] }, ['"emails":[', '"preferences":{"constructor":{"prototype":{}}},"emails":[']);
    expect(await refused(deep)).toMatch(/data\.customers\[0\]\.preferences\.constructor: this key is not allowed/);
  });

  it('a rule state for a rule Rapport does not know', async () => {
    expect(await refused(await signed({ customers: [dana()], replies: [reply({ customerId: 'c-dana', states: { 'steal-data': 'pass' } })] }))).toMatch(
      /data\.replies\[0\]\.states\.steal-data: not a rule Rapport knows/,
    );
  });

  it('duplicate ids inside one bundle', async () => {
    expect(await refused(await signed({ customers: [dana()], notes: [note({ id: 'n-9', customerId: 'c-dana' }), note({ id: 'n-9', customerId: 'c-dana', text: 'other' })] }))).toMatch(
      /data\.notes\[1\]\.id: the same id as data\.notes\[0\]/,
    );
  });

  it('a note for a customer that exists nowhere', async () => {
    expect(await refused(await signed({ notes: [note({ id: 'n-ghost', customerId: 'c-ghost' })] }))).toMatch(
      /data\.notes\[0\]\.customerId: no customer "c-ghost" in the bundle or on this device/,
    );
  });

  it('a customer merged into itself', async () => {
    expect(await refused(await signed({ customers: [dana({ mergedInto: 'c-dana' })] }))).toMatch(/data\.customers\[0\]\.mergedInto: a customer cannot be merged into itself/);
  });

  it('a visit on an arbitrary host', async () => {
    const evil = visit({ id: 'zendesk:evil.example.com:1', account: 'evil.example.com', ticketId: '1', customerId: 'c-sam' });
    expect(await refused(await signed({ visits: [evil] }))).toMatch(/data\.visits\[0\]\.account: "evil\.example\.com" is not a helpdesk account/);
    const crossed = visit({ id: 'freshdesk:acme.zendesk.com:1', helpdesk: 'freshdesk', ticketId: '1', customerId: 'c-sam' });
    expect(await refused(await signed({ visits: [crossed] }))).toMatch(/is not a freshdesk account/);
  });

  it('a self-hosted helpdesk on a host no web address has, or on another product’s domain', async () => {
    for (const [account, why] of [
      ['help.acme.com/conversation', /is not the host of a web address/],
      ['help acme.com', /is not the host of a web address/],
      ['user@help.acme.com', /is not the host of a web address/],
      ['acme.zendesk.com', /is not a freescout account/],
    ] as const) {
      const row = visit({ id: `freescout:${account}:1`, helpdesk: 'freescout', account, ticketId: '1', customerId: 'c-sam' });
      expect(await refused(await signed({ visits: [row] })), account).toMatch(why);
    }
  });

  // Before, every FreeScout account was "not a helpdesk account Rapport works with": a team on
  // FreeScout could not merge a single bundle.
  it('a FreeScout or configured helpdesk’s account on its own host imports, port and all', async () => {
    const customers = [dana({ helpdesk: 'freescout', account: 'help.acme.com', externalId: '12' }), sam({ id: 'c-lan', helpdesk: 'custom', account: '10.0.0.7:8080', externalId: undefined })];
    const visits = [
      visit({ id: 'freescout:help.acme.com:7', helpdesk: 'freescout', account: 'help.acme.com', ticketId: '7', customerId: 'c-dana' }),
      visit({ id: 'freescout:127.0.0.1:8080:8', helpdesk: 'freescout', account: '127.0.0.1:8080', ticketId: '8', customerId: 'c-dana' }),
      visit({ id: 'custom:10.0.0.7:8080:9', helpdesk: 'custom', account: '10.0.0.7:8080', ticketId: '9', customerId: 'c-lan' }),
    ];
    const plan = await applyImport(database, await readBundle(await signed({ customers, visits }), { now: NOW }));
    expect(plan.tables.visits.added).toBe(3);
    expect(await database.accounts.get('help.acme.com')).toMatchObject({ helpdesk: 'freescout' });
  });

  it('a sane bundle still imports, into the workspace of its account', async () => {
    const bundle = await readBundle(await signed({ customers: [dana({ account: 'other.zendesk.com' })], notes: [note({ id: 'n-d', customerId: 'c-dana', ticket: undefined, ticketKey: undefined })] }), { now: NOW });
    const plan = await applyImport(database, bundle);
    expect(plan.tables.customers.added).toBe(1);
    // acme.zendesk.com is not recorded yet on this device, so other.zendesk.com is its first Zendesk.
    expect((await database.customers.get('c-dana'))?.workspace).toBe('default');
    expect(await database.accounts.get('other.zendesk.com')).toMatchObject({ workspace: 'default', helpdesk: 'zendesk' });
  });
});

describe('erasing reply records', () => {
  it('by date range and by agent, taking them out of the weekly sums', async () => {
    const DAY = 86_400_000;
    const rows = [reply({ id: 'r1', sentAt: T0 - 10 * DAY }), reply({ id: 'r2', sentAt: T0 - DAY, agent: 'Priya' }), reply({ id: 'r3', sentAt: T0 - DAY })];
    const bundle = await readBundle(await signed({ replies: rows }), { now: NOW });
    await applyImport(database, bundle);
    const weeks = async () => (await database.replyWeeks.toArray()).reduce((n, w) => n + w.replies, 0);
    expect(await weeks()).toBe(3);
    expect(await eraseRepliesPreview(database, { from: T0 - 2 * DAY, to: T0 })).toBe(2);
    expect(await eraseReplies(database, { from: T0 - 2 * DAY, to: T0, agent: 'Priya' })).toBe(1);
    expect((await database.replies.toArray()).map((r) => r.id).sort()).toEqual(['r1', 'r3']);
    expect(await weeks()).toBe(2);
  });
});
