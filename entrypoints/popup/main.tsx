/** Toolbar popup: today's follow-ups, Rapport on/off for this helpdesk site, dashboard, presentation mode. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '@/components/dashboard/dashboard.css';
import '@/components/dashboard/popup.css';
import { db } from '@/lib/db/db';
import { dueToday, ticketUrl } from '@/lib/dashboard/queries';
import { useConfiguredHelpdesks, useLive, usePresentationPref, useStored } from '@/lib/dashboard/live';
import { isPageHost } from '@/lib/workspaces/rule';
import type { TabMessage } from '@/lib/client';
import { PREF } from '@/lib/prefs';
import { PresentationContext } from '@/components/presentation';
import { helpdeskNames } from '@/components/format';
import { dayTime, displayName, showText } from '@/components/dashboard/identity';

function Popup() {
  const [presentation, setPresentation] = usePresentationPref();
  const [disabled, setDisabled] = useStored<string[]>(PREF.disabledHosts, []);
  const helpdesks = useConfiguredHelpdesks();
  const [host, setHost] = useState<string | undefined>();
  const now = Date.now();
  const today = useLive(
    async () => {
      const open = await db().followUps.where('[status+dueAt]').between(['open', 0], ['open', now + 86_400_000]).toArray();
      const list = dueToday(open, now).slice(0, 8);
      const customers = await db().customers.bulkGet(list.map((f) => f.customerId));
      return list.map((f, i) => ({ f, customer: customers[i] }));
    },
    [],
    [],
  );
  useEffect(() => {
    // Which helpdesk account the current tab is: its content script answers (lib/client.ts,
    // 'page.account'); any other page has none, and the switch stays hidden. No `tabs` or
    // `activeTab` permission needed (#15).
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([tab]) => {
      if (tab?.id === undefined) return;
      const message: TabMessage = { type: 'page.account' };
      const answer: unknown = await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
      // Any helpdesk Rapport runs on answers, FreeScout's own host included (its switch was hidden).
      if (typeof answer === 'string' && isPageHost(answer)) setHost(answer);
    });
  }, []);
  const off = host ? disabled.includes(host) : false;
  return (
    <PresentationContext.Provider value={presentation}>
      <div class="rp-popup">
        <header class="rp-popup-head">
          <span class="rd-logo" aria-hidden="true">R</span> <strong>Rapport</strong>
        </header>
        <section>
          <h2>Due today</h2>
          {today.length === 0 ? (
            <p class="rd-muted rd-small">No follow-ups due today.</p>
          ) : (
            <ul class="rp-popup-list" data-testid="popup-followups">
              {today.map(({ f, customer }) => {
                const url = f.ticket && ticketUrl(f.ticket, helpdesks);
                return (
                  <li key={f.id}>
                    <span class="rd-ellipsis">
                      <strong>{displayName(customer, presentation)}</strong>: {showText(f.text, presentation)}
                      <br />
                      <span class={f.dueAt < now ? 'rd-danger rd-small' : 'rd-muted rd-small'}>{f.dueAt < now ? 'Overdue · ' : 'Due '}{dayTime(f.dueAt)}</span>
                    </span>
                    {url && (
                      <a href={url} target="_blank" rel="noopener noreferrer" class="rd-small">
                        #{f.ticket!.ticketId}
                      </a>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section class="rp-popup-controls">
          {host ? (
            <label class="rd-check">
              <input type="checkbox" checked={!off} onChange={(e) => setDisabled(e.currentTarget.checked ? disabled.filter((h) => h !== host) : [...disabled, host])} data-testid="site-toggle" />
              Rapport on {host}
            </label>
          ) : (
            <p class="rd-muted rd-small">Open a {helpdeskNames()} ticket to switch Rapport on or off for that site.</p>
          )}
          <label class="rd-check">
            <input type="checkbox" checked={presentation} onChange={(e) => setPresentation(e.currentTarget.checked)} data-testid="popup-presentation" /> Presentation mode
          </label>
        </section>
        <button type="button" class="rd-button rd-primary rp-popup-open" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') }).then(() => window.close())} data-testid="open-dashboard">
          Open dashboard
        </button>
        <button type="button" class="rd-button rp-popup-open" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/training.html') }).then(() => window.close())} data-testid="open-training">
          Training
        </button>
      </div>
    </PresentationContext.Provider>
  );
}

render(<Popup />, document.getElementById('app')!);
