// @vitest-environment happy-dom
/**
 * The production adapters (lib/helpdesks) read the demo helpdesk's pages: what trainers and the
 * end-to-end tests see in the sidebar is what the demo data says.
 *
 * The 2026 Freshdesk page is served with empty shadow hosts and its page script builds the shadow
 * roots; happy-dom does not run that script, so these tests call the same function the page's
 * custom elements call (mountShadowHosts in demo/freshdesk.mjs). demo/client.test.ts checks that
 * the page script really does it.
 */
import { adapterFor } from '../../../lib/helpdesks';
import type { ConversationMessage, TicketSnapshot } from '../../../lib/helpdesks/types';
import { createDemoData, findCustomer, findTicket, HOSTILE_NAME, HOSTILE_SCRIPT, HOSTILE_SUBJECT, type DemoData, type DemoTicket } from '../../../demo/data.mjs';
import { renderZendeskWorkspace } from '../../../demo/zendesk.mjs';
import { mountShadowHosts, renderFreshdeskTicket } from '../../../demo/freshdesk.mjs';
import { parsePage, quietStylesheets } from './demo-page';

beforeAll(quietStylesheets);

let data: DemoData;
beforeEach(() => {
  data = createDemoData(new Date('2026-03-12T15:00:00Z'));
});

/** The text as a reader gets it: one line per line, extra spaces dropped, a paragraph break kept once. */
const asRead = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

const expectedMessages = (ticket: DemoTicket): ConversationMessage[] =>
  ticket.messages.map((m) => ({ role: m.role, author: m.author, at: m.at, text: asRead(m.text), public: m.public }));

function read(doc: Document, href: string): TicketSnapshot {
  const url = new URL(href);
  const adapter = adapterFor(url);
  if (!adapter) throw new Error(`no adapter for ${href}`);
  const id = adapter.activeTicketId(url, doc);
  if (!id) throw new Error(`no ticket id in ${href}`);
  const result = adapter.read(doc, id, url);
  if (!result.ok) throw new Error(`read failed: ${result.missing.join(', ')}`);
  return result.snapshot;
}

describe('Zendesk demo workspace through the zendesk adapter', () => {
  const page = (active: number | null) => parsePage(renderZendeskWorkspace({ account: 'demo.zendesk.com', activeTicketId: active, data }));

  it.each([101, 102, 103, 104])('reads ticket %i from its own pane among the open ones', (id) => {
    const ticket = findTicket(data, 'zendesk', id)!;
    const customer = findCustomer(data, ticket.requester)!;
    const doc = page(id);
    const snapshot = read(doc, `https://demo.zendesk.com/agent/tickets/${id}`);
    expect(snapshot).toMatchObject({ helpdesk: 'zendesk', account: 'demo.zendesk.com', ticketId: String(id), subject: ticket.subject });
    expect(snapshot.status?.toLowerCase()).toBe(ticket.status);
    expect(snapshot.priority?.toLowerCase()).toBe(ticket.priority);
    expect(snapshot.requester).toEqual({ name: customer.name, email: customer.email, externalId: String(customer.zendeskUserId) });
    expect(snapshot.messages).toEqual(expectedMessages(ticket));
    expect(adapterFor(new URL(`https://demo.zendesk.com/agent/tickets/${id}`))!.composer(doc, String(id))?.closest(`[data-ticket-id="${id}"]`)).toBeTruthy();
  });

  it('an inactive tab is read from its own pane, not the active one', () => {
    const doc = page(102);
    const url = new URL('https://demo.zendesk.com/agent/tickets/102');
    const result = adapterFor(url)!.read(doc, '101', url);
    expect(result.ok && result.snapshot.requester.name).toBe('Dana Whitfield');
  });

  it('the hostile requester arrives as plain text', () => {
    const snapshot = read(page(104), 'https://demo.zendesk.com/agent/tickets/104');
    expect(snapshot.requester.name).toBe(HOSTILE_NAME);
    expect(snapshot.subject).toBe(HOSTILE_SUBJECT);
    expect(snapshot.messages[0]!.text).toContain(HOSTILE_SCRIPT);
  });

  it('the dashboard is not a ticket; an unknown ticket has no pane', () => {
    const dashboard = new URL('https://demo.zendesk.com/agent/dashboard');
    expect(adapterFor(dashboard)!.activeTicketId(dashboard, page(null))).toBeUndefined();
    const missing = new URL('https://demo.zendesk.com/agent/tickets/999');
    expect(adapterFor(missing)!.read(page(999), '999', missing)).toEqual({ ok: false, missing: ['pane'] });
  });
});

describe('Freshdesk demo pages through the freshdesk adapter', () => {
  function page(account: string, id: number) {
    const doc = parsePage(renderFreshdeskTicket({ account, ticketId: id, data }));
    mountShadowHosts(doc, data); // what the page's custom elements do (2026); nothing to do in classic
    return doc;
  }

  it.each([
    ['2026', 'demo.freshdesk.com', '/a/tickets/'],
    ['classic', 'classic.freshdesk.com', '/a/tickets/'],
    ['classic, older URL', 'classic.freshdesk.com', '/helpdesk/tickets/'],
  ])('%s layout: reads subject, status, requester and the whole conversation', (_layout, host, path) => {
    for (const ticket of data.freshdesk.tickets) {
      const customer = findCustomer(data, ticket.requester)!;
      const snapshot = read(page(host, ticket.id), `https://${host}${path}${ticket.id}`);
      expect(snapshot).toMatchObject({ helpdesk: 'freshdesk', account: host, ticketId: String(ticket.id), subject: ticket.subject });
      expect(snapshot.status?.toLowerCase()).toBe(ticket.status);
      expect(snapshot.requester).toMatchObject({ name: customer.name, externalId: String(customer.freshdeskContactId) });
      expect(snapshot.messages).toEqual(expectedMessages(ticket));
    }
  });

  it('2026 layout: the email comes from the contact card in its shadow root', () => {
    const snapshot = read(page('demo.freshdesk.com', 41), 'https://demo.freshdesk.com/a/tickets/41');
    expect(snapshot.requester.email).toBe('sam.rivera@example.com');
  });

  it('classic layout: the email comes from the mailto link in the contact panel', () => {
    const snapshot = read(page('classic.freshdesk.com', 41), 'https://classic.freshdesk.com/a/tickets/41');
    expect(snapshot.requester.email).toBe('sam.rivera@example.com');
  });

  it.each(['demo.freshdesk.com', 'classic.freshdesk.com'])('%s: the hostile contact arrives as plain text', (host) => {
    const snapshot = read(page(host, 44), `https://${host}/a/tickets/44`);
    expect(snapshot.requester.name).toBe(HOSTILE_NAME);
    expect(snapshot.subject).toBe(HOSTILE_SUBJECT);
    expect(snapshot.messages[0]!.text).toContain(HOSTILE_SCRIPT);
  });

  it('the ticket list is not a ticket page', () => {
    const url = new URL('https://demo.freshdesk.com/a/tickets');
    expect(adapterFor(url)!.activeTicketId(url, parsePage(''))).toBeUndefined();
  });
});
