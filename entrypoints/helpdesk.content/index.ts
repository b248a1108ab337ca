import { browser } from 'wxt/browser';
import css from '@/components/sidebar.css?inline';
import { adapterFor } from '@/lib/helpdesks';
import { request, type TabMessage } from '@/lib/client';
import { startController } from '@/lib/page/controller';
import { createSidebarHost } from '@/lib/page/sidebar-host';

const COLLAPSED_KEY = 'sidebar.collapsed';

export default defineContentScript({
  // Ticket pages only. Freshdesk's older ticket URLs live under /helpdesk/tickets/.
  matches: ['https://*.zendesk.com/agent/*', 'https://*.freshdesk.com/a/*', 'https://*.freshdesk.com/helpdesk/tickets/*'],
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
          collapsed: async () => Boolean((await browser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY]),
          setCollapsed: (value) => browser.storage.local.set({ [COLLAPSED_KEY]: value }),
        },
      },
      ctx.signal,
    );
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return;
      if ((message as TabMessage | undefined)?.type === 'sidebar.toggle') controller.toggleCollapsed();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
