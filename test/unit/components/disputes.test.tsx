// @vitest-environment happy-dom
/** "Not right" in the sidebar's panels (issue #12): the control, what it sends, what it changes. */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, waitFor } from '@testing-library/preact';
import { ChecklistPanel } from '@/components/checklist';
import type { ChecklistItem, ChecklistPanelProps } from '@/components/checklist/model';
import { MemoryTop } from '@/components/memory';
import type { MemoryActions } from '@/components/memory/model';
import type { MemoryContext } from '@/lib/memory/messages';
import { stillDisputed, verdictKey } from '@/lib/disputes/draft';

const item = (rule: string, over: Partial<ChecklistItem> = {}): ChecklistItem => ({ rule, label: rule, state: 'fail', why: `why ${rule}`, critical: false, evidence: [], ...over });

const panel = (over: Partial<ChecklistPanelProps> = {}): ChecklistPanelProps => ({
  status: 'ready',
  draft: 'Hello, we are looking into it.',
  items: [item('greets-by-name', { label: 'Greets by name', critical: true }), item('closing', { state: 'pass' })],
  readiness: 0.4,
  questions: [],
  ...over,
});

describe('checklist: not right', () => {
  it('every item has the control, named for the item; no control without a handler', () => {
    const { container, rerender } = render(<ChecklistPanel {...panel({ onDispute: async () => ({ ok: true }) })} />);
    const buttons = [...container.querySelectorAll('[data-rule] [data-testid="verdict-wrong"]')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Not right: Greets by name', 'Not right: closing']);
    rerender(<ChecklistPanel {...panel()} />);
    expect(container.querySelectorAll('[data-testid="verdict-wrong"]')).toHaveLength(0);
  });

  it('sends the item, with the text only when "include the text" is ticked', async () => {
    const onDispute = vi.fn(async () => ({ ok: true as const }));
    const { container } = render(<ChecklistPanel {...panel({ onDispute })} />);
    const wrong = () => container.querySelector('[data-rule="greets-by-name"] [data-testid="verdict-wrong"]')!;
    fireEvent.click(wrong());
    expect(onDispute).toHaveBeenLastCalledWith(expect.objectContaining({ rule: 'greets-by-name' }), false);
    fireEvent.click(container.querySelector('[data-testid="dispute-include-text"]')!);
    fireEvent.click(wrong());
    expect(onDispute).toHaveBeenLastCalledWith(expect.objectContaining({ rule: 'greets-by-name' }), true);
  });

  it('a disputed item is marked and no longer counts against readiness', () => {
    const { container } = render(<ChecklistPanel {...panel({ disputed: ['greets-by-name'], onDispute: async () => ({ ok: true }) })} />);
    const li = container.querySelector('[data-rule="greets-by-name"]')!;
    expect(li.getAttribute('data-disputed')).toBe('true');
    expect(li.querySelector('[data-testid="verdict-wrong"]')?.hasAttribute('disabled')).toBe(true);
    expect(container.querySelector('[data-rule="closing"]')?.hasAttribute('data-disputed')).toBe(false);
    // The only failing (critical) item is disputed: ready, and no percentage that still counted it.
    expect(container.querySelector('[data-testid="readiness"]')?.textContent).toBe('Ready to send');
  });

  it('shows why a dispute could not be saved', async () => {
    const { container, findByRole } = render(<ChecklistPanel {...panel({ onDispute: async () => ({ ok: false, error: 'Storage is full' }) })} />);
    fireEvent.click(container.querySelector('[data-testid="verdict-wrong"]')!);
    expect((await findByRole('alert')).textContent).toBe('Storage is full');
  });
});

describe('how long a dispute holds (lib/disputes/draft.ts)', () => {
  const failing = item('next-step', { why: 'No next step' });
  const disputed = new Map([['next-step', verdictKey(failing)]]);
  it('holds while the rule judges the draft the same way', () => {
    expect([...stillDisputed(disputed, [failing], 'Hello, we are looking into it. Thanks').keys()]).toEqual(['next-step']);
  });
  it('re-arms when the verdict changes, the words it judged change, or the draft is emptied', () => {
    expect(stillDisputed(disputed, [{ ...failing, state: 'pass' }], 'x').size).toBe(0);
    expect(stillDisputed(disputed, [{ ...failing, why: 'Says what but not when' }], 'x').size).toBe(0);
    expect(stillDisputed(disputed, [{ ...failing, evidence: [{ text: 'try' }] }], 'x').size).toBe(0);
    expect(stillDisputed(disputed, [failing], '   ').size).toBe(0);
    expect(stillDisputed(disputed, [], 'x').size).toBe(0);
  });
});

describe('cues: not right', () => {
  const context = {
    customer: { id: 'c1', helpdesk: 'zendesk', account: 'a.zendesk.com', emails: [], firstSeen: 0, lastSeen: 0, updatedAt: 0 },
    cues: [{ id: 'first-contact', reason: 'First ticket from them — welcome them and set expectations', weight: 45 }],
    facts: [],
    followUps: [],
    timeline: [],
    merges: [],
  } as unknown as MemoryContext;

  it('each cue has the control; a click sends the cue; a disputed cue is marked', async () => {
    const disputeCue = vi.fn(async () => ({ ok: true as const }));
    const actions = { disputeCue } as unknown as MemoryActions;
    const { container, rerender } = render(<MemoryTop context={context} actions={actions} />);
    const button = container.querySelector('[data-cue="first-contact"] [data-testid="verdict-wrong"]')!;
    expect(button.getAttribute('aria-label')).toBe('Not right: First ticket from them — welcome them and set expectations');
    fireEvent.click(button);
    await waitFor(() => expect(disputeCue).toHaveBeenCalledWith(context.cues[0]));
    rerender(<MemoryTop context={context} actions={actions} disputedCues={[`first-contact|${context.cues[0]!.reason}`]} />);
    expect(container.querySelector('[data-cue="first-contact"]')?.getAttribute('data-disputed')).toBe('true');
  });
});
