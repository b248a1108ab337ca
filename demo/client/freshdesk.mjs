/**
 * The demo Freshdesk app's own page script (served at /__demo/client/freshdesk.mjs):
 * - defines <ticket-details> and <mfe-application>, which build their OPEN shadow roots from the
 *   page's embedded JSON when they connect (2026 layout), as the real Ember app does;
 * - links to /a/tickets and /a/tickets/N navigate with history.pushState and re-render <main>
 *   without a reload; back/forward work;
 * - Reply / Add note / Send / Insert canned response work on the reply editor. The canned response
 *   is written by DOM mutation WITHOUT an `input` event.
 * Customer text only ever reaches the page through h.mjs's toDom.
 */
import { toDom, paragraphs } from '../h.mjs';
import { mainContent, routeFor, pageTitle, conversationItem, emptyEditorParagraph, cannedText, mountTicketDetails, mountContactInfo, CONTACT_INFO_APP_ID } from '../freshdesk.mjs';
import { findCustomer, findTicket } from '../data.mjs';
import { composerText } from './editor-text.mjs';

const EDITOR = '.fr-element.fr-view[contenteditable="true"]';

export function startFreshdeskDemo(win = window) {
  const doc = win.document;
  const { layout, data } = JSON.parse(doc.getElementById('demo-data').textContent);
  const controller = new AbortController();
  const { signal } = controller;
  const main = doc.getElementById('fd-main');
  const agentName = data.agents[data.freshdesk.currentAgent]?.name ?? 'Agent';

  pageData = data;
  defineShadowHosts(win);

  function show(pathname) {
    const route = routeFor(pathname) ?? { kind: 'list' };
    main.replaceChildren(toDom(mainContent(route, { data, layout, now: new Date() }), doc));
    main.setAttribute('data-route', route.kind);
    doc.title = pageTitle(route, data);
    win.scrollTo?.(0, 0);
  }

  function navigate(pathname) {
    if (win.location.pathname !== pathname) win.history.pushState({}, '', pathname);
    show(pathname);
  }

  const currentTicket = () => findTicket(data, 'freshdesk', main.querySelector('.fd-ticket')?.getAttribute('data-ticket-id'));
  const editorBox = () => main.querySelector('.rich-editor');

  function setMode(mode) {
    const box = editorBox();
    if (!box) return;
    box.setAttribute('data-editor-mode', mode);
    box.querySelector('.reply-mode-label').textContent = mode === 'note' ? 'Private note' : 'Reply';
    box.querySelector('.send-label').textContent = mode === 'note' ? 'Add note' : 'Send';
    box.querySelector(EDITOR)?.focus();
  }

  function updatePlaceholder(editor) {
    editor.closest('.fr-wrapper')?.classList.toggle('show-placeholder', !composerText(editor));
  }

  function send() {
    const box = editorBox();
    const editor = box?.querySelector(EDITOR);
    const ticket = currentTicket();
    if (!editor || !ticket) return;
    const text = composerText(editor);
    if (!text) {
      editor.focus();
      return;
    }
    const note = box.getAttribute('data-editor-mode') === 'note';
    const message = { id: Date.now(), role: 'agent', author: agentName, at: new Date().toISOString(), text, public: !note };
    ticket.messages.push(message);
    const item = toDom(conversationItem(message, { ticket, data, now: new Date() }), doc);
    box.closest('.ticket-details__item').before(item);
    editor.replaceChildren(toDom(emptyEditorParagraph(), doc));
    updatePlaceholder(editor);
    setMode('reply');
  }

  function insertCanned() {
    const editor = editorBox()?.querySelector(EDITOR);
    const ticket = currentTicket();
    if (!editor || !ticket) return;
    const nodes = paragraphs(cannedText(ticket, data)).map((p) => toDom(p, doc));
    // Deliberately no `input` event: canned responses change the editor without one.
    if (composerText(editor)) editor.append(...nodes);
    else editor.replaceChildren(...nodes);
    updatePlaceholder(editor);
  }

  const actions = { reply: () => setMode('reply'), 'add-note': () => setMode('note'), send, 'canned-response': insertCanned };

  doc.addEventListener(
    'click',
    (event) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      // composedPath: links inside the shadow roots (recent tickets) are clicked through their host.
      const path = event.composedPath().filter((n) => n.nodeType === 1);
      const action = path.find((el) => el.hasAttribute('data-demo-action'));
      if (action && actions[action.getAttribute('data-demo-action')]) {
        event.preventDefault();
        actions[action.getAttribute('data-demo-action')]();
        return;
      }
      const link = path.find((el) => el.localName === 'a' && el.hasAttribute('href'));
      if (!link) return;
      if (link.getAttribute('href') === '#') {
        event.preventDefault();
        return;
      }
      const url = new URL(link.getAttribute('href'), win.location.href);
      if (url.origin === win.location.origin && routeFor(url.pathname)) {
        event.preventDefault();
        navigate(url.pathname);
      }
    },
    { signal },
  );

  doc.addEventListener(
    'input',
    (event) => {
      const editor = event.target?.closest?.(EDITOR);
      if (editor) updatePlaceholder(editor);
    },
    { signal },
  );

  win.addEventListener('popstate', () => show(win.location.pathname), { signal });

  return { data, navigate, stop: () => controller.abort() };
}

/** The data the custom elements render from: the running page's (one per page; tests restart it). */
let pageData = null;

/** The page's custom elements: each builds its own open shadow root when it connects. */
function defineShadowHosts(win) {
  const registry = win.customElements;
  if (!registry || registry.get('ticket-details')) return;
  registry.define(
    'ticket-details',
    class extends win.HTMLElement {
      connectedCallback() {
        const ticket = pageData && findTicket(pageData, 'freshdesk', this.getAttribute('ticket-id'));
        if (ticket) mountTicketDetails(this, ticket, { data: pageData, now: new Date() });
      }
    },
  );
  registry.define(
    'mfe-application',
    class extends win.HTMLElement {
      connectedCallback() {
        if (this.getAttribute('app-id') !== CONTACT_INFO_APP_ID) return;
        const ticket = pageData && findTicket(pageData, 'freshdesk', this.getAttribute('ticket-id'));
        const customer = ticket && findCustomer(pageData, ticket.requester);
        if (customer) mountContactInfo(this, customer, { ticket, data: pageData, now: new Date() });
      }
    },
  );
}

const app = typeof document !== 'undefined' && document.getElementById('demo-data') ? startFreshdeskDemo(window) : null;
export default app;
