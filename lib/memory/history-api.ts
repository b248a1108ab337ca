/**
 * Past tickets from the helpdesk's own REST API (issue #3), fetched by the CONTENT SCRIPT: same
 * origin, the agent's session cookie, nothing leaves the helpdesk. See helpdesk-dom.md.
 *   Zendesk   /api/v2/users/{id}/tickets/requested.json
 *   Freshdesk /api/v2/tickets?requester_id={id}
 * The background decides whether to ask at all (at most once per customer per 5 minutes, never
 * before a 429's Retry-After) and stores the tickets as `source: 'api'` visits.
 */
import type { HelpdeskId } from '../helpdesks/types';
import type { ApiTicket } from '../db/repository';

export type ApiHistory = { ok: true; tickets: ApiTicket[] } | { ok: false; error: string; retryAfterMs?: number };

const FRESHDESK_STATUS: Record<number, string> = { 2: 'open', 3: 'pending', 4: 'resolved', 5: 'closed', 6: 'waiting' };
const MAX_TICKETS = 200;

export function historyUrl(helpdesk: HelpdeskId, origin: string, externalId: string): string {
  const id = encodeURIComponent(externalId);
  return helpdesk === 'zendesk' ? `${origin}/api/v2/users/${id}/tickets/requested.json` : `${origin}/api/v2/tickets?requester_id=${id}&per_page=100`;
}

/** Retry-After: seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 86_400) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

const str = (v: unknown, max = 500) => (typeof v === 'string' ? v.slice(0, max) : undefined);
const time = (v: unknown) => {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) && t >= 0 ? t : undefined;
};

/** Reads the API's JSON defensively: anything odd is skipped, never trusted. */
export function parseHistory(helpdesk: HelpdeskId, account: string, body: unknown): ApiTicket[] {
  const rows = helpdesk === 'zendesk' ? (body as { tickets?: unknown } | null)?.tickets : body;
  if (!Array.isArray(rows)) return [];
  const out: ApiTicket[] = [];
  for (const row of rows.slice(0, MAX_TICKETS) as Record<string, unknown>[]) {
    if (!row || typeof row !== 'object') continue;
    const id = typeof row.id === 'number' || typeof row.id === 'string' ? String(row.id).slice(0, 200) : undefined;
    const createdAt = time(row.created_at);
    if (!id || createdAt === undefined) continue;
    const status = helpdesk === 'zendesk' ? str(row.status, 100) : FRESHDESK_STATUS[row.status as number];
    const tags = Array.isArray(row.tags) ? row.tags.filter((t): t is string => typeof t === 'string').map((t) => t.slice(0, 40)).slice(0, 50) : undefined;
    out.push({ helpdesk, account, ticketId: id, subject: str(row.subject), status, createdAt, updatedAt: time(row.updated_at) ?? createdAt, tags });
  }
  return out;
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
  try {
    const response = await fetcher(historyUrl(helpdesk, origin, externalId), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      signal,
    });
    if (response.status === 429) return { ok: false, error: 'rate limited (HTTP 429)', retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), now) ?? 60_000 };
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
    return { ok: true, tickets: parseHistory(helpdesk, account, await response.json()) };
  } catch (error) {
    if (signal.aborted) throw error;
    return { ok: false, error: 'unreachable' };
  }
}
