/**
 * The demo Zendesk agent workspace: views shared by the server (HTML string) and the page's own
 * script (DOM nodes for tickets opened client-side), so both produce exactly the same markup.
 *
 * The markup follows docs/helpdesk-facts.md (Zendesk agent workspace): several
 * ticket panes mounted at once under [data-ticket-id], one header tab per open ticket, data-test-id
 * hooks on subject, requester, status, priority, tags, conversation and composer. Keep it that way:
 * the production content script reads these pages with the selectors it uses on the real site.
 * Hooks that exist only for the demo are named `data-demo-action`.
 *
 * Runs unchanged in Node and in the browser (served at /__demo/zendesk.mjs).
 */
import { h, toHtml, jsonText, paragraphs, relativeTime, absoluteTime, initials } from './h.mjs';
import { findCustomer, findTicket, ticketsOf } from './data.mjs';

export const STATUS = {
  new: { label: 'New', letter: 'N' },
  open: { label: 'Open', letter: 'O' },
  pending: { label: 'Pending', letter: 'P' },
  hold: { label: 'On-hold', letter: 'H' },
  solved: { label: 'Solved', letter: 'S' },
  closed: { label: 'Closed', letter: 'C' },
};
const capitalise = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** The macro the "Apply macro" button inserts (an apology with a promise, for the checklist). */
export function macroText(ticket, data) {
  const customer = findCustomer(data, ticket.requester);
  const first = customer?.name.split(/\s+/)[0] ?? 'there';
  const agent = data.agents[data.zendesk.currentAgent]?.name ?? 'Support';
  return `Hi ${first},\n\nThanks for reaching out, and sorry for the trouble. I'm looking into this now and will get back to you by tomorrow at 5pm with an update.\n\nBest regards,\n${agent}`;
}

// ---------------------------------------------------------------------------------------------
// Small pieces

const ICONS = {
  home: ['M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z'],
  views: ['M4 6h16', 'M4 12h16', 'M4 18h10'],
  customers: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M5 21a7 7 0 0 1 14 0'],
  organizations: ['M4 21V5l8-3v19', 'M12 9h8v12', 'M2 21h20'],
  reporting: ['M5 20V10', 'M12 20V4', 'M19 20v-7'],
  admin: ['M4 7h9', 'M17 7h3', 'M4 17h3', 'M11 17h9', 'M15 4v6', 'M9 14v6'],
  search: ['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'M21 21l-5-5'],
  macro: ['M4 5h16v14H4z', 'M8 9h8', 'M8 13h5'],
  attach: ['M21 12l-8.5 8.5a5 5 0 0 1-7-7L14 5a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L15 8'],
  emoji: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M8 14s1.5 2 4 2 4-2 4-2', 'M9 9h.01', 'M15 9h.01'],
  format: ['M6 4h8a4 4 0 0 1 0 8H6z', 'M6 12h9a4 4 0 0 1 0 8H6z'],
  link: ['M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1', 'M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1'],
  chevron: ['M6 9l6 6 6-6'],
};

function icon(name, size = 20) {
  return h(
    'svg',
    { class: 'zd-icon', width: size, height: size, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true' },
    ICONS[name].map((d) => h('path', { d })),
  );
}

function statusBadge(status) {
  const s = STATUS[status] ?? STATUS.open;
  return h('span', { class: `zd-status zd-status--${status}`, title: s.label }, s.letter);
}

function avatar(name, kind = 'end-user') {
  return h('span', { class: `zd-avatar zd-avatar--${kind}`, 'aria-hidden': 'true' }, initials(name));
}

// ---------------------------------------------------------------------------------------------
// App chrome

function navRail() {
  const item = (name, label, current = false) =>
    h('a', { class: 'zd-rail-item', href: name === 'views' ? '/agent/dashboard' : '#', title: label, 'aria-label': label, 'aria-current': current ? 'page' : null }, icon(name, 22));
  return h(
    'nav',
    { class: 'zd-rail', 'aria-label': 'Main' },
    h('div', { class: 'zd-rail-logo', title: 'Demo helpdesk (Zendesk-style)' }, 'Z'),
    item('home', 'Home'),
    item('views', 'Views', true),
    item('customers', 'Customers'),
    item('organizations', 'Organizations'),
    item('reporting', 'Reporting'),
    h('div', { class: 'zd-rail-spacer' }),
    item('admin', 'Admin'),
  );
}

/** One tab in the header bar. Exactly one tab carries aria-current="page" (the active ticket). */
export function headerTab(ticket, active) {
  return h(
    'div',
    {
      class: 'zd-tab',
      'data-test-id': 'header-tab',
      role: 'tab',
      tabindex: '0',
      title: ticket.subject,
      'data-entity-id': ticket.id,
      'data-entity-type': 'TICKET_ENTITY_TYPE',
      'data-entity-is-selected': String(active),
      'aria-selected': String(active),
      'aria-current': active ? 'page' : null,
    },
    statusBadge(ticket.status),
    h('span', { class: 'zd-tab-text' }, h('span', { class: 'zd-tab-title' }, ticket.subject), h('span', { class: 'zd-tab-sub' }, `#${ticket.id}`)),
    h('button', { type: 'button', class: 'zd-tab-close', 'data-demo-action': 'close-tab', 'aria-label': `Close tab #${ticket.id}` }, '×'),
  );
}

function header({ tickets, activeTicketId, data }) {
  const agent = data.agents[data.zendesk.currentAgent];
  return h(
    'header',
    { class: 'zd-header' },
    h('div', { class: 'zd-tabs', role: 'tablist', 'aria-label': 'Open tickets' }, tickets.map((t) => headerTab(t, t.id === activeTicketId))),
    h('button', { type: 'button', class: 'zd-add', 'aria-label': 'Add' }, '+ Add'),
    h(
      'div',
      { class: 'zd-header-tools' },
      h('span', { class: 'zd-demo-badge', title: 'Sample data served locally; not a real helpdesk' }, 'Demo helpdesk'),
      h('span', { class: 'zd-search' }, icon('search', 16), 'Search'),
      avatar(agent?.name ?? 'Agent', 'agent'),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Ticket pane

/** One message of the conversation ("omni log"). */
export function logItem(message, now) {
  const internal = !message.public;
  return h(
    'article',
    { class: `zd-log-item${internal ? ' zd-log-item--internal' : ''}`, 'data-test-id': 'omni-log-comment-item', 'data-comment-id': message.id },
    avatar(message.author, message.role === 'agent' ? 'agent' : 'end-user'),
    h(
      'div',
      { class: 'zd-bubble', 'data-test-id': 'omni-log-item-message', type: message.role === 'agent' ? 'agent' : 'end-user' },
      h(
        'div',
        { class: 'zd-log-header' },
        h('span', { class: 'zd-sender', 'data-test-id': 'omni-log-item-sender' }, message.author),
        internal ? h('span', { class: 'zd-internal-tag', 'data-test-id': 'omni-log-internal-note-tag' }, 'Internal note') : null,
        h('time', { 'data-test-id': 'timestamp-relative', datetime: message.at, title: absoluteTime(message.at) }, relativeTime(message.at, now)),
      ),
      h('div', { class: 'zd-content', 'data-test-id': 'omni-log-message-content' }, paragraphs(message.text)),
      message.role === 'customer' ? h('div', { class: 'zd-via' }, 'via Email') : null,
    ),
  );
}

function field(label, control, extraClass = '') {
  return h('div', { class: `zd-field ${extraClass}` }, h('div', { class: 'zd-field-label' }, label), control);
}

function properties(ticket, customer, data) {
  const assignee = ticket.assignee ? data.agents[ticket.assignee]?.name : null;
  return h(
    'aside',
    { class: 'zd-props', 'aria-label': 'Ticket properties' },
    field(
      'Requester',
      h(
        'div',
        { class: 'zd-select zd-select--person' },
        avatar(customer?.name ?? '?'),
        h('div', { class: 'zd-select-value', 'data-test-id': 'ticket-system-field-requester-select', role: 'combobox', 'aria-label': 'Requester' }, customer?.name ?? ''),
      ),
    ),
    field(
      'Assignee',
      h('div', { class: 'zd-select', 'data-test-id': 'ticket-system-field-assignee-select' }, assignee ? `Support / ${assignee}` : '—'),
    ),
    field('Followers', h('div', { class: 'zd-select zd-select--empty' }, 'Add followers')),
    field(
      'Tags',
      h(
        'div',
        { class: 'zd-select zd-tags', 'data-test-id': 'ticket-system-field-tags' },
        ticket.tags.map((tag) => h('span', { class: 'zd-tag', 'data-test-id': 'ticket-system-field-tags-item-selected' }, tag)),
      ),
    ),
    h(
      'div',
      { class: 'zd-field-row' },
      field('Type', h('div', { class: 'zd-select', 'data-test-id': 'ticket-fields-type-select' }, capitalise(ticket.type) ?? '-')),
      field(
        'Priority',
        h(
          'div',
          { class: 'zd-select', 'data-test-id': 'ticket-fields-priority-select' },
          h('div', { 'data-garden-id': 'dropdowns.combobox.value', class: `zd-priority zd-priority--${ticket.priority}` }, capitalise(ticket.priority)),
        ),
      ),
    ),
    field(
      'Status',
      h(
        'div',
        { class: 'zd-select' },
        statusBadge(ticket.status),
        h('span', { 'data-test-id': 'ticket-fields-status-view' }, STATUS[ticket.status]?.label ?? ticket.status),
      ),
    ),
  );
}

function composer(ticket, customer) {
  return h(
    'div',
    { class: 'zd-composer', 'data-composer-mode': 'public' },
    h(
      'div',
      { class: 'zd-composer-head' },
      h(
        'button',
        { type: 'button', class: 'zd-channel', 'data-test-id': 'omnichannel-channel-switcher-button', 'data-channel': 'web', 'data-demo-action': 'switch-channel' },
        h('span', { class: 'zd-channel-label' }, 'Public reply'),
        icon('chevron', 14),
      ),
      h('span', { class: 'zd-composer-to' }, 'To ', h('span', { class: 'zd-chip' }, customer?.name ?? '')),
    ),
    h(
      'div',
      { class: 'ck ck-reset ck-editor ck-rounded-corners' },
      h(
        'div',
        { class: 'ck ck-editor__main' },
        h(
          'div',
          {
            class: 'ck-blurred ck ck-content ck-editor__editable ck-rounded-corners ck-editor__editable_inline',
            contenteditable: 'true',
            role: 'textbox',
            'aria-multiline': 'true',
            'aria-label': `Rich Text Editor. Editing area: ticket ${ticket.id}`,
            'data-test-id': 'omnicomposer-rich-text-ckeditor',
          },
          emptyComposerParagraph(),
        ),
      ),
    ),
    h(
      'div',
      { class: 'zd-composer-tools' },
      ['format', 'emoji', 'attach', 'link'].map((name) => h('button', { type: 'button', class: 'zd-tool', 'aria-label': name }, icon(name, 18))),
    ),
  );
}

/** CKEditor's empty document: one placeholder paragraph holding a filler <br>. */
export function emptyComposerParagraph() {
  return h('p', { class: 'ck-placeholder', 'data-placeholder': 'Write a reply… (the Rapport checklist reads this box)' }, h('br', { 'data-cke-filler': 'true' }));
}

function contextPanel(ticket, customer, data, now) {
  if (!customer) return h('aside', { class: 'zd-context' });
  if (data.zendesk.identityOnPage === false) return apiOnlyContextPanel(ticket, customer, data, now);
  const history = ticketsOf(data, 'zendesk', customer.key);
  return h(
    'aside',
    // The test id matches the adapter's fixture (lib/helpdesks/zendesk.ts); unverified on a live account.
    { class: 'zd-context', 'data-test-id': 'customer-context-pane', 'aria-label': 'Customer context' },
    h(
      'div',
      { class: 'zd-context-card' },
      avatar(customer.name),
      h(
        'div',
        { class: 'zd-context-who' },
        h('a', { class: 'zd-context-name', href: `/agent/users/${customer.zendeskUserId}` }, customer.name),
        h('div', { class: 'zd-context-org' }, customer.company),
      ),
    ),
    h(
      'dl',
      { class: 'zd-context-facts' },
      h('dt', null, 'Email'),
      h('dd', null, h('a', { href: `mailto:${customer.email}` }, customer.email)),
      h('dt', null, 'Phone'),
      h('dd', null, customer.phone),
      h('dt', null, 'Location'),
      h('dd', null, customer.location),
      h('dt', null, 'Local time'),
      h('dd', null, localTime(customer.timeZone, now)),
    ),
    h('h3', { class: 'zd-context-heading' }, `Interaction history (${history.length})`),
    h(
      'ul',
      { class: 'zd-history' },
      history.map((t) =>
        h(
          'li',
          { class: t.id === ticket.id ? 'zd-history-current' : null },
          statusBadge(t.status),
          h('div', null, h('a', { href: `/agent/tickets/${t.id}` }, t.subject), h('div', { class: 'zd-history-meta' }, `#${t.id} · updated ${relativeTime(t.updatedAt, now)}`)),
        ),
      ),
    ),
  );
}

function localTime(timeZone, now) {
  try {
    return new Date(now).toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
  } catch {
    return '—';
  }
}

/** The whole pane of one open ticket. Inactive panes stay mounted and are hidden by CSS. */
/**
 * The context panel as the real Zendesk is known to show it (helpdesk facts): the customer's name and
 * what the app chooses to show, but no email and no user link anywhere on the page. Rapport gets them
 * from GET /api/v2/tickets/{id}.json?include=users (demo/api.mjs).
 */
function apiOnlyContextPanel(ticket, customer, data, now) {
  return h(
    'aside',
    { class: 'zd-context', 'aria-label': 'Customer context' },
    h('div', { class: 'zd-context-card' }, avatar(customer.name), h('div', { class: 'zd-context-who' }, h('span', { class: 'zd-context-name' }, customer.name), h('div', { class: 'zd-context-org' }, customer.company))),
    h('dl', { class: 'zd-context-facts' }, h('dt', null, 'Local time'), h('dd', null, localTime(customer.timeZone, now))),
    h('p', { class: 'zd-history-meta' }, `Ticket #${ticket.id}`),
  );
}

export function ticketPane(ticket, { data, active, now = new Date() }) {
  const customer = findCustomer(data, ticket.requester);
  const status = STATUS[ticket.status]?.label ?? ticket.status;
  return h(
    'div',
    {
      class: 'ticket-panes-grid-layout zd-pane',
      'data-ticket-id': ticket.id,
      'data-side-conversations-anchor-id': ticket.id,
      'data-is-active': String(active),
    },
    h(
      'div',
      { class: 'zd-pane-grid' },
      properties(ticket, customer, data),
      h(
        'section',
        { class: 'zd-thread' },
        h(
          'div',
          { class: 'zd-thread-header' },
          statusBadge(ticket.status),
          h('input', { class: 'zd-subject', 'data-test-id': 'omni-header-subject', 'aria-label': 'Subject', value: ticket.subject }),
          h('div', { class: 'zd-thread-meta' }, `#${ticket.id} · via Email · created ${relativeTime(ticket.createdAt, now)}`),
        ),
        h(
          'div',
          { class: 'zd-log', 'data-test-id': 'omni-log-container', role: 'log', 'aria-label': 'Conversation' },
          ticket.messages.map((m) => logItem(m, now)),
        ),
        composer(ticket, customer),
      ),
      contextPanel(ticket, customer, data, now),
    ),
    h(
      'footer',
      { class: 'zd-pane-footer' },
      h('button', { type: 'button', class: 'zd-button zd-button--ghost', 'data-demo-action': 'apply-macro' }, icon('macro', 16), 'Apply macro'),
      h(
        'div',
        { class: 'zd-footer-right' },
        h('button', { type: 'button', class: 'zd-button zd-button--ghost', 'data-demo-action': 'close-tab' }, 'Close tab'),
        h(
          'div',
          { class: 'zd-split' },
          h('button', { type: 'button', class: 'zd-button zd-button--primary', 'data-test-id': 'submit_button-button', 'data-demo-action': 'submit' }, `Submit as ${status}`),
          h('button', { type: 'button', class: 'zd-button zd-button--primary zd-split-menu', 'aria-label': 'Other submit options' }, icon('chevron', 16)),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Dashboard (views) and "not found"

export function dashboard({ data, active, now = new Date() }) {
  const tickets = [...data.zendesk.tickets].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const unsolved = tickets.filter((t) => !['solved', 'closed'].includes(t.status));
  const views = [
    ['Your unsolved tickets', unsolved.filter((t) => t.assignee === data.zendesk.currentAgent).length],
    ['Unassigned tickets', unsolved.filter((t) => !t.assignee).length],
    ['All unsolved tickets', unsolved.length],
    ['Recently updated tickets', tickets.length],
    ['Pending tickets', tickets.filter((t) => t.status === 'pending').length],
    ['Recently solved tickets', tickets.filter((t) => t.status === 'solved').length],
  ];
  return h(
    'section',
    { class: 'zd-dashboard', 'data-is-active': String(active), 'aria-label': 'Views' },
    h(
      'aside',
      { class: 'zd-views' },
      h('h2', null, 'Views'),
      h(
        'ul',
        null,
        views.map(([name, count]) => h('li', { class: name === 'Recently updated tickets' ? 'zd-views-current' : null }, h('span', null, name), h('span', { class: 'zd-count' }, count))),
      ),
    ),
    h(
      'div',
      { class: 'zd-view' },
      h('div', { class: 'zd-view-header' }, h('h1', null, 'Recently updated tickets'), h('span', { class: 'zd-view-count' }, `${tickets.length} tickets`)),
      h(
        'table',
        { class: 'zd-table' },
        h('thead', null, h('tr', null, ['', 'ID', 'Subject', 'Requester', 'Requester updated', 'Priority', 'Assignee'].map((c) => h('th', null, c)))),
        h(
          'tbody',
          null,
          tickets.map((t) =>
            h(
              'tr',
              null,
              h('td', null, statusBadge(t.status)),
              h('td', { class: 'zd-muted' }, `#${t.id}`),
              h('td', null, h('a', { href: `/agent/tickets/${t.id}` }, t.subject)),
              h('td', null, findCustomer(data, t.requester)?.name ?? ''),
              h('td', { class: 'zd-muted' }, relativeTime(t.updatedAt, now)),
              h('td', null, h('span', { class: `zd-priority zd-priority--${t.priority}` }, capitalise(t.priority))),
              h('td', { class: 'zd-muted' }, t.assignee ? data.agents[t.assignee]?.name : '—'),
            ),
          ),
        ),
      ),
    ),
  );
}

export function notFound(ticketId, active) {
  return h(
    'section',
    { class: 'zd-not-found', 'data-is-active': String(active), 'data-missing-ticket-id': ticketId ?? '' },
    h('h1', null, `Ticket #${ticketId ?? ''} not found`),
    h('p', null, "It may have been deleted, or you don't have access to it in this account."),
    h('a', { href: '/agent/dashboard' }, 'Back to views'),
  );
}

// ---------------------------------------------------------------------------------------------
// The whole page

/** `route` is 'ticket', 'dashboard' or 'not-found'. */
export function pageTitle(route, ticket) {
  if (route === 'ticket' && ticket) return `${ticket.subject} – Ticket #${ticket.id} – Zendesk`;
  return route === 'dashboard' ? 'Views – Zendesk' : 'Ticket not found – Zendesk';
}

/**
 * The full HTML page of the workspace.
 * - `activeTicketId` a ticket id → that ticket's tab and pane are active (a ticket that is not yet
 *   open gets a tab); an id with no ticket → the "not found" page; null/undefined → the dashboard.
 * - `openTicketIds` the tabs already open (default: the account's seeded tabs).
 */
export function renderZendeskWorkspace({ account, activeTicketId = null, openTicketIds, data }) {
  const now = data.now ?? new Date().toISOString();
  const activeId = activeTicketId === null || activeTicketId === undefined ? null : Number(activeTicketId);
  const active = activeId === null ? null : findTicket(data, 'zendesk', activeId);
  const ids = [...(openTicketIds ?? data.zendesk.openTabs)].map(Number);
  if (active && !ids.includes(active.id)) ids.push(active.id);
  const open = ids.map((id) => findTicket(data, 'zendesk', id)).filter(Boolean);
  const route = activeId === null ? 'dashboard' : active ? 'ticket' : 'not-found';
  const title = pageTitle(route, active);
  // Everything the page script needs to open more tabs without a reload.
  const pageData = { account, data: { ...data, freshdesk: undefined } };

  const page = h(
    'html',
    { lang: 'en' },
    h(
      'head',
      null,
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', null, title),
      h('link', { rel: 'icon', href: 'data:,' }),
      h('link', { rel: 'stylesheet', href: '/__demo/zendesk.css' }),
    ),
    h(
      'body',
      { class: 'zd' },
      h(
        'div',
        { class: 'zd-app', id: 'zd-app', 'data-account': account },
        navRail(),
        h(
          'div',
          { class: 'zd-workspace' },
          header({ tickets: open, activeTicketId: active?.id, data }),
          h(
            'main',
            { class: 'zd-main', 'data-route': route },
            dashboard({ data, active: route === 'dashboard', now }),
            route === 'not-found' ? notFound(activeId, true) : null,
            h('div', { class: 'zd-panes' }, open.map((t) => ticketPane(t, { data, active: t.id === active?.id, now }))),
          ),
        ),
      ),
      h('script', { type: 'application/json', id: 'demo-data' }, jsonText(pageData)),
      h('script', { type: 'module', src: '/__demo/client/zendesk.mjs' }),
    ),
  );
  return `<!doctype html>\n${toHtml(page)}`;
}
