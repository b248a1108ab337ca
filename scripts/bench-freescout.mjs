#!/usr/bin/env node
/**
 * Time to sidebar on a REAL helpdesk (issues #13, #15): FreeScout 1.8.145, server-rendered — every
 * conversation is a full page load, so Rapport's sidebar frame starts from nothing each time, the
 * case the demo's single-page Zendesk hides. Prints JSON:
 *  - afterTicketDom: DOMContentLoaded (the conversation's DOM complete) → the sidebar shows the
 *    customer's name, over RUNS loads of three seeded conversations in turn (target ≤ 50 ms p95);
 *  - fromNavigationStart: the same end, from the navigation's start (the page's own load included);
 *  - historyRead: the customer's profile page (their past conversations, lib/helpdesks/freescout.ts
 *    freescoutHistory) parsed inert and read in the signed-in page, as the content script does once
 *    per customer per 5 minutes: Carol's page as served, and grown to FreeScout's 50 rows a page by
 *    repeating her rows (fetch excluded: that is the server's time).
 * Starts FreeScout with scripts/freescout.sh (PHP 8.2 + MariaDB; prints {"skipped": why} without
 * them), adds it on the options page as an agent does, and signs in as the seeded agent.
 * Options: --runs N (default 30), --no-build.
 */
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addHelpdeskOnOptions, extensionId, grantHost, launchWithExtension, signInToFreescout } from './lib/browser.mjs';
import { probeFor, stamps, stats } from './lib/sidebar-probe.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 30;
const ext = resolve(args.includes('--ext') ? args[args.indexOf('--ext') + 1] : '.output/chrome-mv3');
if ((!args.includes('--no-build') && !args.includes('--ext')) || !existsSync(join(ext, 'manifest.json'))) execSync('npx wxt build', { stdio: ['ignore', 'ignore', 'inherit'] });

const SCRIPT = resolve('scripts/freescout.sh');
const check = spawnSync('bash', [SCRIPT, 'check'], { encoding: 'utf8' });
if (check.status !== 0) {
  console.log(JSON.stringify({ skipped: `FreeScout cannot run here: ${check.stdout.trim() || check.stderr.trim()}` }));
  process.exit(0);
}
const env = { ...process.env, FS_PORT: '18950', DB_PORT: '19950' };
const out = execFileSync('bash', [SCRIPT, 'start'], { env, encoding: 'utf8', timeout: 240_000, stdio: ['ignore', 'pipe', 'inherit'] });
const ready = out.trim().split('\n').at(-1).match(/^ready (\S+) (.*)$/);
if (!ready) throw new Error(`scripts/freescout.sh start said: ${out}`);
const [base, seed] = [ready[1], JSON.parse(ready[2])];

const profile = mkdtempSync(join(tmpdir(), 'rapport-bench-fs-'));
const context = await launchWithExtension({ extensionPath: ext, port: 1, headless: true, userDataDir: profile });
try {
  const id = await extensionId(context);
  await grantHost(context, id, base);
  await (await addHelpdeskOnOptions(context, id, `${base}/*`, 'freescout')).close();
  // `customer`: FreeScout's customer card link (lib/helpdesks/freescout.ts, S.customerName) parsed.
  await context.addInitScript(probeFor('#conv-layout-customer a.customer-name'));
  const conversations = [seed.carolRefund, seed.dan, seed.sam];
  const warm = await context.newPage();
  await signInToFreescout(warm, base);
  for (const c of conversations) {
    await warm.goto(`${base}/conversation/${c}`);
    await stamps(warm); // each customer's record exists before the timed loads
  }
  const historyRead = await timeHistoryRead(warm, base, seed.carolRefund);
  await warm.close();

  const fromStart = [];
  const afterDom = [];
  const afterCustomer = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(`${base}/conversation/${conversations[i % conversations.length]}`);
    const t = await stamps(page);
    fromStart.push(t.sidebar - t.origin);
    afterDom.push(t.sidebar - t.dcl);
    afterCustomer.push(t.sidebar - t.customer);
    if (process.env.BENCH_VERBOSE) console.error(JSON.stringify({ run: i, afterDom: Math.round(t.sidebar - t.dcl), dcl: Math.round(t.dcl - t.origin), sidebar: Math.round(t.sidebar - t.origin) }));
    await page.close();
  }
  console.log(
    JSON.stringify(
      {
        helpdesk: 'FreeScout 1.8.145 (PHP built-in server, MariaDB), server-rendered conversation pages',
        afterTicketDom: { ...stats(afterDom), targetP95: 50, measuredFrom: 'DOMContentLoaded (conversation DOM complete)' },
        afterCustomerParsed: { ...stats(afterCustomer), measuredFrom: "the customer card's name parsed (the sidebar cannot show the customer sooner)" },
        fromNavigationStart: stats(fromStart),
        historyRead,
        to: 'sidebar shows the customer name',
      },
      null,
      2,
    ),
  );
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  execFileSync('bash', [SCRIPT, 'stop'], { env, stdio: 'ignore' });
}

/** Parse + read time of a profile page in the real page (the reader bundled as the extension bundles it). */
async function timeHistoryRead(page, base, conversation) {
  const { buildSync } = await import('esbuild');
  const bundle = buildSync({ entryPoints: ['lib/helpdesks/freescout.ts'], bundle: true, write: false, format: 'iife', globalName: '__fs', alias: { '@': resolve('.') } });
  await page.goto(`${base}/conversation/${conversation}`);
  await page.evaluate(`${bundle.outputFiles[0].text}; window.__fs = __fs;`); // through the debugger, which FreeScout's CSP does not govern
  return page.evaluate(async (n) => {
    const customerId = document.querySelector('#conv-layout-customer a.customer-name').getAttribute('href').match(/customers\/(\d+)/)[1];
    const served = await (await fetch(`/customers/${customerId}/`, { credentials: 'same-origin' })).text();
    const rows = served.match(/<tr class="conv-row[\s\S]*?<\/tr>/g) ?? [];
    const grown = served.replace(/(<tbody>)/, `$1${Array.from({ length: Math.ceil(50 / rows.length) - 1 }, () => rows.join('')).join('')}`);
    const time = (html) => {
      const ms = [];
      let read;
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        read = window.__fs.freescoutHistory.read(new DOMParser().parseFromString(html, 'text/html'), customerId, Date.now());
        ms.push(performance.now() - t0);
      }
      ms.sort((a, b) => a - b);
      return { rows: read?.length ?? 0, bytes: html.length, medianMs: +ms[n >> 1].toFixed(2), p95Ms: +ms[Math.floor(n * 0.95)].toFixed(2) };
    };
    return { asServed: time(served), fiftyRows: time(grown) };
  }, 40);
}
