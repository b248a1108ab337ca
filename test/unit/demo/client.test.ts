// @vitest-environment happy-dom
/**
 * The demo helpdesk pages' own scripts (demo/client/), in happy-dom: they switch tickets like the
 * real single-page apps (pushState, no reload), render new tickets with DOM APIs only, and change
 * the composer the ways the extension must notice (a macro without an `input` event).
 */
import { createDemoData, findTicket, HOSTILE_NAME, HOSTILE_SCRIPT, HOSTILE_SUBJECT } from '../../../demo/data.mjs';
import { renderZendeskWorkspace } from '../../../demo/zendesk.mjs';
import { renderFreshdeskTicket } from '../../../demo/freshdesk.mjs';
import { startZendeskDemo, type ZendeskDemoApp } from '../../../demo/client/zendesk.mjs';
import { startFreshdeskDemo, type FreshdeskDemoApp } from '../../../demo/client/freshdesk.mjs';
import { composerText } from '../../../demo/client/editor-text.mjs';
import { openPage, quietStylesheets } from './demo-page';

beforeAll(quietStylesheets);

let app: ZendeskDemoApp | FreshdeskDemoApp | undefined;
afterEach(() => app?.stop());

const click = (el: Element | null) => {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
};
const $ = (selector: string) => document.querySelector(selector);
const $$ = (selector: string) => [...document.querySelectorAll(selector)];

describe('Zendesk page script', () => {
  beforeEach(() => {
    const data = createDemoData();
    openPage(renderZendeskWorkspace({ account: 'demo.zendesk.com', activeTicketId: 102, data }), '/agent/tickets/102');
    app = startZendeskDemo(window);
  });

  const activeTab = () => $('[data-test-id="header-tab"][aria-current="page"]')?.getAttribute('data-entity-id');
  const activePanes = () => $$('[data-ticket-id][data-is-active="true"]').map((p) => p.getAttribute('data-ticket-id'));

  it('a tab click switches ticket with pushState, keeping every pane mounted', () => {
    click($('[data-test-id="header-tab"][data-entity-id="101"] .zd-tab-title'));
    expect(location.pathname).toBe('/agent/tickets/101');
    expect(activeTab()).toBe('101');
    expect($$('[data-entity-is-selected="true"]').map((t) => t.getAttribute('data-entity-id'))).toEqual(['101']);
    expect(activePanes()).toEqual(['101']);
    expect($$('[data-ticket-id]')).toHaveLength(3);
    expect(document.title).toMatch(/^Charged twice/);
  });

  it('a link to a ticket that is not open adds its tab and pane, built from text', () => {
    click($('.zd-dashboard a[href="/agent/tickets/104"]'));
    expect(location.pathname).toBe('/agent/tickets/104');
    expect(activeTab()).toBe('104');
    expect(activePanes()).toEqual(['104']);
    const pane = $('[data-ticket-id="104"]')!;
    expect(pane.querySelector('[data-test-id="ticket-system-field-requester-select"]')!.textContent).toBe(HOSTILE_NAME);
    expect((pane.querySelector('input[data-test-id="omni-header-subject"]') as HTMLInputElement).value).toBe(HOSTILE_SUBJECT);
    expect(pane.querySelector('[data-test-id="omni-log-message-content"]')!.textContent).toContain(HOSTILE_SCRIPT);
    expect($$('img, b, [onerror], [onload]')).toHaveLength(0);
    expect($$('script')).toHaveLength(1); // only the JSON data
  });

  it('back/forward (popstate) show the ticket in the URL; the dashboard has no active ticket', () => {
    click($('[data-test-id="header-tab"][data-entity-id="103"]'));
    history.replaceState({}, '', '/agent/dashboard');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(activeTab()).toBeUndefined();
    expect(activePanes()).toEqual([]);
    expect($('.zd-main')!.getAttribute('data-route')).toBe('dashboard');
    history.replaceState({}, '', '/agent/tickets/101');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(activeTab()).toBe('101');
  });

  it('an unknown ticket shows "not found" in the app', () => {
    app!.navigate('/agent/tickets/999');
    expect(activeTab()).toBeUndefined();
    expect($('.zd-not-found')!.textContent).toContain('#999');
    app!.navigate('/agent/tickets/102');
    expect($('.zd-not-found')).toBeNull();
  });

  it('"Apply macro" fills the composer without an input event', async () => {
    const editor = $('[data-ticket-id="102"] [data-test-id="omnicomposer-rich-text-ckeditor"]')!;
    const inputs: Event[] = [];
    document.addEventListener('input', (e) => inputs.push(e));
    const observed = new Promise<MutationRecord[]>((resolve) => new MutationObserver(resolve).observe(editor, { childList: true, subtree: true }));
    click($('[data-ticket-id="102"] [data-demo-action="apply-macro"]'));
    expect(composerText(editor)).toMatch(/^Hi Sam,\n\nThanks for reaching out/);
    expect((await observed).length).toBeGreaterThan(0);
    expect(inputs).toHaveLength(0);
    // Only the active ticket's composer changed.
    expect(composerText($('[data-ticket-id="101"] [data-test-id="omnicomposer-rich-text-ckeditor"]')!)).toBe('');
  });

  it('"Submit" appends the reply to the conversation and empties the composer', () => {
    const pane = $('[data-ticket-id="102"]')!;
    const editor = pane.querySelector('[data-test-id="omnicomposer-rich-text-ckeditor"]')!;
    editor.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Hi Sam, a fix ships on Thursday.' }));
    const before = pane.querySelectorAll('article[data-test-id="omni-log-comment-item"]').length;
    click(pane.querySelector('[data-test-id="submit_button-button"]'));
    const articles = pane.querySelectorAll('article[data-test-id="omni-log-comment-item"]');
    expect(articles).toHaveLength(before + 1);
    const last = articles[articles.length - 1]!;
    expect(last.querySelector('[data-test-id="omni-log-item-message"]')!.getAttribute('type')).toBe('agent');
    expect(last.querySelector('[data-test-id="omni-log-message-content"]')!.textContent).toBe('Hi Sam, a fix ships on Thursday.');
    expect(last.querySelector('[data-test-id="omni-log-internal-note-tag"]')).toBeNull();
    expect(composerText(editor)).toBe('');
  });

  it('closing the active tab unmounts it and goes to the dashboard', () => {
    click($('[data-test-id="header-tab"][data-entity-id="102"] [data-demo-action="close-tab"]'));
    expect($('[data-ticket-id="102"]')).toBeNull();
    expect($$('[data-test-id="header-tab"]')).toHaveLength(2);
    expect(location.pathname).toBe('/agent/dashboard');
  });
});

describe('Freshdesk page script', () => {
  function open(account: string, id: number) {
    const data = createDemoData();
    openPage(renderFreshdeskTicket({ account, ticketId: id, data }), `/a/tickets/${id}`);
    app = startFreshdeskDemo(window);
    return data;
  }

  it('2026: the custom elements build open shadow roots from the page data', () => {
    open('demo.freshdesk.com', 41);
    const details = $('ticket-details')!;
    expect(details.shadowRoot?.querySelector('.ticket-subject-heading')?.textContent).toBe('Can I add a second billing contact?');
    const card = $('mfe-application[app-id="fw-unified-mfe--contact-info"]')!;
    expect(card.shadowRoot?.querySelector('p.break-all')?.textContent).toBe('sam.rivera@example.com');
  });

  it('list and ticket links navigate with pushState and re-render, title included', () => {
    const data = open('demo.freshdesk.com', 41);
    click($('.fd-breadcrumb a[href="/a/tickets"]'));
    expect(location.pathname).toBe('/a/tickets');
    expect($$('.fd-ticket-card')).toHaveLength(data.freshdesk.tickets.length);
    click($('a.fd-ticket-link[href="/a/tickets/44"]'));
    expect(location.pathname).toBe('/a/tickets/44');
    expect(document.title).toBe(`[#44] ${HOSTILE_SUBJECT} : Rapport Demo`);
    const details = $('ticket-details[ticket-id="44"]')!;
    expect(details.shadowRoot!.querySelector('.ticket-subject-heading')!.textContent).toBe(HOSTILE_SUBJECT);
    expect(details.shadowRoot!.querySelectorAll('img, b')).toHaveLength(0);
    history.replaceState({}, '', '/helpdesk/tickets/42');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect($('ticket-details')!.getAttribute('ticket-id')).toBe('42');
  });

  it('classic: canned response without an input event; Send appends a reply', () => {
    const data = open('classic.freshdesk.com', 43);
    const editor = $('.rich-editor .fr-element.fr-view[contenteditable="true"]')!;
    const inputs: Event[] = [];
    document.addEventListener('input', (e) => inputs.push(e));
    click($('[data-demo-action="canned-response"]'));
    expect(composerText(editor)).toMatch(/^Hi Priya,/);
    expect(inputs).toHaveLength(0);
    const before = $$('.ticket-details__item').length;
    click($('[data-demo-action="send"]'));
    const items = $$('.ticket-details__item');
    expect(items).toHaveLength(before + 1);
    expect(items[items.length - 2]!.querySelector('[data-test-conversation="conversation-text"]')!.textContent).toMatch(/^Hi Priya,/);
    expect(items[items.length - 1]!.querySelector('.rich-editor')).not.toBeNull();
    expect(composerText(editor)).toBe('');
    expect(findTicket(data, 'freshdesk', 43)!.messages).toHaveLength(1); // the page's own copy changed, not ours
  });

  it('Add note posts a private note', () => {
    open('classic.freshdesk.com', 43);
    click($('[data-test-id="add-note"]'));
    const editor = $('.fr-element.fr-view')!;
    editor.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Customer is on the EU cluster.' }));
    click($('[data-demo-action="send"]'));
    const notes = $$('.ticket-details__privatenote');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.textContent).toContain('Customer is on the EU cluster.');
  });
});
