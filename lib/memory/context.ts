/** What the memory panels show for a customer on a ticket: one read of stored data (issue #3). */
import type { Repository } from '../db/repository';
import { ticketKey, type TicketRef } from '../db/types';
import { cuesFor } from './cues';
import type { LastTime, MemoryContext, TimelineEntry } from './messages';

export const TIMELINE_MAX = 40;

export async function memoryContext(repo: Repository, customerId: string, ticket: TicketRef, now: number): Promise<MemoryContext> {
  // One read-only transaction for every table: one snapshot, and one transaction's overhead.
  const { customer, visits, notes, facts, followUps, merges, api } = await repo.readOnly(async () => {
    const c = await repo.customer(customerId);
    const [visits, notes, facts, followUps, merges, api] = await Promise.all([
      repo.visitsOf(c.id),
      repo.notesFor(c.id),
      repo.factsOf(c.id),
      repo.openFollowUpsOf(c.id),
      repo.mergesOf(c.id),
      c.externalId ? repo.apiFetch(`${c.helpdesk}:${c.account}:${c.externalId}`) : undefined,
    ]);
    return { customer: c, visits, notes, facts, followUps, merges, api };
  });
  const current = ticketKey(ticket);
  const cues = cuesFor({ customer, currentTicket: current, visits, facts, followUps, notes, now });

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
      at: previous.lastSeen,
      outcome: previous.outcome ?? previous.status,
      note: note?.text,
    };
  }
  return { customer, cues, lastTime, facts, followUps, timeline, merges, api };
}
