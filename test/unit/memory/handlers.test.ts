import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportDB } from '@/lib/db/db';
import { Repository } from '@/lib/db/repository';
import { createRequestHandler } from '@/lib/background/handle-request';
import type { TicketSnapshot } from '@/lib/helpdesks/types';

const EXT = 'rapport-extension-id';
const tab = { id: EXT, url: 'https://acme.zendesk.com/agent/tickets/101', tab: { id: 3 } };
const snapshot: TicketSnapshot = {
  helpdesk: 'zendesk',
  account: 'acme.zendesk.com',
  ticketId: '101',
  url: 'https://acme.zendesk.com/agent/tickets/101',
  requester: { name: 'Sam Rivera', email: 'sam@example.com', externalId: '9' },
  messages: [],
};
const ticket = { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '101' };

let database: RapportDB;
let handle: ReturnType<typeof createRequestHandler>;
let customerId: string;

beforeEach(async () => {
  database = new RapportDB(`mem-handler-${crypto.randomUUID()}`);
  handle = createRequestHandler(new Repository(database), EXT, database, { now: () => Date.now(), uuid: () => crypto.randomUUID() });
  const opened = (await handle({ type: 'ticket.open', snapshot }, tab)) as { ok: true; data: { customer: { id: string } } };
  customerId = opened.data.customer.id;
});
afterEach(() => database.delete());

describe('memory requests', () => {
  it('answers the memory context with cues', async () => {
    // The helpdesk knows this customer by id: "first ticket" waits for its history (issue #12).
    const before = (await handle({ type: 'memory.context', customerId, ticket }, tab)) as { ok: true; data: { cues: { id: string }[] } };
    expect(before.data.cues.map((c) => c.id)).not.toContain('first-contact');
    const history = { type: 'memory.history.record', customerId, helpdesk: 'zendesk', account: 'acme.zendesk.com', externalId: '9', ok: true, tickets: [] } as const;
    expect(await handle(history, tab)).toMatchObject({ ok: true });
    const reply = await handle({ type: 'memory.context', customerId, ticket }, tab);
    expect(reply).toMatchObject({ ok: true, data: { customer: { id: customerId }, cues: [{ id: 'first-contact' }] } });
  });

  it('rejects an unknown time zone and changes nothing', async () => {
    const reply = await handle({ type: 'memory.profile.save', customerId, version: 1, profile: { timeZone: 'Mars/Olympus' } }, tab);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/Time zone: use a name like/) });
    expect((await database.customers.get(customerId))?.version).toBe(1);
  });

  it('says how long a fact may be', async () => {
    const reply = await handle({ type: 'memory.fact.add', customerId, text: 'x'.repeat(1001) }, tab);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/at most 1000 characters/) });
    expect(await database.facts.count()).toBe(0);
  });

  it('a stale profile save comes back as a conflict with both versions', async () => {
    await handle({ type: 'memory.profile.save', customerId, version: 1, profile: { preferredName: 'Sam' } }, tab);
    const reply = await handle({ type: 'memory.profile.save', customerId, version: 1, profile: { preferredName: 'Sammy' } }, tab);
    expect(reply).toMatchObject({ ok: true, data: { saved: false, theirs: { preferredName: 'Sam' }, mine: { preferredName: 'Sammy' } } });
    const both = await handle({ type: 'memory.profile.save', customerId, version: 2, profile: { preferredName: 'Sammy' }, keepBoth: true }, tab);
    expect(both).toMatchObject({ ok: true, data: { saved: true, value: { preferredName: 'Sam / Sammy' } } });
  });

  it('a page cannot record API history for another helpdesk account', async () => {
    const reply = await handle(
      { type: 'memory.history.record', customerId, helpdesk: 'zendesk', account: 'evil.zendesk.com', externalId: '9', ok: true, tickets: [] },
      tab,
    );
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Rejected: a page may only/) });
  });

  it('a missing note is a plain message', async () => {
    const reply = await handle({ type: 'memory.note.pin', noteId: 'nope', pinned: true }, tab);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/no longer exists/) });
  });

  it('suggests follow-ups in the given time zone', async () => {
    const reply = await handle({ type: 'memory.followup.suggest', text: "I'll get back to you within 2 hours.", timeZone: 'Europe/Oslo' }, tab);
    expect(reply).toMatchObject({ ok: true, data: [{ phrase: 'within 2 hours' }] });
  });

  // FreeScout opens the next conversation the moment a reply is sent: the suggestion waits for that page.
  it('keeps a sent reply’s suggestions for the next page of the same helpdesk, until added or dismissed', async () => {
    const from = { customerId, customerName: 'Sam Rivera', ticket };
    const sent = (await handle({ type: 'memory.followup.suggest', text: "I'll get back to you by Friday.", timeZone: 'Europe/Oslo', from }, tab)) as { ok: true; data: { id: string }[] };
    expect(sent.data).toEqual([expect.objectContaining({ phrase: expect.stringMatching(/Friday/), id: expect.any(String), from })]);
    const nextPage = { ...tab, url: 'https://acme.zendesk.com/agent/tickets/102' };
    expect(await handle({ type: 'memory.followup.pending' }, nextPage)).toMatchObject({ ok: true, data: [{ phrase: expect.stringMatching(/Friday/), from: { ticket: { ticketId: '101' } } }] });
    // Another helpdesk's page sees nothing of it, and cannot settle it.
    const other = { ...tab, url: 'https://other.zendesk.com/agent/tickets/1' };
    expect(await handle({ type: 'memory.followup.pending' }, other)).toEqual({ ok: true, data: [] });
    expect(await handle({ type: 'memory.followup.settle', ids: [sent.data[0]!.id] }, other)).toEqual({ ok: true, data: { settled: 0 } });
    // Added (or dismissed) on the next page: gone for every page.
    expect(await handle({ type: 'memory.followup.settle', ids: [sent.data[0]!.id] }, nextPage)).toEqual({ ok: true, data: { settled: 1 } });
    expect(await handle({ type: 'memory.followup.pending' }, nextPage)).toEqual({ ok: true, data: [] });
  });

  // A Manifest V3 worker stops after 30 s idle: the agent reading the next ticket meets a new one.
  it('keeps them in the browser’s session storage, so a worker that stopped and woke still offers them', async () => {
    const items = new Map<string, unknown>();
    const session = {
      get: async (key: string) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
      set: async (values: Record<string, unknown>) => void Object.entries(values).forEach(([k, v]) => items.set(k, structuredClone(v))),
    };
    const clock = { now: () => Date.now(), uuid: () => crypto.randomUUID() };
    const before = createRequestHandler(new Repository(database), EXT, database, clock, undefined, session);
    await before({ type: 'memory.followup.suggest', text: "I'll send the invoice by Friday.", timeZone: 'Europe/Oslo', from: { customerId, ticket } }, tab);
    const after = createRequestHandler(new Repository(database), EXT, database, clock, undefined, session);
    const nextPage = { ...tab, url: 'https://acme.zendesk.com/agent/tickets/102' };
    expect(await after({ type: 'memory.followup.pending' }, nextPage)).toMatchObject({ ok: true, data: [{ phrase: expect.stringMatching(/Friday/) }] });
  });

  it('keeps no suggestion for a reply that promised nothing, nor one a page says is another helpdesk’s', async () => {
    await handle({ type: 'memory.followup.suggest', text: 'Thanks, all done.', from: { customerId, ticket } }, tab);
    expect(await handle({ type: 'memory.followup.pending' }, tab)).toEqual({ ok: true, data: [] });
    const foreign = { customerId, ticket: { ...ticket, account: 'other.zendesk.com' } };
    expect(await handle({ type: 'memory.followup.suggest', text: "I'll call you tomorrow.", from: foreign }, tab)).toEqual({ ok: false, error: expect.stringMatching(/own helpdesk/) });
  });
});
