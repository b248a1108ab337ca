import { useMemo, useState } from 'preact/hooks';
import type { Customer, Note } from '@/lib/db/types';
import { formatNumber, plural } from '../format';
import { useFirstPage, useTablesAfterFirstPage } from '@/lib/dashboard/live';
import { authorOf, filterNotes } from '@/lib/dashboard/queries';
import { usePresentation } from '../presentation';
import { dayTime, displayName, fromWho, showText } from './identity';
import { VirtualList } from './VirtualList';

const dayStart = (value: string) => (value ? new Date(`${value}T00:00:00`).getTime() : undefined);
const dayEnd = (value: string) => (value ? new Date(`${value}T23:59:59.999`).getTime() : undefined);

export function NotesView() {
  const first = useFirstPage('notes');
  const all = useTablesAfterFirstPage(['notes', 'customers'], first, first.notes.length);
  const partial = !all.loaded;
  const data = partial ? first : all;
  const masked = usePresentation();
  const filters = useNoteFilters();
  const { search, tag, author, from, to } = filters;
  const customers = useMemo(() => new Map(data.customers.map((c) => [c.id, c])), [data.customers]);
  const tags = useMemo(() => [...new Set(data.notes.flatMap((n) => n.tags))].sort(), [data.notes]);
  const authors = useMemo(() => [...new Set(data.notes.map(authorOf))].sort(), [data.notes]);
  const shown = useMemo(
    () => filterNotes(data.notes, { search, tag: tag || undefined, author, from: dayStart(from), to: dayEnd(to) }),
    [data.notes, search, tag, author, from, to],
  );
  return (
    <section class="rd-view" aria-labelledby="notes-title">
      <header class="rd-view-head">
        <h1 id="notes-title">Notes</h1>
        <p class="rd-muted" data-testid="notes-status" data-loaded={partial ? 'false' : 'true'}>{partial ? 'Loading all notes…' : shown.length === data.notes.length ? plural(data.notes.length, 'note') : `${formatNumber(shown.length)} of ${plural(data.notes.length, 'note')}`}</p>
      </header>
      <NoteFilters filters={filters} tags={tags} authors={authors} />
      {!first.loaded ? (
        <p class="rd-empty">Loading…</p>
      ) : data.notes.length === 0 ? (
        <p class="rd-empty">No notes yet. Notes written in the sidebar on a ticket appear here as they are saved.</p>
      ) : shown.length === 0 ? (
        <p class="rd-empty">{partial ? 'Searching… (all notes are still loading)' : 'No note matches.'}</p>
      ) : (
        <VirtualList
          items={shown}
          rowHeight={72}
          label="Notes"
          testId="note-list"
          view="notes"
          keyOf={(n) => n.id}
          render={(n) => <NoteRow note={n} customer={customers.get(n.customerId)} masked={masked} />}
        />
      )}
    </section>
  );
}

/** What the team lead filters notes by; each is text as its input holds it. */
function useNoteFilters() {
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const [author, setAuthor] = useState<string | undefined>(undefined);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return { search, setSearch, tag, setTag, author, setAuthor, from, setFrom, to, setTo };
}

function NoteFilters({ filters, tags, authors }: { filters: ReturnType<typeof useNoteFilters>; tags: string[]; authors: string[] }) {
  const { search, setSearch, tag, setTag, author, setAuthor, from, setFrom, to, setTo } = filters;
  return (
    <div class="rd-toolbar">
      <input type="search" class="rd-search" placeholder="Search note text" value={search} onInput={(e) => setSearch(e.currentTarget.value)} aria-label="Search notes" data-testid="note-search" />
      <label>
        Tag{' '}
        <select value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
          <option value="">Any</option>
          {tags.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </select>
      </label>
      <label>
        Author{' '}
        <select value={author ?? '*'} onChange={(e) => setAuthor(e.currentTarget.value === '*' ? undefined : e.currentTarget.value)}>
          <option value="*">Anyone</option>
          {authors.map((a) => (
            <option key={a} value={a}>{a || 'You'}</option>
          ))}
        </select>
      </label>
      <label>
        From <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
      </label>
      <label>
        To <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
      </label>
    </div>
  );
}

function NoteRow({ note: n, customer, masked }: { note: Note; customer: Customer | undefined; masked: boolean }) {
  return (
    <div class="rd-noterow" data-testid="note-row">
      <p class="rd-ellipsis rd-note-text">{showText(n.text, masked)}</p>
      <p class="rd-small rd-muted rd-ellipsis">
        <span class="rd-strong">{displayName(customer, masked)}</span> · {dayTime(n.updatedAt)} · {fromWho(n.author)}
        {n.ticket && ` · #${n.ticket.ticketId}`}
        {n.tags.map((t) => (
          <span key={t} class="rd-badge rd-badge-quiet">{t}</span>
        ))}
      </p>
    </div>
  );
}
