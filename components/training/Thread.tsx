/** The scenario's conversation, as a helpdesk shows a ticket. Customer text is rendered as text only. */
import type { Scenario } from '../../lib/training/types';
import { maskName, maskText, usePresentation } from '../presentation';

const ago = (minutes: number) => {
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h ago`;
  const days = Math.round(minutes / 1440);
  return days === 1 ? 'yesterday' : `${days} days ago`;
};

export function Thread({ scenario }: { scenario: Scenario }) {
  const presenting = usePresentation();
  const name = presenting ? maskName(scenario.customer.name) : scenario.customer.name;
  return (
    <section class="tr-ticket" aria-label="Ticket">
      <header class="tr-ticket-head">
        <span class="tr-channel">{scenario.channel === 'chat' ? 'Chat' : 'Email'}</span>
        <h2 class="tr-subject" dir="auto">
          {presenting ? maskText(scenario.subject) : scenario.subject}
        </h2>
      </header>
      <ol class="tr-thread">
        {scenario.thread.map((m, i) => (
          <li key={i} class={`tr-msg tr-msg-${m.from}`} data-testid="thread-message">
            <p class="tr-msg-meta">
              <strong>{m.from === 'customer' ? name : (m.author ?? 'Support')}</strong>
              <span> · {ago(m.minutesAgo)}</span>
            </p>
            <p class="tr-msg-text" dir="auto">
              {presenting ? maskText(m.text) : m.text}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
