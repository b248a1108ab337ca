import type { Fact, FollowUp, Note, TicketVisit } from '@/lib/db/types';
import { countTickets } from '@/lib/memory/tickets';
import { usePresentation } from '../../presentation';
import { FollowUpItem } from '../FollowUpsView';
import { day, dayTime, fromWho, showText } from '../identity';
import { useTicketUrl } from '../ticket-links';
import { plural } from '../../format';

export function ProfileCard({ profile, cues, facts }: { profile: [string, string | undefined][]; cues: { id: string; reason: string }[]; facts: Fact[] }) {
  const masked = usePresentation();
  return (
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
  );
}

export function HistoryCard({ visits, now }: { visits: TicketVisit[]; now: number }) {
  const masked = usePresentation();
  const ticketUrl = useTicketUrl();
  return (
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
  );
}

export function NotesCard({ notes }: { notes: Note[] }) {
  return (
    <div class="rd-card">
      <h2>Notes</h2>
      {notes.length ? (
        <ul class="rd-notes" data-testid="customer-notes">
          {notes.map((n) => (
            <NoteItem key={n.id} n={n} />
          ))}
        </ul>
      ) : (
        <p class="rd-muted">No notes.</p>
      )}
    </div>
  );
}

function NoteItem({ n }: { n: Note }) {
  const masked = usePresentation();
  return (
    <li class="rd-note">
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
  );
}

export function FollowUpsCard({ followUps, now }: { followUps: FollowUp[]; now: number }) {
  return (
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
  );
}
