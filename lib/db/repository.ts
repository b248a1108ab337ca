/**
 * Intent-level operations on the database. Callers say what happened ("a ticket was opened",
 * "the agent wrote a note"); this module decides what rows that means.
 */
import type { RapportDB } from './db';
import { ticketKey, type Customer, type Note, type TicketRef, type TicketVisit } from './types';
import type { TicketSnapshot } from '../helpdesks/types';
import type { TicketContext, VisitSummary } from '../messages';

export interface Clock {
  now(): number;
  uuid(): string;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  uuid: () => crypto.randomUUID(),
};

const normaliseEmail = (email: string | undefined) => {
  const e = email?.trim().toLowerCase();
  return e && /^[^\s@]+@[^\s@]+$/.test(e) ? e : undefined;
};

const normaliseName = (name: string | undefined) => name?.replace(/\s+/g, ' ').trim() || undefined;

export class Repository {
  constructor(
    private readonly database: RapportDB,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Finds the customer a snapshot's requester is, most certain match first: the helpdesk's own id,
   * then any stored email (across helpdesks: an email is a person), then the same name in the same
   * account when the page showed neither.
   */
  async findCustomer(snapshot: TicketSnapshot): Promise<Customer | undefined> {
    const { helpdesk, account, requester } = snapshot;
    const t = this.database.customers;
    if (requester.externalId) {
      const hit = await t.where('[helpdesk+account+externalId]').equals([helpdesk, account, requester.externalId]).first();
      if (hit) return hit;
    }
    const email = normaliseEmail(requester.email);
    if (email) {
      const hits = await t.where('emails').equals(email).toArray();
      // Prefer the one in this helpdesk account, then the most recently seen.
      hits.sort(
        (a, b) =>
          Number(b.helpdesk === helpdesk && b.account === account) - Number(a.helpdesk === helpdesk && a.account === account) ||
          b.lastSeen - a.lastSeen,
      );
      if (hits[0]) return hits[0];
    }
    const name = normaliseName(requester.name);
    if (name && !requester.externalId && !email) {
      return t.where('[helpdesk+account+name]').equals([helpdesk, account, name]).first();
    }
    return undefined;
  }

  /**
   * Records that the agent opened a ticket: creates or refreshes the customer and the ticket visit,
   * and answers what the sidebar needs. History is what we knew *before* this visit.
   */
  async openTicket(snapshot: TicketSnapshot): Promise<TicketContext> {
    const now = this.clock.now();
    const { customers, visits, notes } = this.database;
    return this.database.transaction('rw', customers, visits, notes, async () => {
      const found = await this.findCustomer(snapshot);
      const customer = this.mergeRequester(found, snapshot, now);
      await customers.put({ ...customer });

      const history = await this.historyOf(customer.id);
      const id = ticketKey(snapshot);
      const previous = await visits.get(id);
      const visit: TicketVisit = {
        ...previous,
        id,
        helpdesk: snapshot.helpdesk,
        account: snapshot.account,
        ticketId: snapshot.ticketId,
        subject: snapshot.subject ?? previous?.subject,
        status: snapshot.status ?? previous?.status,
        customerId: customer.id,
        firstSeen: previous?.firstSeen ?? now,
        lastSeen: now,
        source: 'visit',
      };
      await visits.put({ ...visit });
      const customerNotes = await this.notesFor(customer.id);
      return { customer, history, notes: customerNotes };
    });
  }

  private mergeRequester(found: Customer | undefined, snapshot: TicketSnapshot, now: number): Customer {
    const { requester } = snapshot;
    const email = normaliseEmail(requester.email);
    const name = normaliseName(requester.name);
    if (!found) {
      return {
        id: this.clock.uuid(),
        helpdesk: snapshot.helpdesk,
        account: snapshot.account,
        externalId: requester.externalId,
        name,
        emails: email ? [email] : [],
        firstSeen: now,
        lastSeen: now,
        updatedAt: now,
        version: 1,
      };
    }
    const sameAccount = found.helpdesk === snapshot.helpdesk && found.account === snapshot.account;
    return {
      ...found,
      // The helpdesk id only means something in its own account.
      externalId: found.externalId ?? (sameAccount ? requester.externalId : undefined),
      name: name ?? found.name,
      emails: email ? [email, ...found.emails.filter((e) => e !== email)] : found.emails,
      lastSeen: now,
      updatedAt: now,
    };
  }

  /** Tickets of this customer seen so far, and when last. */
  async historyOf(customerId: string): Promise<VisitSummary> {
    const rows = await this.database.visits.where('customerId').equals(customerId).toArray();
    if (rows.length === 0) return { ticketsSeen: 0 };
    return { ticketsSeen: rows.length, lastSeen: Math.max(...rows.map((r) => r.lastSeen)) };
  }

  /** A customer's notes, newest first. */
  async notesFor(customerId: string): Promise<Note[]> {
    const rows = await this.database.notes
      .where('[customerId+createdAt]')
      .between([customerId, -Infinity], [customerId, Infinity])
      .reverse()
      .toArray();
    return rows;
  }

  async addNote(input: { customerId: string; ticket?: TicketRef; text: string; tags?: string[] }): Promise<Note> {
    const customer = await this.database.customers.get(input.customerId);
    if (!customer) throw new UnknownCustomerError(input.customerId);
    const now = this.clock.now();
    const note: Note = {
      id: this.clock.uuid(),
      customerId: input.customerId,
      ticket: input.ticket ? { ...input.ticket } : undefined,
      ticketKey: input.ticket ? ticketKey(input.ticket) : undefined,
      text: input.text,
      tags: [...new Set((input.tags ?? []).map((t) => t.trim()).filter(Boolean))],
      createdAt: now,
      updatedAt: now,
      pinned: false,
      edits: [],
      version: 1,
    };
    await this.database.notes.add({ ...note });
    return note;
  }
}

export class UnknownCustomerError extends Error {
  constructor(customerId: string) {
    super(`No customer with id ${customerId}; reload the ticket and try again.`);
    this.name = 'UnknownCustomerError';
  }
}
