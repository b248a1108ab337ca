/**
 * How many tickets a customer has, counted ONE way for every view (issue #12): the sidebar's cues,
 * its timeline and the dashboard's customer page. A ticket is a stored visit row — opened with
 * Rapport running or learned from the helpdesk's API history (`source: 'api'`) — one row per ticket,
 * so a ticket seen both ways counts once. "This week" is by `firstSeen`: when the ticket started
 * (its first message's time where the page shows one, the API's created time, else when Rapport
 * first opened it), the ticket open now included even before its visit is written. It counts the
 * customer's contacts: a ticket an agent opened to write to them (`startedBy: 'agent'`, an outbound
 * mail) is no "2nd ticket today — acknowledge the hassle".
 *
 * The visit line under the customer's name ("Seen 3 times") counts the same rows on an index
 * (lib/db/repository/visits.ts `historyOf`), before the current visit is written.
 */
import type { TicketVisit } from '../db/types';

const WEEK = 7 * 86_400_000;

export interface TicketCount {
  /** Tickets other than the one open now (all of them where no ticket is open, e.g. the dashboard). */
  others: number;
  /** The customer's tickets first seen in the 7 days before `now`, the open one included (not the ones an agent opened). */
  thisWeek: number;
  /** The earliest `firstSeen` among those. */
  earliestThisWeek?: number;
}

export interface CountInput {
  visits: TicketVisit[];
  /** `ticketKey` of the ticket open now; absent where none is (the dashboard). */
  currentTicket?: string;
  now: number;
  /**
   * Tickets first seen this week as counted on an index, when `visits` is only the newest page
   * (lib/memory/context.ts); the open ticket is among them once its visit is recorded.
   */
  week?: { count: number; earliestFirstSeen?: number };
}

export function countTickets({ visits, currentTicket, now, week }: CountInput): TicketCount {
  const ids = new Set(visits.map((v) => v.id));
  const currentStored = currentTicket !== undefined && ids.has(currentTicket);
  const others = ids.size - Number(currentStored);
  const counted = week ?? weekOf(visits, now);
  // The open ticket counts this week even before its visit is written: it is open now.
  const pending = currentTicket !== undefined && !currentStored;
  return {
    others,
    thisWeek: counted.count + Number(pending),
    earliestThisWeek: pending ? Math.min(counted.earliestFirstSeen ?? now, now) : counted.earliestFirstSeen,
  };
}

function weekOf(visits: TicketVisit[], now: number): { count: number; earliestFirstSeen?: number } {
  const seen = new Map<string, number>();
  for (const v of visits) if (v.firstSeen >= now - WEEK && isContact(v)) seen.set(v.id, v.firstSeen);
  return { count: seen.size, earliestFirstSeen: seen.size ? Math.min(...seen.values()) : undefined };
}

/** A ticket the customer opened, as far as anyone knows: all but those an agent opened to write to them. */
export const isContact = (visit: Pick<TicketVisit, 'startedBy'>): boolean => visit.startedBy !== 'agent';
