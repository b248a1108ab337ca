import { adapterFor, adapters, describeMissing } from '../../../lib/helpdesks/index';
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

describe('describeMissing', () => {
  const fields: ReadableField[] = ['pane', 'subject', 'status', 'requester-name', 'requester-email', 'conversation', 'composer'];

  it('says in plain words what could not be read', () => {
    expect(describeMissing('requester-email')).toBe("couldn't read the requester's email");
    expect(describeMissing('requester-name')).toBe("couldn't read the requester's name");
    for (const field of fields) expect(describeMissing(field)).toMatch(/^couldn't [a-z]/);
    expect(new Set(fields.map(describeMissing)).size).toBe(fields.length);
  });
});
