/**
 * The sidebar frame's app (entrypoints/sidebar/frame-app.tsx) as one classic script, deferred in
 * the head of entrypoints/sidebar/index.html after the offers script. One file instead of a module
 * graph (five chunks shared with the dashboard and options pages): the frame loads on every ticket
 * page, and one fetch and one compile of only its own code made its script run sooner — frame
 * navigation → app running, median / p95 143 / 211 → 124 / 180 ms over 80 alternating loads
 * (scripts/sidebar-phases.mjs; docs/architecture.md) — and its code 41.4 → 37.7 KB gzip.
 */
import { startSidebarFrame } from './sidebar/frame-app';

export default defineUnlistedScript(startSidebarFrame);
