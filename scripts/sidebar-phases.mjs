#!/usr/bin/env node
/**
 * Where the time to sidebar goes on a fresh, server-rendered page (demo ticket #102), phase by
 * phase, for one or more built extensions side by side (loads alternate between them):
 *   node scripts/sidebar-phases.mjs RUNS EXT_DIR [EXT_DIR…]     e.g. 25 .output/chrome-mv3
 * Prints, per build, medians/p95 of: frameStartFromNav (the frame's navigation, from the page's),
 * custFromNav (requester parsed), frameLoad (frame navigation → its script runs), s2m (script → the
 * content script's nonce offer arrives), m2d (offer → first state), d2n (state → name drawn),
 * total (from DOMContentLoaded), fromPane (from the ticket pane's insertion). Stamps: the bench probe
 * (scripts/lib/sidebar-probe.mjs) plus, in the frame only, attachShadow / first window message / first
 * MessagePort message (since the early offer, `msg` is when the frame's first script got the offer,
 * which may come before the app's script: s2m negative). The five slowest loads are printed too.
 * A diagnostic for docs/architecture.md, not a target.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension, extensionId } from './lib/browser.mjs';
import { startDemoHelpdesk } from '../demo/server.mjs';
import { probe, sidebarFrame, stamps, stats } from './lib/sidebar-probe.mjs';

const runs = Number(process.argv[2] ?? 25);
if (process.argv.length < 4) process.argv.push('.output/chrome-mv3');
const exts = process.argv.slice(3).map((p) => resolve(p));
const extra = `(() => { if (location.protocol !== 'chrome-extension:') return;
  const t = (window.__diag = { origin: performance.timeOrigin });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (i) { if (!t.script) t.script = performance.timeOrigin + performance.now(); return attach.call(this, i); };
  const ael = MessagePort.prototype.addEventListener;
  t.n = 0;
  MessagePort.prototype.addEventListener = function (type, fn, o) { return ael.call(this, type, function (e) { t.n++; if (!t.data) t.data = performance.timeOrigin + performance.now(); return fn.call(this, e); }, o); };
  const d = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  Object.defineProperty(MessagePort.prototype, 'onmessage', { set(fn) { d.set.call(this, function (e) { t.n++; if (!t.data) t.data = performance.timeOrigin + performance.now(); return fn.call(this, e); }); }, get() { return d.get.call(this); } });
  addEventListener('message', () => { if (!t.msg) t.msg = performance.timeOrigin + performance.now(); }, true);
})();`;
const server = await startDemoHelpdesk({ port: 0 });
const sides = [];
for (const ext of exts) {
  const profile = mkdtempSync(join(tmpdir(), 'rapport-diag-'));
  const context = await launchWithExtension({ extensionPath: ext, port: server.port, headless: true, userDataDir: profile });
  await extensionId(context);
  await context.addInitScript(probe);
  await context.addInitScript(extra);
  sides.push({ ext, context, profile, rows: [] });
}
const url = 'https://demo.zendesk.com/agent/tickets/102';
const once = async (context) => {
  const page = await context.newPage();
  await page.goto(url);
  const t = await stamps(page);
  const f = await sidebarFrame(page).evaluate(() => ({ ...window.__diag }));
  await page.close();
  const r = (x) => Math.round(x);
  return { fs: r(f.origin - t.origin), cust: r(t.customer - t.origin), total: r(t.sidebar - t.dcl), fromPane: r(t.sidebar - t.pane), frameLoad: r(f.script - f.origin), frameStart: r(f.origin - t.dcl), script: r(f.script - t.dcl), data: f.data ? r(f.data - t.dcl) : null, s2m: r(f.msg - f.script), m2d: r(f.data - f.msg), d2n: r(t.sidebar - f.data) };
};
try {
  for (const side of sides) for (let i = 0; i < 2; i++) await once(side.context);
  for (let i = 0; i < runs; i++) for (const side of i % 2 ? [...sides].reverse() : sides) side.rows.push(await once(side.context));
  for (const side of sides) {
    // The slowest loads, phase by phase: where the tail comes from.
    for (const r of [...side.rows].sort((x, y) => y.total - x.total).slice(0, 5)) console.log('  slow', JSON.stringify(r));
    console.log(side.ext, 's2m', JSON.stringify(stats(side.rows.map((r) => r.s2m))), 'm2d', JSON.stringify(stats(side.rows.map((r) => r.m2d))), 'd2n', JSON.stringify(stats(side.rows.map((r) => r.d2n))), 'frameStartFromNav', JSON.stringify(stats(side.rows.map((r) => r.fs))), 'custFromNav', JSON.stringify(stats(side.rows.map((r) => r.cust))), 'total', JSON.stringify(stats(side.rows.map((r) => r.total))), 'fromPane', JSON.stringify(stats(side.rows.map((r) => r.fromPane))), 'frameLoad', JSON.stringify(stats(side.rows.map((r) => r.frameLoad))), 'data', JSON.stringify(stats(side.rows.map((r) => r.data))));
  }
} finally {
  for (const side of sides) { await side.context.close(); rmSync(side.profile, { recursive: true, force: true }); }
  await server.close();
}
