// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { ChecklistPanel } from '@/components/checklist';
import { Sidebar } from '@/components/Sidebar';
import type { ChecklistItem, ChecklistPanelProps } from '@/components/checklist/model';
import type { SidebarState } from '@/components/model';

const item = (rule: string, state: ChecklistItem['state'], over: Partial<ChecklistItem> = {}): ChecklistItem => ({
  rule,
  label: rule === 'greets-by-name' ? 'Greets by name' : rule,
  state,
  why: `${rule} why`,
  critical: false,
  evidence: [],
  ...over,
});

const draft = 'Hello, we are looking into it.';
const props = (over: Partial<ChecklistPanelProps> = {}): ChecklistPanelProps => ({
  status: 'ready',
  draft,
  items: [
    item('greets-by-name', 'fail', { critical: true, evidence: [{ start: 0, end: 5, text: 'Hello' }] }),
    item('closing', 'fail'),
    item('respectful-language', 'pass', { evidence: [{ start: 7, end: 9, text: 'we' }] }),
    item('sincere-wording', 'pass'),
    item('knowledge-link', 'na'),
  ],
  readiness: 0.5,
  questions: [],
  ...over,
});

describe('compact checklist (issue #14)', () => {
  it('calls a complaint taken as the request what it is, not a question', () => {
    const { unmount } = render(<ChecklistPanel {...props({ questions: [{ text: 'After resetting my password I am still unable to log in.', answered: true, implicit: true }] })} />);
    expect(screen.getByText('What they reported')).toBeTruthy();
    expect(screen.queryByText('Their questions')).toBeNull();
    unmount();
    render(<ChecklistPanel {...props({ questions: [{ text: 'Can I get a refund?', answered: false }] })} />);
    expect(screen.getByText('Their questions')).toBeTruthy();
  });

  it('lists an ask the model is unsure of, muted and said to be maybe no question', () => {
    render(<ChecklistPanel {...props({ questions: [{ text: 'Can I get a refund?', answered: true }, { text: "I wonder if it's the new update.", answered: false, unsure: true }] })} />);
    const [sure, unsure] = screen.getAllByTestId('question');
    expect(sure!.className).toBe('rp-cl-q-yes');
    expect(unsure!.className).toBe('rp-cl-q-maybe');
    expect(unsure!.getAttribute('data-unsure')).toBe('true');
    expect(unsure!.textContent).toContain('maybe not a question; not counted');
  });

  it('shows the readiness line and only what needs attention; passes fold into one line', () => {
    render(<ChecklistPanel {...props()} />);
    expect(screen.getByTestId('readiness').textContent).toMatch(/^Not ready: 1 critical item to fix/);
    const attention = screen.getByTestId('checklist-attention');
    expect([...attention.querySelectorAll('[data-rule]')].map((li) => li.getAttribute('data-rule'))).toEqual(['greets-by-name', 'closing']);
    const folded = screen.getByTestId('checklist-passed') as HTMLDetailsElement;
    expect(folded.open).toBe(false);
    expect(folded.querySelector('summary')?.textContent).toContain('2 passed · 1 not needed');
    fireEvent.click(folded.querySelector('summary')!);
    expect(folded.open).toBe(true);
  });

  it('the readiness line is short on screen and whole for screen readers', () => {
    const shown = (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll('.rp-sr').forEach((sr) => sr.remove());
      return copy.textContent;
    };
    const { rerender } = render(<ChecklistPanel {...props()} />);
    const line = screen.getByTestId('readiness');
    expect(line.getAttribute('role')).toBe('status');
    expect(shown(line.querySelector('.rp-cl-ready-text')!)).toBe('Not ready: 1 critical');
    expect(shown(line.querySelector('.rp-cl-ready-pct')!)).toBe('50%');
    expect(line.textContent).toBe('Not ready: 1 critical item to fix, 50% ready');
    const twoCritical = [item('greets-by-name', 'fail', { critical: true }), item('closing', 'fail', { critical: true }), item('sincere-wording', 'fail')];
    rerender(<ChecklistPanel {...props({ items: twoCritical, readiness: 0.25 })} />);
    expect(screen.getByTestId('readiness').textContent).toBe('Not ready: 2 critical items to fix, 25% ready');
    rerender(<ChecklistPanel {...props({ items: [item('closing', 'fail'), item('sincere-wording', 'fail')], readiness: 0.8 })} />);
    expect(shown(screen.getByTestId('readiness'))).toBe('Almost: 2 to improve80%');
    expect(screen.getByTestId('readiness').className).toContain('rp-cl-ready-warn');
  });

  it('gives every "show" a name of its own and opens the preview inside its item', () => {
    render(<ChecklistPanel {...props()} />);
    const show = screen.getByRole('button', { name: 'Show the words for ‘Greets by name’' });
    expect(screen.getByRole('button', { name: 'Show the words for ‘respectful-language’' })).toBeTruthy();
    fireEvent.click(show);
    const li = show.closest('li')!;
    expect(li.querySelector('[data-testid="checklist-preview"] mark')?.textContent).toBe('Hello');
    expect(screen.getByRole('button', { name: 'Hide the words for ‘Greets by name’' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('opens "Why this matters" under an item from the standards text', () => {
    render(<ChecklistPanel {...props()} />);
    const why = screen.getByRole('button', { name: 'Why ‘Greets by name’ matters' });
    expect(why.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(why);
    expect(why.getAttribute('aria-expanded')).toBe('true');
    const text = why.closest('li')!.querySelector('[data-testid="why-it-matters"]')!;
    expect(text.textContent).toContain('Personal recognition');
    expect(text.textContent).toContain('Why this matters.');
  });

  it('a ready draft shows the readiness line and the folded line only', () => {
    render(<ChecklistPanel {...props({ items: [item('greets-by-name', 'pass'), item('closing', 'pass')], readiness: 1 })} />);
    expect(screen.getByTestId('readiness').textContent).toBe('Ready to send, 100% ready');
    expect(screen.queryByTestId('checklist-attention')).toBeNull();
    expect(screen.getByTestId('checklist-passed').querySelector('summary')?.textContent).toContain('2 passed');
  });
});

describe('sidebar order while the agent writes', () => {
  const state: SidebarState = {
    kind: 'ticket',
    helpdesk: 'zendesk',
    ticketId: '1',
    customer: { name: 'Ada Lovelace' },
    missing: [],
    history: { ticketsSeen: 2 },
    notes: [],
    notesTotal: 3,
    panels: { checklist: props() },
  };
  const base = { state, collapsed: false, onToggleCollapsed: () => {}, onAddNote: async () => ({ ok: true as const }) };

  it('in the composer: the checklist first, the customer folded into one line that opens', () => {
    const { container } = render(<Sidebar {...base} composing />);
    const stack = container.querySelector('.rp-stack')!;
    expect(stack.classList.contains('rp-composing')).toBe(true);
    const fold = screen.getByTestId('composing-fold');
    expect(fold.textContent).toContain('About Ada Lovelace · 3 notes');
    expect((screen.getByTestId('customer-name').closest('.rp-slot') as HTMLElement).hidden).toBe(true);
    fireEvent.click(fold);
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    expect((screen.getByTestId('customer-name').closest('.rp-slot') as HTMLElement).hidden).toBe(false);
  });

  it('back to the normal order when they leave', () => {
    const { container } = render(<Sidebar {...base} composing={false} />);
    expect(container.querySelector('.rp-composing')).toBeNull();
    expect(screen.queryByTestId('composing-fold')).toBeNull();
    expect((screen.getByTestId('customer-name').closest('.rp-slot') as HTMLElement).hidden).toBe(false);
  });

  it('the resize handle is a named separator that the arrow keys move', () => {
    const onResize = vi.fn();
    render(<Sidebar {...base} width={300} onResize={onResize} />);
    const handle = screen.getByRole('separator', { name: 'Resize the Rapport sidebar' });
    expect(handle.getAttribute('aria-valuenow')).toBe('300');
    fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(onResize).toHaveBeenLastCalledWith({ by: 20 }, true);
    fireEvent.keyDown(handle, { key: 'ArrowRight', shiftKey: true });
    expect(onResize).toHaveBeenLastCalledWith({ by: -60 }, true);
  });
});
