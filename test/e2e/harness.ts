/** Starts the demo helpdesk and a Chromium with the built extension, and gives tests handles on both. */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { freemem, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Frame, Page, Locator, Worker } from 'playwright-core';
// @ts-expect-error plain ESM helpers shared with npm start and the benchmark
import { launchWithExtension, extensionId, demoComposersReady } from '../../scripts/lib/browser.mjs';
// @ts-expect-error plain ESM demo server
import { startDemoHelpdesk, respondTo } from '../../demo/server.mjs';
import { countRows } from './db';

export const EXTENSION = resolve('.output/chrome-mv3');

/** The demo helpdesk's answer for a host and path, without its server (to serve a changed copy of a page). */
export const demoPage = (host: string, pathname: string): Promise<{ status: number; type: string; body: string | Uint8Array }> => respondTo({ host, pathname });

export interface Rapport {
  context: BrowserContext;
  extensionId: string;
  port: number;
  /** Pages that opened a JavaScript dialog (alert/confirm): hostile text must never do that. */
  dialogs: string[];
  /** Script errors and console errors on its pages and their frames, newest last (for a stuck test's diagnosis). */
  errors: string[];
  open(url: string): Promise<Page>;
  /** Closes the browser; keeps the profile when `keepProfile` (to reopen it). */
  close(): Promise<void>;
  profile: string;
}

export async function startRapport(options: { profile?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<Rapport> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('Build first: npm run build');
  const server = await startDemoHelpdesk({ port: 0 });
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'rapport-e2e-')));
  const context: BrowserContext = await launchWithExtension({ extensionPath: EXTENSION, port: server.port, headless: true, userDataDir: profile });
  const dialogs: string[] = [];
  const errors: string[] = [];
  const noteError = (text: string) => errors.push(text.slice(0, 300)) > 50 && errors.shift();
  context.on('page', (page) => {
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => noteError(`${page.url()}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && noteError(`${m.location().url}: ${m.text()}`));
  });
  const id: string = await extensionId(context);
  return {
    context,
    extensionId: id,
    port: server.port,
    dialogs,
    errors,
    profile,
    async open(url: string) {
      const page = await context.newPage();
      if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
      await page.goto(url);
      await demoComposersReady(page);
      return page;
    },
    async close() {
      // A browser that does not exit must not hang the suite (a test once timed out in CI with no
      // step failing): after 15 s its processes are ended by their profile folder.
      const closed = await Promise.race([context.close().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000).unref())]);
      if (!closed) {
        console.warn(`Chromium (profile ${profile}) did not close within 15 s; ending it.`);
        try {
          execFileSync('pkill', ['-f', profile]);
        } catch {
          // Already gone.
        }
      }
      await server.close();
      if (!options.profile) await rm(profile, { recursive: true, force: true });
    },
  };
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !condition() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 25));
}

/**
 * The sidebar's frame: Rapport's own extension page, held in `<rapport-sidebar>`'s CLOSED shadow
 * root where neither the page nor Playwright's selectors reach. A test drives the browser, so it
 * finds the frame the way no page script can: among the page's frames, by its extension URL.
 */
export function sidebarFrame(page: Page): Frame | undefined {
  return page.frames().find((frame) => /^chrome-extension:\/\/[^/]+\/sidebar\.html/.test(frame.url()));
}

/** A locator inside the sidebar frame's document (CSS pierces the frame's own open shadow root). */
export function sidebar(page: Page, selector: string, options?: Parameters<Page['locator']>[1]): Locator {
  return whenFramed(page, (frame) => frame.locator(selector, options));
}

/** Locator methods that return another locator (the rest act, and may wait). */
const CHAINS = new Set(['locator', 'first', 'last', 'nth', 'filter', 'and', 'or', 'getByRole', 'getByText', 'getByTestId', 'getByLabel', 'getByPlaceholder', 'getByTitle', 'getByAltText']);

/**
 * `build(frame)` on the sidebar frame — or, while the page has none yet (the content script is
 * still creating it), a stand-in that waits up to 10 s for the frame when it is used, instead of a
 * locator on the page that would wait for ever for an element that can never be there.
 */
function whenFramed(page: Page, build: (frame: Frame) => Locator): Locator {
  const frame = sidebarFrame(page);
  if (frame) return build(frame);
  return new Proxy({} as Locator, {
    get(_target, method) {
      if (typeof method !== 'string' || method === 'then') return undefined; // not a promise
      if (CHAINS.has(method)) return (...args: unknown[]) => whenFramed(page, (f) => (build(f)[method as 'first'] as (...a: unknown[]) => Locator)(...args));
      return async (...args: unknown[]) => {
        await until(() => !!sidebarFrame(page), 10_000);
        const ready = sidebarFrame(page);
        if (!ready) throw new Error('The page has no Rapport sidebar frame.');
        return (build(ready)[method as 'count'] as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
}

/** An element of the sidebar by its `data-testid`. */
export function inSidebar(page: Page, testId: string): Locator {
  return sidebar(page, `[data-testid="${testId}"]`);
}

/** Whether the sidebar is shown: docked and visible (the frame stays loaded, hidden, between tickets). */
export async function sidebarShown(page: Page): Promise<boolean> {
  return page.locator('rapport-sidebar').isVisible();
}

export const screenshotDir = resolve('.output/screenshots');

/**
 * Named, bounded steps for a long test: each step fails on its own after `ms` with its name, and
 * if the test still fails (or times out as a whole) the steps taken so far are printed with how
 * long each one took — so a run that hangs says where, instead of "timed out in 60000ms".
 */
export function steps(onFailed: (fn: () => void) => void, diagnose?: () => Promise<string>) {
  const taken: { name: string; ms?: number; failed?: boolean }[] = [];
  const started = Date.now();
  onFailed(() => {
    const lines = taken.map((s) => `  ${s.name}: ${s.ms === undefined ? 'never finished' : `${s.ms} ms${s.failed ? ', failed' : ''}`}`);
    console.warn(`Steps taken (${Date.now() - started} ms in all):\n${lines.join('\n')}`);
  });
  return async function step<T>(name: string, work: () => Promise<T>, ms = 20_000): Promise<T> {
    const entry: { name: string; ms?: number; failed?: boolean } = { name };
    taken.push(entry);
    const t0 = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const said = `Step "${name}" did not finish within ${ms / 1000} s.`;
        // What the browser showed at that moment goes into the error itself: CI keeps only its end.
        void within(diagnose?.() ?? Promise.resolve(''), 5_000).then((seen) => reject(new Error(seen ? `${said}\n${seen}` : said)));
      }, ms);
    });
    try {
      return await Promise.race([work(), late]);
    } catch (error) {
      entry.failed = true;
      // A step that failed on its own (a Playwright timeout says why it waited) gets the diagnosis too.
      if (diagnose && error instanceof Error && !error.message.startsWith(`Step "${name}"`)) error.message += `\n${await within(diagnose(), 5_000)}`;
      throw error;
    } finally {
      clearTimeout(timer);
      entry.ms = Date.now() - t0;
    }
  };
}

/** `work`'s answer, or what went wrong with it, within `ms`. */
async function within(work: Promise<string>, ms: number): Promise<string> {
  const late = new Promise<string>((r) => setTimeout(() => r(`(no diagnosis within ${ms / 1000} s)`), ms).unref());
  return Promise.race([work.catch((e: unknown) => `(diagnosis failed: ${String(e)})`), late]);
}

/**
 * What a stuck test's browsers show, for its error message: each page's address, its frames, whether
 * the sidebar is shown and the start of its text, and how busy the machine is.
 */
export async function describeBrowsers(browsers: Rapport[]): Promise<string> {
  const lines = [`load ${loadavg().map((n) => n.toFixed(1)).join(' ')}, free ${Math.round(freemem() / 2 ** 20)} MB`];
  for (const r of browsers) {
    lines.push(...r.errors.slice(-10).map((e) => `error ${e}`));
    const worker = r.context.serviceWorkers()[0];
    lines.push(worker ? await storedCounts(worker) : 'no service worker');
    for (const page of r.context.pages()) {
      lines.push(`page ${page.url()}`);
      lines.push(`  frames: ${page.frames().map((f) => f.url() || '(blank)').join(' | ')}`);
      const frame = sidebarFrame(page);
      if (!frame) continue;
      const shown = await page.locator('rapport-sidebar').isVisible().catch(() => false);
      const text = await frame.evaluate(() => document.getElementById('app')?.shadowRoot?.querySelector('.rapport-root')?.textContent ?? '(nothing mounted)', undefined).catch((e: unknown) => `(unreadable: ${String(e)})`);
      lines.push(`  sidebar ${shown ? 'shown' : 'hidden'}: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 300))}`);
      lines.push(`  ${await frame.evaluate(frameInside).catch((e: unknown) => `(unreadable: ${String(e)})`)}`);
    }
  }
  return lines.join('\n');
}

/** Inside the sidebar frame (its own origin): the channel's state, the note box and whether its button moves. */
async function frameInside(): Promise<string> {
  const root = document.getElementById('app')?.shadowRoot;
  const box = root?.querySelector<HTMLTextAreaElement>('[data-testid="note-input"]');
  const save = root?.querySelector<HTMLButtonElement>('[data-testid="note-save"]');
  const boxSays = box ? `${JSON.stringify(box.value.slice(0, 40))}${box.readOnly ? ' (saving)' : ''}` : 'none';
  const error = root?.querySelector('[data-testid="note-error"]')?.textContent;
  const notes = root?.querySelectorAll('[data-testid="note"]').length ?? 0;
  const focused = root?.activeElement ? `${root.activeElement.tagName.toLowerCase()}[data-testid=${root.activeElement.getAttribute('data-testid') ?? ''}]` : 'nothing';
  const saveSays = save ? `${save.disabled || save.getAttribute('aria-disabled') === 'true' ? 'disabled' : 'enabled'} "${save.textContent ?? ''}"` : 'none';
  const at = (el: Element | null | undefined) => (el ? JSON.stringify(el.getBoundingClientRect()) : 'none');
  const before = at(save);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const moving = before === at(save) ? 'still' : `moving (${before} → ${at(save)})`;
  return `save button ${moving}; channel ${document.documentElement.dataset.channel ?? 'none'}; note box ${boxSays}; save ${saveSays}; note error ${JSON.stringify(error ?? null)}; notes shown ${notes}; focus on ${focused}`;
}

/** How many notes and customers the extension's database holds (read in its service worker). */
function storedCounts(worker: Worker): Promise<string> {
  return countRows(worker, 'notes', 'customers').then(
    (n) => `stored: ${n.notes} notes, ${n.customers} customers`,
    (e: unknown) => `stored: (unreadable: ${String(e)})`,
  );
}
