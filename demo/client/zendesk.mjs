/**
 * The demo Zendesk workspace's own page script (served at /__demo/client/zendesk.mjs), behaving like
 * the real single-page app where the extension can notice:
 * - clicking a header tab or a link to /agent/tickets/N switches ticket with history.pushState,
 *   no reload; a ticket that is not open yet gets a new tab and pane; back/forward work;
 * - "Submit" appends the composer's text to the conversation and empties the composer;
 * - "Apply macro" writes canned text into the composer WITHOUT an `input` event (as Zendesk's macros
 *   do, through the editor);
 * - "Close tab" unmounts the tab and its pane.
 * In the browser each composer is the real CKEditor 5 (served from node_modules/ckeditor5 at
 * /__demo/vendor/, GPL-2.0-or-later, a devDependency: nothing of it ships in the extension), so the
 * extension is tried against the editor agents actually type into: it owns its document model,
 * re-renders the DOM on every keystroke and undoes DOM changes it did not make. Once a composer's
 * editor is ready it carries `data-demo-editor="ckeditor5"` (a demo-only hook). Without `createEditor`
 * (unit tests) a composer stays a plain contenteditable and is edited through the DOM.
 * Customer text only ever reaches the page through h.mjs's toDom (textContent-like DOM calls).
 */
import { toDom, paragraphs, textBlocks } from '../h.mjs';
import { headerTab, ticketPane, notFound, logItem, emptyComposerParagraph, macroText, pageTitle } from '../zendesk.mjs';
import { findTicket } from '../data.mjs';
import { composerText } from './editor-text.mjs';

const TAB = '[data-test-id="header-tab"]';
const EDITOR = '[data-test-id="omnicomposer-rich-text-ckeditor"]';
const TICKET_PATH = /^\/agent\/tickets\/(\d+)\/?$/;

export function startZendeskDemo(win = window, { createEditor } = {}) {
  const doc = win.document;
  /** Composer element → its CKEditor instance, once created. */
  const editors = new Map();
  const { data } = JSON.parse(doc.getElementById('demo-data').textContent);
  const controller = new AbortController();
  const { signal } = controller;
  const main = doc.querySelector('.zd-main');
  const tabs = doc.querySelector('.zd-tabs');
  const panes = doc.querySelector('.zd-panes');
  const dashboardSection = doc.querySelector('.zd-dashboard');
  const agentName = data.agents[data.zendesk.currentAgent]?.name ?? 'Agent';

  const scrolled = new WeakSet();
  const paneOf = (id) => panes.querySelector(`[data-ticket-id="${Number(id)}"]`);
  const tabOf = (id) => tabs.querySelector(`${TAB}[data-entity-id="${Number(id)}"]`);

  function scrollToLatest(pane) {
    const log = pane?.querySelector('[data-test-id="omni-log-container"]');
    if (!log) return;
    log.scrollTop = log.scrollHeight;
    scrolled.add(pane);
  }

  function setActive(id) {
    for (const tab of tabs.querySelectorAll(TAB)) {
      const on = Number(tab.getAttribute('data-entity-id')) === id;
      tab.setAttribute('data-entity-is-selected', String(on));
      tab.setAttribute('aria-selected', String(on));
      if (on) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    }
    for (const pane of panes.querySelectorAll('[data-ticket-id]')) {
      pane.setAttribute('data-is-active', String(Number(pane.getAttribute('data-ticket-id')) === id));
    }
  }

  function setRoute(route, ticket) {
    main.setAttribute('data-route', route);
    dashboardSection.setAttribute('data-is-active', String(route === 'dashboard'));
    if (route !== 'not-found') main.querySelector('.zd-not-found')?.remove();
    doc.title = pageTitle(route, ticket);
  }

  function showTicket(id) {
    const ticket = findTicket(data, 'zendesk', id);
    if (!ticket) {
      setActive(null);
      main.querySelector('.zd-not-found')?.remove();
      main.insertBefore(toDom(notFound(id, true), doc), panes);
      setRoute('not-found');
      return;
    }
    if (!paneOf(id)) {
      // Mount the pane first, then the tab: the tab turning active is the signal that it's ready.
      panes.appendChild(toDom(ticketPane(ticket, { data, active: false, now: new Date() }), doc));
      tabs.appendChild(toDom(headerTab(ticket, false), doc));
      upgradeComposers(paneOf(id));
    }
    setActive(id);
    setRoute('ticket', ticket);
    // A pane opens scrolled to the latest message (it could not scroll while it was hidden).
    if (!scrolled.has(paneOf(id))) scrollToLatest(paneOf(id));
  }

  function show(path) {
    const match = path.match(TICKET_PATH);
    if (match) showTicket(Number(match[1]));
    else {
      setActive(null);
      setRoute('dashboard');
    }
  }

  function navigate(path) {
    if (win.location.pathname !== path) win.history.pushState({}, '', path);
    show(path);
  }

  /** Turns the composers under `root` into editors (when an editor factory was given). */
  function upgradeComposers(root) {
    if (!createEditor || !root) return;
    for (const element of root.querySelectorAll(EDITOR)) {
      if (editors.has(element)) continue;
      editors.set(element, null);
      createEditor(element).then(
        (editor) => {
          if (!element.isConnected) return void editor.destroy();
          editors.set(element, editor);
          element.setAttribute('data-demo-editor', 'ckeditor5');
        },
        (error) => win.console.error('demo helpdesk: the composer editor did not start', error),
      );
    }
  }

  function closeTicket(id) {
    const wasActive = tabOf(id)?.getAttribute('aria-current') === 'page';
    const pane = paneOf(id);
    for (const element of pane?.querySelectorAll(EDITOR) ?? []) {
      editors.get(element)?.destroy();
      editors.delete(element);
    }
    tabOf(id)?.remove();
    pane?.remove();
    if (wasActive) navigate('/agent/dashboard');
  }

  function submit(pane) {
    const editor = pane.querySelector(EDITOR);
    const text = composerText(editor);
    if (!text) {
      editor.focus();
      return;
    }
    const ticket = findTicket(data, 'zendesk', pane.getAttribute('data-ticket-id'));
    const internal = pane.querySelector('.zd-composer')?.getAttribute('data-composer-mode') === 'internal';
    const message = { id: Date.now(), role: 'agent', author: agentName, at: new Date().toISOString(), text, public: !internal };
    ticket?.messages.push(message);
    const log = pane.querySelector('[data-test-id="omni-log-container"]');
    log.appendChild(toDom(logItem(message, new Date()), doc));
    if (editors.get(editor)) editors.get(editor).setData('');
    else editor.replaceChildren(toDom(emptyComposerParagraph(), doc));
    scrollToLatest(pane);
  }

  function applyMacro(pane) {
    const editor = pane.querySelector(EDITOR);
    const ticket = findTicket(data, 'zendesk', pane.getAttribute('data-ticket-id'));
    if (!ticket) return;
    const ck = editors.get(editor);
    // Deliberately no `input` event: real macros change the editor without one.
    if (ck) {
      ck.model.change((writer) => {
        const root = ck.model.document.getRoot();
        if (!composerText(editor)) writer.remove(writer.createRangeIn(root));
        for (const lines of textBlocks(macroText(ticket, data))) {
          const paragraph = writer.createElement('paragraph');
          lines.forEach((line, i) => {
            if (i > 0) writer.append(writer.createElement('softBreak'), paragraph);
            writer.appendText(line, paragraph);
          });
          writer.append(paragraph, root);
        }
      });
      return;
    }
    const nodes = paragraphs(macroText(ticket, data)).map((p) => toDom(p, doc));
    if (composerText(editor)) editor.append(...nodes);
    else editor.replaceChildren(...nodes);
  }

  function switchChannel(pane) {
    const box = pane.querySelector('.zd-composer');
    const internal = box.getAttribute('data-composer-mode') !== 'internal';
    box.setAttribute('data-composer-mode', internal ? 'internal' : 'public');
    box.querySelector('.zd-channel-label').textContent = internal ? 'Internal note' : 'Public reply';
    box.querySelector('[data-channel]')?.setAttribute('data-channel', internal ? 'internal' : 'web');
  }

  const actions = {
    'close-tab': (el) => closeTicket(el.closest('[data-entity-id]')?.getAttribute('data-entity-id') ?? el.closest('[data-ticket-id]')?.getAttribute('data-ticket-id')),
    submit: (el) => submit(el.closest('[data-ticket-id]')),
    'apply-macro': (el) => applyMacro(el.closest('[data-ticket-id]')),
    'switch-channel': (el) => switchChannel(el.closest('[data-ticket-id]')),
  };

  doc.addEventListener(
    'click',
    (event) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const target = event.target;
      if (!target?.closest) return;
      const action = target.closest('[data-demo-action]');
      if (action && actions[action.getAttribute('data-demo-action')]) {
        event.preventDefault();
        actions[action.getAttribute('data-demo-action')](action);
        return;
      }
      const tab = target.closest(TAB);
      if (tab) {
        navigate(`/agent/tickets/${tab.getAttribute('data-entity-id')}`);
        return;
      }
      const link = target.closest('a[href]');
      if (!link) return;
      if (link.getAttribute('href') === '#') {
        event.preventDefault();
        return;
      }
      const url = new URL(link.href, win.location.href);
      if (url.origin === win.location.origin && (TICKET_PATH.test(url.pathname) || url.pathname === '/agent/dashboard')) {
        event.preventDefault();
        navigate(url.pathname);
      }
    },
    { signal },
  );

  doc.addEventListener(
    'keydown',
    (event) => {
      const tab = event.target?.closest?.(TAB);
      if (tab && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        navigate(`/agent/tickets/${tab.getAttribute('data-entity-id')}`);
      }
    },
    { signal },
  );

  // CKEditor hides its placeholder once there is text; typing fires `input`.
  doc.addEventListener(
    'input',
    (event) => {
      const editor = event.target?.closest?.(EDITOR);
      if (!editor || editors.has(editor)) return; // CKEditor keeps its own placeholder
      const first = editor.firstElementChild;
      if (first) first.classList.toggle('ck-placeholder', !composerText(editor));
    },
    { signal },
  );

  win.addEventListener('popstate', () => show(win.location.pathname), { signal });

  const active = panes.querySelector('[data-ticket-id][data-is-active="true"]');
  if (active) scrollToLatest(active);
  upgradeComposers(panes);

  return { data, navigate, stop: () => controller.abort() };
}



/** A CKEditor 5 on `element`, configured like a reply composer (the bundle loads on first use). */
async function createCkeditor(element) {
  const bundle = '/__demo/vendor/ckeditor5.js'; // a URL on the demo server, not a module of this repo
  const { DecoupledEditor, Essentials, Paragraph, Bold, Italic, Link, List } = await import(/* @vite-ignore */ bundle);
  return DecoupledEditor.create(element, {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Bold, Italic, Link, List],
    placeholder: element.querySelector('[data-placeholder]')?.getAttribute('data-placeholder') ?? '',
  });
}

const app =
  typeof document !== 'undefined' && document.getElementById('demo-data') ? startZendeskDemo(window, { createEditor: createCkeditor }) : null;
export default app;
