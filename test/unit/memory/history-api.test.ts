import { describe, expect, it } from 'vitest';
import { fetchHistory, historyUrl, parseHistory, retryAfterMs } from '@/lib/memory/history-api';
import { apiRespond } from '../../../demo/api.mjs';

const NOW = Date.UTC(2026, 10, 25, 12);

/** The demo server's answer, as a fetch Response. */
const demoFetch = (host: string): typeof fetch =>
  (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const answer = apiRespond({ host, pathname: url.pathname, search: url.search, now: new Date(NOW) })!;
    return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': answer.type, ...answer.headers } });
  }) as typeof fetch;

describe('helpdesk API history', () => {
  it('builds same-origin URLs', () => {
    expect(historyUrl('zendesk', 'https://acme.zendesk.com', '361002')).toBe('https://acme.zendesk.com/api/v2/users/361002/tickets/requested.json?include=users');
    expect(historyUrl('freshdesk', 'https://acme.freshdesk.com', '80102')).toBe('https://acme.freshdesk.com/api/v2/tickets?requester_id=80102&per_page=100');
  });

  it('reads Sam Rivera’s Zendesk tickets from the demo API', async () => {
    const result = await fetchHistory({ helpdesk: 'zendesk', page: 'https://demo.zendesk.com', account: 'demo.zendesk.com', externalId: '361002', signal: new AbortController().signal, fetcher: demoFetch('demo.zendesk.com'), now: NOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tickets.map((t) => [t.ticketId, t.status])).toEqual([
      ['87', 'closed'],
      ['98', 'solved'],
      ['102', 'open'],
    ]);
    expect(result.tickets[1]).toMatchObject({ subject: 'Invoice PDF still shows our old address', tags: ['billing', 'invoice'], helpdesk: 'zendesk', account: 'demo.zendesk.com' });
  });

  it('maps Freshdesk numeric statuses', async () => {
    const result = await fetchHistory({ helpdesk: 'freshdesk', page: 'https://demo.freshdesk.com', account: 'demo.freshdesk.com', externalId: '80102', signal: new AbortController().signal, fetcher: demoFetch('demo.freshdesk.com'), now: NOW });
    expect(result.ok && result.tickets.map((t) => [t.ticketId, t.status])).toEqual([['41', 'open']]);
  });

  it('honours 429 Retry-After and reports 500s', async () => {
    const limited = await fetchHistory({ helpdesk: 'zendesk', page: 'https://x', account: 'ratelimited.zendesk.com', externalId: '361002', signal: new AbortController().signal, fetcher: demoFetch('ratelimited.zendesk.com'), now: NOW });
    expect(limited).toEqual({ ok: false, error: 'rate limited (HTTP 429)', retryAfterMs: 120_000 });
    const broken = await fetchHistory({ helpdesk: 'freshdesk', page: 'https://x', account: 'broken.freshdesk.com', externalId: '80102', signal: new AbortController().signal, fetcher: demoFetch('broken.freshdesk.com'), now: NOW });
    expect(broken).toEqual({ ok: false, error: 'HTTP 500' });
    const offline = await fetchHistory({
      helpdesk: 'zendesk',
      page: 'https://x',
      account: 'a',
      externalId: '1',
      signal: new AbortController().signal,
      fetcher: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    expect(offline).toEqual({ ok: false, error: 'unreachable' });
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('30', NOW)).toBe(30_000);
    expect(retryAfterMs(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(retryAfterMs(null, NOW)).toBeUndefined();
  });

  it('skips malformed rows and keeps hostile text as data', () => {
    const rows = parseHistory('zendesk', 'a.zendesk.com', {
      tickets: [null, { id: 5 }, { id: 6, created_at: '2026-01-01T00:00:00Z', subject: '<img src=x onerror=alert(1)>', status: 7, tags: ['ok', 3] }],
    });
    expect(rows).toEqual([
      { helpdesk: 'zendesk', account: 'a.zendesk.com', ticketId: '6', subject: '<img src=x onerror=alert(1)>', status: undefined, createdAt: Date.parse('2026-01-01T00:00:00Z'), updatedAt: Date.parse('2026-01-01T00:00:00Z'), tags: ['ok'] },
    ]);
    expect(parseHistory('freshdesk', 'a', { not: 'an array' })).toEqual([]);
  });
});
