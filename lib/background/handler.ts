/**
 * What every background request handler works with (lib/<feature>/handlers.ts): the request's
 * context, the errors an agent can act on, and the workspace a reported ticket belongs to. Kept apart
 * from handle-request.ts, which gathers the handlers, so that the handlers need not import it back.
 */
import type { Answers, RequestOf, RequestType } from '../messages';
import type { Clock, Repository } from '../db/repository';
import type { SenderScope } from '../workspaces/scope';
import { Workspaces } from '../db/workspaces';
import type { RapportDB } from '../db/db';
import type { ApiRequester, HelpdeskId } from '../helpdesks/types';
import type { PendingStore } from '../memory/pending-suggestions';

export interface Sender {
  id?: string;
  /** Page URL of a content script sender. */
  url?: string;
  tab?: unknown;
  /** The sending frame within its tab (0: the top frame). */
  frameId?: number;
}

/** What the background remembers between requests (lost when the worker stops, which is fine, but for `pending`). */
export interface BackgroundState {
  /** Why the last ticket opened could not be recorded (its write failed after the sidebar was answered). */
  unrecordedVisit?: string;
  /** The helpdesk API's last answer per ticket (lib/identity/handlers.ts), so a reload within the
   * 5-minute window still knows the requester without asking the API again. */
  identities?: Map<string, ApiRequester>;
  /** Follow-up suggestions from replies sent on pages since left, kept in session storage too (lib/memory/pending-suggestions.ts). */
  pending: PendingStore;
}

export interface HandlerContext {
  db: RapportDB;
  state: BackgroundState;
  repo: Repository;
  clock: Clock;
  sender: Sender;
  /** The helpdesk host of a content-script sender; undefined for the extension's own pages. */
  senderHost?: string;
  /** Who asks, decided from `sender.url` (lib/workspaces/scope.ts). */
  scope: SenderScope;
  /**
   * The workspace every read and write of this request stays in (#15); undefined for the extension's
   * own pages, which see every workspace.
   */
  workspace?: string;
  /** The order this request reached the worker in, stamped before any await (the newest draft wins). */
  arrival: number;
}

export type Handler<T extends RequestType> = (request: RequestOf<T>, ctx: HandlerContext) => Promise<Answers[T]>;
export type HandlerMap<K extends RequestType> = { [T in K]: Handler<T> };

/** A problem the agent can act on; its message is shown as is. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

/**
 * The workspace a reported ticket is kept in: the trainer page always practises in its own; any
 * other sender uses the workspace of the ticket's account (recorded by the rule if new).
 */
export async function ticketWorkspace(ctx: HandlerContext, snapshot: { account: string; helpdesk: HelpdeskId }): Promise<string> {
  if (ctx.scope.kind === 'training') return ctx.scope.workspace;
  return (await new Workspaces(ctx.db).account(snapshot.account, snapshot.helpdesk)).workspace;
}

