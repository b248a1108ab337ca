/**
 * The system Chromium with the built extension, the way npm start, the end-to-end tests and the
 * benchmark all run it (see /work/shared/reference/toolchain.md): playwright-core drives the
 * Chromium installed on the machine (never a downloaded one), the extension is loaded unpacked with
 * its production manifest, and *.zendesk.com / *.freshdesk.com resolve to the local demo helpdesk.
 */
import { existsSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { isAbsolute, join, resolve } from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** Path of the Chromium to drive: $CHROME_PATH first, then the usual system installs. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
  }
  for (const candidate of CANDIDATES) {
    const path = isAbsolute(candidate) ? (existsSync(candidate) ? candidate : null) : which(candidate);
    if (path) return path;
  }
  throw new Error('No Chromium found: apt-get install chromium or set CHROME_PATH');
}

function which(command) {
  try {
    const path = execFileSync('which', [command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The command-line flags: load only our extension, map the helpdesk hosts to the demo server on
 * 127.0.0.1:port, accept its self-signed certificate, and keep Chromium quiet and offline.
 */
export function chromiumArgs({ extensionPath, port }) {
  const ext = resolve(extensionPath);
  return [
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=MAP *.zendesk.com 127.0.0.1:${port}, MAP *.freshdesk.com 127.0.0.1:${port}`,
    '--ignore-certificate-errors',
  ];
}

/**
 * Launches Chromium with the unpacked extension at `extensionPath`, mapped to the demo helpdesk on
 * `port`. Returns playwright-core's persistent BrowserContext. `userDataDir` is the profile folder
 * (kept between launches, e.g. .rapport-profile/); empty or absent means a throwaway profile.
 */
export async function launchWithExtension({ extensionPath, port, headless = true, userDataDir = '', viewport = { width: 1440, height: 900 } }) {
  if (!extensionPath || !existsSync(resolve(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run npx wxt build first.`);
  }
  if (!port) throw new Error('launchWithExtension needs the demo helpdesk port');
  if (userDataDir) forgetServiceWorkers(resolve(userDataDir));
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(userDataDir ? resolve(userDataDir) : '', {
    executablePath: findChromium(),
    headless,
    viewport,
    args: chromiumArgs({ extensionPath, port }),
  });
}

/**
 * A kept profile (npm start's .rapport-profile/, a benchmark's --profile) remembers the extension's
 * service worker script: Chromium loads an unpacked extension whose version did not change with the
 * worker it registered before, so a rebuilt background did not run (seen: a sidebar answering
 * "Malformed request … received memory.context" from a worker built hours earlier). The folder holds
 * only worker registrations and their script cache; the extension's data (IndexedDB, storage) stays.
 */
function forgetServiceWorkers(profile) {
  rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
}

/**
 * Waits until every Zendesk composer on a demo page is a running CKEditor 5: the demo loads the
 * editor after the page (`data-demo-editor` marks a ready one), and typing before that would go to
 * the plain element it replaces.
 */
export async function demoComposersReady(page) {
  await page.waitForFunction(() => !document.querySelector('[data-test-id="omnicomposer-rich-text-ckeditor"]:not([data-demo-editor])'));
}

/** The extension's id, from its background service worker's URL (waits for the worker to start). */
export async function extensionId(context, { timeout = 15_000 } = {}) {
  const isOurs = (worker) => worker.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout }).catch(() => {
      throw new Error(`The extension's service worker did not start within ${timeout / 1000} s (is it built, with a background script?).`);
    }));
  return new URL(worker.url()).host;
}

/**
 * Allows the extension on `origin` the way a person does on the browser's extensions page (its
 * "site access" setting): a headless browser cannot answer the permission prompt.
 */
export async function grantHost(context, extensionId, origin) {
  const page = await context.newPage();
  await page.goto(`chrome://extensions/?id=${extensionId}`);
  await page.evaluate(([id, pattern]) => globalThis.chrome.developerPrivate.addHostPermission(id, pattern), [extensionId, `${origin}/*`]);
  await page.close();
}

/**
 * Adds a helpdesk on Rapport's options page as an agent does (Helpdesks → Add a helpdesk): its URL
 * pattern, its kind (a built-in adapter id or `custom`) and, for custom ones, selectors by field.
 * Resolves with the options page once the row says Rapport runs there (grant the host first).
 */
export async function addHelpdeskOnOptions(context, extensionId, pattern, kind, selectors = {}) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.click('[data-testid="helpdesk-add"]');
  await options.fill('[data-testid="helpdesk-pattern"]', pattern);
  await options.selectOption('[data-testid="helpdesk-kind"]', kind);
  for (const [field, selector] of Object.entries(selectors)) await options.fill(`[data-testid="sel-${field}"]`, selector);
  await options.click('[data-testid="helpdesk-save"]');
  await options.locator('[data-testid="helpdesk"]', { hasText: pattern }).filter({ hasText: 'Rapport runs here' }).waitFor({ timeout: 15_000 });
  return options;
}

/** Signs in to a FreeScout started by scripts/freescout.sh (its seeded agent). */
export async function signInToFreescout(page, base) {
  await page.goto(`${base}/login`);
  await page.fill('input[name=email]', 'agent@example.test');
  await page.fill('input[name=password]', 'agent-pass-123');
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('button[type=submit]')]);
}
