/**
 * "Why this matters" for every checklist item (issue #16), for agents and trainers: the standard it
 * serves, why, what the checklist looks for, and a good and a weak example. No rule ids on screen.
 */
import { explanations } from '../../lib/standards/explain';
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
          </details>
        </li>
      ))}
    </ul>
  );
}
