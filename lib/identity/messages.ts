/**
 * Requests for the requester's identity from the helpdesk's own API (issue #13). The content script
 * asks the API (same origin, the agent's session); the background decides whether it may (one call
 * per ticket per 5 minutes, never before a 429's Retry-After), keeps the answer, and re-keys the
 * customer when the API names them.
 */
import * as v from 'valibot';
import { helpdeskId, id, LIMITS, millis, SnapshotSchema, text } from '../schema';
import type { TicketContext } from '../ticket-context';
import type { ApiRequester } from '../helpdesks/types';

const Field = v.optional(text(LIMITS.field));

export const ApiRequesterSchema = v.strictObject({
  name: Field,
  email: Field,
  externalId: v.optional(id),
  timeZone: v.optional(text(100)),
  locale: v.optional(text(35)),
  organization: Field,
});

const TicketOf = { helpdesk: helpdeskId, account: id, ticketId: id };

export const identityRequests = [
  v.strictObject({ type: v.literal('identity.due'), ...TicketOf }),
  v.strictObject({
    type: v.literal('identity.record'),
    ...TicketOf,
    ok: v.boolean(),
    error: v.optional(text(300)),
    retryAfterMs: v.optional(millis),
    requester: v.optional(ApiRequesterSchema),
  }),
  /**
   * `ticket.open` with the requester the API named. `previousCustomerId`: the customer the page's
   * first read was looked up as; a record known only by name is merged (undoably) into the right one.
   */
  v.strictObject({
    type: v.literal('ticket.identify'),
    snapshot: SnapshotSchema,
    previousCustomerId: v.optional(id),
    profile: v.optional(v.strictObject({ timeZone: v.optional(text(100)), language: v.optional(text(35)), organization: Field })),
  }),
] as const;

export interface IdentityAnswers {
  /** `requester`: the API's answer kept from the last call, when there is one. */
  'identity.due': { due: boolean; retryAt?: number; requester?: ApiRequester };
  'identity.record': { recorded: true };
  /** `mergeId`: the name-only record was merged into this customer (undo with memory.merge.undo). */
  'ticket.identify': TicketContext & { mergeId?: string };
}
