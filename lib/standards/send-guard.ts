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

export function guardSending(deps: SendGuardDeps, signal: AbortSignal): void {
  const { document: doc, adapter, ticketId } = deps;
  const win = doc.defaultView;
  if (!win) return;
  let prompt: SendPrompt | undefined;
  let checking = false;
  watchStoredOption(signal);

  const sendButton = () => adapter.sendButton?.(doc, ticketId) ?? null;
  const asks = () => {
    const known = deps.latest().evaluation;
    if (known) packAsks = known.askBeforeSending === true;
    return packAsks;
  };
  const composer = () => adapter.composer(doc, ticketId);
  const close = () => {
    prompt?.remove();
    prompt = undefined;
  };
  signal.addEventListener('abort', close, { once: true });

  const sendAgain = () => {
    close();
    sendButton()?.click(); // untrusted: passes this guard
  };
  const keepEditing = () => {
    close();
    composer()?.focus();
  };

  const ask = (failing: string[]) => {
    close();
    const button = sendButton();
    const editor = composer();
    if (!button || !editor || signal.aborted) return;
    prompt = showSendPrompt(doc, { failing, anchor: button, onSendAnyway: sendAgain, onKeepEditing: keepEditing });
    // Back in the reply box by any way (a click, Tab): the agent is editing, the question is answered.
    editor.addEventListener('focusin', close, { once: true, signal });
  };

  /** Whether to hold this send (then the event is stopped here). */
  const hold = (event: Event): boolean => {
    if (!event.isTrusted || checking) return false;
    if (prompt) {
      close(); // asked once: the agent sends anyway from the helpdesk's own button
      return false;
    }
    if (composerKind(adapter, doc, ticketId) !== 'reply') return false; // a note or a forward is no reply to the customer
    const editor = composer();
    if (!editor) return false;
    const last = deps.latest();
    if (asks() !== true) return false; // off, or not known yet: never hold
    const text = composerText(editor);
    if (!text.trim()) return false;
    if (last.evaluation && text === last.draft) {
      const failing = failingCritical(last);
      if (!failing.length) return false;
      ask(failing);
      return true;
    }
    // Sent before the checklist caught up with the last keystrokes: check this text, then decide.
    checking = true;
    void deps.evaluateNow().then(
      (now) => {
        checking = false;
        if (signal.aborted) return;
        asks();
        const failing = now.draft === text && packAsks ? failingCritical(now) : [];
        if (failing.length) ask(failing);
        else sendButton()?.click();
      },
      () => {
        checking = false;
        if (!signal.aborted) sendButton()?.click(); // could not check: never block
      },
    );
    return true;
  };

  const stop = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  win.addEventListener(
    'click',
    (event) => {
      if (!prompt && asks() !== true) return; // off (or not known yet): no lookup per click
      const button = sendButton();
      if (!button || !event.composedPath().includes(button)) return;
      if (hold(event)) stop(event);
    },
    { capture: true, signal },
  );
  win.addEventListener(
    'keydown',
    (event) => {
      if (!adapter.sendShortcut?.(event)) return;
      const editor = composer();
      if (!editor || !event.composedPath().includes(editor) || !sendButton()) return;
      if (hold(event)) stop(event);
    },
    { capture: true, signal },
  );
}
