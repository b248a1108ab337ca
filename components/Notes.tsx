import { useId, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../lib/limits';
import type { NoteSaveResult, NoteView } from './model';
import { formatDateTime, isTime, noteDate, plural } from './format';

/** The counter appears once this few characters are left. */
const NEAR_LIMIT = 500;
/** Notes longer than this start folded, so one long note does not push the others away. */
const FOLD_AT = 400;

const isMac = typeof navigator !== 'undefined' && /Mac|iP(hone|ad|od)/.test(navigator.platform);

interface NotesProps {
  notes?: NoteView[];
  /** The customer's note count when `notes` is only the newest page. */
  total?: number;
  /** `total` is a lower bound: shown as "100+". */
  totalCapped?: boolean;
  onShowAll?(): void;
  now: number;
  onAddNote(text: string): Promise<NoteSaveResult>;
  /** The unsaved text for this ticket, kept by the parent so it survives re-reads and collapsing. */
  draft: string;
  onDraft(text: string): void;
}

export function Notes({ notes, total, totalCapped, onShowAll, now, onAddNote, draft, onDraft }: NotesProps) {
  const count = Math.max(total ?? 0, notes?.length ?? 0);
  const shown = `${count}${totalCapped ? '+' : ''}`;
  const headingId = useId();
  return (
    <section class="rp-notes" aria-labelledby={headingId}>
      <h3 id={headingId} class="rp-h">
        Notes
        {count > 0 && <span class="rp-count">{shown}</span>}
      </h3>
      <NoteComposer onAddNote={onAddNote} draft={draft} onDraft={onDraft} />
      <NoteList notes={notes} now={now} />
      {notes && onShowAll && count > notes.length && (
        <button type="button" class="rp-link rp-show-all" data-testid="notes-show-all" onClick={onShowAll}>
          Show all {shown} notes
        </button>
      )}
    </section>
  );
}

/** The note box's state: its text (kept as a draft), and a save that keeps the text on failure. */
function useNoteSave({ onAddNote, draft, onDraft }: Pick<NotesProps, 'onAddNote' | 'draft' | 'onDraft'>, refocus: () => void) {
  const [text, setText] = useState(draft);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const canSave = text.trim() !== '' && !saving;

  const change = (value: string) => {
    setText(value);
    onDraft(value);
  };

  async function save() {
    if (!canSave) return;
    setSaving(true);
    setError(undefined);
    let result: NoteSaveResult;
    try {
      result = await onAddNote(text.trim());
    } catch {
      result = { ok: false, error: "Couldn't save the note. Your text is still here; please try again." };
    }
    setSaving(false);
    if (!result.ok) return setError(result.error);
    change('');
    refocus();
  }
  return { text, saving, error, canSave, change, save };
}

function NoteComposer(props: Pick<NotesProps, 'onAddNote' | 'draft' | 'onDraft'>) {
  const box = useRef<HTMLTextAreaElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // The save button goes disabled once the box is empty; keep the keyboard user in the box.
  const refocus = () => {
    const active = document.activeElement;
    const root = box.current?.getRootNode() as Document | ShadowRoot | undefined;
    if (!active || active === document.body || root?.activeElement === button.current) box.current?.focus();
  };
  const { text, saving, error, canSave, change, save } = useNoteSave(props, refocus);
  const id = useId();
  const left = LIMITS.noteText - text.length;
  const near = left <= NEAR_LIMIT;

  const describedBy = [near && `${id}-count`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="rp-composer">
      <label for={`${id}-input`} class="rp-label-block">
        Add a note about this customer
      </label>
      <textarea
        id={`${id}-input`}
        ref={box}
        class="rp-input"
        data-testid="note-input"
        rows={3}
        dir="auto"
        maxLength={LIMITS.noteText}
        placeholder="Prefers email; launching their store in May…"
        value={text}
        readOnly={saving}
        aria-describedby={describedBy}
        onInput={(e) => change(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} class="rp-error" role="alert" data-testid="note-error">
          {error}
        </p>
      )}
      <div class="rp-composer-row">
        {near ? (
          <span id={`${id}-count`} class={`rp-counter${left <= 0 ? ' rp-counter-full' : ''}`}>
            {plural(Math.max(left, 0), 'character')} left
          </span>
        ) : (
          <span class="rp-hint">{isMac ? '⌘' : 'Ctrl'}+Enter to save</span>
        )}
        <button
          type="button"
          ref={button}
          class="rp-btn"
          data-testid="note-save"
          disabled={!canSave}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onClick={() => void save()}
        >
          {saving ? 'Saving…' : 'Save note'}
        </button>
      </div>
    </div>
  );
}

function NoteList({ notes, now }: { notes?: NoteView[]; now: number }) {
  if (!notes) return <p class="rp-muted rp-pad" role="status">Loading notes…</p>;
  if (notes.length === 0) return <p class="rp-empty">No notes yet. What should the next agent know?</p>;
  const newestFirst = [...notes].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <ul class="rp-note-list">
      {newestFirst.map((note) => (
        <NoteItem key={note.id} note={note} now={now} />
      ))}
    </ul>
  );
}

function NoteItem({ note, now }: { note: NoteView; now: number }) {
  const long = note.text.length > FOLD_AT || note.text.split('\n').length > 6;
  const [open, setOpen] = useState(false);
  const at = isTime(note.createdAt) ? note.createdAt : undefined;
  return (
    <li class="rp-note" data-testid="note">
      <p class={`rp-note-text${long && !open ? ' rp-folded' : ''}`} dir="auto">
        {note.text}
      </p>
      {long && (
        <button type="button" class="rp-link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Show less' : 'Show more'}
        </button>
      )}
      <p class="rp-note-meta">
        {at !== undefined && (
          <time dateTime={new Date(at).toISOString()} title={formatDateTime(at)}>
            {noteDate(at, now)}
          </time>
        )}
        {at !== undefined && note.ticketLabel && ' · '}
        {note.ticketLabel && `on ${note.ticketLabel}`}
      </p>
      {note.tags.length > 0 && (
        <ul class="rp-tags" aria-label="Tags">
          {note.tags.map((tag, i) => (
            <li key={i} class="rp-tag" dir="auto" title={tag}>
              {tag}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
