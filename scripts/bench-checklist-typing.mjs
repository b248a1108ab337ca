#!/usr/bin/env node
/**
 * Typing latency in the helpdesk composer with Rapport's live checklist (issues #4, #14): keystroke
 * (keydown's timeStamp) → the next animation frame, in the page, for 200 typed characters, on two
 * composers: the demo Zendesk's real CKEditor 5 and the demo Freshdesk's plain contenteditable.
 *   npx wxt build && node scripts/bench-checklist-typing.mjs   → JSON on stdout
 *
 * Modes, alternated (`--reps N`, default 3) to spread machine noise:
 *  - `without`: no extension;
 *  - `with`: Rapport running, its sidebar in its extension frame (issue #15);
 *  - `staticFrame`: no extension; a static, script-free copy of the sidebar (the markup and CSS of the
 *    previous `with` run's frame document, as a declarative shadow root) in a cross-site iframe of
 *    the same size and place — an out-of-process frame, as Rapport's extension frame is — with the
 *    page narrowed the same. The HEADLINE ratio is with ÷ staticFrame (target ≤ 1.02, median and
 *    trimmed mean): it isolates what Rapport's code costs from what any docked frame of that size
 *    costs the page's compositor. with ÷ without is reported beside it.
 *
 * Rhythm (`--rhythm human`, the default): gaps drawn from a seeded generator, the same for every
 * mode — 50–160 ms between letters, 150–500 ms after a space, 250–700 ms after punctuation — so the
 * checklist re-evaluates in some pauses and not in others, as it does for a person. `--rhythm fixed`
 * is the earlier rhythm (60 ms, 160 ms after a space). `--composer ckeditor|plain` runs one only.
 *
 * The headline figure is keydown → the next animation frame; `toNextPaint` also times keydown → the
 * end of that frame's rendering (a message posted from the frame callback), for comparison.
 *
 * `--against PATH`: another built extension, run as mode `against` alternated with `with` (A/B, same
 * page, same rhythm), reported as with ÷ against; the static-frame and no-extension modes are skipped.
 * Each run also reads the renderer's main-thread CPU (CDP Performance.getMetrics: ScriptDuration and
 * TaskDuration, before and after typing) per typed character — time spent, not waited for, so it moves
 * less with the machine's scheduling than the latency does.
 *
 * Page timers are coarsened to 0.1 ms, so on a ~2.4 ms base the median moves in 4% steps: the 10%
 * trimmed mean (mean of the middle 80%) is reported beside it as the finer figure.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, demoComposersReady, findChromium, launchWithExtension } from './lib/browser.mjs';
import { startDemoHelpdesk } from '../demo/server.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RHYTHM = arg('--rhythm', 'human');
if (!['human', 'fixed'].includes(RHYTHM)) throw new Error('--rhythm is human or fixed');
const REPS = Number(arg('--reps', '3')) || 3;
/** A windowed Chromium (run under a display, e.g. `xvfb-run -a`), whose frames follow the display's refresh. */
const HEADED = args.includes('--headed');
/** `--ext PATH`: another built extension (e.g. an older build) to compare with. */
const ext = resolve(arg('--ext', '.output/chrome-mv3'));
const against = args.includes('--against') ? resolve(arg('--against')) : undefined;
const CHARS = Number(arg('--chars', '200')) || 200;
const TEXT = "Hi Dana, I'm so sorry you were charged twice for March. I've refunded the duplicate charge today; you'll see it within 3 days. ".repeat(3).slice(0, CHARS);
/** The docked sidebar's default width at 1440 px (lib/page/dock.ts DOCK.width): the static copy takes the same room. */
const WIDTH = 300;
/** `--shots DIR`: a screenshot at the end of each mode's first run, to see what was measured. */
const SHOTS = arg('--shots');

/** The two composers: the demo Zendesk's real CKEditor 5, and the demo Freshdesk's plain contenteditable. */
const COMPOSERS = {
  ckeditor: {
    url: 'https://acme.zendesk.com/agent/tickets/101',
    editor: '[data-ticket-id="101"] [data-test-id="omnicomposer-rich-text-ckeditor"]',
    // A cross-site origin for the static copy's frame (the demo server maps *.freshdesk.com too).
    staticOrigin: 'https://bench-static.freshdesk.com',
  },
  plain: {
    url: 'https://acme.freshdesk.com/a/tickets/41',
    editor: '.rich-editor .fr-element.fr-view[contenteditable="true"]',
    staticOrigin: 'https://bench-static.zendesk.com',
  },
};
const only = arg('--composer');
const composers = only ? [only] : Object.keys(COMPOSERS);

/** Rapport's sidebar frame. */
const sidebarDoc = (page) => page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/sidebar\.html/.test(f.url()));

/** Milliseconds to wait after each character: the same list for every mode of a run. */
function gaps() {
  if (RHYTHM === 'fixed') return [...TEXT].map((c) => (c === ' ' ? 160 : 60));
  let seed = 20261125;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return [...TEXT].map((c) => Math.round(c === ' ' ? 150 + random() * 350 : /[.,;!?]/.test(c) ? 250 + random() * 450 : 50 + random() * 110));
}
const GAPS = gaps();

/** The frame document as static HTML: its head's style and the sidebar's shadow root, declaratively, with no script. */
function frameHtml() {
  const root = document.getElementById('app').shadowRoot;
  // The frame's own page CSS (not customer text); `<` cannot occur in it, so it is kept as written.
  const headStyle = [...document.head.querySelectorAll('style')].map((s) => `<style>${s.textContent}</style>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${headStyle}</head><body><div id="app"><template shadowrootmode="open">${root.getHTML()}</template></div></body></html>`;
}

/** Docks a frame of the static copy at the right edge and narrows the page, as Rapport does. */
function dockStaticFrame({ src, width }) {
  const style = document.createElement('style');
  style.textContent = `html { margin-right: ${width}px !important; }`;
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = 'static copy';
  frame.style.cssText = `position:fixed;top:0;right:0;bottom:0;width:${width}px;height:100%;border:0;margin:0;z-index:2147483000;display:block;box-shadow:0 0 0 1px rgba(16,24,40,.04),-6px 0 24px rgba(16,24,40,.08)`;
  document.head.append(style);
  document.documentElement.append(frame);
  return new Promise((done) => frame.addEventListener('load', () => done(), { once: true }));
}

/** The sidebar frame's document at the end of the last `with` run, per composer, for `staticFrame`. */
const copies = {};

async function launch(mode, port, profile) {
  const { chromium } = await import('playwright-core');
  const extensionPath = mode === 'against' ? against : ext;
  return mode === 'with' || mode === 'against'
    ? launchWithExtension({ extensionPath, port, userDataDir: profile, headless: !HEADED })
    : chromium.launchPersistentContext(profile, {
        executablePath: findChromium(),
        headless: !HEADED,
        viewport: { width: 1440, height: 900 },
        args: chromiumArgs({ extensionPath: ext, port }).filter((a) => !a.includes('extension')),
      });
}

/** The page renderer's main-thread script and task time so far, in seconds (CDP Performance domain). */
async function mainThreadSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { script: value('ScriptDuration'), task: value('TaskDuration') };
}

/** Records keydown → next animation frame (and → the end of that frame's rendering) in the page. */
function recordLatency() {
  const w = window;
  w.__lat = [];
  w.__paint = [];
  // The frame's callbacks run before its style, layout and paint; a message posted from them is
  // handled once that rendering is done (the usual in-page "next paint" measure).
  const channel = new MessageChannel();
  const pending = [];
  channel.port1.onmessage = () => {
    const start = pending.shift();
    if (start !== undefined) w.__paint.push(performance.now() - start);
  };
  document.addEventListener(
    'keydown',
    (e) =>
      requestAnimationFrame(() => {
        w.__lat.push(performance.now() - e.timeStamp);
        pending.push(e.timeStamp);
        channel.port2.postMessage(0);
      }),
    true,
  );
}

async function measure(mode, composer, port) {
  const { url, editor, staticOrigin } = COMPOSERS[composer];
  const profile = mkdtempSync(join(tmpdir(), 'rapport-typing-'));
  const context = await launch(mode, port, profile);
  const withExtension = mode === 'with' || mode === 'against';
  try {
    if (mode === 'staticFrame') {
      const html = copies[composer];
      if (!html) throw new Error('staticFrame needs a `with` run first');
      await context.route(`${staticOrigin}/sidebar-copy`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    }
    const page = await context.newPage();
    await page.goto(url);
    await demoComposersReady(page); // the Zendesk composer is the real CKEditor 5, started after the page
    if (withExtension) {
      await page.locator('rapport-sidebar').waitFor({ state: 'attached', timeout: 15_000 });
      await page.waitForFunction(() => document.documentElement.classList.contains('rapport-docked'));
      for (let i = 0; i < 300 && !sidebarDoc(page); i++) await page.waitForTimeout(50);
      await sidebarDoc(page).locator('[data-testid="customer-name"]').waitFor({ timeout: 15_000 });
    }
    if (mode === 'staticFrame') await page.evaluate(dockStaticFrame, { src: `${staticOrigin}/sidebar-copy`, width: WIDTH });
    await page.locator(editor).click();
    await page.evaluate(recordLatency);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await mainThreadSeconds(cdp);
    for (let i = 0; i < TEXT.length; i++) {
      await page.keyboard.type(TEXT[i]);
      await page.waitForTimeout(GAPS[i]);
    }
    await page.waitForTimeout(400);
    const after = await mainThreadSeconds(cdp);
    const cpu = { scriptMsPerChar: ((after.script - before.script) * 1000) / TEXT.length, taskMsPerChar: ((after.task - before.task) * 1000) / TEXT.length };
    const { lat, paint } = await page.evaluate(() => ({ lat: window.__lat, paint: window.__paint }));
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `typing-${composer}-${mode}.png`) });
    let states = 0;
    if (mode === 'with') {
      const frame = sidebarDoc(page);
      states = await frame.locator('[data-rule][data-state]').count();
      copies[composer] = await frame.evaluate(frameHtml);
    }
    return { lat, paint, states, cpu };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] * 100) / 100;
  const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;
  const cut = Math.floor(s.length * 0.1);
  return {
    keys: s.length,
    medianMs: at(0.5),
    trimmedMeanMs: Math.round(mean(s.slice(cut, s.length - cut)) * 1000) / 1000,
    p95Ms: at(0.95),
    meanMs: Math.round(mean(s) * 100) / 100,
  };
};
const ratio = (a, b) => Math.round((a / b) * 1000) / 1000;
const ratios = (a, b) => ({ median: ratio(a.medianMs, b.medianMs), trimmedMean: ratio(a.trimmedMeanMs, b.trimmedMeanMs), mean: ratio(a.meanMs, b.meanMs) });

/** One composer's figures: every mode alternated REPS times (`with` first, so the copy exists). */
async function benchComposer(composer, port) {
  const runs = [];
  for (let rep = 0; rep < REPS; rep++) for (const mode of ['with', 'staticFrame', 'without']) runs.push({ mode, ...(await measure(mode, composer, port)) });
  const of = (mode, metric = 'lat') => stats(runs.filter((r) => r.mode === mode).flatMap((r) => r[metric]));
  const [withR, staticR, without] = [of('with'), of('staticFrame'), of('without')];
  const vsStatic = ratios(withR, staticR);
  return {
    with: withR,
    staticFrame: staticR,
    without,
    cpu: { with: cpuStats(runs.filter((r) => r.mode === 'with')), staticFrame: cpuStats(runs.filter((r) => r.mode === 'staticFrame')), without: cpuStats(runs.filter((r) => r.mode === 'without')) },
    checklistItemsShown: runs.find((r) => r.mode === 'with')?.states,
    withVsStaticFrame: { ...vsStatic, target: 1.02, pass: vsStatic.median <= 1.02 && vsStatic.trimmedMean <= 1.02 },
    withVsWithout: ratios(withR, without),
    staticFrameVsWithout: ratios(staticR, without),
    // Keystroke → the end of that frame's rendering (style, layout, paint), for comparison.
    toNextPaint: { withVsStaticFrame: ratios(of('with', 'paint'), of('staticFrame', 'paint')), withVsWithout: ratios(of('with', 'paint'), of('without', 'paint')) },
  };
}

/** Mean and a 95% interval (normal approximation over runs) of the per-run CPU figures of one mode. */
function cpuStats(runs) {
  const of = (key) => {
    const xs = runs.map((r) => r.cpu[key]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1));
    const half = (1.96 * sd) / Math.sqrt(xs.length);
    return { mean: Math.round(mean * 1000) / 1000, ci95: [Math.round((mean - half) * 1000) / 1000, Math.round((mean + half) * 1000) / 1000] };
  };
  return { scriptMsPerChar: of('scriptMsPerChar'), taskMsPerChar: of('taskMsPerChar') };
}

/** A/B: this build (`with`) and `--against` alternated REPS times on one composer; latency and CPU. */
async function benchAgainst(composer, port) {
  const runs = [];
  for (let rep = 0; rep < REPS; rep++) for (const mode of rep % 2 ? ['against', 'with'] : ['with', 'against']) runs.push({ mode, ...(await measure(mode, composer, port)) });
  const of = (mode) => stats(runs.filter((r) => r.mode === mode).flatMap((r) => r.lat));
  const cpu = (mode) => cpuStats(runs.filter((r) => r.mode === mode));
  const [a, b] = [cpu('with'), cpu('against')];
  return {
    with: { latency: of('with'), cpu: a, perRunTrimmedMeanMs: runs.filter((r) => r.mode === 'with').map((r) => stats(r.lat).trimmedMeanMs) },
    against: { latency: of('against'), cpu: b, perRunTrimmedMeanMs: runs.filter((r) => r.mode === 'against').map((r) => stats(r.lat).trimmedMeanMs) },
    withVsAgainst: { ...ratios(of('with'), of('against')), scriptCpu: ratio(a.scriptMsPerChar.mean, b.scriptMsPerChar.mean), taskCpu: ratio(a.taskMsPerChar.mean, b.taskMsPerChar.mean) },
  };
}

const server = await startDemoHelpdesk({ port: 0 });
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
try {
  const result = { typedChars: CHARS, rhythm: RHYTHM, reps: REPS, browser: HEADED ? 'headed' : 'headless', typingSeconds: Math.round(GAPS.reduce((a, b) => a + b, 0) / 100) / 10 };
  if (against) {
    result.against = against;
    for (const composer of composers) result[composer] = await benchAgainst(composer, server.port);
  } else {
    for (const composer of composers) result[composer] = await benchComposer(composer, server.port);
    result.pass = composers.every((c) => result[c].withVsStaticFrame.pass);
  }
  console.log(JSON.stringify(result, null, 2));
} finally {
  await server.close();
}
