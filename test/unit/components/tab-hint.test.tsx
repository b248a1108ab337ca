// @vitest-environment happy-dom
import { render, screen } from '@testing-library/preact';
import { Sidebar } from '@/components/Sidebar';
import { tabHint } from '@/components/tab-hint';
import type { SidebarState } from '@/components/model';
import type { MemoryContext } from '@/lib/memory/messages';
import type { Cue } from '@/lib/memory/cues';

const HOSTILE = 'Dana <img src=x onerror=alert(1)> said it is the THIRD time';

const withCues = (cues: Cue[], disputedCues: string[] = []): SidebarState => ({
  kind: 'ticket',
  helpdesk: 'zendesk',
  ticketId: '101',
  customer: { name: 'Dana Whitfield' },
  missing: [],
  panels: { memory: { context: { cues, facts: [], followUps: [], timeline: [], merges: [] } as unknown as MemoryContext, disputedCues } },
});

const upset: Cue = { id: 'negative-last-time', weight: 80, reason: `They were upset last time (#88) — ${HOSTILE}` };
const repeat: Cue = { id: 'repeat-contact', weight: 85, reason: HOSTILE };
const firstTicket: Cue = { id: 'first-contact', weight: 45, reason: 'First ticket from them' };
const loyal: Cue = { id: 'long-time-customer', weight: 40, reason: 'With us since March 2020' };

describe('the collapsed tab hints at what is worth opening for (issue #14)', () => {
  it('counts the cues and names the weighty ones by kind, never by their words', () => {
    expect(tabHint(withCues([repeat, upset, firstTicket]))).toEqual({ count: 3, weighty: true, label: '3 things to know: a repeat contact, upset last time' });
    expect(tabHint(withCues([firstTicket]))).toEqual({ count: 1, weighty: false, label: '1 thing to know' });
  });

  it('says nothing when there is nothing to know, the memory is still loading, or no ticket is read', () => {
    expect(tabHint(withCues([]))).toBeUndefined();
    expect(tabHint({ ...withCues([]), panels: {} } as SidebarState)).toBeUndefined();
    expect(tabHint({ kind: 'waiting', helpdesk: 'zendesk', ticketId: '1' })).toBeUndefined();
  });

  it('leaves out the cues the agent marked "not right"', () => {
    const hint = tabHint(withCues([repeat, loyal], [`${repeat.id}|${repeat.reason}`]));
    expect(hint).toEqual({ count: 1, weighty: false, label: '1 thing to know' });
  });

  it('the tab shows the number and is named with the hint; no customer text reaches it', () => {
    const { container } = render(<Sidebar state={withCues([repeat, upset, loyal])} collapsed onToggleCollapsed={() => {}} onAddNote={async () => ({ ok: true })} />);
    const tab = screen.getByRole('button', { name: 'Show Rapport sidebar: 3 things to know: a repeat contact, upset last time' });
    const badge = screen.getByTestId('tab-hint');
    expect(badge.textContent).toBe('3');
    expect(badge.getAttribute('aria-hidden')).toBe('true');
    expect(badge.className).toContain('rp-tab-hint-weighty');
    expect(tab.getAttribute('title')).toMatch(/^3 things to know: a repeat contact, upset last time — show Rapport/);
    const said = `${container.textContent} ${[...container.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value)).join(' ')}`;
    expect(said).not.toContain('Dana');
    expect(said).not.toContain('THIRD');
    expect(container.querySelector('img')).toBeNull();
  });

  it('a quiet hint is not the weighty one, and a bare tab keeps its plain name', () => {
    const { rerender } = render(<Sidebar state={withCues([loyal])} collapsed onToggleCollapsed={() => {}} onAddNote={async () => ({ ok: true })} />);
    expect(screen.getByTestId('tab-hint').className).not.toContain('rp-tab-hint-weighty');
    rerender(<Sidebar state={withCues([])} collapsed onToggleCollapsed={() => {}} onAddNote={async () => ({ ok: true })} />);
    expect(screen.queryByTestId('tab-hint')).toBeNull();
    expect(screen.getByRole('button', { name: 'Show Rapport sidebar' })).toBeTruthy();
  });
});
