/**
 * Freshdesk (`https://SUBDOMAIN.freshdesk.com/a/tickets/N`, older `/helpdesk/tickets/N`, and the
 * same agent UI on `*.myfreshworks.com`): everything Rapport knows about Freshdesk lives in this file.
 * One ticket per page. The 2026 layout moved the subject/description into custom elements with
 * open shadow roots and the contact card into a micro-frontend, so every lookup goes through
 * `queryAllDeep`. Selector facts: the public code listed in docs/helpdesk-facts.md (Freshdesk), named
 * per selector: PM viewlift-userscripts, AC atlas-comet, KG tampermonkey-userscripts, BF
 * bubbleupdotnet/freshdesk, LS LauraSWP/scripts.
 */
import { emailOf, idOf, isoOf, localeOf, millisOf, rowsOf, str, tagsOf } from './api';
import {
  attempt,
  contentRoot,
  ctrlEnter,
  documentOf,
  emailIn,
  fieldOf,
  hiddenWithin,
  idFromHref,
  isoFrom,
  latestMessages,
  MAX,
  clip,
  pageUrl,
  prune,
  queryAllDeep,
  queryDeep,
  textOf,
} from './dom';
import { startedByOf } from './outcome';
import type { ApiMessage, ConversationMessage, HelpdeskAdapter, PastTicket, ReadableField, ReadResult, Requester, TicketIdentity } from './types';

export const freshdeskSelectors = {
  /** Ticket subject: light DOM in the classic layout; inside `ticket-details`' shadow root in 2026. */
  subject: '.ticket-subject-heading',
  /** 2026 layout: custom element with an open shadow root holding subject and description. */
  ticketDetails: 'ticket-details',
  /** Ticket properties panel (classic and 2026). */
  properties: '.ticket-properties-wrapper',
  /** Status property; its value is in `dropdownValue`. */
  status: '[data-test-id="ticket-status"]',
  /** Selected value of an Ember power-select dropdown. */
  dropdownValue: '.ember-power-select-selected-item',
  /** Contact card micro-frontend (2025–26; open shadow root) (PM, AC). */
  contactInfo: 'mfe-application[app-id="fw-unified-mfe--contact-info"]',
  /** Inside the contact card: long values such as the email (the first that looks like one is used) (PM, AC). */
  contactEmail: 'p.break-all',
  /** Classic requester widget's email (BF 2022; same widget family in LS 2025). */
  classicEmail: '[data-test-id="requester-info-contact-email"] .info-details-content',
  /** June 2026: the contact links moved out of the card's shadow root into the main document (AC). */
  contactLinkMain: 'a[data-test-id="user-name"][href*="/contacts/"], a[href*="/a/contacts/"]',
  /** Link to the contact's page (`/a/contacts/456`): name and contact id. Also used in a message header. */
  contactLink: 'a[href*="/contacts/"]',
  /** One per conversation entry, including the reply box (skipped). */
  item: '.ticket-details__item',
  /** The first entry: the ticket description, written by the requester. */
  description: '[data-test-id="ticket-description"]',
  /** Marks the reply box entry. */
  replyBox: '.rich-editor',
  /** Message body (reply/note, or the description's text). */
  body: '.ticket_note[data-note-id], [data-test-conversation="conversation-text"]',
  /** Author and time of an entry. */
  header: '.conversation-header',
  /** Time inside a header; only the `datetime` attribute is read. Seen in our fixtures, unverified
   * live: without it `at` stays empty rather than parsing localised text. */
  time: 'time[datetime]',
  /** Marks a private note (on the entry or inside it). */
  privateNote: '.ticket-details__privatenote',
  /** Emailed replies (external users, bounce re-sends) that ALSO carry the private-note class: not
   * private (KG 2026). `.notify` is the note's own "notified" email list. */
  emailedReply: '.emails-info:not(.notify)',
  /** Collapsed older history. Never clicked (adapters are pure readers); messages behind it are not read. */
  loadMore: '[data-test-button="load-more"]',
  /** Froala editing area of an open reply or note. */
  composer: '.fr-element.fr-view[contenteditable="true"]',
  /** Send button of the open reply box (classic layout, our 2024 fixture only). Without it, the reply
   * box's button labelled "Send" is used (English UI only), as reference/helpdesk-dom.md, Freshdesk
   * 2024–2026, advises: "No public source has a hook for the Send button: match the reply box's
   * button by its role and label". Ask before sending (#16) holds this button. */
  sendButton: '[data-test-id="send-reply"]',
} as const;

const S = freshdeskSelectors;
const TICKET_PATH = /^\/(?:a|helpdesk)\/tickets\/(\d+)(?:\/|$)/;
/** Freshdesk's own hosts: the classic domain and the Freshworks one (AC's manifest, 2026). */
const HOST = /^[a-z0-9-]+\.(?:freshdesk|myfreshworks)\.com$/i;
const CONTACT_ID = /\/contacts\/(\d+)/;

const isTicketView = (root: ParentNode) =>
  !!queryDeep(root, [S.subject, S.ticketDetails, S.properties, S.item, S.contactInfo].join(','));

/**
 * The page holds one ticket and no id of its own, so right after a single-page navigation it may
 * still show the previous ticket. The title (`[#N] Subject : Company`) names the ticket on screen:
 * when it names another one, the new ticket has not rendered yet.
 */
const showsOtherTicket = (root: ParentNode, ticketId: string) => {
  const shown = documentOf(root)?.title.match(/^\s*\[#(\d+)\]/)?.[1];
  return shown !== undefined && shown !== ticketId;
};

/** Subject from the page, else from `document.title` (`[#N] Subject : Company`) when it names ticket N. */
function readSubject(root: ParentNode, ticketId: string): string | undefined {
  const heading = fieldOf(queryDeep(root, S.subject));
  if (heading) return heading;
  const title = documentOf(root)?.title.trim() ?? '';
  const match = title.match(/^\[#(\d+)\]\s*(.*)$/);
  if (match?.[1] !== ticketId) return undefined;
  const rest = match[2] ?? '';
  const cut = rest.lastIndexOf(' : ');
  return clip((cut > 0 ? rest.slice(0, cut) : rest).trim(), MAX.field) || undefined;
}

function readStatus(root: ParentNode): string | undefined {
  const field = queryDeep(root, S.status);
  return fieldOf(field?.querySelector(S.dropdownValue) ?? field);
}

/** Entries in page order, without the reply box, aria-hidden copies or nested duplicates. */
function entries(root: ParentNode): Element[] {
  return queryAllDeep(root, S.item).filter(
    (item) =>
      !item.matches(S.replyBox) &&
      !item.querySelector(S.replyBox) &&
      !item.parentElement?.closest(S.item) &&
      !hiddenWithin(item, root as Node),
  );
}

function authorLink(item: Element): Element | null | undefined {
  return item.querySelector(S.header)?.querySelector('a[href]');
}

function readRequester(root: ParentNode, items: Element[]): Requester {
  const card = queryDeep(root, S.contactInfo);
  const scope = card ? contentRoot(card) : undefined;
  const link =
    (scope ? queryAllDeep(scope, S.contactLink).find((a) => fieldOf(a)) : undefined) ??
    queryAllDeep(root, S.contactLinkMain).find((a) => fieldOf(a) && !a.closest(S.item));
  const email =
    (scope ? queryAllDeep(scope, S.contactEmail).map((p) => emailIn(p.textContent)).find(Boolean) : undefined) ??
    queryAllDeep(root, S.classicEmail).map((el) => emailIn(el.textContent)).find(Boolean);
  // Classic layout / card not rendered yet: the description's author is the requester.
  const description = items.find((item) => item.matches(S.description));
  const fallback = description ? authorLink(description) : undefined;
  return prune({
    name: fieldOf(link) ?? fieldOf(fallback),
    email,
    externalId: idFromHref(link, CONTACT_ID) ?? idFromHref(fallback, CONTACT_ID),
  });
}

function readMessage(item: Element, requesterName: string | undefined): ConversationMessage | undefined {
  const body = item.querySelector(S.body);
  if (!body) return undefined;
  const header = item.querySelector(S.header);
  const link = authorLink(item);
  const href = link?.getAttribute('href') ?? '';
  const author = fieldOf(link);
  const isPrivate = (item.matches(S.privateNote) || !!item.querySelector(S.privateNote)) && !item.querySelector(S.emailedReply);
  // Freshdesk marks no role on an entry: a contact link (or the requester's name, or being the
  // description) means the customer; private notes and everything else are agents.
  const customer =
    !isPrivate &&
    (CONTACT_ID.test(href) ||
      (!/\/agents\//.test(href) && (item.matches(S.description) || (!!author && author === requesterName))));
  return prune<ConversationMessage>({
    role: customer ? 'customer' : 'agent',
    author,
    at: isoFrom(header?.querySelector(S.time)),
    text: textOf(body),
    public: !isPrivate,
  });
}

const OUTBOUND_EMAIL = 10;
const FRESHDESK_STATUS: Record<number, string> = { 2: 'open', 3: 'pending', 4: 'resolved', 5: 'closed', 6: 'waiting' };

/**
 * `GET /api/v2/tickets/{id}?include=requester,conversations` (PM): the requester, and the
 * conversation with times (`created_at`), direction (`incoming`) and visibility (`private`). The
 * description is `description_text` on the ticket, written by the requester.
 */
export function parseFreshdeskTicket(body: unknown): TicketIdentity | undefined {
  const b = body as Record<string, unknown> | null;
  const requesterId = idOf(b?.requester_id);
  if (!b || !requesterId) return undefined;
  const contact = b.requester && typeof b.requester === 'object' ? (b.requester as Record<string, unknown>) : undefined;
  const same = contact && idOf(contact.id) === requesterId ? contact : undefined;
  const messages: ApiMessage[] = [];
  // `source` 10 is an outbound email (Freshdesk's ticket sources: 1 email, 2 portal, 3 phone, 7 chat,
  // 9 feedback widget, 10 outbound email — as the public API clients dbasoftware/freshdesksharp and
  // jscarle/Freshdesk.NET name them): the agent wrote the description, not the requester.
  const startedBy = b.source === OUTBOUND_EMAIL ? ('agent' as const) : undefined;
  const description = str(b.description_text, 20_000);
  if (description) messages.push({ role: startedBy ?? 'customer', at: isoOf(b.created_at), public: true, text: description });
  for (const c of rowsOf(b.conversations)) {
    const text = str(c.body_text, 20_000);
    if (!text) continue;
    messages.push(prune<ApiMessage>({
      role: typeof c.incoming === 'boolean' ? (c.incoming ? 'customer' : 'agent') : undefined,
      at: isoOf(c.created_at),
      public: typeof c.private === 'boolean' ? !c.private : undefined,
      text,
    }));
  }
  return prune({
    requester: prune({ externalId: requesterId, name: str(same?.name), email: emailOf(same?.email), locale: localeOf(same?.language) }),
    messages,
    startedBy,
  });
}

/** `GET /api/v2/tickets?requester_id={id}`: the requester's tickets (numeric statuses). */
export function parseFreshdeskHistory(body: unknown): PastTicket[] {
  const out: PastTicket[] = [];
  for (const row of rowsOf(body)) {
    const ticketId = idOf(row.id);
    const createdAt = millisOf(row.created_at);
    if (!ticketId || createdAt === undefined) continue;
    const startedBy = row.source === OUTBOUND_EMAIL ? ('agent' as const) : undefined;
    out.push(prune({ ticketId, subject: str(row.subject), status: FRESHDESK_STATUS[row.status as number], createdAt, updatedAt: millisOf(row.updated_at) ?? createdAt, tags: tagsOf(row.tags), startedBy }));
  }
  return out;
}

export const freshdesk: HelpdeskAdapter = {
  id: 'freshdesk',
  label: 'Freshdesk',
  // Older ticket URLs live under /helpdesk/tickets/; the agent UI also runs on *.myfreshworks.com (AC).
  ticketPages: ['https://*.freshdesk.com/a/*', 'https://*.freshdesk.com/helpdesk/tickets/*', 'https://*.myfreshworks.com/a/*'],

  matches: (url) =>
    url.protocol === 'https:' &&
    HOST.test(url.hostname) &&
    (url.pathname.startsWith('/a/') || (url.hostname.toLowerCase().endsWith('.freshdesk.com') && TICKET_PATH.test(url.pathname))),

  ticketUrl: (account, ticketId) => (HOST.test(account) && /^\d{1,20}$/.test(ticketId) ? `https://${account}/a/tickets/${ticketId}` : undefined),

  identityApi: {
    url: (origin, ticketId) => `${origin}/api/v2/tickets/${encodeURIComponent(ticketId)}?include=requester,conversations`,
    parse: parseFreshdeskTicket,
  },
  historyApi: {
    url: (origin, contactId) => `${origin}/api/v2/tickets?requester_id=${encodeURIComponent(contactId)}&per_page=100`,
    parse: parseFreshdeskHistory,
  },

  activeTicketId: (url) => url.pathname.match(TICKET_PATH)?.[1],

  read(root, ticketId, url): ReadResult {
    if (!/^\d{1,20}$/.test(ticketId) || !attempt(() => isTicketView(root)) || attempt(() => showsOtherTicket(root, ticketId))) {
      return { ok: false, missing: ['pane'] };
    }

    const items = attempt(() => entries(root)) ?? [];
    const subject = attempt(() => readSubject(root, ticketId));
    const status = attempt(() => readStatus(root));
    const requester = attempt(() => readRequester(root, items)) ?? {};
    const messages: ConversationMessage[] = [];
    let first: ConversationMessage | undefined;
    for (const item of items) {
      const message = attempt(() => readMessage(item, requester.name));
      if (message) messages.push(message);
      if (message && attempt(() => item.matches(S.description))) first = message;
    }
    const composer = attempt(() => queryDeep(root, S.composer));

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
        helpdesk: 'freshdesk',
        account: url.host,
        ticketId,
        url: pageUrl(url),
        subject,
        status,
        requester,
        messages: latestMessages(messages),
        // The description is the ticket's first message, shown however many replies follow: the
        // requester's, or an agent's on an outbound mail (its author links to /agents/).
        startedBy: startedByOf(first),
      }),
    };
  },

  sendButton: (root, ticketId) =>
    (/^\d{1,20}$/.test(ticketId) &&
      attempt(() => {
        const hooked = queryDeep(root, S.sendButton) as HTMLElement | null;
        if (hooked) return hooked;
        const buttons = queryAllDeep(root, S.replyBox).flatMap((box) => [...box.querySelectorAll<HTMLElement>('button')]);
        return buttons.find((b) => /^send\b/i.test(b.textContent?.trim() ?? '')) ?? null;
      })) ||
    null,

  sendShortcut: ctrlEnter,
  // Where the requester's name and email show: the reader's own selectors (the contact card, inside
  // its shadow root, and the contact links, which also name the author of the customer's messages).
  requesterOnPage: [S.contactEmail, S.classicEmail, S.contactLinkMain, S.contactLink],

  // One ticket per page, so the id only guards against reading a non-ticket page.
  composer: (root, ticketId) =>
    (/^\d{1,20}$/.test(ticketId) && (attempt(() => queryDeep(root, S.composer)) as HTMLElement | null)) || null,
};
