/** A small, realistic database for exchange tests: two customers, a visit, notes, a fact, a promise, a reply. */
import { RapportDB } from '@/lib/db/db';
import type { Customer, Fact, FollowUp, Note, ReplyRecord, TicketVisit } from '@/lib/db/types';

export const T0 = Date.UTC(2026, 10, 25, 9);
const DAY = 86_400_000;

export function freshDb(): RapportDB {
  return new RapportDB(`exchange-${crypto.randomUUID()}`);
}

export const sam = (over: Partial<Customer> = {}): Customer => ({
  id: 'c-sam',
  helpdesk: 'zendesk',
  account: 'acme.zendesk.com',
  externalId: '9001',
  name: 'Sam Rivera',
  emails: ['sam.rivera@example.com'],
  firstSeen: T0 - 90 * DAY,
  lastSeen: T0 - DAY,
  updatedAt: T0 - DAY,
  version: 1,
  ...over,
});

export const dana = (over: Partial<Customer> = {}): Customer => ({
  id: 'c-dana',
  helpdesk: 'zendesk',
  account: 'acme.zendesk.com',
  externalId: '9002',
  name: 'Dana Whitfield',
  emails: ['dana@example.org'],
  firstSeen: T0 - 10 * DAY,
  lastSeen: T0 - 2 * DAY,
  updatedAt: T0 - 2 * DAY,
  version: 1,
  ...over,
});

export const visit = (over: Partial<TicketVisit> = {}): TicketVisit => ({
  id: 'zendesk:acme.zendesk.com:102',
  helpdesk: 'zendesk',
  account: 'acme.zendesk.com',
  ticketId: '102',
  subject: 'Where is my refund?',
  status: 'open',
  customerId: 'c-sam',
  firstSeen: T0 - 3 * DAY,
  lastSeen: T0 - DAY,
  source: 'visit',
  ...over,
});

export const note = (over: Partial<Note> = {}): Note => ({
  id: 'n-1',
  customerId: 'c-sam',
  ticket: { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '102' },
  ticketKey: 'zendesk:acme.zendesk.com:102',
  text: 'Prefers email over phone',
  tags: ['preference'],
  createdAt: T0 - 3 * DAY,
  updatedAt: T0 - 3 * DAY,
  pinned: false,
  edits: [],
  version: 1,
  ...over,
});

export const fact = (over: Partial<Fact> = {}): Fact => ({
  id: 'f-1',
  customerId: 'c-sam',
  text: 'Launching their store in May',
  createdAt: T0 - 3 * DAY,
  mentionNext: true,
  ...over,
});

export const followUp = (over: Partial<FollowUp> = {}): FollowUp => ({
  id: 'p-1',
  customerId: 'c-sam',
  ticket: { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '102' },
  text: 'Confirm the refund landed',
  dueAt: T0 + DAY,
  createdAt: T0 - DAY,
  status: 'open',
  origin: 'manual',
  ...over,
});

export const reply = (over: Partial<ReplyRecord> = {}): ReplyRecord => ({
  id: 'r-1',
  helpdesk: 'zendesk',
  account: 'acme.zendesk.com',
  ticketId: '102',
  customerId: 'c-sam',
  sentAt: T0 - DAY,
  responseMs: 40 * 60_000,
  states: { 'greets-by-name': 'pass', 'answers-questions': 'fail' },
  readiness: 0.5,
  packId: 'default',
  packVersion: 1,
  ...over,
});

export async function seed(database: RapportDB): Promise<void> {
  await database.customers.bulkPut([sam(), dana({ name: 'Dana =HYPERLINK("http://evil")' })]);
  await database.visits.put(visit());
  await database.notes.bulkPut([note(), note({ id: 'n-2', customerId: 'c-dana', ticket: undefined, ticketKey: undefined, text: 'Upset about a double charge' })]);
  await database.facts.put(fact());
  await database.followUps.put(followUp());
  await database.replies.put(reply());
}
