/**
 * The demo helpdesk's REST history endpoints (issue #3), answered with realistic JSON built from
 * data.mjs:
 *   Zendesk   GET /api/v2/users/{userId}/tickets/requested.json   → { tickets: [...], count, next_page }
 *   Freshdesk GET /api/v2/tickets?requester_id={contactId}         → [ ... ] (status as numbers)
 *
 * Failures for tests, without state: an account host starting with "ratelimited" answers HTTP 429
 * with `Retry-After: 120`; one starting with "broken" answers HTTP 500. `?fail=429|500` does the
 * same on any host.
 */
import { createDemoData } from './data.mjs';

const JSON_TYPE = 'application/json; charset=utf-8';
/** Freshdesk's numeric ticket statuses. */
const FRESHDESK_STATUS = { open: 2, pending: 3, resolved: 4, closed: 5, waiting: 6 };
const FRESHDESK_PRIORITY = { low: 1, medium: 2, high: 3, urgent: 4 };

const json = (status, body, headers = {}) => ({ status, type: JSON_TYPE, body: JSON.stringify(body), headers });

function failure(hostname, search) {
  const forced = new URLSearchParams(search).get('fail');
  if (hostname.startsWith('ratelimited') || forced === '429') {
    return json(429, { description: 'Rate limit exceeded', error: 'TooManyRequests' }, { 'Retry-After': '120' });
  }
  if (hostname.startsWith('broken') || forced === '500') return json(500, { error: 'InternalServerError', description: 'Something went wrong' });
  return undefined;
}

/**
 * The API answer for a request, or undefined when the path is not an API route
 * ({ status, type, body, headers }).
 */
export function apiRespond({ host, pathname, search = '', now = new Date() }) {
  const hostname = String(host ?? '').toLowerCase().replace(/:\d+$/, '');
  if (!pathname.startsWith('/api/v2/')) return undefined;
  const data = createDemoData(now);

  if (hostname.endsWith('.zendesk.com')) {
    const m = pathname.match(/^\/api\/v2\/users\/(\d+)\/tickets\/requested\.json$/);
    if (!m) return json(404, { error: 'InvalidEndpoint', description: 'Not found' });
    const fail = failure(hostname, search);
    if (fail) return fail;
    const customer = data.customers.find((c) => c.zendeskUserId === Number(m[1]));
    if (!customer) return json(404, { error: 'RecordNotFound', description: 'Not found' });
    const tickets = data.zendesk.tickets
      .filter((t) => t.requester === customer.key)
      .map((t) => ({
        url: `https://${hostname}/api/v2/tickets/${t.id}.json`,
        id: t.id,
        external_id: null,
        via: { channel: 'email' },
        created_at: t.createdAt,
        updated_at: t.updatedAt,
        type: t.type ?? null,
        subject: t.subject,
        raw_subject: t.subject,
        description: t.messages[0]?.text ?? '',
        priority: t.priority ?? null,
        status: t.status,
        requester_id: customer.zendeskUserId,
        submitter_id: customer.zendeskUserId,
        assignee_id: t.assignee ? data.agents[t.assignee]?.zendeskUserId ?? null : null,
        tags: t.tags ?? [],
      }));
    return json(200, { tickets, next_page: null, previous_page: null, count: tickets.length });
  }

  if (hostname.endsWith('.freshdesk.com')) {
    if (pathname !== '/api/v2/tickets') return json(404, { code: 'invalid_url', message: 'Not found' });
    const fail = failure(hostname, search);
    if (fail) return fail;
    const requesterId = Number(new URLSearchParams(search).get('requester_id'));
    const customer = data.customers.find((c) => c.freshdeskContactId === requesterId && requesterId);
    if (!customer) return json(200, []);
    const tickets = data.freshdesk.tickets
      .filter((t) => t.requester === customer.key)
      .map((t) => ({
        id: t.id,
        subject: t.subject,
        status: FRESHDESK_STATUS[t.status] ?? 2,
        priority: FRESHDESK_PRIORITY[t.priority] ?? 1,
        requester_id: customer.freshdeskContactId,
        responder_id: t.assignee ? data.agents[t.assignee]?.freshdeskAgentId ?? null : null,
        source: 1,
        type: t.type ?? null,
        tags: t.tags ?? [],
        created_at: t.createdAt,
        updated_at: t.updatedAt,
        due_by: null,
        fr_escalated: false,
        spam: false,
      }));
    return json(200, tickets);
  }
  return undefined;
}
