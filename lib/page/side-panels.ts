/**
 * The helpdesk's own side panels beside Rapport's (docking, issue #14; the decision is lib/page/dock.ts):
 * whether they stay on screen with our panel at a width — probed by laying the page out in one task —,
 * what this helpdesk did before at this window width (the crowd memory), when to measure (at once,
 * once the page is idle, never on a half-parsed page) and when to measure again (a panel changed
 * size; `DOMContentLoaded`; `load`). Used by lib/page/sidebar-frame.ts, which owns the placement.
 */
import { crowdsOf, widthsToProbe, type Dock, type Probe } from './dock';

/** Crowded widths this helpdesk had on earlier pages at a window width and agent's width (dock.ts, `CrowdMemory`). */
export interface CrowdMemory {
  recall(viewport: number, preferred: number | undefined): number[] | undefined;
  keep(viewport: number, preferred: number | undefined, crowds: number[]): void;
}

/** How the page is laid out now, to put it back after a probe. */
export interface Layout {
  collapsed: boolean;
  width: number;
  docked: boolean;
}

export interface SidePanelsDeps {
  doc: Document;
  win: Window;
  /** The selectors of the helpdesk's side panels (the adapter's `sidePanels`); none: nothing to measure. */
  panels(): readonly string[];
  crowdMemory?: CrowdMemory;
  /** The width the agent chose, if any. */
  preferred(): number | undefined;
  /** `kind|ticketId` of what the sidebar shows, or undefined while it shows nothing. */
  shown(): string | undefined;
  /** Lays the page out for a placement (`apply`), and says and restores how it is laid out now. */
  layout: { apply(where: Pick<Dock, 'collapsed' | 'width'>): void; now(): Layout; restore(was: Layout): void };
  /** Places our panel again, asking `crowds()` (after a measurement, or when one is due). */
  place(): void;
  signal: AbortSignal;
}

export interface SidePanels {
  /** The widths of our panel at which the helpdesk's panels are crowded out (probed, or remembered). */
  crowds(): number[];
  /**
   * Nothing can be placed yet: the page is still parsed (a half-parsed page cannot say where its
   * panels go) and nothing is remembered for this window width.
   */
  waitForParser(): boolean;
  /** Watches the sizes of the panels on the page now for the ticket shown (again if `moved`: our panel moved). */
  watch(moved: boolean): void;
  disconnect(): void;
}

export function sidePanels(deps: SidePanelsDeps): SidePanels {
  const { doc, win, panels, signal } = deps;
  const measure = measurement(deps);
  const sizes = panelSizes(deps, () => measure.now());
  // Probed again at the first trusted DOMContentLoaded (the page is parsed) and load (late stylesheets
  // can move the panels once more), unless probed since the event began or a measurement is queued.
  const reprobeOn = (target: EventTarget, type: string) =>
    onTrusted(target, type, signal, (event) => {
      if (measure.probedAt() >= event.timeStamp || measure.queued()) return;
      measure.forget();
      if (panels().length) deps.place();
    });
  if (doc.readyState === 'loading') reprobeOn(doc, 'DOMContentLoaded');
  if (doc.readyState !== 'complete') reprobeOn(win, 'load');
  return {
    crowds: measure.crowds,
    // Waiting for the parser cost a server-rendered ticket its first ~90 ms of sidebar where the
    // panels were measured before (docs/architecture.md, 4 Dec 2026): then it docks as they were.
    waitForParser: () => panels().length > 0 && doc.readyState === 'loading' && !deps.crowdMemory?.recall(win.innerWidth, deps.preferred()),
    watch: sizes.watch,
    disconnect: sizes.disconnect,
  };
}

/**
 * Runs `fn` at the first TRUSTED `type` event of `target`: a page script can dispatch a forged
 * DOMContentLoaded or load, which must neither trigger a measurement nor use up the listener.
 */
function onTrusted(target: EventTarget, type: string, signal: AbortSignal, fn: (event: Event) => void): void {
  const listener = (event: Event) => {
    if (!event.isTrusted) return;
    target.removeEventListener(type, listener);
    fn(event);
  };
  target.addEventListener(type, listener, { signal });
}

/** Probes, the crowd memory, and measuring at once or when the page is idle. */
function measurement(deps: SidePanelsDeps) {
  const { doc, win, panels, layout } = deps;
  /** What the helpdesk did with its side panels at each width tried, for this window width and ticket (`probedFor`). */
  const probes = new Map<number, Probe>();
  let probedFor = '';
  let probedAt = -Infinity;
  let measuringNow = false;
  let idleQueued = false;

  /** The helpdesk's side panels on screen now (forces a layout). */
  const shownPanels = () => {
    let count = 0;
    for (const selector of panels()) {
      for (const panel of doc.querySelectorAll(selector)) {
        if (panel.checkVisibility({ visibilityProperty: true }) && panel.getBoundingClientRect().width > 0) count++;
      }
    }
    return count;
  };

  /**
   * Counts the side panels with our panel beside at `width` and with the page given its room, then
   * puts the page back as it was; all in one task, so nothing is painted in between and the
   * helpdesk's resize observers see no change. Catches layouts the helpdesk makes in CSS (media or
   * container queries), not ones its scripts make later; those are re-probed when a panel's size changes.
   */
  const probe = (width: number): Probe => {
    probedAt = performance.now();
    const was = layout.now();
    layout.apply({ collapsed: false, width });
    const beside = shownPanels();
    layout.apply({ collapsed: true, width });
    const room = shownPanels();
    layout.restore(was);
    return { width, beside, room };
  };

  /** Probes and places again now: what the helpdesk did before is not asked (`crowds`). */
  const now = () => {
    measuringNow = true;
    try {
      probes.clear();
      deps.place();
    } finally {
      measuringNow = false;
    }
  };

  /** A measurement once the page is idle — and parsed: a half-parsed page cannot say where its panels go. */
  const whenIdle = () => {
    if (idleQueued) return;
    idleQueued = true;
    const run = () => {
      if (doc.readyState === 'loading') return onTrusted(doc, 'DOMContentLoaded', deps.signal, later);
      idleQueued = false;
      now();
    };
    const later = () => (typeof win.requestIdleCallback === 'function' ? win.requestIdleCallback(run, { timeout: 400 }) : win.setTimeout(run, 100));
    later();
  };

  /** Probes the widths the decision rests on that were not tried yet for this window width and ticket. */
  const crowds = (): number[] => {
    const shown = deps.shown();
    if (!panels().length || !shown) return [];
    const key = `${win.innerWidth}|${shown}`;
    if (key !== probedFor) {
      probes.clear();
      probedFor = key;
    }
    const preferred = deps.preferred();
    const widths = widthsToProbe({ viewport: win.innerWidth, preferred });
    if (widths.some((width) => !probes.has(width))) {
      // A ticket not measured yet (the page's first, or one the agent opened since): dock as this
      // helpdesk did before at this width, and measure once the page is idle — not while the
      // helpdesk is putting the ticket on screen (each probe lays the whole page out twice).
      const recalled = !measuringNow && deps.crowdMemory?.recall(win.innerWidth, preferred);
      if (recalled) {
        whenIdle();
        return recalled;
      }
      for (const width of widths) if (!probes.has(width)) probes.set(width, probe(width));
    }
    const found = crowdsOf(probes.values());
    deps.crowdMemory?.keep(win.innerWidth, preferred, found);
    return found;
  };

  return { crowds, now, probedAt: () => probedAt, queued: () => idleQueued, forget: () => probes.clear() };
}

/**
 * A side panel that changes size when we did not move (the helpdesk's script laid it out again, the
 * agent closed or resized it) is probed again, at once: the remembered layout is what just changed.
 * The first notice for a panel just watched is its starting size, not a change.
 */
function panelSizes(deps: SidePanelsDeps, measureNow: () => void) {
  const watched = new Set<Element>();
  const starting = new WeakSet<Element>();
  const observer = new ResizeObserver((entries) => {
    const changed = entries.filter((e) => !starting.delete(e.target)).length > 0;
    if (changed && deps.shown()) measureNow();
  });
  let watchedFor = '';
  const watch = (moved: boolean) => {
    const ticket = deps.shown() ?? '';
    if (!moved && ticket === watchedFor) return;
    watchedFor = ticket;
    const now = new Set(deps.panels().flatMap((selector) => [...deps.doc.querySelectorAll(selector)]));
    for (const panel of watched) {
      if (now.has(panel)) continue;
      observer.unobserve(panel);
      watched.delete(panel);
    }
    for (const panel of now) {
      if (watched.has(panel)) continue;
      watched.add(panel);
      starting.add(panel);
      observer.observe(panel);
    }
  };
  return { watch, disconnect: () => observer.disconnect() };
}
