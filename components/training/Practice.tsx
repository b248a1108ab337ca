/**
 * Practice on one scenario (issue #16): the ticket and the real sidebar side by side, a composer,
 * "Check", then the score, what failed and why it matters, and the model answer with the same
 * checklist applied. Props in, events out: scoring and storage are the page's business.
 */
import { useState } from 'preact/hooks';
import type { PracticeResult } from '../../lib/training/check';
import type { ScenarioTicket } from '../../lib/training/ticket';
import { PRINCIPLES, type Scenario } from '../../lib/training/types';
import { EXPLAIN, explanationFor, type TeamExplanations } from '../../lib/standards/explain';
import { moodLine, questionsView, type RuleId } from '../../lib/standards/types';
import type { ChecklistItem, ChecklistPanelProps } from '../checklist/model';
import { maskText, setMaskedNames, usePresentation } from '../presentation';
import { SidebarFrame } from './SidebarFrame';
import { Thread } from './Thread';

export interface PracticeProps {
  scenario: Scenario;
  ticket: ScenarioTicket;
  sidebarCss: string;
  trainee: string;
  /** Scores a reply with the active pack (the sidebar's engine). */
  evaluate(draft: string): PracticeResult;
  /** The model answer, scored the same way. */
  model: PracticeResult;
  /** Records the attempt; resolves with an error sentence when it could not be kept. */
  onAttempt(draft: string, result: PracticeResult): Promise<string | undefined>;
  /** Opens this scenario in class mode / the editor. */
  onClassMode(): void;
  onEdit(): void;
}

const STATE_ICON = { pass: '✓', fail: '!', na: '–' } as const;

export function checklistProps(draft: string, result: PracticeResult | undefined, greeting: string | undefined, onInsert: () => void): ChecklistPanelProps {
  if (!draft.trim() || !result) return { status: 'empty', draft, items: [], questions: [], greeting, onInsertGreeting: greeting ? onInsert : undefined };
  const e = result.evaluation;
  return {
    status: 'ready',
    draft,
    items: result.items,
    readiness: e.readiness,
    questions: questionsView(e.questions),
    mood: moodLine(e.mood),
    greeting,
    onInsertGreeting: greeting ? onInsert : undefined,
    explanations: e.explanations,
  };
}

export function Practice(props: PracticeProps) {
  const { scenario, ticket } = props;
  const presenting = usePresentation();
  if (presenting) setMaskedNames([scenario.customer.name, scenario.customer.preferredName]); // in the why-lines and model answer too (#16)
  const [draft, setDraft] = useState('');
  const [checked, setChecked] = useState<{ draft: string; result: PracticeResult } | undefined>();
  const [problem, setProblem] = useState<string>();
  const live = draft.trim() ? props.evaluate(draft) : undefined;
  const name = scenario.customer.preferredName ?? scenario.customer.name.split(/\s+/)[0];
  const greeting = name ? `Hi ${name},` : undefined;
  const insertGreeting = () => setDraft((d) => (d.startsWith(`${greeting} `) ? d : `${greeting} ${d}`));

  const check = async () => {
    if (!draft.trim()) return;
    const result = props.evaluate(draft);
    setChecked({ draft, result });
    setProblem(props.trainee.trim() ? await props.onAttempt(draft, result) : 'Type your name at the top so your attempts are kept.');
  };

  return (
    <div class="tr-practice" data-testid="practice" data-scenario-id={scenario.id}>
      <header class="tr-practice-head">
        <div>
          <p class="tr-eyebrow">{PRINCIPLES[scenario.principle]}</p>
          <h1>{scenario.title}</h1>
        </div>
        <div class="tr-head-actions">
          <button type="button" class="rd-button" onClick={props.onEdit}>
            Edit scenario
          </button>
          <button type="button" class="rd-button" onClick={props.onClassMode} data-testid="class-mode">
            Class mode
          </button>
        </div>
      </header>
      <details class="tr-why" open>
        <summary>Why it matters</summary>
        <p>{scenario.why}</p>
      </details>
      <div class="tr-workspace">
        <div class="tr-ticket-col">
          <Thread scenario={scenario} />
          <label class="tr-composer-label" for="tr-composer">
            Your reply
          </label>
          <textarea
            id="tr-composer"
            class="tr-composer"
            data-testid="practice-composer"
            rows={9}
            value={draft}
            placeholder="Write your reply as you would send it…"
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          <div class="tr-composer-bar">
            <span class="rd-muted rd-small">The checklist on the right follows as you type.</span>
            <button type="button" class="rd-button rd-primary" data-testid="practice-check" disabled={!draft.trim()} onClick={() => void check()}>
              Check
            </button>
          </div>
        </div>
        <div class="tr-sidebar-col">
          <SidebarFrame
            css={props.sidebarCss}
            state={ticket.state}
            memory={{ context: ticket.memory, now: ticket.now }}
            checklist={checklistProps(draft, live, greeting, insertGreeting)}
            presentation={presenting}
            now={ticket.now}
          />
        </div>
      </div>
      {checked && <Result scenario={scenario} draft={checked.draft} result={checked.result} model={props.model} problem={problem} presenting={presenting} />}
    </div>
  );
}

function Result({ scenario, draft, result, model, problem, presenting }: { scenario: Scenario; draft: string; result: PracticeResult; model: PracticeResult; problem?: string; presenting: boolean }) {
  const passedByModel = new Map(model.items.filter((i) => i.state === 'pass').map((i) => [i.rule, i]));
  const better = result.failing.filter((i) => passedByModel.has(i.rule));
  const tone = result.score >= 90 && !result.failing.length ? 'ok' : result.score >= 60 ? 'warn' : 'bad';
  return (
    <section class="tr-result" aria-label="Your result" data-testid="practice-result">
      <div class="tr-score-row">
        <p class={`tr-score tr-score-${tone}`} data-testid="practice-score" data-score={result.score} role="status">
          <span class="tr-score-num">{result.score}</span>
          <span class="tr-score-of">/ 100</span>
        </p>
        <p class="tr-score-line">
          {result.failing.length === 0
            ? 'Every item of the standards passes. That reply is ready to send.'
            : `${result.failing.length} ${result.failing.length === 1 ? 'item' : 'items'} to work on. Compare with the model answer below.`}
        </p>
      </div>
      {problem && (
        <p class="rd-error" role="alert">
          {problem}
        </p>
      )}
      <div class="tr-compare">
        <div class="rd-card">
          <h2>Your reply</h2>
          <blockquote class="tr-quote" dir="auto">
            {draft}
          </blockquote>
          <Items items={result.items} testId="practice-items" presenting={presenting} explain team={result.evaluation.explanations} />
        </div>
        <div class="rd-card" data-testid="model-answer">
          <h2>Model answer</h2>
          <blockquote class="tr-quote" dir="auto">
            {presenting ? maskText(scenario.modelAnswer) : scenario.modelAnswer}
          </blockquote>
          <p class="tr-model-score">Scores {model.score} / 100 with the same standards.</p>
          <Items items={model.items} testId="model-items" presenting={presenting} />
        </div>
      </div>
      <div class="rd-card tr-differently" data-testid="did-differently">
        <h2>What the strong reply did differently</h2>
        {better.length > 0 && (
          <ul class="tr-diff">
            {better.map((i) => (
              <li key={i.rule}>
                <strong>{i.label}:</strong> {presenting ? maskText(passedByModel.get(i.rule)!.why) : passedByModel.get(i.rule)!.why}
              </li>
            ))}
          </ul>
        )}
        <ul class="tr-points">
          {scenario.strongReply.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** A checklist's items, failing first, each with its why (and "why this matters" for the failing ones). */
export function Items({ items, testId, presenting, explain, team }: { items: ChecklistItem[]; testId: string; presenting: boolean; explain?: boolean; team?: TeamExplanations }) {
  const shown = items.filter((i) => i.state !== 'na');
  return (
    <ul class="tr-items" data-testid={testId}>
      {shown.map((i) => (
        <li key={i.rule} class={`tr-item tr-item-${i.state}`} data-state={i.state} data-rule={i.rule}>
          <span class="tr-item-icon" aria-hidden="true">
            {STATE_ICON[i.state]}
          </span>
          <div>
            <p class="tr-item-label">
              {i.label}
              {i.critical && i.state === 'fail' && <span class="tr-critical">critical</span>}
              <span class="tr-sr"> — {i.state === 'pass' ? 'passes' : 'needs work'}</span>
            </p>
            <p class="tr-item-why" data-testid="failing-why">
              {presenting ? maskText(i.why) : i.why}
            </p>
            {explain && i.state === 'fail' && Object.hasOwn(EXPLAIN, i.rule) && <p class="tr-item-matters">Why this matters: {explanationFor(i.rule as RuleId, team).why}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
