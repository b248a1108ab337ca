/**
 * The requester from the helpdesk's own API (issue #13): the page is the fast first read, this
 * confirms or corrects it. Runs in the content script (same origin, the agent's session cookie);
 * the background says whether a call is due (once per ticket per 5 minutes, never before a 429's
 * Retry-After) and keeps the last answer. Any failure (API switched off, 401/403/429/5xx, odd JSON)
 * leaves the sidebar as the page showed it.
 */
import type { ApiMessage, ConversationMessage, HelpdeskAdapter, TicketIdentity, TicketSnapshot } from '../helpdesks/types';
import type { Answers, Reply, RequestOf, RequestType } from '../messages';
import { getJson } from '../helpdesks/api';
import { prune } from '../helpdesks/dom';

export interface IdentityDeps {
  adapter: HelpdeskAdapter;
  request<T extends RequestType>(req: RequestOf<T>): Promise<Reply<Answers[T]>>;
  /** The helpdesk's origin (`location.origin`). */
  origin: string;
  fetcher?: typeof fetch;
  now?: () => number;
}

const FRESH_MS = 5 * 60_000;
/** This tab's answers (with the conversation), so going back to a ticket asks nobody. */
const recent = new Map<string, { at: number; identity: TicketIdentity }>();

/** The API's identity for a ticket, or undefined when there is none to be had now. Throws only on abort. */
export async function askIdentity(deps: IdentityDeps, ticket: { helpdesk: string; account: string; ticketId: string }, signal: AbortSignal): Promise<TicketIdentity | undefined> {
  const api = deps.adapter.identityApi;
  if (!api) return undefined;
  const now = deps.now?.() ?? Date.now();
  const key = `${ticket.account}/${ticket.ticketId}`;
  const kept = recent.get(key);
  if (kept && now - kept.at < FRESH_MS) return kept.identity;
  const due = await deps.request({ type: 'identity.due', ...ticket });
  if (signal.aborted || !due.ok) return undefined;
  if (!due.data.due) return due.data.requester ? { requester: due.data.requester } : undefined;
  const answer = await getJson(api.url(deps.origin, ticket.ticketId), signal, deps.fetcher, now);
  let identity: TicketIdentity | undefined;
  try {
    identity = answer.ok ? api.parse(answer.body) : undefined;
  } catch {
    identity = undefined;
  }
  const error = answer.ok ? (identity ? undefined : 'no requester in the answer') : answer.error;
  await deps.request({
    type: 'identity.record',
    ...ticket,
    ok: !!identity,
    ...(error ? { error } : {}),
    ...(!answer.ok && answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}),
    ...(identity ? { requester: identity.requester } : {}),
  });
  if (identity) {
    recent.set(key, { at: now, identity });
    if (recent.size > 100) recent.delete(recent.keys().next().value!);
  }
  return identity;
}

/** Forgets this tab's answers (tests). */
export const forgetIdentities = () => recent.clear();

/**
 * The page's snapshot with what the API knows: the requester's id, email and name (the API is the
 * source of truth), and machine-readable times, direction and visibility for the messages the page
 * shows without them.
 */
export function refineSnapshot(snapshot: TicketSnapshot, identity: TicketIdentity): TicketSnapshot {
  const api = identity.requester;
  const requester = prune({
    name: api.name ?? snapshot.requester.name,
    email: api.email ?? snapshot.requester.email,
    externalId: api.externalId ?? snapshot.requester.externalId,
  });
  const known = identity.messages?.map((m) => ({ key: matchKey(m.text), m })) ?? [];
  const messages = known.length ? snapshot.messages.map((message) => refineMessage(message, known)) : snapshot.messages;
  const startedBy = identity.startedBy ?? snapshot.startedBy;
  return prune({ ...snapshot, requester, messages, startedBy });
}

/** The start of a text, lower-cased without spaces: enough to tell one message from another. */
const matchKey = (text: string) => text.toLowerCase().replace(/\s+/g, '').slice(0, 60);

function refineMessage(message: ConversationMessage, known: { key: string; m: ApiMessage }[]): ConversationMessage {
  const key = matchKey(message.text);
  if (key.length < 8) return message;
  const hit = known.find((k) => k.key.length >= 8 && (k.key.startsWith(key) || key.startsWith(k.key)))?.m;
  if (!hit) return message;
  return prune({ ...message, role: hit.role ?? message.role, at: message.at ?? hit.at, public: hit.public ?? message.public });
}
