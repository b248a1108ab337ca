/**
 * Customer-memory views (issue #3). `MemoryTop` sits right under the customer card (cues, open
 * promises, last time: what to know in five seconds); `MemoryDetails` below the notes (profile,
 * things they shared, follow-ups, timeline, search, merge). Props in, callbacks out; text only.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CustomerProfile, Fact, FollowUp, Merge as MergeRow, Note, TicketRef } from '../../lib/db/types';
import type { CustomerMatch, FollowUpSuggestion, TimelineEntry } from '../../lib/memory/messages';
import { DatesField, fromRow, TimeZoneField, toRow, type DateRow } from './ProfileFields';
import { dueLabel, formatDate, importantDate, plural, formatDateTime, helpdeskLabel, ticketLabel } from '../format';
import { maskEmail, maskName, maskText, usePresentation } from '../presentation';
import { cueKey, type ActionResult, type Conflict, type MemoryActions, type MemoryPanelProps } from './model';

const HOUR = 3_600_000;

const due = dueLabel;

/** Masks free text in presentation mode. */
const useText = () => {
  const presenting = usePresentation();
  return (text: string) => (presenting ? maskText(text) : text);
};

/** A form's save state: keeps the text in the box and shows the problem on failure. */
function useSave() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (work: () => Promise<ActionResult>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    let result: ActionResult;
    try {
      result = await work();
    } catch {
      result = { ok: false, error: "Couldn't save. Your text is still here; please try again." };
    }
    setBusy(false);
    if (!result.ok) setError(result.error);
    return result.ok;
  };
  return { busy, error, run };
}

const ErrorLine = ({ error }: { error?: string }) =>
  error ? (
    <p class="rp-error" role="alert">
      {error}
    </p>
  ) : null;

export function MemoryTop({ context, error, apiProblem, suggestions, ticket, conflict, now = Date.now(), actions, disputedCues }: MemoryPanelProps) {
  const t = useText();
  const presenting = usePresentation();
  if (error && !context) return <p class="rp-error rpm-top">{error}</p>;
  if (!context) return null;
  const { cues, followUps, lastTime } = context;
  return (
    <section class="rpm-top" aria-label="What to know">
      {conflict && actions && <ConflictBox conflict={conflict} actions={actions} />}
      {suggestions && actions && <Suggestions suggestions={suggestions} ticket={ticket} now={now} actions={actions} />}
      {cues.length > 0 && (
        <ul class="rpm-cues">
          {cues.map((cue) => {
            const disputed = disputedCues?.includes(cueKey(cue)) ?? false;
            return (
              <li
                key={cue.id}
                class={`rpm-cue rpm-cue-${cue.weight >= 80 && !disputed ? 'high' : 'low'}${disputed ? ' rpm-cue-disputed' : ''}`}
                data-testid="cue"
                data-cue={cue.id}
                data-disputed={disputed ? 'true' : undefined}
              >
                <span class="rpm-cue-text">
                  {presenting && (cue.id === 'preferred-name' || cue.id === 'pronunciation') ? 'Has a preferred name / pronunciation — see profile' : t(cue.reason)}
                </span>
                {actions?.disputeCue && (
                  <button
                    type="button"
                    class="rpm-cue-wrong"
                    data-testid="verdict-wrong"
                    aria-label={`Not right: ${cue.reason}`}
                    title="This cue is wrong: mark it and tell your team lead"
                    aria-pressed={disputed}
                    disabled={disputed}
                    onClick={() => void actions.disputeCue?.(cue)}
                    // The visible word is drawn by CSS: a cue's text stays just its reason (read
                    // aloud, copied, matched); the button's name is its aria-label.
                    data-label={disputed ? 'noted' : 'not right'}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {followUps.length > 0 && (
        <ul class="rpm-promises" aria-label="Open promises">
          {followUps.map((f) => (
            <FollowUpRow key={f.id} followUp={f} now={now} actions={actions} />
          ))}
        </ul>
      )}
      {lastTime && (
        <p class="rpm-last" data-testid="last-time">
          <span class="rpm-last-label">Last time</span> {ticketLabel(lastTime.ticket.ticketId)}
          {lastTime.subject ? ` “${t(lastTime.subject)}”` : ''} · {formatDate(lastTime.at)}
          {lastTime.outcome ? ` · ${lastTime.outcome}` : ''}
          {lastTime.note ? ` — ${t(lastTime.note)}` : ''}
        </p>
      )}
      {apiProblem && (
        <p class="rpm-quiet" data-testid="api-problem">
          {apiProblem}
        </p>
      )}
    </section>
  );
}

function FollowUpRow({ followUp, now, actions }: { followUp: FollowUp; now: number; actions?: MemoryActions }) {
  const t = useText();
  const { busy, error, run } = useSave();
  const overdue = followUp.dueAt < now;
  return (
    <li class={`rpm-promise${overdue ? ' rpm-overdue' : ''}`} data-testid="follow-up">
      <div class="rpm-row">
        <span class="rpm-grow">{t(followUp.text)}</span>
        {actions && (
          <button type="button" class="rpm-mini" disabled={busy} onClick={() => void run(() => actions.doneFollowUp(followUp.id))}>
            Done
          </button>
        )}
      </div>
      <span class="rpm-meta" title={formatDateTime(followUp.dueAt)}>
        Due {due(followUp.dueAt, now)}
        {followUp.origin === 'reply' ? ' · from your reply' : ''}
      </span>
      <ErrorLine error={error} />
    </li>
  );
}

function Suggestions({ suggestions, ticket, now, actions }: { suggestions: FollowUpSuggestion[]; ticket?: TicketRef; now: number; actions: MemoryActions }) {
  const { busy, error, run } = useSave();
  const presenting = usePresentation();
  // Where each came from, when that is not the open ticket (a reply sent on a page since left).
  // (lib/db's ticketKey is out of a component's reach: the three fields are compared here.)
  const same = (a: TicketRef, b: TicketRef) => a.helpdesk === b.helpdesk && a.account === b.account && a.ticketId === b.ticketId;
  const elsewhere = suggestions.map((s) => (s.from && (!ticket || !same(s.from.ticket, ticket)) ? s.from : undefined));
  const who = (name: string | undefined) => (name ? (presenting ? maskName(name) : name) : 'the customer');
  return (
    <div class="rpm-box" role="status" data-testid="follow-up-suggestions">
      <p class="rpm-box-title">{elsewhere.some(Boolean) ? 'You made a promise in a reply you sent' : 'You made a promise in that reply'}</p>
      {suggestions.map((s, i) => (
        <div class="rpm-row" key={`${s.id ?? ''}-${s.phrase}-${s.dueAt}`} data-testid="follow-up-suggestion">
          <span class="rpm-grow">
            Add follow-up: <strong>{due(s.dueAt, now)}</strong> — ‘{s.phrase}’
            {elsewhere[i] && (
              <span class="rpm-meta rpm-from" data-testid="suggestion-from">
                To {who(elsewhere[i].customerName)} · {ticketLabel(elsewhere[i].ticket.ticketId)}
              </span>
            )}
          </span>
          <button type="button" class="rpm-mini rpm-mini-on" disabled={busy} onClick={() => void run(() => actions.acceptSuggestion(s))}>
            Add
          </button>
        </div>
      ))}
      <button type="button" class="rp-link" onClick={actions.dismissSuggestions}>
        Not now
      </button>
      <ErrorLine error={error} />
    </div>
  );
}

function ConflictBox({ conflict, actions }: { conflict: Conflict; actions: MemoryActions }) {
  const { busy, error, run } = useSave();
  const t = useText();
  const show = (p: CustomerProfile | string) => (typeof p === 'string' ? p : profileLines(p).map(([k, v]) => `${k}: ${v}`).join('; ') || '(empty)');
  return (
    <div class="rpm-box rpm-conflict" role="alert" data-testid="conflict">
      <p class="rpm-box-title">Someone else changed this {conflict.kind === 'note' ? 'note' : 'profile'}</p>
      <p class="rpm-meta">Theirs: {t(show(conflict.theirs))}</p>
      <p class="rpm-meta">Yours: {t(show(conflict.mine))}</p>
      <div class="rpm-row">
        <button type="button" class="rpm-mini" disabled={busy} onClick={() => void run(() => actions.resolveConflict('theirs'))}>
          Keep theirs
        </button>
        <button type="button" class="rpm-mini" disabled={busy} onClick={() => void run(() => actions.resolveConflict('mine'))}>
          Keep mine
        </button>
        <button type="button" class="rpm-mini rpm-mini-on" disabled={busy} onClick={() => void run(() => actions.resolveConflict('both'))}>
          Keep both
        </button>
      </div>
      <ErrorLine error={error} />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

/**
 * The sections the agent opened or closed, for as long as the sidebar lives. The panel is built anew
 * when the customer's identity firms up (a name first, then the email from the helpdesk's API), and
 * a section the agent had just opened snapped shut (seen in an e2e run that clicked "Profile" then).
 */
const chosen = new Map<string, boolean>();

function Section({ title, count, open, children, testId }: { title: string; count?: number; open?: boolean; children: ComponentChildren; testId: string }) {
  // The agent's open/closed choice is kept across refreshes and rebuilds of the panel.
  const [isOpen, setOpen] = useState(() => chosen.get(testId) ?? Boolean(open));
  const toggle = (e: Event) => {
    const now = (e.currentTarget as HTMLDetailsElement).open;
    if (now !== isOpen) chosen.set(testId, now);
    setOpen(now);
  };
  return (
    <details class="rpm-section" open={isOpen} onToggle={toggle} data-testid={testId}>
      <summary class="rp-h rpm-summary">
        {title}
        {count ? <span class="rp-count">{count}</span> : null}
      </summary>
      <div class="rpm-section-body">{children}</div>
    </details>
  );
}

export function MemoryDetails({ context, now = Date.now(), actions }: MemoryPanelProps) {
  if (!context) return null;
  const { customer, facts, timeline, merges } = context;
  return (
    <div class="rpm-details">
      <Section title="Profile" testId="memory-profile" open={false}>
        <Profile key={`${customer.id}:${customer.version ?? 1}`} profile={customer} since={customer.firstSeen} actions={actions} />
      </Section>
      <Section title="Things they shared" count={facts.length} testId="memory-facts" open={facts.length > 0}>
        <Facts facts={facts} actions={actions} />
      </Section>
      <Section title="Add a follow-up" testId="memory-followups">
        {actions && <AddFollowUp now={now} actions={actions} />}
      </Section>
      <Section title="Timeline" count={timeline.length} testId="memory-timeline" open={timeline.length > 1}>
        <Timeline entries={timeline} actions={actions} />
      </Section>
      {actions && (
        <Section title="Search all notes" testId="memory-search">
          <Search actions={actions} />
        </Section>
      )}
      {actions && (
        <Section title="Same person?" count={merges.length} testId="memory-merge">
          <Merge merges={merges} actions={actions} />
        </Section>
      )}
    </div>
  );
}

const LABELS: [keyof CustomerProfile, string][] = [
  ['displayName', 'Display name'],
  ['preferredName', 'Preferred name'],
  ['pronunciation', 'Pronunciation'],
  ['pronouns', 'Pronouns'],
  ['language', 'Language'],
  ['timeZone', 'Time zone'],
  ['organization', 'Organization'],
  ['tier', 'Tier'],
];

function profileLines(p: CustomerProfile): [string, string][] {
  const lines: [string, string][] = [];
  for (const [key, label] of LABELS) {
    const v = p[key];
    if (typeof v === 'string' && v) lines.push([label, v]);
  }
  if (p.vip) lines.push(['VIP', 'yes']);
  const prefs = p.preferences;
  const pref = [prefs?.channel, prefs?.tone, prefs?.contactHours].filter(Boolean).join(' · ');
  if (pref) lines.push(['Preferences', pref]);
  if (p.importantDates?.length) lines.push(['Important dates', p.importantDates.map((d) => `${d.label} ${importantDate(d.date)}`).join(', ')]);
  return lines;
}

const NAME_FIELDS = new Set<keyof CustomerProfile>(['displayName', 'preferredName', 'pronunciation']);

function Profile({ profile, since, actions }: { profile: CustomerProfile; since: number; actions?: MemoryActions }) {
  const [editing, setEditing] = useState(false);
  const presenting = usePresentation();
  const t = useText();
  if (!editing) {
    const lines = profileLines(profile);
    return (
      <div class="rpm-stack">
        <dl class="rpm-dl" data-testid="profile">
          {lines.map(([k, v]) => (
            <div key={k} class="rpm-dl-row">
              <dt>{k}</dt>
              <dd>{presenting && NAME_FIELDS.has(LABELS.find(([, l]) => l === k)?.[0] ?? 'tier') ? maskName(v) : t(v)}</dd>
            </div>
          ))}
          <div class="rpm-dl-row">
            <dt>Customer since</dt>
            <dd>{formatDate(since)}</dd>
          </div>
        </dl>
        {lines.length === 0 && <p class="rpm-quiet">Nothing known yet: how they like to be called, their time zone…</p>}
        {actions && (
          <button type="button" class="rp-link" onClick={() => setEditing(true)} data-testid="profile-edit">
            Edit profile
          </button>
        )}
      </div>
    );
  }
  return <ProfileForm profile={profile} actions={actions!} onDone={() => setEditing(false)} />;
}

function ProfileForm({ profile, actions, onDone }: { profile: CustomerProfile; actions: MemoryActions; onDone(): void }) {
  const [draft, setDraft] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(LABELS.map(([k]) => [k, String(profile[k] ?? '')])),
    channel: profile.preferences?.channel ?? '',
    tone: profile.preferences?.tone ?? '',
    contactHours: profile.preferences?.contactHours ?? '',
  }));
  const [dates, setDates] = useState<DateRow[]>(() => (profile.importantDates ?? []).map(toRow));
  const [vip, setVip] = useState(Boolean(profile.vip));
  const { busy, error, run } = useSave();
  const set = (k: string) => (e: Event) => setDraft({ ...draft, [k]: (e.target as HTMLInputElement).value });
  const field = (k: string, label: string, placeholder = '') => (
    <label class="rpm-field" key={k}>
      <span>{label}</span>
      <input class="rp-input rpm-input" value={draft[k]} placeholder={placeholder} onInput={set(k)} data-field={k} />
    </label>
  );
  const save = async (e: Event) => {
    e.preventDefault();
    const next: CustomerProfile = {
      ...Object.fromEntries(LABELS.map(([k]) => [k, draft[k]!.trim()])),
      vip: vip || undefined,
      preferences: { channel: draft.channel!.trim(), tone: draft.tone!.trim(), contactHours: draft.contactHours!.trim() },
      importantDates: dates.map(fromRow).filter((d) => d !== undefined),
    };
    if (await run(() => actions.saveProfile(next))) onDone();
  };
  return (
    <form class="rpm-stack" onSubmit={save} data-testid="profile-form">
      {field('displayName', 'Display name')}
      {field('preferredName', 'Preferred name', 'What to call them')}
      {field('pronunciation', 'Pronunciation', 'e.g. SHOH-na')}
      {field('pronouns', 'Pronouns')}
      <div class="rpm-pair">
        {field('language', 'Language', 'en, pt-BR')}
        <TimeZoneField value={draft.timeZone!} onInput={(timeZone) => setDraft({ ...draft, timeZone })} />
      </div>
      {field('organization', 'Organization')}
      <div class="rpm-pair">
        {field('tier', 'Tier')}
        <label class="rpm-check">
          <input type="checkbox" checked={vip} onChange={(e) => setVip((e.target as HTMLInputElement).checked)} /> VIP
        </label>
      </div>
      {field('channel', 'Preferred channel', 'email, phone…')}
      <div class="rpm-pair">
        {field('tone', 'Tone', 'brief, formal…')}
        {field('contactHours', 'Contact hours', '9–17')}
      </div>
      <DatesField rows={dates} onChange={setDates} />
      <ErrorLine error={error} />
      <div class="rpm-row">
        <button type="submit" class="rp-btn" disabled={busy}>
          Save profile
        </button>
        <button type="button" class="rp-link" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Facts({ facts, actions }: { facts: Fact[]; actions?: MemoryActions }) {
  const t = useText();
  return (
    <div class="rpm-stack">
      {actions && <AddFact actions={actions} />}
      <ul class="rpm-list">
        {facts.map((f) => (
          <li key={f.id} class="rpm-item" data-testid="fact">
            <span class="rpm-text">{t(f.text)}</span>
            <span class="rpm-meta">
              {formatDate(f.createdAt)}
              {f.source ? ` · ${helpdeskLabel(f.source.helpdesk)} ${ticketLabel(f.source.ticketId)}` : ''}
              {f.mentionedAt ? ` · mentioned ${formatDate(f.mentionedAt)}` : ''}
            </span>
            {actions && (
              <div class="rpm-row">
                <label class="rpm-check">
                  <input type="checkbox" checked={f.mentionNext} onChange={(e) => void actions.flagFact(f.id, (e.target as HTMLInputElement).checked)} /> Mention next time
                </label>
                {f.mentionNext && (
                  <button type="button" class="rp-link" onClick={() => void actions.factMentioned(f.id)}>
                    Mentioned it
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {facts.length === 0 && <p class="rpm-quiet">Select text in the conversation and click “Save as fact”, or add one here.</p>}
    </div>
  );
}

function AddFact({ actions }: { actions: MemoryActions }) {
  const [text, setText] = useState('');
  const [mention, setMention] = useState(true);
  const { busy, error, run } = useSave();
  const save = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    if (await run(() => actions.addFact(text.trim(), mention))) setText('');
  };
  return (
    <form class="rpm-stack" onSubmit={save}>
      <input class="rp-input rpm-input" value={text} placeholder="e.g. launching their store in May" aria-label="Something they shared" onInput={(e) => setText((e.target as HTMLInputElement).value)} data-testid="fact-input" />
      <div class="rpm-row">
        <label class="rpm-check rpm-grow">
          <input type="checkbox" checked={mention} onChange={(e) => setMention((e.target as HTMLInputElement).checked)} /> Mention next time
        </label>
        <button type="submit" class="rpm-mini rpm-mini-on" disabled={busy || !text.trim()}>
          Save
        </button>
      </div>
      <ErrorLine error={error} />
    </form>
  );
}

/** YYYY-MM-DDTHH:mm in local time, for datetime-local inputs. */
const localInput = (at: number) => {
  const d = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

function AddFollowUp({ now, actions }: { now: number; actions: MemoryActions }) {
  const [text, setText] = useState('');
  const [when, setWhen] = useState(() => localInput(now + 24 * HOUR));
  const { busy, error, run } = useSave();
  const save = async (e: Event) => {
    e.preventDefault();
    const at = new Date(when).getTime();
    if (!text.trim()) return;
    if (!Number.isFinite(at)) return void run(async () => ({ ok: false, error: 'Pick a due date and time.' }));
    if (await run(() => actions.addFollowUp(text.trim(), at))) setText('');
  };
  return (
    <form class="rpm-stack" onSubmit={save} data-testid="follow-up-form" noValidate>
      <input class="rp-input rpm-input" value={text} placeholder="What did you promise?" aria-label="Follow-up" onInput={(e) => setText((e.target as HTMLInputElement).value)} data-testid="follow-up-input" />
      <div class="rpm-row">
        <input type="datetime-local" class="rp-input rpm-input rpm-grow" value={when} aria-label="Due" onInput={(e) => setWhen((e.target as HTMLInputElement).value)} data-testid="follow-up-due" />
        <button type="submit" class="rpm-mini rpm-mini-on" disabled={busy || !text.trim()}>
          Add
        </button>
      </div>
      <ErrorLine error={error} />
    </form>
  );
}

const URL_RE = /(https?:\/\/[^\s<>"')\]]+)/g;

/** Text with http(s) links as safe links (no other schemes; opened without opener). */
function Linked({ text }: { text: string }) {
  const parts = text.split(URL_RE);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} target="_blank" rel="noopener noreferrer nofollow" class="rpm-a">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Timeline({ entries, actions }: { entries: TimelineEntry[]; actions?: MemoryActions }) {
  const t = useText();
  if (entries.length === 0) return <p class="rpm-quiet">No history yet.</p>;
  return (
    <ol class="rpm-list">
      {entries.map((e) =>
        e.kind === 'ticket' ? (
          <li key={e.visit.id} class="rpm-item rpm-ticket" data-testid="timeline-ticket" data-source={e.visit.source ?? 'visit'}>
            <span class="rpm-text">
              {ticketLabel(e.visit.ticketId)} {e.visit.subject ? t(e.visit.subject) : ''}
              {e.current ? <span class="rpm-badge">this ticket</span> : null}
            </span>
            <span class="rpm-meta">
              {helpdeskLabel(e.visit.helpdesk)} · {formatDate(e.at)}
              {e.visit.outcome ?? e.visit.status ? ` · ${e.visit.outcome ?? e.visit.status}` : ''}
              {e.visit.source === 'api' ? ' · from helpdesk history' : ''}
            </span>
          </li>
        ) : (
          <NoteRow key={e.note.id} note={e.note} actions={actions} />
        ),
      )}
    </ol>
  );
}

function NoteRow({ note, actions }: { note: Note; actions?: MemoryActions }) {
  const presenting = usePresentation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const { busy, error, run } = useSave();
  const save = async (e: Event) => {
    e.preventDefault();
    if (await run(() => actions!.editNote(note, text.trim()))) setEditing(false);
  };
  return (
    <li class={`rpm-item rpm-note${note.pinned ? ' rpm-pinned' : ''}`} data-testid="timeline-note">
      {editing ? (
        <form class="rpm-stack" onSubmit={save}>
          <textarea class="rp-input rpm-input" rows={3} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} aria-label="Edit note" />
          <ErrorLine error={error} />
          <div class="rpm-row">
            <button type="submit" class="rpm-mini rpm-mini-on" disabled={busy || !text.trim()}>
              Save
            </button>
            <button type="button" class="rp-link" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <span class="rpm-text">{presenting ? maskText(note.text) : <Linked text={note.text} />}</span>
      )}
      <span class="rpm-meta">
        Note · {formatDate(note.createdAt)}
        {note.ticket ? ` · ${ticketLabel(note.ticket.ticketId)}` : ''}
        {note.edits?.length ? ` · edited ${note.edits.length}×` : ''}
        {note.author ? ` · ${note.author}` : ''}
      </span>
      {actions && !editing && (
        <div class="rpm-row">
          <button type="button" class="rp-link" onClick={() => void actions.pinNote(note, !note.pinned)}>
            {note.pinned ? 'Unpin' : 'Pin'}
          </button>
          <button type="button" class="rp-link" onClick={() => setEditing(true)}>
            Edit
          </button>
        </div>
      )}
    </li>
  );
}

function Search({ actions }: { actions: MemoryActions }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Note[]>();
  const t = useText();
  const change = async (value: string) => {
    setQuery(value);
    if (!value.trim()) return setHits(undefined);
    const found = await actions.search(value);
    setHits(found);
  };
  return (
    <div class="rpm-stack">
      <input class="rp-input rpm-input" type="search" value={query} placeholder="Words or #tag" aria-label="Search all notes" onInput={(e) => void change((e.target as HTMLInputElement).value)} data-testid="note-search" />
      {hits && hits.length === 0 && <p class="rpm-quiet">No notes match.</p>}
      {hits && (
        <ul class="rpm-list">
          {hits.map((n) => (
            <li key={n.id} class="rpm-item" data-testid="search-hit">
              <span class="rpm-text">{t(n.text)}</span>
              <span class="rpm-meta">
                {formatDate(n.createdAt)}
                {n.ticket ? ` · ${helpdeskLabel(n.ticket.helpdesk)} ${ticketLabel(n.ticket.ticketId)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Merge({ merges, actions }: { merges: MergeRow[]; actions: MemoryActions }) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<CustomerMatch[]>([]);
  const { busy, error, run } = useSave();
  const presenting = usePresentation();
  const change = async (value: string) => {
    setQuery(value);
    setMatches(value.trim().length >= 2 ? await actions.findCustomers(value) : []);
  };
  return (
    <div class="rpm-stack">
      <p class="rpm-quiet">Merge another record of this person (another email or helpdesk) into this one. You can undo it.</p>
      <input class="rp-input rpm-input" type="search" value={query} placeholder="Name or email" aria-label="Find a customer to merge" onInput={(e) => void change((e.target as HTMLInputElement).value)} />
      <ul class="rpm-list">
        {matches.map((m) => (
          <li key={m.id} class="rpm-item rpm-row">
            <span class="rpm-grow rpm-text">
              {m.name ? (presenting ? maskName(m.name) : m.name) : '(no name)'} <span class="rpm-meta">{m.emails.map((e) => (presenting ? maskEmail(e) : e)).join(', ')}</span>
            </span>
            <button type="button" class="rpm-mini" disabled={busy} onClick={() => void run(() => actions.merge(m.id)).then((ok) => void (ok && change('')))}>
              Merge
            </button>
          </li>
        ))}
      </ul>
      {merges.map((m) => (
        <div key={m.id} class="rpm-row rpm-item">
          <span class="rpm-grow rpm-meta">
            Merged {formatDate(m.at)}: {plural(Object.values(m.moved).reduce((n, ids) => n + ids.length, 0), 'record')} moved
          </span>
          <button type="button" class="rpm-mini" disabled={busy} onClick={() => void run(() => actions.undoMerge(m.id))}>
            Undo
          </button>
        </div>
      ))}
      <ErrorLine error={error} />
    </div>
  );
}
