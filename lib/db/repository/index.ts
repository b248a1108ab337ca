/**
 * The one way into the database for intent-level operations. Callers say what happened ("a ticket
 * was opened", "the agent wrote a note"); the repository decides what rows that means, so side
 * effects live in one place. Split by aggregate, each part building on the one before:
 *
 *   core.ts        database, clock, errors, idempotent-create and row-update helpers
 *   customers.ts   find a requester's customer, profiles, customer search
 *   visits.ts      tickets of a customer, helpdesk-API history and its fetch log
 *   notes.ts       notes: add, edit, pin, search
 *   facts.ts       facts and "mention next"
 *   follow-ups.ts  follow-ups, due times, notifications
 *   merges.ts      merge two customers and undo it
 *   opening.ts     opening a ticket (reads everything the sidebar needs, then writes the visit)
 *
 * Reply records and their weekly sums live in lib/db/reply-stats.ts, disputes in lib/db/disputes.ts.
 */
import { TicketOpening } from './opening';

export class Repository extends TicketOpening {}

export { COUNT_CAP, countUpTo, MergeError, NOTES_PAGE, systemClock, UnknownCustomerError, UnknownRowError } from './core';
export type { Clock, SaveResult } from './core';
export type { ApiTicket } from './visits';
export type { Opening } from './opening';
