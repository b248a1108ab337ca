// @vitest-environment happy-dom
/** A follow-up suggestion from a reply sent on a page since left says whose promise it was (FreeScout opens the next conversation on send). */
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import { MemoryTop } from '@/components/memory';
import type { MemoryActions } from '@/components/memory/model';
import { PresentationContext } from '@/components/presentation';
import type { FollowUpSuggestion, MemoryContext } from '@/lib/memory/messages';

const here = { helpdesk: 'freescout', account: 'help.acme.test', ticketId: '10' } as const;
const dan = { customerId: 'c-dan', customerName: 'Dan Buyer', ticket: { ...here, ticketId: '4' } };
const friday = (from?: FollowUpSuggestion['from']): FollowUpSuggestion => ({ id: 's1', phrase: 'Friday', dueAt: Date.UTC(2026, 11, 11, 16), text: "I'll send the copy by Friday.", ...(from ? { from } : {}) });
const context = {
  customer: { id: 'c-rosa', helpdesk: 'freescout', account: here.account, emails: [], firstSeen: 0, lastSeen: 0, updatedAt: 0 },
  cues: [],
  facts: [],
  followUps: [],
  timeline: [],
  merges: [],
} as unknown as MemoryContext;
const actions = {} as MemoryActions;
const now = Date.UTC(2026, 11, 7, 10);

describe('follow-up suggestions', () => {
  it('says whose promise a suggestion from another ticket is', () => {
    const { getByTestId } = render(<MemoryTop context={context} actions={actions} suggestions={[friday(dan)]} ticket={here} now={now} />);
    expect(getByTestId('suggestion-from').textContent).toBe('To Dan Buyer · #4');
    expect(getByTestId('follow-up-suggestions').textContent).toContain('You made a promise in a reply you sent');
  });

  it('says nothing more on the ticket the reply was sent on', () => {
    const { queryByTestId, getByTestId } = render(<MemoryTop context={context} actions={actions} suggestions={[friday({ ...dan, ticket: here })]} ticket={here} now={now} />);
    expect(queryByTestId('suggestion-from')).toBeNull();
    expect(getByTestId('follow-up-suggestions').textContent).toContain('You made a promise in that reply');
  });

  it('masks the name in presentation mode', () => {
    const { getByTestId } = render(
      <PresentationContext.Provider value={true}>
        <MemoryTop context={context} actions={actions} suggestions={[friday(dan)]} ticket={here} now={now} />
      </PresentationContext.Provider>,
    );
    expect(getByTestId('suggestion-from').textContent).not.toContain('Dan Buyer');
    expect(getByTestId('suggestion-from').textContent).toMatch(/^To .+ · #4$/);
  });
});
