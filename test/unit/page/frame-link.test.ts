import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { frameLink, type FrameLinkHooks } from '@/lib/page/frame-link';
import { FRAME_PATH, PORT_NAME, type ToFrame } from '@/lib/page/frame-protocol';

const ORIGIN = 'chrome-extension://rapport';
const ID = 'rapport';

/** Our iframe as the content script sees it: about:blank (same origin) until the extension's page commits. */
function ourIframe() {
  const offers: { nonce: string; origin: string; port: MessagePort }[] = [];
  const el = {
    isConnected: true,
    contentDocument: {} as object | null,
    contentWindow: {
      postMessage(data: { rapportNonce: string }, origin: string, transfer: MessagePort[]) {
        offers.push({ nonce: data.rapportNonce, origin, port: transfer[0]! });
      },
    },
  };
  return { iframe: el as unknown as HTMLIFrameElement, offers, commit: () => (el.contentDocument = null), reload: () => (el.contentDocument = {}) };
}

/** An extension port opened to the content script (runtime.onConnect), from the page at `path`. */
function framePort(path = FRAME_PATH) {
  const onMessage: ((m: unknown, p: unknown) => void)[] = [];
  const onDisconnect: ((p: unknown) => void)[] = [];
  const port = {
    name: PORT_NAME,
    sender: { id: ID, url: `${ORIGIN}${path}` },
    sent: [] as unknown[],
    onMessage: { addListener: (f: (m: unknown, p: unknown) => void) => onMessage.push(f) },
    onDisconnect: { addListener: (f: (p: unknown) => void) => onDisconnect.push(f) },
    postMessage: (m: unknown) => port.sent.push(m),
    disconnect: vi.fn(),
    returns: (nonce: string) => onMessage.forEach((f) => f({ t: 'nonce', value: nonce }, port)),
    drop: () => onDisconnect.forEach((f) => f(port)),
  };
  return port;
}
const asPort = (p: ReturnType<typeof framePort>) => p as unknown as Browser.runtime.Port;

/** What arrived on the frame's end of a channel (after the pending deliveries). */
async function received(port: MessagePort): Promise<ToFrame[]> {
  const got: ToFrame[] = [];
  port.onmessage = (e) => got.push(e.data as ToFrame);
  await new Promise((done) => setTimeout(done, 20));
  return got;
}

function setup() {
  const frame = ourIframe();
  let renders = 0;
  const hooks: FrameLinkHooks & { lost: number } = {
    lost: 0,
    onData: vi.fn(),
    resend: () => link.render((encoder) => ({ t: 'render', slots: encoder.changes({ kind: 'none', reason: `r${++renders}` } as never, {}), collapsed: false, presentation: false, composing: false, width: 360 })),
    onLost: () => void hooks.lost++,
  };
  const link = frameLink(frame.iframe, ORIGIN, hooks);
  return { frame, link, hooks };
}

/** performance.now() under the test's control (the early offers are paced by it). */
function clock() {
  const t = { now: 1000 };
  vi.spyOn(performance, 'now').mockImplementation(() => t.now);
  return { later: () => void (t.now += 20) };
}

const links: ReturnType<typeof setup>['link'][] = [];
afterEach(() => {
  links.splice(0).forEach((l) => l.close());
  vi.restoreAllMocks();
});

describe('the channel to the sidebar frame', () => {
  it('offers nothing while our iframe still holds its blank document, then offers early with the whole state', async () => {
    const { frame, link, hooks } = setup();
    links.push(link);
    hooks.resend();
    expect(frame.offers).toHaveLength(0);
    frame.commit();
    hooks.resend();
    expect(frame.offers).toHaveLength(1);
    expect(frame.offers[0]!.origin).toBe(ORIGIN);
    const got = await received(frame.offers[0]!.port);
    expect(got[0]).toMatchObject({ t: 'render' });
    expect(Object.keys((got[0] as { slots: object }).slots)).toContain('base');
  });

  it('makes one offer per render even when sending its first state takes longer than the spacing (a busy machine)', () => {
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 25)); // every reading 25 ms later
    const { frame, link, hooks } = setup();
    links.push(link);
    frame.commit();
    hooks.resend();
    expect(frame.offers).toHaveLength(1);
  });

  it('offers again on a later render while the frame has not said it saw one, paced, at most twelve times', () => {
    const time = clock();
    const { frame, link, hooks } = setup();
    links.push(link);
    frame.commit();
    hooks.resend();
    hooks.resend(); // the same moment: no second offer
    expect(frame.offers).toHaveLength(1);
    for (let i = 0; i < 20; i++) {
      time.later();
      hooks.resend();
    }
    expect(frame.offers).toHaveLength(12);
    link.offer(); // the load event still offers
    expect(frame.offers).toHaveLength(13);
    const port = framePort();
    link.connect(asPort(port), ID);
    port.returns(frame.offers[1]!.nonce);
    time.later();
    hooks.resend(); // taken: no more offers
    expect(frame.offers).toHaveLength(13);
  });

  it('offers the moment our iframe commits after a render that could not, until the frame says it saw one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const time = clock();
    const { frame, link, hooks } = setup();
    links.push(link);
    hooks.resend(); // the first state: the extension's page has not committed yet
    vi.advanceTimersByTime(100);
    expect(frame.offers).toHaveLength(0);
    frame.commit(); // …and no render comes until the helpdesk's DOMContentLoaded
    vi.advanceTimersByTime(10);
    expect(frame.offers).toHaveLength(1);
    // The first offers came before the frame listened; it answers the third.
    for (let i = 0; i < 2; i++) {
      time.later();
      vi.advanceTimersByTime(10);
    }
    expect(frame.offers).toHaveLength(3);
    const [lost, , heard] = frame.offers.map((o) => o.port);
    const lostGot = received(lost!);
    heard!.postMessage({ t: 'seen' });
    await new Promise((done) => setImmediate(done));
    await new Promise((done) => setImmediate(done));
    time.later();
    vi.advanceTimersByTime(100);
    expect(frame.offers).toHaveLength(3); // no more offers
    expect(vi.getTimerCount()).toBe(0); // and nothing left looking
    vi.useRealTimers();
    expect((await lostGot).length).toBeGreaterThan(0); // it had its first state
    // The frame returns the nonce it drew over its port: that offer is taken, every other one closed.
    const port = framePort();
    link.connect(asPort(port), ID);
    port.returns(frame.offers[2]!.nonce);
    const heardGot = received(heard!);
    const lostLater = received(lost!);
    hooks.resend(); // renders go to the accepted offer, not to the lost ones
    expect((await heardGot).length).toBeGreaterThan(0);
    expect(await lostLater).toHaveLength(0);
  });

  it('keeps the offer the frame draws when its "seen" arrives after a later offer\'s (channels are not ordered)', async () => {
    const time = clock();
    const { frame, link, hooks } = setup();
    links.push(link);
    frame.commit();
    hooks.resend();
    time.later();
    hooks.resend();
    expect(frame.offers).toHaveLength(2);
    const [first, second] = frame.offers;
    // The frame got both and draws the first; the second's "seen" happens to arrive first.
    second!.port.postMessage({ t: 'seen' });
    await new Promise((done) => setTimeout(done, 10));
    first!.port.postMessage({ t: 'seen' });
    await new Promise((done) => setTimeout(done, 10));
    const drawn = received(first!.port);
    hooks.resend();
    expect((await drawn).length).toBeGreaterThan(0); // still open: the state the agent sees keeps coming
    const port = framePort();
    link.connect(asPort(port), ID);
    port.returns(first!.nonce); // the frame returns the nonce it drew first
    expect(port.sent).toContainEqual({ t: 'accepted', nonce: first!.nonce });
  });

  it('stops looking for the commit once an offer is taken, and after two seconds without one', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const time = clock();
    const taken = setup();
    links.push(taken.link);
    taken.frame.commit();
    taken.hooks.resend();
    const port = framePort();
    taken.link.connect(asPort(port), ID);
    port.returns(taken.frame.offers[0]!.nonce);
    time.later();
    vi.advanceTimersByTime(50);
    expect(taken.frame.offers).toHaveLength(1);
    taken.link.close();

    const never = setup(); // an iframe that never commits (blocked, or removed by the page)
    links.push(never.link);
    never.hooks.resend();
    for (let i = 0; i < 110; i++) {
      time.later();
      vi.advanceTimersByTime(20);
    }
    expect(vi.getTimerCount()).toBe(0);
    expect(never.frame.offers).toHaveLength(0);
    vi.useRealTimers();
  });

  it('accepts the first offer the frame returns over a proven port, closes the other, and offers no more', async () => {
    const { frame, link, hooks } = setup();
    links.push(link);
    frame.commit();
    hooks.resend(); // early offer
    link.offer(); // the iframe's load, before the frame answered
    expect(frame.offers).toHaveLength(2);
    const port = framePort();
    link.connect(asPort(port), ID);
    port.returns(frame.offers[0]!.nonce);
    expect(port.sent).toEqual([{ t: 'accepted', nonce: frame.offers[0]!.nonce }]);
    port.returns(frame.offers[1]!.nonce); // the later offer is not accepted as well
    expect(port.sent).toHaveLength(1);
    link.offer(); // a load event of the same document
    expect(frame.offers).toHaveLength(2);
    const [first, second] = [frame.offers[0]!.port, frame.offers[1]!.port];
    const firstGot = received(first);
    const secondGot = received(second);
    link.send({ t: 'clear' });
    expect((await firstGot).at(-1)).toEqual({ t: 'clear' });
    expect((await secondGot).some((m) => m.t === 'clear')).toBe(false);
  });

  it('ignores ports from other pages, other extensions and nonces it never offered', () => {
    const { frame, link } = setup();
    links.push(link);
    frame.commit();
    link.offer();
    const stranger = framePort('/dashboard.html');
    link.connect(asPort(stranger), ID);
    expect(stranger.disconnect).toHaveBeenCalled();
    const other = framePort();
    other.sender.id = 'someone-else';
    link.connect(asPort(other), ID);
    other.returns(frame.offers[0]!.nonce);
    expect(other.sent).toHaveLength(0);
    const guess = framePort();
    link.connect(asPort(guess), ID);
    guess.returns('not-ours');
    expect(guess.sent).toHaveLength(0);
  });

  it('answers calls only on the accepted channel', async () => {
    const { frame, link, hooks } = setup();
    links.push(link);
    frame.commit();
    link.offer();
    link.offer();
    const port = framePort();
    link.connect(asPort(port), ID);
    port.returns(frame.offers[1]!.nonce);
    frame.offers[0]!.port.postMessage({ t: 'call', call: 1, fn: 1, args: [] });
    frame.offers[1]!.port.postMessage({ t: 'call', call: 2, fn: 1, args: [] });
    await new Promise((done) => setTimeout(done, 20));
    expect(hooks.onData).toHaveBeenCalledTimes(1);
    expect(hooks.onData).toHaveBeenCalledWith({ t: 'call', call: 2, fn: 1, args: [] }, expect.any(Function));
  });

  it('answers a call on the channel it came from, even after that frame has gone', async () => {
    const { frame, link, hooks } = setup();
    links.push(link);
    frame.commit();
    link.offer();
    const port = framePort();
    link.connect(asPort(port), ID);
    port.returns(frame.offers[0]!.nonce);
    const first = frame.offers[0]!.port;
    first.postMessage({ t: 'call', call: 1, fn: 1, args: [] });
    await new Promise((done) => setTimeout(done, 20));
    const reply = vi.mocked(hooks.onData).mock.calls[0]![1];
    port.drop(); // the frame reloaded: a new document is offered a channel of its own
    expect(frame.offers).toHaveLength(2);
    const newer = received(frame.offers[1]!.port);
    reply({ t: 'result', call: 1, ok: true, value: 'done' });
    expect((await newer).some((m) => m.t === 'result')).toBe(false);
  });

  it('offers again when the accepted frame goes, to a new document already there, with early offers of its own', () => {
    const time = clock();
    const { frame, link, hooks } = setup();
    links.push(link);
    frame.commit();
    for (let i = 0; i < 3; i++) {
      time.later();
      hooks.resend(); // the first document's three early offers
    }
    expect(frame.offers).toHaveLength(3);
    const port = framePort();
    link.connect(asPort(port), ID);
    port.returns(frame.offers[0]!.nonce);
    frame.reload(); // our iframe navigates again: blank until the new page commits
    port.drop();
    expect(frame.offers).toHaveLength(3); // nothing to post into yet: its load will offer
    link.offer();
    expect(frame.offers).toHaveLength(4);
    const next = framePort();
    link.connect(asPort(next), ID);
    next.returns(frame.offers[3]!.nonce);
    frame.commit();
    next.drop(); // this time the new document's load came before the old port's disconnect
    expect(frame.offers).toHaveLength(5);
    time.later();
    hooks.resend(); // not taken yet: an early offer of this document's own
    expect(frame.offers).toHaveLength(6);
  });

  it('makes no offer once closed', () => {
    const { frame, link, hooks } = setup();
    frame.commit();
    link.close();
    link.offer();
    hooks.resend();
    expect(frame.offers).toHaveLength(0);
  });
});
