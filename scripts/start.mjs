#!/usr/bin/env node
/**
 * npm start — Rapport on the demo helpdesk, in the system Chromium.
 *
 * Builds the extension (skip with --no-build), starts the demo helpdesk (demo/server.mjs), and opens
 * https://demo.zendesk.com/agent/tickets/102 in Chromium with the built extension and a profile
 * kept in .rapport-profile/ (so notes survive restarts).
 *
 * - With a screen (and no --headless): prints the demo URLs and runs until you close the browser
 *   or press Ctrl+C.
 * - Headless (`npm start -- --headless`, or Linux without a display): waits up to 15 s for the
 *   sidebar to show the customer, saves .output/screenshots/demo-ticket.png, prints its path and
 *   exits 0; exits 1 if the sidebar never appears.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeDemoUrls, startDemoHelpdesk } from '../demo/server.mjs';
import { extensionId, launchWithExtension } from './lib/browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const PROFILE = join(ROOT, '.rapport-profile');
const START_URL = 'https://demo.zendesk.com/agent/tickets/102';
const SCREENSHOT = join(ROOT, '.output', 'screenshots', 'demo-ticket.png');
const SIDEBAR_NAME = '[data-testid="customer-name"]';
/** The sidebar renders in Rapport's own extension frame (issue #15); find it by its URL. */
const sidebarFrame = (page) => page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/sidebar\.html/.test(f.url()));
const SIDEBAR_TIMEOUT_MS = 15_000;

const args = process.argv.slice(2);
const noScreen = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = args.includes('--headless') || noScreen;

// Progress goes to stderr; stdout carries only what a caller may want (the screenshot path).
const say = (line) => process.stderr.write(`${line}\n`);

function fail(message) {
  say(`\nnpm start: ${message}`);
  process.exit(1);
}

if (!args.includes('--no-build')) {
  say('Building the extension (npx wxt build)…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (build.error) fail(`Could not run the build: ${build.error.message}`);
  if (build.status !== 0) fail('The build failed (see above). Fix it, or pass --no-build to use the last build.');
}
if (!existsSync(join(EXTENSION, 'manifest.json'))) fail(`No built extension in ${EXTENSION}. Run npm start without --no-build.`);

const server = await startDemoHelpdesk();
let context;
let closing = false;
async function shutdown(code) {
  if (closing) return;
  closing = true;
  await context?.close().catch(() => {});
  await server.close();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(130));
process.on('SIGTERM', () => shutdown(143));

/** The sidebar's text, shadow roots included (the app renders in an open one). */
const sidebarText = (frame) =>
  frame.evaluate(() => {
    const text = (root) => [...root.querySelectorAll('*')].map((el) => (el.shadowRoot ? text(el.shadowRoot) : '')).join('') + (root.textContent ?? '');
    return text(document);
  });

/** Waits until the sidebar's text stays the same for 600 ms, or `until` passes; says which. */
async function settled(frame, until) {
  let last = await sidebarText(frame);
  let since = Date.now();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await sidebarText(frame);
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since >= 600) return true;
  }
  return false;
}

try {
  context = await launchWithExtension({ extensionPath: EXTENSION, port: server.port, headless, userDataDir: PROFILE });
} catch (error) {
  await server.close();
  const inUse = /ProcessSingleton|SingletonLock|profile.*(in use|locked)/i.test(String(error?.message));
  fail(
    inUse
      ? `The profile ${PROFILE} is in use by another Chromium (another npm start?). Close it and try again.`
      : `Chromium did not start: ${error?.message ?? error}`,
  );
}

try {
  await extensionId(context);
} catch (error) {
  say(String(error.message));
  await shutdown(1);
}

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(START_URL);

if (!headless) {
  say(`
Rapport is running in Chromium on the demo helpdesk (served on 127.0.0.1:${server.port}).

${describeDemoUrls()}

Notes are kept in ${PROFILE}. Close the browser or press Ctrl+C to stop.`);
  context.on('close', () => shutdown(0));
} else {
  try {
    // The frame sits in a closed shadow root: reach it through the browser's list of frames (CSS
    // then pierces the frame's own open shadow root). Wait until the name has text.
    const deadline = Date.now() + SIDEBAR_TIMEOUT_MS;
    while (!sidebarFrame(page) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const frame = sidebarFrame(page);
    if (!frame) throw new Error('no sidebar frame');
    await frame.locator(SIDEBAR_NAME).filter({ hasText: /\S/ }).first().waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) });
    // Then let memory settle: a screenshot of "Looking up history…" / "Loading notes…" shows nothing.
    // (Locators pierce the frame's open shadow root; document.body.innerText would not.)
    await frame
      .getByText(/Looking up history…|Loading notes…/)
      .first()
      .waitFor({ state: 'detached', timeout: Math.max(1, deadline - Date.now()) })
      .catch(() => say('The sidebar was still loading its memory when the screenshot was taken.'));
    // The helpdesk API's history can arrive after that ("Last time …", the timeline's count): wait
    // until the sidebar's text has not changed for 600 ms (at most 4 s more).
    if (!(await settled(frame, Math.min(deadline, Date.now() + 4_000)))) say('The sidebar was still changing when the screenshot was taken.');
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    say(`Rapport's sidebar shows the customer on ${START_URL}. Screenshot:`);
    console.log(SCREENSHOT);
    await shutdown(0);
  } catch {
    const debugShot = join(dirname(SCREENSHOT), 'demo-ticket-no-sidebar.png');
    mkdirSync(dirname(debugShot), { recursive: true });
    await page.screenshot({ path: debugShot }).catch(() => {});
    say(
      `Rapport's sidebar did not appear on ${START_URL} within ${SIDEBAR_TIMEOUT_MS / 1000} s ` +
        `(looked for ${SIDEBAR_NAME} in the sidebar frame). What the page showed instead: ${debugShot}`,
    );
    await shutdown(1);
  }
}
