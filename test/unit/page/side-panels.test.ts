// @vitest-environment happy-dom
import { sidePanels, type SidePanelsDeps } from '@/lib/page/side-panels';

/**
 * The page is a stand-in (happy-dom lays nothing out): `readyState` is set by the test, the panels'
 * visibility is what `visibleAt(width, collapsed)` says, and idle callbacks run when the test says.
 */
function setup(opts: { readyState: DocumentReadyState; remembered?: number[]; visibleAt?: (width: number, collapsed: boolean) => boolean }) {
  const listeners = new Map<string, ((e: Event) => void)[]>();
  const panel = { checkVisibility: () => true, getBoundingClientRect: () => ({ width: opts.visibleAt?.(layout.width, layout.collapsed) === false ? 0 : 200 }) };
  const doc = {
    readyState: opts.readyState,
    querySelectorAll: () => [panel],
    // As the DOM does: a `once` listener goes after its first call, trusted or not.
    addEventListener: (type: string, fn: (e: Event) => void, options?: { once?: boolean }) => {
      const listener = options?.once ? (e: Event) => (doc.removeEventListener(type, listener), fn(e)) : fn;
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    removeEventListener: (type: string, fn: (e: Event) => void) => listeners.set(type, (listeners.get(type) ?? []).filter((f) => f !== fn)),
  };
  const idle: (() => void)[] = [];
  const win = { innerWidth: 1440, requestIdleCallback: (fn: () => void) => idle.push(fn), addEventListener: () => undefined, removeEventListener: () => undefined };
  const layout = { collapsed: false, width: 300, docked: false };
  const kept: number[][] = [];
  const placed: number[][] = [];
  const deps: SidePanelsDeps = {
    doc: doc as unknown as Document,
    win: win as unknown as Window,
    panels: () => ['.panel'],
    crowdMemory: { recall: () => opts.remembered, keep: (_v, _p, crowds) => void kept.push(crowds) },
    preferred: () => undefined,
    shown: () => 'ticket|101',
    layout: {
      apply: (where) => Object.assign(layout, where, { docked: true }),
      now: () => ({ ...layout }),
      restore: (was) => Object.assign(layout, was),
    },
    place: () => void placed.push(panels.crowds()),
    signal: new AbortController().signal,
  };
  const panels = sidePanels(deps);
  const fire = (type: string, isTrusted = true) => {
    for (const fn of [...(listeners.get(type) ?? [])]) fn({ isTrusted, timeStamp: performance.now() } as Event);
  };
  return { panels, doc, idle, kept, placed, layout, fire };
}

describe('the helpdesk’s side panels beside ours (docking while the page loads, #13/#15)', () => {
  it('waits for the parser where nothing is remembered for this window width, not where it is', () => {
    expect(setup({ readyState: 'loading' }).panels.waitForParser()).toBe(true);
    expect(setup({ readyState: 'loading', remembered: [300] }).panels.waitForParser()).toBe(false);
    expect(setup({ readyState: 'loading', remembered: [] }).panels.waitForParser()).toBe(false);
    expect(setup({ readyState: 'interactive' }).panels.waitForParser()).toBe(false);
  });

  it('docks by memory on a page still parsed, and measures only once it is parsed and idle', () => {
    // The panels are crowded out at 300 px only.
    const s = setup({ readyState: 'loading', remembered: [300, 260], visibleAt: (width, collapsed) => collapsed || width < 300 });
    expect(s.panels.crowds()).toEqual([300, 260]);
    expect(s.kept).toEqual([]);
    // Idle while still parsed: nothing is measured, the measurement waits for DOMContentLoaded.
    s.idle.shift()!();
    expect(s.placed).toEqual([]);
    // A page script's forged DOMContentLoaded neither measures nor uses up the wait.
    s.fire('DOMContentLoaded', false);
    expect(s.idle).toEqual([]);
    s.doc.readyState = 'interactive';
    s.fire('DOMContentLoaded');
    s.idle.shift()!();
    expect(s.placed).toEqual([[300]]);
    expect(s.kept).toEqual([[300]]);
    // The probe put the page back as it was.
    expect(s.layout).toEqual({ collapsed: false, width: 300, docked: false });
  });

  it('probes at once on a parsed page with nothing remembered, and remembers what it found', () => {
    const s = setup({ readyState: 'complete', visibleAt: (_width, collapsed) => collapsed });
    expect(s.panels.crowds()).toEqual([300, 260]);
    expect(s.kept).toEqual([[300, 260]]);
    expect(s.idle).toEqual([]);
  });
});
