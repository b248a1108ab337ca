/**
 * Ticket features: what a capability (customer memory, the reply checklist) does on a ticket page
 * once its customer is known. The controller starts each feature per ticket and per customer with
 * an AbortSignal, and aborts it when the agent moves on — features never clean up by hand.
 */
import type { ComposerKind, HelpdeskAdapter, ShownTimes, TicketSnapshot } from '../helpdesks/types';
import type { Answers, Reply, RequestOf, RequestType, TicketContext } from '../messages';
import type { Panels } from '../../components/model';

export interface FeatureContext {
  ticketId: string;
  adapter: HelpdeskAdapter;
  document: Document;
  /** The latest read of the ticket. */
  snapshot(): TicketSnapshot;
  /** How the page writes times (the zone the helpdesk shows this agent's times in, once known). */
  shown: ShownTimes;
  /** The background's answer to `ticket.open`: customer, visit history, notes. */
  ticket: TicketContext;
  request<T extends RequestType>(req: RequestOf<T>): Promise<Reply<Answers[T]>>;
  /**
   * Adds `tickets` this customer's history gained after the ticket was opened (past tickets learned
   * from the helpdesk's API), the newest last open at `lastSeen`, to the visit line under their name.
   */
  addToHistory(tickets: number, lastSeen?: number): void;
  /** Marks the visit line as waiting for the helpdesk's history (true) or no longer (false). */
  checkingHistory(checking: boolean): void;
  /** Shows (or with undefined, removes) this feature's panel and re-renders the sidebar. */
  setPanel<K extends keyof Panels>(key: K, props: Panels[K] | undefined): void;
  /** Called after every later re-read of the page (debounced), e.g. new messages or a status change. */
  onSnapshot(listener: (snapshot: TicketSnapshot) => void): void;
  /**
   * Called when the agent sends from this ticket's composer (a click on the helpdesk's send button),
   * with the composer's text read just before the helpdesk empties it, and what it wrote: only a
   * `reply` reaches the customer (a note stays internal, a forward goes to someone else).
   */
  onSend(listener: (sent: SentReply) => void): void;
  /** Millisecond clock (tests pass a fixed one). */
  now(): number;
}

export interface SentReply {
  text: string;
  kind: ComposerKind;
}

export interface TicketFeature {
  id: string;
  start(ctx: FeatureContext, signal: AbortSignal): void;
}
