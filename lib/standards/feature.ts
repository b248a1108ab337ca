/**
 * The live reply checklist on the ticket page (issue #4). Watches the ticket's composer (one
 * MutationObserver: macros and editor undo change the text without an input event), asks the
 * background to evaluate the draft (the engine and its lexicon stay out of the content script),
 * and records the result when the agent sends the reply. Idle while nothing changes.
 */
import type { TicketFeature, FeatureContext } from '../page/features';
import type { ComposerKind, TicketSnapshot } from '../helpdesks/types';
import type { ChecklistItem, ChecklistPanelProps } from '../../components/checklist/model';
import type { ReplyEvaluation } from './messages';
import { debounce, observe } from '../page/lifecycle';
import { composerKind, composerText, insertIntoComposer } from '../page/composer';
import { fold, greetingName, signedName } from './names';
import { stillDisputed, verdictKey } from '../disputes/draft';
import { guardSending } from './send-guard';
import { moodLine, questionsView } from './types';

const TYPING_PAUSE_MS = 120;

/**
 * The customer's latest messages: theirs after the last public agent reply (`opening`: no agent has
 * replied yet), and who wrote them where the page names someone other than the requester (a
 * colleague on copy answering for them); `writer` when that person wrote the newest one, so the
 * reply is theirs to greet, and `signer` when the newest one is signed with another name than the
 * requester's (both are in `alsoWriting`: greeting them is greeting by name).
 */
export function latestCustomerMessages(snapshot: TicketSnapshot): { texts: string[]; receivedAt?: number; lastReplyAt?: number; opening: boolean; alsoWriting?: string[]; writer?: string; signer?: string } {
  const messages = snapshot.messages;
  let lastAgent = -1;
  messages.forEach((m, i) => {
    if (m.role === 'agent' && m.public) lastAgent = i;
  });
  const latest = messages.slice(lastAgent + 1).filter((m) => m.role === 'customer');
  const at = latest.at(-1)?.at;
  const receivedAt = at ? Date.parse(at) : NaN;
  const replied = Date.parse(messages[lastAgent]?.at ?? '');
  const requester = fold(snapshot.requester.name ?? '');
  const other = (author: string | undefined) => (author?.trim() && fold(author.trim()) !== requester ? author.trim() : undefined);
  const signer = signerOf(latest.at(-1)?.text ?? '', snapshot);
  const others = [...new Set([...latest.map((m) => other(m.author)), signer].filter((a): a is string => !!a))];
  const writer = other(latest.at(-1)?.author);
  return {
    texts: latest.map((m) => m.text),
    receivedAt: Number.isFinite(receivedAt) ? receivedAt : undefined,
    ...(Number.isFinite(replied) ? { lastReplyAt: replied } : {}),
    opening: lastAgent < 0,
    ...(others.length ? { alsoWriting: others.slice(0, 10) } : {}),
    ...(writer ? { writer } : {}),
    ...(signer ? { signer } : {}),
  };
}

/**
 * The name the newest message is signed with ("Much thanks,\nDavid") when it is not the requester's
 * own (a real FreeScout customer "Mei Lin" signed "David"; a customer with no name signs theirs), nor
 * an agent's on the page.
 */
function signerOf(text: string, snapshot: TicketSnapshot): string | undefined {
  const signed = signedName(text);
  if (!signed) return undefined;
  const own = greetingName({ name: snapshot.requester.name });
  const agents = snapshot.messages.filter((m) => m.role === 'agent').map((m) => fold(m.author?.trim().split(/\s+/)[0] ?? ''));
  return (own && fold(own) === fold(signed)) || agents.includes(fold(signed)) ? undefined : signed;
}

/** Sidebar items from an evaluation: critical failures first, then in the rules' order. */
export function checklistItems(evaluation: ReplyEvaluation): ChecklistItem[] {
  const items = evaluation.results.map((r) => ({
    rule: r.rule,
    label: evaluation.labels[r.rule] ?? r.rule,
    state: r.state,
    why: r.why,
    critical: evaluation.critical.includes(r.rule),
    evidence: r.evidence,
    ...(r.notChecked && { notChecked: true }),
  }));
  const rank = (i: ChecklistItem) => (i.state === 'fail' && i.critical ? 0 : 1);
  return items.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index).map((x) => x.item);
}

/** What the agent's draft is checked against: the customer's latest messages, when, and on which channel. */
function ticketFacts(snapshot: TicketSnapshot) {
  const latest = latestCustomerMessages(snapshot);
  return {
    latest,
    at: { ...(latest.receivedAt !== undefined ? { receivedAt: latest.receivedAt } : {}), ...(snapshot.channel ? { channel: snapshot.channel } : {}) },
    ticket: { helpdesk: snapshot.helpdesk, account: snapshot.account, ticketId: snapshot.ticketId },
  };
}

/**
 * The checklist on one ticket: finds the composer, evaluates the draft after a typing pause, shows
 * the panel, takes "not right", and records the reply when it is sent. Everything stops with `signal`.
 */
class Checklist {
  private composer: HTMLElement | null = null;
  private composerSignal: AbortController | undefined;
  private lastKey = '';
  private draft = '';
  private evaluation: ReplyEvaluation | undefined;
  /** The text `evaluation` describes (`draft` moves on as soon as a new evaluation is asked for). */
  private evaluated = '';
  private error: string | undefined;
  private lastRange: Range | undefined;
  private requestSeq = 0;
  /** What the composer writes now: only a reply is checked (a note stays internal, a forward goes to someone else). */
  private writing: ComposerKind = 'reply';
  /** "Not right" for this draft: rule → the verdict disputed (see lib/disputes/draft.ts). */
  private disputed = new Map<string, string>();
  private readonly schedule: () => void;

  constructor(
    private readonly ctx: FeatureContext,
    private readonly signal: AbortSignal,
  ) {
    this.schedule = debounce(TYPING_PAUSE_MS, () => void this.evaluate(), signal);
  }

  start() {
    const { ctx, signal } = this;
    // A note or a forward is no reply to the customer: nothing to measure against the standards.
    ctx.onSend(({ text, kind }) => {
      if (kind === 'reply') void this.record(text);
    });
    this.guardSends();
    // The composer may open later (or be re-created by the editor): look again when the page changes.
    const lookLater = debounce(TYPING_PAUSE_MS, this.findComposer, signal);
    observe(ctx.document.body ?? ctx.document.documentElement, { childList: true, subtree: true }, () => {
      if (!this.composer?.isConnected) lookLater();
    }, signal);
    ctx.onSnapshot(() => {
      this.findComposer();
      this.schedule(); // a new customer message changes the questions and the mood
    });
    this.findComposer();
    if (!this.composer) this.render();
  }

  private customer() {
    const stored = this.ctx.ticket.customer;
    return { name: stored.name ?? this.ctx.snapshot().requester.name, preferredName: stored.preferredName };
  }

  /** The greeting helper's name when it is not the customer's own. */
  private greetAs(): string | undefined {
    const word = this.greeting().word;
    return word && word !== greetingName(this.customer()) ? word : undefined;
  }


  /**
   * Whom the greeting helper offers to greet, and why when it is not the customer on the card:
   * whoever wrote the newest message, a colleague on copy answering for the customer included
   * (before, it offered "Hi Ines," to Bob's reply); else the name an agent noted they go by; else the
   * name the message is signed with; else the customer's.
   */
  private greeting(): { word?: string; why?: string } {
    // Asked for the request and again for the panel after it: read the messages once per snapshot and name.
    const snapshot = this.ctx.snapshot();
    const customer = this.customer();
    const key = `${customer.name ?? ''}\u0000${customer.preferredName ?? ''}`;
    if (this.greeted?.snapshot !== snapshot || this.greeted.key !== key) this.greeted = { snapshot, key, value: this.chooseGreeting(snapshot, customer) };
    return this.greeted.value;
  }
  private greeted: { snapshot: TicketSnapshot; key: string; value: { word?: string; why?: string } } | undefined;

  private chooseGreeting(snapshot: TicketSnapshot, customer: ReturnType<Checklist['customer']>): { word?: string; why?: string } {
    const { writer, signer } = latestCustomerMessages(snapshot);
    const named = (name: string | undefined) => (name ? greetingName({ name }) : undefined);
    const byWriter = named(writer);
    if (byWriter) return { word: byWriter, why: `${writer} wrote the latest message` };
    if (customer.preferredName && greetingName(customer)) return { word: greetingName(customer) };
    const bySigner = named(signer);
    if (bySigner && bySigner !== greetingName(customer)) return { word: bySigner, why: `The latest message is signed “${signer}”` };
    return { word: greetingName(customer) };
  }

  private readonly render = () => {
    const items = this.evaluation && this.draft.trim() ? checklistItems(this.evaluation) : [];
    this.disputed = stillDisputed(this.disputed, items, this.draft);
    this.ctx.setPanel('checklist', this.panel(items));
  };

  private panel(items: ChecklistItem[]): ChecklistPanelProps {
    const { composer, draft, evaluation, error } = this;
    const { word: greetingWord, why: greetingWhy } = this.greeting();
    return {
      status: !composer ? 'no-composer' : this.writing !== 'reply' ? 'not-reply' : error ? 'error' : !draft.trim() ? 'empty' : evaluation ? 'ready' : 'empty',
      writing: this.writing,
      error,
      draft,
      items,
      readiness: evaluation?.readiness,
      questions: evaluation ? questionsView(evaluation.questions) : [],
      mood: evaluation ? moodLine(evaluation.mood) : undefined,
      notEnglish: evaluation?.notEnglish,
      responseClock: evaluation?.responseClock ? { deadline: evaluation.responseClock.deadline, targetMs: evaluation.responseClock.targetMs } : undefined,
      greeting: greetingWord && composer ? `Hi ${greetingWord},` : undefined,
      ...(greetingWord && composer && greetingWhy ? { greetingWhy } : {}),
      onInsertGreeting: composer && greetingWord ? this.insertGreeting : undefined,
      now: this.ctx.now,
      disputed: [...this.disputed.keys()],
      onDispute: this.dispute,
      explanations: evaluation?.explanations,
    };
  }

  /** "Not right" on an item: recorded by the background; the item stops nagging for this draft. */
  private readonly dispute = async (item: ChecklistItem, includeText: boolean): Promise<{ ok: true } | { ok: false; error: string }> => {
    const { ctx, evaluation } = this;
    const { latest, ticket } = ticketFacts(ctx.snapshot());
    const reply = await ctx.request({
      type: 'verdict.dispute',
      kind: 'rule',
      rule: item.rule,
      verdict: item.state,
      why: item.why.slice(0, 500),
      evidence: item.evidence.slice(0, 20).map((e) => ({ start: e.start, end: e.end, text: e.text.slice(0, 500) })),
      customerId: ctx.ticket.customer.id,
      ticket,
      ...(evaluation ? { packId: evaluation.packId, packVersion: evaluation.packVersion } : {}),
      ...(includeText ? { draft: this.draft.slice(0, 20_000), customerMessages: latest.texts.slice(-20) } : {}),
    });
    if (this.signal.aborted) return { ok: true };
    if (!reply.ok) return { ok: false, error: reply.error };
    // Keyed on the verdict as evaluated (the panel re-words the response-time item every second).
    const judged = this.evaluation ? checklistItems(this.evaluation).find((i) => i.rule === item.rule) : undefined;
    if (judged) this.disputed.set(item.rule, verdictKey(judged));
    this.render();
    return { ok: true };
  };

  private async evaluate(force = false) {
    if (!this.composer || this.signal.aborted) return;
    const text = composerText(this.composer);
    const snapshot = this.ctx.snapshot();
    const { latest, at } = ticketFacts(snapshot);
    const writing = composerKind(this.ctx.adapter, this.ctx.document, this.ctx.ticketId);
    const key = `${writing}\u0000${text}\u0000${latest.texts.join('\u0001')}\u0000${latest.receivedAt ?? ''}`;
    if (key === this.lastKey && !force) return; // nothing changed: do nothing
    this.lastKey = key;
    this.draft = text;
    this.writing = writing;
    if (!text.trim() || writing !== 'reply') {
      this.evaluation = undefined;
      this.error = undefined;
      this.render();
      return;
    }
    const seq = ++this.requestSeq;
    const answer = await this.ctx.request({
      type: 'reply.evaluate',
      draft: text.slice(0, 20_000),
      customerMessages: latest.texts.slice(-20),
      // The subject is what the ticket opened with: later replies keep an old "Re: …".
      ...(latest.opening && snapshot.subject?.trim() ? { subject: snapshot.subject.trim().slice(0, 500) } : {}),
      customer: prune({ ...this.customer(), alsoWriting: latest.alsoWriting, greetAs: this.greetAs() }),
      customerId: this.ctx.ticket.customer.id,
      ...at,
      ...(latest.lastReplyAt !== undefined ? { lastReplyAt: latest.lastReplyAt } : {}),
      ...(snapshot.priority ? { priority: snapshot.priority } : {}),
    });
    if (this.signal.aborted || seq !== this.requestSeq) return;
    if (answer.ok) {
      this.evaluation = answer.data;
      this.evaluated = text;
      this.error = undefined;
    } else this.error = answer.error;
    this.render();
  }

  private readonly insertGreeting = () => {
    const name = this.greeting().word;
    if (!this.composer || !name) return;
    insertIntoComposer(this.composer, `Hi ${name}, `, this.lastRange);
    this.schedule();
  };

  private bind(el: HTMLElement | null) {
    if (el === this.composer) return;
    this.composerSignal?.abort();
    this.composer = el;
    this.lastKey = '';
    if (!el) {
      this.evaluation = undefined;
      this.draft = '';
      this.render();
      return;
    }
    const ctl = new AbortController();
    this.signal.addEventListener('abort', () => ctl.abort(), { once: true, signal: ctl.signal });
    this.composerSignal = ctl;
    // Every change to the draft is a DOM change in the composer: typing, but also macros (new
    // paragraphs) and CKEditor's undo and redo (text rewritten in place), which fire no `input`
    // event. One observer sees them all; per keystroke it costs one debounce reset.
    observe(el, { childList: true, characterData: true, subtree: true }, this.schedule, ctl.signal);
    // Where the agent's cursor was when they left the composer (e.g. to click "Insert greeting").
    el.addEventListener('focusout', this.keepCursor, { signal: ctl.signal });
    // Switching the composer between reply, note and forward changes no text: the helpdesk puts the
    // cursor back in it, and the checklist looks again at what it writes.
    el.addEventListener('focusin', this.schedule, { signal: ctl.signal });
    this.render();
    void this.evaluate();
  }

  // The agent's cursor in the composer, so an insert helper writes where they were typing. Read
  // when focus leaves the composer, not on every selection change (that is every keystroke).
  private readonly keepCursor = () => {
    const selection = this.ctx.document.getSelection();
    if (this.composer && selection?.rangeCount && this.composer.contains(selection.anchorNode)) this.lastRange = selection.getRangeAt(0).cloneRange();
  };

  private async record(text: string) {
    if (!text.trim()) return;
    if (text !== this.draft || !this.evaluation) {
      this.lastKey = '';
      await this.evaluate(true);
    }
    const { evaluation } = this;
    if (!evaluation || this.signal.aborted) return;
    const { ticket, at } = ticketFacts(this.ctx.snapshot());
    await this.ctx.request({
      type: 'reply.record',
      ticket,
      customerId: this.ctx.ticket.customer.id,
      ...at,
      states: Object.fromEntries(evaluation.results.map((r) => [r.rule, r.state])),
      readiness: evaluation.readiness,
      ...(evaluation.notEnglish && { partlyChecked: true as const }),
      packId: evaluation.packId,
      packVersion: evaluation.packVersion,
    });
  }

  /** Ask before sending (#16): reads this checklist's evaluation, never changes the draft. */
  private guardSends() {
    const guarded = () => ({ draft: this.evaluated, evaluation: this.evaluation, disputed: [...this.disputed.keys()] });
    guardSending(
      {
        document: this.ctx.document,
        adapter: this.ctx.adapter,
        ticketId: this.ctx.ticketId,
        latest: guarded,
        evaluateNow: async () => {
          await this.evaluate(true);
          return guarded();
        },
      },
      this.signal,
    );
  }

  private readonly findComposer = () => {
    if (this.composer?.isConnected) return;
    this.bind(this.ctx.adapter.composer(this.ctx.document, this.ctx.ticketId));
  };
}

export function startChecklist(ctx: FeatureContext, signal: AbortSignal): void {
  new Checklist(ctx, signal).start();
}

function prune<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

export const checklistFeature: TicketFeature = {
  id: 'checklist',
  start: startChecklist,
};
