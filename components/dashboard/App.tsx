import { useEffect, useState } from 'preact/hooks';
import { useAfterFirstRows, useConfiguredHelpdesks, useCounts, useOverdueCount, usePresentationPref } from '@/lib/dashboard/live';
import { TicketLinks } from './ticket-links';
import { PresentationContext } from '../presentation';
import { CustomersView } from './CustomersView';
import { NotesView } from './NotesView';
import { FollowUpsView } from './FollowUpsView';
import { QualityView } from './QualityView';
import { DataView } from './DataView';
import { DisagreementsView } from './DisagreementsView';

export const VIEWS = [
  ['customers', 'Customers'],
  ['notes', 'Notes'],
  ['follow-ups', 'Follow-ups'],
  ['quality', 'Reply quality'],
  ['disagreements', 'Disagreements'],
  ['data', 'Your data'],
] as const;
export type ViewId = (typeof VIEWS)[number][0];

/** The view and, on `#customers/<id>`, the customer whose page is open (see routes.ts). */
const fromHash = (): { view: ViewId; customer?: string } => {
  const [h = '', sub] = location.hash.slice(1).split('/');
  const view = (VIEWS.find(([id]) => id === h)?.[0] ?? 'customers') as ViewId;
  return view === 'customers' && sub ? { view, customer: decodeURIComponent(sub) } : { view };
};


export function App() {
  const [{ view, customer }, setRoute] = useState(fromHash);
  const [presentation] = usePresentationPref();
  const helpdesks = useConfiguredHelpdesks();
  // Counting a large table is slow and IndexedDB answers in order: only "Your data" counts every
  // table, and the overdue badge waits for the view's first rows.
  const settled = useAfterFirstRows(view === 'data');
  const counts = useCounts(view === 'data');
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const onHash = () => setRoute(fromHash());
    addEventListener('hashchange', onHash);
    const tick = setInterval(() => setNow(Date.now()), 60_000);
    return () => {
      removeEventListener('hashchange', onHash);
      clearInterval(tick);
    };
  }, []);
  const overdue = useOverdueCount(now, settled);
  return (
    <PresentationContext.Provider value={presentation}>
      <TicketLinks.Provider value={helpdesks}>
        <div class="rd-app" data-ready={settled && (view !== 'data' || counts) ? 'true' : 'false'}>
          <nav class="rd-nav" aria-label="Dashboard">
            <div class="rd-brand">
              <span class="rd-logo" aria-hidden="true">R</span> Rapport
            </div>
            <ul>
              {VIEWS.map(([id, label]) => (
                <li key={id}>
                  <a href={`#${id}`} aria-current={view === id ? 'page' : undefined} data-testid={`nav-${id}`}>
                    {label}
                    {id === 'follow-ups' && overdue > 0 && <span class="rd-count rd-count-warn">{overdue}</span>}
                  </a>
                </li>
              ))}
            </ul>
            <a class="rd-nav-training" href="/training.html" data-testid="nav-training">
              Training →
            </a>
            {presentation && <p class="rd-presenting" data-testid="presenting">Presentation mode: names and contact details masked</p>}
          </nav>
          <main class="rd-main">
            {view === 'customers' && <CustomersView now={now} selected={customer} />}
            {view === 'notes' && <NotesView />}
            {view === 'follow-ups' && <FollowUpsView now={now} />}
            {view === 'quality' && <QualityView />}
            {view === 'disagreements' && <DisagreementsView />}
            {view === 'data' && <DataView counts={counts} />}
          </main>
        </div>
      </TicketLinks.Provider>
    </PresentationContext.Provider>
  );
}
