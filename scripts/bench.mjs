#!/usr/bin/env node
/**
 * npm run bench — every speed, size and quality figure Rapport has targets for, as one JSON object.
 * Each part is its own script (run it alone while working on it); this runs them one after the other
 * on the built extension in the system Chromium and collects their JSON.
 *
 *   sidebar    scripts/bench-sidebar.mjs          content-script gzip size, page load → sidebar, tab switch
 *   freescout  scripts/bench-freescout.mjs        a real FreeScout (server-rendered): page load → sidebar
 *   checklist  scripts/bench-checklist.ts         precision/recall per rule on the labelled corpus, engine speed
 *   bounds     scripts/bench-bounds.ts            engine time on pathological drafts and messages (budget 50 ms)
 *   typing     scripts/bench-checklist-typing.mjs keystroke → frame with Rapport ÷ a static copy in a frame (and ÷ without), CKEditor + plain
 *   memory     scripts/bench-memory.mjs           50k customers / 500k records: open ticket → cues (DB part)
 *   dashboard  scripts/bench-dashboard.mjs        same data: first page, search, export, import
 *   import     scripts/bench-import.mjs           same data: import ÷ bare IndexedDB puts of the same rows (ratio), peak heap
 *
 * Options: --quick skips the large-data runs (memory, dashboard, import: several minutes each);
 * --only a,b runs just those parts.
 */
import { execFileSync, execSync } from 'node:child_process';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]?.split(',') : undefined;
const quick = args.includes('--quick');

const parts = [
  { name: 'sidebar', cmd: ['node', 'scripts/bench-sidebar.mjs', '--no-build'] },
  { name: 'freescout', cmd: ['node', 'scripts/bench-freescout.mjs', '--no-build'] },
  { name: 'checklist', cmd: ['npx', 'vite-node', 'scripts/bench-checklist.ts'] },
  { name: 'bounds', cmd: ['npx', 'vite-node', 'scripts/bench-bounds.ts'] },
  { name: 'typing', cmd: ['node', 'scripts/bench-checklist-typing.mjs', '--no-build'] },
  { name: 'memory', cmd: ['node', 'scripts/bench-memory.mjs', '--no-build'], large: true },
  { name: 'dashboard', cmd: ['node', 'scripts/bench-dashboard.mjs', '--no-build'], large: true },
  { name: 'import', cmd: ['node', 'scripts/bench-import.mjs', '--no-build'], large: true },
].filter((p) => (only ? only.includes(p.name) : !(quick && p.large)));

execSync('npx wxt build', { stdio: ['ignore', 'ignore', 'inherit'] });

const result = { measuredAt: new Date().toISOString() };
for (const part of parts) {
  process.stderr.write(`bench: ${part.name}…\n`);
  const started = Date.now();
  try {
    const out = execFileSync(part.cmd[0], part.cmd.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
    result[part.name] = JSON.parse(out.slice(out.indexOf('{')));
  } catch (error) {
    result[part.name] = { error: String(error.message ?? error).split('\n')[0] };
  }
  process.stderr.write(`bench: ${part.name} done in ${Math.round((Date.now() - started) / 1000)} s\n`);
}
console.log(JSON.stringify(result, null, 2));
