import { describe, expect, it, vi } from 'vitest';
import { requestWith, type RequestIo } from '@/lib/client';
import type { RequestOf } from '@/lib/messages';

const req = { type: 'notes.list', customerId: 'c1' } as RequestOf<'notes.list'>;
const unheard = () => new Error('Could not establish connection. Receiving end does not exist.');

function io(outcomes: Array<unknown | Error>, alive = true): RequestIo & { sent: number; pauses: number[] } {
  const state = { sent: 0, pauses: [] as number[] };
  return Object.assign(state, {
    send: vi.fn(async () => {
      const next = outcomes[state.sent++];
      if (next instanceof Error) throw next;
      return next;
    }),
    alive: () => alive,
    pause: async (ms: number) => void state.pauses.push(ms),
  });
}

describe('request to the background', () => {
  it('sends again a message nobody received (the worker still starting), after a short pause', async () => {
    const link = io([unheard(), { ok: true, value: 7 }]);
    expect(await requestWith(req, link)).toEqual({ ok: true, value: 7 });
    expect(link.sent).toBe(2);
    expect(link.pauses).toEqual([150]);
  });

  it('gives up after two retries and says to try again, not that Rapport was updated', async () => {
    const link = io([unheard(), unheard(), unheard(), { ok: true }]);
    const reply = await requestWith(req, link);
    expect(reply).toEqual({ ok: false, error: 'Rapport did not answer. Try again, or reload the page.' });
    expect(link.sent).toBe(3);
  });

  it('never resends a message the worker may have received', async () => {
    const link = io([new Error('The message port closed before a response was received.'), { ok: true }]);
    expect((await requestWith(req, link)).ok).toBe(false);
    expect(link.sent).toBe(1);
  });

  it('says Rapport was updated when the extension went away, without retrying', async () => {
    const link = io([unheard(), { ok: true }], false);
    expect(await requestWith(req, link)).toEqual({ ok: false, error: 'Rapport was updated or restarted. Reload the page to reconnect.' });
    expect(link.sent).toBe(1);
  });
});
