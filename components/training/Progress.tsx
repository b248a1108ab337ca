/** Trainees' progress (issue #16): each trainee's scores per standard over time, exports, clearing. */
import { useState } from 'preact/hooks';
import type { TraineeProgress } from '../../lib/training/progress';
import { dateAndTime, formatDate } from '../format';
import { maskName, usePresentation } from '../presentation';

export interface ProgressProps {
  progress: TraineeProgress[];
  onExportCsv(): void;
  onExportJson(): void;
  onClear(trainee: string): void;
}

const CELL = { pass: '✓', fail: '✗', na: '–' } as const;

export function Progress({ progress, onExportCsv, onExportJson, onClear }: ProgressProps) {
  const presenting = usePresentation();
  const [confirming, setConfirming] = useState<string>();
  return (
    <div class="rd-view tr-progress">
      <div class="tr-page-head">
        <div>
          <h1>Progress</h1>
          <p class="rd-muted">Every checked reply is kept on this computer, per trainee and scenario.</p>
        </div>
        <div class="tr-head-actions">
          <button type="button" class="rd-button" onClick={onExportCsv} disabled={!progress.length} data-testid="progress-csv">
            Export CSV
          </button>
          <button type="button" class="rd-button" onClick={onExportJson} disabled={!progress.length} data-testid="progress-json">
            Export report (JSON)
          </button>
        </div>
      </div>
      {progress.length === 0 && (
        <div class="rd-empty">
          <h2>No attempts yet</h2>
          <p>Type a trainee name at the top, pick a scenario and press Check: the attempt shows up here.</p>
        </div>
      )}
      {progress.map((p) => (
        <section key={p.trainee} class="rd-card tr-trainee" data-testid="trainee-progress" data-trainee={p.trainee}>
          <div class="tr-trainee-head">
            <h2>{presenting ? maskName(p.trainee) : p.trainee}</h2>
            <span class="rd-muted">
              {p.attempts.length} {p.attempts.length === 1 ? 'attempt' : 'attempts'} · average {p.average}
              {p.attempts.length > 1 && ` · ${p.change >= 0 ? '+' : ''}${p.change} since the first`}
            </span>
            {confirming === p.trainee ? (
              <span class="tr-confirm" role="group" aria-label="Confirm clearing">
                Delete all {p.attempts.length} attempts?
                <button type="button" class="rd-button rd-danger-button" onClick={() => { setConfirming(undefined); onClear(p.trainee); }} data-testid="progress-clear-confirm">
                  Delete
                </button>
                <button type="button" class="rd-button" onClick={() => setConfirming(undefined)}>
                  Keep
                </button>
              </span>
            ) : (
              <button type="button" class="rd-button rd-button-quiet tr-clear" onClick={() => setConfirming(p.trainee)} data-testid="progress-clear">
                Clear practice data
              </button>
            )}
          </div>
          <div class="tr-table-wrap">
            <table class="tr-table">
              <thead>
                <tr>
                  <th scope="col">Standard</th>
                  {p.attempts.map((a, i) => (
                    <th key={a.id} scope="col" title={`${a.scenarioTitle}, ${formatDate(a.at)}`}>
                      #{i + 1}
                    </th>
                  ))}
                  <th scope="col" class="rd-num">Passed</th>
                </tr>
              </thead>
              <tbody>
                <tr class="tr-score-tr">
                  <th scope="row">Score</th>
                  {p.attempts.map((a) => (
                    <td key={a.id} class="rd-num">
                      <span class="tr-bar" style={{ '--v': `${a.score}%` }}>
                        {a.score}
                      </span>
                    </td>
                  ))}
                  <td />
                </tr>
                {p.standards.map((s) => (
                  <tr key={s.rule}>
                    <th scope="row">{s.label}</th>
                    {s.states.map((state, i) => (
                      <td key={i} class={`tr-cell tr-cell-${state ?? 'none'}`} aria-label={state ?? 'off'}>
                        {state ? CELL[state] : ''}
                      </td>
                    ))}
                    <td class="rd-num">{s.passRate === undefined ? '–' : `${s.passRate}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ol class="tr-attempts" data-testid="attempts">
            {[...p.attempts].reverse().map((a) => (
              <li key={a.id} data-testid="attempt">
                <span class="tr-attempt-score">{a.score}</span> {a.scenarioTitle} <span class="rd-muted">· {dateAndTime(a.at)}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
