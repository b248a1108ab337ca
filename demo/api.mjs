/**
 * The demo helpdesk's REST history endpoints (issue #3), answered with realistic JSON built from
 * data.mjs:
 *   Zendesk   GET /api/v2/users/{userId}/tickets/requested.json   → { tickets: [...], count, next_page }
 *             GET /api/v2/tickets/{id}.json?include=users,organizations → { ticket, users, organizations }
 *   Freshdesk GET /api/v2/tickets?requester_id={contactId}         → [ ... ] (status as numbers)
 *             GET /api/v2/tickets/{id}?include=requester,conversations → ticket with requester, conversations
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
    const one = pathname.match(/^\/api\/v2\/tickets\/(\d+)\.json$/);
    if (one) return failure(hostname, search) ?? zendeskTicket(data, hostname, Number(one[1]), search);
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
        submitter_id: zendeskSubmitter(data, t, customer),
        assignee_id: t.assignee ? data.agents[t.assignee]?.zendeskUserId ?? null : null,
        tags: t.tags ?? [],
      }));
    const body = { tickets, next_page: null, previous_page: null, count: tickets.length };
    if (includes(search).has('users')) body.users = zendeskUsers(data, customer, tickets.map((t) => t.submitter_id));
    return json(200, body);
  }

  if (hostname.endsWith('.freshdesk.com')) {
    const one = pathname.match(/^\/api\/v2\/tickets\/(\d+)$/);
    if (one) return failure(hostname, search) ?? freshdeskTicket(data, Number(one[1]), search);
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

const includes = (search) => new Set((new URLSearchParams(search).get('include') ?? '').split(',').filter(Boolean));

/** Zendesk's Show Ticket with sideloads: the requester as a user, their organisation. */
function zendeskTicket(data, hostname, id, search) {
  const ticket = data.zendesk.tickets.find((t) => t.id === id);
  if (!ticket) return json(404, { error: 'RecordNotFound', description: 'Not found' });
  const customer = data.customers.find((c) => c.key === ticket.requester);
  const userId = customer?.zendeskUserId ?? null;
  const orgId = customer ? 9000 + data.customers.indexOf(customer) : null;
  const body = {
    ticket: {
      url: `https://${hostname}/api/v2/tickets/${id}.json`,
      id,
      subject: ticket.subject,
      status: ticket.status,
      created_at: ticket.createdAt,
      updated_at: ticket.updatedAt,
      requester_id: userId,
      submitter_id: customer ? zendeskSubmitter(data, ticket, customer) : null,
      organization_id: orgId,
      tags: ticket.tags ?? [],
    },
  };
  const want = includes(search);
  if (want.has('users')) {
    body.users = customer ? zendeskUsers(data, customer, [body.ticket.submitter_id]) : [];
  }
  if (want.has('organizations')) body.organizations = customer ? [{ id: orgId, name: customer.company }] : [];
  return json(200, body);
}

/**
 * Who submitted a ticket (Zendesk's Tickets API: the author of its first comment): the agent who
 * wrote first, else the requester.
 */
function zendeskSubmitter(data, ticket, customer) {
  const first = ticket.messages[0];
  const agent = first?.role === 'agent' ? Object.values(data.agents).find((a) => a.name === first.author) : undefined;
  return agent?.zendeskUserId ?? customer.zendeskUserId;
}

/** The `users` sideload: the requester, and any agent who submitted one of the tickets. */
function zendeskUsers(data, customer, submitterIds) {
  const orgId = 9000 + data.customers.indexOf(customer);
  const requester = { id: customer.zendeskUserId, name: customer.name, email: customer.email, role: 'end-user', time_zone: 'Central Time (US & Canada)', iana_time_zone: customer.timeZone, locale: 'en-US', organization_id: orgId };
  const agents = Object.values(data.agents)
    .filter((a) => submitterIds.includes(a.zendeskUserId))
    .map((a) => ({ id: a.zendeskUserId, name: a.name, email: `${a.key}@rapport-demo.example`, role: 'agent', locale: 'en-US', organization_id: null }));
  return [requester, ...agents];
}

/** Freshdesk's View Ticket with `include=requester,conversations` (description_text on the ticket). */
function freshdeskTicket(data, id, search) {
  const ticket = data.freshdesk.tickets.find((t) => t.id === id);
  if (!ticket) return json(404, { code: 'access_denied', message: 'Not found' });
  const customer = data.customers.find((c) => c.key === ticket.requester);
  const [description, ...rest] = ticket.messages;
  const body = {
    id,
    subject: ticket.subject,
    status: FRESHDESK_STATUS[ticket.status] ?? 2,
    requester_id: customer?.freshdeskContactId ?? null,
    created_at: ticket.createdAt,
    updated_at: ticket.updatedAt,
    description_text: description?.text ?? '',
    tags: ticket.tags ?? [],
  };
  const want = includes(search);
  if (want.has('requester') && customer) {
    body.requester = { id: customer.freshdeskContactId, name: customer.name, email: customer.email, mobile: null, phone: customer.phone, language: 'en' };
  }
  if (want.has('conversations')) {
    body.conversations = rest.slice(0, 10).map((m) => ({
      id: m.id,
      body_text: m.text,
      incoming: m.role === 'customer',
      private: !m.public,
      created_at: m.at,
      updated_at: m.at,
    }));
  }
  return json(200, body);
}
