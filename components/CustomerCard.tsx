import type { SidebarState } from './model';
import { initials } from './format';
import { ReadProblem } from './ReadProblem';
import { VisitSummary } from './VisitSummary';

export type TicketState = Extract<SidebarState, { kind: 'ticket' }>;

/** Shown text when there is some, undefined for absent or blank fields (rendered unchanged otherwise). */
const shown = (s: string | undefined) => (s?.trim() ? s : undefined);

/** Who wrote in, what about, and whether we met them before. Customer text is rendered as text only. */
export function CustomerCard({ state, now }: { state: TicketState; now: number }) {
  const { missing, history } = state;
  const name = shown(state.customer.name);
  const email = shown(state.customer.email);
  const subject = shown(state.subject);
  return (
    <section class="rp-card" aria-label="Customer">
      <div class="rp-who">
        <span class="rp-avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <div class="rp-who-text">
          <h3 class={`rp-name${name ? '' : ' rp-muted'}`} dir="auto" title={name} data-testid="customer-name">
            {name ?? 'Name not shown on this page'}
          </h3>
          <p class={`rp-email${email ? '' : ' rp-muted'}`} title={email} data-testid="customer-email">
            {email ?? 'Email not shown on this page'}
          </p>
        </div>
      </div>
      {subject && (
        <p class="rp-subject" title={subject}>
          <span class="rp-label">Subject</span>
          <span dir="auto">{subject}</span>
        </p>
      )}
      <VisitSummary history={history} now={now} />
      {missing.length > 0 && <ReadProblem missing={missing} partial />}
    </section>
  );
}
