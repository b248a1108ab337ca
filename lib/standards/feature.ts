/**
 * The live reply checklist on the ticket page (issue #4). Watches the ticket's composer (one
 * MutationObserver: macros and editor undo change the text without an input event), asks the
 * background to evaluate the draft (the engine and its lexicon stay out of the content script),
 * and records the result when the agent sends the reply. Idle while nothing changes.
 */
import type { TicketFeature, FeatureContext } from '../page/features';
import type { TicketSnapshot } from '../helpdesks/types';
import type { ChecklistItem, ChecklistPanelProps } from '../../components/checklist/model';
import type { ReplyEvaluation } from './messages';
import { debounce, observe } from '../page/lifecycle';
import { composerText, insertIntoComposer } from '../page/composer';
import { greetingName } from './names';
import { stillDisputed, verdictKey } from '../disputes/draft';
import { guardSending } from './send-guard';
import { moodLine } from './types';

const TYPING_PAUSE_MS = 120;

/** The customer's latest messages: theirs after the last public agent reply. */
export function latestCustomerMessages(snapshot: TicketSnapshot): { texts: string[]; receivedAt?: number } {
  const messages = snapshot.messages;
  let lastAgent = -1;
  messages.forEach((m, i) => {
    if (m.role === 'agent' && m.public) lastAgent = i;
  });
  const latest = messages.slice(lastAgent + 1).filter((m) => m.role === 'customer');
  const at = latest.at(-1)?.at;
  const receivedAt = at ? Date.parse(at) : NaN;
  return { texts: latest.map((m) => m.text), receivedAt: Number.isFinite(receivedAt) ? receivedAt : undefined };
}

/** Sidebar items from an evaluation: critical failures first, then in the rules' order. */
export function checklistItems(evaluation: ReplyEvaluation): ChecklistItem[] {
  const items = evaluation.results.map((r) => ({
    rule: r.rule,
    label: evaluation.labels[r.rule] ?? r.rule,
    state: r.state,
    why: r.why,
    critical: evaluation.critical.includes(r.rule) && !r.unsure,
    evidence: r.evidence,
  }));
  const rank = (i: ChecklistItem) => (i.state === 'fail' && i.critical ? 0 : 1);
  return items.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index).map((x) => x.item);
}

export function startChecklist(ctx: FeatureContext, signal: AbortSignal): void {
  const doc = ctx.document;
  let composer: HTMLElement | null = null;
  let composerSignal: AbortController | undefined;
  let lastKey = '';
  let draft = '';
  let evaluation: ReplyEvaluation | undefined;
  /** The text `evaluation` describes (`draft` moves on as soon as a new evaluation is asked for). */
  let evaluated = '';
  let error: string | undefined;
  let lastRange: Range | undefined;
  let requestSeq = 0;
  /** "Not right" for this draft: rule → the verdict disputed (see lib/disputes/draft.ts). */
  let disputed = new Map<string, string>();

  const customer = () => {
    const stored = ctx.ticket.customer;
    return { name: stored.name ?? ctx.snapshot().requester.name, preferredName: stored.preferredName };
  };

  const render = () => {
    const greetingWord = greetingName(customer());
    const items = evaluation && draft.trim() ? checklistItems(evaluation) : [];
    disputed = stillDisputed(disputed, items, draft);
    const props: ChecklistPanelProps = {
      status: !composer ? 'no-composer' : error ? 'error' : !draft.trim() ? 'empty' : evaluation ? 'ready' : 'empty',
      error,
      draft,
      items,
      readiness: evaluation?.readiness,
      questions: evaluation?.questions.map((q) => ({ text: q.text, answered: q.answered, implicit: q.implicit })) ?? [],
      mood: evaluation ? moodLine(evaluation.mood) : undefined,
      responseClock: evaluation?.responseClock ? { deadline: evaluation.responseClock.deadline, targetMs: evaluation.responseClock.targetMs } : undefined,
      greeting: greetingWord && composer ? `Hi ${greetingWord},` : undefined,
      onInsertGreeting: composer && greetingWord ? insertGreeting : undefined,
      now: ctx.now,
      disputed: [...disputed.keys()],
      onDispute: dispute,
      explanations: evaluation?.explanations,
    };
    ctx.setPanel('checklist', props);
  };

  /** "Not right" on an item: recorded by the background; the item stops nagging for this draft. */
  async function dispute(item: ChecklistItem, includeText: boolean): Promise<{ ok: true } | { ok: false; error: string }> {
    const snapshot = ctx.snapshot();
    const reply = await ctx.request({
      type: 'verdict.dispute',
      kind: 'rule',
      rule: item.rule,
      verdict: item.state,
      why: item.why.slice(0, 500),
      evidence: item.evidence.slice(0, 20).map((e) => ({ start: e.start, end: e.end, text: e.text.slice(0, 500) })),
      customerId: ctx.ticket.customer.id,
      ticket: { helpdesk: snapshot.helpdesk, account: snapshot.account, ticketId: snapshot.ticketId },
      ...(evaluation ? { packId: evaluation.packId, packVersion: evaluation.packVersion } : {}),
      ...(includeText ? { draft: draft.slice(0, 20_000), customerMessages: latestCustomerMessages(snapshot).texts.slice(-20) } : {}),
    });
    if (signal.aborted) return { ok: true };
    if (!reply.ok) return { ok: false, error: reply.error };
    // Keyed on the verdict as evaluated (the panel re-words the response-time item every second).
    const judged = evaluation ? checklistItems(evaluation).find((i) => i.rule === item.rule) : undefined;
    if (judged) disputed.set(item.rule, verdictKey(judged));
    render();
    return { ok: true };
  }

  const evaluate = async (force = false) => {
    if (!composer || signal.aborted) return;
    const text = composerText(composer);
    const snapshot = ctx.snapshot();
    const latest = latestCustomerMessages(snapshot);
    const key = `${text}\u0000${latest.texts.join('\u0001')}\u0000${latest.receivedAt ?? ''}`;
    if (key === lastKey && !force) return; // nothing changed: do nothing
    lastKey = key;
    draft = text;
    if (!text.trim()) {
      evaluation = undefined;
      error = undefined;
      render();
      return;
    }
    const seq = ++requestSeq;
    const answer = await ctx.request({
      type: 'reply.evaluate',
      draft: text.slice(0, 20_000),
      customerMessages: latest.texts.slice(-20),
      customer: prune(customer()),
      customerId: ctx.ticket.customer.id,
      ...(latest.receivedAt !== undefined ? { receivedAt: latest.receivedAt } : {}),
      ...(snapshot.channel ? { channel: snapshot.channel } : {}),
      ...(snapshot.priority ? { priority: snapshot.priority } : {}),
    });
    if (signal.aborted || seq !== requestSeq) return;
    if (answer.ok) {
      evaluation = answer.data;
      evaluated = text;
      error = undefined;
    } else error = answer.error;
    render();
  };

  const schedule = debounce(TYPING_PAUSE_MS, () => void evaluate(), signal);

  function insertGreeting() {
    const name = greetingName(customer());
    if (!composer || !name) return;
    insertIntoComposer(composer, `Hi ${name}, `, lastRange);
    schedule();
  }

  const bind = (el: HTMLElement | null) => {
    if (el === composer) return;
    composerSignal?.abort();
    composer = el;
    lastKey = '';
    if (!el) {
      evaluation = undefined;
      draft = '';
      render();
      return;
    }
    const ctl = new AbortController();
    signal.addEventListener('abort', () => ctl.abort(), { once: true, signal: ctl.signal });
    composerSignal = ctl;
    // Every change to the draft is a DOM change in the composer: typing, but also macros (new
    // paragraphs) and CKEditor's undo and redo (text rewritten in place), which fire no `input`
    // event. One observer sees them all; per keystroke it costs one debounce reset.
    observe(el, { childList: true, characterData: true, subtree: true }, schedule, ctl.signal);
    // Where the agent's cursor was when they left the composer (e.g. to click "Insert greeting").
    el.addEventListener('focusout', keepCursor, { signal: ctl.signal });
    render();
    void evaluate();
  };

  // The agent's cursor in the composer, so an insert helper writes where they were typing. Read
  // when focus leaves the composer, not on every selection change (that is every keystroke).
  function keepCursor() {
    const selection = doc.getSelection();
    if (composer && selection?.rangeCount && composer.contains(selection.anchorNode)) lastRange = selection.getRangeAt(0).cloneRange();
  }

  // An internal note is not a reply to the customer: nothing to measure against the standards.
  ctx.onSend(({ text, internal }) => {
    if (!internal) void record(text);
  });

  async function record(text: string) {
    if (!text.trim()) return;
    if (text !== draft || !evaluation) {
      lastKey = '';
      await evaluate(true);
    }
    if (!evaluation || signal.aborted) return;
    const snapshot = ctx.snapshot();
    const latest = latestCustomerMessages(snapshot);
    const states = Object.fromEntries(evaluation.results.map((r) => [r.rule, r.state]));
    await ctx.request({
      type: 'reply.record',
      ticket: { helpdesk: snapshot.helpdesk, account: snapshot.account, ticketId: snapshot.ticketId },
      customerId: ctx.ticket.customer.id,
      ...(latest.receivedAt !== undefined ? { receivedAt: latest.receivedAt } : {}),
      ...(snapshot.channel ? { channel: snapshot.channel } : {}),
      states,
      readiness: evaluation.readiness,
      packId: evaluation.packId,
      packVersion: evaluation.packVersion,
    });
  }

  // Ask before sending (#16): reads this checklist's evaluation, never changes the draft.
  const guarded = () => ({ draft: evaluated, evaluation, disputed: [...disputed.keys()] });
  guardSending(
    {
      document: doc,
      adapter: ctx.adapter,
      ticketId: ctx.ticketId,
      latest: guarded,
      evaluateNow: async () => {
        await evaluate(true);
        return guarded();
      },
    },
    signal,
  );

  // The composer may open later (or be re-created by the editor): look again when the page changes.
  const findComposer = () => {
    if (composer?.isConnected) return;
    bind(ctx.adapter.composer(doc, ctx.ticketId));
  };
  const lookLater = debounce(TYPING_PAUSE_MS, findComposer, signal);
  observe(doc.body ?? doc.documentElement, { childList: true, subtree: true }, () => {
    if (!composer?.isConnected) lookLater();
  }, signal);
  ctx.onSnapshot(() => {
    findComposer();
    schedule(); // a new customer message changes the questions and the mood
  });
  findComposer();
  if (!composer) render();
}

function prune<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

export const checklistFeature: TicketFeature = {
  id: 'checklist',
  start: startChecklist,
};
