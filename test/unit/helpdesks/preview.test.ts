// @vitest-environment happy-dom
import { adapterOf, type ConfiguredHelpdesk } from '../../../lib/helpdesks/configured';
import { unreadFields } from '../../../lib/helpdesks/outcome';
import { EXCERPT_CHARS, excerpt, isTicketPreview, previewTicket } from '../../../lib/helpdesks/preview';
import { loadFixture, parseHtml } from '../../helpers/fixture';
import { CUSTOM_SELECTORS, customDesk } from './custom-desk';

const HOSTILE = '<img src=x onerror=alert(1)>';
const LONG = `Any news? ${'I need the invoices for my accountant before Friday. '.repeat(8)}Thanks`;

const desk = (selectors: ConfiguredHelpdesk['selectors']) => customDesk(selectors, 'typed');
const selectors = CUSTOM_SELECTORS;
const page = parseHtml(`<html><body><p class="who"><b class="name">Priya Raman</b><a class="mail" href="mailto:priya@example.org">mail</a></p>
  <h1>Export broken</h1><ol><li class="client"><div class="text">Hello</div></li><li><div class="text">Looking into it</div></li>
  <li class="client"><div class="text">${LONG.replace('Any news?', `Any news? &lt;img src=x onerror=alert(1)&gt;`)}</div></li></ol>
  <div id="answer" contenteditable="true"></div></body></html>`);
const url = new URL('http://desk.test/case/77?q=secret');

describe('the preview of a helpdesk as typed on the options page', () => {
  it('reads what the sidebar would: the customer, the conversation split by who wrote it, the reply box', () => {
    const preview = previewTicket(adapterOf(desk(selectors))!, page, url);
    expect(preview).toMatchObject({
      page: 'http://desk.test/case/77', // no query string
      helpdesk: 'custom',
      ticketId: '77',
      readable: true,
      subject: 'Export broken',
      name: 'Priya Raman',
      email: 'priya@example.org',
      customerMessages: 2,
      agentMessages: 1,
      internalNotes: 0,
      missing: [],
      composer: true,
      sendButton: false, // the page has no button.go
      asksApi: false,
    });
    expect(preview.latestCustomer!.startsWith(`Any news? ${HOSTILE} I need`)).toBe(true);
    expect(preview.latestCustomer!.endsWith('…')).toBe(true);
    expect(Array.from(preview.latestCustomer!).length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview); // plain data: survives executeScript
  });

  it('names the field whose selector matches nothing, as the sidebar would', () => {
    const preview = previewTicket(adapterOf(desk({ ...selectors, 'requester-email': '.who a.email' }))!, page, url);
    expect(preview).toMatchObject({ readable: true, name: 'Priya Raman', missing: ['requester-email'] });
    expect(preview.email).toBeUndefined();
  });

  it('says the page is unreadable when no one can be looked up, the requester first', () => {
    const preview = previewTicket(adapterOf(desk({ ...selectors, 'requester-name': '.nobody', 'requester-email': '.nowhere' }))!, page, url);
    expect(preview).toMatchObject({ ticketId: '77', readable: false, missing: ['requester-name', 'requester-email'], customerMessages: 0 });
    expect(preview.latestCustomer).toBeUndefined(); // nothing of the customer's words when the sidebar would show none
  });

  it('finds no ticket where the ticket id setting finds none', () => {
    const preview = previewTicket(adapterOf(desk({ ...selectors, 'ticket-id': 'url:/ticket/(\\d+)' }))!, page, url);
    expect(preview).toMatchObject({ readable: false, missing: [], customerMessages: 0 });
    expect(preview.ticketId).toBeUndefined();
  });

  it('runs a built-in adapter on a custom domain (Zendesk on support.lumenbikes.example)', () => {
    const doc = loadFixture('zendesk/agent-workspace-three-tabs-2026-11.html');
    const zendesk = adapterOf({ id: 'z', pattern: 'https://support.lumenbikes.example/agent/*', kind: 'zendesk' })!;
    const preview = previewTicket(zendesk, doc, new URL('https://support.lumenbikes.example/agent/tickets/4821'));
    expect(preview).toMatchObject({
      helpdesk: 'zendesk',
      ticketId: '4821',
      readable: true,
      name: 'Zoë Ä. Þórsdóttir',
      subject: 'Export to CSV drops accented characters',
      customerMessages: 2,
      agentMessages: 2,
      internalNotes: 1,
      latestCustomer: 'The import trick works, thanks! Only question 2 left — any news?',
      composer: true,
      asksApi: true,
    });
  });
});

describe('unreadFields (shared with the sidebar)', () => {
  const snapshot = { helpdesk: 'custom', account: 'x', ticketId: '1', url: 'http://x/', messages: [] };
  it('is undefined when someone can be looked up, else names the requester first', () => {
    expect(unreadFields({ ok: true, missing: ['subject'], snapshot: { ...snapshot, requester: { email: 'a@b.c' } } })).toBeUndefined();
    expect(unreadFields({ ok: true, missing: ['subject', 'requester-name'], snapshot: { ...snapshot, requester: {} } })).toEqual(['requester-name', 'subject']);
    expect(unreadFields({ ok: false, missing: ['pane'] })).toEqual(['pane']);
  });
});

describe('excerpt', () => {
  it('keeps short text, on one line', () => {
    expect(excerpt('  Hello\n\nthere  ', 20)).toBe('Hello there');
  });
  it('cuts at a word boundary with an ellipsis, never inside a character', () => {
    expect(excerpt('The export button does nothing since Monday', 20)).toBe('The export button…');
    expect(excerpt('😀'.repeat(30), 10)).toBe(`${'😀'.repeat(10)}…`);
    expect(excerpt('a'.repeat(50), 10)).toBe(`${'a'.repeat(10)}…`);
  });
});

describe('isTicketPreview', () => {
  it('accepts a preview and refuses anything else', () => {
    expect(isTicketPreview(previewTicket(adapterOf(desk(selectors))!, page, url))).toBe(true);
    expect(isTicketPreview(undefined)).toBe(false);
    expect(isTicketPreview({ page: 'x' })).toBe(false);
  });
});
