/**
 * Follow-up suggestions that outlive the page they were made on. Several helpdesks leave the ticket
 * the moment a reply is sent (FreeScout opens the next conversation, Zendesk's "Submit as solved"
 * closes the tab), so a suggestion rendered on the sent ticket's sidebar is never seen. The
 * background keeps each one until the agent adds or dismisses it, or for two hours, and the next
 * sidebar of the same helpdesk and workspace shows it with where it came from.
 *
 * Kept in the background's memory only (no customer text is written for it): a browser restart
 * drops them, as it drops the page they came from.
 */
import type { FollowUpSuggestion, SuggestionSource } from './messages';

export interface PendingSuggestion extends FollowUpSuggestion {
  id: string;
  from: SuggestionSource;
  /** When the reply was sent (ms). */
  at: number;
  /** The workspace of the page that sent it (#15): only its pages see it. */
  workspace?: string;
}

export const PENDING_FOR_MS = 2 * 3_600_000;
const MAX_PENDING = 20;

/** The list with `made` added (newest first), expired ones and the oldest past the cap dropped. */
export function keepPending(list: readonly PendingSuggestion[], made: readonly PendingSuggestion[], now: number): PendingSuggestion[] {
  return [...made, ...list].filter((p) => now - p.at < PENDING_FOR_MS).slice(0, MAX_PENDING);
}

/** A kept suggestion as a page gets it: without when it was kept or for which workspace. */
export const asSuggestion = ({ at: _at, workspace: _workspace, ...suggestion }: PendingSuggestion): FollowUpSuggestion => suggestion;

/** What a page may see: its own helpdesk account and workspace, not expired. */
export function pendingFor(list: readonly PendingSuggestion[], account: string | undefined, workspace: string | undefined, now: number): PendingSuggestion[] {
  return list.filter((p) => now - p.at < PENDING_FOR_MS && (account === undefined || p.from.ticket.account === account) && p.workspace === workspace);
}

/** The list without what a send taken back had suggested: that ticket's, made at or after `since`. */
export function withoutUndone(list: readonly PendingSuggestion[], ticket: { account: string; ticketId: string }, since: number): PendingSuggestion[] {
  return list.filter((p) => !(p.at >= since && p.from.ticket.account === ticket.account && p.from.ticket.ticketId === ticket.ticketId));
}
