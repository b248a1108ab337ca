/**
 * Past tickets from the helpdesk itself (issue #3), fetched by the CONTENT SCRIPT: same origin, the
 * agent's session cookie, nothing leaves the helpdesk. Which URL and how to read the answer is the
 * adapter's: its REST API (`historyApi`: Zendesk, Freshdesk) or a page that lists the customer's
 * tickets (`historyPage`: FreeScout) (lib/helpdesks/<helpdesk>.ts).
 * The background decides whether to ask at all (at most once per customer per 5 minutes, never
 * before a 429's Retry-After) and stores the tickets as `source: 'api'` visits.
 */
import type { HelpdeskId, ShownTimes } from '../helpdesks/types';
import type { ApiTicket } from '../db/repository';
import { adapterById } from '../helpdesks';
import { getJson, getPage } from '../helpdesks/api';

export { retryAfterMs } from '../helpdesks/api';

export type ApiHistory = { ok: true; tickets: ApiTicket[] } | { ok: false; error: string; retryAfterMs?: number };

/** Whether Rapport can ask this helpdesk for a customer's past tickets. */
export const hasHistory = (helpdesk: HelpdeskId): boolean => {
  const adapter = adapterById(helpdesk);
  return !!(adapter?.historyApi ?? adapter?.historyPage);
};

/** Where to ask, from the page the agent is on (`page`: its URL). */
export function historyUrl(helpdesk: HelpdeskId, page: string, externalId: string): string | undefined {
  const adapter = adapterById(helpdesk);
  const at = new URL(page);
  return adapter?.historyApi?.url(at.origin, externalId) ?? adapter?.historyPage?.url(at, externalId);
}

/** Reads the API's JSON defensively: anything odd is skipped, never trusted. */
export function parseHistory(helpdesk: HelpdeskId, account: string, body: unknown): ApiTicket[] {
  return withRef(helpdesk, account, adapterById(helpdesk)?.historyApi?.parse(body) ?? []);
}

const withRef = (helpdesk: HelpdeskId, account: string, tickets: Omit<ApiTicket, 'helpdesk' | 'account'>[]): ApiTicket[] =>
  tickets.map((t) => ({ ...t, helpdesk, account }));

/** What `fetchHistory` asks for, and how. */
export interface FetchHistoryOptions {
  helpdesk: HelpdeskId;
  /** The URL of the page the agent is on: the history is asked of its origin. */
  page: string;
  /** The helpdesk account the tickets are recorded under. */
  account: string;
  /** The requester's id in the helpdesk. */
  externalId: string;
  signal: AbortSignal;
  /** The same-origin GET; tests pass a fake. Default: `fetch`. */
  fetcher?: typeof fetch;
  /** Default: `Date.now()`. */
  now?: number;
  /** How the page writes times, for a history page's dates (`historyPage`). */
  shown?: ShownTimes;
}

export async function fetchHistory({ helpdesk, page, account, externalId, signal, fetcher = fetch, now = Date.now(), shown }: FetchHistoryOptions): Promise<ApiHistory> {
  const url = historyUrl(helpdesk, page, externalId);
  const adapter = adapterById(helpdesk);
  const reader = adapter?.historyApi ? undefined : adapter?.historyPage;
  if (!url) return { ok: false, error: 'this helpdesk has no history API' };
  if (!reader) {
    const answer = await getJson(url, signal, fetcher, now);
    if (!answer.ok) return { ok: false, error: answer.error, retryAfterMs: answer.retryAfterMs };
    return { ok: true, tickets: parseHistory(helpdesk, account, answer.body) };
  }
  const answer = await getPage(url, signal, fetcher, now);
  if (!answer.ok) return { ok: false, error: answer.error, retryAfterMs: answer.retryAfterMs };
  // A sign-in page (the session ended) or a list it cannot read in full: never "no past tickets".
  const tickets = reader.read(answer.doc, externalId, now, shown);
  return tickets ? { ok: true, tickets: withRef(helpdesk, account, tickets) } : { ok: false, error: 'the helpdesk page did not list their tickets' };
}
