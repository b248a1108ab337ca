/**
 * The content script's end of the channel to its sidebar frame (issue #15; the protocol is at the top
 * of sidebar-frame.ts): the channels offered to the document in our iframe, the one its extension
 * port accepted, and the ports that have connected but not yet proved themselves.
 *
 * A channel is offered at the iframe's trusted `load` event and, sooner, **as soon as there is a state
 * to show and our iframe holds a cross-origin document** (its `contentDocument` is null: the
 * extension's page has committed; a message addressed to the extension's origin reaches nothing
 * else). The frame listens for offers from its first script on (entrypoints/sidebar/offers.ts), so
 * the early offer usually lands and its state waits in the channel until the frame's app has run:
 * the sidebar no longer waits for the `load` event, which a busy helpdesk page (its own scripts at
 * `DOMContentLoaded`) delivers late. The first state usually comes before the extension's page has
 * committed (the frame's navigation takes 60–180 ms), and the next render may come only with the
 * helpdesk's `DOMContentLoaded`: so after a render, our iframe is looked at every `COMMIT_POLL_MS`
 * (for `COMMIT_WATCH_MS` at most) and offered to the moment it commits. An offer that comes before
 * the frame's listener is lost, and only the frame can tell: its listener answers each offer it got
 * with a bare `seen` on that offer's channel (no data; the frame sends nothing else before a channel
 * is accepted). So the content script offers again, `EARLY_SPACING_MS` apart (at most
 * `EARLY_OFFERS`), until a channel says `seen`; then it stops (the offers are closed at acceptance).
 * The `load` offer covers the rest. Each offer keeps its own encoder (a full state first, then changes);
 * the frame draws the first offer it received and returns the nonces in the order they came, so
 * the first nonce returned over a proven port is accepted and every other offer is closed. No offer
 * is made while a channel is accepted: a new document in our iframe is seen by its old port's
 * disconnect, and offered to then (or at its `load`).
 */
import type { Browser } from 'wxt/browser';
import { PORT_NAME, FRAME_PATH, SlotEncoder, type Accepted, type NonceMessage, type NonceReply, type ToFrame, type ToPage } from './frame-protocol';

type Port = Browser.runtime.Port;

/**
 * Offers made until the frame says it saw one, besides the one at `load`: its listener starts 5–60 ms
 * after its commit (more on a busy machine), so 12 offers 20 ms apart cover 240 ms.
 */
const EARLY_OFFERS = 12;
const EARLY_SPACING_MS = 20;
/**
 * How often, and how long, our iframe is looked at after a render that could not offer yet. Measured
 * on the demo (25 fresh loads): the first state came 0–150 ms before the frame committed, and no
 * render came between the commit and `DOMContentLoaded` in most loads, so the offer waited for it.
 */
const COMMIT_POLL_MS = 8;
const COMMIT_WATCH_MS = 2_000;

interface Offer {
  nonce: string;
  data: MessagePort;
  encoder: SlotEncoder;
}

export interface FrameLinkHooks {
  /** A message from the frame on the accepted channel; `reply` answers on that same channel. */
  onData(message: ToPage, reply: (message: ToFrame) => void): void;
  /** Sends the current state, if any, on a new channel (`render` below). */
  resend(): void;
  /** The accepted frame's port closed: its document went (reloaded, our element moved) or the extension did. */
  onLost(): void;
}

export interface FrameLink {
  /** Offers a channel now (the iframe's `load`), unless one is accepted. */
  offer(): void;
  /** Sends a render built per channel (`slots` from that channel's encoder); offers early first (see the top). */
  render(build: (encoder: SlotEncoder) => ToFrame): void;
  /** Sends a message to the accepted channel, or to every offered one (`clear`). */
  send(message: ToFrame): void;
  /** The function a reference in the accepted channel's slots stands for. */
  lookup(id: number): ((...args: unknown[]) => unknown) | undefined;
  /** Every channel forgets what it sent: the next render sends the whole state. */
  reset(): void;
  /** A port opened to this content script (runtime.onConnect). */
  connect(candidate: Port, extensionId: string): void;
  close(): void;
}

export function frameLink(iframe: HTMLIFrameElement, frameOrigin: string, hooks: FrameLinkHooks): FrameLink {
  let offered: Offer[] = [];
  let link: (Offer & { port: Port }) | undefined;
  const candidates = new Set<Port>();
  let closed = false;
  let early = 0;
  let lastOffer = -Infinity;
  /** The frame answered an offer: it listens, so no more early offers. */
  let seen = false;
  /** The timer that looks for our iframe's commit (or the next early offer's time), and until when. */
  let watching: ReturnType<typeof setTimeout> | undefined;
  let watchUntil = 0;
  /** An offer is sending its first state (`makeOffer`). */
  let offering = false;

  /** A cross-origin document is in our iframe: the extension's page, past its commit. */
  const committed = () => iframe.contentWindow !== null && iframe.contentDocument === null;

  const makeOffer = () => {
    lastOffer = performance.now();
    const channel = new MessageChannel();
    const offer = { nonce: crypto.randomUUID(), data: channel.port1, encoder: new SlotEncoder() };
    offered.push(offer);
    channel.port1.onmessage = (event) => (event.data as ToPage)?.t === 'seen' && onSeen();
    iframe.contentWindow?.postMessage({ rapportNonce: offer.nonce } satisfies NonceMessage, frameOrigin, [channel.port2]);
    // The state for this offer renders on it; that render must not offer again, however long this took.
    offering = true;
    try {
      hooks.resend();
    } finally {
      offering = false;
    }
  };

  const closeOffers = (keep?: Offer) => {
    for (const offer of offered) if (offer !== keep) offer.data.close();
    offered = [];
  };

  const onCandidateMessage = (message: unknown, from: Port) => {
    const m = message as NonceReply;
    const offer = m?.t === 'nonce' && !link ? offered.find((o) => o.nonce === m.value) : undefined;
    if (!offer || !candidates.delete(from)) return;
    link = { ...offer, port: from };
    closeOffers(offer);
    const channel = offer.data;
    // An answer goes back where its call came from, even if the frame has since been replaced.
    channel.onmessage = (event) => hooks.onData(event.data as ToPage, (message) => channel.postMessage(message));
    from.postMessage({ t: 'accepted', nonce: offer.nonce } satisfies Accepted);
    for (const other of candidates) other.disconnect();
    candidates.clear();
  };

  /**
   * The frame got an offer: it listens, so no more early offers. No offer is closed here: "seen"
   * answers on different channels can arrive out of order, and the frame draws the first offer it
   * got, which may be an earlier one than the first "seen" to arrive (closing it lost the state the
   * agent was typing into; seen in CI). Acceptance closes every offer but the one the frame returns.
   */
  const onSeen = () => {
    if (link || seen) return;
    seen = true;
    clearTimeout(watching);
    watching = undefined;
  };

  /** Offers early if our iframe has committed and the last offer is far enough back; says whether it did. */
  const offerEarly = () => {
    if (offering || link || closed || seen || early >= EARLY_OFFERS || performance.now() - lastOffer < EARLY_SPACING_MS || !committed()) return false;
    early++;
    makeOffer();
    return true;
  };

  /** After a render, while early offers are left and none is accepted: offer again when the time comes. */
  const watchForCommit = () => {
    if (watching !== undefined || link || closed || seen || early >= EARLY_OFFERS) return;
    if (!watchUntil) watchUntil = performance.now() + COMMIT_WATCH_MS;
    if (performance.now() > watchUntil) return;
    watching = setTimeout(() => {
      watching = undefined;
      offerEarly();
      watchForCommit();
    }, COMMIT_POLL_MS);
  };

  const onDisconnect = (gone: Port) => {
    candidates.delete(gone);
    if (!link || gone !== link.port) return;
    link.data.close();
    link = undefined;
    early = 0; // a new document in our iframe gets its own early offers
    seen = false;
    watchUntil = 0;
    hooks.onLost();
    // A new document may already be in our iframe (its `load` came before this): offer to it now.
    if (!closed && iframe.isConnected && committed()) makeOffer();
  };

  return {
    offer() {
      if (closed || link) return;
      makeOffer();
    },
    render(build) {
      if (offerEarly()) return; // renders on the new channel and the older ones
      for (const target of link ? [link] : offered) target.data.postMessage(build(target.encoder));
      watchForCommit();
    },
    send(message) {
      for (const target of link ? [link] : offered) target.data.postMessage(message);
    },
    lookup: (id) => link?.encoder.lookup(id) as ((...args: unknown[]) => unknown) | undefined,
    reset() {
      link?.encoder.reset();
      for (const offer of offered) offer.encoder.reset();
    },
    connect(candidate, extensionId) {
      if (candidate.name !== PORT_NAME || candidate.sender?.id !== extensionId) return;
      if (!candidate.sender.url || new URL(candidate.sender.url).pathname !== FRAME_PATH || closed) return candidate.disconnect();
      candidates.add(candidate);
      candidate.onMessage.addListener(onCandidateMessage);
      candidate.onDisconnect.addListener(onDisconnect);
    },
    close() {
      closed = true;
      clearTimeout(watching);
      link?.port.disconnect();
      link?.data.close();
      link = undefined;
      closeOffers();
      for (const candidate of candidates) candidate.disconnect();
      candidates.clear();
    },
  };
}
