import { describe, expect, it } from 'vitest';
import { keepPending, pendingFor, PENDING_FOR_MS, type PendingSuggestion } from '@/lib/memory/pending-suggestions';

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
