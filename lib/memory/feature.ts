/**
 * Customer memory on the ticket page (issue #3): cues, open promises, "last time", profile, facts,
 * timeline and follow-ups. Asks the background for `memory.context`, shows it with
 * `ctx.setPanel('memory', …)` and refreshes after every action. Also:
 *  - fetches past tickets from the helpdesk's own API (same origin) when the background says it's due;
 *  - notices a sent reply (click on the send button) and suggests follow-ups for its commitments;
 *  - quick capture: a "Save as fact" button near a text selection, and the context-menu entry.
 * Everything is bound to the feature's AbortSignal.
 */
import { LIMITS } from '../schema';
import { agentTimeZone } from '../../components/intl';
import { browser } from 'wxt/browser';
import type { TicketFeature, FeatureContext } from '../page/features';
import type { CustomerProfile, Note, TicketRef } from '../db/types';
import type { TicketSnapshot } from '../helpdesks/types';
import { cueKey, type ActionResult, type Conflict, type MemoryActions, type MemoryPanelProps } from '../../components/memory/model';
import type { FollowUpSuggestion, MemoryContext } from './messages';
import { fetchHistory, hasHistory } from './history-api';
import { childController, later } from '../page/lifecycle';
import { PROFILE_KEYS } from './profile';
import { retryIds, type RetryIds } from '../page/retry-ids';
import type { CaptureFactMessage } from './fact-menu';

export const API_PROBLEM = "Local history only — the helpdesk's API didn't answer.";

const profileOf = (c: CustomerProfile): CustomerProfile => {
  const out: CustomerProfile = {};
  for (const key of PROFILE_KEYS) if (c[key] !== undefined) (out as Record<string, unknown>)[key] = c[key];
  return out;
};

export const memoryFeature: TicketFeature = {
  id: 'memory',
  start(ctx, signal) {
    startMemory(ctx, signal);
  },
};

/** The memory panel on one ticket: what it shows and what it waits for; shared by the steps below. */
interface Memory {
  readonly ctx: FeatureContext;
  readonly signal: AbortSignal;
  /** The ticket as first read. */
  readonly first: TicketSnapshot;
  readonly ticket: TicketRef;
  customerId: string;
  context: MemoryContext | undefined;
  error: string | undefined;
  apiProblem: string | undefined;
  suggestions: FollowUpSuggestion[] | undefined;
  conflict: Conflict | undefined;
  /** Version of "their" profile in a conflict: "keep mine" saves against it. */
  theirsVersion: number;
  /** Client ids for retried saves (#15): a retry after "Couldn't save" stores the row once. */
  readonly saves: RetryIds;
  /** Cues marked "not right" on this ticket (`cueKey`): a cue re-worded by new facts re-arms. */
  readonly disputedCues: Set<string>;
  /** The panel's actions (`memoryActions`): one object for every render. */
  readonly actions: MemoryActions;
}

function startMemory(ctx: FeatureContext, signal: AbortSignal): void {
  const first = ctx.snapshot();
  const m: Memory = {
    ctx, signal, first,
    ticket: { helpdesk: first.helpdesk, account: first.account, ticketId: first.ticketId },
    customerId: ctx.ticket.customer.id,
    context: undefined, error: undefined, apiProblem: undefined, suggestions: undefined, conflict: undefined,
    theirsVersion: 0,
    saves: retryIds(),
    disputedCues: new Set<string>(),
    get actions() {
      return actions; // made just below, before anything renders
    },
  };
  const actions = memoryActions(m);
  recordStatusChanges(m);

  // -- A sent reply: suggest follow-ups for its commitments, here and on the next page ------------
  offerFollowUps(ctx, signal, () => ({ customerId: m.customerId, ticket: m.ticket }), (found) => {
    // A reply's own suggestions replace what was shown; those kept from a page since left are added once.
    const shown = new Set((m.suggestions ?? []).map((s) => s.id));
    m.suggestions = found.replaced ? found.list : [...(m.suggestions ?? []), ...found.list.filter((s) => !shown.has(s.id))];
    render(m);
  });

  captureFacts(m);

  // `ticket.open` brought the first answer along; ask only if it did not.
  if (ctx.ticket.memory) {
    show(m, { ok: true, data: ctx.ticket.memory });
    void loadApiHistory(m);
  } else {
    render(m);
    void refresh(m).then(() => loadApiHistory(m));
  }
}

function render(m: Memory): void {
  if (m.signal.aborted) return;
  const { context, error, apiProblem, suggestions, ticket, conflict, actions } = m;
  const props: MemoryPanelProps = { context, error, apiProblem, suggestions, ticket, conflict, now: m.ctx.now(), actions, disputedCues: [...m.disputedCues] };
  m.ctx.setPanel('memory', props);
}

function show(m: Memory, reply: { ok: true; data: MemoryContext } | { ok: false; error: string }): void {
  if (m.signal.aborted) return;
  if (reply.ok) {
    m.context = reply.data;
    m.customerId = reply.data.customer.id;
    m.error = undefined;
    if (m.context.api && !m.context.api.ok && !m.apiProblem) m.apiProblem = API_PROBLEM;
  } else {
    m.error = reply.error;
  }
  render(m);
}

const refresh = async (m: Memory) => show(m, await m.ctx.request({ type: 'memory.context', customerId: m.customerId, ticket: m.ticket }));

/** Runs a request; on success refreshes the panel. Errors come back for the form to show. */
async function act(m: Memory, work: Promise<{ ok: true } | { ok: false; error: string }>): Promise<ActionResult> {
  const reply = await work;
  if (!reply.ok) return { ok: false, error: reply.error };
  await refresh(m);
  return { ok: true };
}

async function saved(m: Memory, kind: string, result: Promise<ActionResult>): Promise<ActionResult> {
  const answer = await result;
  if (answer.ok) m.saves.saved(kind);
  return answer;
}

function memoryActions(m: Memory): MemoryActions {
  const { ctx, ticket, saves } = m;
  return {
    saveProfile: (profile) => saveProfile(m, profile, m.context?.customer.version ?? 1),
    resolveConflict: (choice) => resolveConflict(m, choice),
    addFact: (text, mentionNext) => saved(m, 'fact', act(m, ctx.request({ type: 'memory.fact.add', id: saves.idFor('fact', text), customerId: m.customerId, text, source: ticket, mentionNext }))),
    flagFact: (factId, mentionNext) => act(m, ctx.request({ type: 'memory.fact.flag', factId, mentionNext })),
    factMentioned: (factId) => act(m, ctx.request({ type: 'memory.fact.mentioned', factId })),
    addFollowUp: (text, dueAt) =>
      saved(m, 'followUp', act(m, ctx.request({ type: 'memory.followup.add', id: saves.idFor('followUp', `${dueAt}\u0000${text}`), customerId: m.customerId, ticket, text, dueAt, origin: 'manual' }))),
    doneFollowUp: (followUpId) => act(m, ctx.request({ type: 'memory.followup.done', followUpId })),
    acceptSuggestion: (s) => acceptSuggestion(m, s),
    dismissSuggestions() {
      const ids = (m.suggestions ?? []).flatMap((s) => (s.id ? [s.id] : []));
      if (ids.length) void ctx.request({ type: 'memory.followup.settle', ids });
      m.suggestions = undefined;
      render(m);
    },
    editNote: (note, text) => editNote(m, note, text),
    pinNote: (note, pinned) => act(m, ctx.request({ type: 'memory.note.pin', noteId: note.id, pinned })),
    async search(query) {
      const reply = await ctx.request({ type: 'memory.search', query });
      return reply.ok ? reply.data : [];
    },
    async findCustomers(query) {
      const reply = await ctx.request({ type: 'memory.customer.find', query });
      return reply.ok ? reply.data.filter((c) => c.id !== m.customerId) : [];
    },
    merge: (otherId) => act(m, ctx.request({ type: 'memory.merge', survivorId: m.customerId, mergedId: otherId })),
    undoMerge: (mergeId) => act(m, ctx.request({ type: 'memory.merge.undo', mergeId })),
    async disputeCue(cue) {
      const reply = await ctx.request({ type: 'verdict.dispute', kind: 'cue', rule: cue.id, verdict: 'shown', why: cue.reason.slice(0, 500), evidence: [], customerId: m.customerId, ticket });
      if (!reply.ok) return { ok: false, error: reply.error };
      m.disputedCues.add(cueKey(cue));
      render(m);
      return { ok: true };
    },
  };
}

async function saveProfile(m: Memory, profile: CustomerProfile, version: number): Promise<ActionResult> {
  const reply = await m.ctx.request({ type: 'memory.profile.save', customerId: m.customerId, version, profile });
  if (!reply.ok) return { ok: false, error: reply.error };
  if (reply.data.saved) {
    m.conflict = undefined;
    await refresh(m);
    return { ok: true };
  }
  m.theirsVersion = reply.data.theirs.version ?? 1;
  m.conflict = { kind: 'profile', theirs: profileOf(reply.data.theirs), mine: profile };
  render(m);
  return { ok: true };
}

async function resolveConflict(m: Memory, choice: 'theirs' | 'mine' | 'both'): Promise<ActionResult> {
  const c = m.conflict;
  if (!c) return { ok: true };
  if (choice === 'theirs') {
    m.conflict = undefined;
    await refresh(m);
    return { ok: true };
  }
  if (c.kind === 'profile') {
    if (choice === 'mine') return saveProfile(m, c.mine, m.theirsVersion);
    m.conflict = undefined;
    return act(m, m.ctx.request({ type: 'memory.profile.save', customerId: m.customerId, version: m.theirsVersion, profile: c.mine, keepBoth: true }));
  }
  m.conflict = undefined;
  if (choice === 'both') return act(m, m.ctx.request({ type: 'note.add', customerId: m.customerId, ticket: m.ticket, text: c.mine }));
  const note = m.context?.timeline.find((e) => e.kind === 'note' && e.note.id === c.noteId);
  const fresh = note?.kind === 'note' ? note.note : undefined;
  return m.actions.editNote(fresh ?? ({ id: c.noteId, version: m.theirsVersion } as Note), c.mine);
}

async function editNote(m: Memory, note: Note, text: string): Promise<ActionResult> {
  const reply = await m.ctx.request({ type: 'memory.note.edit', noteId: note.id, version: note.version ?? 1, text });
  if (!reply.ok) return { ok: false, error: reply.error };
  if (!reply.data.saved) {
    m.theirsVersion = reply.data.theirs.version ?? 1;
    m.conflict = { kind: 'note', noteId: note.id, theirs: reply.data.theirs.text, mine: text };
    await refresh(m);
    return { ok: true };
  }
  m.conflict = undefined;
  await refresh(m);
  return { ok: true };
}

async function acceptSuggestion(m: Memory, s: FollowUpSuggestion): Promise<ActionResult> {
  // The follow-up belongs to the reply's customer and ticket, whichever page shows it.
  const result = await act(m, m.ctx.request({ type: 'memory.followup.add', customerId: s.from?.customerId ?? m.customerId, ticket: s.from?.ticket ?? m.ticket, text: s.text, dueAt: s.dueAt, origin: 'reply' }));
  if (result.ok) {
    // `s` may be a copy (it came back from the sidebar frame): compare what it says.
    m.suggestions = m.suggestions?.filter((x) => x.text !== s.text || x.dueAt !== s.dueAt);
    if (!m.suggestions?.length) m.suggestions = undefined;
    if (s.id) void m.ctx.request({ type: 'memory.followup.settle', ids: [s.id] });
    render(m);
  }
  return result;
}

/** Helpdesk API history: the requester's past tickets, when the background says a fetch is due. */
async function loadApiHistory(m: Memory): Promise<void> {
  const { ctx, signal, ticket } = m;
  const externalId = m.first.requester.externalId;
  if (!externalId || !hasHistory(ticket.helpdesk)) return;
  const due = await ctx.request({ type: 'memory.history.due', helpdesk: ticket.helpdesk, account: ticket.account, externalId });
  if (signal.aborted || !due.ok || !due.data.due) return;
  // Until the answer is in, the visit line says "Checking…" rather than a "First time" it may undo.
  ctx.checkingHistory(true);
  try {
    const outcome = await recordApiHistory(ctx, signal, { ticket, customerId: m.customerId }, externalId);
    if (outcome) m.apiProblem = outcome.ok ? undefined : API_PROBLEM;
  } finally {
    ctx.checkingHistory(false);
  }
  await refresh(m);
}

/** Status changes: record the outcome when the ticket is solved while open. */
function recordStatusChanges(m: Memory): void {
  let seen = `${m.first.status}|${m.first.messages.length}`;
  m.ctx.onSnapshot((snapshot) => {
    const now = `${snapshot.status}|${snapshot.messages.length}`;
    if (now === seen) return;
    seen = now;
    void m.ctx.request({ type: 'ticket.open', snapshot }).then((reply) => (reply.ok && reply.data.memory ? show(m, { ok: true, data: reply.data.memory }) : refresh(m)));
  });
}

/** Quick capture: "Save as fact" near a selection, and the context menu. */
function captureFacts(m: Memory): void {
  const { ctx, signal, actions } = m;
  watchSelection(ctx.document, signal, (text) => actions.addFact(text, false));
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const msg = message as CaptureFactMessage | undefined;
    if (msg?.type === 'memory.capture' && typeof msg.text === 'string' && msg.text.trim()) void actions.addFact(msg.text.trim().slice(0, 1000), false);
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
}

/**
 * A small "Save as fact" button next to text the agent selects in the conversation (not in the
 * composer; the sidebar is a frame of its own). Built with DOM calls and textContent only. It lives
 * on the helpdesk page, so (issue #15) it shows no customer data, only its own words ("Save as
 * fact", "Saved ✓", an error) — its shadow root can stay open, as tests need — and it acts on
 * trusted events only: a page script's synthetic mouseup or `button.click()` neither shows it nor
 * saves anything.
 */
function watchSelection(doc: Document, signal: AbortSignal, save: (text: string) => Promise<ActionResult>): void {
  let host: HTMLElement | undefined;
  /** Aborted with the button: Escape and scrolling are listened to only while it is shown. */
  let shown: AbortController | undefined;
  const remove = () => {
    shown?.abort();
    shown = undefined;
    host?.remove();
    host = undefined;
  };
  signal.addEventListener('abort', remove, { once: true });

  const show = (shadowRoots: ShadowRoot[]) => {
    const selection = doc.getSelection();
    const text = selection?.toString().trim() ?? '';
    if (!selection || selection.rangeCount === 0 || text.length < 3 || text.length > 1000) return remove();
    const range = selectedRange(doc, selection, shadowRoots);
    if (!range || within(startNode(range), 'rapport-sidebar, [contenteditable="true"], textarea, input')) return remove();
    const rect = range.getBoundingClientRect();
    remove();
    host = doc.createElement('rapport-capture');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = `button{all:initial;font:600 12px/1 system-ui,sans-serif;background:#0f6e66;color:#fff;padding:6px 10px;border-radius:6px;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.2)}button:focus-visible{outline:2px solid #0b524c;outline-offset:2px}`;
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = 'Save as fact';
    button.dataset.testid = 'capture-fact';
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', (e) => {
      if (!e.isTrusted || button.disabled) return;
      button.disabled = true;
      void save(text).then((result) => {
        button.textContent = result.ok ? 'Saved ✓' : result.error;
        later(result.ok ? 1200 : 4000, remove, signal);
      });
    });
    shadow.append(style, button);
    Object.assign(host.style, {
      position: 'fixed',
      zIndex: '2147483001',
      top: `${Math.max(4, rect.top - 34)}px`,
      left: `${Math.max(4, Math.min(rect.left, (doc.defaultView?.innerWidth ?? 800) - 460))}px`,
    });
    doc.documentElement.append(host);
    shown = childController(signal);
    doc.addEventListener('keydown', (e) => e.key === 'Escape' && remove(), { signal: shown.signal });
    doc.addEventListener('scroll', remove, { capture: true, passive: true, signal: shown.signal });
    // The agent went on in the sidebar frame (its events never reach this page, but the page loses focus).
    doc.defaultView?.addEventListener('blur', remove, { signal: shown.signal });
  };

  // Open shadow roots the selection may be in (a helpdesk's custom elements): where the drag
  // started and where it ended.
  let downRoots: ShadowRoot[] = [];
  doc.addEventListener('mousedown', (event) => event.isTrusted && (downRoots = shadowRootsOf(event)), { capture: true, signal });
  doc.addEventListener(
    'mouseup',
    (event) => {
      if (!event.isTrusted || (event.target as Element | null)?.closest?.('rapport-capture')) return;
      const roots = [...new Set([...downRoots, ...shadowRootsOf(event)])];
      later(0, () => show(roots), signal);
    },
    { capture: true, signal },
  );
}

const shadowRootsOf = (event: Event): ShadowRoot[] =>
  event.composedPath().filter((n): n is ShadowRoot => (n as Node).nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in n);

/**
 * The selection with its real ends. `document.getSelection()` moves a selection made inside a shadow
 * root (Freshdesk's 2026 description) out to the shadow host's parent, so its anchor
 * is `<html>` and its box empty; `getComposedRanges` with those roots gives the text's own nodes.
 */
function selectedRange(doc: Document, selection: Selection, shadowRoots: ShadowRoot[]): Range | undefined {
  try {
    const [composed] = selection.getComposedRanges?.({ shadowRoots }) ?? [];
    if (composed) {
      const range = doc.createRange();
      range.setStart(composed.startContainer, composed.startOffset);
      range.setEnd(composed.endContainer, composed.endOffset);
      return range;
    }
  } catch {
    // An engine without the options form: fall back to the plain range.
  }
  return selection.rangeCount ? selection.getRangeAt(0) : undefined;
}

/** Where a range starts; at an element boundary, the node after it (for a plain range of a shadow
 * selection, left at the host's parent, that is the host). */
const startNode = (range: Range): Node => range.startContainer.childNodes[range.startOffset] ?? range.startContainer;

/** `closest` that also looks past shadow roots to their hosts. */
function within(node: Node, selector: string): boolean {
  for (let n: Node | null = node; n; ) {
    const element = n instanceof Element ? n : n.parentElement;
    if (element?.closest(selector)) return true;
    const root = n.getRootNode();
    n = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

/**
 * Follow-up suggestions for a sent reply's promises (a note or a forward promises the customer nothing), and those
 * the background kept from a reply sent on a page since left: many helpdesks leave the ticket on
 * send (lib/memory/pending-suggestions.ts). `show` gets the reply's own (replacing) or the kept ones.
 */
function offerFollowUps(
  ctx: FeatureContext,
  signal: AbortSignal,
  sender: () => { customerId: string; ticket: TicketRef },
  show: (found: { list: FollowUpSuggestion[]; replaced: boolean }) => void,
): void {
  ctx.onSend(({ text, kind }) => {
    if (kind !== 'reply') return;
    const from = { ...sender(), customerName: ctx.snapshot().requester.name?.slice(0, LIMITS.field) || undefined };
    void ctx.request({ type: 'memory.followup.suggest', text: text.slice(0, 20_000), timeZone: agentTimeZone(), from }).then((reply) => {
      if (!signal.aborted && reply.ok && reply.data.length) show({ list: reply.data, replaced: true });
    });
  });
  void ctx.request({ type: 'memory.followup.pending' }).then((reply) => {
    if (!signal.aborted && reply.ok && reply.data.length) show({ list: reply.data, replaced: false });
  });
}

/**
 * Reads the requester's past tickets from the helpdesk's own REST API and records them; the visit
 * line learns of tickets it had never seen. Undefined when no answer came (or the page was left).
 */
async function recordApiHistory(ctx: FeatureContext, signal: AbortSignal, of: { ticket: TicketRef; customerId: string }, externalId: string): Promise<{ ok: boolean } | undefined> {
  const { ticket, customerId } = of;
  const page = ctx.document.location?.href ?? `https://${ticket.account}/`;
  const result = await fetchHistory({ helpdesk: ticket.helpdesk, page, account: ticket.account, externalId, signal, shown: ctx.shown }).catch(() => undefined);
  if (!result || signal.aborted) return undefined;
  const recorded = await ctx.request({
    type: 'memory.history.record',
    customerId,
    helpdesk: ticket.helpdesk,
    account: ticket.account,
    externalId,
    ok: result.ok,
    error: result.ok ? undefined : result.error,
    retryAfterMs: result.ok ? undefined : result.retryAfterMs,
    tickets: result.ok ? result.tickets : [],
  });
  // Past tickets we had never seen: the visit line must not go on saying "First time we see this
  // customer" beside the "Last time" they just gave us.
  if (recorded.ok && recorded.data.added > 0 && result.ok) {
    const others = result.tickets.filter((t) => t.ticketId !== ticket.ticketId && !t.gone).map((t) => t.updatedAt);
    ctx.addToHistory(recorded.data.added, others.length ? Math.max(...others) : undefined);
  }
  return { ok: result.ok };
}
