// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { memoryFeature } from '@/lib/memory/feature';
import type { FeatureContext } from '@/lib/page/features';
import type { TicketSnapshot } from '@/lib/helpdesks/types';
import type { MemoryPanelProps } from '@/components/memory/model';
import type { MemoryContext } from '@/lib/memory/messages';
import type { Customer } from '@/lib/db/types';

const snapshot: TicketSnapshot = {
  helpdesk: 'zendesk',
  account: 'acme.zendesk.com',
  ticketId: '101',
  url: 'https://acme.zendesk.com/agent/tickets/101',
  status: 'open',
  requester: { name: 'Sam Rivera', externalId: '9001' },
  messages: [],
};
const customer: Customer = { id: 'c1', helpdesk: 'zendesk', account: 'acme.zendesk.com', name: 'Sam Rivera', emails: [], firstSeen: 0, lastSeen: 0, updatedAt: 0, version: 1 };
const memory = (note: string): MemoryContext => ({ customer: { ...customer, preferredName: note }, cues: [], facts: [], followUps: [], timeline: [], merges: [] });

function start(opened: MemoryContext | undefined) {
  const panels: (MemoryPanelProps | undefined)[] = [];
  const request = vi.fn(async (req: { type: string }) => {
    if (req.type === 'memory.context') return { ok: true as const, data: memory('asked') };
    if (req.type === 'ticket.open') return { ok: true as const, data: { customer, memory: memory('reopened') } };
    return { ok: false as const, error: 'not in this test' };
  });
  let onSnapshot: (s: TicketSnapshot) => void = () => undefined;
  const ctx = {
    ticketId: '101',
    document,
    snapshot: () => snapshot,
    ticket: { customer, history: { ticketsSeen: 0 }, notes: [], notesTotal: 0, memory: opened },
    request,
    setPanel: (_key: string, props: MemoryPanelProps | undefined) => panels.push(props),
    onSnapshot: (listener: (s: TicketSnapshot) => void) => (onSnapshot = listener),
    onSend: () => undefined,
    now: () => 0,
  } as unknown as FeatureContext;
  const controller = new AbortController();
  memoryFeature.start(ctx, controller.signal);
  return { panels, request, controller, snapshotChanged: (s: TicketSnapshot) => onSnapshot(s) };
}

const shown = (panels: (MemoryPanelProps | undefined)[]) => panels.at(-1)?.context?.customer.preferredName;
const asked = (request: ReturnType<typeof start>['request']) => request.mock.calls.map(([r]) => r.type);

describe('memory feature and the helpdesk API', () => {
  it('adds the past tickets the API brought to the visit line, newest last seen first', async () => {
    const body = {
      tickets: [
        { id: 98, subject: 'Invoice PDF', status: 'solved', created_at: '2026-11-01T10:00:00Z', updated_at: '2026-11-06T10:00:00Z', tags: [] },
        { id: 87, subject: 'Login', status: 'closed', created_at: '2026-10-01T10:00:00Z', updated_at: '2026-10-02T10:00:00Z', tags: [] },
        { id: 101, subject: 'This one', status: 'open', created_at: '2026-11-25T10:00:00Z', updated_at: '2026-11-25T11:00:00Z', tags: [] },
      ],
    };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })));
    const addToHistory = vi.fn();
    const checkingHistory = vi.fn();
    const request = vi.fn(async (req: { type: string }) => {
      if (req.type === 'memory.history.due') return { ok: true as const, data: { due: true } };
      if (req.type === 'memory.history.record') return { ok: true as const, data: { added: 2 } };
      if (req.type === 'memory.context') return { ok: true as const, data: memory('asked') };
      return { ok: false as const, error: 'not in this test' };
    });
    const ctx = {
      ticketId: '101',
      document,
      snapshot: () => snapshot,
      ticket: { customer, history: { ticketsSeen: 0 }, notes: [], notesTotal: 0, memory: memory('opened') },
      request,
      addToHistory,
      checkingHistory,
      setPanel: () => undefined,
      onSnapshot: () => undefined,
      onSend: () => undefined,
      now: () => 0,
    } as unknown as FeatureContext;
    const controller = new AbortController();
    memoryFeature.start(ctx, controller.signal);
    await vi.waitFor(() => expect(addToHistory).toHaveBeenCalledWith(2, Date.parse('2026-11-06T10:00:00Z')));
    // "Checking…" from before the call until the count has grown: never a "First time" in between.
    expect(checkingHistory.mock.calls).toEqual([[true], [false]]);
    expect(checkingHistory.mock.invocationCallOrder[1]!).toBeGreaterThan(addToHistory.mock.invocationCallOrder[0]!);
    controller.abort();
    vi.unstubAllGlobals();
  });
});

describe('memory feature on a ticket', () => {
  it('shows the panels from the ticket.open answer at once, without asking again', async () => {
    const { panels, request, controller } = start(memory('opened'));
    expect(shown(panels)).toBe('opened');
    await vi.waitFor(() => expect(asked(request)).toContain('memory.history.due'));
    expect(asked(request)).not.toContain('memory.context');
    controller.abort();
  });

  it('asks memory.context when the answer did not bring the panels', async () => {
    const { panels, request, controller } = start(undefined);
    await vi.waitFor(() => expect(shown(panels)).toBe('asked'));
    expect(asked(request)).toContain('memory.context');
    controller.abort();
  });

  it('shows the new answer when a status change re-sends ticket.open', async () => {
    const { panels, request, controller, snapshotChanged } = start(memory('opened'));
    snapshotChanged({ ...snapshot, status: 'solved' });
    await vi.waitFor(() => expect(shown(panels)).toBe('reopened'));
    expect(asked(request)).not.toContain('memory.context');
    controller.abort();
  });
});
