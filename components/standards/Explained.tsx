/**
 * "Why this matters" for every checklist item (issue #16), for agents and trainers: the standard it
 * serves, why, what the checklist looks for, and a good and a weak example. No rule ids on screen.
 * One code path: the training and options pages list them all; the sidebar opens one per item.
 */
import { useState } from 'preact/hooks';
import { EXPLAIN, explanationFor, explanations, type RuleExplanation, type TeamExplanations } from '../../lib/standards/explain';
import type { RuleId } from '../../lib/standards/types';

type Part = 'why' | 'checks' | 'good' | 'weak';
const PARTS: readonly [Part, string][] = [
  ['why', 'Why this matters'],
  ['checks', 'What the checklist looks for'],
  ['good', 'A good example'],
  ['weak', 'A weak example'],
];

/**
 * Every rule's explanation, with the team's own words where it has them. With `onSave` (the options
 * page), each can be reworded for the team and put back to Rapport's words.
 */
export function StandardsExplained({
  order,
  open = false,
  team,
  onSave,
}: {
  order: readonly RuleId[];
  open?: boolean;
  team?: TeamExplanations;
  /** Saves one rule's wording (undefined: back to Rapport's); resolves with a problem to show, if any. */
  onSave?: (id: RuleId, wording: TeamExplanations[RuleId] | undefined) => Promise<string | undefined>;
}) {
  return (
    <ul class="rx-list" data-testid="standards-explained">
      {explanations(order, team).map((x) => (
        <li key={x.id} class="rx-item" data-rule={x.id}>
          <details open={open}>
            <summary>
              <span class="rx-standard">{x.standard}</span>
              <span class="rx-title">{x.title}</span>
              {x.edited && <span class="rx-edited">Your team's words</span>}
            </summary>
            {onSave ? <EditableBody x={x} id={x.id} onSave={onSave} /> : <ExplainedBody x={x} />}
          </details>
        </li>
      ))}
    </ul>
  );
}

/** One explanation with "Reword for your team": four fields, saved together; only changed parts are kept. */
function EditableBody({ x, id, onSave }: { x: RuleExplanation & { edited: boolean }; id: RuleId; onSave: NonNullable<Parameters<typeof StandardsExplained>[0]['onSave']> }) {
  const [editing, setEditing] = useState<Record<Part, string> | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const save = async (wording: TeamExplanations[RuleId] | undefined) => {
    const error = await onSave(id, wording);
    setProblem(error);
    if (!error) setEditing(undefined);
  };
  if (!editing) {
    return (
      <>
        <ExplainedBody x={x} />
        <div class="rx-actions">
          <button type="button" data-testid="explain-edit" onClick={() => setEditing({ why: x.why, checks: x.checks, good: x.good, weak: x.weak })}>
            Reword for your team
          </button>
          {x.edited && (
            <button type="button" data-testid="explain-reset" onClick={() => void save(undefined)}>
              Use Rapport's words
            </button>
          )}
        </div>
      </>
    );
  }
  const changed = Object.fromEntries(PARTS.map(([k]) => [k, editing[k].trim()]).filter(([k, v]) => v && v !== EXPLAIN[id][k as Part]));
  return (
    <form
      class="rx-body rx-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(Object.keys(changed).length ? changed : undefined);
      }}
    >
      {PARTS.map(([k, label]) => (
        <label key={k} class="rx-field">
          <span>{label}</span>
          <textarea rows={k === 'why' ? 3 : 2} value={editing[k]} data-testid={`explain-${k}`} onInput={(e) => setEditing({ ...editing, [k]: e.currentTarget.value })} />
        </label>
      ))}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="rx-actions">
        <button type="submit" class="primary" data-testid="explain-save">
          Save wording
        </button>
        <button type="button" onClick={() => setEditing(undefined)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The explanation of one rule, if it has one (a team's own rule may not). */
export const explanationOf = (rule: string): RuleExplanation | undefined => (Object.hasOwn(EXPLAIN, rule) ? EXPLAIN[rule as RuleId] : undefined);

/** The sidebar's short form: the standard, why it matters and the two examples, for one checklist item. */
export function WhyItMatters({ rule, id, team }: { rule: string; id?: string; team?: TeamExplanations }) {
  const x = Object.hasOwn(EXPLAIN, rule) ? explanationFor(rule as RuleId, team) : undefined;
  if (!x) return null;
  return (
    <div class="rx-short" id={id} data-testid="why-it-matters">
      <p class="rx-standard">{x.standard}</p>
      <ExplainedBody x={x} />
    </div>
  );
}

function ExplainedBody({ x }: { x: RuleExplanation }) {
  return (
    <div class="rx-body">
      <p>
        <strong>Why this matters.</strong> {x.why}
      </p>
      <p>
        <strong>What the checklist looks for.</strong> {x.checks}
      </p>
      <div class="rx-examples">
        <p class="rx-good">
          <span>Good</span> {x.good}
        </p>
        <p class="rx-weak">
          <span>Weak</span> {x.weak}
        </p>
      </div>
    </div>
  );
}
