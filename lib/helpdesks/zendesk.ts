/**
 * Zendesk Agent Workspace (`https://SUBDOMAIN.zendesk.com/agent/tickets/N`): everything Rapport knows
 * about Zendesk lives in this file (pages, links, API, selectors, readers).
 * Several tickets stay mounted as tabs, so every read starts from the ticket's own pane.
 * Selector facts: the public code listed in docs/helpdesk-facts.md (Zendesk), named per selector:
 * HZ liferay-zendesk-userscript, WR zendesk-frustration-meter, TG toggl track-extension, TM tmetric.
 * The requester's email and user id are NOT on the page (no public source reads them there): they
 * come from the ticket API (`identityApi`).
 */
import { emailOf, idOf, localeOf, millisOf, rowsOf, str, tagsOf, timeZoneOf } from './api';
import {
  attempt,
  ctrlEnter,
  documentOf,
  emailIn,
  fieldOf,
  hiddenWithin,
  idFromHref,
  isoFrom,
  firstMessage,
  latestMessages,
  pageUrl,
  prune,
  shownTime,
  textOf,
  valueOf,
} from './dom';
import { startedByOf } from './outcome';
import type { ApiRequester, AuthorRole, ConversationMessage, HelpdeskAdapter, PastTicket, ReadableField, ReadResult, Requester, TicketIdentity } from './types';

export const zendeskSelectors = {
  /** Tab bar entry of the ticket on screen (agent workspace 2022–2026). The adapter reads the URL;
   * this is for the content script, which watches the tab bar's attributes. */
  activeTab: '[data-test-id="header-tab"][aria-current="page"]',
  /** Every element carrying a ticket id; the pane is the one that holds the ticket's subject,
   * fields, log or composer (all open tickets' panes stay mounted). Read as `[data-ticket-id="N"]`.
   * No public Zendesk source has it (our own fixtures only); kept as one of three ways in. */
  pane: '[data-ticket-id]',
  /** Pane root carrying the ticket id (TG, TM 2023–2024). Read as `[...="N"]`. */
  paneByAnchor: '[data-side-conversations-anchor-id]',
  /** The active ticket's pane when no element carries its id (TG, TM): only used for the URL's ticket. */
  activeGrid: '.ticket-panes-grid-layout[data-is-active="true"]',
  /** Subject input in the omni header (2022–2026); the app sets `.value`. */
  subject: 'input[data-test-id="omni-header-subject"]',
  /** Subject in the pre-2022 ticket pane. */
  subjectLegacy: '[data-test-id="ticket-pane-subject"]',
  /** Requester field in the ticket fields panel; its text is the requester's name (WR, HZ). */
  requester: '[data-test-id="ticket-system-field-requester-select"]',
  /** Requester name fallbacks seen when the fields panel is collapsed (WR, 2026). */
  requesterFallback: '[data-test-id="tooltip-requester-name"], [data-test-id="tabs-nav-item-users"]',
  /** Value of a Garden dropdown (requester, status, priority fields) without its label. */
  dropdownValue: '[data-garden-id="dropdowns.combobox.value"]',
  /** Status field in the ticket fields panel. */
  status: '[data-test-id="ticket-fields-status-view"]',
  /** "Submit as Open": sends the reply (ask before sending holds it, #16), and the status fallback when
   * the fields panel is collapsed (English UI only). reference/helpdesk-dom.md, Zendesk, "Status …
   * or the submit button text (`[data-test-id="submit_button-button"]`, "Submit as Open")". */
  submitButton: '[data-test-id="submit_button-button"]',
  /** Reply vs internal note switch above the composer (HZ `src/internal.ts`). */
  channelSwitcher: '[data-test-id="omnichannel-channel-switcher-button"]',
  /** The switcher's current channel: `web` (or email, chat…) is a public reply, `internal` a note (HZ).
   * Read instead of the button's wording, which follows the agent's language. */
  channel: '[data-channel]',
  /** Priority field (its value sits in `dropdownValue`). */
  priority: '[data-test-id="ticket-fields-priority-select"]',
  /** The customer context panel beside the ticket (docking keeps it on screen while the agent reads:
   * `sidePanels` below). ONLY in this project's own fixtures and demo; no public source names it. */
  contextPane: '[data-test-id="customer-context-pane"]',
  /** Requester email: a mailto link in the customer context panel. ONLY in this project's own
   * fixtures and demo (no public source has seen it); the ticket API is the real source. */
  requesterEmail: '[data-test-id="customer-context-pane"] a[href^="mailto:"]',
  /** Requester's user id: the profile link in the customer context panel (`/agent/users/123`).
   * Same caveat as `requesterEmail`: the ticket API gives `requester_id`. */
  requesterLink: '[data-test-id="customer-context-pane"] a[href*="/agent/users/"]',
  /** Conversation log of one ticket. */
  conversation: '[data-test-id="omni-log-container"]',
  /** One article per comment. */
  comment: 'article[data-test-id="omni-log-comment-item"]',
  /** The bubble of a comment; `type="agent"` or `type="end-user"`. Copies with aria-hidden are skipped. */
  message: '[data-test-id="omni-log-item-message"]',
  /** Agent avatar badge on a comment: WR's main role signal since 2026-05. */
  agentBadge: '[data-test-id="omni-log-avatar-badge-AgentBadge"]',
  /** Comment body. */
  body: '[data-test-id="omni-log-message-content"]',
  /** Author name. */
  sender: '[data-test-id="omni-log-item-sender"]',
  /** The customer's own name on their messages: the sender inside an `end-user` bubble (presentation mode masks it). */
  customerSender: '[data-test-id="omni-log-item-message"][type="end-user"] [data-test-id="omni-log-item-sender"]',
  /** Comment time: its `datetime` attribute; chat messages show only text such as "Feb 26 23:08" (WR). */
  time: '[data-test-id="timestamp-relative"]',
  /** Older comments collapsed behind "show more" (HZ): reported as `older-messages`, never clicked. */
  showMore: 'button[data-test-id="convolog-show-more-button"]',
  /** Marks an internal note. */
  internalNote: '[data-test-id="omni-log-internal-note-tag"]',
  /** CKEditor 5 editing area, rich-text or plain-text mode; one per open ticket. */
  composer:
    '.ck-editor__editable[role="textbox"][data-test-id="omnicomposer-rich-text-ckeditor"],' +
    '.ck-editor__editable[role="textbox"][data-test-id="omnicomposer-plain-text-ckeditor"]',
} as const;

const S = zendeskSelectors;
const TICKET_PATH = /^\/agent\/tickets\/(\d+)(?:\/|$)/;
const PANE_CONTENT = [S.subject, S.subjectLegacy, S.requester, S.status, S.conversation, S.composer].join(',');
const HOST = /^[a-z0-9-]+\.zendesk\.com$/i;

/**
 * The pane of ticket `ticketId`, or null. Never matches another ticket's pane: by the ticket id on
 * the pane; else, only when `ticketId` is the URL's (active) ticket, the active grid layout.
 */
export function zendeskPane(root: ParentNode, ticketId: string, activeTicketId?: string): Element | null {
  if (!/^\d{1,20}$/.test(ticketId)) return null;
  const candidates = [
    ...root.querySelectorAll(`[data-ticket-id="${ticketId}"]`),
    ...root.querySelectorAll(`[data-side-conversations-anchor-id="${ticketId}"]`),
  ];
  // Other things (history rows, links) may carry the id too: the pane is the one holding the ticket.
  const pane = candidates.find((el) => el.querySelector(PANE_CONTENT));
  if (pane || ticketId !== activeTicketId) return pane ?? null;
  const grids = [...root.querySelectorAll(S.activeGrid)].filter((el) => el.querySelector(PANE_CONTENT));
  return grids.length === 1 ? grids[0]! : null;
}

/** The active ticket on the page: the URL's, else the selected tab's (HZ header-tab). */
const activeOnPage = (root: ParentNode) =>
  attempt(() => documentOf(root)?.location?.pathname.match(TICKET_PATH)?.[1] ?? root.querySelector(S.activeTab)?.getAttribute('data-entity-id') ?? undefined);

/** The pane of `ticketId` on the page `root` belongs to. */
const paneFor = (root: ParentNode, ticketId: string) => zendeskPane(root, ticketId, activeOnPage(root));

function readMessage(unit: Element, pane: Element): ConversationMessage | undefined {
  if (hiddenWithin(unit, pane)) return undefined; // an aria-hidden copy of a whole comment
  const visible = (selector: string) => [...unit.querySelectorAll(selector)].find((el) => !hiddenWithin(el, pane));
  const bubbles = unit.matches(S.message) ? [unit] : [...unit.querySelectorAll(S.message)];
  const bubble = bubbles.find((b) => !hiddenWithin(b, pane));
  if (bubbles.length && !bubble) return undefined; // only an aria-hidden copy
  const body = (bubble ?? unit).querySelector(S.body);
  if (!body) return undefined;
  const pick = (selector: string) => bubble?.querySelector(selector) ?? visible(selector);
  const internal = !!unit.querySelector(S.internalNote);
  const type = bubble?.getAttribute('type');
  const agent = type === 'agent' || (type !== 'end-user' && (internal || !!unit.querySelector(S.agentBadge)));
  const time = pick(S.time);
  return prune<ConversationMessage>({
    role: agent ? 'agent' : 'customer',
    author: fieldOf(pick(S.sender)),
    at: isoFrom(time) ?? shownTime(time?.textContent, Date.now()),
    text: textOf(body),
    public: !internal,
  });
}

function readConversation(pane: Element): ConversationMessage[] {
  const log = pane.querySelector(S.conversation) ?? pane;
  const articles = [...log.querySelectorAll(S.comment)];
  // Without articles (a layout change), fall back to the bubbles themselves.
  const units = articles.length ? articles : [...log.querySelectorAll(S.message)];
  const messages: ConversationMessage[] = [];
  for (const unit of units) {
    const message = attempt(() => readMessage(unit, pane));
    if (message) messages.push(message);
  }
  return messages;
}

/** A Garden dropdown's value; Zendesk shows "-" for an empty one. */
function dropdownText(field: Element | null): string | undefined {
  const text = fieldOf(field?.querySelector(S.dropdownValue) ?? field);
  return text && !/^[-–—]$/.test(text) ? text : undefined;
}

function readStatus(pane: Element): string | undefined {
  const status = dropdownText(pane.querySelector(S.status));
  if (status) return status;
  return fieldOf(pane.querySelector(S.submitButton))?.match(/^Submit as (.+)$/i)?.[1]?.trim();
}

function readRequester(pane: Element): Requester {
  const field = pane.querySelector(S.requester) ?? pane.querySelector(S.requesterFallback);
  const link = pane.querySelector(S.requesterEmail);
  const href = link?.getAttribute('href')?.slice('mailto:'.length).split('?')[0];
  return prune({
    name: dropdownText(field),
    email: emailIn(attempt(() => decodeURIComponent(href ?? ''))) ?? emailIn(link?.textContent),
    externalId: idFromHref(pane.querySelector(S.requesterLink), /\/agent\/users\/(\d+)/),
  });
}

function findComposer(pane: Element): HTMLElement | null {
  return pane.querySelector<HTMLElement>(S.composer);
}

/**
 * Who opened a ticket, from its API row: Zendesk's Tickets API reference ("Requesters and
 * submitters") says the submitter created the ticket and is the author of its first comment, the
 * requester by default and the agent when an agent creates it for the customer. So: the requester
 * → the customer; a sideloaded (`include=users`) agent or admin → an agent; an end user on the
 * customer's side (a colleague) → the customer; a submitter not sideloaded → unknown.
 */
function startedByOfRow(row: Record<string, unknown> | undefined, users: Record<string, unknown>[]): AuthorRole | undefined {
  const submitter = idOf(row?.submitter_id);
  if (!submitter) return undefined;
  if (submitter === idOf(row?.requester_id)) return 'customer';
  const role = str(users.find((u) => idOf(u.id) === submitter)?.role, 20);
  return role === 'agent' || role === 'admin' ? 'agent' : role === 'end-user' ? 'customer' : undefined;
}

/** `GET /api/v2/tickets/{id}.json?include=users,organizations` (HZ `src/ticket.ts`): the requester, and who opened it. */
export function parseZendeskTicket(body: unknown): TicketIdentity | undefined {
  const b = body as { ticket?: Record<string, unknown>; users?: unknown; organizations?: unknown } | null;
  const requesterId = idOf(b?.ticket?.requester_id);
  if (!requesterId) return undefined;
  const users = rowsOf(b?.users);
  const user = users.find((u) => idOf(u.id) === requesterId);
  const org = user && rowsOf(b?.organizations).find((o) => idOf(o.id) === idOf(user.organization_id));
  const requester: ApiRequester = prune({
    externalId: requesterId,
    name: str(user?.name),
    email: emailOf(user?.email),
    // `time_zone` is a Rails name ("Eastern Time (US & Canada)"); `iana_time_zone` is the IANA one.
    timeZone: timeZoneOf(user?.iana_time_zone) ?? timeZoneOf(user?.time_zone),
    locale: localeOf(user?.locale),
    organization: str(org?.name),
  });
  return prune<TicketIdentity>({ requester, startedBy: startedByOfRow(b?.ticket, users) });
}

/** `GET /api/v2/users/{id}/tickets/requested.json?include=users`: the requester's tickets, and who opened each. */
export function parseZendeskHistory(body: unknown): PastTicket[] {
  const out: PastTicket[] = [];
  const b = body as { tickets?: unknown; users?: unknown } | null;
  const users = rowsOf(b?.users);
  for (const row of rowsOf(b?.tickets)) {
    const ticketId = idOf(row.id);
    const createdAt = millisOf(row.created_at);
    if (!ticketId || createdAt === undefined) continue;
    const startedBy = startedByOfRow(row, users);
    out.push(prune<PastTicket>({ ticketId, subject: str(row.subject), status: str(row.status, 100), createdAt, updatedAt: millisOf(row.updated_at) ?? createdAt, tags: tagsOf(row.tags), startedBy }));
  }
  return out;
}

export const zendesk: HelpdeskAdapter = {
  id: 'zendesk',
  label: 'Zendesk',
  ticketPages: ['https://*.zendesk.com/agent/*'],
  // The customer context panel (email, local time, interaction history) beside the ticket. What is
  // public (Zendesk help centre, "Viewing customer context in a ticket" and "Using the context
  // panel"): it sits on the side of the ticket, agents open and close it from the icons there (closed
  // by default) and can resize it; no width at which it drops is published. So Rapport measures
  // whether narrowing the page drops it instead of assuming a breakpoint. No public source names its
  // element (reference/helpdesk-dom.md has none): this is the test id of this project's fixtures
  // and demo, as for `requesterEmail`. Where it matches nothing, Rapport docks beside (as before #14).
  sidePanels: [S.contextPane],

  matches: (url) =>
    url.protocol === 'https:' && url.hostname.endsWith('.zendesk.com') && url.pathname.startsWith('/agent/'),

  ticketUrl: (account, ticketId) => (HOST.test(account) && /^\d{1,20}$/.test(ticketId) ? `https://${account}/agent/tickets/${ticketId}` : undefined),

  identityApi: {
    url: (origin, ticketId) => `${origin}/api/v2/tickets/${encodeURIComponent(ticketId)}.json?include=users,organizations`,
    parse: parseZendeskTicket,
  },
  historyApi: {
    // `include=users` sideloads each ticket's submitter, whose role says who opened it.
    url: (origin, userId) => `${origin}/api/v2/users/${encodeURIComponent(userId)}/tickets/requested.json?include=users`,
    parse: parseZendeskHistory,
  },

  // The URL is authoritative; `/agent/tickets/new/1` and dashboards are not a ticket yet.
  activeTicketId: (url) => url.pathname.match(TICKET_PATH)?.[1],

  read(root, ticketId, url): ReadResult {
    const pane = attempt(() => zendeskPane(root, ticketId, url.pathname.match(TICKET_PATH)?.[1]));
    if (!pane) return { ok: false, missing: ['pane'] };

    const subject = attempt(() => valueOf(pane.querySelector(S.subject) ?? pane.querySelector(S.subjectLegacy)));
    const status = attempt(() => readStatus(pane));
    const priority = attempt(() => dropdownText(pane.querySelector(S.priority)));
    const requester = attempt(() => readRequester(pane)) ?? {};
    const conversation = attempt(() => readConversation(pane)) ?? [];
    const messages = latestMessages(conversation);
    const composer = attempt(() => findComposer(pane));

    const missing: ReadableField[] = [];
    if (!subject) missing.push('subject');
    if (!status) missing.push('status');
    if (!requester.name) missing.push('requester-name');
    if (!requester.email) missing.push('requester-email');
    if (!messages.length) missing.push('conversation');
    if (attempt(() => pane.querySelector(S.showMore))) missing.push('older-messages');
    if (!composer) missing.push('composer');

    return {
      ok: true,
      missing,
      snapshot: prune({
        helpdesk: 'zendesk',
        account: url.host,
        ticketId,
        url: pageUrl(url),
        subject,
        status,
        priority,
        requester,
        messages,
        // The first comment, unless older ones are collapsed: the requester's, or an agent's public
        // one on a ticket they opened to write to the customer.
        startedBy: missing.includes('older-messages') ? undefined : startedByOf(firstMessage(conversation)),
      }),
    };
  },

  composer: (root, ticketId) => attempt(() => {
    const pane = paneFor(root, ticketId);
    return pane ? findComposer(pane) : null;
  }) ?? null,

  // The switcher's `data-channel`, never its wording (which follows the agent's language).
  composerWrites(root, ticketId) {
    const channel = attempt(() => {
      const switcher = paneFor(root, ticketId)?.querySelector(S.channelSwitcher);
      return switcher?.getAttribute('data-channel') ?? switcher?.querySelector(S.channel)?.getAttribute('data-channel');
    });
    return channel ? (channel === 'internal' ? 'note' : 'reply') : undefined;
  },
  // "Submit as …" sends the reply (and sets the status); one per pane.
  sendButton: (root, ticketId) => attempt(() => paneFor(root, ticketId)?.querySelector<HTMLElement>(S.submitButton)) ?? null,
  sendShortcut: ctrlEnter,
  // Where the requester's name and email show: the reader's own selectors, and their messages' sender line.
  requesterOnPage: [S.requester, S.requesterFallback, S.requesterEmail, S.requesterLink, S.customerSender],
};
