/**
 * Where the sidebar goes on a helpdesk page (issue #14): beside the helpdesk's own side panels while
 * the helpdesk keeps showing them, and where it drops them for want of room (a 1280 px laptop beside
 * Zendesk's context panel), a slim tab while the agent reads and the full panel while they write a
 * reply, when the checklist is what they need. The agent's own choices win: "hide" keeps the tab,
 * opening the tab or resizing the panel keeps it open (pinned) on this page.
 *
 * No page width is assumed: no public source says at what width a helpdesk drops its panels (Zendesk's
 * context panel is opened, closed and resized by the agent). The sidebar frame (sidebar-frame.ts)
 * counts the adapter's `sidePanels` on screen with Rapport docked beside at a width and with the
 * page given its room (`Probe`); `crowdsOf` turns those counts into the widths that crowd the
 * helpdesk at this window width. Everything here is pure.
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
  /** Widths at which the helpdesk dropped a side panel at this window width (`Crowding.crowds`). */
  crowds?: readonly number[];
  /** The agent is in the helpdesk's composer. */
  composing: boolean;
  /** The agent hid the sidebar. */
  collapsed: boolean;
  /** The agent opened the tab, or resized the panel, on this page. */
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
  const crowds = input.crowds ?? [];
  const width = clampWidth(input.preferred ?? DOCK.width, input.viewport);
  if (input.collapsed) return { collapsed: true, width, auto: false };
  // Writing a reply: the checklist, at the agent's width, whatever the helpdesk drops meanwhile.
  if (input.composing || input.pinned || !crowds.includes(width)) return { collapsed: false, width, auto: false };
  // Reading: the narrowest panel, if the helpdesk keeps its panels beside that (or it is untried).
  const narrowest = clampWidth(DOCK.min, input.viewport);
  if (!crowds.includes(narrowest)) return { collapsed: false, width: narrowest, auto: false };
  return { collapsed: true, width, auto: true };
}

/** How many of the helpdesk's side panels are on screen with the panel docked beside at a width, and with the page given its room (the collapsed tab). */
export interface Probe {
  width: number;
  beside: number;
  room: number;
}

/**
 * The widths that crowd the helpdesk, from probes taken at this window width: where it shows fewer
 * of its side panels with Rapport beside than with the page given its room.
 */
export const crowdsOf = (probes: Iterable<Probe>): number[] => [...probes].filter((p) => p.beside < p.room).map((p) => p.width);

/** The widths `dock` decides on while the agent reads (the agent's or the default, and the narrowest). */
export const widthsToProbe = (input: Pick<DockInput, 'viewport' | 'preferred'>): number[] => [
  ...new Set([clampWidth(input.preferred ?? DOCK.width, input.viewport), clampWidth(DOCK.min, input.viewport)]),
];
