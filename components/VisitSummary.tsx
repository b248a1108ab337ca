import type { VisitSummary as Visits } from '../lib/messages';
import { describeVisits, formatDateTime } from './format';

/** "First time we see this customer" / "Seen 3 times, last on 25 Nov 2026 (yesterday)". */
export function VisitSummary({ history, now }: { history?: Visits; now: number }) {
  const returning = !!history && history.ticketsSeen > 0;
  return (
    <p
      class={`rp-visits${history ? '' : ' rp-muted'}`}
      data-testid="visit-summary"
      title={history?.lastSeen !== undefined ? formatDateTime(history.lastSeen) : undefined}
    >
      <span class={`rp-dot${returning ? ' rp-dot-on' : ''}`} aria-hidden="true" />
      {describeVisits(history, now)}
    </p>
  );
}
