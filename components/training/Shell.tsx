/**
 * The training page's shell (issue #16): the navigation beside every view, and the two pages with
 * nothing of their own to do (the standards explained, a scenario that is gone). Props in, events out.
 */
import { RULE_IDS } from '../../lib/standards/types';
import type { TeamExplanations } from '../../lib/standards/explain';
import { StandardsExplained } from '../standards/Explained';

const NAV = [
  ['library', 'Scenario library'],
  ['progress', 'Progress'],
  ['standards', 'Standards explained'],
] as const;

export interface TrainingNavProps {
  /** The view whose link is marked as the current page. */
  current: string;
  trainee: string;
  onTrainee(name: string): void;
  presentation: boolean;
  dashboardUrl: string;
}

export function TrainingNav({ current, trainee, onTrainee, presentation, dashboardUrl }: TrainingNavProps) {
  return (
    <nav class="rd-nav" aria-label="Training">
      <div class="rd-brand">
        <span class="rd-logo" aria-hidden="true">R</span> Rapport training
      </div>
      <label class="tr-trainee-field">
        <span>Trainee</span>
        <input type="text" value={trainee} placeholder="Your name" onChange={(e) => onTrainee(e.currentTarget.value)} data-testid="trainee-name" autocomplete="name" />
      </label>
      <ul>
        {NAV.map(([id, label]) => (
          <li key={id}>
            <a href={`#${id}`} aria-current={current === id ? 'page' : undefined} data-testid={`nav-${id}`}>
              {label}
            </a>
          </li>
        ))}
      </ul>
      <a class="tr-nav-out" href={dashboardUrl}>
        Dashboard →
      </a>
      {presentation && <p class="rd-presenting">Presentation mode: names and contact details masked</p>}
    </nav>
  );
}

/** Every standard explained, in the team's wording where it has one. */
export function StandardsView({ team }: { team?: TeamExplanations }) {
  return (
    <div class="rd-view">
      <div class="tr-page-head">
        <div>
          <h1>Standards explained</h1>
          <p class="rd-muted">What each checklist item asks of a reply, and why it matters to the customer.</p>
        </div>
      </div>
      <StandardsExplained order={RULE_IDS} team={team} />
    </div>
  );
}

/** An address naming a scenario the library no longer has. */
export function NoSuchScenario() {
  return (
    <div class="rd-empty">
      <h2>No such scenario</h2>
      <p>
        It may have been deleted. <a href="#library">Back to the library</a>
      </p>
    </div>
  );
}
