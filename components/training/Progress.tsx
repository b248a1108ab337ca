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
  // One "Delete all attempts?" at a time, across the trainees.
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
        <TraineeCard
          key={p.trainee}
          progress={p}
          confirming={confirming === p.trainee}
          onConfirm={(on) => setConfirming(on ? p.trainee : undefined)}
          onClear={() => {
            setConfirming(undefined);
            onClear(p.trainee);
          }}
        />
      ))}
    </div>
  );
}

interface TraineeCardProps {
  progress: TraineeProgress;
  /** Whether "Delete all attempts?" is asked for this trainee. */
  confirming: boolean;
  onConfirm(on: boolean): void;
  onClear(): void;
}

/** One trainee: the summary line, clearing, the scores per standard and the attempts, newest first. */
function TraineeCard({ progress, confirming, onConfirm, onClear }: TraineeCardProps) {
  const presenting = usePresentation();
  return (
    <section class="rd-card tr-trainee" data-testid="trainee-progress" data-trainee={progress.trainee}>
      <div class="tr-trainee-head">
        <h2>{presenting ? maskName(progress.trainee) : progress.trainee}</h2>
        <span class="rd-muted">
          {progress.attempts.length} {progress.attempts.length === 1 ? 'attempt' : 'attempts'} · average {progress.average}
          {progress.attempts.length > 1 && ` · ${progress.change >= 0 ? '+' : ''}${progress.change} since the first`}
        </span>
        {confirming ? (
          <span class="tr-confirm" role="group" aria-label="Confirm clearing">
            Delete all {progress.attempts.length} attempts?
            <button type="button" class="rd-button rd-danger-button" onClick={onClear} data-testid="progress-clear-confirm">
              Delete
            </button>
            <button type="button" class="rd-button" onClick={() => onConfirm(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" class="rd-button rd-button-quiet tr-clear" onClick={() => onConfirm(true)} data-testid="progress-clear">
            Clear practice data
          </button>
        )}
      </div>
      <ScoreTable progress={progress} />
      <ol class="tr-attempts" data-testid="attempts">
        {[...progress.attempts].reverse().map((a) => (
          <li key={a.id} data-testid="attempt">
            <span class="tr-attempt-score">{a.score}</span> {a.scenarioTitle} <span class="rd-muted">· {dateAndTime(a.at)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A column per attempt, oldest first: the score, then each standard's state, and each standard's pass rate. */
function ScoreTable({ progress }: { progress: TraineeProgress }) {
  return (
    <div class="tr-table-wrap">
      <table class="tr-table">
        <thead>
          <tr>
            <th scope="col">Standard</th>
            {progress.attempts.map((a, i) => (
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
            {progress.attempts.map((a) => (
              <td key={a.id} class="rd-num">
                <span class="tr-bar" style={{ '--v': `${a.score}%` }}>
                  {a.score}
                </span>
              </td>
            ))}
            <td />
          </tr>
          {progress.standards.map((s) => (
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
  );
}
