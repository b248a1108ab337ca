/** The live reply checklist (issue #4), shown under the customer's cues while the agent writes. */
import { useEffect, useId, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { ChecklistEvidence, ChecklistItem, ChecklistPanelProps, ItemState } from './model';
import type { ComposerKind } from '../../lib/helpdesks/types';
import { maskName, maskText, usePresentation } from '../presentation';
import { WhyItMatters, explanationOf } from '../standards/Explained';

const ICON: Record<ItemState, string> = { pass: '✓', fail: '!', na: '–' };
const STATE_WORD: Record<ItemState, string> = { pass: 'Passes', fail: 'Needs work', na: 'Not applicable' };

/** "1 h 5 min", "12 min", "45 s". */
function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** Re-renders at the countdown's resolution: every second in the last two minutes, else every 15 s. */
function useCountdown(deadline: number | undefined, now: () => number): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    if (deadline === undefined) return;
    let id: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = now();
      setTime(t);
      const left = deadline - t;
      id = setTimeout(tick, Math.abs(left) < 120_000 ? 1000 : 15_000);
    };
    tick();
    return () => clearTimeout(id);
  }, [deadline, now]);
  return time;
}

interface Readiness {
  tone: 'ok' | 'warn' | 'bad';
  /** "Not ready", "Almost", "Ready to send". */
  verdict: string;
  /** What is missing, as shown ("2 critical") and what screen readers hear after it (" items to fix"). */
  missing?: { shown: string; more: string };
  /** "40%"; absent when a disputed item makes the engine's figure stale. */
  pct?: string;
}

/**
 * The readiness line, short enough for one line at the narrowest panel (260 px, issue #14):
 * "Not ready: 2 critical" and the percentage at the right; screen readers hear the whole sentence
 * ("Not ready: 2 critical items to fix, 40% ready").
 */
function readinessOf(items: ChecklistItem[], readiness: number | undefined, disputed: Set<string>): Readiness {
  // A disputed item stops nagging for this draft; the engine's percentage counted it, so it is
  // left out rather than shown beside a line that no longer does.
  const failing = items.filter((i) => i.state === 'fail' && !disputed.has(i.rule));
  const critical = failing.filter((i) => i.critical);
  // Checks left out for the language do not make a reply ready: no "Ready to send 100%" for what was not read.
  const partly = items.some((i) => i.notChecked);
  const pct = readiness === undefined || disputed.size > 0 || partly ? undefined : `${Math.round(readiness * 100)}%`;
  const n = (count: number, one: string, many: string) => (count === 1 ? one : many);
  if (critical.length) return { tone: 'bad', verdict: 'Not ready', missing: { shown: `${critical.length} critical`, more: ` ${n(critical.length, 'item', 'items')} to fix` }, pct };
  if (failing.length) return { tone: 'warn', verdict: 'Almost', missing: { shown: `${failing.length} to improve`, more: '' }, pct };
  return partly ? { tone: 'warn', verdict: 'Partly checked' } : { tone: 'ok', verdict: 'Ready to send', pct };
}

/** Which texts the checks could not read, and what that leaves out. */
function LanguageNote({ notEnglish }: { notEnglish: NonNullable<ChecklistPanelProps['notEnglish']> }) {
  const { customer, draft } = notEnglish;
  const which = draft && customer ? 'This ticket is' : draft ? 'Your reply is' : 'Their message is';
  const what = draft ? 'it checks only the greeting, placeholders and reply time' : 'their mood and questions are not read';
  return (
    <p class="rp-cl-language" data-testid="language-note" role="note">
      {which} not in English. Rapport reads English, so {what}.
    </p>
  );
}

function ReadinessLine({ line }: { line: Readiness }) {
  return (
    <p class={`rp-cl-ready rp-cl-ready-${line.tone}`} data-testid="readiness" role="status">
      <span class="rp-cl-ready-text">
        {line.verdict}
        {line.missing && (
          <>
            {': '}
            {line.missing.shown}
            {line.missing.more && <span class="rp-sr">{line.missing.more}</span>}
          </>
        )}
      </span>
      {line.pct && (
        <span class="rp-cl-ready-pct">
          <span class="rp-sr">, </span>
          {line.pct}
          <span class="rp-sr"> ready</span>
        </span>
      )}
    </p>
  );
}

/** The draft as plain text with the evidence ranges marked; never editable. */
function Preview({ draft, marks }: { draft: string; marks: ChecklistEvidence[] }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  const sorted = [...marks].filter((m) => m.end > m.start && m.end <= draft.length).sort((a, b) => a.start - b.start);
  sorted.forEach((m, i) => {
    if (m.start < at) return;
    parts.push(draft.slice(at, m.start));
    parts.push(
      <mark key={i} class="rp-cl-mark">
        {draft.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  });
  parts.push(draft.slice(at));
  return (
    <div class="rp-cl-preview" data-testid="checklist-preview" aria-label="Your draft, with the words highlighted">
      {parts}
    </div>
  );
}

interface ItemProps {
  item: ChecklistItem;
  draft: string;
  disputed: boolean;
  shown: boolean;
  onShow(): void;
  onDispute?: () => void;
  explanations?: ChecklistPanelProps['explanations'];
}

/**
 * One checklist item. "show" opens the draft with this item's words marked, and "why" what the
 * standard is for, both right under the item (not below the list, where they were off-screen).
 * Colours come from `data-state` on this element (see checklist.css).
 */
function Item({ item, draft, disputed, shown, onShow, onDispute, explanations }: ItemProps) {
  const presentation = usePresentation();
  const [why, setWhy] = useState(false);
  const explained = explanationOf(item.rule);
  const whyId = `rp-why-${item.rule}`;
  return (
    <li class="rp-cl-item" data-rule={item.rule} data-state={item.state} data-critical={item.critical ? 'true' : undefined} data-disputed={disputed ? 'true' : undefined}>
      <span class="rp-cl-icon" aria-hidden="true">
        {ICON[item.state]}
      </span>
      <div class="rp-cl-text">
        <span class="rp-cl-label">
          {item.label}
          {item.critical && item.state === 'fail' && !disputed && <span class="rp-cl-critical">critical</span>}
          <span class="rp-sr"> — {STATE_WORD[item.state]}</span>
        </span>
        <span class="rp-cl-why" data-testid="why">
          {presentation ? maskText(item.why) : item.why}
        </span>
        {disputed && <span class="rp-cl-disputed-note">You marked this not right</span>}
      </div>
      <div class="rp-cl-actions">
        {item.evidence.length > 0 && (
          <button type="button" class="rp-cl-show" aria-pressed={shown} aria-label={`${shown ? 'Hide' : 'Show'} the words for ‘${item.label}’`} onClick={onShow}>
            {shown ? 'hide' : 'show'}
          </button>
        )}
        {explained && (
          <button
            type="button"
            class="rp-cl-whybtn"
            data-testid="why-toggle"
            aria-expanded={why}
            aria-controls={why ? whyId : undefined}
            aria-label={`Why ‘${item.label}’ matters`}
            onClick={() => setWhy(!why)}
          >
            why?
          </button>
        )}
        {onDispute && (
          <button
            type="button"
            class="rp-cl-wrong"
            data-testid="verdict-wrong"
            aria-label={`Not right: ${item.label}`}
            title="This verdict is wrong: stop flagging it for this draft and tell your team lead"
            aria-pressed={disputed}
            disabled={disputed}
            onClick={onDispute}
          >
            {disputed ? 'noted' : 'not right'}
          </button>
        )}
      </div>
      {shown && <Preview draft={draft} marks={item.evidence} />}
      {why && <WhyItMatters rule={item.rule} id={whyId} team={explanations} />}
    </li>
  );
}

/** "7 passed · 2 not needed · 1 marked not right"; "2 passed · 8 not checked" for a text not in English. */
function foldedLine(items: ChecklistItem[], disputed: Set<string>): string {
  const passed = items.filter((i) => i.state === 'pass' && !disputed.has(i.rule)).length;
  const na = items.filter((i) => i.state === 'na' && !i.notChecked && !disputed.has(i.rule)).length;
  const unread = items.filter((i) => i.notChecked && !disputed.has(i.rule)).length;
  const parts = [passed ? `${passed} passed` : '', na ? `${na} not needed` : '', unread ? `${unread} not checked` : '', disputed.size ? `${disputed.size} marked not right` : ''];
  return parts.filter(Boolean).join(' · ');
}

/** Said while the composer writes something other than a reply: nothing of it reaches the customer. */
const NOT_CHECKED: Record<Exclude<ComposerKind, 'reply'>, string> = {
  note: 'An internal note: the customer never sees it, so it is not checked. Switch to Reply to check a reply as you write.',
  forward: 'A forward goes to someone else, not to the customer, so it is not checked. Switch to Reply to check a reply as you write.',
};

/** In place of the checklist while there is no reply to check: no reply box open, or a note or forward. */
function NotChecking({ status, writing }: Pick<ChecklistPanelProps, 'status' | 'writing'>) {
  return (
    <section class="rp-cl" data-testid="checklist" data-writing={writing} aria-label="Reply checklist">
      <h2 class="rp-h">Reply checklist</h2>
      <p class="rp-muted rp-cl-hint">{status === 'not-reply' ? NOT_CHECKED[writing === 'forward' ? 'forward' : 'note'] : 'Open the reply box to check your draft as you write.'}</p>
    </section>
  );
}

/** The items with the response-time item as the countdown has it at `time`: time left, or how long the customer has waited. */
function withResponseClock(items: ChecklistItem[], clock: ChecklistPanelProps['responseClock'], time: number): ChecklistItem[] {
  return items.map((item) => {
    if (item.rule !== 'response-time' || !clock) return item;
    const left = clock.deadline - time;
    const target = duration(clock.targetMs);
    return left >= 0
      ? { ...item, state: 'pass' as const, why: `${duration(left)} left of the ${target} target` }
      : { ...item, state: 'fail' as const, why: `Target breached: customer waiting ${duration(clock.targetMs - left)} (target ${target})` };
  });
}

/** "Not right" on an item: whether to send the text with it, and the problem if it could not be recorded. */
function useDispute(onDispute: ChecklistPanelProps['onDispute']) {
  const [includeText, setIncludeText] = useState(false);
  const [disputeError, setDisputeError] = useState<string | undefined>(undefined);
  const dispute = async (item: ChecklistItem) => {
    const result = await onDispute?.(item, includeText);
    setDisputeError(result && !result.ok ? result.error : undefined);
  };
  return { includeText, setIncludeText, disputeError, dispute };
}

export function ChecklistPanel(props: ChecklistPanelProps) {
  const presentation = usePresentation();
  const now = props.now ?? Date.now;
  const time = useCountdown(props.responseClock?.deadline, now);
  const [shown, setShown] = useState<string | undefined>(undefined);
  const { includeText, setIncludeText, disputeError, dispute } = useDispute(props.onDispute);

  if (props.status === 'no-composer' || props.status === 'not-reply') return <NotChecking status={props.status} writing={props.writing} />;

  const items = withResponseClock(props.items, props.responseClock, time);
  const disputed = new Set(props.disputed ?? []);
  // What needs the agent: failing items (critical first, as the feature orders them). Passes, "not
  // needed" and disputed items fold into one line that opens on a click.
  const attention = items.filter((i) => i.state === 'fail' && !disputed.has(i.rule));
  const folded = items.filter((i) => !attention.includes(i));
  const greetingFails = items.some((i) => i.rule === 'greets-by-name' && i.state === 'fail');
  const item = (i: ChecklistItem) => (
    <Item
      key={i.rule}
      item={i}
      draft={props.draft}
      disputed={disputed.has(i.rule)}
      shown={shown === i.rule}
      onShow={() => setShown(shown === i.rule ? undefined : i.rule)}
      onDispute={props.onDispute ? () => void dispute(i) : undefined}
      explanations={props.explanations}
    />
  );

  return (
    <section class="rp-cl" data-testid="checklist" aria-label="Reply checklist">
      <h2 class="rp-h">Reply checklist</h2>
      {props.status === 'error' && (
        <p class="rp-banner" role="alert">
          {props.error}
        </p>
      )}
      {props.status === 'empty' && <p class="rp-muted rp-cl-hint">Start your reply: the checklist follows as you type.</p>}
      {props.status === 'ready' && <ReadinessLine line={readinessOf(items, props.readiness, disputed)} />}
      {props.status === 'ready' && props.notEnglish && <LanguageNote notEnglish={props.notEnglish} />}
      {/* An English salutation is no help in a reply written in another language. */}
      {props.greeting && props.onInsertGreeting && (greetingFails || props.status === 'empty') && !props.notEnglish?.draft && (
        <InsertGreeting greeting={props.greeting} why={props.greetingWhy} presentation={presentation} onInsert={() => props.onInsertGreeting?.()} />
      )}
      {attention.length > 0 && (
        <ul class="rp-cl-items" data-testid="checklist-attention" aria-label="Needs attention">
          {attention.map(item)}
        </ul>
      )}
      {folded.length > 0 && <Folded line={foldedLine(folded, disputed)}>{folded.map(item)}</Folded>}
      {props.mood && props.mood.label !== 'neutral' && props.status === 'ready' && <Mood mood={props.mood} presentation={presentation} />}
      {props.onDispute && items.length > 0 && (
        <label class="rp-cl-include">
          <input type="checkbox" data-testid="dispute-include-text" checked={includeText} onChange={(e) => setIncludeText(e.currentTarget.checked)} />
          With “not right”, include the text (your draft and their message)
        </label>
      )}
      {disputeError && (
        <p class="rp-banner" role="alert">
          {disputeError}
        </p>
      )}
      {props.questions.length > 0 && props.status === 'ready' && <Questions questions={props.questions} presentation={presentation} />}
    </section>
  );
}

/**
 * Offers the salutation ("Hi Dana,"), with the name masked while presenting; says why when it greets
 * someone other than the customer on the card (not while presenting: the reason names people).
 */
function InsertGreeting({ greeting, why, presentation, onInsert }: { greeting: string; why?: string; presentation: boolean; onInsert(): void }) {
  const shown = presentation ? greeting.replace(/^Hi (.+),$/, (_m, n: string) => `Hi ${maskName(n)},`) : greeting;
  const id = useId();
  const reason = presentation ? undefined : why;
  return (
    <>
      <button type="button" class="rp-cl-insert" data-testid="insert-greeting" onClick={onInsert} aria-describedby={reason ? id : undefined}>
        Insert “{shown}”
      </button>
      {reason && (
        <p id={id} class="rp-cl-greet-why" data-testid="greeting-why">
          {reason}
        </p>
      )}
    </>
  );
}

/** The items that need nothing, folded into one line ("7 passed · 2 not needed") that opens on a click. */
function Folded({ line, children }: { line: string; children: ComponentChildren }) {
  return (
    <details class="rp-cl-folded" data-testid="checklist-passed">
      <summary class="rp-cl-folded-line">
        <span class="rp-cl-icon" aria-hidden="true">
          {ICON.pass}
        </span>
        {line}
      </summary>
      <ul class="rp-cl-items">{children}</ul>
    </details>
  );
}

/** How the customer sounds, and the words that say so. */
function Mood({ mood, presentation }: { mood: NonNullable<ChecklistPanelProps['mood']>; presentation: boolean }) {
  return (
    <p class="rp-cl-mood" data-testid="mood">
      Customer {mood.unsure ? 'may be' : 'sounds'} <strong>{mood.label}</strong>
      {mood.words.length > 0 && <span class="rp-muted"> — {mood.words.map((w) => `“${presentation ? maskText(w) : w}”`).join(', ')}</span>}
    </p>
  );
}

/** The customer's questions, each marked addressed, not yet, or maybe no question. */
function Questions({ questions, presentation }: { questions: ChecklistPanelProps['questions']; presentation: boolean }) {
  return (
    <div class="rp-cl-questions">
      {/* Nothing asked outright: the complaint is what the reply must take up, and it is no question. */}
      <h3 class="rp-cl-subh">{questions.every((q) => q.implicit) ? 'What they reported' : 'Their questions'}</h3>
      <ul>
        {questions.map((q, i) => (
          <li key={i} data-testid="question" data-answered={String(q.answered)} data-unsure={q.unsure ? 'true' : undefined} class={q.answered ? 'rp-cl-q-yes' : q.unsure ? 'rp-cl-q-maybe' : 'rp-cl-q-no'} title={!q.answered && q.unsure ? 'Maybe not a question: not counted against the reply' : undefined}>
            <span class="rp-cl-icon" aria-hidden="true">
              {q.answered ? '✓' : '?'}
            </span>
            <span>
              {presentation ? maskText(q.text) : q.text}
              <span class="rp-sr">{q.answered ? ' — addressed' : q.unsure ? ' — maybe not a question; not counted' : ' — not addressed yet'}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
