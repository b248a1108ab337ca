/**
 * Follow-up suggestions that outlive the page they were made on. Several helpdesks leave the ticket
 * the moment a reply is sent (FreeScout opens the next conversation, Zendesk's "Submit as solved"
 * closes the tab), so a suggestion rendered on the sent ticket's sidebar is never seen. The
 * background keeps each one until the agent adds or dismisses it, or for two hours, and the next
 * sidebar of the same helpdesk and workspace shows it with where it came from.
 *
 * Kept in the background's memory and mirrored to the browser's session storage
 * (`storage.session`: held in memory by the browser, never written to disk, readable only by the
 * extension's own pages and worker), so a Manifest V3 worker stopped while the agent reads the next
 * ticket still has them when it wakes. A browser restart drops them, as it drops the page they came
 * from.
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

/** The part of `browser.storage.session` the store uses (injected, so tests need no browser). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const SESSION_KEY = 'rapport.pendingSuggestions';

/**
 * The kept suggestions: read once from the session area when a worker starts, then every change
 * written back. Changes run one at a time, so a suggestion kept while another is settled is not lost.
 * Without a session area (or when it fails) the list lives in the worker's memory only.
 */
export class PendingStore {
  private list?: Promise<PendingSuggestion[]>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area?: SessionArea) {}

  all(): Promise<PendingSuggestion[]> {
    this.list ??= this.load();
    return this.list;
  }

  /** Replaces the list with `change(list)`, and returns what `change` says. */
  change<T>(change: (list: PendingSuggestion[]) => { list: PendingSuggestion[]; result: T }): Promise<T> {
    const run = this.queue.then(async () => {
      const { list, result } = change(await this.all());
      this.list = Promise.resolve(list);
      await this.area?.set({ [SESSION_KEY]: list }).catch((error: unknown) => console.warn('Rapport: could not keep follow-up suggestions for the next page', error));
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<PendingSuggestion[]> {
    const stored = await this.area?.get(SESSION_KEY).catch(() => undefined);
    const list = stored?.[SESSION_KEY];
    return Array.isArray(list) ? list.filter(isPending) : [];
  }
}

/** What this worker (or one before it) wrote: checked anyway before a page is shown any of it. */
function isPending(value: unknown): value is PendingSuggestion {
  const p = value as Partial<PendingSuggestion> | null;
  return (
    !!p &&
    typeof p === 'object' &&
    typeof p.id === 'string' &&
    typeof p.at === 'number' &&
    typeof p.phrase === 'string' &&
    typeof p.text === 'string' &&
    typeof p.dueAt === 'number' &&
    typeof p.from?.customerId === 'string' &&
    typeof p.from.ticket?.account === 'string' &&
    typeof p.from.ticket.ticketId === 'string' &&
    (p.workspace === undefined || typeof p.workspace === 'string')
  );
}
