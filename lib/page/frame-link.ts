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
 * `DOMContentLoaded`) delivers late. An early offer that came before the frame listened is lost, so
 * a later render offers again (at most `EARLY_OFFERS`, `EARLY_SPACING_MS` apart), and the `load`
 * offer covers the rest. Each offer keeps its own encoder (a full state first, then changes);
 * the frame draws the first offer it received and returns the nonces in the order they came, so
 * the first nonce returned over a proven port is accepted and every other offer is closed. No offer
 * is made while a channel is accepted: a new document in our iframe is seen by its old port's
 * disconnect, and offered to then (or at its `load`).
 */
import type { Browser } from 'wxt/browser';
import { PORT_NAME, FRAME_PATH, SlotEncoder, type Accepted, type NonceMessage, type NonceReply, type ToFrame, type ToPage } from './frame-protocol';

type Port = Browser.runtime.Port;

/** Offers made before one is taken, besides the one at `load`: the frame's listener starts a few ms after its commit. */
const EARLY_OFFERS = 3;
const EARLY_SPACING_MS = 15;

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

  /** A cross-origin document is in our iframe: the extension's page, past its commit. */
  const committed = () => iframe.contentWindow !== null && iframe.contentDocument === null;

  const makeOffer = () => {
    lastOffer = performance.now();
    const channel = new MessageChannel();
    const offer = { nonce: crypto.randomUUID(), data: channel.port1, encoder: new SlotEncoder() };
    offered.push(offer);
    iframe.contentWindow?.postMessage({ rapportNonce: offer.nonce } satisfies NonceMessage, frameOrigin, [channel.port2]);
    hooks.resend();
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

  const onDisconnect = (gone: Port) => {
    candidates.delete(gone);
    if (!link || gone !== link.port) return;
    link.data.close();
    link = undefined;
    early = 0; // a new document in our iframe gets its own early offers
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
      if (!link && !closed && early < EARLY_OFFERS && performance.now() - lastOffer >= EARLY_SPACING_MS && committed()) {
        early++;
        return makeOffer(); // renders on the new channel and the older ones
      }
      for (const target of link ? [link] : offered) target.data.postMessage(build(target.encoder));
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
      link?.port.disconnect();
      link?.data.close();
      link = undefined;
      closeOffers();
      for (const candidate of candidates) candidate.disconnect();
      candidates.clear();
    },
  };
}
