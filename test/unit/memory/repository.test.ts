import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportDB } from '@/lib/db/db';
import { Repository, type Clock } from '@/lib/db/repository';
import type { TicketSnapshot } from '@/lib/helpdesks/types';
import { memoryContext } from '@/lib/memory/context';
import { applyImport, exportBundle, readBundle } from '@/lib/exchange';

let database: RapportDB;
let repo: Repository;
let time: number;
let seq: number;
const clock: Clock = { now: () => time, uuid: () => `id-${++seq}` };
const DAY = 86_400_000;

const snap = (over: Partial<TicketSnapshot> = {}): TicketSnapshot => ({
  helpdesk: 'zendesk',
  account: 'acme.zendesk.com',
  ticketId: '101',
  url: 'https://acme.zendesk.com/agent/tickets/101',
  subject: 'Charged twice',
  status: 'open',
  requester: { name: 'Sam Rivera', email: 'sam@example.com', externalId: '9001' },
  messages: [],
  ...over,
});

beforeEach(() => {
  time = Date.UTC(2026, 10, 25, 9);
  seq = 0;
  database = new RapportDB(`memory-${crypto.randomUUID()}`);
  repo = new Repository(database, clock);
});
afterEach(() => database.delete());

describe('ticket visits', () => {
  it('records the customer’s last message time, mood and tags', async () => {
    await repo.openTicket(
      snap({
        tags: ['billing', ' billing', 'refund'],
        messages: [
          { role: 'customer', text: 'Hi', at: '2026-11-24T08:00:00Z', public: true },
          { role: 'agent', text: 'Hello', at: '2026-11-24T09:00:00Z', public: true },
          { role: 'customer', text: 'This is terrible, I am furious and disappointed.', at: '2026-11-24T10:00:00Z', public: true },
        ],
      }),
    );
    const visit = await database.visits.get('zendesk:acme.zendesk.com:101');
    expect(visit?.lastCustomerMessageAt).toBe(Date.parse('2026-11-24T10:00:00Z'));
    expect(visit?.mood).toBeLessThan(-1);
    expect(visit?.tags).toEqual(['billing', 'refund']);
    expect(visit?.outcome).toBeUndefined();
  });

  it('keeps the last mood it read when the latest message gives none (an automatic reply, another language)', async () => {
    const upset = { role: 'customer' as const, text: 'This is terrible, I am furious and disappointed.', at: '2026-11-24T10:00:00Z', public: true };
    await repo.openTicket(snap({ messages: [upset] }));
    const read = (await database.visits.get('zendesk:acme.zendesk.com:101'))?.mood;
    expect(read).toBeLessThan(-1);
    for (const text of ['Thank you for your email. I am out of the office until Monday 12 December with limited access to email. For urgent matters please contact my colleague.', 'Hallo, ich habe immer noch keine Antwort bekommen. Das ist jetzt schon das dritte Mal, dass ich schreibe.']) {
      await repo.openTicket(snap({ messages: [upset, { role: 'customer', text, at: '2026-11-24T11:00:00Z', public: true }] }));
      expect((await database.visits.get('zendesk:acme.zendesk.com:101'))?.mood, text).toBe(read);
    }
  });

  it('records the outcome and when it was first seen solved', async () => {
    await repo.openTicket(snap({ status: 'Solved' }));
    const closedAt = time;
    time += DAY;
    await repo.openTicket(snap({ status: 'solved' }));
    const visit = await database.visits.get('zendesk:acme.zendesk.com:101');
    expect(visit).toMatchObject({ outcome: 'solved', closedAt });
  });
});

describe('profile', () => {
  it('saves against the current version and bumps it', async () => {
    const { customer } = await repo.openTicket(snap());
    const result = await repo.saveProfile(customer.id, 1, { preferredName: 'Sam', timeZone: 'Europe/Oslo' });
    expect(result.ok).toBe(true);
    const stored = await database.customers.get(customer.id);
    expect(stored).toMatchObject({ preferredName: 'Sam', timeZone: 'Europe/Oslo', version: 2 });
  });

  it('a save against an older version is a conflict that writes nothing and returns both', async () => {
    const { customer } = await repo.openTicket(snap());
    await repo.saveProfile(customer.id, 1, { preferredName: 'Sam' });
    const result = await repo.saveProfile(customer.id, 1, { preferredName: 'Sammy' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.conflict.theirs.preferredName).toBe('Sam');
    expect(result.conflict.mine.preferredName).toBe('Sammy');
    expect((await database.customers.get(customer.id))?.preferredName).toBe('Sam');
  });

  it('keep both joins the differing values', async () => {
    const { customer } = await repo.openTicket(snap());
    await repo.saveProfile(customer.id, 1, { preferredName: 'Sam', importantDates: [{ label: 'Birthday', date: '--12-01' }] });
    const merged = await repo.keepBothProfiles(customer.id, { preferredName: 'Sammy', importantDates: [{ label: 'Renewal', date: '2027-01-10' }] });
    expect(merged.preferredName).toBe('Sam / Sammy');
    expect(merged.importantDates).toHaveLength(2);
  });

  it('clearing a field removes it', async () => {
    const { customer } = await repo.openTicket(snap());
    await repo.saveProfile(customer.id, 1, { pronouns: 'they/them' });
    await repo.saveProfile(customer.id, 2, { pronouns: '' });
    expect((await database.customers.get(customer.id))?.pronouns).toBeUndefined();
  });
});

describe('facts', () => {
  it('adds a dated fact with its source ticket, flags it and marks it mentioned', async () => {
    const { customer } = await repo.openTicket(snap());
    const fact = await repo.addFact({ customerId: customer.id, text: 'Launching their store in May', source: { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '101' } });
    expect(fact).toMatchObject({ createdAt: time, mentionNext: false });
    expect((await repo.setMentionNext(fact.id, true)).mentionNext).toBe(true);
    time += 1000;
    const mentioned = await repo.markMentioned(fact.id);
    expect(mentioned).toMatchObject({ mentionNext: false, mentionedAt: time });
    expect(await repo.factsOf(customer.id)).toHaveLength(1);
  });
});

describe('notes', () => {
  it('an edit keeps the previous text', async () => {
    const { customer } = await repo.openTicket(snap());
    const note = await repo.addNote({ customerId: customer.id, text: 'Prefers email' });
    time += 1000;
    const result = await repo.editNote(note.id, 1, 'Prefers email, never phone', ['pref']);
    expect(result.ok && result.value).toMatchObject({ text: 'Prefers email, never phone', version: 2, tags: ['pref'], edits: [{ text: 'Prefers email', at: note.updatedAt }] });
  });

  it('an edit against an older version is a conflict; nothing is overwritten', async () => {
    const { customer } = await repo.openTicket(snap());
    const note = await repo.addNote({ customerId: customer.id, text: 'A' });
    await repo.editNote(note.id, 1, 'B (tab 1)');
    const result = await repo.editNote(note.id, 1, 'C (tab 2)');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.conflict).toMatchObject({ theirs: { text: 'B (tab 1)' }, mine: 'C (tab 2)' });
    expect((await database.notes.get(note.id))?.text).toBe('B (tab 1)');
  });

  it('pins, and searches across all customers with pinned first', async () => {
    const a = await repo.openTicket(snap());
    const b = await repo.openTicket(snap({ ticketId: '9', requester: { name: 'Ana', email: 'ana@example.com' } }));
    await repo.addNote({ customerId: a.customer.id, text: 'Refund promised for the double charge', tags: ['billing'] });
    time += 1;
    const other = await repo.addNote({ customerId: b.customer.id, text: 'Asked about refund policy' });
    time += 1;
    await repo.addNote({ customerId: b.customer.id, text: 'Likes dogs' });
    await repo.pinNote(other.id, true);
    const hits = await repo.searchNotes('REFUND');
    expect(hits.map((n) => n.text)).toEqual(['Asked about refund policy', 'Refund promised for the double charge']);
    expect((await repo.searchNotes('#billing')).map((n) => n.text)).toEqual(['Refund promised for the double charge']);
    expect(await repo.searchNotes('   ')).toEqual([]);
  });
});

describe('pinned notes index (schema v4)', () => {
  /** The customer's pinned notes as the index lists them, oldest first. */
  const indexed = async (customerId: string) =>
    (await database.notes.where('[customerId+pinnedCreatedAt]').between([customerId, -Infinity], [customerId, Infinity]).toArray()).map((n) => n.text);

  it('follows pin, unpin, edit, merge and undo; notes read back without the index field', async () => {
    const a = await repo.openTicket(snap());
    const b = await repo.openTicket(snap({ ticketId: '9', requester: { name: 'Ana', email: 'ana@example.com' } }));
    const first = await repo.addNote({ customerId: a.customer.id, text: 'First' });
    time += 1;
    const second = await repo.addNote({ customerId: a.customer.id, text: 'Second' });
    time += 1;
    const theirs = await repo.addNote({ customerId: b.customer.id, text: 'Ana’s' });
    expect(await indexed(a.customer.id)).toEqual([]);
    await repo.pinNote(second.id, true);
    await repo.pinNote(first.id, true);
    expect(await indexed(a.customer.id)).toEqual(['First', 'Second']);
    expect((await repo.newestPinnedNoteOf(a.customer.id))?.text).toBe('Second');
    await repo.editNote(second.id, 2, 'Second, edited');
    expect((await repo.newestPinnedNoteOf(a.customer.id))?.text).toBe('Second, edited');
    await repo.pinNote(second.id, false);
    expect(await indexed(a.customer.id)).toEqual(['First']);
    await repo.pinNote(theirs.id, true);
    const merge = await repo.mergeCustomers(a.customer.id, b.customer.id);
    expect(await indexed(a.customer.id)).toEqual(['First', 'Ana’s']);
    expect(await indexed(b.customer.id)).toEqual([]);
    await repo.undoMerge(merge.id);
    expect(await indexed(a.customer.id)).toEqual(['First']);
    expect(await indexed(b.customer.id)).toEqual(['Ana’s']);
    // Callers never see the stored index field, whichever way they read.
    const all = [await database.notes.get(first.id), ...(await database.notes.bulkGet([first.id])), ...(await database.notes.toArray())];
    await database.notes.each((n) => void all.push(n));
    for (const n of all) expect(n).not.toHaveProperty('pinnedCreatedAt');
    expect(await database.notes.get(first.id)).toEqual({ ...first, pinned: true, version: 2, updatedAt: first.updatedAt + 2 });
  });

  it('a bundle carries notes without the index field, and an imported pinned note is found through the index', async () => {
    const { customer } = await repo.openTicket(snap());
    const note = await repo.addNote({ customerId: customer.id, text: 'Call before noon' });
    await repo.pinNote(note.id, true);
    const text = await (await exportBundle(database, { agent: 'Priya', now: time })).blob.text();
    expect(text).not.toContain('pinnedCreatedAt');
    const other = new RapportDB(`memory-${crypto.randomUUID()}`);
    try {
      await applyImport(other, await readBundle(text));
      const found = await new Repository(other, clock).newestPinnedNoteOf(customer.id);
      expect(found).toMatchObject({ id: note.id, text: 'Call before noon', pinned: true, author: 'Priya' });
      expect(found).not.toHaveProperty('pinnedCreatedAt');
    } finally {
      await other.delete();
    }
  });
});

describe('follow-ups', () => {
  it('lists open promises, reports due ones and records when done', async () => {
    const { customer } = await repo.openTicket(snap());
    const soon = await repo.addFollowUp({ customerId: customer.id, text: 'Call back', dueAt: time + 1000 });
    await repo.addFollowUp({ customerId: customer.id, text: 'Check refund', dueAt: time + DAY });
    expect(await repo.nextDueAfter(time)).toBe(time + 1000);
    expect(await repo.dueFollowUps(time + 2000)).toHaveLength(1);
    time += 5000;
    const done = await repo.completeFollowUp(soon.id);
    expect(done).toMatchObject({ status: 'done', doneAt: time });
    expect((await repo.openFollowUpsOf(customer.id)).map((f) => f.text)).toEqual(['Check refund']);
    expect(await repo.dueFollowUps(time + 2000)).toHaveLength(0);
  });
});

describe('identity: merge and undo', () => {
  it('merges every row into the survivor and undo puts exactly those rows back', async () => {
    const zd = await repo.openTicket(snap());
    const fd = await repo.openTicket(
      snap({ helpdesk: 'freshdesk', account: 'acme.freshdesk.com', ticketId: '41', requester: { name: 'Sam R.', email: 'sam.r@work.example', externalId: '77' } }),
    );
    expect(fd.customer.id).not.toBe(zd.customer.id);
    await repo.addNote({ customerId: fd.customer.id, text: 'Note on the work address' });
    await repo.addFact({ customerId: fd.customer.id, text: 'Has a cat' });
    await repo.addFollowUp({ customerId: fd.customer.id, text: 'Ping', dueAt: time + DAY });
    await repo.saveProfile(fd.customer.id, 1, { pronouns: 'she/her' });

    const merge = await repo.mergeCustomers(zd.customer.id, fd.customer.id);
    expect(merge.moved.visits).toEqual(['freshdesk:acme.freshdesk.com:41']);
    expect(merge.moved.notes).toHaveLength(1);
    const survivor = await database.customers.get(zd.customer.id);
    expect(survivor?.emails).toEqual(['sam@example.com', 'sam.r@work.example']);
    expect(survivor?.pronouns).toBe('she/her');
    expect(await repo.visitsOf(zd.customer.id)).toHaveLength(2);
    expect(await repo.notesFor(zd.customer.id)).toHaveLength(1);

    // The merged-away record now stands for the survivor on its own helpdesk.
    const again = await repo.openTicket(
      snap({ helpdesk: 'freshdesk', account: 'acme.freshdesk.com', ticketId: '41', requester: { name: 'Sam R.', externalId: '77' } }),
    );
    expect(again.customer.id).toBe(zd.customer.id);

    time += 1000;
    const later = await repo.addNote({ customerId: zd.customer.id, text: 'Written after the merge' });
    await repo.undoMerge(merge.id);
    expect((await repo.notesFor(fd.customer.id)).map((n) => n.text)).toEqual(['Note on the work address']);
    expect((await repo.notesFor(zd.customer.id)).map((n) => n.id)).toEqual([later.id]);
    expect(await repo.factsOf(fd.customer.id)).toHaveLength(1);
    expect(await repo.openFollowUpsOf(fd.customer.id)).toHaveLength(1);
    expect((await database.customers.get(zd.customer.id))?.emails).toEqual(['sam@example.com']);
    expect((await database.customers.get(zd.customer.id))?.pronouns).toBeUndefined();
    expect((await database.customers.get(fd.customer.id))?.mergedInto).toBeUndefined();
    expect((await repo.visitsOf(fd.customer.id)).map((v) => v.id)).toEqual(['freshdesk:acme.freshdesk.com:41']);
    await expect(repo.undoMerge(merge.id)).rejects.toThrow(/already undone/);
  });

  it('refuses to merge a customer with itself', async () => {
    const { customer } = await repo.openTicket(snap());
    await expect(repo.mergeCustomers(customer.id, customer.id)).rejects.toThrow(/itself/);
  });
});

describe('helpdesk API history', () => {
  it('stores API tickets as api visits without touching visited ones, and the customer since moves back', async () => {
    const { customer } = await repo.openTicket(snap());
    const added = await repo.recordApiTickets(customer.id, [
      { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '87', subject: 'Login trouble', status: 'solved', createdAt: time - 400 * DAY, updatedAt: time - 399 * DAY },
      { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '101', subject: 'Other', status: 'open', createdAt: time - DAY, updatedAt: time },
    ]);
    expect(added).toBe(1);
    expect((await database.visits.get('zendesk:acme.zendesk.com:87'))).toMatchObject({ source: 'api', outcome: 'solved' });
    expect((await database.visits.get('zendesk:acme.zendesk.com:101'))).toMatchObject({ source: 'visit', subject: 'Charged twice' });
    expect((await database.customers.get(customer.id))?.firstSeen).toBe(time - 400 * DAY);
  });

  // A ticket closed by a colleague after the agent last opened it must not go on being "wasn't solved".
  it('takes the helpdesk’s status for a visited ticket, and the outcome with it, both ways', async () => {
    const { customer } = await repo.openTicket(snap({ ticketId: '98', status: 'open' }));
    await repo.openTicket(snap());
    const api = (status: string) => ({ helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '98', subject: 'Other words', status, createdAt: time - 3 * DAY, updatedAt: time - DAY });
    expect(await repo.recordApiTickets(customer.id, [api('solved')])).toBe(0);
    expect(await database.visits.get('zendesk:acme.zendesk.com:98')).toMatchObject({ source: 'visit', subject: 'Charged twice', status: 'solved', outcome: 'solved', closedAt: time - DAY });
    await repo.recordApiTickets(customer.id, [api('open')]); // reopened
    const reopened = await database.visits.get('zendesk:acme.zendesk.com:98');
    expect([reopened?.status, reopened?.outcome, reopened?.closedAt]).toEqual(['open', undefined, undefined]);
    const ctx = await memoryContext(repo, customer.id, { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '101' }, time);
    expect(ctx.cues.map((c) => c.id)).toContain('unresolved-last-time');
    await repo.recordApiTickets(customer.id, [api('closed')]);
    const after = await memoryContext(repo, customer.id, { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '101' }, time);
    expect(after.cues.map((c) => c.id)).not.toContain('unresolved-last-time');
  });

  // FreeScout deletes a conversation merged into another (Conversation::mergeConversations): the
  // recorded one said "wasn't solved — check it's sorted first" about a ticket that is gone.
  it('a ticket deleted or marked spam in the helpdesk ends the recorded one, and is never added', async () => {
    const { customer } = await repo.openTicket(snap({ ticketId: '98', status: 'active' }));
    await repo.openTicket(snap());
    const gone = (ticketId: string, status: string) => ({ helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId, status, createdAt: time - 900 * DAY, updatedAt: time - DAY, gone: true as const });
    expect(await repo.recordApiTickets(customer.id, [gone('98', 'deleted'), gone('97', 'spam')])).toBe(0);
    expect(await database.visits.get('zendesk:acme.zendesk.com:98')).toMatchObject({ source: 'visit', status: 'deleted', outcome: 'deleted' });
    expect(await database.visits.get('zendesk:acme.zendesk.com:97')).toBeUndefined();
    expect((await database.customers.get(customer.id))?.firstSeen).toBeGreaterThan(time - 900 * DAY); // not "with us since" a spam mail
    const ctx = await memoryContext(repo, customer.id, { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '101' }, time);
    expect(ctx.cues.map((c) => c.id)).not.toContain('unresolved-last-time');
  });

  it('keeps the page’s wording when the helpdesk gives the same status in other words', async () => {
    const { customer } = await repo.openTicket(snap({ ticketId: '98', status: 'Open' }));
    await repo.openTicket(snap());
    await repo.recordApiTickets(customer.id, [{ helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '98', status: 'open', createdAt: time - DAY, updatedAt: time }]);
    expect((await database.visits.get('zendesk:acme.zendesk.com:98'))?.status).toBe('Open');
  });

  it('is due at most once per 5 minutes and not before Retry-After', async () => {
    const key = 'zendesk:acme.zendesk.com:9001';
    expect(await repo.apiFetchDue(key)).toEqual({ due: true });
    await repo.recordApiFetch({ key, fetchedAt: time, ok: true });
    expect((await repo.apiFetchDue(key)).due).toBe(false);
    time += 5 * 60_000;
    expect((await repo.apiFetchDue(key)).due).toBe(true);
    await repo.recordApiFetch({ key, fetchedAt: time, ok: false, retryAfter: time + 20 * 60_000 });
    time += 6 * 60_000;
    expect(await repo.apiFetchDue(key)).toEqual({ due: false, retryAt: time + 14 * 60_000 });
  });
});

describe('memory context', () => {
  it('answers cues, last time, timeline newest first and open follow-ups', async () => {
    await repo.openTicket(snap({ ticketId: '98', subject: 'Export broken', status: 'solved' }));
    const { customer } = await repo.openTicket(snap({ ticketId: '98', subject: 'Export broken', status: 'solved' }));
    time += 1000;
    await repo.addNote({ customerId: customer.id, ticket: { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '98' }, text: 'Fixed by clearing cache' });
    time += 2 * DAY;
    await repo.openTicket(snap());
    const ctx = await memoryContext(repo, customer.id, { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '101' }, time);
    expect(ctx.lastTime).toMatchObject({ subject: 'Export broken', outcome: 'solved', note: 'Fixed by clearing cache' });
    expect(ctx.timeline.map((e) => e.kind)).toEqual(['ticket', 'note', 'ticket']);
    expect(ctx.cues.map((c) => c.id)).toContain('repeat-contact');
  });
});
