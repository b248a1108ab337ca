import { browser } from 'wxt/browser';
import sidebarCss from '@/components/sidebar.css?inline';
import memoryCss from '@/components/memory/memory.css?inline';
import checklistCss from '@/components/checklist/checklist.css?inline';
import { adapterFor } from '@/lib/helpdesks';
import { request, type TabMessage } from '@/lib/client';
import { startController } from '@/lib/page/controller';
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
    const controller = startController(
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
      ctx.signal,
    );
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return;
      if ((message as TabMessage | undefined)?.type === 'sidebar.toggle') controller.toggleCollapsed();
    };
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && PREF.presentation in changes) controller.setPresentation(Boolean(changes[PREF.presentation]?.newValue));
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorage);
    });
  },
});
