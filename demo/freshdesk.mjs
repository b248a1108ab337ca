/**
 * The demo Freshdesk agent app: views shared by the server (HTML string), the page's own script
 * (client-side navigations, shadow roots) and the unit tests.
 *
 * Two layouts, as described in docs/helpdesk-facts.md (Freshdesk):
 * - 'classic': everything in the normal DOM — `.ticket-subject-heading`, the description as the
 *   first `.ticket-details__item`, a contact panel with the email and `a[href*="/contacts/ID"]`.
 * - '2026': the subject and the description live in the OPEN shadow root of `<ticket-details>`,
 *   the contact card in the OPEN shadow root of
 *   `<mfe-application app-id="fw-unified-mfe--contact-info">` (email in `p.break-all`). The server
 *   sends the two hosts empty; like the real app, script builds their shadow roots
 *   (mountTicketDetails / mountContactInfo below, called by the page's custom elements and by tests).
 * Replies, notes and the reply editor are normal DOM in both layouts. Hooks that exist only for the
 * demo are named `data-demo-action`.
 *
 * Runs unchanged in Node and in the browser (served at /__demo/freshdesk.mjs).
 */
import { h, toHtml, toDom, jsonText, paragraphs, relativeTime, absoluteTime, initials } from './h.mjs';
import { findCustomer, findTicket, ticketsOf } from './data.mjs';

export const CONTACT_INFO_APP_ID = 'fw-unified-mfe--contact-info';
const STYLESHEET = '/__demo/freshdesk.css';

const STATUS_LABEL = { open: 'Open', pending: 'Pending', resolved: 'Resolved', closed: 'Closed' };
const PRIORITY_LABEL = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' };

/** Hosts starting with "classic" (classic.freshdesk.com) get the classic layout, others the 2026 one. */
export function layoutForHost(host) {
  return String(host).toLowerCase().startsWith('classic') ? 'classic' : '2026';
}

/**
 * What a path shows: { kind: 'ticket', id } for /a/tickets/N and the older /helpdesk/tickets/N,
 * { kind: 'list' } for /a/tickets, or null (not a page of the demo).
 */
export function routeFor(pathname) {
  const ticket = pathname.match(/^\/(?:a|helpdesk)\/tickets\/(\d+)\/?$/);
  if (ticket) return { kind: 'ticket', id: Number(ticket[1]) };
  if (/^\/a\/tickets\/?$/.test(pathname)) return { kind: 'list' };
  return null;
}

export function pageTitle(route, data) {
  const account = data.freshdesk.accountName;
  if (route.kind === 'ticket') {
    const ticket = findTicket(data, 'freshdesk', route.id);
    return ticket ? `[#${ticket.id}] ${ticket.subject} : ${account}` : `Ticket not found : ${account}`;
  }
  return `All tickets : ${account}`;
}

/** The canned response the "Insert canned response" button adds to the editor. */
export function cannedText(ticket, data) {
  const first = findCustomer(data, ticket.requester)?.name.split(/\s+/)[0] ?? 'there';
  const agent = data.agents[data.freshdesk.currentAgent]?.name ?? 'Support';
  return `Hi ${first},\n\nThank you for contacting us. I'm checking this with the team and will reply by the end of the day.\n\nKind regards,\n${agent}`;
}

// ---------------------------------------------------------------------------------------------
// Small pieces

const ICONS = {
  dashboard: ['M4 4h7v7H4z', 'M13 4h7v4h-7z', 'M13 10h7v10h-7z', 'M4 13h7v7H4z'],
  tickets: ['M4 7a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v3a2 2 0 0 0 0 4v3a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-3a2 2 0 0 0 0-4z'],
  contacts: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M5 21a7 7 0 0 1 14 0'],
  solutions: ['M5 4h11l3 3v13H5z', 'M9 10h6', 'M9 14h6'],
  reports: ['M5 20V10', 'M12 20V4', 'M19 20v-7'],
  admin: ['M4 7h9', 'M17 7h3', 'M4 17h3', 'M11 17h9', 'M15 4v6', 'M9 14v6'],
  reply: ['M10 9V5l-7 7 7 7v-4c5 0 8 1 11 5-1-6-4-10-11-11z'],
  note: ['M5 4h14v12l-4 4H5z', 'M15 20v-4h4'],
  forward: ['M14 9V5l7 7-7 7v-4c-5 0-8 1-11 5 1-6 4-10 11-11z'],
  check: ['M5 12l5 5L20 7'],
  search: ['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'M21 21l-5-5'],
  chevron: ['M6 9l6 6 6-6'],
  link: ['M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1', 'M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1'],
};

function icon(name, size = 18) {
  return h(
    'svg',
    { class: 'fd-icon', width: size, height: size, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true' },
    ICONS[name].map((d) => h('path', { d })),
  );
}

function avatar(name, kind = 'contact') {
  return h('span', { class: `fd-avatar fd-avatar--${kind}`, 'aria-hidden': 'true' }, initials(name));
}

/** An Ember power-select showing its current value (read-only in the demo). */
function powerSelect(value, testId) {
  return h(
    'div',
    { class: 'ember-power-select-trigger ember-view', 'data-test-id': testId ?? null, role: 'button', tabindex: '0' },
    h('span', { class: 'ember-power-select-selected-item' }, value ?? '--'),
    h('span', { class: 'ember-power-select-status-icon' }),
  );
}

// ---------------------------------------------------------------------------------------------
// Conversation

function authorLink(message, ticket, data) {
  if (message.role === 'customer') {
    const customer = findCustomer(data, ticket.requester);
    return h('a', { class: 'conversation-author', href: `/a/contacts/${customer?.freshdeskContactId ?? ''}` }, message.author);
  }
  const agent = Object.values(data.agents).find((a) => a.name === message.author);
  return h('a', { class: 'conversation-author conversation-author--agent', href: `/a/admin/agents/${agent?.freshdeskAgentId ?? ''}` }, message.author);
}

/** One message. The first message of a ticket is its description. */
export function conversationItem(message, { ticket, data, now, description = false }) {
  const privateNote = !message.public;
  const action = description ? 'reported via email' : privateNote ? 'added a private note' : message.role === 'agent' ? 'replied' : 'replied via email';
  return h(
    'div',
    {
      class: `ticket-details__item${privateNote ? ' ticket-details__privatenote' : ''}${message.role === 'agent' ? ' ticket-details__item--agent' : ''}`,
      'data-test-id': description ? 'ticket-description' : null,
      'data-message-id': message.id,
    },
    avatar(message.author, message.role === 'agent' ? 'agent' : 'contact'),
    h(
      'div',
      { class: 'conversation-body' },
      h(
        'div',
        { class: 'conversation-header' },
        authorLink(message, ticket, data),
        h('span', { class: 'conversation-action' }, action),
        privateNote ? h('span', { class: 'private-note-tag' }, 'Private') : null,
        h('time', { datetime: message.at, title: absoluteTime(message.at) }, relativeTime(message.at, now)),
      ),
      h(
        'div',
        { class: 'ticket_note', 'data-note-id': message.id },
        h('div', { class: 'conversation-text', 'data-test-conversation': 'conversation-text' }, paragraphs(message.text)),
      ),
    ),
  );
}

/** Froala's empty document. */
export function emptyEditorParagraph() {
  return h('p', null, h('br'));
}

function replyItem(ticket, customer, data) {
  const agent = data.agents[data.freshdesk.currentAgent];
  return h(
    'div',
    { class: 'ticket-details__item reply-item' },
    avatar(agent?.name ?? 'Agent', 'agent'),
    h(
      'div',
      { class: 'rich-editor', 'data-editor-mode': 'reply' },
      h(
        'div',
        { class: 'reply-fields' },
        h('span', { class: 'reply-mode-label' }, 'Reply'),
        h('span', null, 'To: ', h('span', { class: 'reply-to' }, customer ? `${customer.name} <${customer.email}>` : '')),
      ),
      h(
        'div',
        { class: 'fr-box fr-basic fr-top' },
        h(
          'div',
          { class: 'fr-toolbar fr-top' },
          ['B', 'I', 'U', '•'].map((label) => h('button', { type: 'button', class: 'fr-command', tabindex: '-1' }, label)),
          h('button', { type: 'button', class: 'fr-command', tabindex: '-1', 'aria-label': 'Insert link' }, icon('link', 14)),
        ),
        h(
          'div',
          { class: 'fr-wrapper show-placeholder' },
          h('span', { class: 'fr-placeholder' }, 'Type your reply… (the Rapport checklist reads this box)'),
          h('div', { class: 'fr-element fr-view', contenteditable: 'true', dir: 'auto', 'aria-label': 'Rich Text Editor, reply' }, emptyEditorParagraph()),
        ),
      ),
      h(
        'div',
        { class: 'reply-footer' },
        h('button', { type: 'button', class: 'fd-button fd-button--ghost', 'data-demo-action': 'canned-response' }, 'Insert canned response'),
        h(
          'div',
          { class: 'fd-split' },
          h('button', { type: 'button', class: 'fd-button fd-button--primary', 'data-demo-action': 'send' }, h('span', { class: 'send-label' }, 'Send')),
          h('button', { type: 'button', class: 'fd-button fd-button--primary fd-split-menu', 'aria-label': 'Send and set status' }, icon('chevron', 14)),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Ticket page

function subjectBlock(ticket, customer, now) {
  return h(
    'div',
    { class: 'ticket-subject' },
    h('span', { class: 'fd-channel-icon', title: 'Email' }, '✉'),
    h(
      'div',
      { class: 'ticket-subject-text' },
      h('h2', { class: 'ticket-subject-heading' }, ticket.subject),
      h('div', { class: 'ticket-subject-meta' }, `Created by ${customer?.name ?? ''} · ${relativeTime(ticket.createdAt, now)} · via Email`),
    ),
  );
}

/** Shadow-root content of <ticket-details> (2026 layout): subject and description. */
export function ticketDetailsShadow(ticket, { data, now }) {
  const customer = findCustomer(data, ticket.requester);
  return [
    h('link', { rel: 'stylesheet', href: STYLESHEET }),
    h(
      'div',
      { class: 'ticket-details-card' },
      subjectBlock(ticket, customer, now),
      conversationItem(ticket.messages[0], { ticket, data, now, description: true }),
    ),
  ];
}

function recentTickets(customer, ticket, data, now) {
  const others = ticketsOf(data, 'freshdesk', customer.key);
  return h(
    'div',
    { class: 'recent-tickets' },
    h('h4', null, `Recent tickets (${others.length})`),
    h(
      'ul',
      null,
      others.map((t) =>
        h(
          'li',
          { class: t.id === ticket?.id ? 'current' : null },
          h('a', { href: `/a/tickets/${t.id}` }, t.subject),
          h('span', { class: 'recent-meta' }, `#${t.id} · ${STATUS_LABEL[t.status] ?? t.status} · ${relativeTime(t.updatedAt, now)}`),
        ),
      ),
    ),
  );
}

/** Shadow-root content of the contact-info micro-frontend (2026 layout). */
export function contactInfoShadow(customer, { ticket, data, now }) {
  return [
    h('link', { rel: 'stylesheet', href: STYLESHEET }),
    h(
      'section',
      { class: 'fw-contact-card' },
      h(
        'header',
        { class: 'fw-contact-head' },
        avatar(customer.name),
        h(
          'div',
          { class: 'fw-contact-who' },
          h('a', { class: 'fw-contact-name', href: `/a/contacts/${customer.freshdeskContactId}` }, customer.name),
          h('span', { class: 'fw-contact-company' }, customer.company),
        ),
      ),
      h('div', { class: 'fw-contact-field' }, h('span', { class: 'fw-label' }, 'Email'), h('p', { class: 'break-all' }, customer.email)),
      h('div', { class: 'fw-contact-field' }, h('span', { class: 'fw-label' }, 'Work phone'), h('p', null, customer.phone)),
      h('div', { class: 'fw-contact-field' }, h('span', { class: 'fw-label' }, 'Location'), h('p', null, customer.location)),
      recentTickets(customer, ticket, data, now),
    ),
  ];
}

/** Builds (or rebuilds) the open shadow root of a <ticket-details> host. */
export function mountTicketDetails(host, ticket, ctx) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren(...ticketDetailsShadow(ticket, ctx).map((n) => toDom(n, host.ownerDocument)));
  return root;
}

/** Builds (or rebuilds) the open shadow root of the contact-info <mfe-application> host. */
export function mountContactInfo(host, customer, ctx) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren(...contactInfoShadow(customer, ctx).map((n) => toDom(n, host.ownerDocument)));
  return root;
}

/**
 * Gives every shadow host under `root` its shadow root, from `data`: what the page's custom elements
 * do when they connect. Tests call it because happy-dom does not run the page's script.
 */
export function mountShadowHosts(root, data, now = new Date()) {
  for (const host of root.querySelectorAll('ticket-details[ticket-id]')) {
    const ticket = findTicket(data, 'freshdesk', host.getAttribute('ticket-id'));
    if (ticket) mountTicketDetails(host, ticket, { data, now });
  }
  for (const host of root.querySelectorAll(`mfe-application[app-id="${CONTACT_INFO_APP_ID}"]`)) {
    const ticket = findTicket(data, 'freshdesk', host.getAttribute('ticket-id'));
    const customer = ticket && findCustomer(data, ticket.requester);
    if (customer) mountContactInfo(host, customer, { ticket, data, now });
  }
}

function classicContactPanel(customer, ticket, data, now) {
  return h(
    'section',
    { class: 'contact-info-panel fd-card' },
    h('h3', { class: 'fd-card-title' }, 'Contact details'),
    h(
      'div',
      { class: 'fw-contact-head' },
      avatar(customer.name),
      h(
        'div',
        { class: 'fw-contact-who' },
        h('a', { class: 'contact-name', href: `/a/contacts/${customer.freshdeskContactId}` }, customer.name),
        h('span', { class: 'fw-contact-company' }, customer.company),
      ),
    ),
    // The classic requester widget (helpdesk facts: BF 2022, LS 2025).
    h(
      'div',
      { class: 'fw-contact-field info-details', 'data-test-id': 'requester-info-contact-email' },
      h('span', { class: 'fw-label info-details-label' }, 'Email'),
      h('span', { class: 'contact-email info-details-content' }, customer.email),
    ),
    h('div', { class: 'fw-contact-field' }, h('span', { class: 'fw-label' }, 'Work phone'), h('div', null, customer.phone)),
    recentTickets(customer, ticket, data, now),
  );
}

function propertiesPanel(ticket, data) {
  const agent = ticket.assignee ? data.agents[ticket.assignee]?.name : null;
  const prop = (label, control) => h('div', { class: 'ticket-property' }, h('label', null, label), control);
  return h(
    'section',
    { class: 'ticket-properties-wrapper fd-card' },
    h('h3', { class: 'fd-card-title' }, 'Properties'),
    prop('Tags', h('div', { class: 'fd-tags' }, ticket.tags.map((t) => h('span', { class: 'fd-tag' }, t)))),
    prop('Type', powerSelect(ticket.type)),
    h('div', { class: 'ticket-property', 'data-test-id': 'ticket-status' }, h('label', null, 'Status'), powerSelect(STATUS_LABEL[ticket.status] ?? ticket.status)),
    h(
      'div',
      { class: `ticket-property priority--${ticket.priority}`, 'data-test-id': 'ticket-priority' },
      h('label', null, 'Priority'),
      powerSelect(PRIORITY_LABEL[ticket.priority] ?? ticket.priority),
    ),
    prop('Group', powerSelect(ticket.group)),
    prop('Agent', powerSelect(agent)),
    h('button', { type: 'button', class: 'fd-button fd-button--primary fd-update' }, 'Update'),
  );
}

function ticketToolbar() {
  return h(
    'div',
    { class: 'fd-ticket-toolbar' },
    h('button', { type: 'button', class: 'fd-button', 'data-test-email-action': 'reply', 'data-demo-action': 'reply' }, icon('reply', 16), 'Reply'),
    h('button', { type: 'button', class: 'fd-button', 'data-test-id': 'add-note', 'data-demo-action': 'add-note' }, icon('note', 16), 'Add note'),
    h('button', { type: 'button', class: 'fd-button' }, icon('forward', 16), 'Forward'),
    h('span', { class: 'fd-toolbar-spacer' }),
    h('button', { type: 'button', class: 'fd-button' }, icon('check', 16), 'Close'),
    h('button', { type: 'button', class: 'fd-button' }, 'Merge'),
    h('button', { type: 'button', class: 'fd-button', 'aria-label': 'More' }, '⋯'),
  );
}

function breadcrumb(...parts) {
  return h('nav', { class: 'fd-breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/a/tickets' }, 'All tickets'), parts.map((p) => [h('span', { class: 'fd-crumb-sep' }, '›'), h('span', null, p)]));
}

export function ticketView(ticket, { data, layout, now }) {
  const customer = findCustomer(data, ticket.requester);
  const [description, ...rest] = ticket.messages;
  const ctx = { ticket, data, now };
  return h(
    'div',
    { class: 'fd-ticket', 'data-ticket-id': ticket.id, 'data-layout': layout },
    h('div', { class: 'fd-page-header' }, breadcrumb(`#${ticket.id}`), ticketToolbar()),
    h(
      'div',
      { class: 'fd-ticket-columns' },
      h(
        'section',
        { class: 'fd-ticket-main' },
        layout === 'classic'
          ? h('div', { class: 'ticket-details-card' }, subjectBlock(ticket, customer, now))
          : h('ticket-details', { 'ticket-id': ticket.id, class: 'ember-view' }),
        h(
          'div',
          { class: 'ticket-details' },
          layout === 'classic' ? conversationItem(description, { ...ctx, description: true }) : null,
          rest.map((m) => conversationItem(m, ctx)),
          replyItem(ticket, customer, data),
        ),
      ),
      h(
        'aside',
        { class: 'fd-ticket-sidebar' },
        customer
          ? layout === 'classic'
            ? classicContactPanel(customer, ticket, data, now)
            : h('mfe-application', { 'app-id': CONTACT_INFO_APP_ID, 'ticket-id': ticket.id, 'contact-id': customer.freshdeskContactId, class: 'fd-card fd-mfe' })
          : null,
        propertiesPanel(ticket, data),
      ),
    ),
  );
}

function notFoundView(id) {
  return h(
    'div',
    { class: 'fd-not-found', 'data-missing-ticket-id': id },
    h('h1', null, `Ticket #${id} not found`),
    h('p', null, 'The ticket may have been deleted or merged, or you do not have access to it.'),
    h('a', { href: '/a/tickets' }, 'Back to all tickets'),
  );
}

export function ticketList({ data, now }) {
  const tickets = [...data.freshdesk.tickets].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return h(
    'div',
    { class: 'fd-list' },
    h(
      'div',
      { class: 'fd-page-header' },
      h('nav', { class: 'fd-breadcrumb' }, h('span', null, 'Tickets')),
      h('div', { class: 'fd-list-title' }, h('h1', null, 'All tickets'), h('span', { class: 'fd-muted' }, `${tickets.length} tickets · sorted by last modified`)),
    ),
    h(
      'ul',
      { class: 'fd-ticket-cards' },
      tickets.map((t) => {
        const customer = findCustomer(data, t.requester);
        const last = t.messages[t.messages.length - 1];
        const tag = t.messages.length === 1 ? 'New' : last.role === 'customer' ? 'Customer responded' : null;
        return h(
          'li',
          { class: 'fd-ticket-card', 'data-ticket-id': t.id },
          h('input', { type: 'checkbox', 'aria-label': `Select ticket ${t.id}` }),
          avatar(customer?.name ?? '?'),
          h(
            'div',
            { class: 'fd-card-main' },
            tag ? h('span', { class: `fd-state-tag fd-state-tag--${tag === 'New' ? 'new' : 'responded'}` }, tag) : null,
            h('div', null, h('a', { class: 'fd-ticket-link', href: `/a/tickets/${t.id}` }, t.subject), h('span', { class: 'fd-muted' }, ` #${t.id}`)),
            h('div', { class: 'fd-muted' }, `${customer?.name ?? ''} (${customer?.company ?? ''}) · Created ${relativeTime(t.createdAt, now)}`),
          ),
          h(
            'div',
            { class: 'fd-card-props' },
            h('span', { class: `fd-priority fd-priority--${t.priority}` }, PRIORITY_LABEL[t.priority] ?? t.priority),
            h('span', null, `${t.group} / ${t.assignee ? data.agents[t.assignee]?.name : '--'}`),
            h('span', null, STATUS_LABEL[t.status] ?? t.status),
          ),
        );
      }),
    ),
  );
}

/** The content of <main>: what a client-side navigation replaces. */
export function mainContent(route, { data, layout, now }) {
  if (route.kind === 'list') return ticketList({ data, now });
  const ticket = findTicket(data, 'freshdesk', route.id);
  return ticket ? ticketView(ticket, { data, layout, now }) : notFoundView(route.id);
}

function navRail() {
  const item = (name, label, href = '#', current = false) =>
    h('a', { class: 'fd-rail-item', href, title: label, 'aria-label': label, 'aria-current': current ? 'page' : null }, icon(name, 22));
  return h(
    'nav',
    { class: 'fd-rail', 'aria-label': 'Main' },
    h('div', { class: 'fd-rail-logo', title: 'Demo helpdesk (Freshdesk-style)' }, 'F'),
    item('dashboard', 'Dashboard'),
    item('tickets', 'Tickets', '/a/tickets', true),
    item('contacts', 'Contacts'),
    item('solutions', 'Solutions'),
    item('reports', 'Analytics'),
    h('div', { class: 'fd-rail-spacer' }),
    item('admin', 'Admin'),
  );
}

function topbar(layout, data) {
  const agent = data.agents[data.freshdesk.currentAgent];
  return h(
    'header',
    { class: 'fd-topbar' },
    h('span', { class: 'fd-topbar-title' }, 'Tickets'),
    h('span', { class: 'fd-search' }, icon('search', 16), 'Search'),
    h('span', { class: 'fd-spacer' }),
    h('span', { class: 'fd-demo-badge', title: 'Sample data served locally; not a real helpdesk' }, `Demo helpdesk · ${layout === 'classic' ? 'classic layout' : '2026 layout'}`),
    h('button', { type: 'button', class: 'fd-button fd-button--primary' }, '+ New'),
    avatar(agent?.name ?? 'Agent', 'agent'),
  );
}

/** A full page of the Freshdesk app for `route` ({ kind: 'ticket', id } or { kind: 'list' }). */
export function renderFreshdeskPage({ account, route, layout = layoutForHost(account), data }) {
  const now = data.now ?? new Date().toISOString();
  const pageData = { account, layout, data: { ...data, zendesk: undefined } };
  const page = h(
    'html',
    { lang: 'en' },
    h(
      'head',
      null,
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', null, pageTitle(route, data)),
      h('link', { rel: 'icon', href: 'data:,' }),
      h('link', { rel: 'stylesheet', href: STYLESHEET }),
    ),
    h(
      'body',
      { class: `fd fd--${layout}` },
      h(
        'div',
        { class: 'fd-app ember-application', 'data-account': account },
        navRail(),
        h(
          'div',
          { class: 'fd-shell' },
          topbar(layout, data),
          h('main', { class: 'fd-main', id: 'fd-main', 'data-route': route.kind }, mainContent(route, { data, layout, now })),
        ),
      ),
      h('script', { type: 'application/json', id: 'demo-data' }, jsonText(pageData)),
      h('script', { type: 'module', src: '/__demo/client/freshdesk.mjs' }),
    ),
  );
  return `<!doctype html>\n${toHtml(page)}`;
}

/** The ticket page /a/tickets/N; an unknown N gives the app's "not found" page. */
export function renderFreshdeskTicket({ account, ticketId, layout, data }) {
  return renderFreshdeskPage({ account, route: { kind: 'ticket', id: Number(ticketId) }, layout, data });
}

/** The ticket list /a/tickets. */
export function renderFreshdeskTicketList({ account, layout, data }) {
  return renderFreshdeskPage({ account, route: { kind: 'list' }, layout, data });
}
