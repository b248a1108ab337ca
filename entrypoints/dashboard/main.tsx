/** The review dashboard: an extension page that reads the Rapport database directly (issue #5). */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/dashboard/dashboard.css';
import { App } from '@/components/dashboard/App';
import { db } from '@/lib/db/db';
import { applyRetention } from '@/lib/exchange';
import { PREF } from '@/lib/prefs';

performance.mark('rapport:script');

// Retention, when the agent turned it on, runs each time the dashboard opens.
void browser.storage.local.get(PREF.retentionMonths).then((got) => {
  const months = Number(got[PREF.retentionMonths]);
  if (months > 0) void applyRetention(db(), months);
});

render(<App />, document.getElementById('app')!);
