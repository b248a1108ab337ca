/**
 * "Why this matters" for every checklist item (issue #16), for agents and trainers: the standard it
 * serves, why, what the checklist looks for, and a good and a weak example. No rule ids on screen.
 * One code path: the training and options pages list them all; the sidebar opens one per item.
 */
import { EXPLAIN, explanations, type RuleExplanation } from '../../lib/standards/explain';
import type { RuleId } from '../../lib/standards/types';

export function StandardsExplained({ order, open = false }: { order: readonly RuleId[]; open?: boolean }) {
  return (
    <ul class="rx-list" data-testid="standards-explained">
      {explanations(order).map((x) => (
        <li key={x.id} class="rx-item">
          <details open={open}>
            <summary>
              <span class="rx-standard">{x.standard}</span>
              <span class="rx-title">{x.title}</span>
            </summary>
            <ExplainedBody x={x} />
          </details>
        </li>
      ))}
    </ul>
  );
}

/** The explanation of one rule, if it has one (a team's own rule may not). */
export const explanationOf = (rule: string): RuleExplanation | undefined => (Object.hasOwn(EXPLAIN, rule) ? EXPLAIN[rule as RuleId] : undefined);

/** The sidebar's short form: the standard, why it matters and the two examples, for one checklist item. */
export function WhyItMatters({ rule, id }: { rule: string; id?: string }) {
  const x = explanationOf(rule);
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
