/**
 * The requester from the helpdesk's API (issue #13): the content-script call with its cache, rate
 * limit and failures, the refinement of the page's read, and the background's re-keying with an
 * undoable merge.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askIdentity, forgetIdentities, refineSnapshot } from '@/lib/page/identity';
import { zendesk, parseZendeskTicket } from '@/lib/helpdesks/zendesk';
import { freshdesk, parseFreshdeskTicket } from '@/lib/helpdesks/freshdesk';
import type { HelpdeskAdapter, TicketSnapshot } from '@/lib/helpdesks/types';
import type { Answers, Reply, RequestOf, RequestType } from '@/lib/messages';
import { RapportDB } from '@/lib/db/db';
import { Repository } from '@/lib/db/repository';
import { createRequestHandler } from '@/lib/background/handle-request';

const TICKET = { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '102' };
const ORIGIN = 'https://acme.zendesk.com';

const ZENDESK_BODY = {
  ticket: { id: 102, requester_id: 361002, subject: 'x' },
  users: [
    { id: 5, name: 'Agent Lee', email: 'lee@acme.example' },
    { id: 361002, name: 'Sam Rivera', email: 'sam.rivera@northwind.example', iana_time_zone: 'America/Chicago', time_zone: 'Central Time (US & Canada)', locale: 'en-US', organization_id: 77 },
  ],
  organizations: [{ id: 77, name: 'Northwind Traders' }],
};

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** A fake background that answers like the real one would, and records what it was asked. */
function fakeBackground(due: Answers['identity.due']) {
  const asked: RequestOf<RequestType>[] = [];
  const request = async <T extends RequestType>(req: RequestOf<T>): Promise<Reply<Answers[T]>> => {
    asked.push(req);
    if (req.type === 'identity.due') return { ok: true, data: due as Answers[T] };
    return { ok: true, data: { recorded: true } as Answers[T] };
  };
  return { asked, request };
}

beforeEach(() => forgetIdentities());

describe('askIdentity', () => {
  it('asks Zendesk’s ticket API with the session and records the requester', async () => {
    const bg = fakeBackground({ due: true });
    const fetcher = vi.fn(async () => jsonResponse(200, ZENDESK_BODY));
    const identity = await askIdentity({ adapter: zendesk, request: bg.request, origin: ORIGIN, fetcher }, TICKET, new AbortController().signal);
    expect(fetcher).toHaveBeenCalledWith('https://acme.zendesk.com/api/v2/tickets/102.json?include=users,organizations', expect.objectContaining({ credentials: 'same-origin' }));
    expect(identity?.requester).toEqual({ externalId: '361002', name: 'Sam Rivera', email: 'sam.rivera@northwind.example', timeZone: 'America/Chicago', locale: 'en-US', organization: 'Northwind Traders' });
    expect(bg.asked.at(-1)).toEqual({ type: 'identity.record', ...TICKET, ok: true, requester: identity!.requester });
  });

  it('asks nobody for a ticket it answered in the last 5 minutes (this tab)', async () => {
    const bg = fakeBackground({ due: true });
    const fetcher = vi.fn(async () => jsonResponse(200, ZENDESK_BODY));
    let now = 1_000_000;
    const deps = { adapter: zendesk, request: bg.request, origin: ORIGIN, fetcher, now: () => now };
    await askIdentity(deps, TICKET, new AbortController().signal);
    now += 4 * 60_000;
    expect((await askIdentity(deps, TICKET, new AbortController().signal))?.requester.email).toBe('sam.rivera@northwind.example');
    expect(fetcher).toHaveBeenCalledTimes(1);
    now += 2 * 60_000;
    await askIdentity(deps, TICKET, new AbortController().signal);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('uses the background’s kept answer when a call is not due, and never calls the API then', async () => {
    const fetcher = vi.fn(async () => jsonResponse(200, ZENDESK_BODY));
    const kept = fakeBackground({ due: false, retryAt: 5, requester: { externalId: '361002', email: 'sam@x.example' } });
    expect(await askIdentity({ adapter: zendesk, request: kept.request, origin: ORIGIN, fetcher }, TICKET, new AbortController().signal)).toEqual({ requester: { externalId: '361002', email: 'sam@x.example' } });
    forgetIdentities();
    const none = fakeBackground({ due: false, retryAt: 5 });
    expect(await askIdentity({ adapter: zendesk, request: none.request, origin: ORIGIN, fetcher }, TICKET, new AbortController().signal)).toBeUndefined();
    expect(fetcher).not.toHaveBeenCalled();
  });

  it.each([
    [401, {}, { error: 'HTTP 401' }],
    [403, {}, { error: 'HTTP 403' }],
    [500, {}, { error: 'HTTP 500' }],
    [503, {}, { error: 'HTTP 503' }],
    [429, { 'Retry-After': '30' }, { error: 'rate limited (HTTP 429)', retryAfterMs: 30_000 }],
    [429, {}, { error: 'rate limited (HTTP 429)', retryAfterMs: 60_000 }],
  ])('HTTP %i: no identity, the failure (and Retry-After) recorded', async (status, headers, recorded) => {
    const bg = fakeBackground({ due: true });
    const fetcher = vi.fn(async () => jsonResponse(status, { error: 'x' }, headers));
    expect(await askIdentity({ adapter: zendesk, request: bg.request, origin: ORIGIN, fetcher }, TICKET, new AbortController().signal)).toBeUndefined();
    expect(bg.asked.at(-1)).toEqual({ type: 'identity.record', ...TICKET, ok: false, ...recorded });
  });

  it('an unreachable API, odd JSON or an adapter without an API give no identity', async () => {
    const bg = fakeBackground({ due: true });
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await askIdentity({ adapter: zendesk, request: bg.request, origin: ORIGIN, fetcher: offline }, TICKET, new AbortController().signal)).toBeUndefined();
    const odd = vi.fn(async () => jsonResponse(200, { ticket: { requester_id: '<script>' }, users: 'no' }));
    expect(await askIdentity({ adapter: zendesk, request: bg.request, origin: ORIGIN, fetcher: odd }, TICKET, new AbortController().signal)).toBeUndefined();
    expect(bg.asked.at(-1)).toMatchObject({ ok: false, error: 'no requester in the answer' });
    const noApi: HelpdeskAdapter = { ...zendesk, identityApi: undefined };
    const count = bg.asked.length;
    expect(await askIdentity({ adapter: noApi, request: bg.request, origin: ORIGIN, fetcher: odd }, TICKET, new AbortController().signal)).toBeUndefined();
    expect(bg.asked).toHaveLength(count);
  });
});

describe('parsing the ticket APIs', () => {
  it('Zendesk: hostile text stays data; a user that is not the requester is not used', () => {
    const body = { ticket: { requester_id: 9 }, users: [{ id: 8, name: 'Wrong', email: 'wrong@x.example' }, { id: 9, name: '<img src=x onerror=alert(1)>', email: 'not an email', time_zone: 'Eastern Time (US & Canada)' }] };
    expect(parseZendeskTicket(body)).toEqual({ requester: { externalId: '9', name: '<img src=x onerror=alert(1)>' } });
    expect(parseZendeskTicket(null)).toBeUndefined();
  });

  it('Freshdesk: requester, and the conversation with times, direction and visibility', () => {
    const identity = parseFreshdeskTicket({
      id: 88,
      requester_id: 7001,
      created_at: '2026-06-01T08:14:00Z',
      description_text: 'Our invoice INV-2231 shows the VAT number of our old company.',
      requester: { id: 7001, name: 'Priya Raman', email: 'priya.raman@brightpath.example', language: 'en' },
      conversations: [
        { body_text: 'It should be GB 123 4567 89, thanks.', incoming: true, private: false, created_at: '2026-06-01T10:30:00Z' },
        { body_text: 'Finance: please reissue INV-2231.', incoming: false, private: true, created_at: '2026-06-01T10:41:00Z' },
        { body_text: 42 },
      ],
    });
    expect(identity).toEqual({
      requester: { externalId: '7001', name: 'Priya Raman', email: 'priya.raman@brightpath.example', locale: 'en' },
      messages: [
        { role: 'customer', at: '2026-06-01T08:14:00.000Z', public: true, text: 'Our invoice INV-2231 shows the VAT number of our old company.' },
        { role: 'customer', at: '2026-06-01T10:30:00.000Z', public: true, text: 'It should be GB 123 4567 89, thanks.' },
        { role: 'agent', at: '2026-06-01T10:41:00.000Z', public: false, text: 'Finance: please reissue INV-2231.' },
      ],
    });
    expect(freshdesk.identityApi!.url('https://a.freshdesk.com', '88')).toBe('https://a.freshdesk.com/api/v2/tickets/88?include=requester,conversations');
  });

  // Before, the description was always the requester's: an outbound mail's own text was read as
  // the customer's message (their mood, the asks the reply must answer).
  it('Freshdesk: an outbound email (source 10) was opened by the agent, who wrote its description', () => {
    const body = {
      id: 90,
      source: 10,
      requester_id: 7001,
      created_at: '2026-06-02T08:00:00Z',
      description_text: 'Hi Priya, your new invoice INV-2231b is attached.',
      requester: { id: 7001, name: 'Priya Raman' },
      conversations: [{ body_text: 'Thank you, but the VAT number is still wrong!', incoming: true, private: false, created_at: '2026-06-02T09:00:00Z' }],
    };
    const identity = parseFreshdeskTicket(body)!;
    expect(identity.startedBy).toBe('agent');
    expect(identity.messages!.map((m) => m.role)).toEqual(['agent', 'customer']);
    expect(parseFreshdeskTicket({ ...body, source: 1 })!).not.toHaveProperty('startedBy'); // an email in: not said, the page says
    const page: TicketSnapshot = {
      helpdesk: 'freshdesk',
      account: 'brightpath.freshdesk.com',
      ticketId: '90',
      url: 'https://brightpath.freshdesk.com/a/tickets/90',
      requester: { name: 'Priya Raman' },
      messages: [
        { role: 'customer', text: 'Hi Priya, your new invoice INV-2231b is attached.', public: true },
        { role: 'customer', text: 'Thank you, but the VAT number is still wrong!', public: true },
      ],
    };
    const refined = refineSnapshot(page, identity);
    expect(refined.startedBy).toBe('agent');
    expect(refined.messages.map((m) => m.role)).toEqual(['agent', 'customer']);
  });

  it('Zendesk: who opened the ticket is its submitter (the requester, a sideloaded agent, or unknown)', () => {
    const users = [{ id: 9, name: 'Dana', role: 'end-user' }, { id: 5001, name: 'Alex', role: 'agent' }, { id: 5002, name: 'Jo', role: 'admin' }, { id: 77, name: 'Bob', role: 'end-user' }];
    const opened = (submitter: unknown, sideload = users) => parseZendeskTicket({ ticket: { requester_id: 9, submitter_id: submitter }, users: sideload })?.startedBy;
    expect(opened(9)).toBe('customer');
    expect(opened(5001)).toBe('agent');
    expect(opened(5002)).toBe('agent');
    expect(opened(77)).toBe('customer'); // a colleague of theirs wrote in for them
    expect(opened(5001, users.slice(0, 1))).toBeUndefined(); // not sideloaded: nobody knows
    expect(opened(undefined)).toBeUndefined();
    expect(opened({ __proto__: 'x' })).toBeUndefined();
    expect(parseZendeskTicket({ ticket: { requester_id: 9, submitter_id: 5001 }, users: [{ id: 5001, role: '<b>agent</b>' }] })?.startedBy).toBeUndefined();
  });

  it('Zendesk history: the requested tickets with the users sideloaded say which an agent opened', () => {
    const body = {
      tickets: [
        { id: 90, requester_id: 9, submitter_id: 5001, subject: 'Your renewal', status: 'open', created_at: '2026-06-02T08:00:00Z' },
        { id: 88, requester_id: 9, submitter_id: 9, subject: 'Wrong VAT number', status: 'solved', created_at: '2026-06-01T08:14:00Z' },
        { id: 87, requester_id: 9, submitter_id: 5003, subject: 'Call back', status: 'solved', created_at: '2026-05-01T08:14:00Z' },
      ],
      users: [{ id: 9, role: 'end-user' }, { id: 5001, role: 'agent' }],
    };
    expect(zendesk.historyApi!.parse(body).map((t) => [t.ticketId, t.startedBy])).toEqual([
      ['90', 'agent'],
      ['88', 'customer'],
      ['87', undefined],
    ]);
    expect(zendesk.historyApi!.url('https://acme.zendesk.com', '9')).toBe('https://acme.zendesk.com/api/v2/users/9/tickets/requested.json?include=users');
  });

  it('Freshdesk history: a ticket of theirs an agent opened says so', () => {
    const rows = [
      { id: 90, source: 10, subject: 'Your new invoice', status: 2, created_at: '2026-06-02T08:00:00Z', updated_at: '2026-06-02T09:00:00Z' },
      { id: 88, source: 1, subject: 'Wrong VAT number', status: 4, created_at: '2026-06-01T08:14:00Z', updated_at: '2026-06-01T11:00:00Z' },
    ];
    expect(freshdesk.historyApi!.parse(rows).map((t) => [t.ticketId, t.startedBy])).toEqual([
      ['90', 'agent'],
      ['88', undefined],
    ]);
  });
});

describe('refineSnapshot', () => {
  const page: TicketSnapshot = {
    helpdesk: 'freshdesk',
    account: 'brightpath.freshdesk.com',
    ticketId: '88',
    url: 'https://brightpath.freshdesk.com/a/tickets/88',
    requester: { name: 'Priya Raman', email: 'old@brightpath.example' },
    messages: [
      { role: 'customer', text: 'Our invoice INV-2231 shows the VAT number of our old company. Could you correct it?', public: true },
      { role: 'customer', author: 'accounts@brightpath.example', text: 'It should be GB 123 4567 89, thanks.', public: false },
      { role: 'agent', text: 'Something the API did not send', public: true },
    ],
  };

  it('takes the API’s id, email and name, and its times and flags where the texts match', () => {
    const refined = refineSnapshot(page, {
      requester: { externalId: '7001', email: 'priya.raman@brightpath.example' },
      messages: [
        { role: 'customer', at: '2026-06-01T08:14:00.000Z', public: true, text: 'Our invoice INV-2231 shows the VAT number of our old company.' },
        { role: 'customer', at: '2026-06-01T10:30:00.000Z', public: true, text: 'It should be GB 123 4567 89, thanks.' },
      ],
    });
    expect(refined.requester).toEqual({ name: 'Priya Raman', email: 'priya.raman@brightpath.example', externalId: '7001' });
    expect(refined.messages).toEqual([
      { ...page.messages[0], at: '2026-06-01T08:14:00.000Z' },
      { ...page.messages[1], at: '2026-06-01T10:30:00.000Z', public: true },
      page.messages[2],
    ]);
  });
});

describe('ticket.identify in the background', () => {
  const EXT = 'ext';
  const sender = { id: EXT, url: 'https://acme.zendesk.com/agent/tickets/102', tab: { id: 1 } };
  const byName: TicketSnapshot = { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '102', url: sender.url, requester: { name: 'Sam Rivera' }, messages: [] };
  const byApi: TicketSnapshot = { ...byName, requester: { name: 'Sam Rivera', email: 'sam.rivera@northwind.example', externalId: '361002' } };
  let database: RapportDB;
  let handle: ReturnType<typeof createRequestHandler>;

  beforeEach(() => {
    database = new RapportDB(`identity-${crypto.randomUUID()}`);
    handle = createRequestHandler(new Repository(database), EXT, database, { now: () => Date.now(), uuid: () => crypto.randomUUID() });
  });
  afterEach(() => database.delete());

  const ok = <T>(reply: Reply<T>): T => {
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  };

  it('merges the record first keyed by name into the one the API names, with its note, undoably', async () => {
    // Sam is known from Freshdesk by email, with a note.
    const known = ok(await handle({ type: 'ticket.open', snapshot: { ...byApi, helpdesk: 'freshdesk', account: 'acme.freshdesk.com', ticketId: '41', url: 'https://acme.freshdesk.com/a/tickets/41', requester: { name: 'Sam Rivera', email: 'sam.rivera@northwind.example' } } }, { ...sender, url: 'https://acme.freshdesk.com/a/tickets/41' }) as Reply<{ customer: { id: string } }>);
    // On Zendesk the page shows only the name: a record keyed by name, and a note on it.
    const first = ok(await handle({ type: 'ticket.open', snapshot: byName }, sender) as Reply<{ customer: { id: string } }>);
    expect(first.customer.id).not.toBe(known.customer.id);
    ok(await handle({ type: 'note.add', customerId: first.customer.id, text: 'Written before the API answered' }, sender));

    const identified = ok(await handle({ type: 'ticket.identify', snapshot: byApi, previousCustomerId: first.customer.id, profile: { timeZone: 'America/Chicago', organization: 'Northwind Traders' } }, sender) as Reply<Answers['ticket.identify']>);
    expect(identified.customer.id).toBe(known.customer.id);
    expect(identified.mergeId).toBeDefined();
    expect(identified.notes.map((n) => n.text)).toContain('Written before the API answered');
    expect(identified.customer).toMatchObject({ timeZone: 'America/Chicago', organization: 'Northwind Traders' });
    expect((await database.customers.get(first.customer.id))?.mergedInto).toBe(known.customer.id);

    ok(await handle({ type: 'memory.merge.undo', mergeId: identified.mergeId! }, sender));
    expect((await database.customers.get(first.customer.id))?.mergedInto).toBeUndefined();
    expect((await database.notes.where('customerId').equals(first.customer.id).count())).toBe(1);
  });

  it('never merges a record that has its own email, and never another page’s helpdesk', async () => {
    const other = ok(await handle({ type: 'ticket.open', snapshot: { ...byName, ticketId: '7', requester: { name: 'Sam Rivera', email: 'sam@elsewhere.example' } } }, sender) as Reply<{ customer: { id: string } }>);
    const identified = ok(await handle({ type: 'ticket.identify', snapshot: byApi, previousCustomerId: other.customer.id }, sender) as Reply<Answers['ticket.identify']>);
    expect(identified.mergeId).toBeUndefined();
    expect(await handle({ type: 'ticket.identify', snapshot: byApi }, { ...sender, url: 'https://evil.zendesk.com/agent/tickets/1' })).toEqual({ ok: false, error: expect.stringMatching(/^Rejected/) });
  });

  it('allows one API call per ticket per 5 minutes, none before Retry-After, and keeps the answer', async () => {
    const t = { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '102' };
    expect(ok(await handle({ type: 'identity.due', ...t }, sender))).toEqual({ due: true });
    ok(await handle({ type: 'identity.record', ...t, ok: true, requester: { externalId: '361002', email: 'sam.rivera@northwind.example' } }, sender));
    expect(ok(await handle({ type: 'identity.due', ...t }, sender))).toMatchObject({ due: false, requester: { externalId: '361002' } });
    const limited = { ...t, ticketId: '103' };
    ok(await handle({ type: 'identity.record', ...limited, ok: false, error: 'rate limited (HTTP 429)', retryAfterMs: 3_600_000 }, sender));
    const due = ok(await handle({ type: 'identity.due', ...limited }, sender) as Reply<Answers['identity.due']>);
    expect(due.due).toBe(false);
    expect(due.retryAt! - Date.now()).toBeGreaterThan(3_500_000);
    expect(due.requester).toBeUndefined();
  });
});
