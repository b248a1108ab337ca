#!/usr/bin/env node
/**
 * Presentation mode's page mask (lib/page/page-mask.ts, issue #16): how long it takes on a big
 * helpdesk page. Bundles the module with esbuild, runs it in the system Chromium on the demo Zendesk
 * workspace (no extension) after growing ticket 102's conversation to N copies of its messages, and
 * prints JSON:
 *  - nodes: elements + text nodes in the page;
 *  - startMs: maskPage() — presentation mode switched on: the first full scan (median of RUNS);
 *  - switchMs: setRequester() for another customer — unmask and scan again (median);
 *  - appendMs: appending 20 messages, with the mask's observer marking them before the next task,
 *    minus the same append without the mask (median): what each burst of new content costs.
 * Options: --copies N (default 400), --runs N (default 9).
 */
import { build } from 'esbuild';
import { launchWithExtension } from './lib/browser.mjs';
import { startDemoHelpdesk } from '../demo/server.mjs';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const copies = opt('--copies', 400);
const runs = opt('--runs', 9);

const bundle = await build({
  stdin: {
    contents: "import { maskPage } from './lib/page/page-mask'; import { zendesk } from './lib/helpdesks/zendesk'; globalThis.__mask = { maskPage, selectors: zendesk.requesterOnPage };",
    resolveDir: resolve('.'),
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  write: false,
});

const server = await startDemoHelpdesk({ port: 0 });
// The extension is loaded but not used here: the module runs in the page's own world.
const context = await launchWithExtension({ extensionPath: '.output/chrome-mv3', port: server.port });
try {
  const page = await context.newPage();
  await page.goto('https://bench.zendesk.com/agent/tickets/102');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const result = await page.evaluate(
    async ({ copies, runs }) => {
      const { maskPage, selectors } = globalThis.__mask;
      const log = document.querySelector('[data-ticket-id="102"] [data-test-id="omni-log-container"]');
      const items = [...log.querySelectorAll('[data-test-id="omni-log-comment-item"]')];
      for (let i = 0; i < copies; i++) for (const item of items) log.append(item.cloneNode(true));
      const nodes = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      let count = 0;
      while (nodes.nextNode()) count++;
      const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const start = [];
      const change = [];
      const append = [];
      const appendBare = [];
      const burst = () => {
        const t = performance.now();
        for (let i = 0; i < 20; i++) log.append(items[i % items.length].cloneNode(true));
        return t;
      };
      const settle = () => new Promise((r) => setTimeout(r, 0));
      for (let r = 0; r < runs; r++) {
        let t = performance.now();
        const mask = maskPage(document, selectors, { name: 'Sam Rivera', email: 'sam.rivera@example.com' });
        start.push(performance.now() - t);
        t = performance.now();
        mask.setRequester({ name: 'Dana Whitfield', email: 'dana.whitfield@example.com' });
        change.push(performance.now() - t);
        t = burst();
        await Promise.resolve(); // the observer's callback runs at this microtask checkpoint
        append.push(performance.now() - t);
        mask.stop();
        await settle();
        t = burst();
        await Promise.resolve();
        appendBare.push(performance.now() - t);
        await settle();
      }
      const marked = (() => {
        const mask = maskPage(document, selectors);
        mask.setRequester({ name: 'Sam Rivera' });
        const n = document.querySelectorAll('[data-rapport-masked]').length;
        mask.stop();
        return n;
      })();
      return { nodes: count, marked, startMs: median(start), switchMs: median(change), appendMs: Math.max(0, median(append) - median(appendBare)) };
    },
    { copies, runs },
  );
  const round = (x) => Math.round(x * 10) / 10;
  console.log(JSON.stringify({ copies, runs, ...result, startMs: round(result.startMs), switchMs: round(result.switchMs), appendMs: round(result.appendMs) }, null, 2));
} finally {
  await context.close();
  await server.close();
}
