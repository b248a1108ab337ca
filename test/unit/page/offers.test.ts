// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { offerInbox, type Offer } from '@/entrypoints/sidebar/offers';

const offer = (nonce: string, source: MessageEventSource | null = window.parent) => {
  const channel = new MessageChannel();
  window.dispatchEvent(new MessageEvent('message', { data: { rapportNonce: nonce }, ports: [channel.port2], source }));
  return channel;
};

beforeEach(() => delete (globalThis as { rapportOffers?: unknown }).rapportOffers);

describe("the sidebar frame's offer inbox", () => {
  it('keeps the offers that come before the app takes them, in order, then hands each over as it comes', () => {
    const inbox = offerInbox();
    offer('first');
    offer('second');
    const taken: string[] = [];
    inbox.take((o: Offer) => taken.push(o.nonce));
    expect(taken).toEqual(['first', 'second']);
    offer('third');
    expect(taken).toEqual(['first', 'second', 'third']);
  });

  it('answers each offer it got with a bare "seen" on that offer\'s channel, before the app runs', async () => {
    offerInbox();
    const channel = offer('early');
    const got = await new Promise<unknown>((done) => (channel.port1.onmessage = (e) => done(e.data)));
    expect(got).toEqual({ t: 'seen' });
    channel.port1.close();
  });

  it('is made once per window: the early script and the app share it', () => {
    expect(offerInbox()).toBe(offerInbox());
  });

  it('ignores messages that are not an offer from the parent window', () => {
    const inbox = offerInbox();
    offer('from-elsewhere', new MessageChannel().port1);
    window.dispatchEvent(new MessageEvent('message', { data: { rapportNonce: 'no-channel' }, source: window.parent }));
    window.dispatchEvent(new MessageEvent('message', { data: { rapportNonce: 'x'.repeat(65) }, ports: [new MessageChannel().port2], source: window.parent }));
    const taken: string[] = [];
    inbox.take((o) => taken.push(o.nonce));
    expect(taken).toEqual([]);
  });

  it('keeps at most 16 waiting offers', () => {
    const inbox = offerInbox();
    for (let i = 0; i < 20; i++) offer(`n${i}`);
    const taken: string[] = [];
    inbox.take((o) => taken.push(o.nonce));
    expect(taken).toHaveLength(16);
    expect(taken[0]).toBe('n0');
  });
});
