/**
 * The background's answer to every message a content script or extension page sends. Everything that
 * arrives is untrusted: it is checked for sender and shape before any data is touched, and a bad
 * request gets `{ ok: false, error }` — it never throws away or half-writes data.
 */
import Dexie from 'dexie';
import { parseRequest, type Answers, type Reply, type RequestOf, type RequestType } from '../messages';
import { UnknownCustomerError, type Clock, type Repository } from '../db/repository';
import type { RapportDB } from '../db/db';
import { memoryHandlers } from '../memory/handlers';
import { openTicketWithMemory } from '../memory/context';
import { replyHandlers } from '../standards/handlers';
import { adapterFor } from '../helpdesks';

export interface Sender {
  id?: string;
  /** Page URL of a content script sender. */
  url?: string;
  tab?: unknown;
}

/** What the background remembers between requests (lost when the worker stops, which is fine). */
export interface BackgroundState {
  /** Why the last ticket opened could not be recorded (its write failed after the sidebar was answered). */
  unrecordedVisit?: string;
}

export interface HandlerContext {
  db: RapportDB;
  state: BackgroundState;
  repo: Repository;
  clock: Clock;
  sender: Sender;
  /** The helpdesk host of a content-script sender; undefined for the extension's own pages. */
  senderHost?: string;
}

export type Handler<T extends RequestType> = (request: RequestOf<T>, ctx: HandlerContext) => Promise<Answers[T]>;
export type HandlerMap<K extends RequestType> = { [T in K]: Handler<T> };

/** A problem the agent can act on; its message is shown as is. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

export const STORAGE_FULL = 'Storage is full — export and prune old data in the dashboard. Your text is still in the box.';

const foundationHandlers: HandlerMap<'ticket.open' | 'note.add' | 'notes.list'> = {
  'ticket.open': async (request, ctx) => {
    if (ctx.senderHost && ctx.senderHost !== request.snapshot.account) {
      throw new UserFacingError('Rejected: a page may only report its own tickets.');
    }
    // Answered before the visit is written (see Repository.openTicketAnswering): a write that
    // fails later is told with the next ticket the agent opens.
    const { answer, written } = openTicketWithMemory(ctx.repo, request.snapshot);
    const earlier = ctx.state.unrecordedVisit;
    written.then(
      () => (ctx.state.unrecordedVisit = undefined),
      (error: unknown) => {
        console.error('Rapport: could not record the ticket visit', error);
        ctx.state.unrecordedVisit = describeVisitError(error);
      },
    );
    const context = await answer;
    return earlier ? { ...context, storageProblem: earlier } : context;
  },
  'note.add': (request, ctx) => ctx.repo.addNote(request),
  'notes.list': (request, ctx) => ctx.repo.notesFor(request.customerId),
};

const handlers: HandlerMap<RequestType> = { ...foundationHandlers, ...memoryHandlers, ...replyHandlers };

/**
 * `pageAllowed` says whether a content script on that page may ask anything: built-in helpdesk pages
 * and the helpdesks the agent configured (lib/background/configured-helpdesks.ts). Without it, only
 * built-in helpdesk pages.
 */
export function createRequestHandler(repo: Repository, extensionId: string, database: RapportDB, clock: Clock, pageAllowed: (url: string) => Promise<boolean> = builtInPage) {
  const state: BackgroundState = {};
  return async function handle(message: unknown, sender: Sender): Promise<Reply<unknown>> {
    if (sender.id !== extensionId) return { ok: false, error: 'Rejected: the message did not come from Rapport.' };
    if (sender.tab && !(sender.url && (await pageAllowed(sender.url)))) return { ok: false, error: 'Rejected: Rapport does not run on this page.' };
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: `Malformed request — ${parsed.error}` };
    const request = parsed.request;
    const ctx: HandlerContext = { db: database, state, repo, clock, sender, senderHost: senderHost(sender) };
    try {
      const handler = handlers[request.type] as Handler<typeof request.type>;
      return { ok: true, data: await handler(request as never, ctx) };
    } catch (error) {
      if (!(error instanceof UserFacingError || error instanceof UnknownCustomerError)) console.error('Rapport: request failed', request.type, error);
      return { ok: false, error: describeError(error) };
    }
  };
}

/** The helpdesk host of a content-script sender (http or https: self-hosted helpdesks); undefined for extension pages. */
function senderHost(sender: Sender): string | undefined {
  if (!sender.tab || !sender.url) return undefined;
  try {
    const url = new URL(sender.url);
    return /^https?:$/.test(url.protocol) ? url.host : undefined;
  } catch {
    return undefined;
  }
}

async function builtInPage(url: string): Promise<boolean> {
  try {
    return !!adapterFor(new URL(url));
  } catch {
    return false;
  }
}

/** Why a ticket visit was not recorded, told on the next ticket. */
export function describeVisitError(error: unknown): string {
  if (describeError(error) === STORAGE_FULL) return 'Storage is full — tickets you open are not being recorded. Export and prune old data in the dashboard.';
  return 'Rapport could not record the last ticket you opened in its local storage.';
}

export function describeError(error: unknown): string {
  if (error instanceof UnknownCustomerError || error instanceof UserFacingError) return error.message;
  const name = (error as { name?: string } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === Dexie.errnames.QuotaExceeded || inner === Dexie.errnames.QuotaExceeded || name === 'QuotaExceededError') {
    return STORAGE_FULL;
  }
  return 'Rapport could not reach its local storage. Try again; nothing was changed.';
}
