/**
 * What every helpdesk adapter reads off a ticket page. Adapters are pure readers: they take a root
 * (the document, or any node for tests) and never render, store or fetch.
 */

/**
 * The id of an adapter in the registry (lib/helpdesks/index.ts), e.g. `zendesk`. Requests and imports
 * are checked against the registry's ids (`helpdeskIds`), so adding an adapter adds its id everywhere.
 */
export type HelpdeskId = string;

/** What a composer writes: only a reply reaches the customer. */
export type ComposerKind = 'reply' | 'note' | 'forward';

/** Who wrote a message in the conversation. */
export type AuthorRole = 'customer' | 'agent';

export interface ConversationMessage {
  role: AuthorRole;
  /** Display name of the author as the page shows it. */
  author?: string;
  /** ISO 8601 time taken from a `datetime` attribute; absent when the page shows none. */
  at?: string;
  /** Plain body text (never HTML). */
  text: string;
  /** false for internal notes / private notes. */
  public: boolean;
}

export interface Requester {
  name?: string;
  email?: string;
  /** The helpdesk's own id for the requester (user / contact id) when the page shows it. */
  externalId?: string;
}

/** Who the helpdesk's own REST API says the requester is (the source of truth; the DOM is the fast first read). */
export interface ApiRequester extends Requester {
  /** IANA zone, e.g. "Europe/Oslo", when the helpdesk knows it. */
  timeZone?: string;
  /** BCP 47 tag, e.g. "pt-BR". */
  locale?: string;
  organization?: string;
}

/** A message as the helpdesk's API gives it: machine-readable time and visibility. */
export interface ApiMessage {
  role?: AuthorRole;
  /** ISO 8601. */
  at?: string;
  public?: boolean;
  /** Plain text, to match the message shown on the page. */
  text: string;
}

/** A ticket of a requester as the helpdesk's API lists it (past tickets). */
export interface PastTicket {
  ticketId: string;
  subject?: string;
  status?: string;
  createdAt: number;
  updatedAt: number;
  tags?: string[];
  /** Who opened it, where the API says (`TicketSnapshot.startedBy`). */
  startedBy?: AuthorRole;
  /**
   * Deleted (merged into another ticket, or thrown away) or spam in the helpdesk: no past ticket of
   * the customer's, but a ticket Rapport recorded earlier takes its status (no "wasn't solved").
   */
  gone?: true;
}

/**
 * A same-origin GET the content script makes with the agent's own session (no token): the URL to
 * ask and a defensive reader of the JSON (anything odd is skipped, never trusted).
 */
export interface HelpdeskApi<Key, Answer> {
  url(origin: string, key: Key): string;
  parse(body: unknown): Answer;
}

/**
 * A page of the helpdesk read like an API, for a helpdesk with no API in every install (FreeScout's
 * is a paid module): a same-origin GET with the agent's session, parsed as HTML (DOMParser: no script
 * runs) and read defensively.
 */
export interface HelpdeskPage<Key, Answer> {
  /** The page to ask for, from the page the agent is on (a self-hosted helpdesk may live under a sub-path). */
  url(page: URL, key: Key): string;
  /**
   * Undefined when the answer is not the page asked for (a sign-in page, another customer) or cannot
   * be read in full. `shown` as for `HelpdeskAdapter.read`.
   */
  read(doc: Document, key: Key, now: number, shown?: ShownTimes): Answer | undefined;
}

/** What the ticket API tells about one ticket. */
export interface TicketIdentity {
  requester: ApiRequester;
  /** The conversation with times and public/private flags, where the API call includes it. */
  messages?: ApiMessage[];
  /** Who opened the ticket, where the API says (`TicketSnapshot.startedBy`). */
  startedBy?: AuthorRole;
}

/**
 * A plain, serialisable picture of one ticket as the page shows it. This is what crosses from the
 * content script to the background; nothing in it is HTML.
 */
export interface TicketSnapshot {
  helpdesk: HelpdeskId;
  /** The helpdesk account, i.e. the page's host (`acme.zendesk.com`). */
  account: string;
  ticketId: string;
  url: string;
  subject?: string;
  status?: string;
  priority?: string;
  /** The ticket's tags, where the page shows them. */
  tags?: string[];
  /** How the customer wrote in (email, chat, phone…), where the page shows it. */
  channel?: string;
  requester: Requester;
  messages: ConversationMessage[];
  /**
   * Who opened the ticket: the customer writing in, or an agent writing to them first (an outbound
   * mail). Set only where the read holds the ticket's first message or the API says; absent: not
   * known, and read as the customer's (what most tickets are). An agent's ticket is no contact of
   * theirs: it never makes "2nd ticket today — acknowledge the hassle" (lib/memory/tickets.ts).
   */
  startedBy?: AuthorRole;
}

/**
 * Names of the things a reader may fail to find. The sidebar turns these into plain words
 * ("couldn't read the requester's email").
 */
export type ReadableField =
  | 'pane'
  | 'subject'
  | 'status'
  | 'requester-name'
  | 'requester-email'
  | 'conversation'
  /** Older messages collapsed behind "show more"/"load more": the conversation read is partial. */
  | 'older-messages'
  | 'composer';

/** How the page writes times: the zone the helpdesk shows this agent's times in, when it says (`shownTimeZone`), and in which language. */
export interface ShownTimes {
  timeZone?: string;
  /** The page's language (BCP 47), whose month abbreviations its times use ("Dez 7, 2026"); absent: English. */
  locale?: string;
}

export type ReadResult =
  | { ok: true; snapshot: TicketSnapshot; missing: ReadableField[] }
  | { ok: false; missing: ReadableField[] };

export interface HelpdeskAdapter {
  id: HelpdeskId;
  /** Human label, e.g. "Zendesk". */
  label: string;
  /**
   * Match patterns (manifest syntax) of the helpdesk's ticket pages on its own hosted domains: the
   * content script's `matches`, the context menu and the manifest are built from these. Only ticket
   * pages, never `<all_urls>`. Keep the array literal in the adapter file (see docs/architecture.md).
   */
  ticketPages: readonly string[];
  /**
   * Self-hosted helpdesk (FreeScout): no built-in host, so Rapport runs on it only where the agent
   * configured its URL pattern (options page); `matches` then checks the path alone.
   */
  selfHosted?: boolean;
  /** The adapter's CSS selectors by name, for the "Copy diagnostics" report (match counts only). */
  selectors?: Readonly<Record<string, string>>;
  /** Whether this adapter handles the page at `url` (host and path). */
  matches(url: URL): boolean;
  /**
   * The ticket's page, or undefined when `account` is not one of this helpdesk's own hosts (an
   * imported bundle must not turn "Open ticket" into a link elsewhere).
   */
  ticketUrl(account: string, ticketId: string): string | undefined;
  /**
   * A self-hosted helpdesk's ticket page under `base` (scheme, host and the path it lives under), taken
   * from the URL pattern the agent configured for it: links go only where the agent added it.
   */
  ticketUrlAt?(base: string, ticketId: string): string;
  /** The ticket with its requester (and conversation, where it comes along) from the helpdesk's API. */
  identityApi?: HelpdeskApi<string, TicketIdentity | undefined>;
  /** Past tickets of a requester (by the helpdesk's id for them) from the helpdesk's API. */
  historyApi?: HelpdeskApi<string, PastTicket[]>;
  /** Or the same from a page of the helpdesk that lists them (one of the two). */
  historyPage?: HelpdeskPage<string, PastTicket[]>;
  /**
   * The ticket the agent is looking at, or undefined when the page is not a ticket.
   * Reads the URL first; the root is there for layouts where the URL is not enough.
   */
  activeTicketId(url: URL, root: ParentNode): string | undefined;
  /**
   * Reads the ticket `ticketId` from inside its own pane only. Never throws. Times shown only as text
   * are read in `shown.timeZone` when given, else in the browser's.
   */
  read(root: ParentNode, ticketId: string, url: URL, shown?: ShownTimes): ReadResult;
  /**
   * Where the helpdesk says which time zone it writes this agent's times in, for one that shows them
   * only as text in a zone of its own setting (FreeScout: the agent's profile, UTC until they change
   * it — not the browser's): the page to ask (undefined: none on this page) and its reader.
   */
  shownTimeZone?: { url(page: URL, doc: Document): string | undefined; read(doc: Document): string | undefined };
  /** The reply composer (contenteditable) of ticket `ticketId`, or null when it is not open. */
  composer(root: ParentNode, ticketId: string): HTMLElement | null;
  /** The button that sends the reply in ticket `ticketId`'s composer, or null (the checklist records sent replies). */
  sendButton?(root: ParentNode, ticketId: string): HTMLElement | null;
  /**
   * A link the helpdesk shows after a send that takes the reply back ("Undo"), as a selector, and how
   * long after the send the helpdesk still allows it: a click on it within that time tells the
   * background the reply was not sent (its record and follow-up suggestion go).
   */
  undoSend?: { link: string; withinMs: number };
  /**
   * A control on the ticket page that sets the ticket's status and then leaves the page (FreeScout's
   * status menu opens the next conversation), so no later read of this page shows the new status: a
   * click on `link` is read as the ticket now having `status(link)` (undefined: not a status).
   */
  statusPicker?: { link: string; status(link: Element): string | undefined };
  /**
   * The status the helpdesk gives ticket `ticketId` when the reply in its composer is sent (FreeScout's
   * Status select beside Send), which the page it opens next never shows; undefined: unchanged or unknown.
   */
  statusOnSend?(root: ParentNode, ticketId: string): string | undefined;
  /** Whether a key pressed in the composer is the helpdesk's "send" shortcut (ask before sending, #16). */
  sendShortcut?(event: KeyboardEvent): boolean;
  /**
   * The page elements that show the requester's name or email (the selectors the reader uses, plus
   * where else the helpdesk shows them): presentation mode masks them on the page (#16). Each is
   * looked up in the document and in open shadow roots.
   */
  requesterOnPage?: readonly string[];
  /**
   * What the composer of ticket `ticketId` is set to write: a reply to the customer, an internal
   * note, or a forward to someone else; undefined when the page doesn't say (read as a reply). Only a
   * reply is checked, held for a must-have and recorded (lib/page/composer.ts `composerKind`).
   */
  composerWrites?(root: ParentNode, ticketId: string): ComposerKind | undefined;
  /**
   * Selectors of the helpdesk's own side panels that the agent reads beside the ticket (customer
   * context). Rapport docks beside them while the helpdesk still shows them and, where narrowing the
   * page makes the helpdesk drop them, stays a slim tab while the agent reads: measured on the page,
   * never a guessed page width (lib/page/dock.ts, lib/page/sidebar-frame.ts). Absent: Rapport always
   * docks beside.
   */
  sidePanels?: readonly string[];
}
