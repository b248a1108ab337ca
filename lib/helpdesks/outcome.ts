/**
 * What the sidebar makes of an adapter's read: whether it found a person to look up, and if not,
 * which fields to name. Shared by the sidebar (lib/page/ticket-session.ts) and the options page's
 * preview of a helpdesk (./preview.ts), so the preview cannot say "readable" where the sidebar
 * would say "couldn't read this ticket page".
 */
import type { AuthorRole, ConversationMessage, ReadableField, ReadResult, Requester } from './types';

/** What makes a requester a person we can look up: their helpdesk id, email or at least a name. */
export function identityOf(r: Requester): string | undefined {
  if (r.externalId) return `id:${r.externalId}`;
  if (r.email) return `email:${r.email.toLowerCase()}`;
  if (r.name) return `name:${r.name}`;
  return undefined;
}

/**
 * The fields the sidebar names when a read shows no customer (its "couldn't read this ticket page"
 * state): everything the read missed, the requester's name first unless the whole pane is missing.
 * Undefined when the read found someone to show.
 */
export function unreadFields(result: ReadResult): ReadableField[] | undefined {
  if (result.ok && identityOf(result.snapshot.requester)) return undefined;
  const missing = result.missing.includes('pane') ? result.missing : ['requester-name' as const, ...result.missing.filter((m) => m !== 'requester-name')];
  return [...new Set(missing)];
}

/**
 * Who opened a ticket, from its first message where the read holds it: the customer's, or an agent's
 * public one (a mail they sent first). An internal note first says nothing: FreeScout records a phone
 * call as one, whoever called.
 */
export function startedByOf(first: ConversationMessage | undefined): AuthorRole | undefined {
  if (first?.role === 'customer') return 'customer';
  return first?.role === 'agent' && first.public ? 'agent' : undefined;
}
