import { browser } from 'wxt/browser';
import { db } from '@/lib/db/db';
import { Repository, systemClock } from '@/lib/db/repository';
import { createRequestHandler } from '@/lib/background/handle-request';
import { startMemoryBackground } from '@/lib/memory/background';
import type { TabMessage } from '@/lib/client';
import { loadHelpdesks, pageHelpdesk, startConfiguredHelpdesks } from '@/lib/background/configured-helpdesks';
import { ticketUrl } from '@/lib/dashboard/queries';

export default defineBackground(() => {
  const database = db();
  // Session storage (Chrome 102+, Firefox 115+): follow-up suggestions outlive a stopped worker.
  const handle = createRequestHandler(new Repository(database), browser.runtime.id, database, systemClock, pageHelpdesk(), browser.storage.session);

  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-sidebar') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    const message: TabMessage = { type: 'sidebar.toggle' };
    // A tab without our content script (not a helpdesk ticket) has nobody listening: that's fine.
    await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
  });

  startMemoryBackground(database, async (ticket) => ticketUrl(ticket, await loadHelpdesks()));
  startConfiguredHelpdesks();
});
