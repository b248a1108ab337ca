/** Opening a ticket: find or create the customer, record the visit, answer what the sidebar needs. */
import Dexie from 'dexie';
import type { TicketSnapshot } from '../../helpdesks/types';
import type { TicketContext } from '../../messages';
import { moodOf } from '../../memory/mood';
import { isEnded } from '../../memory/status';
import { repeatClaimInMessages } from '../../memory/repeat-contact';
import { DEFAULT_WORKSPACE } from '../../workspaces/rule';
import { ticketKey, type Customer, type Note, type TicketVisit } from '../types';
import { cleanTags, countUpTo, COUNT_CAP, NOTES_PAGE } from './core';
import { MergeRepository } from './merges';

/** A ticket being opened, as `openTicketAnswering` tells `alsoRead`. */
export interface Opening {
  /** The customer as it is being written. */
  customer: Customer;
  /** The visit as it is being written. */
  visit: TicketVisit;
  /** The visit as stored before, if the ticket was seen before (maybe under another customer). */
  previous?: TicketVisit;
  now: number;
  /** The customer's newest notes (as many as `notesRead` asked for), newest first. */
  newestNotes: Promise<Note[]>;
}

export class TicketOpening extends MergeRepository {
  /**
   * Records that the agent opened a ticket: creates or refreshes the customer and the ticket visit,
   * and answers what the sidebar needs. History is what we knew *before* this visit. Resolves once
   * the visit is written.
   */
  async openTicket(snapshot: TicketSnapshot, workspace = DEFAULT_WORKSPACE): Promise<TicketContext> {
    const { answer, written } = this.openTicketAnswering(snapshot, async () => undefined, { workspace });
    await written;
    const { also: _, ...context } = await answer;
    return context;
  }

  /**
   * `openTicket` for the sidebar, where every millisecond before the cues show counts:
   *  - `alsoRead` reads more for the answer in the same transaction (the memory panels,
   *    lib/memory/context.ts), in parallel with the ticket's own reads, and is told the visit as it
   *    is about to be written (reads see the database *before* it);
   *  - `answer` resolves as soon as everything is read; the customer and the visit are written
   *    after it in the same read-write transaction, which is what keeps find-or-create safe when
   *    two tabs open the same customer. Any later transaction touching these tables waits for it, so
   *    no reader can miss the visit.
   * `written` resolves once the write has landed; it rejects only when the write failed *after* the
   * answer was given (a failure before that rejects `answer`), so the caller can say so later.
   * `alsoRead` may read every table `readOnly` covers, and must not write.
   */
  openTicketAnswering<R>(
    snapshot: TicketSnapshot,
    alsoRead: (opening: Opening) => Promise<R>,
    { notesRead = NOTES_PAGE, workspace = DEFAULT_WORKSPACE }: { notesRead?: number; workspace?: string } = {},
  ): { answer: Promise<TicketContext & { also: R }>; written: Promise<void> } {
    const now = this.clock.now();
    const { customers, visits } = this.database;
    let delivered = false;
    let deliver!: (context: TicketContext & { also: R }) => void;
    let fail!: (error: unknown) => void;
    const answer = new Promise<TicketContext & { also: R }>((resolve, reject) => {
      deliver = (context) => {
        delivered = true;
        // Outside the transaction's zone: code awaiting the answer must not run inside it.
        Dexie.ignoreTransaction(() => resolve(context));
      };
      fail = reject;
    });
    const committed = this.database.transaction('rw', this.readableTables(), async () => {
      const id = ticketKey(snapshot);
      const [found, previous] = await Promise.all([this.findCustomer(snapshot, workspace), visits.get(id)]);
      const customer = this.mergeRequester(found, snapshot, now, workspace);
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
        ...visitDetails(snapshot, previous, now),
      };
      // Every read in parallel, before this visit is written (history is what we knew before it).
      // The newest notes are read once, for the sidebar's page and for `alsoRead`.
      const newestNotes = this.recentNotesOf(customer.id, Math.max(NOTES_PAGE, notesRead));
      const [history, newest, notesCount, also] = await Promise.all([
        this.historyOf(customer.id),
        newestNotes,
        countUpTo(this.notesByCreatedAt(customer.id), COUNT_CAP),
        alsoRead({ customer, visit, previous, now, newestNotes }),
      ]);
      const customerNotes = newest.slice(0, NOTES_PAGE);
      // What the customer says ("third time") goes with the count, so the visit line never says
      // "first time" beside a customer who says otherwise (issue #12).
      if (visit.repeatClaim) history.customerSaysRepeat = true;
      deliver({ customer, history, notes: customerNotes, notesTotal: notesCount.count, ...(notesCount.capped ? { notesTotalCapped: true } : {}), also });
      await Promise.all([customers.put({ ...customer }), visits.put({ ...visit })]);
    });
    const written = committed.catch((error: unknown) => {
      if (delivered) throw error;
      fail(error);
    });
    return { answer, written };
  }
}

/** What a visit learns from the page on every open: the customer's latest message, outcome, mood, tags. */
function visitDetails(snapshot: TicketSnapshot, previous: TicketVisit | undefined, now: number): Partial<TicketVisit> {
  const customerMessages = snapshot.messages.filter((m) => m.role === 'customer');
  const times = customerMessages.map((m) => (m.at ? Date.parse(m.at) : NaN)).filter((t) => Number.isFinite(t));
  const latest = customerMessages.at(-1);
  const ended = isEnded(snapshot.status);
  const started = ticketStart(snapshot, now);
  return {
    // When the ticket started (its first message), not when Rapport first opened it: a ticket from
    // nine days ago opened today is not "2nd ticket today" (issue #12).
    ...(started !== undefined ? { firstSeen: Math.min(previous?.firstSeen ?? now, started) } : {}),
    lastCustomerMessageAt: times.length ? Math.max(...times) : previous?.lastCustomerMessageAt,
    outcome: ended ? snapshot.status!.trim().toLowerCase() : undefined,
    closedAt: ended ? (previous?.closedAt ?? now) : undefined,
    // Nothing of theirs read (an automatic reply, a language the model does not read): the last reading stands.
    mood: (latest ? moodOf(latest.text, customerMessages.slice(0, -1).map((m) => m.text)) : undefined) ?? previous?.mood,
    tags: snapshot.tags?.length ? cleanTags(snapshot.tags) : previous?.tags,
    repeatClaim: repeatClaimOf(customerTurns(snapshot.messages).slice(-5)) ?? previous?.repeatClaim,
    startedBy: snapshot.startedBy ?? previous?.startedBy,
  };
}

const YEAR_2000 = Date.UTC(2000, 0, 1);

/** The earliest message time the page shows, if any is sane (after 2000, not in the future). */
export function ticketStart(snapshot: TicketSnapshot, now: number): number | undefined {
  let first: number | undefined;
  for (const m of snapshot.messages) {
    const at = m.at ? Date.parse(m.at) : NaN;
    if (at >= YEAR_2000 && at <= now && (first === undefined || at < first)) first = at;
  }
  return first;
}

/** Each customer message, and whether an agent's reply came before it (a "still" then goes on past a suggested fix). */
function customerTurns(messages: TicketSnapshot['messages']): { text: string; afterReply: boolean }[] {
  let replied = false;
  return messages.flatMap((m) => {
    if (m.role !== 'customer') {
      replied = true;
      return [];
    }
    return [{ text: m.text, afterReply: replied }];
  });
}

const repeatClaimOf = (turns: { text: string; afterReply: boolean }[]) => {
  const claim = repeatClaimInMessages(turns);
  return claim ? { ...(claim.times ? { times: claim.times } : {}), ...(claim.counted ? { counted: claim.counted } : {}), phrase: claim.phrase } : undefined;
};
