/**
 * Where the sidebar goes on a helpdesk page of a given width (issue #14): beside the helpdesk's own
 * panels while they both fit, and where they cannot (a 1280 px laptop beside Zendesk's context
 * panel), a slim tab while the agent reads and the full panel while they write a reply, when the
 * checklist is what they need. The agent's own choices win: "hide" keeps the tab, opening the tab
 * keeps the panel open (pinned) on this page.
 */
export const DOCK = {
  /** Default width: narrower than before (340) so that Zendesk keeps its context panel at 1440 px. */
  width: 300,
  min: 260,
  max: 560,
  /** The collapsed tab. */
  tab: 28,
} as const;

export interface DockInput {
  /** The page's width (window.innerWidth). */
  viewport: number;
  /** The width the agent chose with the resize handle, if any. */
  preferred?: number;
  /** The adapter's `keepsPanelsAt`. */
  keepsPanelsAt?: number;
  /** The agent is in the helpdesk's composer. */
  composing: boolean;
  /** The agent hid the sidebar. */
  collapsed: boolean;
  /** The agent opened the tab on this page while it was collapsed automatically. */
  pinned: boolean;
}

export interface Dock {
  collapsed: boolean;
  width: number;
  /** Collapsed by Rapport (not by the agent): opening the tab pins it open. */
  auto: boolean;
}

/** A width the panel can have on this page: within the limits and leaving the page half the window. */
export function clampWidth(width: number, viewport: number): number {
  const most = Math.max(DOCK.min, Math.min(DOCK.max, Math.floor(viewport / 2)));
  return Math.round(Math.min(most, Math.max(DOCK.min, Number.isFinite(width) ? width : DOCK.width)));
}

export function dock(input: DockInput): Dock {
  const spare = input.keepsPanelsAt === undefined ? Infinity : input.viewport - input.keepsPanelsAt;
  // The agent's width wins; the default gives way to the helpdesk's panels when it can.
  const wanted = input.preferred ?? (spare >= DOCK.min ? Math.min(DOCK.width, spare) : DOCK.width);
  const width = clampWidth(wanted, input.viewport);
  if (input.collapsed) return { collapsed: true, width, auto: false };
  if (spare >= DOCK.min || input.composing || input.pinned) return { collapsed: false, width, auto: false };
  return { collapsed: true, width, auto: true };
}
