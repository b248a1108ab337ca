/**
 * Runs Rapport on one helpdesk tab: follows the active ticket through single-page navigation and,
 * per ticket, reads the page, asks the background, and renders the sidebar.
 *
 * One-way flow: page → adapter → TicketSnapshot → background → SidebarState → view.
 * Each ticket gets its own AbortController; switching tickets aborts the previous one, which takes
 * its observers, timers and pending answers with it.
 */
import { retryIds } from './retry-ids';
import type { HelpdeskAdapter, ReadableField, ReadResult, ShownTimes, TicketIdentity, TicketSnapshot } from '../helpdesks/types';
import { diagnose, diagnosticsText } from '../helpdesks/diagnostics';
import { identityOf, unreadFields } from '../helpdesks/outcome';
import type { Answers, Reply, RequestOf, RequestType } from '../messages';
import type { Note } from '../db/types';
import type { NoteSaveResult, NoteView, SidebarState } from '../../components/model';
import { childController, debounce, later, observe } from './lifecycle';
import type { FeatureContext, SentReply, TicketFeature } from './features';
import { composerText } from './composer';
import { askIdentity, refineSnapshot, type IdentityDeps } from './identity';
import { maskPage, type MaskedRequester, type PageMask } from './page-mask';
import { watchComposing } from './composing';

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

export interface ControllerDeps {
  adapter: HelpdeskAdapter;
  /** The configured URL pattern that brought Rapport here (options page), for diagnostics. */
  pattern?: string;
  document: Document;
  /** The page's current URL (location.href). */
  href(): string;
  request<T extends RequestType>(req: RequestOf<T>): Promise<Reply<Answers[T]>>;
  /** Creates the sidebar on first use; `onAddNote`/`onToggle` come back from the view. */
  createView(handlers: ViewHandlers): SidebarView;
  prefs: {
    collapsed(): Promise<boolean>;
    setCollapsed(value: boolean): Promise<void>;
    /** Presentation mode (names as initials, emails masked); optional. */
    presentation?(): Promise<boolean>;
  };
  /** What capabilities do on a ticket once its customer is known (lib/page/features.ts). */
  features?: TicketFeature[];
  /** How long a ticket may take to render before we say we couldn't read it. */
  settleMs?: number;
  /** Quiet time before re-reading a ticket that is already shown. */
  rereadMs?: number;
  /** The helpdesk API call (tests pass a fake fetch); the adapter's `identityApi` says what to ask. */
  fetcher?: IdentityDeps['fetcher'];
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

interface Session {
  ticketId: string;
  controller: AbortController;
  /** Something on the page changed. */
  poke(): void;
  /** Reads the ticket now (the page finished parsing). */
  read(): void;
  /** The agent picked this status where the page will not show it (`statusPicker`): every later read says it. */
  statusPicked(status: string): void;
  addNote(text: string): Promise<NoteSaveResult>;
  showAllNotes(): Promise<void>;
  state(): SidebarState | undefined;
}

export function startController(deps: ControllerDeps, signal: AbortSignal): Controller {
  const { adapter, document: doc } = deps;
  const settleMs = deps.settleMs ?? 4000;
  const rereadMs = deps.rereadMs ?? 250;
  let collapsed = false;
  let presentation = false;
  /** The agent is in the ticket's composer (or in the sidebar, having come from it). */
  let composing = false;
  let view: SidebarView | undefined;
  let session: Session | undefined;
  let lastHref = '';
  /** How the page writes times (the zone, once `deps.shownZone` says). */
  const shown: ShownTimes = {};

  const show = (state: SidebarState) => {
    if (signal.aborted) return;
    view ??= deps.createView({
      onAddNote: (text) => session?.addNote(text) ?? Promise.resolve({ ok: false, error: 'No ticket is open.' }),
      onToggleCollapsed: toggleCollapsed,
      onShowAllNotes: () => void session?.showAllNotes(),
    });
    view.render(state, collapsed, presentation, composing);
  };

  const hide = () => {
    view?.remove();
    view = undefined;
  };
  signal.addEventListener('abort', hide, { once: true });

  watchPageControls(doc, adapter, signal, {
    undone: (withinMs) => void deps.request({ type: 'reply.undo', withinMs }),
    statusPicked: (status) => session?.statusPicked(status),
  });

  function toggleCollapsed() {
    if (view?.toggle?.()) return;
    collapsed = !collapsed;
    void deps.prefs.setCollapsed(collapsed);
    const state = session?.state();
    if (state) show(state);
  }

  const rerender = () => {
    const state = session?.state();
    if (state) show(state);
  };
  // Presentation mode also masks the requester on the helpdesk page itself (#16, lib/page/page-mask.ts).
  let pageMask: PageMask | undefined;
  let onScreen: MaskedRequester = {};
  const syncPageMask = () => {
    if (presentation && !signal.aborted) {
      pageMask ??= maskPage(doc, adapter.requesterOnPage ?? [], onScreen);
    } else {
      pageMask?.stop();
      pageMask = undefined;
    }
  };
  const showingRequester = (who: MaskedRequester) => {
    onScreen = who;
    pageMask?.setRequester(who);
  };
  signal.addEventListener('abort', syncPageMask, { once: true });

  function setPresentation(on: boolean) {
    if (on === presentation) return;
    presentation = on;
    syncPageMask();
    rerender();
  }
  void deps.prefs.collapsed().then((value) => {
    if (value === collapsed) return;
    collapsed = value;
    rerender();
  });
  void deps.prefs.presentation?.().then(setPresentation);

  function check() {
    if (signal.aborted) return;
    const href = deps.href();
    const hrefChanged = href !== lastHref;
    lastHref = href;
    const ticketId = adapter.activeTicketId(new URL(href), doc);
    if (ticketId && ticketId === session?.ticketId) {
      session.poke();
      return;
    }
    if (!hrefChanged && !ticketId && !session) return;
    session?.controller.abort();
    session = ticketId ? openSession(ticketId) : undefined;
    if (!session) hide();
  }

  function openSession(ticketId: string): Session {
    const controller = childController(signal);
    const sessionSignal = controller.signal;
    /** The ticket had its time to render: from now on, say what is missing instead of waiting. */
    let settled = false;
    let current: SidebarState | undefined;
    let customerId: string | undefined;
    const saves = retryIds();
    let identity: string | undefined;
    let snapshot: TicketSnapshot | undefined;
    /** Features run per looked-up customer: a changed requester restarts them. */
    let featureRun: AbortController | undefined;
    let snapshotListeners: ((s: TicketSnapshot) => void)[] = [];
    /** What the helpdesk's API said about this ticket's requester (asked once the page's read is shown). */
    let apiIdentity: TicketIdentity | undefined;
    let askedApi = false;
    /** The customer's lookup under way (again once the helpdesk's API names them): a note waits for it. */
    let lookingUp: Promise<void> | undefined;
    /** A status the agent picked that this page will not show before it leaves. */
    let picked: string | undefined;
    const pickStatus = (status: string) => {
      if (status === picked) return;
      picked = status;
      read();
    };

    const render = (state: SidebarState) => {
      if (sessionSignal.aborted) return;
      current = state;
      show(state);
    };

    // The fields the last read missed. The "Copy diagnostics" report is built only when the agent
    // asks for it: counting every selector walks the whole page (shadow roots included), which must
    // not happen on every re-read of a page where a field is routinely absent (Zendesk's email).
    // One function per ticket, so an unchanged read sends the sidebar nothing new.
    let unread: ReadableField[] = [];
    const diagnostics = () => diagnosticsText(diagnose(adapter, doc, new URL(deps.href()), deps.pattern, unread));

    const read = () => {
      if (sessionSignal.aborted) return;
      const result = refined(adapter.read(doc, ticketId, new URL(deps.href()), shown), apiIdentity);
      const unreadable = unreadFields(result);
      if (unreadable || !result.ok) {
        if (settled) {
          unread = unreadable ?? [];
          render({ kind: 'unreadable', helpdesk: adapter.id, ticketId, missing: unread, diagnostics });
        } else if (!current) {
          render({ kind: 'waiting', helpdesk: adapter.id, ticketId });
        }
        return;
      }
      snapshot = picked ? { ...result.snapshot, status: picked } : result.snapshot;
      showingRequester(snapshot.requester);
      const partial = result.missing.some((m) => m !== 'composer');
      if (partial) unread = [...new Set(result.missing)];
      const previous = current?.kind === 'ticket' ? current : undefined;
      const who = identityOf(snapshot.requester);
      const sameCustomer = who === identity;
      render({
        kind: 'ticket',
        helpdesk: adapter.id,
        ticketId,
        subject: snapshot.subject,
        customer: { name: snapshot.requester.name, email: snapshot.requester.email },
        missing: result.missing,
        diagnostics: partial ? diagnostics : undefined,
        history: sameCustomer ? previous?.history : undefined,
        notes: sameCustomer ? previous?.notes : undefined,
        notesTotal: sameCustomer ? previous?.notesTotal : undefined,
        notesTotalCapped: sameCustomer ? previous?.notesTotalCapped : undefined,
        storageError: sameCustomer ? previous?.storageError : undefined,
        panels: sameCustomer ? previous?.panels : undefined,
      });
      if (!sameCustomer) {
        const previousCustomerId = customerId;
        identity = who;
        customerId = undefined;
        featureRun?.abort();
        snapshotListeners = [];
        lookingUp = lookUp(snapshot, who, previousCustomerId);
      } else if (previous) {
        for (const listener of snapshotListeners) listener(snapshot);
      }
    };

    const lookUp = async (snap: TicketSnapshot, who: string | undefined, previousCustomerId?: string) => {
      if (parsedRead) await parsedRead;
      // The parsed page was read first: it looks up whoever it found there.
      if (sessionSignal.aborted || who !== identity) return;
      const latest = snapshot ?? snap; // the parsed page's read, when it came meanwhile
      const reply = apiIdentity
        ? await deps.request({ type: 'ticket.identify', snapshot: latest, previousCustomerId, profile: profileOf(apiIdentity) })
        : await deps.request({ type: 'ticket.open', snapshot: latest });
      if (!askedApi && !sessionSignal.aborted) {
        // After the first answer, so the sidebar shows the page's read first and a record made from
        // the name alone exists to be merged into the right one.
        askedApi = true;
        void identify();
      }
      if (sessionSignal.aborted || who !== identity || current?.kind !== 'ticket') return;
      if (!reply.ok) {
        render({ ...current, storageError: reply.error });
        return;
      }
      customerId = reply.data.customer.id;
      render({
        ...current,
        history: reply.data.history,
        notes: reply.data.notes.map(noteView),
        notesTotal: reply.data.notesTotal,
        notesTotalCapped: reply.data.notesTotalCapped,
        storageError: reply.data.storageProblem,
      });
      startFeatures(reply.data);
    };

    /** Asks the helpdesk's API who the requester is; the answer re-reads the page with it. */
    const identify = async () => {
      const snap = snapshot;
      if (!snap || !adapter.identityApi) return;
      const ticket = { helpdesk: snap.helpdesk, account: snap.account, ticketId };
      const origin = new URL(deps.href()).origin;
      const found = await askIdentity({ adapter, request: deps.request, origin, fetcher: deps.fetcher }, ticket, sessionSignal).catch(() => undefined);
      if (!found || sessionSignal.aborted) return;
      apiIdentity = found;
      const before = identity;
      read();
      // The same customer, now with what the API added (email, profile): update their record quietly.
      if (identity === before && snapshot) void deps.request({ type: 'ticket.identify', snapshot, profile: profileOf(found) });
    };

    const startFeatures = (ticket: FeatureContext['ticket']) => {
      if (!deps.features?.length) return;
      featureRun = childController(sessionSignal);
      const run = featureRun.signal;
      const sendListeners: ((sent: SentReply) => void)[] = [];
      const ctx: FeatureContext = {
        ticketId,
        adapter,
        document: doc,
        snapshot: () => snapshot!,
        shown,
        ticket,
        request: deps.request,
        now: () => Date.now(),
        addToHistory(tickets, lastSeen) {
          if (run.aborted || current?.kind !== 'ticket' || !current.history || tickets <= 0) return;
          const { history } = current;
          const latest = Math.max(history.lastSeen ?? -Infinity, lastSeen ?? -Infinity);
          render({ ...current, history: { ...history, ticketsSeen: history.ticketsSeen + tickets, ...(Number.isFinite(latest) ? { lastSeen: latest } : {}) } });
        },
        checkingHistory(checking) {
          if (run.aborted || current?.kind !== 'ticket' || !current.history || Boolean(current.history.checking) === checking) return;
          render({ ...current, history: { ...current.history, checking } });
        },
        setPanel(key, props) {
          if (run.aborted || current?.kind !== 'ticket') return;
          render({ ...current, panels: { ...current.panels, [key]: props } });
        },
        onSnapshot(listener) {
          if (!run.aborted) snapshotListeners.push(listener);
        },
        onSend(listener) {
          if (!run.aborted) sendListeners.push(listener);
        },
      };
      watchSends(doc, adapter, ticketId, run, (sent) => {
        for (const listener of sendListeners) listener(sent);
        // The status the helpdesk sets with this send (FreeScout's Status select), read after the
        // listeners so the reply is recorded against the ticket as it was.
        const after = adapter.statusOnSend?.(doc, ticketId);
        if (after) pickStatus(after);
      });
      for (const feature of deps.features) {
        try {
          feature.start(ctx, run);
        } catch (error) {
          // One capability failing must not take the sidebar down.
          console.error(`Rapport: feature ${feature.id} failed to start`, error);
        }
      }
    };

    const reread = debounce(rereadMs, read, sessionSignal);
    // Until the ticket is first read, every change may be the pane arriving: read on the next frame.
    let queued = false;
    const poke = () => {
      if (current?.kind === 'ticket') return reread();
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        read();
      });
    };
    later(
      settleMs,
      () => {
        settled = true;
        read();
      },
      sessionSignal,
    );

    read();

    return {
      ticketId,
      controller,
      poke,
      read,
      statusPicked: pickStatus,
      state: () => current,
      async showAllNotes() {
        if (!customerId) return;
        const reply = await deps.request({ type: 'notes.list', customerId });
        if (sessionSignal.aborted || current?.kind !== 'ticket') return;
        if (!reply.ok) render({ ...current, storageError: reply.error });
        else render({ ...current, notes: reply.data.map(noteView), notesTotal: reply.data.length, notesTotalCapped: undefined });
      },
      async addNote(text) {
        // Saved while the customer is looked up again (the API's email re-keys them, seen in CI): the
        // note waits for that answer instead of asking the agent to click Save a second time.
        if (!customerId) await lookingUp?.catch(() => undefined);
        if (!customerId || !snapshot) return { ok: false, error: 'This customer is still being looked up. Try again in a moment.' };
        const reply = await deps.request({
          type: 'note.add',
          id: saves.idFor('note', text),
          customerId,
          ticket: { helpdesk: snapshot.helpdesk, account: snapshot.account, ticketId },
          text,
        });
        if (!reply.ok) return { ok: false, error: reply.error };
        saves.saved('note');
        if (!sessionSignal.aborted && current?.kind === 'ticket') {
          render({ ...current, notes: [noteView(reply.data), ...(current.notes ?? [])], notesTotal: current.notesTotalCapped ? current.notesTotal : (current.notesTotal ?? 0) + 1 });
        }
        return { ok: true };
      },
    };
  }

  // Navigation: the Navigation API where it exists (Chromium), popstate for back/forward, and a
  // MutationObserver for everything else — SPAs re-render when they navigate, and Zendesk marks the
  // active tab with attributes. The callback costs one string comparison per mutation batch.
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('currententrychange', check, { signal });
  addEventListener('popstate', check, { signal });
  observe(
    doc.documentElement,
    { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-current', 'data-entity-is-selected', 'data-is-active'] },
    (records) => {
      // The agent typing in the composer changes neither the ticket nor what we read from it:
      // skip those batches instead of re-reading the whole ticket after every pause in typing.
      if (!records.every(insideEditor)) check();
    },
    signal,
  );

  watchComposer();
  // The whole page is there now, and the zone its times are written in known: read it at once (a
  // debounced re-read would wait for quiet). Lookups wait for this read (declared before the first
  // check(), which is what opens a session).
  const onTicket = deps.shownZone && adapter.activeTicketId(new URL(deps.href()), doc) !== undefined;
  const zoneKnown = onTicket ? deps.shownZone!().then((timeZone) => void (shown.timeZone = timeZone)).catch(() => undefined) : undefined;
  const ready = deps.parsed || zoneKnown ? Promise.all([deps.parsed, zoneKnown]) : undefined;
  const parsedRead = ready?.then(() => (session ? session.read() : check()));
  check();
  return { toggleCollapsed, check, setPresentation };

  function watchComposer() {
    watchComposing({
      doc,
      signal,
      inComposer: (element) => !!session && !!adapter.composer(doc, session.ticketId)?.contains(element),
      current: () => composing,
      onChange: (value) => {
        composing = value;
        rerender();
      },
    });
  }
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

/**
 * The agent sends from ticket `ticketId`'s composer (a click on the helpdesk's send button, with text
 * in the composer): one listener for every feature, in the capture phase, so the text is read before
 * the helpdesk empties the composer.
 */
function watchSends(doc: Document, adapter: HelpdeskAdapter, ticketId: string, signal: AbortSignal, sent: (reply: SentReply) => void): void {
  const onClick = (event: Event) => {
    const button = adapter.sendButton?.(doc, ticketId);
    const target = event.target as Node | null;
    if (!button || !target || !button.contains(target)) return;
    const editor = adapter.composer(doc, ticketId);
    const text = editor ? composerText(editor) : '';
    if (text) sent({ text, internal: adapter.composerIsInternal?.(doc, ticketId) ?? false });
  };
  doc.addEventListener('click', onClick, { capture: true, signal });
}

/** A mutation inside a rich-text editor (the reply composer). */
function insideEditor(record: MutationRecord): boolean {
  const node = record.target;
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!element?.closest('[contenteditable="true"]');
}

/** The page's read with what the helpdesk's API said; fields the API gave are no longer missing. */
function refined(result: ReadResult, api: TicketIdentity | undefined): ReadResult {
  if (!result.ok || !api) return result;
  const snapshot = refineSnapshot(result.snapshot, api);
  const has = { 'requester-name': snapshot.requester.name, 'requester-email': snapshot.requester.email } as Record<string, unknown>;
  return { ...result, snapshot, missing: result.missing.filter((field) => !(field in has) || !has[field]) };
}

/** The profile fields the helpdesk's API knows (filled in only where the agent has entered nothing). */
function profileOf(api: TicketIdentity) {
  const { timeZone, locale: language, organization } = api.requester;
  const profile = Object.fromEntries(Object.entries({ timeZone, language, organization }).filter(([, v]) => v));
  return Object.keys(profile).length ? profile : undefined;
}

export function noteView(note: Note): NoteView {
  return {
    id: note.id,
    text: note.text,
    tags: note.tags,
    createdAt: note.createdAt,
    ticketLabel: note.ticket ? `#${note.ticket.ticketId}` : undefined,
  };
}
