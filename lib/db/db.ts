/**
 * The one Rapport database. It lives in the extension's own origin: opened by the background and by
 * extension pages, never by a content script (that would put it in the helpdesk's origin, where the
 * page's scripts could read it).
 *
 * Versions are appended, never edited. A version that reshapes data gets an `upgrade` and a test that
 * migrates a stored fixture of the previous shape (test/unit/db/).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Customer, Note, TicketVisit } from './types';

export const DB_NAME = 'rapport';

export class RapportDB extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  visits!: EntityTable<TicketVisit, 'id'>;
  notes!: EntityTable<Note, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // v1 — Foundation (issue #2).
    this.version(1).stores({
      customers: 'id, [helpdesk+account+externalId], *emails, [helpdesk+account+name], lastSeen',
      visits: 'id, customerId, [customerId+lastSeen], lastSeen',
      notes: 'id, customerId, [customerId+createdAt], ticketKey, updatedAt, *tags',
    });
  }
}

let shared: RapportDB | undefined;

/** The database of this extension context, opened lazily. */
export function db(): RapportDB {
  shared ??= new RapportDB();
  return shared;
}
