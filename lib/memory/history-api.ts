/**
 * Past tickets from the helpdesk's own REST API (issue #3), fetched by the CONTENT SCRIPT: same
 * origin, the agent's session cookie, nothing leaves the helpdesk. Which URL and how to read the
 * answer is the adapter's `historyApi` (lib/helpdesks/<helpdesk>.ts).
 * The background decides whether to ask at all (at most once per customer per 5 minutes, never
 * before a 429's Retry-After) and stores the tickets as `source: 'api'` visits.
 */
import type { HelpdeskId } from '../helpdesks/types';
import type { ApiTicket } from '../db/repository';
import { adapterById } from '../helpdesks';
import { getJson } from '../helpdesks/api';

export { retryAfterMs } from '../helpdesks/api';

export type ApiHistory = { ok: true; tickets: ApiTicket[] } | { ok: false; error: string; retryAfterMs?: number };

export function historyUrl(helpdesk: HelpdeskId, origin: string, externalId: string): string | undefined {
  return adapterById(helpdesk)?.historyApi?.url(origin, externalId);
}

/** Reads the API's JSON defensively: anything odd is skipped, never trusted. */
export function parseHistory(helpdesk: HelpdeskId, account: string, body: unknown): ApiTicket[] {
  const tickets = adapterById(helpdesk)?.historyApi?.parse(body) ?? [];
  return tickets.map((t) => ({ ...t, helpdesk, account }));
}

export async function fetchHistory(
  helpdesk: HelpdeskId,
  origin: string,
  account: string,
  externalId: string,
  signal: AbortSignal,
  fetcher: typeof fetch = fetch,
  now = Date.now(),
): Promise<ApiHistory> {
  const url = historyUrl(helpdesk, origin, externalId);
  if (!url) return { ok: false, error: 'this helpdesk has no history API' };
  const answer = await getJson(url, signal, fetcher, now);
  if (!answer.ok) return { ok: false, error: answer.error, retryAfterMs: answer.retryAfterMs };
  return { ok: true, tickets: parseHistory(helpdesk, account, answer.body) };
}
