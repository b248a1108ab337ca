/** What the memory panels show for a customer on a ticket: one read of stored data (issue #3). */
import type { Opening, Repository } from '../db/repository';
import { ticketKey, type Customer, type Note, type TicketRef, type TicketVisit } from '../db/types';
import type { TicketSnapshot } from '../helpdesks/types';
import type { TicketContext } from '../messages';
import { cuesFor, LOOK_BACK } from './cues';
import { isContact } from './tickets';
import type { LastTime, MemoryContext, TimelineEntry } from './messages';

export const TIMELINE_MAX = 40;
const WEEK = 7 * 86_400_000;
/** Tickets read: the timeline's, and LOOK_BACK before the current one (which may be among them). */
const TICKETS_READ = Math.max(TIMELINE_MAX, LOOK_BACK + 1);

/**
 * Reads only what the panels show, however long the customer's history — a bounded number of rows:
 * the newest TICKETS_READ tickets and TIMELINE_MAX notes (timeline, "last time", and the mood and
 * topic cues, which look back LOOK_BACK tickets), how many tickets were first seen this week
 * (counted on the index), the earliest and the current ticket, and — only when the newest notes
 * don't have them — the newest note on the previous ticket (`ticketKey` index) and the newest pinned
 * note (pinned-notes index, schema v4). The answer is the same as reading every ticket and note
 * (test/unit/memory/context.test.ts checks that).
 */
export async function memoryContext(repo: Repository, customerId: string, ticket: TicketRef, now: number): Promise<MemoryContext> {
  const current = ticketKey(ticket);
  // One read-only transaction for every table: one snapshot, and one transaction's overhead.
  const read = await repo.readOnly(async () => readMemory(repo, await repo.customer(customerId), current, now));
  return assemble(read, current);
}

/**
 * `ticket.open` with the memory panels' answer (`memory`) read in the same transaction and in
 * parallel with the ticket's own reads: what the sidebar shows first costs one message and one
 * transaction, and it is answered before the visit is written (see `openTicketAnswering`).
 */
export function openTicketWithMemory(repo: Repository, snapshot: TicketSnapshot, workspace?: string): { answer: Promise<TicketContext>; written: Promise<void> } {
  const current = ticketKey(snapshot);
  const { answer, written } = repo.openTicketAnswering(
    snapshot,
    (opening) => readMemory(repo, opening.customer, current, opening.now, opening),
    { notesRead: TIMELINE_MAX, workspace },
  );
  return {
    answer: answer.then(({ also, ...opened }) => ({ ...opened, memory: assemble(also, current) })),
    written,
  };
}

type MemoryRead = Awaited<ReturnType<typeof readMemory>>;

/**
 * The rows the panels need; runs inside the caller's transaction. With `opening`, the visit it
 * names is about to be written: the answer is what reading after that write would give.
 */
async function readMemory(repo: Repository, c: Customer, current: string, now: number, opening?: Opening) {
  const [read, notes, facts, followUps, merges, api] = await Promise.all([
    repo.recentVisitsOf(c.id, TICKETS_READ),
    opening?.newestNotes ?? repo.recentNotesOf(c.id, TIMELINE_MAX),
    repo.factsOf(c.id),
    repo.openFollowUpsOf(c.id),
    repo.mergesOf(c.id),
    c.externalId ? repo.apiFetch(`${c.helpdesk}:${c.account}:${c.externalId}`) : undefined,
  ]);
  const recent = opening ? withVisit(read, opening.visit).slice(0, TICKETS_READ) : read;
  // A short history is read whole: the cues work on it as is, with no further requests.
  const more = recent.length === TICKETS_READ;
  const moreNotes = notes.length === TIMELINE_MAX;
  // "Last time": the newest note on the previous ticket, else the newest pinned note — looked up
  // on their indexes only when the newest notes don't have them.
  const last = recent.find((v) => v.id !== current);
  const onLast = last && notes.find((n) => n.ticketKey === last.id);
  // Everything else in one more round of requests, all in parallel.
  const [counted, earliest, visit, olderOnLast, pinned] = await Promise.all([
    more ? repo.contactsFirstSeenSince(c.id, now - WEEK) : undefined,
    more ? repo.earliestVisitOf(c.id) : undefined,
    more ? (opening?.visit ?? recent.find((v) => v.id === current) ?? repo.visitOf(current, c.id)) : undefined,
    last && !onLast && moreNotes ? repo.newestNoteOn(c.id, last.id) : undefined,
    last && !onLast ? (notes.find((n) => n.pinned) ?? (moreNotes ? repo.newestPinnedNoteOf(c.id) : undefined)) : undefined,
  ]);
  const week = counted && opening ? weekWith(counted, opening, c.id, now - WEEK) : counted;
  const lastNote: Note | undefined = onLast ?? olderOnLast ?? pinned;
  const known = new Map<string, TicketVisit>(recent.map((v) => [v.id, v]));
  // The earliest as read may be the visit's stored version: the one being written replaces it.
  for (const v of [earliest, visit]) if (v) known.set(v.id, v);
  return { customer: c, recent: recent.slice(0, TIMELINE_MAX), cueVisits: newestFirst([...known.values()]), notes, facts, followUps, merges, api, last, lastNote, week, now };
}

/** Newest first, as `visitsOf` orders them (lastSeen, then id, descending). */
const newestFirst = (visits: TicketVisit[]) => visits.sort((a, b) => b.lastSeen - a.lastSeen || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));

/** `visits` (newest first) with `visit` in place of its stored version. */
const withVisit = (visits: TicketVisit[], visit: TicketVisit) => newestFirst([visit, ...visits.filter((v) => v.id !== visit.id)]);

/** The first-seen-this-week count as read, corrected for the visit being written. */
function weekWith(counted: { count: number; earliestFirstSeen?: number }, { visit, previous }: Opening, customerId: string, since: number) {
  const wasCounted = previous?.customerId === customerId && previous.firstSeen >= since && isContact(previous);
  if (visit.firstSeen < since || !isContact(visit)) return { count: counted.count - Number(wasCounted), earliestFirstSeen: counted.earliestFirstSeen };
  return { count: counted.count - Number(wasCounted) + 1, earliestFirstSeen: Math.min(counted.earliestFirstSeen ?? Infinity, visit.firstSeen) };
}

function assemble(read: MemoryRead, current: string): MemoryContext {
  const { customer, recent, cueVisits, notes, facts, followUps, merges, api, last, lastNote, week, now } = read;
  const cues = cuesFor({ customer, currentTicket: current, visits: cueVisits, week, facts, followUps, notes, now, api });

  const timeline: TimelineEntry[] = [
    ...recent.map((visit) => ({ kind: 'ticket' as const, at: visit.lastSeen, visit, current: visit.id === current })),
    ...notes.map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
  ]
    .sort((a, b) => b.at - a.at)
    .slice(0, TIMELINE_MAX);

  let lastTime: LastTime | undefined;
  if (last) {
    lastTime = {
      ticket: { helpdesk: last.helpdesk, account: last.account, ticketId: last.ticketId },
      subject: last.subject,
      // When the customer last wrote on it where the page showed that (the cue says the same age).
      at: last.lastCustomerMessageAt ?? last.lastSeen,
      outcome: last.outcome ?? last.status,
      note: lastNote?.text,
    };
  }
  return { customer, cues, lastTime, facts, followUps, timeline, merges, api };
}
