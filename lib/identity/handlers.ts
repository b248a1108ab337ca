/**
 * Background side of the requester's identity from the helpdesk's API (lib/identity/messages.ts).
 * The API is asked at most once per ticket per 5 minutes and never before a 429's Retry-After (the
 * `apiFetches` rows the history fetch uses, keyed `identity:…`); its last answer is kept in memory.
 */
import { ticketWorkspace, UserFacingError, type HandlerContext, type HandlerMap } from '../background/handler';
import { openTicketWithMemory } from '../memory/context';
import type { Customer } from '../db/types';
import type { ApiRequester } from '../helpdesks/types';
import type { IdentityAnswers } from './messages';
import { PROFILE_KEYS } from '../memory/profile';

/** How many tickets' answers are kept (a day of busy work); the oldest go first. */
const KEEP = 500;

const keyOf = (r: { helpdesk: string; account: string; ticketId: string }) => `identity:${r.helpdesk}:${r.account}:${r.ticketId}`;

function ownHelpdesk(ctx: HandlerContext, account: string): void {
  if (ctx.senderHost && ctx.senderHost !== account) throw new UserFacingError('Rejected: a page may only ask about its own helpdesk.');
}

/** A record the page's first read made from a name alone, which the API's answer may replace. */
export const knownByNameOnly = (c: Customer, helpdesk: string, account: string): boolean =>
  !c.mergedInto && !c.externalId && c.emails.length === 0 && c.helpdesk === helpdesk && c.account === account;

export const identityHandlers: HandlerMap<keyof IdentityAnswers> = {
  'identity.due': async (r, ctx) => {
    ownHelpdesk(ctx, r.account);
    const due = await ctx.repo.apiFetchDue(keyOf(r));
    const requester = ctx.state.identities?.get(keyOf(r));
    return requester && !due.due ? { ...due, requester } : due;
  },

  'identity.record': async (r, ctx) => {
    ownHelpdesk(ctx, r.account);
    const now = ctx.clock.now();
    await ctx.repo.recordApiFetch({
      key: keyOf(r),
      fetchedAt: now,
      ok: r.ok,
      error: r.error,
      retryAfter: r.retryAfterMs !== undefined ? now + r.retryAfterMs : undefined,
    });
    const kept = (ctx.state.identities ??= new Map<string, ApiRequester>());
    kept.delete(keyOf(r));
    if (r.ok && r.requester) kept.set(keyOf(r), r.requester);
    while (kept.size > KEEP) kept.delete(kept.keys().next().value!);
    return { recorded: true };
  },

  'ticket.identify': async (r, ctx) => {
    const { snapshot } = r;
    ownHelpdesk(ctx, snapshot.account);
    const workspace = await ticketWorkspace(ctx, snapshot);
    const open = async () => {
      const { answer, written } = openTicketWithMemory(ctx.repo, snapshot, workspace);
      const context = await answer;
      await written;
      return context;
    };
    let context = await open();
    let mergeId: string | undefined;
    const previous = r.previousCustomerId ? await ctx.repo.customer(r.previousCustomerId).catch(() => undefined) : undefined;
    if (previous && previous.id !== context.customer.id && knownByNameOnly(previous, snapshot.helpdesk, snapshot.account)) {
      mergeId = (await ctx.repo.mergeCustomers(context.customer.id, previous.id)).id;
    }
    const survivor = await ctx.repo.customer(context.customer.id);
    const fill = profileFill(survivor, r.profile);
    // Saved against the version just read: an agent's save in between wins (the fill is dropped).
    if (fill) await ctx.repo.saveProfile(survivor.id, survivor.version ?? 1, fill);
    if (mergeId || fill) context = await open();
    return mergeId ? { ...context, mergeId } : context;
  },
};

/** What the API knows that the customer's profile does not have yet (an agent's own entry wins). */
function profileFill(customer: Customer, api: { timeZone?: string; language?: string; organization?: string } | undefined) {
  if (!api) return undefined;
  const fill: Partial<Pick<Customer, 'timeZone' | 'language' | 'organization'>> = {};
  if (api.timeZone && !customer.timeZone) fill.timeZone = api.timeZone;
  if (api.language && !customer.language) fill.language = api.language;
  if (api.organization && !customer.organization) fill.organization = api.organization;
  if (!Object.keys(fill).length) return undefined;
  const profile: Record<string, unknown> = {};
  for (const key of PROFILE_KEYS) if (customer[key] !== undefined) profile[key] = customer[key];
  return { ...profile, ...fill };
}
