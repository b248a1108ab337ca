/** The customer's "third time" is read when the ticket is opened and reaches every view (issue #12). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportDB } from '@/lib/db/db';
import { Repository } from '@/lib/db/repository';
import { openTicketWithMemory } from '@/lib/memory/context';
import type { TicketSnapshot } from '@/lib/helpdesks/types';

let database: RapportDB;
let repo: Repository;
beforeEach(() => {
  database = new RapportDB(`repeat-${crypto.randomUUID()}`);
  repo = new Repository(database);
});
afterEach(() => database.delete());

const snapshot = (text: string): TicketSnapshot => ({
  helpdesk: 'zendesk',
  account: 'demo.zendesk.com',
  ticketId: '101',
  url: 'https://demo.zendesk.com/agent/tickets/101',
  requester: { name: 'Dana Whitfield', email: 'dana@example.com' },
  messages: [
    { role: 'customer', text: 'I was charged twice. Can you refund one?', public: true },
    { role: 'agent', text: "Sorry — I'll get back to you.", public: true },
    { role: 'customer', text, public: true },
  ],
});

describe('opening a ticket where the customer says it is not their first time', () => {
  it('stores the claim on the visit, tells the visit line, and the cues agree', async () => {
    const { answer, written } = openTicketWithMemory(repo, snapshot("This is the THIRD time I'm writing about this."));
    const opened = await answer;
    await written;
    expect(opened.history).toEqual({ ticketsSeen: 0, customerSaysRepeat: true });
    const ids = opened.memory!.cues.map((c) => c.id);
    expect(ids).toContain('repeat-contact');
    expect(ids).not.toContain('first-contact');
    expect((await database.visits.toArray())[0]?.repeatClaim).toEqual({ times: 3, phrase: "This is the THIRD time I'm writing about this" });
  });

  it('a plain first message stays a first ticket', async () => {
    const opened = await openTicketWithMemory(repo, snapshot('Thanks, hopefully not again!')).answer;
    expect(opened.history).toEqual({ ticketsSeen: 0 });
    expect(opened.memory!.cues.map((c) => c.id)).toContain('first-contact');
  });
});
