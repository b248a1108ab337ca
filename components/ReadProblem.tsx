import type { ReadableField } from '../lib/helpdesks/types';
import { joinWords, missingLabel } from './format';
import { CopyDiagnostics } from './CopyDiagnostics';
import type { DiagnosticsReport } from './model';

/**
 * Says in plain words what the page did not show. `partial`: the ticket was read but some fields
 * were not (a one-line muted notice); otherwise the whole page could not be read. `advice`: what to
 * do about it, where the sidebar's own line doesn't fit (the options page's preview).
 */
export function ReadProblem({ missing, partial, diagnostics, advice }: { missing: ReadableField[]; partial?: boolean; diagnostics?: DiagnosticsReport; advice?: string }) {
  const words = missing.map(missingLabel);
  if (partial) {
    return (
      <>
        <p class="rp-notice" data-testid="read-problem">
          Couldn't read {joinWords(words)} on this page.
        </p>
        {diagnostics && <CopyDiagnostics report={diagnostics} />}
      </>
    );
  }
  return (
    <section class="rp-problem" data-testid="read-problem" aria-label="Reading problem">
      <h3 class="rp-problem-title">Rapport couldn't read this ticket page</h3>
      {words.length > 0 && (
        <>
          <p>Not found on the page:</p>
          <ul class="rp-problem-list">
            {words.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
      <p class="rp-muted">{advice ?? 'The helpdesk may have changed its layout; your notes are safe. Reloading the page may help.'}</p>
      {diagnostics && <CopyDiagnostics report={diagnostics} />}
    </section>
  );
}
