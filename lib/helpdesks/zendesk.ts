/**
 * Zendesk Agent Workspace (`https://SUBDOMAIN.zendesk.com/agent/tickets/N`).
 * Several tickets stay mounted as tabs, so every read starts from the ticket's own pane.
 * Selector facts: /work/shared/reference/helpdesk-dom.md (Zendesk section).
 */
import {
  attempt,
  emailIn,
  fieldOf,
  hiddenWithin,
  idFromHref,
  isoFrom,
  latestMessages,
  pageUrl,
  prune,
  textOf,
  valueOf,
} from './dom';
import type { ConversationMessage, HelpdeskAdapter, ReadableField, ReadResult, Requester } from './types';

export const zendeskSelectors = {
  /** Tab bar entry of the ticket on screen (agent workspace 2022–2026). The adapter reads the URL;
   * this is for the content script, which watches the tab bar's attributes. */
  activeTab: '[data-test-id="header-tab"][aria-current="page"]',
  /** Every element carrying a ticket id; the pane is the one that holds the ticket's subject,
   * fields, log or composer (all open tickets' panes stay mounted). Read as `[data-ticket-id="N"]`. */
  pane: '[data-ticket-id]',
  /** Older pane root without data-ticket-id (Toggl's integration, 2023). Read as `[...="N"]`. */
  paneByAnchor: '[data-side-conversations-anchor-id]',
  /** Subject input in the omni header (2022–2026); the app sets `.value`. */
  subject: 'input[data-test-id="omni-header-subject"]',
  /** Subject in the pre-2022 ticket pane. */
  subjectLegacy: '[data-test-id="ticket-pane-subject"]',
  /** Requester field in the ticket fields panel; its text is the requester's name. */
  requester: '[data-test-id="ticket-system-field-requester-select"]',
  /** Value of a Garden dropdown (requester, status, priority fields) without its label. */
  dropdownValue: '[data-garden-id="dropdowns.combobox.value"]',
  /** Status field in the ticket fields panel. */
  status: '[data-test-id="ticket-fields-status-view"]',
  /** "Submit as Open": status fallback when the fields panel is collapsed (English UI only). */
  submitButton: '[data-test-id="submit_button-button"]',
  /** Reply vs internal note switch above the composer ("Public reply" / "Internal note"; English UI
   * wording, reference helpdesk-dom.md). */
  channelSwitcher: '[data-test-id="omnichannel-channel-switcher-button"]',
  /** Priority field (its value sits in `dropdownValue`). */
  priority: '[data-test-id="ticket-fields-priority-select"]',
  /** Requester email: a mailto link in the customer context panel. Seen in our fixture,
   * unverified on a live account; email is otherwise reported missing. */
  requesterEmail: '[data-test-id="customer-context-pane"] a[href^="mailto:"]',
  /** Requester's user id: the profile link in the customer context panel (`/agent/users/123`).
   * Seen in our fixture, unverified on a live account. */
  requesterLink: '[data-test-id="customer-context-pane"] a[href*="/agent/users/"]',
  /** Conversation log of one ticket. */
  conversation: '[data-test-id="omni-log-container"]',
  /** One article per comment. */
  comment: 'article[data-test-id="omni-log-comment-item"]',
  /** The bubble of a comment; `type="agent"` or `type="end-user"`. Copies with aria-hidden are skipped. */
  message: '[data-test-id="omni-log-item-message"]',
  /** Comment body. */
  body: '[data-test-id="omni-log-message-content"]',
  /** Author name. */
  sender: '[data-test-id="omni-log-item-sender"]',
  /** Comment time; the `datetime` attribute is read, not the relative text. */
  time: 'time[data-test-id="timestamp-relative"]',
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

/** The pane of ticket `ticketId`, or null. Never matches another ticket's pane. */
export function zendeskPane(root: ParentNode, ticketId: string): Element | null {
  if (!/^\d{1,20}$/.test(ticketId)) return null;
  const candidates = [
    ...root.querySelectorAll(`[data-ticket-id="${ticketId}"]`),
    ...root.querySelectorAll(`[data-side-conversations-anchor-id="${ticketId}"]`),
  ];
  // Other things (history rows, links) may carry the id too: the pane is the one holding the ticket.
  return candidates.find((el) => el.querySelector(PANE_CONTENT)) ?? null;
}

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
  return prune<ConversationMessage>({
    role: type === 'agent' || (internal && type !== 'end-user') ? 'agent' : 'customer',
    author: fieldOf(pick(S.sender)),
    at: isoFrom(pick(S.time)),
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
  return latestMessages(messages);
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
  const field = pane.querySelector(S.requester);
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

export const zendesk: HelpdeskAdapter = {
  id: 'zendesk',
  label: 'Zendesk',

  matches: (url) =>
    url.protocol === 'https:' && url.hostname.endsWith('.zendesk.com') && url.pathname.startsWith('/agent/'),

  // The URL is authoritative; `/agent/tickets/new/1` and dashboards are not a ticket yet.
  activeTicketId: (url) => url.pathname.match(TICKET_PATH)?.[1],

  read(root, ticketId, url): ReadResult {
    const pane = attempt(() => zendeskPane(root, ticketId));
    if (!pane) return { ok: false, missing: ['pane'] };

    const subject = attempt(() => valueOf(pane.querySelector(S.subject) ?? pane.querySelector(S.subjectLegacy)));
    const status = attempt(() => readStatus(pane));
    const priority = attempt(() => dropdownText(pane.querySelector(S.priority)));
    const requester = attempt(() => readRequester(pane)) ?? {};
    const messages = attempt(() => readConversation(pane)) ?? [];
    const composer = attempt(() => findComposer(pane));

    const missing: ReadableField[] = [];
    if (!subject) missing.push('subject');
    if (!status) missing.push('status');
    if (!requester.name) missing.push('requester-name');
    if (!requester.email) missing.push('requester-email');
    if (!messages.length) missing.push('conversation');
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
      }),
    };
  },

  composer: (root, ticketId) => attempt(() => {
    const pane = zendeskPane(root, ticketId);
    return pane ? findComposer(pane) : null;
  }) ?? null,

  // "Submit as …" sends the reply (and sets the status); one per pane.
  composerIsInternal(root, ticketId) {
    const label = attempt(() => zendeskPane(root, ticketId)?.querySelector(S.channelSwitcher)?.textContent);
    return label ? /internal/i.test(label) : undefined;
  },
  sendButton: (root, ticketId) => attempt(() => zendeskPane(root, ticketId)?.querySelector<HTMLElement>(S.submitButton)) ?? null,
};
