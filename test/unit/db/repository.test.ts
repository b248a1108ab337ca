import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportDB } from '@/lib/db/db';
import { Repository, UnknownCustomerError, type Clock } from '@/lib/db/repository';
import type { TicketSnapshot } from '@/lib/helpdesks/types';

let database: RapportDB;
let repo: Repository;
let time: number;
let seq: number;
const clock: Clock = { now: () => time, uuid: () => `id-${++seq}` };

const snapshot = (over: Partial<TicketSnapshot> = {}): TicketSnapshot => ({
  helpdesk: 'zendesk',
  account: 'acme.zendesk.com',
  ticketId: '101',
  url: 'https://acme.zendesk.com/agent/tickets/101',
  subject: 'Charged twice',
  status: 'open',
  requester: { name: 'Sam Rivera', email: 'Sam.Rivera@example.com', externalId: '9001' },
  messages: [],
  ...over,
});

beforeEach(async () => {
  time = Date.UTC(2026, 10, 25, 9);
  seq = 0;
  database = new RapportDB(`repo-${crypto.randomUUID()}`);
  repo = new Repository(database, clock);
});

afterEach(async () => {
  await database.delete();
});

describe('openTicket', () => {
  it('creates the customer and says it is the first time', async () => {
    const ctx = await repo.openTicket(snapshot());
    expect(ctx.history).toEqual({ ticketsSeen: 0 });
    expect(ctx.customer).toMatchObject({ name: 'Sam Rivera', emails: ['sam.rivera@example.com'], externalId: '9001' });
    expect(ctx.notes).toEqual([]);
    expect(await database.visits.count()).toBe(1);
  });

  it('reports earlier tickets and when we last saw them', async () => {
    await repo.openTicket(snapshot());
    time += 86_400_000;
    await repo.openTicket(snapshot({ ticketId: '102' }));
    time += 3_600_000;
    const ctx = await repo.openTicket(snapshot({ ticketId: '103' }));
    expect(ctx.history).toEqual({ ticketsSeen: 2, lastSeen: Date.UTC(2026, 10, 26, 9) });
    expect(await database.customers.count()).toBe(1);
  });

  it('counts a reopened ticket once and keeps its first-seen time', async () => {
    await repo.openTicket(snapshot());
    time += 60_000;
    const ctx = await repo.openTicket(snapshot({ subject: undefined }));
    expect(ctx.history.ticketsSeen).toBe(1);
    const visit = await database.visits.get('zendesk:acme.zendesk.com:101');
    expect(visit).toMatchObject({ firstSeen: Date.UTC(2026, 10, 25, 9), lastSeen: time, subject: 'Charged twice' });
  });

  it('dates a ticket from its first message, not from when Rapport first opened it', async () => {
    const nineDaysAgo = time - 9 * 86_400_000;
    const at = (t: number) => new Date(t).toISOString();
    await repo.openTicket(snapshot({ ticketId: '98', messages: [
      { role: 'customer', at: at(nineDaysAgo), text: 'Where is my parcel?', public: true },
      { role: 'agent', at: at(nineDaysAgo + 3_600_000), text: 'On its way.', public: true },
    ] }));
    expect(await database.visits.get('zendesk:acme.zendesk.com:98')).toMatchObject({ firstSeen: nineDaysAgo, lastSeen: time });
    // A time in the future or before 2000 is not a start; without times it is when we first saw it.
    await repo.openTicket(snapshot({ ticketId: '99', messages: [{ role: 'customer', at: at(time + 86_400_000), text: 'x', public: true }, { role: 'customer', at: '1970-01-02T00:00:00Z', text: 'y', public: true }] }));
    expect((await database.visits.get('zendesk:acme.zendesk.com:99'))?.firstSeen).toBe(time);
    // Seen again later: the start only moves earlier.
    time += 86_400_000;
    await repo.openTicket(snapshot({ ticketId: '98', messages: [{ role: 'customer', at: at(nineDaysAgo + 5_000), text: 'Hello?', public: true }] }));
    expect((await database.visits.get('zendesk:acme.zendesk.com:98'))?.firstSeen).toBe(nineDaysAgo);
    // The visit line's "last on" is when they last wrote on the newest ticket, not when we opened it.
    const next = await repo.openTicket(snapshot({ ticketId: '100' }));
    expect(next.history).toMatchObject({ ticketsSeen: 2, lastSeen: nineDaysAgo + 5_000 });
  });

  it('recognises the same person on another helpdesk by email', async () => {
    const first = await repo.openTicket(snapshot());
    const ctx = await repo.openTicket(
      snapshot({ helpdesk: 'freshdesk', account: 'acme.freshdesk.com', ticketId: '7', requester: { name: 'Sam R.', email: 'sam.rivera@example.com', externalId: '55' } }),
    );
    expect(ctx.customer.id).toBe(first.customer.id);
    expect(ctx.history.ticketsSeen).toBe(1);
    // A helpdesk id means nothing outside its own account: the Zendesk id stays.
    expect(ctx.customer.externalId).toBe('9001');
  });

  it('matches by helpdesk id when the email is not on the page', async () => {
    const first = await repo.openTicket(snapshot());
    const ctx = await repo.openTicket(snapshot({ ticketId: '104', requester: { name: 'Sam Rivera', externalId: '9001' } }));
    expect(ctx.customer.id).toBe(first.customer.id);
    expect(ctx.customer.emails).toEqual(['sam.rivera@example.com']);
  });

  it('falls back to the name only when the page shows nothing else', async () => {
    const a = await repo.openTicket(snapshot({ requester: { name: 'Ana  Lima' } }));
    const b = await repo.openTicket(snapshot({ ticketId: '2', requester: { name: 'Ana Lima' } }));
    const c = await repo.openTicket(snapshot({ ticketId: '3', requester: { name: 'Ana Lima', email: 'other@example.com' } }));
    expect(b.customer.id).toBe(a.customer.id);
    expect(c.customer.id).not.toBe(a.customer.id);
  });

  it('keeps hostile names exactly as written', async () => {
    const ctx = await repo.openTicket(snapshot({ requester: { name: '<img src=x onerror=alert(1)>' } }));
    expect((await database.customers.get(ctx.customer.id))?.name).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('notes', () => {
  it('adds notes and lists them newest first, tied to the ticket', async () => {
    const { customer } = await repo.openTicket(snapshot());
    await repo.addNote({ customerId: customer.id, text: 'Prefers email', tags: ['pref', ' pref ', ''] });
    time += 1000;
    const ticket = { helpdesk: 'zendesk' as const, account: 'acme.zendesk.com', ticketId: '101' };
    await repo.addNote({ customerId: customer.id, ticket, text: 'Launching store in May' });
    const notes = await repo.notesFor(customer.id);
    expect(notes.map((n) => n.text)).toEqual(['Launching store in May', 'Prefers email']);
    expect(notes[0]).toMatchObject({ ticket, ticketKey: 'zendesk:acme.zendesk.com:101' });
    expect(notes[1]?.tags).toEqual(['pref']);
    const again = await repo.openTicket(snapshot());
    expect(again.notes).toHaveLength(2);
  });

  it('opens a ticket with the newest page of notes and the total, whatever the history', async () => {
    const { customer } = await repo.openTicket(snapshot());
    for (let i = 0; i < 45; i++) {
      time += 1000;
      await repo.addNote({ customerId: customer.id, text: `note ${i}` });
    }
    const ctx = await repo.openTicket(snapshot());
    expect(ctx.notesTotal).toBe(45);
    expect(ctx.notes).toHaveLength(20);
    expect(ctx.notes[0]?.text).toBe('note 44');
    expect(await repo.notesFor(customer.id)).toHaveLength(45);
    expect(ctx.notesTotalCapped).toBeUndefined();
  });

  it('counts tickets and notes up to 100 and then says "more" (an exact count walks the whole index)', async () => {
    const { customer } = await repo.openTicket(snapshot());
    await database.notes.bulkAdd(
      Array.from({ length: 130 }, (_, i) => ({ id: `n-${i}`, customerId: customer.id, text: `note ${i}`, tags: [], createdAt: i, updatedAt: i, pinned: false, edits: [], version: 1 })),
    );
    await database.visits.bulkAdd(
      Array.from({ length: 100 }, (_, i) => ({ id: `zendesk:acme.zendesk.com:${5000 + i}`, helpdesk: 'zendesk' as const, account: 'acme.zendesk.com', ticketId: String(5000 + i), customerId: customer.id, firstSeen: i, lastSeen: i, source: 'visit' as const })),
    );
    const ctx = await repo.openTicket(snapshot());
    expect(ctx).toMatchObject({ notesTotal: 100, notesTotalCapped: true });
    expect(ctx.history).toMatchObject({ ticketsSeen: 100, ticketsSeenCapped: true });
  });

  it('refuses a note for an unknown customer and writes nothing', async () => {
    await expect(repo.addNote({ customerId: 'nobody', text: 'x' })).rejects.toBeInstanceOf(UnknownCustomerError);
    expect(await database.notes.count()).toBe(0);
  });

  it("does not show one customer's notes on another's ticket", async () => {
    const a = await repo.openTicket(snapshot());
    const b = await repo.openTicket(snapshot({ ticketId: '9', requester: { name: 'Kim', email: 'kim@example.com' } }));
    await repo.addNote({ customerId: a.customer.id, text: 'for Sam' });
    expect(await repo.notesFor(b.customer.id)).toEqual([]);
  });
});
