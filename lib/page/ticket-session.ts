/**
 * One ticket on a helpdesk page, from the moment it is active until the agent moves on
 * (lib/page/controller.ts opens one session per active ticket): reads the page, renders what it
 * found, looks the customer up in the background, asks the helpdesk's API who they are, starts the
 * ticket features, and adds and lists the customer's notes.
 *
 * The session's AbortController is a child of the page's signal: switching tickets aborts it, which
 * takes its observers, timers and pending answers with it.
 */
import { retryIds, type RetryIds } from './retry-ids';
import type { HelpdeskAdapter, ReadableField, ReadResult, ShownTimes, TicketIdentity, TicketSnapshot } from '../helpdesks/types';
import { diagnose, diagnosticsText } from '../helpdesks/diagnostics';
import { identityOf, unreadFields } from '../helpdesks/outcome';
import type { Answers, Reply, RequestOf, RequestType, TicketContext } from '../messages';
import type { Note } from '../db/types';
import type { NoteSaveResult, NoteView, SidebarState } from '../../components/model';
import { childController, debounce, later } from './lifecycle';
import type { FeatureContext, SentReply, TicketFeature } from './features';
import { composerKind, composerText } from './composer';
import { askIdentity, refineSnapshot, type IdentityDeps } from './identity';
import type { MaskedRequester } from './page-mask';

/** The controller's handle on the active ticket's session. */
export interface TicketSession {
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

/** What the controller is given that a ticket's session uses (`ControllerDeps`, ./controller.ts, adds the rest). */
export interface SessionDeps {
  adapter: HelpdeskAdapter;
  /** The configured URL pattern that brought Rapport here (options page), for diagnostics. */
  pattern?: string;
  document: Document;
  /** The page's current URL (location.href). */
  href(): string;
  request<T extends RequestType>(req: RequestOf<T>): Promise<Reply<Answers[T]>>;
  /** What capabilities do on a ticket once its customer is known (lib/page/features.ts). */
  features?: TicketFeature[];
  /** The helpdesk API call (tests pass a fake fetch); the adapter's `identityApi` says what to ask. */
  fetcher?: IdentityDeps['fetcher'];
}

/** What a session takes from the page's controller. */
export interface SessionContext {
  deps: SessionDeps;
  /** The page's signal: the session's AbortController is its child. */
  signal: AbortSignal;
  /** How long the ticket may take to render before the sidebar says what it could not read. */
  settleMs: number;
  /** Quiet time before re-reading a ticket that is already shown. */
  rereadMs: number;
  /** How the page writes times (the zone, once `deps.shownZone` says); shared with the controller. */
  shown: ShownTimes;
  /** Renders the sidebar. */
  show(state: SidebarState): void;
  /** The requester the page shows now (for the presentation mode's page mask). */
  showingRequester(who: MaskedRequester): void;
  /** The read once the page is parsed and its zone known (undefined: none to wait for); lookups wait for it. */
  parsedRead(): Promise<void> | undefined;
}

type TicketState = Extract<SidebarState, { kind: 'ticket' }>;

/** One ticket's state, shared by the session's pieces below. */
interface SessionState {
  readonly ticketId: string;
  readonly controller: AbortController;
  readonly signal: AbortSignal;
  /** The ticket had its time to render: from now on, say what is missing instead of waiting. */
  settled: boolean;
  current?: SidebarState;
  customerId?: string;
  readonly saves: RetryIds;
  identity?: string;
  snapshot?: TicketSnapshot;
  /** Features run per looked-up customer: a changed requester restarts them. */
  featureRun?: AbortController;
  snapshotListeners: ((s: TicketSnapshot) => void)[];
  /** What the helpdesk's API said about this ticket's requester (asked once the page's read is shown). */
  apiIdentity?: TicketIdentity;
  askedApi: boolean;
  /** The customer's lookup under way (again once the helpdesk's API names them): a note waits for it. */
  lookingUp?: Promise<void>;
  /** A status the agent picked that this page will not show before it leaves. */
  picked?: string;
  // The fields the last read missed. The "Copy diagnostics" report is built only when the agent
  // asks for it: counting every selector walks the whole page (shadow roots included), which must
  // not happen on every re-read of a page where a field is routinely absent (Zendesk's email).
  // One function per ticket, so an unchanged read sends the sidebar nothing new.
  unread: ReadableField[];
  readonly diagnostics: () => string;
}

/** Opens ticket `ticketId`'s session: reads it at once, and again once it had `settleMs` to render. */
export function openTicketSession(ctx: SessionContext, ticketId: string): TicketSession {
  const s = sessionState(ctx, ticketId);
  const read = () => readTicket(ctx, s);
  const poke = poker(ctx, s);
  later(
    ctx.settleMs,
    () => {
      s.settled = true;
      read();
    },
    s.signal,
  );

  read();

  return {
    ticketId,
    controller: s.controller,
    poke,
    read,
    statusPicked: (status) => pickStatus(ctx, s, status),
    state: () => s.current,
    showAllNotes: () => showAllNotes(ctx, s),
    addNote: (text) => addNote(ctx, s, text),
  };
}

function sessionState(ctx: SessionContext, ticketId: string): SessionState {
  const { deps } = ctx;
  const controller = childController(ctx.signal);
  const s: SessionState = {
    ticketId,
    controller,
    signal: controller.signal,
    settled: false,
    saves: retryIds(),
    snapshotListeners: [],
    askedApi: false,
    unread: [],
    diagnostics: () => diagnosticsText(diagnose(deps.adapter, deps.document, new URL(deps.href()), deps.pattern, s.unread)),
  };
  return s;
}

/** What to do when something on the page changed. */
function poker(ctx: SessionContext, s: SessionState): () => void {
  const reread = debounce(ctx.rereadMs, () => readTicket(ctx, s), s.signal);
  // Until the ticket is first read, every change may be the pane arriving: read on the next frame.
  let queued = false;
  return () => {
    if (s.current?.kind === 'ticket') return reread();
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      readTicket(ctx, s);
    });
  };
}

function render(ctx: SessionContext, s: SessionState, state: SidebarState): void {
  if (s.signal.aborted) return;
  s.current = state;
  ctx.show(state);
}

/** A status the agent picked (or a send set) that the page will not show: every later read says it. */
function pickStatus(ctx: SessionContext, s: SessionState, status: string): void {
  if (status === s.picked) return;
  s.picked = status;
  readTicket(ctx, s);
}

/** Reads the page and renders it; a new requester is looked up, the same one's features hear of the read. */
function readTicket(ctx: SessionContext, s: SessionState): void {
  if (s.signal.aborted) return;
  const { deps } = ctx;
  const result = refined(deps.adapter.read(deps.document, s.ticketId, new URL(deps.href()), ctx.shown), s.apiIdentity);
  const unreadable = unreadFields(result);
  if (unreadable || !result.ok) {
    renderUnread(ctx, s, unreadable);
    return;
  }
  const snapshot = s.picked ? { ...result.snapshot, status: s.picked } : result.snapshot;
  s.snapshot = snapshot;
  ctx.showingRequester(snapshot.requester);
  const previous = s.current?.kind === 'ticket' ? s.current : undefined;
  const who = identityOf(snapshot.requester);
  const sameCustomer = who === s.identity;
  renderTicket(ctx, s, snapshot, result.missing, sameCustomer ? previous : undefined);
  if (!sameCustomer) {
    lookUpNewCustomer(ctx, s, snapshot, who);
  } else if (previous) {
    for (const listener of s.snapshotListeners) listener(snapshot);
  }
}

/** No one to look up on the page: wait while the ticket may still be rendering, then say what is missing. */
function renderUnread(ctx: SessionContext, s: SessionState, unreadable: ReadableField[] | undefined): void {
  const helpdesk = ctx.deps.adapter.id;
  if (s.settled) {
    s.unread = unreadable ?? [];
    render(ctx, s, { kind: 'unreadable', helpdesk, ticketId: s.ticketId, missing: s.unread, diagnostics: s.diagnostics });
  } else if (!s.current) {
    render(ctx, s, { kind: 'waiting', helpdesk, ticketId: s.ticketId });
  }
}

/** The page's read; `kept`: what the sidebar already shows of the same customer (history, notes, panels). */
function renderTicket(ctx: SessionContext, s: SessionState, snapshot: TicketSnapshot, missing: ReadableField[], kept: TicketState | undefined): void {
  const partial = missing.some((m) => m !== 'composer');
  if (partial) s.unread = [...new Set(missing)];
  render(ctx, s, {
    kind: 'ticket',
    helpdesk: ctx.deps.adapter.id,
    ticketId: s.ticketId,
    subject: snapshot.subject,
    customer: { name: snapshot.requester.name, email: snapshot.requester.email },
    missing,
    diagnostics: partial ? s.diagnostics : undefined,
    history: kept?.history,
    notes: kept?.notes,
    notesTotal: kept?.notesTotal,
    notesTotalCapped: kept?.notesTotalCapped,
    storageError: kept?.storageError,
    panels: kept?.panels,
  });
}

/** The page shows another requester (or one at last): the last one's features stop, this one is looked up. */
function lookUpNewCustomer(ctx: SessionContext, s: SessionState, snapshot: TicketSnapshot, who: string | undefined): void {
  const previousCustomerId = s.customerId;
  s.identity = who;
  s.customerId = undefined;
  s.featureRun?.abort();
  s.snapshotListeners = [];
  s.lookingUp = lookUp(ctx, s, snapshot, who, previousCustomerId);
}

async function lookUp(ctx: SessionContext, s: SessionState, snap: TicketSnapshot, who: string | undefined, previousCustomerId?: string): Promise<void> {
  const parsedRead = ctx.parsedRead();
  if (parsedRead) await parsedRead;
  // The parsed page was read first: it looks up whoever it found there.
  if (s.signal.aborted || who !== s.identity) return;
  const latest = s.snapshot ?? snap; // the parsed page's read, when it came meanwhile
  const reply = s.apiIdentity
    ? await ctx.deps.request({ type: 'ticket.identify', snapshot: latest, previousCustomerId, profile: profileOf(s.apiIdentity) })
    : await ctx.deps.request({ type: 'ticket.open', snapshot: latest });
  if (!s.askedApi && !s.signal.aborted) {
    // After the first answer, so the sidebar shows the page's read first and a record made from
    // the name alone exists to be merged into the right one.
    s.askedApi = true;
    void identify(ctx, s);
  }
  if (s.signal.aborted || who !== s.identity || s.current?.kind !== 'ticket') return;
  showCustomer(ctx, s, s.current, reply);
}

/** The background's answer to the lookup: the customer's history and notes; then their features start. */
function showCustomer(ctx: SessionContext, s: SessionState, current: TicketState, reply: Reply<TicketContext>): void {
  if (!reply.ok) {
    render(ctx, s, { ...current, storageError: reply.error });
    return;
  }
  s.customerId = reply.data.customer.id;
  render(ctx, s, {
    ...current,
    history: reply.data.history,
    notes: reply.data.notes.map(noteView),
    notesTotal: reply.data.notesTotal,
    notesTotalCapped: reply.data.notesTotalCapped,
    storageError: reply.data.storageProblem,
  });
  startFeatures(ctx, s, reply.data);
}

/** Asks the helpdesk's API who the requester is; the answer re-reads the page with it. */
async function identify(ctx: SessionContext, s: SessionState): Promise<void> {
  const { deps } = ctx;
  const snap = s.snapshot;
  if (!snap || !deps.adapter.identityApi) return;
  const ticket = { helpdesk: snap.helpdesk, account: snap.account, ticketId: s.ticketId };
  const origin = new URL(deps.href()).origin;
  const found = await askIdentity({ adapter: deps.adapter, request: deps.request, origin, fetcher: deps.fetcher }, ticket, s.signal).catch(() => undefined);
  if (!found || s.signal.aborted) return;
  s.apiIdentity = found;
  const before = s.identity;
  readTicket(ctx, s);
  // The same customer, now with what the API added (email, profile): update their record quietly.
  if (s.identity === before && s.snapshot) void deps.request({ type: 'ticket.identify', snapshot: s.snapshot, profile: profileOf(found) });
}

function startFeatures(ctx: SessionContext, s: SessionState, ticket: FeatureContext['ticket']): void {
  const { deps } = ctx;
  if (!deps.features?.length) return;
  s.featureRun = childController(s.signal);
  const run = s.featureRun.signal;
  const sendListeners: ((sent: SentReply) => void)[] = [];
  const context = featureContext(ctx, s, ticket, run, sendListeners);
  watchSends(deps.document, deps.adapter, s.ticketId, run, (sent) => {
    for (const listener of sendListeners) listener(sent);
    // The status the helpdesk sets with this send (FreeScout's Status select), read after the
    // listeners so the reply is recorded against the ticket as it was.
    const after = deps.adapter.statusOnSend?.(deps.document, s.ticketId);
    if (after) pickStatus(ctx, s, after);
  });
  for (const feature of deps.features) {
    try {
      feature.start(context, run);
    } catch (error) {
      // One capability failing must not take the sidebar down.
      console.error(`Rapport: feature ${feature.id} failed to start`, error);
    }
  }
}

/** What the features of one looked-up customer see of the ticket, until `run` is aborted. */
function featureContext(ctx: SessionContext, s: SessionState, ticket: FeatureContext['ticket'], run: AbortSignal, sendListeners: ((sent: SentReply) => void)[]): FeatureContext {
  const { deps } = ctx;
  return {
    ticketId: s.ticketId,
    adapter: deps.adapter,
    document: deps.document,
    snapshot: () => s.snapshot!,
    shown: ctx.shown,
    ticket,
    request: deps.request,
    now: () => Date.now(),
    addToHistory(tickets, lastSeen) {
      const current = s.current;
      if (run.aborted || current?.kind !== 'ticket' || !current.history || tickets <= 0) return;
      const { history } = current;
      const latest = Math.max(history.lastSeen ?? -Infinity, lastSeen ?? -Infinity);
      render(ctx, s, { ...current, history: { ...history, ticketsSeen: history.ticketsSeen + tickets, ...(Number.isFinite(latest) ? { lastSeen: latest } : {}) } });
    },
    checkingHistory(checking) {
      const current = s.current;
      if (run.aborted || current?.kind !== 'ticket' || !current.history || Boolean(current.history.checking) === checking) return;
      render(ctx, s, { ...current, history: { ...current.history, checking } });
    },
    setPanel(key, props) {
      const current = s.current;
      if (run.aborted || current?.kind !== 'ticket') return;
      render(ctx, s, { ...current, panels: { ...current.panels, [key]: props } });
    },
    onSnapshot(listener) {
      if (!run.aborted) s.snapshotListeners.push(listener);
    },
    onSend(listener) {
      if (!run.aborted) sendListeners.push(listener);
    },
  };
}

async function showAllNotes(ctx: SessionContext, s: SessionState): Promise<void> {
  if (!s.customerId) return;
  const reply = await ctx.deps.request({ type: 'notes.list', customerId: s.customerId });
  const current = s.current;
  if (s.signal.aborted || current?.kind !== 'ticket') return;
  if (!reply.ok) render(ctx, s, { ...current, storageError: reply.error });
  else render(ctx, s, { ...current, notes: reply.data.map(noteView), notesTotal: reply.data.length, notesTotalCapped: undefined });
}

async function addNote(ctx: SessionContext, s: SessionState, text: string): Promise<NoteSaveResult> {
  // Saved while the customer is looked up again (the API's email re-keys them, seen in CI): the
  // note waits for that answer instead of asking the agent to click Save a second time.
  if (!s.customerId) await s.lookingUp?.catch(() => undefined);
  const { customerId, snapshot } = s;
  if (!customerId || !snapshot) return { ok: false, error: 'This customer is still being looked up. Try again in a moment.' };
  const reply = await ctx.deps.request({
    type: 'note.add',
    id: s.saves.idFor('note', text),
    customerId,
    ticket: { helpdesk: snapshot.helpdesk, account: snapshot.account, ticketId: s.ticketId },
    text,
  });
  if (!reply.ok) return { ok: false, error: reply.error };
  s.saves.saved('note');
  const current = s.current;
  if (!s.signal.aborted && current?.kind === 'ticket') {
    render(ctx, s, { ...current, notes: [noteView(reply.data), ...(current.notes ?? [])], notesTotal: current.notesTotalCapped ? current.notesTotal : (current.notesTotal ?? 0) + 1 });
  }
  return { ok: true };
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
    if (text) sent({ text, kind: composerKind(adapter, doc, ticketId) });
  };
  doc.addEventListener('click', onClick, { capture: true, signal });
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
