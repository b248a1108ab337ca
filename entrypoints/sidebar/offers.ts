/**
 * The offers the content script posts into this frame (a channel with a nonce, see
 * lib/page/frame-link.ts), listened for from the frame's first moment: a classic script in the
 * page's head (entrypoints/sidebar-offers.ts) starts listening while the app's script is still
 * being fetched, so an offer posted meanwhile waits here instead of being lost. The content script
 * then need not wait for the frame's `load` event, which reaches it only when the helpdesk page's main
 * thread is free (issue #13/#15, time to sidebar).
 */
import { isNonceMessage, type ToPage } from '@/lib/page/frame-protocol';

export interface Offer {
  nonce: string;
  channel: MessagePort;
}

export interface OfferInbox {
  /** Hands over the offers that came so far, in order, then each as it comes. */
  take(handle: (offer: Offer) => void): void;
}

/** Where the early script leaves its inbox on the frame's window (an extension page: only our code runs there). */
const INBOX = 'rapportOffers';
/** More offers than a content script makes (one early, one at each load) mean something else is posting. */
const MAX_WAITING = 16;

function listenForOffers(): OfferInbox {
  const waiting: Offer[] = [];
  let deliver: ((offer: Offer) => void) | undefined;
  addEventListener('message', (event) => {
    const channel = event.ports[0];
    if (event.source !== parent || !isNonceMessage(event.data) || !channel) return;
    const offer = { nonce: event.data.rapportNonce, channel };
    // Tells the content script to stop offering (lib/page/frame-link.ts). Nothing else goes out
    // before a channel is accepted, and this says only what its sender already knows.
    channel.postMessage({ t: 'seen' } satisfies ToPage);
    if (deliver) deliver(offer);
    else if (waiting.length < MAX_WAITING) waiting.push(offer);
    else channel.close();
  });
  return {
    take(handle) {
      deliver = handle;
      for (const offer of waiting.splice(0)) handle(offer);
    },
  };
}

/** This window's inbox: the one the early script made, or a new one if it did not run. */
export function offerInbox(): OfferInbox {
  const world = globalThis as { [INBOX]?: OfferInbox };
  return (world[INBOX] ??= listenForOffers());
}
