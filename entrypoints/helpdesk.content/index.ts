import { browser } from 'wxt/browser';
import sidebarCss from '@/components/sidebar.css?inline';
import memoryCss from '@/components/memory/memory.css?inline';
import checklistCss from '@/components/checklist/checklist.css?inline';
import { adapterFor } from '@/lib/helpdesks';
import { request, type TabMessage } from '@/lib/client';
import { startController, type Controller } from '@/lib/page/controller';
import { childController } from '@/lib/page/lifecycle';
import { createSidebarHost } from '@/lib/page/sidebar-host';
import { PREF } from '@/lib/prefs';
import { memoryFeature } from '@/lib/memory/feature';
import { checklistFeature } from '@/lib/standards/feature';

const css = [sidebarCss, memoryCss, checklistCss].join('\n');
const flag = async (key: string) => Boolean((await browser.storage.local.get(key))[key]);

export default defineContentScript({
  // Ticket pages only. Freshdesk's older ticket URLs live under /helpdesk/tickets/.
  matches: ['https://*.zendesk.com/agent/*', 'https://*.freshdesk.com/a/*', 'https://*.freshdesk.com/helpdesk/tickets/*'],
  // As soon as the DOM is parsed: server-rendered panes are there, SPA panes are caught by the observer.
  runAt: 'document_end',
  main(ctx) {
    const adapter = adapterFor(new URL(location.href));
    if (!adapter) return;
    // The agent can switch Rapport off per helpdesk site from the popup (PREF.disabledHosts, #5).
    const offHere = (hosts: unknown) => Array.isArray(hosts) && hosts.includes(location.host);
    let running: { controller: Controller; stop: AbortController } | undefined;
    const start = () => {
      const stop = childController(ctx.signal);
      running = { controller: startRapport(stop.signal), stop };
    };
    const startRapport = (signal: AbortSignal) => startController(
      {
        adapter,
        document,
        href: () => location.href,
        request,
        createView: (handlers) => createSidebarHost(document, css, handlers),
        prefs: {
          collapsed: () => flag(PREF.collapsed),
          setCollapsed: (value) => browser.storage.local.set({ [PREF.collapsed]: value }),
          presentation: () => flag(PREF.presentation),
        },
        features: [memoryFeature, checklistFeature],
      },
      signal,
    );
    void browser.storage.local.get(PREF.disabledHosts).then((got) => {
      if (!offHere(got[PREF.disabledHosts]) && !running && !ctx.signal.aborted) start();
    });
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return;
      if ((message as TabMessage | undefined)?.type === 'sidebar.toggle') running?.controller.toggleCollapsed();
    };
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && PREF.presentation in changes) running?.controller.setPresentation(Boolean(changes[PREF.presentation]?.newValue));
      if (area === 'local' && PREF.disabledHosts in changes) {
        const off = offHere(changes[PREF.disabledHosts]?.newValue);
        if (off && running) {
          running.stop.abort();
          running = undefined;
        } else if (!off && !running) start();
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorage);
    });
  },
});
