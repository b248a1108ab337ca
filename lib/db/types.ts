import type { HelpdeskId } from '../helpdesks/types';

/** Milliseconds since the epoch. Stored as numbers so they index and compare cheaply. */
export type Millis = number;

/** One person who writes to support, as one helpdesk account knows them. */
export interface Customer {
  /** Random UUID: stable across devices, so exported bundles can be merged later. */
  id: string;
  helpdesk: HelpdeskId;
  /** The helpdesk account host, e.g. `acme.zendesk.com`. */
  account: string;
  /** The helpdesk's own requester/contact id, when the page showed it. */
  externalId?: string;
  name?: string;
  /** Lower-cased email addresses; the first is the one seen most recently. */
  emails: string[];
  firstSeen: Millis;
  lastSeen: Millis;
  updatedAt: Millis;
}

/** A ticket the agent opened with Rapport running. One row per ticket, updated on each visit. */
export interface TicketVisit {
  /** `${helpdesk}:${account}:${ticketId}` (see ticketKey). */
  id: string;
  helpdesk: HelpdeskId;
  account: string;
  ticketId: string;
  subject?: string;
  status?: string;
  customerId: string;
  firstSeen: Millis;
  lastSeen: Millis;
}

export interface TicketRef {
  helpdesk: HelpdeskId;
  account: string;
  ticketId: string;
}

/** Something an agent wrote down about a customer, optionally tied to the ticket it came from. */
export interface Note {
  id: string;
  customerId: string;
  ticket?: TicketRef;
  /** ticketKey(ticket) when `ticket` is set; indexed so a ticket's notes are one lookup. */
  ticketKey?: string;
  /** Plain text, shown as text. */
  text: string;
  tags: string[];
  createdAt: Millis;
  updatedAt: Millis;
}

export function ticketKey(t: TicketRef): string {
  return `${t.helpdesk}:${t.account}:${t.ticketId}`;
}
