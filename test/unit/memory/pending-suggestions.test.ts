import { describe, expect, it } from 'vitest';
import { keepPending, pendingFor, PENDING_FOR_MS, PendingStore, type PendingSuggestion, type SessionArea } from '@/lib/memory/pending-suggestions';

const ticket = (account: string, ticketId = '1') => ({ helpdesk: 'freescout' as const, account, ticketId });
const made = (n: number, at: number, account = 'help.acme.test', workspace?: string): PendingSuggestion => ({
  id: `s${n}`,
  phrase: 'by Friday',
  dueAt: at + 1,
  text: "I'll send it by Friday.",
  from: { customerId: 'c1', ticket: ticket(account, String(n)) },
  at,
  ...(workspace ? { workspace } : {}),
});

describe('suggestions kept for the next page', () => {
  it('keeps the newest first, drops what is two hours old and what is past twenty', () => {
    const now = 10 * PENDING_FOR_MS;
    const old = made(0, now - PENDING_FOR_MS);
    const many = Array.from({ length: 25 }, (_, i) => made(i + 1, now - i));
    const kept = keepPending([old], many, now);
    expect(kept).toHaveLength(20);
    expect(kept[0]!.id).toBe('s1');
    expect(kept.some((p) => p.id === 's0')).toBe(false);
  });

  it('shows a page only its own helpdesk’s and workspace’s', () => {
    const list = [made(1, 0), made(2, 0, 'other.test'), made(3, 0, 'help.acme.test', 'team-b')];
    expect(pendingFor(list, 'help.acme.test', undefined, 1).map((p) => p.id)).toEqual(['s1']);
    expect(pendingFor(list, 'help.acme.test', 'team-b', 1).map((p) => p.id)).toEqual(['s3']);
    // The extension's own pages (no sender host) see every helpdesk of their workspace.
    expect(pendingFor(list, undefined, undefined, 1).map((p) => p.id)).toEqual(['s1', 's2']);
    expect(pendingFor(list, 'help.acme.test', undefined, PENDING_FOR_MS)).toEqual([]);
  });
});

/** The browser's session storage, as a map (it holds JSON-compatible values, copied). */
function sessionArea(): SessionArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (values) => {
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
    },
  };
}

describe('the store of kept suggestions', () => {
  it('outlives a stopped worker: the next one reads what the last one kept', async () => {
    const area = sessionArea();
    await new PendingStore(area).change((list) => ({ list: keepPending(list, [made(1, 5)], 5), result: undefined }));
    const woken = new PendingStore(area);
    expect((await woken.all()).map((p) => p.id)).toEqual(['s1']);
    expect(await woken.change((list) => ({ list: list.filter((p) => p.id !== 's1'), result: 'settled' }))).toBe('settled');
    expect(await new PendingStore(area).all()).toEqual([]);
  });

  it('runs changes one at a time, so none is lost', async () => {
    const store = new PendingStore(sessionArea());
    await Promise.all([1, 2, 3].map((n) => store.change((list) => ({ list: keepPending(list, [made(n, n)], 3), result: n }))));
    expect((await store.all()).map((p) => p.id).sort()).toEqual(['s1', 's2', 's3']);
  });

  it('reads only well-formed entries back, and works without session storage', async () => {
    const area = sessionArea();
    area.items.set('rapport.pendingSuggestions', [made(1, 5), null, { id: 'x', at: 'soon' }, { ...made(2, 5), from: { customerId: 'c1' } }, '__proto__']);
    expect((await new PendingStore(area).all()).map((p) => p.id)).toEqual(['s1']);
    area.items.set('rapport.pendingSuggestions', { not: 'a list' });
    expect(await new PendingStore(area).all()).toEqual([]);
    const memoryOnly = new PendingStore();
    await memoryOnly.change((list) => ({ list: [...list, made(3, 5)], result: undefined }));
    expect((await memoryOnly.all()).map((p) => p.id)).toEqual(['s3']);
  });

  it('keeps the change in memory when session storage refuses it', async () => {
    const broken: SessionArea = { get: async () => ({}), set: async () => Promise.reject(new Error('quota')) };
    const store = new PendingStore(broken);
    await store.change((list) => ({ list: [...list, made(4, 5)], result: undefined }));
    expect((await store.all()).map((p) => p.id)).toEqual(['s4']);
  });
});
