/**
 * What the sidebar is told when a ticket opens (`ticket.open`, and the identity requests that refine
 * it): a file of its own so that the capabilities' request files can name it without importing the
 * union of all requests (lib/messages.ts) that imports them.
 */
import type { Customer, Note } from './db/types';
import type { MemoryContext } from './memory/messages';
import type { WorkspacePrompt } from './workspaces/messages';

/** How often and when we met this customer before the current visit. */
export interface VisitSummary {
  /**
   * Distinct tickets of this customer recorded before this visit (this ticket included if seen
   * before), counted up to COUNT_CAP: with `ticketsSeenCapped` there are more ("Seen 100+ times").
   */
  ticketsSeen: number;
  ticketsSeenCapped?: boolean;
  /** When any of those tickets was last open, absent the first time. */
  lastSeen?: number;
  /** The customer says on this ticket that they have written before ("this is the THIRD time"). */
  customerSaysRepeat?: boolean;
  /**
   * Set in the page while the helpdesk's own history is being asked for: with nothing seen yet, the
   * visit line says so instead of a "First time" the answer may contradict a second later.
   */
  checking?: boolean;
}

/** Everything the sidebar needs once a ticket is opened. */
export interface TicketContext {
  customer: Customer;
  history: VisitSummary;
  /** The newest notes (at most NOTES_PAGE, newest first). */
  notes: Note[];
  /** How many notes the customer has in all, counted up to COUNT_CAP (`notesTotalCapped`: more). */
  notesTotal: number;
  notesTotalCapped?: boolean;
  /** The memory panels' answer (as `memory.context` gives it), read in the same transaction. */
  memory?: MemoryContext;
  /** Set when the previous ticket opened could not be recorded (e.g. storage is full). */
  storageProblem?: string;
  /** Set while this page's account may belong with another workspace: ask the agent once (#15). */
  workspacePrompt?: WorkspacePrompt;
}
