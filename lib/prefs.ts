/**
 * Small preferences in `storage.local` (extension origin; content scripts may read it directly).
 * Keys are listed here so the popup, dashboard and content script agree.
 */
export const PREF = {
  /** boolean: the sidebar is collapsed to its slim tab. */
  collapsed: 'sidebar.collapsed',
  /** boolean: presentation mode (names as initials, emails and phones masked). */
  presentation: 'presentation',
} as const;
