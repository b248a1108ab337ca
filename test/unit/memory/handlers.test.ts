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
});
