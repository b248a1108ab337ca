// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import { MemoryDetails, MemoryTop } from '@/components/memory';
import type { MemoryContext } from '@/lib/memory/messages';
import { PresentationContext } from '@/components/presentation';

const HOSTILE = '<img src=x onerror=alert(1)>';
const NOW = Date.UTC(2026, 10, 25, 14);

const context = (over: Partial<MemoryContext> = {}): MemoryContext => ({
  customer: { id: 'c1', helpdesk: 'zendesk', account: 'a.zendesk.com', name: HOSTILE, emails: ['sam@example.com'], firstSeen: NOW - 1e10, lastSeen: NOW, updatedAt: NOW, version: 1, preferredName: 'Sam' },
  cues: [
    { id: 'open-promise', reason: 'Open promise due Fri', weight: 95 },
    { id: 'preferred-name', reason: 'Goes by “Sam” — use it in your greeting', weight: 55 },
  ],
  lastTime: { ticket: { helpdesk: 'zendesk', account: 'a.zendesk.com', ticketId: '98' }, subject: HOSTILE, at: NOW - 1e9, outcome: 'solved', note: 'Fixed by clearing cache' },
  facts: [{ id: 'f', customerId: 'c1', text: HOSTILE, createdAt: NOW, mentionNext: true }],
  followUps: [{ id: 'u', customerId: 'c1', text: 'Send invoice', dueAt: NOW - 1000, createdAt: NOW - 5000, status: 'open', origin: 'reply' }],
  timeline: [{ kind: 'note', at: NOW, note: { id: 'n', customerId: 'c1', text: 'See https://example.com/x and javascript:alert(1)', tags: [], createdAt: NOW, updatedAt: NOW } }],
  merges: [],
  ...over,
});

describe('memory panels', () => {
  it('show cues with their reason, open promises and the last-time line', () => {
    const { container } = render(<MemoryTop context={context()} now={NOW} />);
    const cues = [...container.querySelectorAll('[data-testid="cue"]')];
    expect(cues.map((c) => c.getAttribute('data-cue'))).toEqual(['open-promise', 'preferred-name']);
    expect(container.querySelector('[data-testid="follow-up"]')?.textContent).toMatch(/Send invoice.*overdue/);
    expect(container.querySelector('[data-testid="last-time"]')?.textContent).toContain(`“${HOSTILE}”`);
    expect(container.querySelector('img')).toBeNull();
  });

  it('keep a section the agent opened open when the panel is built anew (the customer identity firming up)', () => {
    const first = render(<MemoryDetails context={context()} now={NOW} />);
    const profile = () => document.querySelector('[data-testid="memory-profile"]') as HTMLDetailsElement;
    expect(profile().open).toBe(false);
    profile().open = true;
    profile().dispatchEvent(new Event('toggle'));
    first.unmount();
    render(<MemoryDetails context={context({ customer: { ...context().customer, id: 'c1-by-email' } })} now={NOW} />);
    expect(profile().open).toBe(true);
    // Put back for the tests after this one: the choice lasts as long as the sidebar.
    profile().open = false;
    profile().dispatchEvent(new Event('toggle'));
  });

  it('say when the helpdesk API did not answer', () => {
    const { getByTestId } = render(<MemoryTop context={context()} now={NOW} apiProblem="Local history only — the helpdesk's API didn't answer." />);
    expect(getByTestId('api-problem').textContent).toMatch(/Local history only/);
  });

  it('render only http(s) links in notes, as safe links', () => {
    const { container } = render(<MemoryDetails context={context()} now={NOW} />);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/x']);
    expect(links[0]!.getAttribute('rel')).toContain('noopener');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[data-testid="fact"]')?.textContent).toContain(HOSTILE);
  });

  it('hide the preferred name in presentation mode', () => {
    const { container } = render(
      <PresentationContext.Provider value={true}>
        <MemoryTop context={context()} now={NOW} />
      </PresentationContext.Provider>,
    );
    expect(container.textContent).not.toContain('“Sam”');
  });
});
