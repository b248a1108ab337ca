import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RapportDB } from '@/lib/db/db';
import { refuseWritesTo } from '../db/refuse-writes';
import { Repository } from '@/lib/db/repository';
import { STORAGE_FULL, createRequestHandler, describeError } from '@/lib/background/handle-request';
import type { TicketSnapshot } from '@/lib/helpdesks/types';

const EXT = 'rapport-extension-id';
const tabSender = { id: EXT, url: 'https://acme.zendesk.com/agent/tickets/101', tab: { id: 3 } };
const snapshot: TicketSnapshot = {
  helpdesk: 'zendesk',
  account: 'acme.zendesk.com',
  ticketId: '101',
  url: 'https://acme.zendesk.com/agent/tickets/101',
  requester: { name: 'Sam Rivera', email: 'sam@example.com' },
  messages: [{ role: 'customer', text: 'Hello', public: true, at: '2026-11-25T09:00:00.000Z' }],
};

let database: RapportDB;
let handle: ReturnType<typeof createRequestHandler>;

beforeEach(() => {
  database = new RapportDB(`handler-${crypto.randomUUID()}`);
  handle = createRequestHandler(new Repository(database), EXT, database, { now: () => Date.now(), uuid: () => crypto.randomUUID() });
});
afterEach(() => database.delete());

async function tableSizes() {
  return Promise.all(database.tables.map((t) => t.count()));
}

describe('request handler', () => {
  it('opens a ticket and saves a note that comes back on the next open', async () => {
    const opened = await handle({ type: 'ticket.open', snapshot }, tabSender);
    expect(opened.ok).toBe(true);
    const customerId = (opened as { data: { customer: { id: string } } }).data.customer.id;
    const added = await handle({ type: 'note.add', customerId, text: '  Prefers email  ' }, tabSender);
    expect(added).toMatchObject({ ok: true, data: { text: 'Prefers email' } });
    const again = await handle({ type: 'ticket.open', snapshot }, tabSender);
    expect(again).toMatchObject({ ok: true, data: { notes: [{ text: 'Prefers email' }] } });
  });

  it('rejects messages from anyone but this extension', async () => {
    const reply = await handle({ type: 'ticket.open', snapshot }, { ...tabSender, id: 'evil' });
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('did not come from Rapport') });
    expect((await tableSizes()).every((n) => n === 0)).toBe(true);
  });

  it('rejects a page reporting another account’s ticket', async () => {
    const reply = await handle({ type: 'ticket.open', snapshot }, { ...tabSender, url: 'https://evil.freshdesk.com/a/tickets/1' });
    expect(reply.ok).toBe(false);
    expect((await tableSizes()).every((n) => n === 0)).toBe(true);
  });

  it('answers content scripts only on built-in or configured helpdesk pages, http included (#13)', async () => {
    const freescout: TicketSnapshot = { ...snapshot, helpdesk: 'freescout', account: '127.0.0.1:8080', url: 'http://127.0.0.1:8080/conversation/1' };
    const sender = { ...tabSender, url: 'http://127.0.0.1:8080/conversation/1' };
    // Without configuration: refused, nothing written.
    expect(await handle({ type: 'ticket.open', snapshot: freescout }, sender)).toEqual({ ok: false, error: 'Rejected: Rapport answers only helpdesk pages.' });
    expect((await tableSizes()).every((n) => n === 0)).toBe(true);
    const configured = createRequestHandler(new Repository(database), EXT, database, { now: () => Date.now(), uuid: () => crypto.randomUUID() }, async (url) =>
      url.href.startsWith('http://127.0.0.1:8080/') ? 'freescout' : undefined,
    );
    expect((await configured({ type: 'ticket.open', snapshot: freescout }, sender)).ok).toBe(true);
    // The host check applies to http pages too: a configured page cannot report another host's tickets.
    const other = await configured({ type: 'ticket.open', snapshot: { ...freescout, account: 'acme.zendesk.com' } }, sender);
    expect(other).toEqual({ ok: false, error: 'Rejected: a page may only speak for its own helpdesk account.' });
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['unknown type', { type: 'db.drop' }],
    ['missing snapshot', { type: 'ticket.open' }],
    ['extra fields', { type: 'ticket.open', snapshot: { ...snapshot, evil: true } }],
    ['wrong helpdesk', { type: 'ticket.open', snapshot: { ...snapshot, helpdesk: 'gmail' } }],
    ['message text not a string', { type: 'ticket.open', snapshot: { ...snapshot, messages: [{ role: 'customer', text: 5, public: true }] } }],
    ['empty note', { type: 'note.add', customerId: 'x', text: '   ' }],
    ['huge note', { type: 'note.add', customerId: 'x', text: 'a'.repeat(5001) }],
    ['too many tags', { type: 'note.add', customerId: 'x', text: 'a', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
  ])('answers a malformed request (%s) with an error and changes nothing', async (_label, message) => {
    await handle({ type: 'ticket.open', snapshot }, tabSender);
    const before = await tableSizes();
    const reply = await handle(message, tabSender);
    expect(reply.ok).toBe(false);
    expect((reply as { error: string }).error).toMatch(/Malformed request/);
    expect(await tableSizes()).toEqual(before);
  });

  it('answers ticket.open before the visit is written, and tells a visit that could not be written on the next open', async () => {
    const visitWrites = refuseWritesTo(database, 'visits');
    const quiet = console.error;
    console.error = () => {};
    try {
      visitWrites.refusing = true;
      const first = await handle({ type: 'ticket.open', snapshot }, tabSender);
      // The sidebar is answered with what was read, memory panels included.
      expect(first).toMatchObject({ ok: true, data: { customer: { name: 'Sam Rivera' }, memory: { customer: { name: 'Sam Rivera' } } } });
      expect((first as { data: object }).data).not.toHaveProperty('storageProblem');
      await database.visits.count(); // waits for the refused write
      visitWrites.refusing = false;
      const second = await handle({ type: 'ticket.open', snapshot: { ...snapshot, ticketId: '102' } }, tabSender);
      expect(second).toMatchObject({ ok: true, data: { storageProblem: expect.stringMatching(/^Storage is full — tickets you open are not being recorded/) } });
      await database.visits.count();
      const third = await handle({ type: 'ticket.open', snapshot }, tabSender);
      expect((third as { data: object }).data).not.toHaveProperty('storageProblem');
      expect(await database.visits.count()).toBe(2);
    } finally {
      console.error = quiet;
    }
  });

  it('says plainly when a note is for a customer that does not exist', async () => {
    const reply = await handle({ type: 'note.add', customerId: 'ghost', text: 'hi' }, tabSender);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('No customer') });
  });

  it('turns a full disk into words the agent can act on', () => {
    expect(describeError(new Dexie.QuotaExceededError('full'))).toBe(STORAGE_FULL);
    expect(describeError(new Dexie.AbortError('x', new Dexie.QuotaExceededError('full')))).toBe(STORAGE_FULL);
    expect(describeError(new Error('boom'))).toMatch(/nothing was changed/);
  });
});
