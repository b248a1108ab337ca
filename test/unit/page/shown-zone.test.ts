// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { shownZone, WAIT_MS, ZONE_FRESH_MS, zoneMemory, type ZoneMemory } from '@/lib/page/shown-zone';
import { freescout } from '@/lib/helpdesks/freescout';
import { zendesk } from '@/lib/helpdesks/zendesk';
import { fixtureHtml, loadFixture } from '../../helpers/fixture';

const NOW = Date.UTC(2026, 11, 7, 15);
const PAGE = new URL('http://help.acme.test/conversation/1');
const profile = (zone: string) => fixtureHtml('freescout/agent-profile-1.8.145.html').replace('<option value="UTC" selected="selected">', '<option value="UTC">').replace(`<option value="${zone}" >`, `<option value="${zone}" selected="selected">`);

function setup(remembered: unknown, answer: () => Promise<Response>) {
  const asked: string[] = [];
  const kept: ZoneMemory[] = [];
  const fetcher = (async (url: RequestInfo | URL) => {
    asked.push(String(url));
    return answer();
  }) as typeof fetch;
  const run = (now = NOW) => shownZone({ adapter: freescout, doc: loadFixture('freescout/conversation-1.8.145.html'), url: PAGE, remembered, remember: (m) => kept.push(m), fetcher, now });
  return { asked, kept, run };
}
const html = (text: string) => async () => new Response(text, { status: 200, headers: { 'Content-Type': 'text/html' } });

describe('the time zone FreeScout writes the agent’s times in', () => {
  it('is read from their profile once, then remembered per helpdesk for an hour', async () => {
    const first = setup(undefined, html(profile('America/New_York')));
    expect(await first.run()).toBe('America/New_York');
    expect(first.asked).toEqual(['http://help.acme.test/users/profile/1']);
    expect(first.kept).toEqual([{ 'help.acme.test': { zone: 'America/New_York', at: NOW } }]);
    const later = setup(first.kept[0], html(profile('Europe/Berlin')));
    expect(await later.run(NOW + ZONE_FRESH_MS - 1)).toBe('America/New_York');
    expect(later.asked).toEqual([]);
    expect(await later.run(NOW + ZONE_FRESH_MS)).toBe('Europe/Berlin'); // changed on their profile since
  });

  it('keeps what it knew when the profile cannot be read, and says nothing when it knew nothing', async () => {
    const known = { 'help.acme.test': { zone: 'Asia/Kolkata', at: NOW - ZONE_FRESH_MS } };
    expect(await setup(known, html('<form action="/login"></form>')).run()).toBe('Asia/Kolkata');
    expect(await setup(known, async () => new Response('', { status: 500 })).run()).toBe('Asia/Kolkata');
    expect(await setup(undefined, async () => Promise.reject(new TypeError('offline'))).run()).toBeUndefined();
  });

  it('waits at most a moment, and keeps a late answer for the next page', async () => {
    vi.useFakeTimers();
    try {
      let answer!: (r: Response) => void;
      const slow = setup(undefined, () => new Promise<Response>((done) => (answer = done)));
      const zone = slow.run();
      await vi.advanceTimersByTimeAsync(WAIT_MS);
      expect(await zone).toBeUndefined();
      answer(new Response(profile('America/Chicago'), { status: 200 }));
      await vi.waitFor(() => expect(slow.kept).toHaveLength(1));
      expect(slow.kept[0]!['help.acme.test']!.zone).toBe('America/Chicago');
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks nothing on a helpdesk that shows times otherwise, and trusts no odd memory', async () => {
    const asked: string[] = [];
    const fetcher = (async (url: RequestInfo | URL) => (asked.push(String(url)), new Response(''))) as typeof fetch;
    expect(await shownZone({ adapter: zendesk, doc: document, url: new URL('https://acme.zendesk.com/agent/tickets/1'), remembered: undefined, remember: () => undefined, fetcher })).toBeUndefined();
    expect(asked).toEqual([]);
    const odd = JSON.parse('{"__proto__": {"zone": "UTC", "at": 1}, "a.test": {"zone": "Mars/Base", "at": 1}, "b.test": {"zone": "UTC", "at": "now"}, "c.test": {"zone": "Europe/Oslo", "at": 5}}');
    expect(zoneMemory(odd)).toEqual({ 'c.test': { zone: 'Europe/Oslo', at: 5 } });
    expect(zoneMemory(['UTC'])).toEqual({});
  });
});
