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

/**
 * What the helpdesk crowded on earlier pages (PREF.dockCrowds): the crowded widths per helpdesk host,
 * window width and agent's width. A new page docks by it at once instead of measuring first — four
 * forced layouts of a page that has just been parsed, 20–60 ms on the demo — and measures once the
 * page is idle, correcting the place if the helpdesk's layout changed (sidebar-frame.ts).
 */
export type CrowdMemory = Record<string, number[]>;

/** Window widths × agent widths × helpdesks kept: the oldest entries go first. */
const CROWD_MEMORY_SIZE = 48;

export const crowdKey = (host: string, viewport: number, preferred: number | undefined) => `${host}|${viewport}|${preferred ?? ''}`;

/** The remembered crowded widths for `key`, if the stored value is what we write (anything else: none). */
export function recallCrowds(memory: unknown, key: string): number[] | undefined {
  if (typeof memory !== 'object' || memory === null || !Object.hasOwn(memory, key)) return undefined;
  const value = (memory as Record<string, unknown>)[key];
  return Array.isArray(value) && value.length <= 8 && value.every((w) => Number.isInteger(w) && w > 0 && w < 10_000) ? [...(value as number[])] : undefined;
}

/** `memory` with `crowds` kept under `key` (newest last), or undefined when nothing changed. */
export function keepCrowds(memory: unknown, key: string, crowds: readonly number[]): CrowdMemory | undefined {
  const known = recallCrowds(memory, key);
  if (known && known.length === crowds.length && known.every((w, i) => w === crowds[i])) return undefined;
  const entries = Object.entries(typeof memory === 'object' && memory !== null ? (memory as Record<string, unknown>) : {}).filter(
    ([k]) => k !== key && k !== '__proto__' && recallCrowds(memory, k),
  ) as [string, number[]][];
  return Object.fromEntries([...entries.slice(-(CROWD_MEMORY_SIZE - 1)), [key, [...crowds]]]);
}
