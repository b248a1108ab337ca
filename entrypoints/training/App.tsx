/** Wires the training views to the page's data (lib/training/live.ts) and the address bar (#view/id). */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useTraining } from '@/lib/training/live';
import { scenarioTicket } from '@/lib/training/ticket';
import { RULE_IDS } from '@/lib/standards/types';
import type { Scenario } from '@/lib/training/types';
import { PresentationContext } from '@/components/presentation';
import { Library } from '@/components/training/Library';
import { Practice } from '@/components/training/Practice';
import { Progress } from '@/components/training/Progress';
import { ScenarioEditor } from '@/components/training/ScenarioEditor';
import { ClassMode } from '@/components/training/ClassMode';
import { StandardsExplained } from '@/components/standards/Explained';

type Route = { view: 'library' | 'progress' | 'standards' | 'new' } | { view: 'practice' | 'class' | 'edit'; id: string };

const fromHash = (): Route => {
  const [view = '', id] = location.hash.slice(1).split('/');
  if ((view === 'practice' || view === 'class' || view === 'edit') && id) return { view, id: decodeURIComponent(id) };
  if (view === 'progress' || view === 'standards' || view === 'new') return { view };
  return { view: 'library' };
};
const go = (hash: string) => (location.hash = hash);

const NAV = [
  ['library', 'Scenario library'],
  ['progress', 'Progress'],
  ['standards', 'Standards explained'],
] as const;

const BLANK: Scenario = {
  id: '',
  title: '',
  principle: 'caring',
  why: '',
  strongReply: [],
  modelAnswer: '',
  subject: '',
  channel: 'email',
  customer: { name: '', email: '', customerForDays: 0 },
  thread: [{ from: 'customer', text: '', minutesAgo: 20 }],
  history: [],
  facts: [],
  promises: [],
};

const slug = (title: string) =>
  `${title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'scenario'}-${crypto.randomUUID().slice(0, 6)}`;

export function TrainingApp({ sidebarCss }: { sidebarCss: string }) {
  const t = useTraining();
  const [route, setRoute] = useState(fromHash);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string }>();
  useEffect(() => {
    const onHash = () => setRoute(fromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const entry = 'id' in route ? t.library.find((e) => e.scenario.id === route.id) : undefined;
  const scenario = entry?.scenario;
  const ticket = useMemo(() => (scenario ? scenarioTicket(scenario, Date.now()) : undefined), [scenario]);
  const model = useMemo(() => (scenario ? t.evaluate(scenario, scenario.modelAnswer) : undefined), [scenario, t.pack]);
  const index = scenario ? t.library.findIndex((e) => e.scenario.id === scenario.id) : -1;
  const move = useCallback(
    (step: -1 | 1) => {
      // From the address, not the last render: two quick key presses move two scenarios.
      const at = fromHash();
      const from = 'id' in at ? t.library.findIndex((e) => e.scenario.id === at.id) : -1;
      if (from < 0) return;
      const next = t.library[(from + step + t.library.length) % t.library.length]!;
      go(`#class/${encodeURIComponent(next.scenario.id)}`);
    },
    [t.library],
  );
  const exitClass = useCallback(() => scenario && go(`#practice/${encodeURIComponent(scenario.id)}`), [scenario]);

  if (route.view === 'class' && scenario && ticket) {
    return <ClassMode scenario={scenario} ticket={ticket} sidebarCss={sidebarCss} position={{ index, count: t.library.length }} onMove={move} onExit={exitClass} />;
  }

  const current = route.view === 'practice' || route.view === 'edit' || route.view === 'new' ? 'library' : route.view;
  return (
    <PresentationContext.Provider value={t.presentation}>
      <div class="rd-app tr-app" data-ready={t.libraryLoaded ? 'true' : 'false'}>
        <nav class="rd-nav" aria-label="Training">
          <div class="rd-brand">
            <span class="rd-logo" aria-hidden="true">R</span> Rapport training
          </div>
          <label class="tr-trainee-field">
            <span>Trainee</span>
            <input type="text" value={t.trainee} placeholder="Your name" onChange={(e) => t.setTrainee(e.currentTarget.value)} data-testid="trainee-name" autocomplete="name" />
          </label>
          <ul>
            {NAV.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`} aria-current={current === id ? 'page' : undefined} data-testid={`nav-${id}`}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
          <a class="tr-nav-out" href={browser.runtime.getURL('/dashboard.html')}>
            Dashboard →
          </a>
          {t.presentation && <p class="rd-presenting">Presentation mode: names and contact details masked</p>}
        </nav>
        <main class="rd-main">
          {route.view === 'library' && (
            <Library
              entries={t.library}
              message={message}
              onOpen={(id) => go(`#practice/${encodeURIComponent(id)}`)}
              onNew={() => go('#new')}
              onExport={() => {
                t.exportPack();
                setMessage({ tone: 'ok', text: `Exported ${t.library.length} scenarios as a pack file.` });
              }}
              onImport={(file) => void t.importPack(file).then(setMessage)}
              onResetBuiltIns={() =>
                void t.resetBuiltIns().then((n) => setMessage({ tone: 'ok', text: n ? `Restored ${n} built-in ${n === 1 ? 'scenario' : 'scenarios'} as shipped.` : 'The built-in scenarios are already as shipped.' }))
              }
            />
          )}
          {route.view === 'practice' && scenario && ticket && model && (
            <Practice
              key={scenario.id}
              scenario={scenario}
              ticket={ticket}
              sidebarCss={sidebarCss}
              trainee={t.trainee}
              evaluate={(draft) => t.evaluate(scenario, draft)}
              model={model}
              onAttempt={(draft, result) => t.recordAttempt(scenario, draft, result)}
              onClassMode={() => go(`#class/${encodeURIComponent(scenario.id)}`)}
              onEdit={() => go(`#edit/${encodeURIComponent(scenario.id)}`)}
            />
          )}
          {(route.view === 'edit' || route.view === 'new') && (route.view === 'new' || entry) && (
            <ScenarioEditor
              key={route.view === 'edit' ? route.id : 'new'}
              scenario={entry?.scenario ?? BLANK}
              isNew={route.view === 'new'}
              origin={entry?.origin}
              onSave={async (s) => {
                const saved = { ...s, id: s.id || slug(s.title) };
                const problem = await t.saveScenario(saved);
                if (!problem) go(`#practice/${encodeURIComponent(saved.id)}`);
                return problem;
              }}
              onCancel={() => history.back()}
              onDelete={() => entry && void t.deleteScenario(entry.scenario.id).then(() => go('#library'))}
            />
          )}
          {'id' in route && !entry && t.libraryLoaded && (
            <div class="rd-empty">
              <h2>No such scenario</h2>
              <p>
                It may have been deleted. <a href="#library">Back to the library</a>
              </p>
            </div>
          )}
          {route.view === 'progress' && (
            <Progress
              progress={t.progress}
              onExportCsv={t.exportCsv}
              onExportJson={t.exportReport}
              onClear={(name) => void t.clearTrainee(name)}
            />
          )}
          {route.view === 'standards' && (
            <div class="rd-view">
              <div class="tr-page-head">
                <div>
                  <h1>Standards explained</h1>
                  <p class="rd-muted">What each checklist item asks of a reply, and why it matters to the customer.</p>
                </div>
              </div>
              <StandardsExplained order={RULE_IDS} team={t.pack.explanations} />
            </div>
          )}
        </main>
      </div>
    </PresentationContext.Provider>
  );
}
