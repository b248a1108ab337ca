/** Tickets of a customer (visited or learned from the helpdesk's API) and the API fetch log. */
import { isEnded } from '../../memory/status';
import { isContact } from '../../memory/tickets';
import type { VisitSummary } from '../../messages';
import { ticketKey, type ApiFetch, type TicketRef, type TicketVisit } from '../types';
import type { AuthorRole } from '../../helpdesks/types';
import { countUpTo, COUNT_CAP } from './core';
import { CustomerRepository } from './customers';

export interface ApiTicket extends TicketRef {
  subject?: string;
  status?: string;
  createdAt: number;
  updatedAt: number;
  tags?: string[];
  startedBy?: AuthorRole;
  /** Deleted or spam in the helpdesk: updates a recorded ticket, never adds one (`PastTicket.gone`). */
  gone?: true;
}

export class VisitRepository extends CustomerRepository {
  /**
   * Tickets of this customer seen so far, and when last: when they last wrote on the newest one where
   * the page showed it (as "Last time" and its cue say), else when it was last open.
   */
  async historyOf(customerId: string): Promise<VisitSummary> {
    // Counted on the index (up to COUNT_CAP) and the latest read off its end: no rows are loaded.
    const [seen, last] = await Promise.all([countUpTo(this.visitsByLastSeen(customerId), COUNT_CAP), this.visitsByLastSeen(customerId).last()]);
    if (seen.count === 0) return { ticketsSeen: 0 };
    return { ticketsSeen: seen.count, ...(seen.capped ? { ticketsSeenCapped: true } : {}), lastSeen: last?.lastCustomerMessageAt ?? last?.lastSeen };
  }

  /** The newest `limit` tickets of a customer, newest first (the order of `visitsOf`). */
  async recentVisitsOf(customerId: string, limit: number): Promise<TicketVisit[]> {
    return this.visitsByLastSeen(customerId).reverse().limit(limit).toArray();
  }

  /** Ticket `key` if it belongs to this customer. */
  async visitOf(key: string, customerId: string): Promise<TicketVisit | undefined> {
    const visit = await this.database.visits.get(key);
    return visit?.customerId === customerId ? visit : undefined;
  }

  /** How many of a customer's own tickets (`isContact`) were first seen at or after `since`, and the earliest of them. */
  async contactsFirstSeenSince(customerId: string, since: number): Promise<{ count: number; earliestFirstSeen?: number }> {
    const { visits } = this.database;
    const range = () => visits.where('[customerId+firstSeen]').between([customerId, since], [customerId, Infinity], true, true);
    // Counted on the indexes: all of them, less those an agent opened (schema v9).
    const [all, opened, first] = await Promise.all([
      range().count(),
      visits.where('[customerId+startedBy+firstSeen]').between([customerId, 'agent', since], [customerId, 'agent', Infinity], true, true).count(),
      range().filter(isContact).first(),
    ]);
    return { count: all - opened, earliestFirstSeen: first?.firstSeen };
  }

  /** The customer's ticket first seen earliest. */
  async earliestVisitOf(customerId: string): Promise<TicketVisit | undefined> {
    return this.database.visits.where('[customerId+firstSeen]').between([customerId, -Infinity], [customerId, Infinity]).first();
  }

  protected visitsByLastSeen(customerId: string) {
    return this.database.visits.where('[customerId+lastSeen]').between([customerId, -Infinity], [customerId, Infinity]);
  }

  /** All tickets of a customer (visited or from the helpdesk's API), newest first. */
  async visitsOf(customerId: string): Promise<TicketVisit[]> {
    return this.visitsByLastSeen(customerId).reverse().toArray();
  }

  /**
   * Stores tickets learned from the helpdesk's API as `source: 'api'` visits. A ticket the agent
   * already opened keeps its visit row: a missing subject is filled in, and its status (with the
   * outcome that follows from it) becomes the helpdesk's, asked just now — fresher than the page the
   * agent last saw it on (closed by a colleague since, or a status picked on the page but never saved).
   */
  async recordApiTickets(customerId: string, tickets: ApiTicket[]): Promise<number> {
    const customer = await this.customer(customerId);
    const { visits, customers } = this.database;
    return this.database.transaction('rw', visits, customers, async () => {
      let added = 0;
      for (const t of tickets) {
        const id = ticketKey(t);
        const previous = await visits.get(id);
        if (t.gone) {
          if (previous && previous.customerId === customer.id && previous.status !== t.status) await visits.put({ ...previous, status: t.status, ...endOf(t.status, previous.closedAt ?? t.updatedAt) });
          continue;
        }
        if (previous && previous.source !== 'api') {
          // The same status in other words ("Open" on the page, "open" from the API) is no change: no write.
          const same = (t.status ?? previous.status)?.trim().toLowerCase() === previous.status?.trim().toLowerCase();
          const status = same ? previous.status : t.status;
          const startedBy = previous.startedBy ?? t.startedBy;
          if (!previous.subject || !same || startedBy !== previous.startedBy) {
            await visits.put({ ...previous, subject: previous.subject ?? t.subject, status, ...endOf(status, previous.closedAt ?? t.updatedAt), ...(startedBy ? { startedBy } : {}) });
          }
          continue;
        }
        await visits.put({
          id,
          helpdesk: t.helpdesk,
          account: t.account,
          ticketId: t.ticketId,
          subject: t.subject,
          status: t.status,
          customerId: customer.id,
          firstSeen: t.createdAt,
          lastSeen: t.updatedAt,
          source: 'api',
          tags: t.tags,
          ...endOf(t.status, t.updatedAt),
          ...(t.startedBy ? { startedBy: t.startedBy } : {}),
        });
        if (!previous) added++;
      }
      const earliest = Math.min(...tickets.filter((t) => !t.gone).map((t) => t.createdAt));
      if (earliest < customer.firstSeen) await customers.update(customer.id, { firstSeen: earliest });
      return added;
    });
  }

  async apiFetch(key: string): Promise<ApiFetch | undefined> {
    return this.database.apiFetches.get(key);
  }

  /** Whether the helpdesk API may be asked about this customer now (once per 5 minutes, after Retry-After). */
  async apiFetchDue(key: string, minIntervalMs = 5 * 60_000): Promise<{ due: boolean; retryAt?: number }> {
    const last = await this.database.apiFetches.get(key);
    const now = this.clock.now();
    if (!last) return { due: true };
    const retryAt = Math.max(last.fetchedAt + minIntervalMs, last.retryAfter ?? 0);
    return now >= retryAt ? { due: true } : { due: false, retryAt };
  }

  async recordApiFetch(row: ApiFetch): Promise<void> {
    await this.database.apiFetches.put({ ...row });
  }
}

/** A ticket's outcome as its status says: ended (solved, closed, resolved) since `closedAt`, or open. */
function endOf(status: string | undefined, closedAt: number): Pick<TicketVisit, 'outcome' | 'closedAt'> {
  return isEnded(status) ? { outcome: status!.trim().toLowerCase(), closedAt } : { outcome: undefined, closedAt: undefined };
}
