import type { SidebarState } from './model';
import { initials } from './format';
import { ReadProblem } from './ReadProblem';
import { VisitSummary } from './VisitSummary';
import { maskEmail, maskName, maskText, usePresentation } from './presentation';

export type TicketState = Extract<SidebarState, { kind: 'ticket' }>;

/** Shown text when there is some, undefined for absent or blank fields (rendered unchanged otherwise). */
const shown = (s: string | undefined) => (s?.trim() ? s : undefined);

/**
 * Who wrote in, what about, and whether we met them before (`visits`; the options page's preview,
 * which looks nothing up, leaves it out). Customer text is rendered as text only.
 */
export function CustomerCard({ state, now, visits = true }: { state: TicketState; now: number; visits?: boolean }) {
  const { missing, history } = state;
  const masked = usePresentation();
  const name = shown(state.customer.name);
  const email = shown(state.customer.email);
  const subject = shown(state.subject);
  const nameShown = name && masked ? maskName(name) : name;
  const emailShown = email && masked ? maskEmail(email) : email;
  const subjectShown = subject && masked ? maskText(subject) : subject;
  return (
    <section class="rp-card" aria-label="Customer">
      <div class="rp-who">
        <span class="rp-avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <div class="rp-who-text">
          <h3 class={`rp-name${name ? '' : ' rp-muted'}`} dir="auto" title={nameShown} data-testid="customer-name">
            {nameShown ?? 'Name not shown on this page'}
          </h3>
          <p class={`rp-email${email ? '' : ' rp-muted'}`} title={emailShown} data-testid="customer-email">
            {emailShown ?? 'Email not shown on this page'}
          </p>
        </div>
      </div>
      {subject && (
        <p class="rp-subject" title={subjectShown}>
          <span class="rp-label">Subject</span>
          <span dir="auto">{subjectShown}</span>
        </p>
      )}
      {visits && <VisitSummary history={history} now={now} />}
      {missing.length > 0 && <ReadProblem missing={missing} partial diagnostics={state.diagnostics} />}
    </section>
  );
}
