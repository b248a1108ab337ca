/**
 * The sidebar frame (issue #15): an extension page the content script puts in a closed shadow root
 * on the helpdesk page (lib/page/sidebar-frame.ts). Everything that shows or takes customer data
 * renders here, in the extension's origin, where the helpdesk's scripts cannot reach. This page
 * only renders: it opens a port to the content script of its tab, draws the `Sidebar` with the
 * props it receives, and sends the agent's actions back, where the content script makes the
 * background requests as before (the background keeps seeing the helpdesk page as the sender).
 */
import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import sidebarCss from '@/components/sidebar.css?inline';
import memoryCss from '@/components/memory/memory.css?inline';
import checklistCss from '@/components/checklist/checklist.css?inline';
import { Sidebar } from '@/components/Sidebar';
import type { NoteSaveResult } from '@/components/model';
import { PORT_NAME, SlotDecoder, type Accepted, type NonceReply, type ToFrame, type ToPage } from '@/lib/page/frame-protocol';
import { namesShown, setMaskedNames } from '@/components/presentation';
import { offerInbox, type Offer } from './offers';

/** The frame's open shadow root and the element the sidebar renders into (startSidebarFrame). */
let shadow: ShadowRoot;
let mount: HTMLElement;

/** The extension port to the content script: the handshake, and whether the page side is still there. */
let port: Browser.runtime.Port | undefined;
/** The data channel the content script accepted us on: nothing is sent before it is known. */
let data: MessagePort | undefined;
/** The offer whose state is drawn until one is accepted: the first that came (see lib/page/sidebar-frame.ts). */
let drawing: MessagePort | undefined;
/** Channels offered with a nonce, until the content script says which one is ours. */
const offers = new Map<string, MessagePort>();
/** What the frame wanted to send before a channel was accepted, sent then (or dropped if the page side went). */
let outbox: ToPage[] = [];
const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
let nextCall = 1;
let collapsed = false;
let presentation = false;
let composing = false;
let width: number | undefined;
let tabHeight = 0;
const LOST = 'Rapport lost its connection to the page. Reload the page.';

const post = (message: ToPage) => (data ? data.postMessage(message) : outbox.push(message));

function call(fn: number, args: unknown[]): Promise<unknown> {
  if (!data && !port && !offers.size) return Promise.reject(new Error(LOST));
  const id = nextCall++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    post({ t: 'call', call: id, fn, args });
  });
}
const decoder = new SlotDecoder(call);

type Handlers = {
  onAddNote?(text: string): Promise<NoteSaveResult>;
  onToggleCollapsed?(): void;
  onShowAllNotes?(): void;
};

function draw() {
  const state = decoder.state;
  if (!state) return render(null, mount);
  const handlers = decoder.handlers as Handlers;
  setMaskedNames(namesShown(state)); // presentation mode masks them inside free text (#16)
  render(
    <Sidebar
      state={state}
      collapsed={collapsed}
      presentation={presentation}
      composing={composing}
      width={width}
      onResize={(change, done) => post({ t: 'resize', ...change, done })}
      onResizeStart={(screenX) => post({ t: 'drag', screenX })}
      onAddNote={(text) => handlers.onAddNote?.(text) ?? Promise.resolve({ ok: false, error: 'Rapport is not connected to the page.' })}
      onToggleCollapsed={() => handlers.onToggleCollapsed?.()}
      onShowAllNotes={() => handlers.onShowAllNotes?.()}
    />,
    mount,
  );
  // The page sizes our frame to the collapsed tab; tell it the tab's height once it is known.
  const tab = collapsed ? shadow.querySelector('.rp-tab')?.getBoundingClientRect().height : undefined;
  if (tab && Math.abs(tab - tabHeight) >= 1) {
    tabHeight = tab;
    post({ t: 'tab', height: tab });
  }
}

function onMessage(message: ToFrame) {
  switch (message.t) {
    case 'render':
      decoder.apply(message.slots);
      collapsed = message.collapsed;
      presentation = message.presentation;
      composing = message.composing;
      width = message.width;
      draw();
      break;
    case 'clear':
      decoder.clear();
      draw();
      break;
    case 'result': {
      const waiting = pending.get(message.call);
      pending.delete(message.call);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.error));
      break;
    }
  }
}

// Only our content script can reach this window (the page cannot address a frame in a closed shadow
// root), but a message event cannot prove it. The first offer's state is drawn at once — it can only
// show what the page could show itself — but nothing is sent on any channel until the content
// script accepts one, over the extension port the page cannot use.
function onOffer({ nonce, channel }: Offer) {
  if (data) return void channel.close();
  if (offers.size >= 16) forget(offers.keys().next().value!);
  offers.set(nonce, channel);
  if (!drawing) {
    drawing = channel;
    linkState('drawing');
    channel.onmessage = (e) => onMessage(e.data as ToFrame);
  }
  port?.postMessage({ t: 'nonce', value: nonce } satisfies NonceReply);
}

function forget(nonce: string) {
  const channel = offers.get(nonce);
  if (channel === drawing) drawing = undefined;
  channel?.close();
  offers.delete(nonce);
}

function onAccepted(message: Accepted) {
  const channel = offers.get(message.nonce);
  if (!channel || data) return;
  offers.delete(message.nonce);
  for (const nonce of [...offers.keys()]) forget(nonce);
  if (channel !== drawing) {
    // A forged offer came first: drop what it drew and the calls made on it.
    decoder.clear();
    draw();
    outbox = [];
    rejectPending();
  }
  data = drawing = channel;
  linkState('accepted');
  data.onmessage = (event) => onMessage(event.data as ToFrame);
  for (const message of outbox.splice(0)) data.postMessage(message);
}

/**
 * Where the handshake stands, on the frame's own <html> (only the extension sees it): "drawing" an
 * offer, "accepted" by the content script, or "lost". A stuck sidebar can then be told apart from a
 * slow one (test/e2e/harness.ts describeBrowsers).
 */
function linkState(state: 'drawing' | 'accepted' | 'lost') {
  document.documentElement.dataset.channel = state;
}

function rejectPending() {
  for (const waiting of pending.values()) waiting.reject(new Error(LOST));
  pending.clear();
}

async function connect() {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) return; // not inside a helpdesk tab: nothing to show
  port = browser.tabs.connect(tab.id, { frameId: 0, name: PORT_NAME });
  port.onMessage.addListener((m) => {
    if ((m as Accepted)?.t === 'accepted') onAccepted(m as Accepted);
  });
  port.onDisconnect.addListener(() => {
    linkState('lost');
    port = undefined;
    data?.close();
    data = drawing = undefined;
    outbox = [];
    rejectPending();
  });
  for (const nonce of offers.keys()) port.postMessage({ t: 'nonce', value: nonce } satisfies NonceReply);
}

/**
 * Starts the frame: its shadow root (the sidebar's stylesheets are written for one, `:host`), the
 * offers that came or come from the content script, and the extension port that proves one of them.
 */
export function startSidebarFrame(): void {
  shadow = document.getElementById('app')!.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = [sidebarCss, memoryCss, checklistCss].join('\n');
  mount = document.createElement('div');
  mount.className = 'rapport-root';
  shadow.append(style, mount);
  offerInbox().take(onOffer);
  void connect();
}
