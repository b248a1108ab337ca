/**
 * The sidebar's place on the helpdesk page (issue #15): a `<rapport-sidebar>` element whose CLOSED
 * shadow root holds an iframe of the extension's own page (entrypoints/sidebar, a web-accessible
 * resource reachable only through the per-session dynamic URL). Customer data is rendered only in
 * that frame's document, which belongs to the extension's origin: the helpdesk's scripts can
 * neither read it nor drive its controls, and keys typed in it never reach the page's listeners.
 * Here stays the page-side part: docking (the frame fixed at the right edge, the page narrowed by
 * its width, the collapsed tab), and the view the controller renders into.
 *
 * The state travels over a MessageChannel the content script offers the frame (lib/page/frame-link.ts):
 * as soon as there is a state to show and the extension's page has committed in our iframe, and
 * again at our iframe's `load` event (which a page script cannot fake) if none was taken yet. One end
 * goes, with a random nonce, into our iframe's window only, addressed to the extension's origin (a
 * message posted into a cross-origin frame reaches that frame only, so the page never sees the nonce
 * or the channel; if the page navigated our iframe elsewhere the message is dropped). Whatever
 * document of the extension's origin sits in our iframe is the extension's own code, so the first
 * state can go at once: it waits in the channel until the frame's app has run (issue #13/#15, time
 * to sidebar).
 *
 * The page cannot address the frame at all (an iframe in a shadow tree is not one of the window's
 * frames and our shadow root is closed: isolation.e2e.ts). Still, the frame does not trust a message
 * event alone (the page's scripts run in the same window as this content script, so a message event
 * cannot tell them apart): it may draw the first offer's state, but it sends nothing — no call, no
 * keystroke; only a bare `seen` that stops the early offers (frame-link.ts), which tells the sender
 * nothing it did not know — until the channel is proven over an extension port, which only extension code can
 * open: the frame connects to this content script (`tabs.connect(itsTab, { frameId: 0 })`) and
 * returns the nonce it was offered; the first port to return the nonce of one of our offers is told it
 * is `accepted`. Any other offer that came first would be dropped then, with what it drew. The
 * channel is a direct pipe between the two renderer processes, one hop instead of extension
 * messaging's two through the browser process.
 */
import { browser, type Browser } from 'wxt/browser';
import { FRAME_PATH, plain, type ToFrame, type ToPage } from './frame-protocol';
import { frameLink, type FrameLink } from './frame-link';
import type { SidebarState } from '../../components/model';
import type { SidebarView, ViewHandlers } from './controller';
import { DOCK, clampWidth, dock, type Dock } from './dock';
import { sidePanels, type CrowdMemory, type SidePanels, type SidePanelsDeps } from './side-panels';

const COLLAPSED_WIDTH = DOCK.tab;
/** The collapsed tab's height until the frame has measured it (12px text, two icons). */
const TAB_HEIGHT = 124;
const DOCKED = 'rapport-docked';
const COLLAPSED = 'rapport-collapsed';

// The frame's own shadow (the panel's `--rp-shadow`, components/sidebar.css) is drawn here, on the
// iframe: inside the frame it would be cut off at the frame's edge.
// Rewritten when the agent resizes the panel (a stylesheet of ours, not the page's <html> style).
const documentCss = (width: number) => `
html.${DOCKED} { margin-right: ${width}px !important; }
html.${DOCKED}.${COLLAPSED} { margin-right: ${COLLAPSED_WIDTH}px !important; }
rapport-sidebar { all: initial !important; position: fixed !important; top: 0 !important; right: 0 !important; bottom: 0 !important;
  width: ${width}px !important; z-index: 2147483000 !important; display: block !important; visibility: hidden !important; }
html.${DOCKED} rapport-sidebar { visibility: visible !important; }
html.${COLLAPSED} rapport-sidebar { width: ${COLLAPSED_WIDTH}px !important; top: 50% !important; bottom: auto !important;
  height: var(--rapport-tab-height, ${TAB_HEIGHT}px) !important; transform: translateY(-50%) !important; }
`;
const shadowCss = `
iframe { display: block; width: 100%; height: 100%; border: 0; margin: 0; padding: 0; background: transparent; color-scheme: normal;
  box-shadow: 0 0 0 1px rgba(16, 24, 40, 0.04), -6px 0 24px rgba(16, 24, 40, 0.08); }
:host([data-collapsed]) iframe { border-radius: 8px 0 0 8px; }
@media (prefers-color-scheme: dark) { iframe { box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.3), -6px 0 24px rgba(0, 0, 0, 0.35); } }
`;

export interface DockOptions {
  /**
   * The adapter's `sidePanels` (lib/helpdesks/types.ts): the helpdesk's own panels Rapport keeps on
   * screen while the agent reads. Asked when needed: on a configured helpdesk the adapter is known
   * only once the preferences are read, and the frame starts loading before that.
   */
  sidePanels?(): readonly string[] | undefined;
  /** The width the agent chose before (PREF.sidebarWidth). */
  savedWidth?: Promise<number | undefined>;
  /** Remembers the agent's width. */
  saveWidth?(width: number): void;
  /** Crowded widths this helpdesk had on earlier pages at a window width and agent's width (dock.ts, `CrowdMemory`). */
  crowdMemory?: CrowdMemory;
}

export interface SidebarFrame {
  /** The view the controller renders into (one at a time; `remove` hides the frame but keeps it loaded). */
  view(handlers: ViewHandlers): SidebarView;
  /** Removes the frame and undocks the page (Rapport switched off here). */
  destroy(): void;
}

type Port = Browser.runtime.Port;

/** What the controller rendered last (`SidebarView.render`), with its handlers. */
interface Shown {
  state: SidebarState;
  collapsed: boolean;
  presentation: boolean;
  composing: boolean;
  handlers: ViewHandlers;
}

/** One sidebar frame: its elements, what it shows and where it is docked; shared by the steps below. */
interface Frame {
  readonly doc: Document;
  readonly root: HTMLElement;
  readonly win: Window;
  readonly host: HTMLElement;
  readonly pageStyle: HTMLStyleElement;
  readonly options: DockOptions;
  /** Ends our listeners on the page (`destroy`). */
  readonly life: AbortController;
  /** The helpdesk's own side panels: probed, remembered, watched (lib/page/side-panels.ts). */
  readonly panelsBeside: SidePanels;
  /** The channel to the frame: offered at our iframe's trusted `load` (a page cannot fake it) or sooner (frame-link.ts). */
  readonly link: FrameLink;
  shown: Shown | undefined;
  /** Where the panel is now (lib/page/dock.ts), the agent's width and whether they pinned it open here. */
  placed: Dock;
  preferred: number | undefined;
  pinned: boolean;
  /** The width `pageStyle` is written for. */
  styledWidth: number;
  /** A render is queued for the end of this task (`schedule`). */
  queued: boolean;
  destroyed: boolean;
  /** The drag of the resize handle being followed (`follow`). */
  dragging: AbortController | undefined;
}

/**
 * Creates the host and starts loading the frame at once (before any ticket is read), so that the
 * frame is ready by the time the ticket's DOM is. `onGone` runs when the extension itself went away
 * (reloaded or updated while this tab stayed open): the port to the frame closes then.
 */
export function createSidebarFrame(doc: Document, onGone: () => void, options: DockOptions = {}): SidebarFrame {
  const frameUrl = browser.runtime.getURL(FRAME_PATH);
  const win = doc.defaultView ?? window;
  const { pageStyle, host, iframe } = sidebarElements(doc, frameUrl);
  const life = new AbortController();
  // The side panels' watcher and the link call back into `frame` only on later events, never while it is built.
  const frame: Frame = {
    doc, root: doc.documentElement, win, host, pageStyle, options, life,
    shown: undefined, placed: { collapsed: false, width: DOCK.width, auto: false }, preferred: undefined, pinned: false,
    styledWidth: DOCK.width, // pageStyle starts at documentCss(DOCK.width)
    queued: false, destroyed: false, dragging: undefined,
    panelsBeside: sidePanels({
      doc,
      win,
      panels: () => options.sidePanels?.() ?? [],
      crowdMemory: options.crowdMemory,
      preferred: () => frame.preferred,
      shown: () => frame.shown && `${frame.shown.state.kind}|${frame.shown.state.ticketId}`,
      layout: pageLayout(() => frame),
      place: () => place(frame),
      signal: life.signal,
    }),
    link: frameLink(iframe, frameOriginOf(frameUrl), {
      onData: (m, reply) => onFrameMessage(frame, m, reply),
      resend: () => flush(frame),
      onLost() {
        // The extension was reloaded or removed: nothing of ours can run any more.
        if (!browser.runtime?.id) return onGone();
        // Our frame unloaded (the page moved or removed our element): load it again if it is shown.
        if (!host.isConnected && frame.shown) attach(frame);
      },
    }),
  };
  void options.savedWidth?.then((w) => {
    if (typeof w !== 'number' || frame.preferred !== undefined) return;
    frame.preferred = w;
    if (frame.shown) place(frame);
  });
  attach(frame);

  win.addEventListener('resize', () => place(frame), { passive: true, signal: life.signal });
  // A click on the slim tab that Chromium gave to our element on the page instead of the frame inside
  // it: seen in about one headless run in ten, on pages docked as the tab while still parsed, and for
  // as long as 5 s (every click went to the page, none reached the frame). The tab fills our element,
  // so a trusted click on it there is a click on the tab; when the frame gets the click, this never runs.
  host.addEventListener('click', (event) => event.isTrusted && frame.placed.collapsed && frame.shown?.handlers.onToggleCollapsed(), { signal: life.signal });
  iframe.addEventListener('load', (event) => event.isTrusted && !frame.destroyed && frame.link.offer(), { signal: life.signal });
  const onConnect = (candidate: Port) => frame.link.connect(candidate, browser.runtime.id);
  browser.runtime.onConnect.addListener(onConnect);

  return {
    view: (handlers) => sidebarView(frame, handlers),
    destroy() {
      frame.destroyed = true;
      life.abort();
      frame.dragging?.abort();
      frame.panelsBeside.disconnect();
      browser.runtime.onConnect.removeListener(onConnect);
      frame.link.close();
      frame.shown = undefined;
      undock(frame);
      host.remove();
      pageStyle.remove();
    },
  };
}

/** Our stylesheet for the page, and our element: a closed shadow root around the iframe of the extension's page. */
function sidebarElements(doc: Document, frameUrl: string) {
  const pageStyle = doc.createElement('style');
  pageStyle.textContent = documentCss(DOCK.width);
  const host = doc.createElement('rapport-sidebar');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = shadowCss;
  const iframe = doc.createElement('iframe');
  iframe.title = 'Rapport';
  iframe.src = frameUrl;
  shadow.append(style, iframe);
  return { pageStyle, host, iframe };
}

/**
 * Where the offer is addressed: Chromium commits the frame's per-session dynamic URL under the
 * extension's fixed origin (seen in `sender.url`); elsewhere the URL's own origin is the frame's.
 */
const frameOriginOf = (frameUrl: string) => (frameUrl.startsWith('chrome-extension:') ? `chrome-extension://${browser.runtime.id}` : new URL(frameUrl).origin);

// Attached at once, even while <html> is still empty at document_start: the frame's own load (an
// extension page, 60–250 ms) then runs beside the helpdesk's head and scripts. Waiting for <body>
// cost a real FreeScout ~80 ms more to sidebar (bench-freescout, side by side). The parser then puts
// <head> and <body> after our element; it is fixed-positioned and takes no part in their layout.
function attach(f: Frame): void {
  if (f.destroyed || f.host.isConnected) return;
  (f.doc.head ?? f.root).append(f.pageStyle);
  f.root.append(f.host);
}

/** Lays the page out for a placement: the margin our panel (or tab) takes. */
function apply(f: Frame, where: Pick<Dock, 'collapsed' | 'width'>): void {
  // Called on every render (each pause in typing): the stylesheet is rewritten only for a new width.
  if (where.width !== f.styledWidth) f.pageStyle.textContent = documentCss((f.styledWidth = where.width));
  f.root.classList.add(DOCKED);
  f.root.classList.toggle(COLLAPSED, where.collapsed);
}

const undock = (f: Frame) => f.root.classList.remove(DOCKED, COLLAPSED);

/** How the side panels' probes lay the page out, and put it back (side-panels.ts, `layout`). */
function pageLayout(frame: () => Frame): SidePanelsDeps['layout'] {
  return {
    apply: (where) => apply(frame(), where),
    now: () => ({ collapsed: frame().root.classList.contains(COLLAPSED), width: frame().placed.width, docked: frame().root.classList.contains(DOCKED) }),
    restore(was) {
      apply(frame(), was);
      if (!was.docked) frame().root.classList.remove(DOCKED);
    },
  };
}

/** Docks the page for the current window width, composer focus and the agent's choices. */
function place(f: Frame): void {
  const { shown, panelsBeside } = f;
  if (!shown || panelsBeside.waitForParser()) return;
  // The helpdesk's panels decide only while the agent reads with the panel not pinned open (dock.ts).
  const reading = !shown.composing && !shown.collapsed && !f.pinned;
  const next = dock({ viewport: f.win.innerWidth, preferred: f.preferred, crowds: reading ? panelsBeside.crowds() : [], composing: shown.composing, collapsed: shown.collapsed, pinned: f.pinned });
  // Renders while the agent types change neither: the page is not queried for them.
  panelsBeside.watch(next.collapsed !== f.placed.collapsed || next.width !== f.placed.width);
  f.placed = next;
  apply(f, next);
  f.host.toggleAttribute('data-collapsed', next.collapsed);
  schedule(f);
}

function schedule(f: Frame): void {
  if (f.queued) return;
  f.queued = true;
  queueMicrotask(() => flush(f)); // one message for a burst of renders in the same task
}

/** Sends what is shown, and where, to the frame (on each channel offered, or the accepted one). */
function flush(f: Frame): void {
  f.queued = false;
  if (!f.shown || f.panelsBeside.waitForParser()) return;
  const { state, handlers, presentation, composing } = f.shown;
  f.link.render((encoder) => ({ t: 'render', slots: encoder.changes(state, handlers), collapsed: f.placed.collapsed, presentation, composing, width: f.placed.width }));
}

function resize(f: Frame, width: number, done: boolean): void {
  f.preferred = clampWidth(width, f.win.innerWidth);
  f.pinned = true; // the agent is using the panel: it stays open at their width on this page
  place(f);
  if (done) f.options.saveWidth?.(f.preferred);
}

/** Follows a drag of the resize handle while the pointer is over the page, until the button is released. */
function follow(f: Frame, fromX: number): void {
  f.dragging?.abort();
  const drag = new AbortController();
  f.dragging = drag;
  const from = f.placed.width;
  const at = (e: PointerEvent) => from + fromX - e.screenX;
  f.win.addEventListener('pointermove', (e) => (e.buttons & 1 ? resize(f, at(e), false) : drag.abort()), { capture: true, signal: drag.signal });
  f.win.addEventListener('pointerup', (e) => (resize(f, at(e), true), drag.abort()), { capture: true, signal: drag.signal });
}

/** A message from the frame on the accepted channel; `reply` answers on that channel. */
function onFrameMessage(f: Frame, m: ToPage, reply: (message: ToFrame) => void): void {
  if (m?.t === 'call' && typeof m.call === 'number' && typeof m.fn === 'number' && Array.isArray(m.args)) void answer(f.link, m.call, m.fn, m.args, reply);
  else if (m?.t === 'tab' && typeof m.height === 'number' && m.height > 0 && m.height < 1000) {
    f.host.style.setProperty('--rapport-tab-height', `${Math.ceil(m.height)}px`);
  } else if (m?.t === 'resize') {
    const to = typeof m.to === 'number' ? m.to : typeof m.by === 'number' ? f.placed.width + m.by : NaN;
    if (Number.isFinite(to)) resize(f, to, m.done === true);
  }
  else if (m?.t === 'drag' && typeof m.screenX === 'number' && Number.isFinite(m.screenX)) follow(f, m.screenX);
}

/** Runs a function the frame called (by its reference in the slots it was sent) and answers with its result. */
async function answer(link: FrameLink, call: number, fn: number, args: unknown[], respond: (message: ToFrame) => void): Promise<void> {
  const target = link.lookup(fn);
  let reply: ToFrame;
  try {
    if (!target) throw new Error('That action is no longer available.');
    reply = { t: 'result', call, ok: true, value: plain(await target(...args)) };
  } catch (error) {
    reply = { t: 'result', call, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  respond(reply);
}

function sidebarView(f: Frame, handlers: ViewHandlers): SidebarView {
  return {
    render(state, collapsed, presentation, composing = false) {
      attach(f);
      if (collapsed) f.pinned = false;
      f.shown = { state, collapsed, presentation, composing, handlers };
      place(f);
    },
    toggle() {
      // Collapsed by Rapport, not by the agent: opening it pins it open on this page.
      if (!f.placed.auto) return false;
      f.pinned = true;
      place(f);
      return true;
    },
    remove() {
      undock(f);
      f.shown = undefined;
      f.link.reset();
      f.link.send({ t: 'clear' });
    },
  };
}
