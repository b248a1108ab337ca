// @vitest-environment happy-dom
/**
 * The demo helpdesk's pages (demo/): hostile customer text stays text, and the markup has the
 * structure the real helpdesks have (helpdesk-dom.md), because the production content script reads
 * these pages with its real selectors.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoData, findTicket, HOSTILE_NAME, HOSTILE_SCRIPT, HOSTILE_SUBJECT, type DemoData } from '../../../demo/data.mjs';
import { renderZendeskWorkspace } from '../../../demo/zendesk.mjs';
import { layoutForHost, mountShadowHosts, renderFreshdeskTicket, renderFreshdeskTicketList, routeFor } from '../../../demo/freshdesk.mjs';
import { h, toHtml, toDom } from '../../../demo/h.mjs';
import { composerText } from '../../../demo/client/editor-text.mjs';
import { parsePage, quietStylesheets } from './demo-page';
// @ts-expect-error plain ESM without a .d.mts (test/e2e/harness.ts relies on that with the same directive)
import { respondTo } from '../../../demo/server.mjs';

const NOW = new Date('2026-03-12T15:00:00Z');
const parse = parsePage;
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent?.trim());

beforeAll(quietStylesheets);

let data: DemoData;
beforeEach(() => {
  data = createDemoData(NOW);
});

function zendesk(activeTicketId: number | null, openTicketIds?: number[]) {
  return parse(renderZendeskWorkspace({ account: 'demo.zendesk.com', activeTicketId, openTicketIds, data }));
}

/** Every script is our JSON data or our module; nothing else can run. */
function expectOnlyOwnScripts(doc: Document) {
  for (const script of doc.querySelectorAll('script')) {
    const ours = script.getAttribute('type') === 'application/json' || /^\/__demo\/client\/\w+\.mjs$/.test(script.getAttribute('src') ?? '');
    expect(ours, script.textContent ?? '').toBe(true);
  }
  expect(doc.querySelectorAll('script')).toHaveLength(2);
}

describe('seeded data', () => {
  it('tells the stories the demo needs', () => {
    const sam = data.customers.find((c) => c.email === 'sam.rivera@example.com')!;
    expect(data.zendesk.tickets.filter((t) => t.requester === sam.key).length).toBeGreaterThanOrEqual(3);
    expect(data.freshdesk.tickets.some((t) => t.requester === sam.key)).toBe(true);
    const upset = findTicket(data, 'zendesk', 101)!;
    expect(upset.messages.at(-1)!.text).toMatch(/THIRD time.*TWICE/s);
    expect(upset.messages.at(-1)!.at).toBe(new Date(NOW.getTime() - 25 * 60_000).toISOString());
    const questions = findTicket(data, 'zendesk', 103)!.messages[0]!.text;
    expect(questions.match(/\?/g)).toHaveLength(2);
    expect(questions).toMatch(/I need to know how/);
    expect(questions).toMatch(/Please tell me/);
    expect(data.customers.map((c) => c.name)).toEqual(expect.arrayContaining(['Zoë Þórsdóttir', 'José Núñez', HOSTILE_NAME]));
  });

  it('is plain JSON with times relative to now', () => {
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    const later = createDemoData(new Date(NOW.getTime() + 3_600_000));
    expect(Date.parse(later.zendesk.tickets[0]!.messages[0]!.at) - Date.parse(data.zendesk.tickets[0]!.messages[0]!.at)).toBe(3_600_000);
  });
});

describe('h.mjs escapes on both paths', () => {
  it('toHtml escapes text and attribute values', () => {
    expect(toHtml(h('p', { title: '"><b x="1">' }, '<script>&'))).toBe('<p title="&quot;&gt;&lt;b x=&quot;1&quot;&gt;">&lt;script&gt;&amp;</p>');
  });

  it('toHtml refuses text in <script> and <style>, and keeps JSON from closing the script', () => {
    expect(() => toHtml(h('script', null, 'alert(1)'))).toThrow();
    const html = toHtml(h('script', { type: 'application/json' }, { json: { x: '</script><img src=x>' } }));
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(parse(html).querySelector('script')!.textContent!)).toEqual({ x: '</script><img src=x>' });
  });

  it('toDom makes text nodes', () => {
    const el = toDom(h('div', { title: HOSTILE_NAME }, HOSTILE_NAME), document) as Element;
    expect(el.textContent).toBe(HOSTILE_NAME);
    expect(el.querySelector('img')).toBeNull();
  });
});

describe('Zendesk workspace', () => {
  it('mounts every open ticket, with exactly one active tab and pane', () => {
    const doc = zendesk(102);
    const tabs = doc.querySelectorAll('[data-test-id="header-tab"]');
    expect([...tabs].map((t) => t.getAttribute('data-entity-id'))).toEqual(['101', '102', '103']);
    const current = doc.querySelectorAll('[data-test-id="header-tab"][aria-current="page"]');
    expect(current).toHaveLength(1);
    expect(current[0]!.getAttribute('data-entity-id')).toBe('102');
    const selected = doc.querySelectorAll('[data-entity-type="TICKET_ENTITY_TYPE"][data-entity-is-selected="true"]');
    expect([...selected].map((t) => t.getAttribute('data-entity-id'))).toEqual(['102']);
    expect(doc.querySelectorAll('[data-entity-type="TICKET_ENTITY_TYPE"][data-entity-is-selected="false"]')).toHaveLength(2);

    const panes = doc.querySelectorAll('[data-ticket-id]');
    expect([...panes].map((p) => [p.getAttribute('data-ticket-id'), p.getAttribute('data-is-active')])).toEqual([
      ['101', 'false'],
      ['102', 'true'],
      ['103', 'false'],
    ]);
    // Hidden by the stylesheet only, as the real app does: nothing on the element itself.
    for (const pane of panes) {
      expect(pane.hasAttribute('hidden')).toBe(false);
      expect(pane.hasAttribute('style')).toBe(false);
    }
    expect(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../demo/zendesk.css'), 'utf8')).toMatch(/\.zd-pane\[data-is-active='false'\] \{ display: none; \}/);
    expect(doc.title).toBe('CSV export is missing the last row – Ticket #102 – Zendesk');
  });

  it.each([101, 102, 103])('pane %i has one of each field, read from its own ticket', (id) => {
    const ticket = findTicket(data, 'zendesk', id)!;
    const customer = data.customers.find((c) => c.key === ticket.requester)!;
    const pane = zendesk(102).querySelector(`[data-ticket-id="${id}"]`)!;
    const one = (selector: string) => {
      const found = pane.querySelectorAll(selector);
      expect(found, selector).toHaveLength(1);
      return found[0]!;
    };
    expect((one('input[data-test-id="omni-header-subject"]') as HTMLInputElement).value).toBe(ticket.subject);
    expect(one('[data-test-id="ticket-system-field-requester-select"]').textContent).toBe(customer.name);
    expect(one(`a[href="/agent/users/${customer.zendeskUserId}"]`).textContent).toBe(customer.name);
    expect(one('[data-test-id="ticket-fields-status-view"]').textContent).toBe(ticket.status[0]!.toUpperCase() + ticket.status.slice(1));
    expect(one('[data-test-id="ticket-fields-priority-select"] [data-garden-id="dropdowns.combobox.value"]').textContent!.toLowerCase()).toBe(ticket.priority);
    expect(texts(pane, '[data-test-id="ticket-system-field-tags-item-selected"]')).toEqual(ticket.tags);
    one('[data-test-id="omni-log-container"]');
    const editor = one('div.ck-editor__editable[role="textbox"][data-test-id="omnicomposer-rich-text-ckeditor"]');
    expect(editor.getAttribute('contenteditable')).toBe('true');
    expect(editor.textContent).toBe('');
    expect(one('[data-test-id="submit_button-button"]').textContent).toMatch(/^Submit as \w+/);
    one('[data-demo-action="apply-macro"]');

    const articles = pane.querySelectorAll('[data-test-id="omni-log-container"] > article[data-test-id="omni-log-comment-item"]');
    expect(articles).toHaveLength(ticket.messages.length);
    ticket.messages.forEach((message, i) => {
      const article = articles[i]!;
      expect(article.querySelector('[data-test-id="omni-log-item-message"]')!.getAttribute('type')).toBe(message.role === 'agent' ? 'agent' : 'end-user');
      expect(article.querySelector('[data-test-id="omni-log-item-sender"]')!.textContent).toBe(message.author);
      expect(article.querySelector('time[data-test-id="timestamp-relative"]')!.getAttribute('datetime')).toBe(message.at);
      expect(article.querySelectorAll('[data-test-id="omni-log-internal-note-tag"]')).toHaveLength(message.public ? 0 : 1);
      // Paragraphs as <p>, line breaks as <br>: the same text, read back as an editor would.
      expect(composerText(article.querySelector('[data-test-id="omni-log-message-content"]')!)).toBe(message.text);
    });
  });

  it('opens a tab for a ticket that was not open yet', () => {
    const doc = zendesk(98);
    expect(texts(doc, '[data-test-id="header-tab"] .zd-tab-sub')).toEqual(['#101', '#102', '#103', '#98']);
    expect(doc.querySelector('[data-test-id="header-tab"][aria-current="page"]')!.getAttribute('data-entity-id')).toBe('98');
    expect(doc.querySelectorAll('[data-ticket-id]')).toHaveLength(4);
  });

  it('shows "not found" inside the app for an unknown ticket', () => {
    const doc = zendesk(999);
    expect(doc.querySelectorAll('[data-test-id="header-tab"]')).toHaveLength(3);
    expect(doc.querySelector('[aria-current="page"][data-test-id="header-tab"]')).toBeNull();
    expect(doc.querySelector('[data-ticket-id="999"]')).toBeNull();
    expect(doc.querySelector('.zd-not-found')!.textContent).toMatch(/Ticket #999 not found/);
    expect(doc.querySelector('.zd-main')!.getAttribute('data-route')).toBe('not-found');
  });

  it('dashboard: no active ticket, links to every ticket', () => {
    const doc = zendesk(null);
    expect(doc.querySelector('[data-test-id="header-tab"][aria-current="page"]')).toBeNull();
    expect(doc.querySelectorAll('[data-ticket-id][data-is-active="true"]')).toHaveLength(0);
    const links = [...doc.querySelectorAll('.zd-dashboard a[href^="/agent/tickets/"]')].map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual(data.zendesk.tickets.map((t) => `/agent/tickets/${t.id}`).sort());
  });

  it('hostile requester, subject and message are text, never markup', () => {
    const doc = zendesk(104);
    const pane = doc.querySelector('[data-ticket-id="104"]')!;
    expect(pane.querySelector('[data-test-id="ticket-system-field-requester-select"]')!.textContent).toBe(HOSTILE_NAME);
    expect(pane.querySelector('[data-test-id="omni-log-item-sender"]')!.textContent).toBe(HOSTILE_NAME);
    expect((pane.querySelector('input[data-test-id="omni-header-subject"]') as HTMLInputElement).value).toBe(HOSTILE_SUBJECT);
    expect(pane.querySelector('[data-test-id="omni-log-message-content"]')!.textContent).toContain(HOSTILE_SCRIPT);
    expect(doc.querySelector('[data-test-id="header-tab"][data-entity-id="104"] .zd-tab-title')!.textContent).toBe(HOSTILE_SUBJECT);
    expect(doc.querySelectorAll('img, b, i, [onerror], [onload]')).toHaveLength(0);
    expect(doc.querySelectorAll('svg')).toHaveLength(doc.querySelectorAll('svg.zd-icon').length);
    expectOnlyOwnScripts(doc);
    const embedded = JSON.parse(doc.getElementById('demo-data')!.textContent!);
    expect(embedded.data.customers.map((c: { name: string }) => c.name)).toContain(HOSTILE_NAME);
  });
});

describe('Freshdesk ticket page', () => {
  const page = (layout: 'classic' | '2026', id: number, account = `${layout === 'classic' ? 'classic' : 'demo'}.freshdesk.com`) =>
    parse(renderFreshdeskTicket({ account, ticketId: id, layout, data }));

  it('picks the layout from the host', () => {
    expect(layoutForHost('classic.freshdesk.com')).toBe('classic');
    expect(layoutForHost('classic-acme.freshdesk.com')).toBe('classic');
    expect(layoutForHost('demo.freshdesk.com')).toBe('2026');
    expect(layoutForHost('acme.freshdesk.com')).toBe('2026');
    expect(parse(renderFreshdeskTicket({ account: 'classic.freshdesk.com', ticketId: 41, data })).querySelector('.fd-ticket')!.getAttribute('data-layout')).toBe('classic');
    expect(parse(renderFreshdeskTicket({ account: 'demo.freshdesk.com', ticketId: 41, data })).querySelector('.fd-ticket')!.getAttribute('data-layout')).toBe('2026');
  });

  it('routes /a/tickets/N, the older /helpdesk/tickets/N and the list', () => {
    expect(routeFor('/a/tickets/41')).toEqual({ kind: 'ticket', id: 41 });
    expect(routeFor('/helpdesk/tickets/41')).toEqual({ kind: 'ticket', id: 41 });
    expect(routeFor('/a/tickets')).toEqual({ kind: 'list' });
    expect(routeFor('/a/contacts/1')).toBeNull();
  });

  it('classic: everything in the normal DOM', () => {
    const doc = page('classic', 41);
    const ticket = findTicket(data, 'freshdesk', 41)!;
    expect(doc.title).toBe('[#41] Can I add a second billing contact? : Rapport Demo');
    expect(texts(doc, '.ticket-subject-heading')).toEqual([ticket.subject]);
    expect(doc.querySelectorAll('.ticket-properties-wrapper')).toHaveLength(1);
    expect(texts(doc, '[data-test-id="ticket-status"] .ember-power-select-selected-item')).toEqual(['Open']);
    expect(doc.querySelectorAll('.ember-power-select-selected-item').length).toBeGreaterThanOrEqual(5);
    expect(doc.querySelector('.contact-info-panel a[href*="/contacts/80102"]')!.textContent).toBe('Sam Rivera');
    expect(doc.querySelector('.contact-info-panel')!.textContent).toContain('sam.rivera@example.com');
    expect(doc.querySelectorAll('ticket-details, mfe-application')).toHaveLength(0);

    const items = doc.querySelectorAll('.ticket-details__item');
    expect(items).toHaveLength(ticket.messages.length + 1);
    expect(items[0]!.matches('[data-test-id="ticket-description"]')).toBe(true);
    expect(doc.querySelectorAll('[data-test-id="ticket-description"]')).toHaveLength(1);
    expect(doc.querySelectorAll('.ticket_note[data-note-id]')).toHaveLength(ticket.messages.length);
    expect(doc.querySelectorAll('[data-test-conversation="conversation-text"]')).toHaveLength(ticket.messages.length);
    expect(doc.querySelectorAll('.ticket-details__privatenote')).toHaveLength(ticket.messages.filter((m) => !m.public).length);
    expect([...doc.querySelectorAll('.conversation-header time[datetime]')].map((t) => t.getAttribute('datetime'))).toEqual(ticket.messages.map((m) => m.at));
    const reply = items[items.length - 1]!;
    expect(reply.querySelectorAll('.rich-editor div.fr-element.fr-view[contenteditable="true"]')).toHaveLength(1);
    expect(doc.querySelectorAll('.fr-element.fr-view[contenteditable="true"]')).toHaveLength(1);
    expect(doc.querySelectorAll('[data-test-email-action="reply"], [data-test-id="add-note"]')).toHaveLength(2);
  });

  it('2026: subject and description in <ticket-details>, contact card in the micro-frontend, both open shadow roots', () => {
    const doc = page('2026', 41);
    const ticket = findTicket(data, 'freshdesk', 41)!;
    // As served: empty hosts; the page script (or mountShadowHosts) builds the shadow roots.
    const details = doc.querySelector('ticket-details[ticket-id="41"]')!;
    const card = doc.querySelector('mfe-application[app-id="fw-unified-mfe--contact-info"]')!;
    expect(details.shadowRoot).toBeNull();
    expect(doc.querySelectorAll('.ticket-subject-heading, [data-test-id="ticket-description"]')).toHaveLength(0);
    expect(doc.querySelectorAll('.ticket-details__item')).toHaveLength(ticket.messages.length); // replies + reply box

    mountShadowHosts(doc, data, NOW);
    expect(details.shadowRoot!.mode).toBe('open');
    expect(texts(details.shadowRoot!, '.ticket-subject-heading')).toEqual([ticket.subject]);
    const description = details.shadowRoot!.querySelectorAll('.ticket-details__item[data-test-id="ticket-description"]');
    expect(description).toHaveLength(1);
    expect(description[0]!.querySelector('.ticket_note[data-note-id]')!.textContent).toContain('second billing contact');
    expect(card.shadowRoot!.mode).toBe('open');
    expect(texts(card.shadowRoot!, 'p.break-all')).toEqual(['sam.rivera@example.com']);
    expect(card.shadowRoot!.querySelector('a[href*="/contacts/80102"]')!.textContent).toBe('Sam Rivera');
    // Mounting twice rebuilds rather than duplicating.
    mountShadowHosts(doc, data, NOW);
    expect(details.shadowRoot!.querySelectorAll('.ticket-subject-heading')).toHaveLength(1);
  });

  it.each(['classic', '2026'] as const)('%s: hostile contact, subject and message are text', (layout) => {
    const doc = page(layout, 44);
    mountShadowHosts(doc, data, NOW);
    const roots: ParentNode[] = [doc, ...[...doc.querySelectorAll('ticket-details, mfe-application')].map((h) => h.shadowRoot!)];
    const all = (selector: string) => roots.flatMap((r) => [...r.querySelectorAll(selector)]);
    expect(all('.ticket-subject-heading').map((e) => e.textContent)).toEqual([HOSTILE_SUBJECT]);
    expect(all('a[href*="/contacts/80666"]').map((e) => e.textContent)).toContain(HOSTILE_NAME);
    expect(all('[data-test-conversation="conversation-text"]')[0]!.textContent).toContain(HOSTILE_SCRIPT);
    expect(all('img, b, i, [onerror], [onload]')).toHaveLength(0);
    expect(doc.title).toBe(`[#44] ${HOSTILE_SUBJECT} : Rapport Demo`);
    expectOnlyOwnScripts(doc);
  });

  it('list links to every ticket; unknown ids are a "not found" page of the app', () => {
    const list = parse(renderFreshdeskTicketList({ account: 'demo.freshdesk.com', data }));
    expect([...list.querySelectorAll('a.fd-ticket-link')].map((a) => a.getAttribute('href')).sort()).toEqual(
      data.freshdesk.tickets.map((t) => `/a/tickets/${t.id}`).sort(),
    );
    const missing = page('2026', 999);
    expect(missing.querySelector('.fd-not-found')!.textContent).toMatch(/#999 not found/);
    expect(missing.querySelectorAll('.ticket-details__item, ticket-details')).toHaveLength(0);
  });
});

describe('demo server routes', () => {
  const get = (host: string, pathname: string) => respondTo({ host, pathname, now: NOW });

  it('serves the apps by Host header and 404s the rest', async () => {
    expect((await get('demo.zendesk.com', '/agent/tickets/102')).status).toBe(200);
    expect((await get('acme.zendesk.com:443', '/agent/dashboard')).status).toBe(200);
    expect((await get('demo.freshdesk.com', '/a/tickets')).status).toBe(200);
    expect((await get('demo.zendesk.com', '/a/tickets/41')).status).toBe(404);
    expect((await get('demo.freshdesk.com', '/agent/tickets/102')).status).toBe(404);
    expect((await get('example.com', '/agent/tickets/102')).status).toBe(404);
    expect((await get('demo.zendesk.com', '/agent/users/361002')).status).toBe(404);
    expect(await get('demo.zendesk.com', '/agent')).toMatchObject({ status: 302, location: '/agent/dashboard' });
  });

  it('the older Freshdesk URL is the same page; the layout follows the host', async () => {
    const modern = await get('demo.freshdesk.com', '/a/tickets/41');
    expect((await get('demo.freshdesk.com', '/helpdesk/tickets/41')).body).toBe(modern.body);
    expect(modern.body).toContain('<ticket-details');
    expect((await get('classic.freshdesk.com', '/a/tickets/41')).body).not.toContain('<ticket-details');
  });

  it('serves only the listed page assets', async () => {
    const script = await get('demo.zendesk.com', '/__demo/client/zendesk.mjs');
    expect(script).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/javascript/) });
    expect((await get('demo.zendesk.com', '/__demo/server.mjs')).status).toBe(404);
    expect((await get('demo.zendesk.com', '/__demo/../package.json')).status).toBe(404);
  });
});
