// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Sidebar } from '@/components/Sidebar';
import type { NoteSaveResult, NoteView, SidebarProps, SidebarState } from '@/components/model';
import { formatDate } from '@/components/format';

const NOW = new Date(2026, 10, 25, 15, 30).getTime();
const DAY = 86_400_000;
const HOSTILE = '<img src=x onerror=alert(1)>';

const ticket = (over: Partial<Extract<SidebarState, { kind: 'ticket' }>> = {}): SidebarState => ({
  kind: 'ticket',
  helpdesk: 'zendesk',
  ticketId: '123',
  subject: 'Refund for order 881',
  customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
  missing: [],
  history: { ticketsSeen: 0 },
  notes: [],
  ...over,
});

function setup(over: Partial<SidebarProps> = {}) {
  const props: SidebarProps = {
    state: ticket(),
    collapsed: false,
    onToggleCollapsed: vi.fn(),
    onAddNote: vi.fn(async (): Promise<NoteSaveResult> => ({ ok: true })),
    now: NOW,
    ...over,
  };
  return { props, ...render(<Sidebar {...props} />) };
}

describe('Sidebar states', () => {
  it('waiting: header and a quiet reading line', () => {
    setup({ state: { kind: 'waiting', helpdesk: 'freshdesk', ticketId: '42' } });
    expect(screen.getByRole('complementary', { name: 'Rapport' })).toBeTruthy();
    expect(screen.getByTestId('helpdesk').textContent).toBe('Freshdesk');
    expect(screen.getByTestId('ticket-id').textContent).toBe('#42');
    expect(screen.getByTestId('waiting').textContent).toContain('Reading ticket #42…');
    expect(screen.queryByTestId('note-input')).toBeNull();
  });

  it('unreadable: a calm message listing what is missing in plain words', () => {
    setup({ state: { kind: 'unreadable', helpdesk: 'zendesk', ticketId: '7', missing: ['pane', 'requester-email'] } });
    const problem = screen.getByTestId('read-problem');
    expect(problem.textContent).toContain("Rapport couldn't read this ticket page");
    const items = [...problem.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(["the ticket's pane", "the requester's email"]);
    expect(problem.textContent).toContain('your notes are safe');
    expect(problem.textContent).not.toContain('requester-email');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('ticket: customer card, helpdesk, ticket id, subject, visit summary and notes', () => {
    setup();
    expect(screen.getByTestId('customer-name').textContent).toBe('Ada Lovelace');
    expect(screen.getByTestId('customer-email').textContent).toBe('ada@example.com');
    expect(screen.getByTestId('helpdesk').textContent).toBe('Zendesk');
    expect(screen.getByTestId('ticket-id').textContent).toBe('#123');
    expect(screen.getByText('Refund for order 881')).toBeTruthy();
    expect(screen.getByTestId('visit-summary')).toBeTruthy();
    expect(screen.getByTestId('note-input')).toBeTruthy();
    expect(screen.getByTestId('note-save')).toBeTruthy();
    expect(screen.queryByTestId('read-problem')).toBeNull();
  });

  it('ticket: a missing email is said plainly, and partial reads list what was not read', () => {
    setup({ state: ticket({ customer: { name: 'Ada' }, missing: ['requester-email', 'subject'] }) });
    const email = screen.getByTestId('customer-email');
    expect(email.textContent).toBe('Email not shown on this page');
    expect(screen.getByTestId('read-problem').textContent).toBe(
      "Couldn't read the requester's email and the ticket's subject on this page.",
    );
  });

  it('ticket: a storage problem shows as an alert banner', () => {
    setup({ state: ticket({ storageError: 'Storage is full.' }) });
    expect(screen.getByRole('alert').textContent).toBe('Storage is full.');
  });
});

describe('Hostile customer text', () => {
  it('renders as exact text and creates no element', () => {
    const { container } = setup({
      state: ticket({
        customer: { name: HOSTILE, email: `"><script>alert(1)</script>@x.com` },
        subject: HOSTILE,
        notes: [{ id: 'n1', text: HOSTILE, tags: [HOSTILE], createdAt: NOW }],
      }),
    });
    expect(screen.getByTestId('customer-name').textContent).toBe(HOSTILE);
    expect(screen.getByTestId('customer-email').textContent).toBe(`"><script>alert(1)</script>@x.com`);
    expect(screen.getByTestId('note').textContent).toContain(HOSTILE);
    expect(container.querySelector('img, script')).toBeNull();
  });

  it('keeps very long, RTL and emoji names as text', () => {
    const long = 'x'.repeat(500);
    setup({ state: ticket({ customer: { name: `${long} مرحبا 👩🏽‍💻` } }) });
    expect(screen.getByTestId('customer-name').textContent).toBe(`${long} مرحبا 👩🏽‍💻`);
    expect(screen.getByTestId('customer-name').getAttribute('dir')).toBe('auto');
  });
});

describe('Visit summary', () => {
  const summary = (history: Extract<SidebarState, { kind: 'ticket' }>['history']) => {
    setup({ state: ticket({ history }) });
    return screen.getByTestId('visit-summary').textContent;
  };

  it('while the background answers', () => expect(summary(undefined)).toBe('Looking up history…'));
  it('first time', () => expect(summary({ ticketsSeen: 0 })).toBe('First time we see this customer'));
  it('seen once, today', () =>
    expect(summary({ ticketsSeen: 1, lastSeen: NOW - 3_600_000 })).toBe(
      `Seen once, last on ${formatDate(NOW - 3_600_000)} (today)`,
    ));
  it('seen 3 times, yesterday', () =>
    expect(summary({ ticketsSeen: 3, lastSeen: NOW - DAY })).toBe(`Seen 3 times, last on ${formatDate(NOW - DAY)} (yesterday)`));
  it('seen long ago: the date only', () =>
    expect(summary({ ticketsSeen: 3, lastSeen: NOW - 40 * DAY })).toBe(`Seen 3 times, last on ${formatDate(NOW - 40 * DAY)}`));
});

describe('Notes', () => {
  const notes: NoteView[] = [
    { id: 'old', text: 'Older note', tags: [], createdAt: NOW - 10 * DAY },
    { id: 'new', text: 'Line one\nLine two', tags: ['vip', 'billing'], createdAt: NOW - 60_000, ticketLabel: '#99' },
  ];

  it('lists newest first with date, ticket and tags', () => {
    setup({ state: ticket({ notes }) });
    const items = screen.getAllByTestId('note');
    expect(items.map((n) => n.querySelector('.rp-note-text')?.textContent)).toEqual(['Line one\nLine two', 'Older note']);
    expect(items[0]!.textContent).toContain('today');
    expect(items[0]!.textContent).toContain('on #99');
    expect([...items[0]!.querySelectorAll('.rp-tag')].map((t) => t.textContent)).toEqual(['vip', 'billing']);
    expect(items[1]!.textContent).toContain(formatDate(NOW - 10 * DAY));
  });

  it('says when notes are loading and when there are none', () => {
    const { rerender, props } = setup({ state: ticket({ notes: undefined }) });
    expect(screen.getByText('Loading notes…')).toBeTruthy();
    rerender(<Sidebar {...props} state={ticket({ notes: [] })} />);
    expect(screen.getByText('No notes yet. What should the next agent know?')).toBeTruthy();
  });

  it('cannot save an empty or blank note', () => {
    const { props } = setup();
    const save = screen.getByTestId('note-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.input(screen.getByTestId('note-input'), { target: { value: '   \n ' } });
    expect(save.disabled).toBe(true);
    fireEvent.click(save);
    fireEvent.keyDown(screen.getByTestId('note-input'), { key: 'Enter', ctrlKey: true });
    expect(props.onAddNote).not.toHaveBeenCalled();
  });

  it('saves, then clears the box', async () => {
    const { props } = setup();
    const input = screen.getByTestId('note-input') as HTMLTextAreaElement;
    fireEvent.input(input, { target: { value: 'Prefers email ' } });
    fireEvent.click(screen.getByTestId('note-save'));
    expect(props.onAddNote).toHaveBeenCalledWith('Prefers email');
    await waitFor(() => expect(input.value).toBe(''));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('disables saving while a save is in flight', async () => {
    let finish!: (r: NoteSaveResult) => void;
    const onAddNote = vi.fn(() => new Promise<NoteSaveResult>((resolve) => (finish = resolve)));
    setup({ onAddNote });
    fireEvent.input(screen.getByTestId('note-input'), { target: { value: 'Hi' } });
    fireEvent.click(screen.getByTestId('note-save'));
    await waitFor(() => expect((screen.getByTestId('note-save') as HTMLButtonElement).disabled).toBe(true));
    fireEvent.click(screen.getByTestId('note-save'));
    expect(onAddNote).toHaveBeenCalledTimes(1);
    finish({ ok: true });
    await waitFor(() => expect((screen.getByTestId('note-input') as HTMLTextAreaElement).value).toBe(''));
  });

  it('on failure keeps the text and shows the error', async () => {
    setup({ onAddNote: vi.fn(async (): Promise<NoteSaveResult> => ({ ok: false, error: 'Storage is full.' })) });
    const input = screen.getByTestId('note-input') as HTMLTextAreaElement;
    fireEvent.input(input, { target: { value: 'Keep me' } });
    fireEvent.click(screen.getByTestId('note-save'));
    expect((await screen.findByRole('alert')).textContent).toBe('Storage is full.');
    expect(input.value).toBe('Keep me');
    expect((screen.getByTestId('note-save') as HTMLButtonElement).disabled).toBe(false);
  });

  it('on a thrown error keeps the text and says so', async () => {
    setup({ onAddNote: vi.fn(() => Promise.reject(new Error('Extension context invalidated.'))) });
    const input = screen.getByTestId('note-input') as HTMLTextAreaElement;
    fireEvent.input(input, { target: { value: 'Keep me' } });
    fireEvent.click(screen.getByTestId('note-save'));
    expect((await screen.findByRole('alert')).textContent).toContain("Couldn't save the note");
    expect(input.value).toBe('Keep me');
  });

  it('Ctrl+Enter and Cmd+Enter save; plain Enter types a new line', async () => {
    const { props } = setup();
    const input = screen.getByTestId('note-input') as HTMLTextAreaElement;
    fireEvent.input(input, { target: { value: 'Via keyboard' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(props.onAddNote).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true });
    expect(props.onAddNote).toHaveBeenCalledWith('Via keyboard');
    await waitFor(() => expect(input.value).toBe(''));
    fireEvent.input(input, { target: { value: 'On a Mac' } });
    fireEvent.keyDown(input, { key: 'Enter', metaKey: true });
    expect(props.onAddNote).toHaveBeenLastCalledWith('On a Mac');
  });

  it('shows a counter near the limit', () => {
    setup();
    const input = screen.getByTestId('note-input') as HTMLTextAreaElement;
    expect(input.maxLength).toBe(5000);
    expect(screen.queryByText(/characters? left/)).toBeNull();
    fireEvent.input(input, { target: { value: 'a'.repeat(4999) } });
    expect(screen.getByText('1 character left')).toBeTruthy();
  });

  it('keeps a draft per ticket: it never follows the agent to another ticket', () => {
    const { props, rerender } = setup();
    fireEvent.input(screen.getByTestId('note-input'), { target: { value: 'About Ada' } });
    rerender(<Sidebar {...props} state={ticket({ ticketId: '124', customer: { name: 'Bob' } })} />);
    expect((screen.getByTestId('note-input') as HTMLTextAreaElement).value).toBe('');
    rerender(<Sidebar {...props} state={{ kind: 'waiting', helpdesk: 'zendesk', ticketId: '123' }} />);
    rerender(<Sidebar {...props} state={ticket()} />);
    expect((screen.getByTestId('note-input') as HTMLTextAreaElement).value).toBe('About Ada');
  });

  it('keeps typing in the sidebar away from the helpdesk shortcuts', () => {
    setup();
    const seen = vi.fn();
    document.addEventListener('keydown', seen);
    fireEvent.keyDown(screen.getByTestId('note-input'), { key: 'r' });
    document.removeEventListener('keydown', seen);
    expect(seen).not.toHaveBeenCalled();
  });
});

describe('Collapsing', () => {
  it('collapsed shows only the tab, which asks to expand', () => {
    const { props, container } = setup({ collapsed: true });
    const tab = screen.getByRole('button', { name: 'Show Rapport sidebar' });
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(tab.getAttribute('title')).toContain('Alt+Shift+R');
    expect(container.querySelectorAll('button')).toHaveLength(1);
    expect(screen.queryByTestId('customer-name')).toBeNull();
    expect(screen.queryByTestId('note-input')).toBeNull();
    fireEvent.click(tab);
    expect(props.onToggleCollapsed).toHaveBeenCalledTimes(1);
  });

  it('the header button hides the sidebar', () => {
    const { props } = setup();
    const hide = screen.getByRole('button', { name: 'Hide Rapport sidebar' });
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    expect(hide.getAttribute('type')).toBe('button');
    expect(hide.getAttribute('title')).toContain('Alt+Shift+R');
    fireEvent.click(hide);
    expect(props.onToggleCollapsed).toHaveBeenCalledTimes(1);
  });

  it('moves focus to the counterpart button after a click toggles it', () => {
    const { props, rerender } = setup();
    const hide = screen.getByRole('button', { name: 'Hide Rapport sidebar' });
    hide.focus();
    fireEvent.click(hide);
    rerender(<Sidebar {...props} collapsed />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show Rapport sidebar' }));
  });

  it('every button is a type=button', () => {
    const { container } = setup({ state: ticket({ notes: [{ id: 'a', text: 'x'.repeat(900), tags: [], createdAt: NOW }] }) });
    for (const b of container.querySelectorAll('button')) expect(b.getAttribute('type')).toBe('button');
  });
});

describe('Notes page', () => {
  it('shows the total and offers the rest when only the newest notes are loaded', () => {
    const note = (i: number): NoteView => ({ id: `n${i}`, text: `note ${i}`, tags: [], createdAt: NOW - i * 1000 });
    const onShowAllNotes = vi.fn();
    setup({ state: ticket({ notes: [note(1), note(2)], notesTotal: 30 }), onShowAllNotes });
    expect(screen.getAllByTestId('note')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('notes-show-all'));
    expect(onShowAllNotes).toHaveBeenCalled();
    expect(screen.getByTestId('notes-show-all').textContent).toBe('Show all 30 notes');
  });

  it('says "100+" when the notes were counted only up to 100', () => {
    const note = (i: number): NoteView => ({ id: `n${i}`, text: `note ${i}`, tags: [], createdAt: NOW - i * 1000 });
    setup({ state: ticket({ notes: [note(1)], notesTotal: 100, notesTotalCapped: true }), onShowAllNotes: vi.fn() });
    expect(screen.getByTestId('notes-show-all').textContent).toBe('Show all 100+ notes');
  });

  it('offers nothing more when every note is there', () => {
    setup({ state: ticket({ notes: [], notesTotal: 0 }), onShowAllNotes: vi.fn() });
    expect(screen.queryByTestId('notes-show-all')).toBeNull();
  });
});
