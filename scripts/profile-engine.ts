/**
 * The engine's per-keystroke cost in a loop, for profiling (issue #12):
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof node_modules/vite-node/dist/cli.mjs scripts/profile-engine.ts
 * UNIQ=1: every draft is new (typing at the end); otherwise two drafts alternate as in bench-checklist.ts.
 * ASKS=many: the message of eight different asks. COLD=1: a new customer message every call (the draft kept). N=runs (default 1000). Prints median and p99 in ms: wall time, and the process's CPU time per
 * call (process.cpuUsage, which leaves out the time the OS gave other processes on a loaded machine).
 */
import { performance } from 'node:perf_hooks';
import { evaluateReply } from '../lib/standards/engine';
import { DEFAULT_PACK } from '../lib/standards/pack';
import { customer as repeated, customerManyAsks, draft } from './lib/engine-inputs';
const customer = process.env.ASKS === 'many' ? customerManyAsks : repeated;
const now = Date.now();
const N = Number(process.env.N ?? 1000);
const times: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < N + 200; i++) {
  const d = process.env.COLD ? draft : process.env.UNIQ ? `${draft.slice(0, -1)}${i}` : i % 2 ? draft : `${draft.slice(0, -1)}${String.fromCharCode(97 + (i % 26))}`;
  const message = process.env.COLD ? `${customer} ${i}` : customer;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  evaluateReply({ draft: d, customerMessages: [message], customer: { name: 'Dana Whitfield' }, standards: DEFAULT_PACK, now, receivedAt: now - 25 * 60_000 });
  const c = process.cpuUsage(c0);
  if (i >= 200) {
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
console.log('wall median', times[Math.floor(N / 2)]!.toFixed(2), 'p99', times[Math.floor(N * 0.99)]!.toFixed(2));
console.log('cpu  median', cpu[Math.floor(N / 2)]!.toFixed(2), 'p99', cpu[Math.floor(N * 0.99)]!.toFixed(2));
