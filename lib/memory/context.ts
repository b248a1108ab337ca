/** What the memory panels show for a customer on a ticket: one read of stored data (issue #3). */
import type { Repository } from '../db/repository';
import { ticketKey, type Note, type TicketRef, type TicketVisit } from '../db/types';
import { cuesFor, sameTopic } from './cues';
import type { LastTime, MemoryContext, TimelineEntry } from './messages';

export const TIMELINE_MAX = 40;
const WEEK = 7 * 86_400_000;

/**
 * Reads only what the panels show, however long the customer's history: the newest TIMELINE_MAX
 * tickets and notes (timeline, "last time"), how many tickets were first seen this week (counted on
 * the index) and the earliest ticket (cues), and — only when the newest page doesn't have them — the first older ticket on the same
 * topic, with a mood, or note on the previous ticket / pinned. The answer is the same as reading
 * every ticket and note (test/unit/memory/context.test.ts checks that).
 */
export async function memoryContext(repo: Repository, customerId: string, ticket: TicketRef, now: number): Promise<MemoryContext> {
  const current = ticketKey(ticket);
  // One read-only transaction for every table: one snapshot, and one transaction's overhead.
  const read = await repo.readOnly(async () => {
    const c = await repo.customer(customerId);
    const [recent, notes, facts, followUps, merges, api] = await Promise.all([
      repo.recentVisitsOf(c.id, TIMELINE_MAX),
      repo.recentNotesOf(c.id, TIMELINE_MAX),
      repo.factsOf(c.id),
      repo.openFollowUpsOf(c.id),
      repo.mergesOf(c.id),
      c.externalId ? repo.apiFetch(`${c.helpdesk}:${c.account}:${c.externalId}`) : undefined,
    ]);
    // A short history is read whole: the cues work on it as is, with no further requests.
    const more = recent.length === TIMELINE_MAX;
    const known = new Map<string, TicketVisit>(recent.map((v) => [v.id, v]));
    let currentVisit = known.get(current);
    let week: { count: number; earliestFirstSeen?: number } | undefined;
    if (more) {
      const [thisWeek, earliest, visit] = await Promise.all([
        repo.visitsFirstSeenSince(c.id, now - WEEK),
        repo.earliestVisitOf(c.id),
        currentVisit ?? repo.visitOf(current, c.id),
      ]);
      week = thisWeek;
      currentVisit = visit;
      for (const v of [earliest, visit]) if (v) known.set(v.id, v);
    }

    // Cues look for the newest earlier ticket with a mood, and (unless 2+ tickets this week) the
    // newest earlier one on the same topic: past the first page only if it has none.
    const previous = recent.filter((v) => v.id !== current);
    const weekCount = (week?.count ?? recent.filter((v) => v.firstSeen >= now - WEEK).length) + (currentVisit ? 0 : 1);
    let needMood = !previous.some((v) => v.mood !== undefined);
    let needTopic = !!currentVisit && weekCount < 2 && !previous.some((v) => sameTopic(currentVisit, v));
    if (more && (needMood || needTopic)) {
      await repo.scanOlderVisits(c.id, recent[recent.length - 1]!, (v) => {
        if (v.id === current) return false;
        if (needMood && v.mood !== undefined) {
          needMood = false;
          known.set(v.id, v);
        }
        if (needTopic && sameTopic(currentVisit!, v)) {
          needTopic = false;
          known.set(v.id, v);
        }
        return !needMood && !needTopic;
      });
    }

    // "Last time": the newest note on the previous ticket, else the newest pinned note.
    const last = previous[0];
    let lastNote: Note | undefined;
    if (last) {
      lastNote = notes.find((n) => n.ticketKey === last.id);
      const moreNotes = notes.length === TIMELINE_MAX;
      if (!lastNote && moreNotes) lastNote = await repo.newestNoteOn(c.id, last.id);
      lastNote ??= notes.find((n) => n.pinned);
      if (!lastNote && moreNotes) lastNote = await repo.findOlderNote(c.id, notes[notes.length - 1]!, (n) => !!n.pinned);
    }
    // Newest first, as `visitsOf` orders them (lastSeen, then id, descending).
    const cueVisits = [...known.values()].sort((a, b) => b.lastSeen - a.lastSeen || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    return { customer: c, recent, cueVisits, notes, facts, followUps, merges, api, last, lastNote, week };
  });
  const { customer, recent, cueVisits, notes, facts, followUps, merges, api, last, lastNote, week } = read;
  const cues = cuesFor({ customer, currentTicket: current, visits: cueVisits, week, facts, followUps, notes, now });

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
      at: last.lastSeen,
      outcome: last.outcome ?? last.status,
      note: lastNote?.text,
    };
  }
  return { customer, cues, lastTime, facts, followUps, timeline, merges, api };
}
