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
import { cueKey, type ActionResult, type Conflict, type MemoryActions, type MemoryPanelProps } from '../../components/memory/model';
import type { FollowUpSuggestion, MemoryContext } from './messages';
import { fetchHistory, hasHistory } from './history-api';
import { childController, later } from '../page/lifecycle';
import { PROFILE_KEYS } from './profile';
import { retryIds } from '../page/retry-ids';
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

function startMemory(ctx: FeatureContext, signal: AbortSignal): void {
  const first = ctx.snapshot();
  const ticket: TicketRef = { helpdesk: first.helpdesk, account: first.account, ticketId: first.ticketId };
  let customerId = ctx.ticket.customer.id;
  let context: MemoryContext | undefined;
  let error: string | undefined;
  let apiProblem: string | undefined;
  let suggestions: FollowUpSuggestion[] | undefined;
  let conflict: Conflict | undefined;
  /** Version of "their" profile in a conflict: "keep mine" saves against it. */
  let theirsVersion = 0;
  /** Client ids for retried saves (#15): a retry after "Couldn't save" stores the row once. */
  const saves = retryIds();
  const saved = async (kind: string, result: Promise<ActionResult>) => {
    const answer = await result;
    if (answer.ok) saves.saved(kind);
    return answer;
  };
  /** Cues marked "not right" on this ticket (`cueKey`): a cue re-worded by new facts re-arms. */
  const disputedCues = new Set<string>();

  const render = () => {
    if (signal.aborted) return;
    const props: MemoryPanelProps = { context, error, apiProblem, suggestions, ticket, conflict, now: ctx.now(), actions, disputedCues: [...disputedCues] };
    ctx.setPanel('memory', props);
  };

  const show = (reply: { ok: true; data: MemoryContext } | { ok: false; error: string }) => {
    if (signal.aborted) return;
    if (reply.ok) {
      context = reply.data;
      customerId = reply.data.customer.id;
      error = undefined;
      if (context.api && !context.api.ok && !apiProblem) apiProblem = API_PROBLEM;
    } else {
      error = reply.error;
    }
    render();
  };
  const refresh = async () => show(await ctx.request({ type: 'memory.context', customerId, ticket }));

  /** Runs a request; on success refreshes the panel. Errors come back for the form to show. */
  const act = async (work: Promise<{ ok: true } | { ok: false; error: string }>): Promise<ActionResult> => {
    const reply = await work;
    if (!reply.ok) return { ok: false, error: reply.error };
    await refresh();
    return { ok: true };
  };

  const saveProfile = async (profile: CustomerProfile, version: number): Promise<ActionResult> => {
    const reply = await ctx.request({ type: 'memory.profile.save', customerId, version, profile });
    if (!reply.ok) return { ok: false, error: reply.error };
    if (reply.data.saved) {
      conflict = undefined;
      await refresh();
      return { ok: true };
    }
    theirsVersion = reply.data.theirs.version ?? 1;
    conflict = { kind: 'profile', theirs: profileOf(reply.data.theirs), mine: profile };
    render();
    return { ok: true };
  };

  const actions: MemoryActions = {
    saveProfile: (profile) => saveProfile(profile, context?.customer.version ?? 1),
    async resolveConflict(choice) {
      const c = conflict;
      if (!c) return { ok: true };
      if (choice === 'theirs') {
        conflict = undefined;
        await refresh();
        return { ok: true };
      }
      if (c.kind === 'profile') {
        if (choice === 'mine') return saveProfile(c.mine, theirsVersion);
        conflict = undefined;
        return act(ctx.request({ type: 'memory.profile.save', customerId, version: theirsVersion, profile: c.mine, keepBoth: true }));
      }
      conflict = undefined;
      if (choice === 'both') return act(ctx.request({ type: 'note.add', customerId, ticket, text: c.mine }));
      const note = context?.timeline.find((e) => e.kind === 'note' && e.note.id === c.noteId);
      const fresh = note?.kind === 'note' ? note.note : undefined;
      return actions.editNote(fresh ?? ({ id: c.noteId, version: theirsVersion } as Note), c.mine);
    },
    addFact: (text, mentionNext) => saved('fact', act(ctx.request({ type: 'memory.fact.add', id: saves.idFor('fact', text), customerId, text, source: ticket, mentionNext }))),
    flagFact: (factId, mentionNext) => act(ctx.request({ type: 'memory.fact.flag', factId, mentionNext })),
    factMentioned: (factId) => act(ctx.request({ type: 'memory.fact.mentioned', factId })),
    addFollowUp: (text, dueAt) =>
      saved('followUp', act(ctx.request({ type: 'memory.followup.add', id: saves.idFor('followUp', `${dueAt}\u0000${text}`), customerId, ticket, text, dueAt, origin: 'manual' }))),
    doneFollowUp: (followUpId) => act(ctx.request({ type: 'memory.followup.done', followUpId })),
    async acceptSuggestion(s) {
      // The follow-up belongs to the reply's customer and ticket, whichever page shows it.
      const result = await act(ctx.request({ type: 'memory.followup.add', customerId: s.from?.customerId ?? customerId, ticket: s.from?.ticket ?? ticket, text: s.text, dueAt: s.dueAt, origin: 'reply' }));
      if (result.ok) {
        // `s` may be a copy (it came back from the sidebar frame): compare what it says.
        suggestions = suggestions?.filter((x) => x.text !== s.text || x.dueAt !== s.dueAt);
        if (!suggestions?.length) suggestions = undefined;
        if (s.id) void ctx.request({ type: 'memory.followup.settle', ids: [s.id] });
        render();
      }
      return result;
    },
    dismissSuggestions() {
      const ids = (suggestions ?? []).flatMap((s) => (s.id ? [s.id] : []));
      if (ids.length) void ctx.request({ type: 'memory.followup.settle', ids });
      suggestions = undefined;
      render();
    },
    async editNote(note, text) {
      const reply = await ctx.request({ type: 'memory.note.edit', noteId: note.id, version: note.version ?? 1, text });
      if (!reply.ok) return { ok: false, error: reply.error };
      if (!reply.data.saved) {
        theirsVersion = reply.data.theirs.version ?? 1;
        conflict = { kind: 'note', noteId: note.id, theirs: reply.data.theirs.text, mine: text };
        await refresh();
        return { ok: true };
      }
      conflict = undefined;
      await refresh();
      return { ok: true };
    },
    pinNote: (note, pinned) => act(ctx.request({ type: 'memory.note.pin', noteId: note.id, pinned })),
    async search(query) {
      const reply = await ctx.request({ type: 'memory.search', query });
      return reply.ok ? reply.data : [];
    },
    async findCustomers(query) {
      const reply = await ctx.request({ type: 'memory.customer.find', query });
      return reply.ok ? reply.data.filter((c) => c.id !== customerId) : [];
    },
    merge: (otherId) => act(ctx.request({ type: 'memory.merge', survivorId: customerId, mergedId: otherId })),
    undoMerge: (mergeId) => act(ctx.request({ type: 'memory.merge.undo', mergeId })),
    async disputeCue(cue) {
      const reply = await ctx.request({ type: 'verdict.dispute', kind: 'cue', rule: cue.id, verdict: 'shown', why: cue.reason.slice(0, 500), evidence: [], customerId, ticket });
      if (!reply.ok) return { ok: false, error: reply.error };
      disputedCues.add(cueKey(cue));
      render();
      return { ok: true };
    },
  };

  // -- Helpdesk API history --------------------------------------------------------------------
  const loadApiHistory = async () => {
    const externalId = first.requester.externalId;
    if (!externalId || !hasHistory(ticket.helpdesk)) return;
    const due = await ctx.request({ type: 'memory.history.due', helpdesk: ticket.helpdesk, account: ticket.account, externalId });
    if (signal.aborted || !due.ok || !due.data.due) return;
    // Until the answer is in, the visit line says "Checking…" rather than a "First time" it may undo.
    ctx.checkingHistory(true);
    try {
      const outcome = await recordApiHistory(ctx, signal, { ticket, customerId }, externalId);
      if (outcome) apiProblem = outcome.ok ? undefined : API_PROBLEM;
    } finally {
      ctx.checkingHistory(false);
    }
    await refresh();
  };

  // -- Status changes: record the outcome when the ticket is solved while open -------------------
  let seen = `${first.status}|${first.messages.length}`;
  ctx.onSnapshot((snapshot) => {
    const now = `${snapshot.status}|${snapshot.messages.length}`;
    if (now === seen) return;
    seen = now;
    void ctx.request({ type: 'ticket.open', snapshot }).then((reply) => (reply.ok && reply.data.memory ? show({ ok: true, data: reply.data.memory }) : refresh()));
  });

  // -- A sent reply: suggest follow-ups for its commitments, here and on the next page ------------
  const doc = ctx.document;
  offerFollowUps(ctx, signal, () => ({ customerId, ticket }), (found) => {
    // A reply's own suggestions replace what was shown; those kept from a page since left are added once.
    const shown = new Set((suggestions ?? []).map((s) => s.id));
    suggestions = found.replaced ? found.list : [...(suggestions ?? []), ...found.list.filter((s) => !shown.has(s.id))];
    render();
  });

  // -- Quick capture: "Save as fact" near a selection, and the context menu ----------------------
  watchSelection(doc, signal, (text) => actions.addFact(text, false));
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const m = message as CaptureFactMessage | undefined;
    if (m?.type === 'memory.capture' && typeof m.text === 'string' && m.text.trim()) void actions.addFact(m.text.trim().slice(0, 1000), false);
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });

  // `ticket.open` brought the first answer along; ask only if it did not.
  if (ctx.ticket.memory) {
    show({ ok: true, data: ctx.ticket.memory });
    void loadApiHistory();
  } else {
    render();
    void refresh().then(loadApiHistory);
  }
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
