/**
 * Ask before sending (issue #16, a standards-pack option meant for new agents): when a critical
 * checklist item fails and the agent clicks the helpdesk's send button (or presses its send
 * shortcut), Rapport holds that one send and asks "Send anyway / Keep editing" beside the composer.
 * "Send anyway" clicks send again and lets it through; a second click on send while asked goes
 * through too. Rapport never changes the text and never blocks for good.
 *
 * Only the agent's own (trusted) clicks and keys are held: our re-click is a synthetic event and
 * passes. The listeners sit on the window in the capture phase, so they run before the helpdesk's
 * own handlers and before the controller's "record the sent reply" listener on the document.
 */
import { browser } from 'wxt/browser';
import type { HelpdeskAdapter } from '../helpdesks/types';
import { PREF } from '../prefs';
import { composerKind, composerText } from '../page/composer';
import { showSendPrompt, type SendPrompt } from '../page/send-prompt';
import type { ReplyEvaluation } from './messages';
import { countsAgainstReply } from './types';

export interface GuardedDraft {
  /** The text `evaluation` describes. */
  draft: string;
  evaluation?: ReplyEvaluation;
  /** Rules the agent marked "not right" for this draft: not held against it. */
  disputed: readonly string[];
}

export interface SendGuardDeps {
  document: Document;
  adapter: HelpdeskAdapter;
  ticketId: string;
  /** The checklist's latest evaluation. */
  latest(): GuardedDraft;
  /** Evaluates the composer's text now (the agent sent before the checklist caught up). */
  evaluateNow(): Promise<GuardedDraft>;
}

/**
 * What a held send names, in plain words and without customer data (the prompt is drawn in the
 * helpdesk's page): each failing critical item's label; unanswered questions as a count.
 */
export function failingCritical(d: GuardedDraft): string[] {
  const e = d.evaluation;
  if (!e || !d.draft.trim()) return [];
  const out: string[] = [];
  for (const result of e.results) {
    if (result.state !== 'fail' || !e.critical.includes(result.rule) || d.disputed.includes(result.rule)) continue;
    const open = e.questions.filter(countsAgainstReply).length;
    if (result.rule === 'answers-questions' && open > 0) out.push(`${open} question${open === 1 ? '' : 's'} unanswered`);
    else out.push(e.labels[result.rule] ?? result.rule);
  }
  return out;
}

/**
 * The pack's option as the stored pack (read once when the guard starts, and on every change) and
 * then each evaluation says it. While it is unknown (the first milliseconds of a page) or off,
 * nothing is held: with the option off — the default — Rapport never touches a send. With it on, a
 * send before the checklist caught up with the last keystrokes waits for one check.
 */
let packAsks: boolean | undefined;

/** The stored pack's option, without parsing the whole pack in the page. */
function watchStoredOption(signal: AbortSignal): void {
  const read = (pack: unknown) => (pack as { askBeforeSending?: unknown } | undefined)?.askBeforeSending === true;
  void browser.storage.local
    .get(PREF.standardsPack)
    .then((got) => (packAsks ??= read(got[PREF.standardsPack])))
    .catch(() => undefined);
  const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && PREF.standardsPack in changes) packAsks = read(changes[PREF.standardsPack]?.newValue);
  };
  browser.storage.onChanged.addListener(onChange);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChange), { once: true });
}

/** One ticket's guard: where it looks, and the question asked now; shared by the steps below. */
interface Guard {
  readonly deps: SendGuardDeps;
  readonly doc: Document;
  readonly adapter: HelpdeskAdapter;
  readonly ticketId: string;
  readonly signal: AbortSignal;
  /** "Send anyway / Keep editing", while it is asked. */
  prompt: SendPrompt | undefined;
  /** A held send waits for `evaluateNow`: sends meanwhile go through. */
  checking: boolean;
  /** Removes the question: one function for the guard, so the composer's `focusin` listener is added once. */
  readonly close: () => void;
}

export function guardSending(deps: SendGuardDeps, signal: AbortSignal): void {
  const { document: doc, adapter, ticketId } = deps;
  const win = doc.defaultView;
  if (!win) return;
  const guard: Guard = {
    deps, doc, adapter, ticketId, signal,
    prompt: undefined,
    checking: false,
    close() {
      guard.prompt?.remove();
      guard.prompt = undefined;
    },
  };
  watchStoredOption(signal);
  signal.addEventListener('abort', guard.close, { once: true });
  win.addEventListener('click', (event) => onClick(guard, event), { capture: true, signal });
  win.addEventListener('keydown', (event) => onKeydown(guard, event), { capture: true, signal });
}

const sendButton = (g: Guard) => g.adapter.sendButton?.(g.doc, g.ticketId) ?? null;
const composer = (g: Guard) => g.adapter.composer(g.doc, g.ticketId);

/** Whether the pack asks before sending: as the latest evaluation says, else as the stored pack does. */
function asks(g: Guard): boolean | undefined {
  const known = g.deps.latest().evaluation;
  if (known) packAsks = known.askBeforeSending === true;
  return packAsks;
}

function onClick(g: Guard, event: MouseEvent): void {
  if (!g.prompt && asks(g) !== true) return; // off (or not known yet): no lookup per click
  const button = sendButton(g);
  if (!button || !event.composedPath().includes(button)) return;
  if (hold(g, event)) stop(event);
}

function onKeydown(g: Guard, event: KeyboardEvent): void {
  if (!g.adapter.sendShortcut?.(event)) return;
  const editor = composer(g);
  if (!editor || !event.composedPath().includes(editor) || !sendButton(g)) return;
  if (hold(g, event)) stop(event);
}

function stop(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

/** Whether to hold this send (then the event is stopped here). */
function hold(g: Guard, event: Event): boolean {
  if (!event.isTrusted || g.checking) return false;
  if (g.prompt) {
    g.close(); // asked once: the agent sends anyway from the helpdesk's own button
    return false;
  }
  if (composerKind(g.adapter, g.doc, g.ticketId) !== 'reply') return false; // a note or a forward is no reply to the customer
  const editor = composer(g);
  if (!editor) return false;
  const last = g.deps.latest();
  if (asks(g) !== true) return false; // off, or not known yet: never hold
  const text = composerText(editor);
  if (!text.trim()) return false;
  if (last.evaluation && text === last.draft) {
    const failing = failingCritical(last);
    if (!failing.length) return false;
    ask(g, failing);
    return true;
  }
  checkThenDecide(g, text);
  return true;
}

/** Sent before the checklist caught up with the last keystrokes: check this text, then decide. */
function checkThenDecide(g: Guard, text: string): void {
  g.checking = true;
  void g.deps.evaluateNow().then(
    (now) => {
      g.checking = false;
      if (g.signal.aborted) return;
      asks(g);
      const failing = now.draft === text && packAsks ? failingCritical(now) : [];
      if (failing.length) ask(g, failing);
      else sendButton(g)?.click();
    },
    () => {
      g.checking = false;
      if (!g.signal.aborted) sendButton(g)?.click(); // could not check: never block
    },
  );
}

function ask(g: Guard, failing: string[]): void {
  g.close();
  const button = sendButton(g);
  const editor = composer(g);
  if (!button || !editor || g.signal.aborted) return;
  const onSendAnyway = () => {
    g.close();
    sendButton(g)?.click(); // untrusted: passes this guard
  };
  const onKeepEditing = () => {
    g.close();
    composer(g)?.focus();
  };
  g.prompt = showSendPrompt(g.doc, { failing, anchor: button, onSendAnyway, onKeepEditing });
  // Back in the reply box by any way (a click, Tab): the agent is editing, the question is answered.
  editor.addEventListener('focusin', g.close, { once: true, signal: g.signal });
}
