import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterFor, ticketPagePatterns } from '@/lib/helpdesks';
import { adapterOf, configuredFor, type ConfiguredHelpdesk } from '@/lib/helpdesks/configured';
import type { HelpdeskAdapter } from '@/lib/helpdesks/types';
import { request, type TabMessage } from '@/lib/client';
import { startController, type Controller } from '@/lib/page/controller';
import { childController } from '@/lib/page/lifecycle';
import { createSidebarFrame, type SidebarFrame } from '@/lib/page/sidebar-frame';
import { crowdKey, keepCrowds, recallCrowds } from '@/lib/page/dock';
import { shownZone } from '@/lib/page/shown-zone';
import { PREF } from '@/lib/prefs';
import { memoryFeature } from '@/lib/memory/feature';
import { checklistFeature } from '@/lib/standards/feature';
import { workspaceFeature } from '@/lib/workspaces/feature';

export default defineContentScript({
  // Ticket pages only: every adapter's `ticketPages` (lib/helpdesks). WXT imports this file at build
  // time to read the options, so the list is computed from the registry (checked by manifest.e2e.ts).
  matches: ticketPagePatterns,
  // Loaded at document_start so that parsing this script and reading the preferences happen while the
  // page is still loading; the controller itself starts once the DOM is parsed (server-rendered
  // panes are there then; SPA panes are caught by its observer). Measured: ~10 ms sooner to sidebar.
  runAt: 'document_start',
  // `ctx` is Rapport's quiet context (lib/page/quiet-context.ts, aliased in wxt.config.ts): it
  // neither announces this script to the page nor lets a page event end it (issue #15).
  main(ctx) {
    // A configured pattern may also cover a built-in page: the script is then injected twice.
    const flag = globalThis as { __rapportRunning?: boolean };
    if (flag.__rapportRunning) return;
    const url = new URL(location.href);
    const builtIn = adapterFor(url);
    const keys = [PREF.disabledHosts, PREF.collapsed, PREF.presentation, PREF.sidebarWidth, PREF.dockCrowds, PREF.shownZones];
    // Elsewhere we run only because the agent added this helpdesk on the options page (#13).
    const prefs = browser.storage.local.get(builtIn ? keys : [...keys, PREF.helpdesks]);
    const found = builtIn ? Promise.resolve({ adapter: builtIn, pattern: undefined }) : prefs.then((got) => configuredHere(got, url));
    flag.__rapportRunning = true;
    const page: Page = { ctx, prefs, crowds: undefined, adapter: undefined, pattern: undefined, running: undefined, early: undefined };
    void prefs.then((got) => (page.crowds ??= got[PREF.dockCrowds]));
    ctx.onInvalidated(() => (flag.__rapportRunning = false));
    const parsed =
      document.readyState === 'loading'
        ? new Promise<void>((done) => document.addEventListener('DOMContentLoaded', (e) => e.isTrusted && done(), { signal: ctx.signal }))
        : Promise.resolve();
    // The frame does not wait for the preferences: an extension frame takes 60–110 ms to load, and
    // the read 6–37 ms more (docs/architecture.md). This script runs only where an adapter applies
    // (a built-in helpdesk, or one the agent added); if the agent switched Rapport off here, the
    // frame is removed before anything is shown.
    page.early = makeFrame(page);
    void Promise.all([prefs, found]).then(([got, which]) => {
      if (!which) return;
      page.adapter = which.adapter;
      page.pattern = which.pattern;
      if (!offHere(got[PREF.disabledHosts]) && !page.running && !ctx.signal.aborted) start(page, parsed);
      page.early?.destroy();
      page.early = undefined;
    });
    listenToExtension(page);
  },
});

/** This page's script: what it read and what it runs; shared by the steps below. */
interface Page {
  readonly ctx: ContentScriptContext;
  readonly prefs: Promise<Record<string, unknown>>;
  /** What the helpdesk's side panels did on earlier pages (lib/page/dock.ts): read with the preferences. */
  crowds: unknown;
  /** The helpdesk's adapter (and the agent's pattern for it, if they added it): known once the preferences are read. */
  adapter: HelpdeskAdapter | undefined;
  pattern: string | undefined;
  running: { controller?: Controller; stop: AbortController } | undefined;
  /** The frame made before the preferences were read, until the controller takes it or it is removed. */
  early: SidebarFrame | undefined;
}

/** The helpdesk the agent added on the options page (#13) that this page belongs to, if any. */
function configuredHere(got: Record<string, unknown>, url: URL) {
  const configured = configuredFor(got[PREF.helpdesks] as ConfiguredHelpdesk[] | undefined, url);
  const adapter = configured && adapterOf(configured);
  return adapter && { adapter, pattern: configured.pattern };
}

// The agent can switch Rapport off per helpdesk site from the popup (PREF.disabledHosts, #5).
const offHere = (hosts: unknown) => Array.isArray(hosts) && hosts.includes(location.host);

function makeFrame(page: Page): SidebarFrame {
  const { ctx, prefs } = page;
  return createSidebarFrame(document, () => ctx.abort('Rapport was reloaded or removed'), {
    sidePanels: () => page.adapter?.sidePanels,
    savedWidth: prefs.then((got) => got[PREF.sidebarWidth] as number | undefined),
    saveWidth: (width) => void browser.storage.local.set({ [PREF.sidebarWidth]: width }),
    crowdMemory: {
      recall: (viewport, preferred) => recallCrowds(page.crowds, crowdKey(location.host, viewport, preferred)),
      keep(viewport, preferred, found) {
        const next = keepCrowds(page.crowds, crowdKey(location.host, viewport, preferred), found);
        if (!next) return;
        page.crowds = next;
        void browser.storage.local.set({ [PREF.dockCrowds]: next });
      },
    },
  });
}

// The controller starts once the preferences say Rapport is on here, while the page is still
// loading: it shows the ticket as soon as the parser has put it on the page, and looks the
// customer up once the DOM is parsed (ControllerDeps.parsed).
function start(page: Page, whenParsed: Promise<void>): void {
  const stop = childController(page.ctx.signal);
  const frame = page.early ?? makeFrame(page);
  page.early = undefined;
  stop.signal.addEventListener('abort', () => frame.destroy(), { once: true });
  page.running = { stop, controller: startRapport(page, stop.signal, frame, whenParsed) };
}

function startRapport(page: Page, signal: AbortSignal, frame: SidebarFrame, parsed: Promise<void>): Controller {
  const { prefs } = page;
  return startController(
    {
      adapter: page.adapter!,
      pattern: page.pattern,
      document,
      parsed,
      href: () => location.href,
      request,
      createView: (handlers) => frame.view(handlers),
      prefs: {
        collapsed: async () => Boolean((await prefs)[PREF.collapsed]),
        setCollapsed: (value) => browser.storage.local.set({ [PREF.collapsed]: value }),
        presentation: async () => Boolean((await prefs)[PREF.presentation]),
      },
      features: [workspaceFeature, memoryFeature, checklistFeature],
      shownZone: () =>
        prefs.then((got) =>
          shownZone({ adapter: page.adapter!, doc: document, url: new URL(location.href), remembered: got[PREF.shownZones], remember: (next) => void browser.storage.local.set({ [PREF.shownZones]: next }), signal }),
        ),
    },
    signal,
  );
}

/** The toolbar's and the popup's messages, and preference changes made elsewhere (the popup, another tab). */
function listenToExtension(page: Page): void {
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const type = (message as TabMessage | undefined)?.type;
    if (type === 'sidebar.toggle') page.running?.controller?.toggleCollapsed();
    if (type === 'page.account') return Promise.resolve(location.host);
    return undefined;
  };
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && PREF.presentation in changes) page.running?.controller?.setPresentation(Boolean(changes[PREF.presentation]?.newValue));
    if (area === 'local' && PREF.disabledHosts in changes) {
      const off = offHere(changes[PREF.disabledHosts]?.newValue);
      if (off && page.running) {
        page.running.stop.abort();
        page.running = undefined;
      } else if (!off && !page.running && page.adapter) start(page, Promise.resolve());
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  browser.storage.onChanged.addListener(onStorage);
  page.ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.storage.onChanged.removeListener(onStorage);
  });
}
