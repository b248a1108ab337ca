/**
 * Small preferences in `storage.local` (extension origin; content scripts may read it directly).
 * Keys are listed here so the popup, dashboard and content script agree.
 */
export const PREF = {
  /** boolean: the sidebar is collapsed to its slim tab. */
  collapsed: 'sidebar.collapsed',
  /** number: the docked sidebar's width in CSS px, as the agent last resized it (lib/page/dock.ts). */
  sidebarWidth: 'sidebar.width',
  /** CrowdMemory: crowded widths per helpdesk host and window width, from earlier pages (lib/page/dock.ts). */
  dockCrowds: 'dock.crowds',
  /** boolean: presentation mode (names as initials, emails and phones masked). */
  presentation: 'presentation',
  /** StandardsPack JSON: the team's active reply-checklist standards (issue #4); absent: the default pack. */
  standardsPack: 'standards.pack',
  /** string[]: helpdesk hosts (`location.host`) where the agent switched Rapport off (popup, #5). */
  disabledHosts: 'disabledHosts',
  /** string: this agent's label in exported bundles ("Priya"), shown as "from Priya" on import (#5). */
  agentLabel: 'agentLabel',
  /** number: delete history and notes older than this many months; 0/absent = off (#5). */
  retentionMonths: 'retentionMonths',
  /** ConfiguredHelpdesk[]: helpdesks the agent added on the options page (#13, lib/helpdesks/configured.ts). */
  helpdesks: 'helpdesks',
  /** ZoneMemory: the time zone each helpdesk host writes this agent's times in, and when it was read (lib/page/shown-zone.ts). */
  shownZones: 'helpdesk.shownZones',
} as const;
