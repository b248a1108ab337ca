/**
 * Runs Rapport on one helpdesk tab: follows the active ticket through single-page navigation and,
 * per ticket, reads the page, asks the background, and renders the sidebar.
 *
 * One-way flow: page → adapter → TicketSnapshot → background → SidebarState → view.
 * Each ticket gets its own session (./ticket-session.ts) with its own AbortController; switching
 * tickets aborts the previous one, which takes its observers, timers and pending answers with it.
 * This module keeps what outlives a ticket: the view, collapsed and presentation mode (with its page
 * mask), and the watchers that notice navigation.
 */
import type { HelpdeskAdapter, ShownTimes } from '../helpdesks/types';
import type { NoteSaveResult, SidebarState } from '../../components/model';
import { observe } from './lifecycle';
import { maskPage, type MaskedRequester, type PageMask } from './page-mask';
import { watchComposing } from './composing';
import { composerKind } from './composer';
import { openTicketSession, type SessionContext, type SessionDeps, type TicketSession } from './ticket-session';

export { noteView } from './ticket-session';

export interface SidebarView {
  /** `collapsed`: the agent's choice; `composing`: the agent is in this ticket's composer. */
  render(state: SidebarState, collapsed: boolean, presentation: boolean, composing?: boolean): void;
  /** A toggle the view handles itself (opening a tab it collapsed on its own); false: not handled. */
  toggle?(): boolean;
  remove(): void;
}

export interface ViewHandlers {
  onAddNote(text: string): Promise<NoteSaveResult>;
  onToggleCollapsed(): void;
  onShowAllNotes(): void;
}

/** What the controller is given; the part a ticket's session uses too is `SessionDeps` (./ticket-session.ts). */
export interface ControllerDeps extends SessionDeps {
  /** Creates the sidebar on first use; `onAddNote`/`onToggle` come back from the view. */
  createView(handlers: ViewHandlers): SidebarView;
  prefs: {
    collapsed(): Promise<boolean>;
    setCollapsed(value: boolean): Promise<void>;
    /** Presentation mode (names as initials, emails masked); optional. */
    presentation?(): Promise<boolean>;
  };
  /** How long a ticket may take to render before we say we couldn't read it. */
  settleMs?: number;
  /** Quiet time before re-reading a ticket that is already shown. */
  rereadMs?: number;
  /**
   * Asks which time zone the helpdesk writes this agent's times in (lib/page/shown-zone.ts), where it
   * says; undefined: the browser's. Asked only on a page that opens on a ticket, and the customer is
   * looked up once it is known, so no time is stored wrong.
   */
  shownZone?: () => Promise<string | undefined>;
  /**
   * Resolves once the page's HTML is parsed (DOMContentLoaded); absent: it is. Until then the
   * sidebar already shows what the page has parsed so far (a server-rendered ticket's header comes
   * long before the page's scripts have run), but the customer is looked up only in the whole DOM:
   * an email further down must not first create a record keyed by the name alone.
   */
  parsed?: Promise<void>;
}

export interface Controller {
  toggleCollapsed(): void;
  /** Presentation mode changed (popup toggle). */
  setPresentation(on: boolean): void;
  /** Re-checks which ticket is active now (also called by the navigation watchers). */
  check(): void;
}

/** The controller's state on one page, shared by the pieces below. */
interface PageState {
  readonly deps: ControllerDeps;
  readonly signal: AbortSignal;
  readonly settleMs: number;
  readonly rereadMs: number;
  /** How the page writes times (the zone, once `deps.shownZone` says). */
  readonly shown: ShownTimes;
  collapsed: boolean;
  presentation: boolean;
  /** The agent is in the ticket's composer (or in the sidebar, having come from it). */
  composing: boolean;
  view?: SidebarView;
  session?: TicketSession;
  lastHref: string;
  pageMask?: PageMask;
  onScreen: MaskedRequester;
  /** The read once the page is parsed and its zone known: lookups wait for it. */
  parsedRead?: Promise<void>;
}

export function startController(deps: ControllerDeps, signal: AbortSignal): Controller {
  const page: PageState = {
    deps,
    signal,
    settleMs: deps.settleMs ?? 4000,
    rereadMs: deps.rereadMs ?? 250,
    shown: {},
    collapsed: false,
    presentation: false,
    composing: false,
    lastHref: '',
    onScreen: {},
  };
  signal.addEventListener('abort', () => hide(page), { once: true });
  watchPageControls(deps.document, deps.adapter, signal, {
    undone: (withinMs) => void deps.request({ type: 'reply.undo', withinMs }),
    statusPicked: (status) => page.session?.statusPicked(status),
  });
  signal.addEventListener('abort', () => syncPageMask(page), { once: true });
  loadPrefs(page);
  watchNavigation(page);
  watchComposer(page);
  // Lookups wait for this read: set before the first check(), which is what opens a session.
  page.parsedRead = readOnceParsed(page);
  check(page);
  return {
    toggleCollapsed: () => toggleCollapsed(page),
    check: () => check(page),
    setPresentation: (on) => setPresentation(page, on),
  };
}

function show(page: PageState, state: SidebarState): void {
  if (page.signal.aborted) return;
  page.view ??= page.deps.createView({
    onAddNote: (text) => page.session?.addNote(text) ?? Promise.resolve({ ok: false, error: 'No ticket is open.' }),
    onToggleCollapsed: () => toggleCollapsed(page),
    onShowAllNotes: () => void page.session?.showAllNotes(),
  });
  page.view.render(state, page.collapsed, page.presentation, page.composing);
}

function hide(page: PageState): void {
  page.view?.remove();
  page.view = undefined;
}

function rerender(page: PageState): void {
  const state = page.session?.state();
  if (state) show(page, state);
}

function toggleCollapsed(page: PageState): void {
  if (page.view?.toggle?.()) return;
  page.collapsed = !page.collapsed;
  void page.deps.prefs.setCollapsed(page.collapsed);
  rerender(page);
}

/** The agent's choices kept from earlier: the sidebar collapsed, presentation mode. */
function loadPrefs(page: PageState): void {
  void page.deps.prefs.collapsed().then((value) => {
    if (value === page.collapsed) return;
    page.collapsed = value;
    rerender(page);
  });
  void page.deps.prefs.presentation?.().then((on) => setPresentation(page, on));
}

function setPresentation(page: PageState, on: boolean): void {
  if (on === page.presentation) return;
  page.presentation = on;
  syncPageMask(page);
  rerender(page);
}

// Presentation mode also masks the requester on the helpdesk page itself (#16, lib/page/page-mask.ts).
function syncPageMask(page: PageState): void {
  if (page.presentation && !page.signal.aborted) {
    page.pageMask ??= maskPage(page.deps.document, page.deps.adapter.requesterOnPage ?? [], page.onScreen);
  } else {
    page.pageMask?.stop();
    page.pageMask = undefined;
  }
}

function showingRequester(page: PageState, who: MaskedRequester): void {
  page.onScreen = who;
  page.pageMask?.setRequester(who);
}

/** Which ticket is active now: the same one is poked, another gets a new session (the last one's is aborted). */
function check(page: PageState): void {
  const { deps, signal } = page;
  if (signal.aborted) return;
  const href = deps.href();
  const hrefChanged = href !== page.lastHref;
  page.lastHref = href;
  const ticketId = deps.adapter.activeTicketId(new URL(href), deps.document);
  if (ticketId && ticketId === page.session?.ticketId) {
    page.session.poke();
    return;
  }
  if (!hrefChanged && !ticketId && !page.session) return;
  page.session?.controller.abort();
  page.session = ticketId ? openTicketSession(sessionContext(page), ticketId) : undefined;
  if (!page.session) hide(page);
}

function sessionContext(page: PageState): SessionContext {
  return {
    deps: page.deps,
    signal: page.signal,
    settleMs: page.settleMs,
    rereadMs: page.rereadMs,
    shown: page.shown,
    show: (state) => show(page, state),
    showingRequester: (who) => showingRequester(page, who),
    parsedRead: () => page.parsedRead,
  };
}

// Navigation: the Navigation API where it exists (Chromium), popstate for back/forward, and a
// MutationObserver for everything else — SPAs re-render when they navigate, and Zendesk marks the
// active tab with attributes. The callback costs one string comparison per mutation batch.
function watchNavigation(page: PageState): void {
  const { signal } = page;
  const recheck = () => check(page);
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('currententrychange', recheck, { signal });
  addEventListener('popstate', recheck, { signal });
  observe(
    page.deps.document.documentElement,
    { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-current', 'data-entity-is-selected', 'data-is-active'] },
    (records) => {
      // The agent typing in the composer changes neither the ticket nor what we read from it:
      // skip those batches instead of re-reading the whole ticket after every pause in typing.
      if (!records.every(insideEditor)) recheck();
    },
    signal,
  );
}

function watchComposer(page: PageState): void {
  const { adapter, document: doc } = page.deps;
  watchComposing({
    doc,
    signal: page.signal,
    // Writing a reply: a note or a forward keeps the customer's card open (the checklist checks neither).
    inComposer: (element) => !!page.session && !!adapter.composer(doc, page.session.ticketId)?.contains(element) && composerKind(adapter, doc, page.session.ticketId) === 'reply',
    current: () => page.composing,
    onChange: (value) => {
      page.composing = value;
      rerender(page);
    },
  });
}

/**
 * The whole page is there now, and the zone its times are written in known: read it at once (a
 * debounced re-read would wait for quiet). Undefined when there is nothing to wait for.
 */
function readOnceParsed(page: PageState): Promise<void> | undefined {
  const { deps, shown } = page;
  const onTicket = deps.shownZone && deps.adapter.activeTicketId(new URL(deps.href()), deps.document) !== undefined;
  const zoneKnown = onTicket ? deps.shownZone!().then((timeZone) => void (shown.timeZone = timeZone)).catch(() => undefined) : undefined;
  const ready = deps.parsed || zoneKnown ? Promise.all([deps.parsed, zoneKnown]) : undefined;
  return ready?.then(() => (page.session ? page.session.read() : check(page)));
}

/**
 * Clicks on the helpdesk's own controls whose effect the next page never shows, seen before the
 * helpdesk's handlers run: a send it takes back ("Undo" in its notice, often on the next page) is not
 * a sent reply (`undoSend`); a status picked in a menu that then leaves the ticket is the ticket's
 * status (`statusPicker`).
 */
function watchPageControls(doc: Document, adapter: HelpdeskAdapter, signal: AbortSignal, on: { undone(withinMs: number): void; statusPicked(status: string): void }): void {
  const { undoSend: undo, statusPicker: picker } = adapter;
  if (!undo && !picker) return;
  const onClick = (event: Event) => {
    const target = event.target as Element | null;
    if (undo && target?.closest?.(undo.link)) on.undone(undo.withinMs);
    const link = picker && target?.closest?.(picker.link);
    const status = link ? picker.status(link) : undefined;
    if (status) on.statusPicked(status);
  };
  doc.addEventListener('click', onClick, { capture: true, signal });
}

/** A mutation inside a rich-text editor (the reply composer). */
function insideEditor(record: MutationRecord): boolean {
  const node = record.target;
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!element?.closest('[contenteditable="true"]');
}
