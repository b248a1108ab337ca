import { describe, expect, it, vi } from 'vitest';
import { SlotDecoder, SlotEncoder, isNonceMessage, plain } from '@/lib/page/frame-protocol';
import type { SidebarState } from '@/components/model';
import type { MemoryPanelProps } from '@/components/memory/model';
import type { ChecklistPanelProps } from '@/components/checklist/model';

const handlers = { onAddNote: vi.fn(async () => ({ ok: true as const })), onToggleCollapsed: vi.fn(), onShowAllNotes: vi.fn() };

function ticket(over: Partial<Extract<SidebarState, { kind: 'ticket' }>> = {}): SidebarState {
  return {
    kind: 'ticket',
    helpdesk: 'zendesk',
    ticketId: '102',
    customer: { name: 'Sam Rivera', email: 'sam@example.com' },
    missing: [],
    notes: [{ id: 'n1', text: 'Prefers email', tags: [], createdAt: 5 }],
    ...over,
  };
}

const checklist = (draft: string, onInsertGreeting?: () => void): ChecklistPanelProps => ({
  status: 'ready',
  draft,
  items: [],
  questions: [],
  onInsertGreeting,
  now: () => 42,
});

/** Content script → port (JSON, as Chromium sends it) → frame. */
function wire(encoder: SlotEncoder, decoder: SlotDecoder, state: SidebarState) {
  const changes = encoder.changes(state, handlers);
  decoder.apply(JSON.parse(JSON.stringify(changes)));
  return changes;
}

describe('sidebar frame protocol', () => {
  it('sends the state as plain data and rebuilds it in the frame', () => {
    const encoder = new SlotEncoder();
    const decoder = new SlotDecoder(async () => undefined);
    wire(encoder, decoder, ticket());
    expect(decoder.state).toEqual(ticket());
  });

  it('re-sends only the slots that changed, and the frame keeps the unchanged panel objects', () => {
    const encoder = new SlotEncoder();
    const decoder = new SlotDecoder(async () => undefined);
    const memory: MemoryPanelProps = { now: 1, error: 'x' };
    const base = ticket();
    wire(encoder, decoder, { ...base, panels: { memory, checklist: checklist('Hi') } } as SidebarState);
    const memoryBefore = (decoder.state as { panels: { memory: unknown } }).panels.memory;

    // Typing: the controller spreads a new state with a new checklist panel; the rest are the same objects.
    const changes = wire(encoder, decoder, { ...base, panels: { memory, checklist: checklist('Hi Sam') } } as SidebarState);
    expect(Object.keys(changes)).toEqual(['panel:checklist']);
    const after = decoder.state as Extract<SidebarState, { kind: 'ticket' }>;
    expect(after.panels?.memory).toBe(memoryBefore);
    expect(after.panels?.checklist?.draft).toBe('Hi Sam');

    // A panel that goes away is removed in the frame too.
    expect(wire(encoder, decoder, { ...base, panels: { memory } } as SidebarState)).toEqual({ 'panel:checklist': null });
    expect((decoder.state as Extract<SidebarState, { kind: 'ticket' }>).panels?.checklist).toBeUndefined();
  });

  it('turns functions into references the frame calls back, with the same proxy while the function lives', async () => {
    const insert = vi.fn(() => 'inserted');
    const encoder = new SlotEncoder();
    const calls: { fn: number; args: unknown[] }[] = [];
    const decoder = new SlotDecoder(async (fn, args) => {
      calls.push({ fn, args });
      return encoder.lookup(fn)?.(...args);
    });
    wire(encoder, decoder, ticket({ panels: { checklist: checklist('Hi', insert) } }));
    const first = (decoder.state as Extract<SidebarState, { kind: 'ticket' }>).panels!.checklist!;
    // The clock stays behind: the frame uses its own Date.now.
    expect(first.now).toBeUndefined();
    await expect(Promise.resolve(first.onInsertGreeting!())).resolves.toBe('inserted');
    expect(insert).toHaveBeenCalledTimes(1);

    wire(encoder, decoder, ticket({ panels: { checklist: checklist('Hi there', insert) } }));
    const second = (decoder.state as Extract<SidebarState, { kind: 'ticket' }>).panels!.checklist!;
    expect(second.onInsertGreeting).toBe(first.onInsertGreeting);

    // A function no longer in any slot cannot be called from the frame.
    wire(encoder, decoder, ticket({ panels: {} }));
    expect(encoder.lookup(calls[0]!.fn)).toBeUndefined();
  });

  it('sends arguments and answers as plain data: DOM events and functions stay behind', () => {
    const event = new Event('click');
    expect(plain([event, { a: 1, f: () => 1 }, 'x'])).toEqual([null, { a: 1 }, 'x']);
  });

  it('never lets a __proto__ key replace a copy’s prototype', () => {
    const decoder = new SlotDecoder(async () => undefined);
    decoder.apply(JSON.parse('{"base":{"kind":"waiting","helpdesk":"zendesk","ticketId":"1","__proto__":{"polluted":true}}}'));
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect((decoder.state as unknown as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('sends every slot again after a reset (a new frame)', () => {
    const encoder = new SlotEncoder();
    const state = ticket();
    encoder.changes(state, handlers);
    expect(encoder.changes(state, handlers)).toEqual({});
    encoder.reset();
    expect(Object.keys(encoder.changes(state, handlers)).sort()).toEqual(['base', 'handlers']);
  });

  it('recognises only a nonce message', () => {
    expect(isNonceMessage({ rapportNonce: 'abc' })).toBe(true);
    expect(isNonceMessage({ rapportNonce: 1 })).toBe(false);
    expect(isNonceMessage({ rapportNonce: 'x'.repeat(65) })).toBe(false);
    expect(isNonceMessage('abc')).toBe(false);
    expect(isNonceMessage(null)).toBe(false);
  });
});
