// @vitest-environment happy-dom
import { adapterFor, adapters, describeMissing, helpdeskIds, ticketPagePatterns, ticketUrl } from '../../../lib/helpdesks/index';
import type { ReadableField } from '../../../lib/helpdesks/types';

// [url, adapter that handles the page (or undefined), active ticket id (or undefined)]
const PAGES: Array<[string, 'zendesk' | 'freshdesk' | undefined, string | undefined]> = [
  ['https://acme.zendesk.com/agent/tickets/123', 'zendesk', '123'],
  ['https://acme.zendesk.com/agent/tickets/123/events', 'zendesk', '123'],
  ['https://acme.zendesk.com/agent/tickets/123?brand=4#comment-9', 'zendesk', '123'],
  ['https://ACME.Zendesk.com/agent/tickets/77', 'zendesk', '77'],
  ['https://acme.zendesk.com/agent/dashboard', 'zendesk', undefined],
  ['https://acme.zendesk.com/agent/filters/360004127', 'zendesk', undefined],
  ['https://acme.zendesk.com/agent/tickets/new/1', 'zendesk', undefined],
  ['https://acme.zendesk.com/agent/users/88102/requested_tickets', 'zendesk', undefined],
  ['https://acme.zendesk.com/agent/tickets/12abc', 'zendesk', undefined],
  ['https://acme.zendesk.com/hc/en-us/requests/123', undefined, undefined], // help centre, not the agent UI
  ['http://acme.zendesk.com/agent/tickets/123', undefined, undefined],
  ['https://zendesk.com/agent/tickets/123', undefined, undefined],
  ['https://evilzendesk.com/agent/tickets/123', undefined, undefined],
  ['https://acme.zendesk.com.evil.io/agent/tickets/123', undefined, undefined],
  ['https://acme.freshdesk.com/a/tickets/1207', 'freshdesk', '1207'],
  ['https://acme.freshdesk.com/a/tickets/1207/edit', 'freshdesk', '1207'],
  ['https://acme.freshdesk.com/helpdesk/tickets/1207', 'freshdesk', '1207'],
  ['https://acme.freshdesk.com/a/tickets', 'freshdesk', undefined],
  ['https://acme.freshdesk.com/a/tickets/filters/all_tickets', 'freshdesk', undefined],
  ['https://acme.freshdesk.com/a/contacts/5', 'freshdesk', undefined],
  ['https://acme.freshdesk.com/a/dashboard/default', 'freshdesk', undefined],
  ['https://acme.freshdesk.com/helpdesk/tickets', undefined, undefined],
  ['https://acme.freshdesk.com/support/tickets/1207', undefined, undefined], // customer portal
  ['https://freshdesk.com/a/tickets/1', undefined, undefined],
  ['https://example.com/a/tickets/1', undefined, undefined],
  ['https://acme.myfreshworks.com/a/tickets/77', 'freshdesk', '77'], // the agent UI on the Freshworks domain
  ['https://acme.myfreshworks.com/crm/sales/deals/1', undefined, undefined],
];

describe('adapterFor / matches / activeTicketId', () => {
  it.each(PAGES)('%s → %s, ticket %s', (href, helpdesk, ticketId) => {
    const url = new URL(href);
    const adapter = adapterFor(url);
    expect(adapter?.id).toBe(helpdesk);
    expect(adapters.filter((a) => a.matches(url)).map((a) => a.id)).toEqual(helpdesk ? [helpdesk] : []);
    if (adapter) expect(adapter.activeTicketId(url, document)).toBe(ticketId);
  });

  it('labels each adapter for people', () => {
    expect(adapters.map((a) => [a.id, a.label])).toEqual([
      ['zendesk', 'Zendesk'],
      ['freshdesk', 'Freshdesk'],
      ['freescout', 'FreeScout'],
    ]);
  });
});

describe('the registry is the one list of helpdesks', () => {
  it('derives ids and the content script pages from the adapters', () => {
    expect(helpdeskIds).toEqual(['custom', ...adapters.map((a) => a.id)]); // custom: adapters built from selectors on the options page
    expect(ticketPagePatterns).toEqual([
      'https://*.zendesk.com/agent/*',
      'https://*.freshdesk.com/a/*',
      'https://*.freshdesk.com/helpdesk/tickets/*',
      'https://*.myfreshworks.com/a/*',
    ]);
  });

  it('every adapter ticket page pattern matches a URL the adapter handles', () => {
    for (const adapter of adapters) {
      for (const pattern of adapter.ticketPages) {
        const url = new URL(pattern.replace('*.', 'acme.').replace(/tickets\/\*$/, '*').replace(/\*$/, 'tickets/12'));
        expect(adapter.matches(url), `${adapter.id}: ${url.href}`).toBe(true);
      }
    }
  });

  it('links tickets on the helpdesks’ own hosts only', () => {
    expect(ticketUrl({ helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '5' })).toBe('https://acme.zendesk.com/agent/tickets/5');
    expect(ticketUrl({ helpdesk: 'freshdesk', account: 'acme.freshdesk.com', ticketId: '5' })).toBe('https://acme.freshdesk.com/a/tickets/5');
    expect(ticketUrl({ helpdesk: 'zendesk', account: 'evil.example', ticketId: '5' })).toBeUndefined();
    expect(ticketUrl({ helpdesk: 'freshdesk', account: 'acme.zendesk.com', ticketId: '5' })).toBeUndefined();
    expect(ticketUrl({ helpdesk: 'nope', account: 'acme.zendesk.com', ticketId: '5' })).toBeUndefined();
    expect(ticketUrl({ helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '5/../../x' })).toBeUndefined();
  });
});

describe('describeMissing', () => {
  const fields: ReadableField[] = ['pane', 'subject', 'status', 'requester-name', 'requester-email', 'conversation', 'composer'];

  it('says in plain words what could not be read', () => {
    expect(describeMissing('requester-email')).toBe("couldn't read the requester's email");
    expect(describeMissing('requester-name')).toBe("couldn't read the requester's name");
    for (const field of fields) expect(describeMissing(field)).toMatch(/^couldn't [a-z]/);
    expect(new Set(fields.map(describeMissing)).size).toBe(fields.length);
  });
});
