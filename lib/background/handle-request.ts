/**
 * The background's answer to every message a content script or extension page sends. Everything that
 * arrives is untrusted: it is checked for sender and shape before any data is touched, and a bad
 * request gets `{ ok: false, error }` — it never throws away or half-writes data.
 */
import Dexie from 'dexie';
import { parseRequest, type Reply, type RequestType } from '../messages';
import { MergeError, UnknownCustomerError, UnknownRowError, type Clock, type Repository } from '../db/repository';
import { guardRequest, scopeWorkspace, SenderError, senderScope, type PageHelpdesk } from '../workspaces/scope';
import { workspaceHandlers } from '../workspaces/handlers';
import type { RapportDB } from '../db/db';
import { memoryHandlers } from '../memory/handlers';
import { openTicketWithMemory } from '../memory/context';
import { noteEvaluationArrival, replyHandlers } from '../standards/handlers';
import { workspaceLabel } from '../workspaces/rule';
import type { WorkspacePrompt } from '../workspaces/messages';
import { identityHandlers } from '../identity/handlers';
import { disputeHandlers } from '../disputes/handlers';
import { PendingStore, type SessionArea } from '../memory/pending-suggestions';
import { UserFacingError, ticketWorkspace, type BackgroundState, type Handler, type HandlerContext, type HandlerMap, type Sender } from './handler';

export const STORAGE_FULL = 'Storage is full — export and prune old data in the dashboard. Your text is still in the box.';

const foundationHandlers: HandlerMap<'ticket.open' | 'note.add' | 'notes.list'> = {
  'ticket.open': async (request, ctx) => {
    if (ctx.senderHost && ctx.senderHost !== request.snapshot.account) {
      throw new UserFacingError('Rejected: a page may only report its own tickets.');
    }
    // Answered before the visit is written (see Repository.openTicketAnswering): a write that
    // fails later is told with the next ticket the agent opens.
    // A page's account is recorded in its workspace on its first ticket (lib/workspaces/rule.ts); a
    // lead's page reporting a ticket uses the workspace of the ticket's account; the trainer page
    // always practises in its own.
    const workspace = await ticketWorkspace(ctx, request.snapshot);
    const { answer, written } = openTicketWithMemory(ctx.repo, request.snapshot, workspace);
    const earlier = ctx.state.unrecordedVisit;
    written.then(
      () => (ctx.state.unrecordedVisit = undefined),
      (error: unknown) => {
        console.error('Rapport: could not record the ticket visit', error);
        ctx.state.unrecordedVisit = describeVisitError(error);
      },
    );
    const context = await answer;
    const prompt = ctx.scope.kind === 'page' && ctx.scope.suggest ? await workspacePrompt(ctx, ctx.scope.host, ctx.scope.suggest) : undefined;
    return { ...context, ...(earlier ? { storageProblem: earlier } : {}), ...(prompt ? { workspacePrompt: prompt } : {}) };
  },
  'note.add': (request, ctx) => ctx.repo.addNote(request),
  'notes.list': (request, ctx) => ctx.repo.notesFor(request.customerId),
};

const handlers: HandlerMap<RequestType> = { ...foundationHandlers, ...memoryHandlers, ...replyHandlers, ...workspaceHandlers, ...identityHandlers, ...disputeHandlers };

/** "<host> belongs with <workspace>?", asked once in the sidebar. */
async function workspacePrompt(ctx: HandlerContext, host: string, suggest: string): Promise<WorkspacePrompt> {
  const all = await ctx.db.accounts.toArray();
  return { host, into: suggest, label: workspaceLabel(suggest, all) };
}

/**
 * `pageHelpdesk` says which helpdesk a content script's page is, if any: built-in helpdesk pages and
 * the helpdesks the agent configured (lib/background/configured-helpdesks.ts). Without it, only
 * built-in helpdesk pages. A page that is no helpdesk is refused before anything is read. `session`
 * is the browser's session storage, where follow-up suggestions wait for the next page.
 */
export function createRequestHandler(repo: Repository, extensionId: string, database: RapportDB, clock: Clock, pageHelpdesk?: PageHelpdesk, session?: SessionArea) {
  const state: BackgroundState = { pending: new PendingStore(session) };
  let arrivals = 0;
  return async function handle(message: unknown, sender: Sender): Promise<Reply<unknown>> {
    const arrival = ++arrivals;
    if (sender.id !== extensionId) return { ok: false, error: 'Rejected: the message did not come from Rapport.' };
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: `Malformed request — ${parsed.error}` };
    const request = parsed.request;
    // The newest draft from a page wins from the moment it arrives, not when its handler starts.
    if (request.type === 'reply.evaluate') noteEvaluationArrival(sender, arrival);
    try {
      const scope = await senderScope(sender, database, pageHelpdesk);
      const ctx: HandlerContext = { db: database, state, repo, clock, sender, senderHost: scope.kind === 'page' ? scope.host : undefined, scope, workspace: scopeWorkspace(scope), arrival };
      await guardRequest(request as unknown as Record<string, unknown>, scope, database);
      const handler = handlers[request.type] as Handler<typeof request.type>;
      return { ok: true, data: await handler(request as never, ctx) };
    } catch (error) {
      if (!(error instanceof UserFacingError || error instanceof UnknownCustomerError || error instanceof SenderError || error instanceof UnknownRowError || error instanceof MergeError)) console.error('Rapport: request failed', request.type, error);
      return { ok: false, error: describeError(error) };
    }
  };
}

/** Why a ticket visit was not recorded, told on the next ticket. */
export function describeVisitError(error: unknown): string {
  if (describeError(error) === STORAGE_FULL) return 'Storage is full — tickets you open are not being recorded. Export and prune old data in the dashboard.';
  return 'Rapport could not record the last ticket you opened in its local storage.';
}

export function describeError(error: unknown): string {
  if (error instanceof UnknownCustomerError || error instanceof UserFacingError || error instanceof SenderError || error instanceof UnknownRowError || error instanceof MergeError) return error.message;
  const name = (error as { name?: string } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === Dexie.errnames.QuotaExceeded || inner === Dexie.errnames.QuotaExceeded || name === 'QuotaExceededError') {
    return STORAGE_FULL;
  }
  return 'Rapport could not reach its local storage. Try again; nothing was changed.';
}
