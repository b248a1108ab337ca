#!/usr/bin/env node
/**
 * Import benchmark (issue #14): Rapport's import of a large bundle ÷ bare IndexedDB puts of the same
 * rows, measured side by side in one browser run. Prints JSON.
 *  - the profile is seeded (scripts/lib/large-data.mjs) and exported through the Data view: the bundle;
 *  - then rounds alternate "import, then baseline" and "baseline, then import":
 *    import: file chosen → preview → confirm → done, through the Data view, with its phases
 *      (read + check, preview plan, apply = plan again + write in one transaction);
 *    baseline: an extension page reads the schema of Rapport's database as it is (stores, key paths,
 *      indexes), creates a fresh database with the same, and puts the rows Rapport's import stored into
 *      it in ONE read-write transaction, timed from the first put to `complete`;
 *  - ratio = import ÷ baseline (median of rounds); target ≤ 1.5;
 *  - one more import with a forced GC every second: peak live heap (target ≤ 200 MB).
 * Options: --customers N (default 50000), --records N (default 500000), --rounds N (default 2),
 * --no-build, --no-live-heap (skip the heap run).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension, extensionId } from './lib/browser.mjs';
import { startDemoHelpdesk } from '../demo/server.mjs';
import { seed, withHeapPeak } from './lib/large-data.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const CUSTOMERS = opt('--customers', 50_000);
const RECORDS = opt('--records', 500_000);
const ROUNDS = opt('--rounds', 2);
const TIMEOUT = 10 * 60_000;
const log = (what) => process.stderr.write(`bench-import: ${what}\n`);
const MB = 1024 * 1024;
const ext = resolve('.output/chrome-mv3');
if (!args.includes('--no-build') || !existsSync(join(ext, 'manifest.json'))) execSync('npx wxt build', { stdio: ['ignore', 'ignore', 'inherit'] });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Seeds Rapport's database and exports it through the Data view; answers the bundle's path. */
async function makeBundle(context, base, dir) {
  const page = await context.newPage();
  await page.goto(`${base}/popup.html`);
  await page.waitForTimeout(500);
  const seeded = await seed(page, CUSTOMERS, RECORDS);
  await page.goto(`${base}/dashboard.html#data`);
  await page.waitForSelector('[data-testid="export"]');
  const path = join(dir, 'bundle.json');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('[data-testid="export"]')]);
  await download.saveAs(path);
  await page.close();
  return { path, seeded };
}

/** Empties every store of Rapport's database (as a fresh profile has it), from an extension page. */
async function emptyRapport(context, base) {
  const page = await context.newPage();
  // A page of the extension's origin that runs no script of its own.
  await page.goto(`${base}/manifest.json`);
  await page.evaluate(
    () =>
      new Promise((res, rej) => {
        const r = indexedDB.open('rapport');
        r.onerror = () => rej(r.error);
        r.onsuccess = () => {
          const idb = r.result;
          const tx = idb.transaction([...idb.objectStoreNames], 'readwrite');
          for (const name of idb.objectStoreNames) tx.objectStore(name).clear();
          tx.oncomplete = () => (idb.close(), res());
          tx.onerror = () => rej(tx.error);
        };
      }),
  );
  await page.close();
}

/** Rapport's import through the Data view: file chosen → done. */
async function importOnce(page, base, bundlePath, live) {
  await page.goto('about:blank');
  await page.goto(`${base}/dashboard.html#data`);
  await page.waitForSelector('[data-testid="import-file"]');
  const run = await withHeapPeak(
    page,
    async () => {
      await page.setInputFiles('[data-testid="import-file"]', bundlePath);
      await page.waitForSelector('[data-testid="import-preview"], [data-testid="import-error"]', { timeout: TIMEOUT });
      const error = await page.$('[data-testid="import-error"]');
      if (error) throw new Error(`import refused: ${await error.textContent()}`);
      log('preview shown');
      await page.click('[data-testid="import-confirm"]');
      await page.waitForSelector('[data-testid="import-done"], [data-testid="import-error"]', { timeout: TIMEOUT });
      const failed = await page.$('[data-testid="import-error"]');
      if (failed) throw new Error(`import failed: ${await failed.textContent()}`);
    },
    { live },
  );
  const phases = await page.evaluate(() => {
    const done = document.querySelector('[data-testid="import-done"]');
    const [read, preview] = (done?.getAttribute('data-phases') ?? '').split(',').map(Number);
    const at = (m) => performance.getEntriesByName(`rapport:import:${m}`).at(-1)?.startTime ?? NaN;
    const inside = { plan: at('planned') - at('start'), write: at('written') - at('planned'), commit: at('committed') - at('written') };
    return { read, preview, apply: Number(done?.getAttribute('data-ms')), ...Object.fromEntries(Object.entries(inside).map(([k, v]) => [k, Math.round(v)])) };
  });
  return { ...run, phases };
}

/**
 * The baseline, in an extension page of the same origin: Rapport's schema read from its database as
 * it is, a fresh database with the same stores and indexes, and the rows Rapport's import stored put
 * into it in one read-write transaction.
 */
async function baselineOnce(context, base) {
  const page = await context.newPage();
  // A page of the extension's origin that runs no script of its own.
  await page.goto(`${base}/manifest.json`);
  const out = await page.evaluate(async () => {
    const req = (r) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
    const src = await req(indexedDB.open('rapport'));
    const names = [...src.objectStoreNames];
    const read = src.transaction(names, 'readonly');
    const schema = names.map((name) => {
      const os = read.objectStore(name);
      const indexes = [...os.indexNames].map((i) => {
        const ix = os.index(i);
        return { name: i, keyPath: ix.keyPath, unique: ix.unique, multiEntry: ix.multiEntry };
      });
      return { name, keyPath: os.keyPath, autoIncrement: os.autoIncrement, indexes };
    });
    const rows = {};
    for (const name of names) rows[name] = await req(read.objectStore(name).getAll());
    src.close();
    const NAME = 'rapport-bench-baseline';
    await req(indexedDB.deleteDatabase(NAME));
    const open = indexedDB.open(NAME, 1);
    open.onupgradeneeded = () => {
      for (const s of schema) {
        const os = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const i of s.indexes) os.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
    };
    const dst = await req(open);
    const started = performance.now();
    await new Promise((res, rej) => {
      const tx = dst.transaction(names, 'readwrite');
      for (const name of names) {
        const os = tx.objectStore(name);
        for (const row of rows[name]) os.put(row);
      }
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
      tx.onabort = () => rej(tx.error);
    });
    const ms = performance.now() - started;
    dst.close();
    await req(indexedDB.deleteDatabase(NAME));
    const counts = Object.fromEntries(names.filter((n) => rows[n].length).map((n) => [n, rows[n].length]));
    return { ms: Math.round(ms), rows: Object.values(counts).reduce((a, b) => a + b, 0), counts, indexes: schema.reduce((n, s) => n + s.indexes.length, 0) };
  });
  await page.close();
  return out;
}

async function main() {
  const server = await startDemoHelpdesk({ port: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-imp-'));
  const profile = mkdtempSync(join(tmpdir(), 'rapport-bench-imp-b-'));
  const result = { customers: CUSTOMERS, records: RECORDS, targets: { ratio: 1.5, peakLiveHeapMB: 200 }, loadAverageBefore: loadavg().map((x) => Math.round(x * 10) / 10) };
  let context;
  try {
    // One profile: seeded, exported, then emptied store by store before each import (an empty
    // profile, as far as Rapport's database goes).
    context = await launchWithExtension({ extensionPath: ext, port: server.port, headless: true, userDataDir: profile });
    const base = `chrome-extension://${await extensionId(context)}`;
    const t = Date.now();
    const bundle = await makeBundle(context, base, dir);
    result.seedAndExportMs = Date.now() - t;
    result.seeded = bundle.seeded;
    result.fileMB = Math.round(statSync(bundle.path).size / MB);
    context.on('close', () => log('browser closed'));
    const page = await context.newPage();
    page.on('crash', () => log('page crashed'));
    page.on('console', (m) => m.type() === 'error' && log(`page: ${m.text().slice(0, 300)}`));
    page.on('pageerror', (e) => log(`page error: ${String(e).slice(0, 300)}`));
    result.rounds = [];
    // Round 0: import into the empty profile, then the baseline of its rows; round 1: the baseline
    // (rows still from the last import), then empty and import; and so on, alternating.
    for (let round = 0; round < ROUNDS; round++) {
      const entry = { order: round % 2 ? 'baseline, import' : 'import, baseline' };
      log(`round ${round}`);
      if (round % 2) entry.baseline = await baselineOnce(context, base);
      await emptyRapport(context, base);
      entry.import = await importOnce(page, base, bundle.path, false);
      if (!(round % 2)) entry.baseline = await baselineOnce(context, base);
      entry.ratio = Math.round((entry.import.ms / entry.baseline.ms) * 100) / 100;
      result.rounds.push(entry);
    }
    result.importMs = median(result.rounds.map((r) => r.import.ms));
    result.baselineMs = median(result.rounds.map((r) => r.baseline.ms));
    result.ratio = median(result.rounds.map((r) => r.ratio));
    if (!args.includes('--no-live-heap')) {
      await emptyRapport(context, base);
      const heap = await importOnce(page, base, bundle.path, true);
      result.heapRun = heap;
      result.peakLiveHeapMB = heap.peakLiveHeapMB;
    }
    result.pass = { ratio: result.ratio <= 1.5, heap: result.peakLiveHeapMB === undefined || result.peakLiveHeapMB <= 200 };
  } finally {
    await context?.close().catch(() => undefined);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
  result.loadAverage = loadavg().map((x) => Math.round(x * 10) / 10);
  console.log(JSON.stringify(result, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
