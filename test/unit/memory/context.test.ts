import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import { RapportDB } from '@/lib/db/db';
import { refuseWritesTo } from '../db/refuse-writes';
import { Repository, type Clock } from '@/lib/db/repository';
import { ticketKey, type Customer, type Note, type TicketRef, type TicketVisit } from '@/lib/db/types';
import { memoryContext, openTicketWithMemory, TIMELINE_MAX } from '@/lib/memory/context';
import type { TicketSnapshot } from '@/lib/helpdesks/types';
import { cuesFor, LOOK_BACK } from '@/lib/memory/cues';
import type { LastTime, MemoryContext, TimelineEntry } from '@/lib/memory/messages';

// memoryContext reads only the newest page of tickets and notes (plus what the cues need). These
// tests compare it with the straightforward answer computed from EVERY ticket and note, on long and
// awkward histories: what the agent sees must not depend on how much was read.

let database: RapportDB;
let repo: Repository;
const NOW = Date.UTC(2026, 10, 25, 9);
const DAY = 86_400_000;
const clock: Clock = { now: () => NOW, uuid: () => crypto.randomUUID() };

beforeEach(() => {
  database = new RapportDB(`context-${crypto.randomUUID()}`);
  repo = new Repository(database, clock);
});
afterEach(() => database.delete());

/** The panels computed from every ticket and note of the customer (the pre-optimisation reading). */
async function everything(customerId: string, ticket: TicketRef): Promise<MemoryContext> {
  const customer = await repo.customer(customerId);
  const [visits, notes, facts, followUps, merges, api] = await Promise.all([
    repo.visitsOf(customer.id),
    repo.notesFor(customer.id),
    repo.factsOf(customer.id),
    repo.openFollowUpsOf(customer.id),
    repo.mergesOf(customer.id),
    customer.externalId ? repo.apiFetch(`${customer.helpdesk}:${customer.account}:${customer.externalId}`) : undefined,
  ]);
  const current = ticketKey(ticket);
  const cues = cuesFor({ customer, currentTicket: current, visits, facts, followUps, notes, now: NOW, api });
  const timeline: TimelineEntry[] = [
    ...visits.map((visit) => ({ kind: 'ticket' as const, at: visit.lastSeen, visit, current: visit.id === current })),
    ...notes.map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
  ]
    .sort((a, b) => b.at - a.at)
    .slice(0, TIMELINE_MAX);
  const previous = visits.find((v) => v.id !== current);
  let lastTime: LastTime | undefined;
  if (previous) {
    const note = notes.find((n) => n.ticketKey === previous.id) ?? notes.find((n) => n.pinned);
    lastTime = {
      ticket: { helpdesk: previous.helpdesk, account: previous.account, ticketId: previous.ticketId },
      subject: previous.subject,
      at: previous.lastCustomerMessageAt ?? previous.lastSeen,
      outcome: previous.outcome ?? previous.status,
      note: note?.text,
    };
  }
  return { customer, cues, lastTime, facts, followUps, timeline, merges, api: undefined };
}

/** A small deterministic random generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const ref = (ticketId: string): TicketRef => ({ helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId });

interface Shape {
  visits: number;
  notes: number;
  /** Chance a ticket has a mood / shares the current ticket's tag / a note is pinned. */
  mood: number;
  topic: number;
  pinned: number;
  /** Ticket ids that notes are written on (0..n). */
  noteTickets: number;
}

async function seed(rnd: () => number, shape: Shape, customerId = 'c1') {
  const customer: Customer = {
    id: customerId,
    helpdesk: 'zendesk',
    account: 'acme.zendesk.com',
    externalId: customerId,
    name: 'Sam',
    emails: [],
    firstSeen: NOW - 200 * DAY,
    lastSeen: NOW,
    updatedAt: NOW,
    version: 1,
  };
  const visits: TicketVisit[] = [];
  for (let k = 0; k < shape.visits; k++) {
    // Coarse times so that several tickets share a lastSeen (ties are ordered by id).
    const lastSeen = NOW - Math.floor(rnd() * 60) * DAY;
    const firstSeen = lastSeen - Math.floor(rnd() * 3) * DAY - (rnd() < 0.05 ? 400 * DAY : 0);
    visits.push({
      id: ticketKey(ref(`${customerId}-${k}`)),
      helpdesk: 'zendesk',
      account: 'acme.zendesk.com',
      ticketId: `${customerId}-${k}`,
      customerId,
      subject: rnd() < shape.topic ? 'Export broken' : `Question number ${k}`,
      status: rnd() < 0.5 ? 'solved' : 'open',
      firstSeen,
      lastSeen,
      source: rnd() < 0.3 ? 'api' : 'visit',
      mood: rnd() < shape.mood ? Math.floor(rnd() * 11) - 5 : undefined,
      tags: rnd() < shape.topic ? ['export'] : [`tag${k}`],
    });
  }
  const notes: Note[] = [];
  for (let k = 0; k < shape.notes; k++) {
    const createdAt = NOW - Math.floor(rnd() * 90) * DAY;
    const on = Math.floor(rnd() * shape.noteTickets);
    notes.push({
      id: `${customerId}-note-${k}`,
      customerId,
      text: `Note ${k}`,
      tags: [],
      createdAt,
      updatedAt: createdAt,
      pinned: rnd() < shape.pinned,
      edits: [],
      version: 1,
      ticketKey: ticketKey(ref(`${customerId}-${on}`)),
    });
  }
  await database.customers.put(customer);
  await database.visits.bulkPut(visits);
  await database.notes.bulkPut(notes);
  return { customer, visits, notes };
}

describe('memory context on long histories', () => {
  it('shows exactly what reading every ticket and note shows', async () => {
    const shapes: Shape[] = [
      { visits: 150, notes: 120, mood: 0.5, topic: 0.2, pinned: 0.1, noteTickets: 150 },
      // Moods, same-topic tickets, pinned notes and notes on the previous ticket are rare: found past the first page.
      { visits: 150, notes: 120, mood: 0.02, topic: 0.02, pinned: 0.01, noteTickets: 300 },
      { visits: 150, notes: 120, mood: 0, topic: 0, pinned: 0, noteTickets: 1000 },
      { visits: 41, notes: 41, mood: 0.05, topic: 0.05, pinned: 0.05, noteTickets: 41 },
      { visits: 40, notes: 40, mood: 0.1, topic: 0.1, pinned: 0.1, noteTickets: 40 },
      { visits: 3, notes: 2, mood: 0.5, topic: 0.5, pinned: 0.5, noteTickets: 3 },
    ];
    let compared = 0;
    for (const [s, shape] of shapes.entries()) {
      for (let round = 0; round < 4; round++) {
        const rnd = random(1 + s * 100 + round);
        const customerId = `c${s}-${round}`;
        const { visits } = await seed(rnd, shape, customerId);
        // The current ticket: a new one, the newest, or one deep in the history.
        for (const ticketId of ['new-ticket', visits[0]?.ticketId, visits[Math.floor(visits.length * 0.9)]?.ticketId]) {
          if (!ticketId) continue;
          const expected = await everything(customerId, ref(ticketId));
          const actual = await memoryContext(repo, customerId, ref(ticketId), NOW);
          expect(actual, `${customerId} on ${ticketId}`).toEqual(expected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(60);
    // ~1.5 s alone; 380 comparisons against fake IndexedDB passed 5 s on a machine busy with other work.
  }, 20_000);

  it('keeps “with us since” and “Nth ticket this week” from tickets outside the newest page', async () => {
    const rnd = random(7);
    await seed(rnd, { visits: 120, notes: 0, mood: 1, topic: 0, pinned: 0, noteTickets: 1 });
    await database.visits.toCollection().modify((v) => {
      v.firstSeen -= 400 * DAY;
      v.lastSeen -= 30 * DAY;
    });
    // Far down the newest-first list: the earliest ticket, and two first seen this week (odd data
    // from an import, but it must count).
    await database.visits.update(ticketKey(ref('c1-5')), { firstSeen: NOW - 900 * DAY, lastSeen: NOW - 200 * DAY });
    await database.visits.update(ticketKey(ref('c1-6')), { firstSeen: NOW - 2 * DAY, lastSeen: NOW - 201 * DAY });
    await database.visits.update(ticketKey(ref('c1-7')), { firstSeen: NOW - 1 * DAY, lastSeen: NOW - 202 * DAY });
    const expected = await everything('c1', ref('new'));
    const actual = await memoryContext(repo, 'c1', ref('new'), NOW);
    expect(actual).toEqual(expected);
    expect(actual.cues.map((c) => c.id)).toContain('repeat-contact');
    expect(actual.cues.find((c) => c.id === 'repeat-contact')?.reason).toMatch(/^3rd ticket/);
    expect(actual.cues.find((c) => c.id === 'long-time-customer')?.reason).toMatch(/^With us since/);
  });

  it('counts the customer’s own tickets this week on the index as reading every ticket does (not those an agent opened)', async () => {
    for (const [round, size] of [150, 60, 41, 12].entries()) {
      const customerId = `out-${round}`;
      const { visits } = await seed(random(70 + round), { visits: size, notes: 3, mood: 0.1, topic: 0.1, pinned: 0, noteTickets: size }, customerId);
      // Every third ticket opened by an agent, a dozen of them this week, one the earliest of the week.
      await database.visits.bulkPut(visits.map((v, k) => ({ ...v, ...(k % 3 === 0 ? { startedBy: 'agent' as const } : k % 3 === 1 ? { startedBy: 'customer' as const } : {}), ...(k < 12 ? { firstSeen: NOW - (k + 1) * 3_600_000 } : {}) })));
      for (const ticketId of ['new-ticket', visits[0]!.ticketId, visits[1]!.ticketId, visits[visits.length - 1]!.ticketId]) {
        const expected = await everything(customerId, ref(ticketId));
        expect(await memoryContext(repo, customerId, ref(ticketId), NOW), `${customerId} on ${ticketId}`).toEqual(expected);
      }
    }
  });

  it('still finds the note on the previous ticket and the pinned note when they are old', async () => {
    const rnd = random(11);
    await seed(rnd, { visits: 5, notes: 100, mood: 1, topic: 0, pinned: 0, noteTickets: 0 });
    const previous = (await repo.visitsOf('c1'))[0]!;
    const old = { id: 'old-note', customerId: 'c1', text: 'Refund was promised', tags: [], createdAt: NOW - 500 * DAY, updatedAt: NOW - 500 * DAY, pinned: false, edits: [], version: 1, ticketKey: previous.id };
    await database.notes.put(old);
    expect((await memoryContext(repo, 'c1', ref('new'), NOW)).lastTime?.note).toBe('Refund was promised');
    await database.notes.delete('old-note');
    await database.notes.put({ ...old, id: 'pinned-note', text: 'Call before noon', ticketKey: undefined, pinned: true });
    expect((await memoryContext(repo, 'c1', ref('new'), NOW)).lastTime?.note).toBe('Call before noon');
    expect(await memoryContext(repo, 'c1', ref('new'), NOW)).toEqual(await everything('c1', ref('new')));
  });

  it('finds the one pinned note among hundreds written at the same moments', async () => {
    const rnd = random(13);
    await seed(rnd, { visits: 5, notes: 0, mood: 1, topic: 0, pinned: 0, noteTickets: 0 });
    const notes = Array.from({ length: 600 }, (_, k) => ({
      id: `n-${String(k).padStart(3, '0')}`,
      customerId: 'c1',
      text: `Note ${k}`,
      tags: [],
      createdAt: NOW - Math.floor(k / 150) * DAY,
      updatedAt: NOW,
      pinned: k === 3,
      edits: [],
      version: 1,
    }));
    await database.notes.bulkPut(notes);
    const actual = await memoryContext(repo, 'c1', ref('new'), NOW);
    expect(actual.lastTime?.note).toBe('Note 3');
    expect(actual).toEqual(await everything('c1', ref('new')));
  });

  it('looks back LOOK_BACK tickets for a mood and the same topic, wherever the current ticket is', async () => {
    const rnd = random(17);
    for (const at of [LOOK_BACK - 1, LOOK_BACK, LOOK_BACK + 1, LOOK_BACK + 5]) {
      const customerId = `c-at-${at}`;
      const { visits } = await seed(rnd, { visits: 120, notes: 0, mood: 0, topic: 0, pinned: 0, noteTickets: 1 }, customerId);
      // Distinct times, newest first (k-th newest seen k + 8 days ago), and no two on one topic.
      await database.visits.bulkPut(visits.map((v, k) => ({ ...v, subject: undefined, tags: [`t${k}`], firstSeen: NOW - (k + 8) * DAY, lastSeen: NOW - (k + 8) * DAY })));
      const match = visits[at]!;
      await database.visits.update(match.id, { mood: -4, tags: ['export'] });
      // The current ticket: one of the newest, one older than the match, and a new one.
      for (const current of [visits[3]!.ticketId, visits[100]!.ticketId, `${customerId}-new`]) {
        const key = ticketKey(ref(current));
        const before = await database.visits.get(key);
        await database.visits.put({ ...(before ?? { ...visits[0]!, id: key, ticketId: current, lastSeen: NOW, firstSeen: NOW - 30 * DAY }), tags: ['export'] });
        const actual = await memoryContext(repo, customerId, ref(current), NOW);
        expect(actual, `match at ${at}, current ${current}`).toEqual(await everything(customerId, ref(current)));
        if (before) await database.visits.put(before);
        // Earlier tickets newer than the match: `at`, less the current one when it is among them.
        const newer = at - (current === visits[3]!.ticketId ? 1 : 0);
        const ids = actual.cues.map((c) => c.id);
        expect(ids.includes('negative-last-time'), `match at ${at}, current ${current}`).toBe(newer < LOOK_BACK);
        expect(ids.includes('repeat-contact'), `match at ${at}, current ${current}`).toBe(newer < LOOK_BACK);
      }
    }
  });

  it('reads as many rows for a customer with 2,000 tickets and notes as for one with 150', async () => {
    const rows = new Map<string, number>();
    const counter: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'count-rows',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          const add = (n: number) => rows.set(name, (rows.get(name) ?? 0) + n);
          return {
            ...t,
            get: async (req) => {
              const r = await t.get(req);
              add(r === undefined ? 0 : 1);
              return r;
            },
            getMany: async (req) => {
              const r = await t.getMany(req);
              add(r.filter((x) => x !== undefined).length);
              return r;
            },
            query: async (req) => {
              const r = await t.query(req);
              add(r.result.length);
              return r;
            },
            // A cursor: its first row, and one per step.
            openCursor: async (req) => {
              const cursor = await t.openCursor(req);
              if (!cursor) return cursor;
              add(1);
              return Object.create(cursor, {
                key: { get: () => cursor.key },
                primaryKey: { get: () => cursor.primaryKey },
                value: { get: () => cursor.value },
                continue: { value: (key?: unknown) => (add(1), cursor.continue(key)) },
                advance: { value: (n: number) => (add(n), cursor.advance(n)) },
              }) as typeof cursor;
            },
          };
        },
      }),
    };
    const counted = new RapportDB(`context-${crypto.randomUUID()}`);
    counted.use(counter);
    const counting = new Repository(counted, clock);
    const read = async (size: number) => {
      const rnd = random(size);
      const customerId = `c-${size}`;
      // Rare moods, topics and pins, and notes on tickets not recently seen: the costly cases before.
      const shape = { visits: Math.round(size * 0.7), notes: Math.round(size * 0.3), mood: 0.001, topic: 0.001, pinned: 0, noteTickets: 1 };
      const seeded = await (async () => {
        const previous = database;
        database = counted;
        try {
          return await seed(rnd, shape, customerId);
        } finally {
          database = previous;
        }
      })();
      // No note on the previous ticket, and one pinned note, the oldest: found only through the index.
      await counted.notes.bulkPut(seeded.notes.map((n) => ({ ...n, ticketKey: undefined, ticket: undefined })));
      const oldest = [...seeded.notes].sort((a, b) => a.createdAt - b.createdAt)[0]!;
      await counted.notes.put({ ...oldest, ticketKey: undefined, createdAt: NOW - 1000 * DAY, pinned: true, text: 'The pinned one' });
      rows.clear();
      const context = await memoryContext(counting, customerId, ref('new-ticket'), NOW);
      expect(context.lastTime?.note).toBe('The pinned one');
      return Object.fromEntries(rows);
    };
    try {
      const small = await read(150);
      const large = await read(2000);
      expect(large).toEqual(small);
      const total = Object.values(large).reduce((a, b) => a + b, 0);
      expect(total).toBeLessThanOrEqual(TIMELINE_MAX * 2 + 10);
    } finally {
      await counted.delete();
    }
  });
});

describe('ticket.open answers with the memory panels before the visit is written', () => {
  const snapshotFor = (customerId: string, ticketId: string, over: Partial<TicketSnapshot> = {}): TicketSnapshot => ({
    helpdesk: 'zendesk',
    account: 'acme.zendesk.com',
    ticketId,
    url: `https://acme.zendesk.com/agent/tickets/${ticketId}`,
    subject: 'Export broken again',
    status: 'open',
    tags: ['export'],
    requester: { name: 'Sam', externalId: customerId },
    messages: [{ role: 'customer', text: 'This is so frustrating, it broke again.', public: true }],
    ...over,
  });

  /** Opens the ticket; its memory answer must equal memoryContext read once the visit is written. */
  async function openAndCompare(customerId: string, ticketId: string, label: string) {
    const { answer } = openTicketWithMemory(repo, snapshotFor(customerId, ticketId));
    const opened = await answer;
    expect(opened.memory, label).toEqual(await memoryContext(repo, opened.customer.id, ref(ticketId), NOW));
    return opened;
  }

  it('gives what reading after the write gives: new tickets, revisits, long and short histories', async () => {
    const shapes: Shape[] = [
      { visits: 150, notes: 120, mood: 0.3, topic: 0.2, pinned: 0.05, noteTickets: 150 },
      { visits: 40, notes: 40, mood: 0.1, topic: 0.1, pinned: 0.1, noteTickets: 40 },
      { visits: 39, notes: 10, mood: 0.1, topic: 0.3, pinned: 0, noteTickets: 39 },
      { visits: 3, notes: 2, mood: 0.5, topic: 0.5, pinned: 0.5, noteTickets: 3 },
      { visits: 0, notes: 0, mood: 0, topic: 0, pinned: 0, noteTickets: 1 },
    ];
    let compared = 0;
    for (const [s, shape] of shapes.entries()) {
      for (let round = 0; round < 3; round++) {
        const customerId = `o${s}-${round}`;
        const { visits } = await seed(random(500 + s * 10 + round), shape, customerId);
        // Some tickets first seen this week, one deep in the list.
        if (visits.length > 5) await database.visits.update(visits[visits.length - 2]!.id, { firstSeen: NOW - 2 * DAY });
        for (const ticketId of ['new-1', visits[0]?.ticketId, visits[Math.floor(visits.length * 0.9)]?.ticketId, 'new-1']) {
          if (!ticketId) continue;
          await openAndCompare(customerId, ticketId, `${customerId} on ${ticketId}`);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('counts a ticket that was another customer’s, and tickets dated after now, as the write leaves them', async () => {
    const { visits } = await seed(random(901), { visits: 60, notes: 5, mood: 0.2, topic: 0.2, pinned: 0, noteTickets: 60 }, 'mine');
    const other = await seed(random(902), { visits: 60, notes: 5, mood: 0.2, topic: 0.2, pinned: 0, noteTickets: 60 }, 'other');
    // Imported from a machine whose clock runs ahead: newer than the visit being written.
    await database.visits.bulkPut(visits.slice(0, 45).map((v, k) => ({ ...v, lastSeen: NOW + (k + 1) * 60_000 })));
    // The requester of the other customer's ticket changed to this customer: first seen this week.
    await database.visits.update(other.visits[3]!.id, { firstSeen: NOW - DAY });
    const opened = await openAndCompare('mine', other.visits[3]!.ticketId, 'moved ticket');
    expect(opened.memory?.cues.map((c) => c.id)).toContain('repeat-contact');
    await openAndCompare('mine', visits[50]!.ticketId, 'an older ticket again');
  });

  it('an agent’s own new conversation, written now, is left out of the week’s count as reading after the write leaves it', async () => {
    const { visits } = await seed(random(903), { visits: 60, notes: 5, mood: 0.2, topic: 0.2, pinned: 0, noteTickets: 60 }, 'out');
    await database.visits.bulkPut(visits.slice(0, 8).map((v, k) => ({ ...v, firstSeen: NOW - (k + 1) * 3_600_000, ...(k % 2 ? { startedBy: 'agent' as const } : {}) })));
    const outbound = { startedBy: 'agent' as const, messages: [{ role: 'agent' as const, text: 'Your replacement ships tomorrow.', public: true }] };
    for (const ticketId of ['sent-1', visits[1]!.ticketId, visits[2]!.ticketId, visits[40]!.ticketId]) {
      const { answer } = openTicketWithMemory(repo, snapshotFor('out', ticketId, outbound));
      const opened = await answer;
      expect(opened.memory, ticketId).toEqual(await memoryContext(repo, opened.customer.id, ref(ticketId), NOW));
      expect(opened.memory?.cues.map((c) => c.reason).join(' | '), ticketId).not.toMatch(/ticket (today|since)/);
    }
  });

  it('answers before the write lands; a later reader sees the visit; a write that fails later rejects `written` only', async () => {
    const visitWrites = refuseWritesTo(database, 'visits');
    await seed(random(903), { visits: 5, notes: 1, mood: 0, topic: 0, pinned: 0, noteTickets: 5 }, 'c1');
    const { answer, written } = openTicketWithMemory(repo, snapshotFor('c1', 'fresh'));
    let landed = false;
    void written.then(() => (landed = true));
    const opened = await answer;
    expect(landed).toBe(false);
    expect(opened.memory?.timeline.some((e) => e.kind === 'ticket' && e.current && e.visit.ticketId === 'fresh')).toBe(true);
    // Without awaiting `written`: a later transaction waits for the write and sees the visit.
    expect((await repo.visitsOf('c1')).map((v) => v.ticketId)).toContain('fresh');
    expect(landed).toBe(true);

    visitWrites.refusing = true;
    const failing = openTicketWithMemory(repo, snapshotFor('c1', 'refused'));
    expect((await failing.answer).memory?.customer.id).toBe('c1');
    await expect(failing.written).rejects.toThrow('full');
    visitWrites.refusing = false;
    expect((await repo.visitsOf('c1')).map((v) => v.ticketId)).not.toContain('refused');
  });
});
