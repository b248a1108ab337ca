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

/** One link's channels and ports, and where its early offers stand; shared by the steps below. */
interface Channels {
  readonly iframe: HTMLIFrameElement;
  readonly frameOrigin: string;
  readonly hooks: FrameLinkHooks;
  /** Channels offered to the document in our iframe, until one is accepted. */
  offered: Offer[];
  /** The accepted channel, with the port that proved it. */
  link: (Offer & { port: Port }) | undefined;
  /** Ports that have connected but not yet returned a nonce. */
  readonly candidates: Set<Port>;
  closed: boolean;
  early: number;
  lastOffer: number;
  /** The frame answered an offer: it listens, so no more early offers. */
  seen: boolean;
  /** The timer that looks for our iframe's commit (or the next early offer's time), and until when. */
  watching: ReturnType<typeof setTimeout> | undefined;
  watchUntil: number;
  /** An offer is sending its first state (`makeOffer`). */
  offering: boolean;
}

export function frameLink(iframe: HTMLIFrameElement, frameOrigin: string, hooks: FrameLinkHooks): FrameLink {
  const c: Channels = {
    iframe, frameOrigin, hooks,
    offered: [], link: undefined, candidates: new Set<Port>(), closed: false,
    early: 0, lastOffer: -Infinity, seen: false, watching: undefined, watchUntil: 0, offering: false,
  };
  const onMessage = (message: unknown, from: Port) => onCandidateMessage(c, message, from);
  const onDisconnect = (gone: Port) => onCandidateGone(c, gone);

  return {
    offer() {
      if (c.closed || c.link) return;
      makeOffer(c);
    },
    render(build) {
      if (offerEarly(c)) return; // renders on the new channel and the older ones
      for (const target of c.link ? [c.link] : c.offered) target.data.postMessage(build(target.encoder));
      watchForCommit(c);
    },
    send(message) {
      for (const target of c.link ? [c.link] : c.offered) target.data.postMessage(message);
    },
    lookup: (id) => c.link?.encoder.lookup(id) as ((...args: unknown[]) => unknown) | undefined,
    reset() {
      c.link?.encoder.reset();
      for (const offer of c.offered) offer.encoder.reset();
    },
    connect(candidate, extensionId) {
      if (candidate.name !== PORT_NAME || candidate.sender?.id !== extensionId) return;
      if (!candidate.sender.url || new URL(candidate.sender.url).pathname !== FRAME_PATH || c.closed) return candidate.disconnect();
      c.candidates.add(candidate);
      candidate.onMessage.addListener(onMessage);
      candidate.onDisconnect.addListener(onDisconnect);
    },
    close() {
      c.closed = true;
      clearTimeout(c.watching);
      c.link?.port.disconnect();
      c.link?.data.close();
      c.link = undefined;
      closeOffers(c);
      for (const candidate of c.candidates) candidate.disconnect();
      c.candidates.clear();
    },
  };
}

/** A cross-origin document is in our iframe: the extension's page, past its commit. */
const committed = (iframe: HTMLIFrameElement) => iframe.contentWindow !== null && iframe.contentDocument === null;

function makeOffer(c: Channels): void {
  c.lastOffer = performance.now();
  const channel = new MessageChannel();
  const offer = { nonce: crypto.randomUUID(), data: channel.port1, encoder: new SlotEncoder() };
  c.offered.push(offer);
  channel.port1.onmessage = (event) => (event.data as ToPage)?.t === 'seen' && onSeen(c);
  c.iframe.contentWindow?.postMessage({ rapportNonce: offer.nonce } satisfies NonceMessage, c.frameOrigin, [channel.port2]);
  // The state for this offer renders on it; that render must not offer again, however long this took.
  c.offering = true;
  try {
    c.hooks.resend();
  } finally {
    c.offering = false;
  }
}

function closeOffers(c: Channels, keep?: Offer): void {
  for (const offer of c.offered) if (offer !== keep) offer.data.close();
  c.offered = [];
}

function onCandidateMessage(c: Channels, message: unknown, from: Port): void {
  const m = message as NonceReply;
  const offer = m?.t === 'nonce' && !c.link ? c.offered.find((o) => o.nonce === m.value) : undefined;
  if (!offer || !c.candidates.delete(from)) return;
  c.link = { ...offer, port: from };
  closeOffers(c, offer);
  const channel = offer.data;
  // An answer goes back where its call came from, even if the frame has since been replaced.
  channel.onmessage = (event) => c.hooks.onData(event.data as ToPage, (message) => channel.postMessage(message));
  from.postMessage({ t: 'accepted', nonce: offer.nonce } satisfies Accepted);
  for (const other of c.candidates) other.disconnect();
  c.candidates.clear();
}

/**
 * The frame got an offer: it listens, so no more early offers. No offer is closed here: "seen"
 * answers on different channels can arrive out of order, and the frame draws the first offer it
 * got, which may be an earlier one than the first "seen" to arrive (closing it lost the state the
 * agent was typing into; seen in CI). Acceptance closes every offer but the one the frame returns.
 */
function onSeen(c: Channels): void {
  if (c.link || c.seen) return;
  c.seen = true;
  clearTimeout(c.watching);
  c.watching = undefined;
}

/** Offers early if our iframe has committed and the last offer is far enough back; says whether it did. */
function offerEarly(c: Channels): boolean {
  if (c.offering || c.link || c.closed || c.seen || c.early >= EARLY_OFFERS || performance.now() - c.lastOffer < EARLY_SPACING_MS || !committed(c.iframe)) return false;
  c.early++;
  makeOffer(c);
  return true;
}

/** After a render, while early offers are left and none is accepted: offer again when the time comes. */
function watchForCommit(c: Channels): void {
  if (c.watching !== undefined || c.link || c.closed || c.seen || c.early >= EARLY_OFFERS) return;
  if (!c.watchUntil) c.watchUntil = performance.now() + COMMIT_WATCH_MS;
  if (performance.now() > c.watchUntil) return;
  c.watching = setTimeout(() => {
    c.watching = undefined;
    offerEarly(c);
    watchForCommit(c);
  }, COMMIT_POLL_MS);
}

function onCandidateGone(c: Channels, gone: Port): void {
  c.candidates.delete(gone);
  if (!c.link || gone !== c.link.port) return;
  c.link.data.close();
  c.link = undefined;
  c.early = 0; // a new document in our iframe gets its own early offers
  c.seen = false;
  c.watchUntil = 0;
  c.hooks.onLost();
  // A new document may already be in our iframe (its `load` came before this): offer to it now.
  if (!c.closed && c.iframe.isConnected && committed(c.iframe)) makeOffer(c);
}
