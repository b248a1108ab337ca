import { useMemo } from 'preact/hooks';
import type { AllData } from '@/lib/dashboard/live';
import { useTicketUrl } from './ticket-links';
import { cuesFor } from '@/lib/memory/cues';
import { helpdeskLabel } from '../format';
import { countTickets } from '@/lib/memory/tickets';
import { usePresentation } from '../presentation';
import { day, dayTime, displayName, fromWho, showEmail, showText } from './identity';
import { FollowUpItem } from './FollowUpsView';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function CustomerPage({ id, data, now, onBack }: { id: string; data: AllData; now: number; onBack: () => void }) {
  const masked = usePresentation();
  const ticketUrl = useTicketUrl();
  const customer = data.customers.find((c) => c.id === id);
  const ids = useMemo(() => new Set([id, ...data.customers.filter((c) => c.mergedInto === id).map((c) => c.id)]), [data, id]);
  const visits = data.visits.filter((v) => ids.has(v.customerId)).sort((a, b) => b.lastSeen - a.lastSeen);
  const notes = data.notes.filter((n) => ids.has(n.customerId)).sort((a, b) => Number(b.pinned ?? false) - Number(a.pinned ?? false) || b.updatedAt - a.updatedAt);
  const followUps = data.followUps.filter((f) => ids.has(f.customerId)).sort((a, b) => a.dueAt - b.dueAt);
  const facts = data.facts.filter((f) => ids.has(f.customerId));
  if (!customer) {
    return (
      <section class="rd-view">
        <button type="button" class="rd-link" onClick={onBack}>← All customers</button>
        <p class="rd-empty">This customer is no longer stored (erased or merged).</p>
      </section>
    );
  }
  let cues: { id: string; reason: string }[] = [];
  try {
    // No ticket is open here: the customer's tickets are counted as they are (issue #12: with one
    // ticket stored, "currentTicket: ''" counted a second, "2nd ticket today").
    cues = cuesFor({ customer, visits, facts, followUps, notes, now });
  } catch {
    cues = [];
  }
  const profile: [string, string | undefined][] = [
    ['Preferred name', customer.preferredName],
    ['Pronouns', customer.pronouns],
    ['Pronunciation', customer.pronunciation],
    ['Organisation', customer.organization],
    ['Tier', customer.tier],
    ['Language', customer.language],
    ['Time zone', customer.timeZone],
    ['Helpdesk', `${helpdeskLabel(customer.helpdesk)} · ${customer.account}`],
    ['Customer since', day(customer.firstSeen)],
  ];
  return (
    <section class="rd-view" aria-labelledby="customer-title" data-testid="customer-page">
      <button type="button" class="rd-link" onClick={onBack}>← All customers</button>
      <header class="rd-view-head">
        <h1 id="customer-title">
          {displayName(customer, masked)} {customer.vip && <span class="rd-badge">VIP</span>}
        </h1>
        <p class="rd-muted">{customer.emails.map((e) => showEmail(e, masked)).join(' · ') || 'No email known'}</p>
      </header>
      <div class="rd-grid">
        <div class="rd-card">
          <h2>Profile</h2>
          <dl class="rd-dl">
            {profile
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <>
                  <dt>{k}</dt>
                  <dd>{k === 'Preferred name' && masked ? showText(v!, true).slice(0, 1) + '.' : v}</dd>
                </>
              ))}
          </dl>
          <h2>Cues</h2>
          {cues.length ? (
            <ul class="rd-list">
              {cues.map((c) => (
                <li key={c.id}>{showText(c.reason, masked)}</li>
              ))}
            </ul>
          ) : (
            <p class="rd-muted">Nothing to flag.</p>
          )}
          {facts.length > 0 && (
            <>
              <h2>Facts</h2>
              <ul class="rd-list">
                {facts.map((f) => (
                  <li key={f.id}>
                    {showText(f.text, masked)} <span class="rd-muted">· {fromWho(f.author)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div class="rd-card">
          <h2>History <span class="rd-muted" data-testid="customer-ticket-count">· {plural(countTickets({ visits, now }).others, 'ticket')}</span></h2>
          {visits.length ? (
            <ol class="rd-timeline" data-testid="customer-history">
              {visits.map((v) => {
                const url = ticketUrl(v);
                return (
                  <li key={v.id}>
                    <span class="rd-muted">{day(v.lastSeen)}</span>
                    <span>
                      {url ? <a href={url} target="_blank" rel="noopener noreferrer">#{v.ticketId}</a> : `#${v.ticketId}`} {v.subject ? showText(v.subject, masked) : ''}
                      {v.status && <span class="rd-badge rd-badge-quiet">{v.status}</span>}
                    </span>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p class="rd-muted">No tickets recorded.</p>
          )}
        </div>
        <div class="rd-card">
          <h2>Notes</h2>
          {notes.length ? (
            <ul class="rd-notes" data-testid="customer-notes">
              {notes.map((n) => (
                <li key={n.id} class="rd-note">
                  <p class="rd-note-text">{showText(n.text, masked)}</p>
                  <p class="rd-muted rd-small">
                    {dayTime(n.updatedAt)} · {fromWho(n.author)}
                    {n.tags.length > 0 && ` · ${n.tags.join(', ')}`}
                  </p>
                  {n.edits && n.edits.length > 0 && (
                    <details>
                      <summary class="rd-small">Edit history ({n.edits.length})</summary>
                      <ul class="rd-list rd-small">
                        {n.edits.map((e, i) => (
                          <li key={i}>
                            <span class="rd-muted">{dayTime(e.at)}:</span> {showText(e.text, masked)}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p class="rd-muted">No notes.</p>
          )}
        </div>
        <div class="rd-card">
          <h2>Follow-ups</h2>
          {followUps.length ? (
            <ul class="rd-notes">
              {followUps.map((f) => (
                <li key={f.id}>
                  <FollowUpItem f={f} now={now} />
                </li>
              ))}
            </ul>
          ) : (
            <p class="rd-muted">No promises.</p>
          )}
        </div>
      </div>
    </section>
  );
}
